package ingest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// Chromium's print of the legacy table, taken out by plain pdftotext,
// prints each row's label, then its unit and figure on the line under it
// (其中：主动公开规范性文件数 / 条 14), and 万 / 元 of the budget's unit
// around the label's last piece (方面 万 26.23 / 的经费） / 元): the unit
// under a label is the row's, no piece of its label, and the budget is
// read in 万元.
func TestLegacyPlainUnitUnderLabel(t *testing.T) {
	r := parseText(t, "plain.txt", pdftextWith(t, "synth2014-chrome.plain.txt"))
	checkCells(t, r, []cellCase{
		{indicator: "proactive.items.normative_documents", breakdown: "total", value: "14", without: []string{gongkai.FlagUnitMissing}},
		{indicator: "gazette.issues", breakdown: "total", value: "15", without: []string{gongkai.FlagUnitMissing}},
		{indicator: "capacity.budget", breakdown: "total", value: "26.23", without: []string{gongkai.FlagUnitMissing}},
	})
	for _, o := range r.Observations {
		if strings.HasSuffix(o.Label, "条") || strings.HasSuffix(o.Label, "件") || strings.HasSuffix(o.Label, " 万") {
			t.Errorf("%s: a unit read as a piece of the label %q", o.Indicator, o.Label)
		}
	}
	// pdf.js prints 万元 one character a line under the label's last piece,
	// its figure beside 元 (的经费） / 万 / 元 15.85): the row's unit.
	r = parseText(t, "pdfjs.txt", fixtureWith(t, "pdftext/fresh", "s26-legacy2014-html.pdfjs.txt"))
	checkCells(t, r, []cellCase{{indicator: "capacity.budget", breakdown: "total", value: "15.85", without: []string{gongkai.FlagUnitMissing}}})
	if o := obs(t, r, "capacity.budget", "total"); strings.HasSuffix(o.Label, "元") {
		t.Errorf("the budget's unit read as a piece of its label %q", o.Label)
	}
	// The unit and figure under a label with more such lines after it are
	// no piece of that row (pdfminer: a page's labels, then a unit and
	// figure a line): the row prints nothing of its own.
	r = parseText(t, "plain.txt", strings.Replace(pdftextWith(t, "synth2014-chrome.plain.txt"), "条 14\n", "条 14\n条 99\n", 1))
	if slices.ContainsFunc(r.Observations, func(o gongkai.Observation) bool {
		return o.Indicator == "proactive.items.normative_documents" && o.Value != nil && *o.Value == 14 && !slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder)
	}) {
		t.Errorf("条 14 followed by 条 99 placed under the label above it by position")
	}
}

// pdf.js prints two cells of a row of table 3 close together as one, a
// space between (一、本年新收政府信息公开申请数量 217 1 0 0 / 0 / 0 218): six
// cells for seven columns, read as the cell of two figures split when the
// row so read adds up (form/figurepair.go). A row that does not add up so
// stays unplaced.
func TestFigurePairInACell(t *testing.T) {
	const row = "量 \t217 1 0 0 \t0 \t0 218\n"
	text := readText(t, filepath.Join("..", "testdata", "real", "pingtan-2024.chromium.pdfjs.txt"))
	if !strings.Contains(text, row) {
		t.Fatalf("the fixture does not print %q", row)
	}
	r := parseText(t, "pdfjs.txt", text)
	checkCells(t, r, []cellCase{
		{indicator: "requests.received", breakdown: "natural_person", value: "217"},
		{indicator: "requests.received", breakdown: "other_org", value: "0"},
		{indicator: "requests.received", breakdown: "total", value: "218"},
	})
	for name, printed := range map[string]string{
		"no sum":            "量 \t217 1 0 0 \t0 \t0 219\n",
		"the sum one apart": "量 \t217 1 0 0 \t0 \t1 218\n",
	} {
		t.Run(name, func(t *testing.T) {
			r := parseText(t, "pdfjs.txt", strings.Replace(text, row, printed, 1))
			if hasFigure(r, "requests.received", "total") || hasFigure(r, "requests.received", "natural_person") {
				t.Errorf("the row placed from %q", printed)
			}
			if !unplacedBecause(r, "本年新收", "") {
				t.Errorf("the row not unplaced: %+v", r.Unplaced)
			}
		})
	}
}

// The same in a page whose table 3 header pdf.js prints unread (总计商 业),
// so its rows are placed by the form's order, and in table 4: a row one
// figure short whose last cell is two figures parted by a space (17 461,
// table 4's 113 132), read before as one figure with its thousands
// parted. Split, the row adds up (table 4: every block), and is placed
// (form/figurepair.go, figurePairByFormOrder; 176 → 198 of 198). When the
// cell read as one figure makes the row add up too, with a blank cell
// (0 444: the six before it sum to 444 both ways), or the split does not
// add up, the row stays unplaced.
func TestFigurePairByFormOrder(t *testing.T) {
	const file = "ho1601-6.chromium-word.pdfjs.txt"
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	ratchetTruthFile(t, dir, file, 198, 0)
	const row = "339 60 \t15 \t9 \t21 \t17 461\n"
	text := readText(t, filepath.Join(dir, file))
	if !strings.Contains(text, row) {
		t.Fatalf("the fixture does not print %q", row)
	}
	for name, printed := range map[string]string{
		"one figure adds up too": "339 60 \t15 \t9 \t21 \t0 444\n",
		"no sum":                 "339 60 \t15 \t9 \t21 \t17 462\n",
	} {
		t.Run(name, func(t *testing.T) {
			r := parseText(t, file, strings.Replace(text, row, printed, 1))
			if hasFigure(r, "requests.received", "total") || hasFigure(r, "requests.received", "natural_person") {
				t.Errorf("the row placed from %q", printed)
			}
			if !unplacedBecause(r, "本年新收", "") {
				t.Errorf("the row not unplaced: %+v", r.Unplaced)
			}
		})
	}
	r := parseText(t, file, strings.Replace(text, "\t113 132 \t", "\t113 133 \t", 1))
	if hasFigure(r, "lawsuits.direct.total", "total") {
		t.Error("table 4 placed from a block that does not add up (0 19 0 113 133)")
	}
}
