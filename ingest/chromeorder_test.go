package ingest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// pdfminer's text of a web page printed by Chrome prints each page of
// table 3 column by column, but a cell set off from its column is printed
// in the next column's run, beside its row's figure there
// (form/chromeorder.go). pingtan-2021.chromium.pdfminer.txt prints 其他's 0
// of 8.属于行政查询事项 (line 485) in 总计's run, before that row's 总计 1,
// and 总计's 0 of 2.申请人逾期未按收费通知… (line 671) in 其他's run, after
// that row's 其他.

const chromeMinerFixture = "pingtan-2021.chromium.pdfminer.txt"

func TestDisplacedCellPlaced(t *testing.T) {
	r := parseText(t, chromeMinerFixture, readText(t, filepath.Join("..", "testdata", "real", chromeMinerFixture)))
	order := []string{gongkai.FlagPlacedByFormOrder}
	checkCells(t, r, []cellCase{
		{indicator: "requests.refused.administrative_query", breakdown: "other_org", value: "0", flags: order},
		{indicator: "requests.refused.administrative_query", breakdown: "total", value: "1", flags: order},
		// printed in its column's run after the row above's displaced
		// cell left a hole: read in its own row, not the one above
		{indicator: "requests.unavailable.not_held", breakdown: "other_org", value: "3", flags: order},
		{indicator: "requests.unavailable.not_held", breakdown: "total", value: "25", flags: order},
		{indicator: "requests.other_handling.no_fee", breakdown: "total", value: "0", flags: order},
		{indicator: "requests.other_handling.other", breakdown: "total", value: "1", flags: order},
		{indicator: "requests.answered", breakdown: "natural_person", value: "63", flags: order},
		{indicator: "requests.answered", breakdown: "total", value: "69", flags: order},
	})
	if n := len(tableThreePlacedByOrder(r)); n != 25*7 {
		t.Errorf("%d figures of table 3 placed by the order, want 175", n)
	}
}

// pingtan-2021.chromium-landscape.pdfminer.txt prints （一）予以公开's 总计 30
// (set off right of its column) first in 总计's run, before 二's 0, and
// on its next page 总计's run before 其他's, 8.属于行政查询事项's 其他 0
// (set off left of its column) in 总计's run before that row's 1.
const chromeMinerLandscape = "pingtan-2021.chromium-landscape.pdfminer.txt"

func TestDisplacedCellLandscape(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", chromeMinerLandscape))
	r := parseText(t, chromeMinerLandscape, text)
	order := []string{gongkai.FlagPlacedByFormOrder}
	checkCells(t, r, []cellCase{
		{indicator: "requests.carried_over", breakdown: "total", value: "0", flags: order},
		{indicator: "requests.disclosed", breakdown: "other_org", value: "1", flags: order},
		{indicator: "requests.disclosed", breakdown: "total", value: "30", flags: order},
		{indicator: "requests.refused.administrative_query", breakdown: "other_org", value: "0", flags: order},
		{indicator: "requests.refused.administrative_query", breakdown: "total", value: "1", flags: order},
		{indicator: "requests.unavailable.not_held", breakdown: "other_org", value: "3", flags: order},
		{indicator: "requests.unavailable.not_held", breakdown: "total", value: "25", flags: order},
	})
	if n := len(tableThreePlacedByOrder(r)); n != 25*7 {
		t.Errorf("%d figures of table 3 placed by the order, want 175", n)
	}
	// 1.本机关不掌握相关政府信息's 总计 25 made 26: no reading adds up,
	// and only the rows printed a row at a time (一, (六)1, as main reads
	// them: sevensorder.go) are placed, and the rows of the first page
	// (二 to 7.属于行政执法案卷), which the order reads alone
	// (form/pagealone.go): （一）予以公开's five 法人或其他组织 figures
	// 0 0 2 0 1 differ and stay unplaced
	r = parseText(t, chromeMinerLandscape, withLines(t, text, map[int]string{534: "26"}))
	firstPage := []string{"requests.carried_over", "requests.disclosed", "requests.partially_disclosed", "requests.refused.state_secret",
		"requests.refused.prohibited_by_law", "requests.refused.security_stability", "requests.refused.third_party_rights",
		"requests.refused.internal_affairs", "requests.refused.process_information", "requests.refused.enforcement_files"}
	for _, o := range tableThreePlacedByOrder(r) {
		alone := slices.Contains(firstPage, o.Indicator) && (o.Indicator != "requests.disclosed" || o.Breakdown == "natural_person" || o.Breakdown == "total")
		if o.Indicator != "requests.received" && o.Indicator != "requests.other_handling.no_correction" && !alone {
			t.Errorf("placed by the order: %s [%s] = %s", o.Indicator, o.Breakdown, o.Raw)
		}
	}
	checkCells(t, r, []cellCase{
		{indicator: "requests.disclosed", breakdown: "natural_person", value: "27", flags: order},
		{indicator: "requests.disclosed", breakdown: "total", value: "30", flags: order},
		{indicator: "requests.refused.enforcement_files", breakdown: "total", value: "6", flags: order},
	})
}

