package ingest

import (
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai"
)

// Chrome's and LibreOffice's prints of table 3, through plain pdftotext,
// print a row's first figure with its wrapped label: on the label's line
// (`本机关不掌握相关政府信 49`) or among its pieces after the rows'
// figures (`申请人无正当理由逾期不补正、行` / `政机关` / `1` / `不再处理…`),
// the row's other six in turn among the rows' figures
// (form/labelcolumn.go).

// labelColumnCase is a cell of table 3 the reading places, and the line
// its figure is printed on.
type labelColumnCase struct {
	indicator, breakdown, value string
	line                        int
}

func checkLabelColumn(t *testing.T, r *gongkai.Report, cases []labelColumnCase) {
	t.Helper()
	for _, c := range cases {
		o := obs(t, r, c.indicator, c.breakdown)
		if got := show(o.Value); got != c.value || o.Line != c.line {
			t.Errorf("%s [%s] = %s on line %d, want %s on line %d", c.indicator, c.breakdown, got, o.Line, c.value, c.line)
		}
	}
}

func TestLabelColumnPlaced(t *testing.T) {
	dir := filepath.Join("..", "testdata", "real")
	r := parseText(t, "pingtan-2024.chromium.plain.txt", readText(t, filepath.Join(dir, "pingtan-2024.chromium.plain.txt")))
	checkLabelColumn(t, r, []labelColumnCase{
		// the first column among the label's pieces after 四's figures
		{"requests.other_handling.no_correction", "natural_person", "1", 570},
		{"requests.other_handling.no_correction", "commercial_enterprise", "0", 498},
		{"requests.other_handling.no_correction", "total", "1", 508},
		{"requests.other_handling.no_fee", "natural_person", "0", 577},
		{"requests.other_handling.no_fee", "total", "0", 520},
		// the rows after them read in turn
		{"requests.other_handling.other", "natural_person", "1", 522},
		{"requests.other_handling.other", "commercial_enterprise", "1", 524},
		{"requests.answered", "natural_person", "217", 536},
		{"requests.answered", "total", "218", 548},
	})
	if n := len(tableThreePlacedByOrder(r)); n == 0 {
		t.Errorf("no figure of table 3 placed by the order")
	}
	r = parseText(t, "pingtan-2025.chromium.plain.txt", readText(t, filepath.Join(dir, "pingtan-2025.chromium.plain.txt")))
	checkLabelColumn(t, r, []labelColumnCase{
		// on the line of the wrapped label's first piece, which opens no row
		{"requests.unavailable.not_held", "natural_person", "49", 337},
		{"requests.unavailable.not_held", "total", "50", 350},
		// six in turn, the first among the labels after （七）总计's
		{"requests.unavailable.needs_creation", "natural_person", "3", 514},
		{"requests.unavailable.needs_creation", "commercial_enterprise", "0", 352},
		{"requests.unavailable.needs_creation", "total", "3", 362},
		{"requests.unavailable.unclear", "natural_person", "0", 364},
		{"requests.answered", "natural_person", "147", 495},
		{"requests.carried_forward", "natural_person", "4", 543},
		{"requests.carried_forward", "total", "6", 555},
	})
	for _, o := range r.Observations {
		if o.Indicator == "reconsiderations.upheld" || o.Indicator == "lawsuits.direct.upheld" {
			t.Errorf("table 4, printed out of any order, placed: %s [%s] = %s", o.Indicator, o.Breakdown, o.Raw)
		}
	}
}

// The reading is refused, and the rows it alone reads stay unplaced, when
// the figure among the labels no longer makes its row add up (1 made 2),
// and when a row's label lines print two figures (which is its first is
// not known: one is left over, and no reading takes every figure).
func TestLabelColumnRefused(t *testing.T) {
	file := "pingtan-2024.chromium.plain.txt"
	text := readText(t, filepath.Join("..", "testdata", "real", file))
	for _, tc := range []struct {
		name  string
		lines map[int]string
	}{
		{"a figure among the labels changed", map[int]string{570: "2"}},
		{"two figures on one row's label lines", map[int]string{484: "取信息 0", 486: ""}},
	} {
		r := parseText(t, file, withLines(t, text, tc.lines))
		for _, o := range r.Observations {
			if o.Indicator == "requests.other_handling.no_correction" || o.Indicator == "requests.answered" {
				t.Errorf("%s: %s [%s] = %s placed", tc.name, o.Indicator, o.Breakdown, o.Raw)
			}
		}
	}
}
