package ingest

import (
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// OCR of a page that prints the table's rules reads the rule before a
// cell as a 1 glued to its figure: where it does so before an applicant
// cell and before the row's 总计, the row adds up either way (`| 3 | 0 |
// 0 | 1 | 0 11 15` for 3 0 0 1 0 1 5, the template print of a held-out
// report; `61 112  1 0  3  1 178` for 61 12 1 0 3 1 78, a Chrome print).
// The two figures are unplaced, unless a bar stands apart before either
// (`| 11 | 15`: that rule was read as a bar, the 1 is a digit) or the text
// prints no rules (a 1 is a digit). The column sums would catch the
// misreading where the column's every row is read, and confirm the
// figures as printed (I1, I3): （七）总计 is printed with a figure lost
// here, so that only the row tells, but in one case.
func TestOCRRuleReadAsOneBeforeCellAndTotal(t *testing.T) {
	for _, tc := range []struct {
		name    string
		figures []int
		printed string
		ruled   bool   // the text prints its rules (bars glued to figures)
		read    bool   // the row is read as printed; else its cell and 总计 are not placed as printed
		cell    string // the cell whose 1 may be a rule, other_org when ""
		whole   bool   // （七）总计 is printed whole: the columns add up as printed
	}{
		{name: "rules glued to 其他 and 总计", figures: []int{3, 0, 0, 1, 0, 1, 5}, printed: "| 3 | 0 | 0 | 1 | 0 11 15", ruled: true},
		{name: "the same print of 11 and 15", figures: []int{3, 0, 0, 1, 0, 11, 15}, printed: "| 3 | 0 | 0 | 1 | 0 11 15", ruled: true},
		{name: "rules glued, no bar on the line", figures: []int{61, 12, 1, 0, 3, 1, 78}, printed: "61 112  1 0  3  1 178", ruled: true, cell: "commercial_enterprise"},
		{name: "a bar glued to the figure does not tell", figures: []int{3, 0, 0, 1, 0, 1, 5}, printed: "3 |0 |0 |1 |0 |11 |15", ruled: true},
		{name: "a bar apart before 总计", figures: []int{3, 0, 0, 1, 0, 11, 15}, printed: "| 3 | 0 | 0 | 1 | 0 11 | 15", ruled: true, read: true},
		{name: "a bar apart before the cell", figures: []int{3, 0, 0, 1, 0, 11, 15}, printed: "| 3 | 0 | 0 | 1 | 0 | 11 15", ruled: true, read: true},
		{name: "the columns add up as printed", figures: []int{3, 0, 0, 1, 0, 11, 15}, printed: "| 3 | 0 | 0 | 1 | 0 11 15", ruled: true, whole: true, read: true},
		{name: "no rules printed", figures: []int{3, 0, 0, 1, 0, 11, 15}, printed: "3  0  0  1  0  11  15", read: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "4.保护第三方") })
			total := rowWith(t, rows, func(r damagedRow) bool { return strings.Contains(r.label, "总计") })
			setRow(rows, at, tc.figures)
			printed := map[int]string{at: tc.printed}
			lost := intStrings(rows[total].figures[1:]) // （七）总计 with its first figure lost
			if !tc.whole {
				printed[total] = strings.Join(lost, "  ")
			}
			var text string
			if tc.ruled {
				text = ruledTable3(rows, printed)
			} else {
				text = ocrCleanTable3(rows, func(i int, figures []string) []string {
					if p, ok := printed[i]; ok {
						return []string{p}
					}
					return figures
				})
				text = strings.Replace(text, "申请人情况\n", "申请人情况 人[\n", 1)
			}
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			checkTable3(t, r, rows[at:at+1], "")
			got := map[string]gongkai.Observation{}
			for _, o := range byIndicatorOf(r, rows[at].indicator) {
				got[o.Breakdown] = o
			}
			cell := tc.cell
			if cell == "" {
				cell = "other_org"
			}
			for _, key := range []string{cell, gongkai.BreakdownTotal} {
				o, ok := got[key]
				switch {
				case tc.read && !ok:
					t.Errorf("%s [%s] not placed; unplaced %+v", rows[at].label, key, r.Unplaced)
				case !tc.read && ok && !hasFlag(o, gongkai.FlagPlacedByArithmetic):
					t.Errorf("%s [%s] = %s placed as printed (flags %v)", rows[at].label, key, show(o.Value), o.Flags)
				}
			}
			if !tc.read && len(got) < 7 && !unplacedBecause(r, "保护第三方", "may be a rule") {
				t.Errorf("row not unplaced: %+v", r.Unplaced)
			}
			if n := len(got); n < 5 {
				t.Errorf("%d figures of the row placed, want 5 at least; unplaced %+v", n, r.Unplaced)
			}
		})
	}
}

// ruleOnesUnplaced counts the figures unplaced as a cell and its 总计 that
// both start with a 1 that may be a rule, checking that each such pair
// adds up with both 1s dropped as well as printed (the row's other
// figures add the same to both).
func ruleOnesUnplaced(t *testing.T, r *gongkai.Report) int {
	t.Helper()
	n := 0
	for _, u := range r.Unplaced {
		if !strings.Contains(u.Reason, "may be a rule") {
			continue
		}
		if len(u.Cells) != 2 || !strings.HasPrefix(u.Cells[0], "1") || !strings.HasPrefix(u.Cells[1], "1") ||
			atoi(t, u.Cells[0])-atoi(t, u.Cells[0][1:]) != atoi(t, u.Cells[1])-atoi(t, u.Cells[1][1:]) {
			t.Errorf("%s: cells %q unplaced as rules read as 1s", u.Label, u.Cells)
		}
		n += len(u.Cells)
	}
	return n
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