// withLines is text with the lines numbered (from 1) in lines replaced.
func withLines(t *testing.T, text string, lines map[int]string) string {
	t.Helper()
	all := strings.Split(text, "\n")
	for n, s := range lines {
		if n < 1 || n > len(all) {
			t.Fatalf("no line %d", n)
		}
		all[n-1] = s
	}
	return strings.Join(all, "\n")
}

func TestDisplacedCellRefusals(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", chromeMinerFixture))
	for _, tc := range []struct {
		name  string
		lines map[int]string
	}{
		// 1.本机关不掌握相关政府信息's 总计 25 made 26: the row adds up in
		// no reading
		{"the identities fail", map[int]string{489: "26"}},
		// 一's 其他 and 总计, two zeros of the block of （五） and
		// （七）总计's 其他 and 总计 raised by 9: two readings, 9 given to
		// different rows of （五）, keep every identity
		{"two readings pass", map[int]string{248: "13", 252: "79", 576: "9", 578: "9", 675: "13", 681: "78"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseText(t, chromeMinerFixture, withLines(t, text, tc.lines))
			if placed := tableThreePlacedByOrder(r); len(placed) > 0 {
				t.Errorf("%d figures of table 3 placed by the order, want none; first %+v", len(placed), placed[0])
			}
			for _, o := range r.Observations {
				if strings.HasPrefix(o.Indicator, "requests.") && o.Value != nil && *o.Value == 9 {
					t.Errorf("a 9 of the two readings placed: %s [%s]", o.Indicator, o.Breakdown)
				}
			}
		})
	}
}

// pdfminer's text of Chrome's print of a held-out HTML report
// (testdata/heldout, see its README): rows of table 3 unplaced for their
// figures' count, and 4.保护第三方合法权益 followed by seven figures of other
// rows that do not add up. That row is unplaced (form/scrambledrows.go);
// the rows whose seven figures add up stand; nothing wrong.
func TestScrambledRowsHeldOut(t *testing.T) {
	const file = "form2021-html-s7714-23.chromium.pdfminer.txt"
	dir := filepath.Join("..", "testdata", "heldout")
	r := parseText(t, file, readText(t, filepath.Join(dir, file)))
	s := scoreHeldOut(t, filepath.Join(dir, "form2021-html-s7714-23.expected.json"), r)
	// 3.其他 follows the label of 2021's heading （六）其他处理, which prints
	// no figure by design: read (185 … 261, adding up)
	if o, ok := observation(r, "requests.other_handling.other"); !ok || *o.Value != 261 {
		t.Error("3.其他 after the heading （六）其他处理 not read")
	}
	for _, m := range s.wrong {
		t.Errorf("wrong or invented: %s", m)
	}
	if s.found < 44 {
		t.Errorf("found %d figures, fewer than 44", s.found)
	}
	if hasObs(r, "requests.refused.third_party_rights", "total") {
		t.Error("4.保护第三方合法权益 read from seven figures that do not add up")
	}
	unplaced := false
	for _, u := range r.Unplaced {
		unplaced = unplaced || strings.HasPrefix(u.Label, "4.保护第三方合法权益") && strings.Contains(u.Reason, "do not add up")
	}
	if !unplaced {
		t.Error("4.保护第三方合法权益 not unplaced with the reason")
	}
	// the same row in a table whose other rows were all read is kept as
	// printed (a published row that does not add up): TestCorpusParses'
	// form2021-cells, and ingest/misread's tests.
}

// The same route of a 2019 form: （六）其他处理 / （七）总计 / （六）'s seven
// figures / （七）'s seven / 四、结转下年度继续办理. （七）总计, whose label
// follows the label of a row that printed no figure, and 四, given the
// seven after its own by the form's order, are unplaced.
func TestAfterBareRowHeldOut(t *testing.T) {
	const file = "form2019-html-s7714-17.chromium.pdfminer.txt"
	dir := filepath.Join("..", "testdata", "heldout")
	r := parseText(t, file, readText(t, filepath.Join(dir, file)))
	s := scoreHeldOut(t, filepath.Join(dir, "form2019-html-s7714-17.expected.json"), r)
	for _, m := range s.wrong {
		t.Errorf("wrong or invented: %s", m)
	}
	for _, ind := range []string{"requests.answered", "requests.carried_forward"} {
		if hasObs(r, ind, "total") {
			t.Errorf("%s read", ind)
		}
	}
	unplaced := false
	for _, u := range r.Unplaced {
		unplaced = unplaced || strings.HasPrefix(u.Label, "（七）总计") && strings.Contains(u.Reason, "printed no figure")
	}
	if !unplaced {
		t.Error("（七）总计 not unplaced with the reason")
	}
}
