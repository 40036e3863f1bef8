package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// A row of I1 whose seven figures add up read two ways, the rules read
// as 1s (`118 |… |11xx`: 118 … 1xx, or 18 … xx), where （七）总计 lost a
// cell and is not known: the reading under which 一 + 二 − 四 leaves
// （七）总计 below what the outcome rows read hold is dropped, and the row
// is read the one way left (form/ocrsums.go probeWhole), （七）总计 then
// given by I1. A reading that leaves （七）总计 above them (1118 … 11xx
// of `1118 |… |111xx`)
// cannot be dropped so: the row stays unplaced, its figures other than 0
// too.
func TestOCRSumsProbeWholeReadings(t *testing.T) {
	for _, tc := range []struct {
		name string
		lead string // printed before 一's 自然人 and 总计 (1 and 11: a rule read as 1)
		read bool
		// lostLeaf prints 1.属于国家秘密 with no figure: I3 then holds
		// for any 自然人 of （七）总计 above what the other rows hold.
		lostLeaf bool
	}{
		{name: "the smaller reading breaks the outcome rows", read: true},
		{name: "a larger reading fits", lead: "1", lostLeaf: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 24, gongkai.Template2021) // no figure starts with 1
			first := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "一、") })
			second := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "二、") })
			total := rowWith(t, rows, func(r damagedRow) bool { return strings.Contains(r.label, "总计") })
			carried := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "四、") })
			// 一 = （七）总计 + 四 − 二, with 118 under 自然人: 二 holds the rest.
			seven, four := rows[total].figures, rows[carried].figures
			one, two := make([]int, 7), make([]int, 7)
			for c := range 6 {
				one[c] = seven[c] + four[c]
			}
			one[0] = 118
			two[0] = seven[0] + four[0] - 118
			for c := range 6 {
				one[6] += one[c]
				two[6] += two[c]
			}
			if two[0] < 0 || one[6] < 100 || one[6] > 199 || seven[2] != 0 {
				t.Fatalf("一 %v, 二 %v, （七）总计 %v: the test's figures do not fit", one, two, seven)
			}
			rows[first].figures, rows[second].figures = one, two
			printed := func(f []int, skip int) string {
				var out []string
				for c, v := range f {
					if c != skip {
						out = append(out, strconv.Itoa(v))
					}
				}
				return strings.Join(out, " |")
			}
			shown := map[int]string{
				// a rule read as 1 glued to 总计: as printed it does not add up
				first: tc.lead + printed(one[:6], -1) + " |1" + tc.lead + strconv.Itoa(one[6]),
				total: printed(seven, 2), // 科研机构's 0 lost
			}
			if tc.lostLeaf {
				shown[rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })] = "] ]"
			}
			r, got := parseRuledColumns(t, rows, shown, rows[first].indicator)
			if tc.read && len(got) != 7 {
				t.Errorf("一 placed in %d columns, want 7: %+v", len(got), r.Unplaced)
			}
			if !tc.read && (got["natural_person"] || got["total"]) {
				t.Errorf("一 placed under 自然人 or 总计 where two readings fit: %v", got)
			}
		})
	}
}

// A row of table 3 printing two figures (`3  3`: tesseract drops the
// lone 0s of narrow cells, and a table that leaves its cells blank
// prints as few) takes from the column sums only the figures it printed,
// where every way of setting them that the figures known leave puts them
// in the same columns and they add up as printed (3 under 自然人, the one
// column whose （七）总计 leaves room for it, and 3 under 总计); its other
// cells stay unplaced (a blank is no 0), and a row of two 0s, which fit
// any column, places nothing (form/ocrsums.go printedAlike).
func TestOCRSumsPrintedFiguresOfShortRows(t *testing.T) {
	rows := damagedTable3(t, 24, gongkai.Template2021)
	total := rowWith(t, rows, func(r damagedRow) bool { return strings.Contains(r.label, "总计") })
	seven := rows[total].figures
	for c := 1; c < 6; c++ {
		if seven[c] != 0 {
			t.Fatalf("（七）总计 %v: the test wants 0 in every column but 自然人", seven)
		}
	}
	short := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "5.属于三类内部事务信息") })
	zeros := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "3.补正后申请内容仍不明确") })
	setRow(rows, short, []int{3, 0, 0, 0, 0, 0, 3})
	setRow(rows, zeros, []int{0, 0, 0, 0, 0, 0, 0})
	// （七）总计 lost a 0 (known only from I1 once the rows are read), so
	// that the rows printing two figures are read from the sums.
	lost := fmt.Sprintf("%d |0 |0 |0 |0 |%d", seven[0], seven[6])
	r, got := parseRuledColumns(t, rows, map[int]string{short: "3          3", zeros: "0          0", total: lost}, rows[short].indicator)
	for _, o := range byIndicatorOf(r, rows[short].indicator) {
		if !hasFlag(o, gongkai.FlagPlacedByArithmetic) {
			t.Errorf("%s [%s]: flags %v, want placed_by_arithmetic", o.Indicator, o.Breakdown, o.Flags)
		}
	}
	if len(got) != 2 || !got["natural_person"] || !got["total"] {
		t.Errorf("the short row placed under %v, want 自然人 and 总计 alone", got)
	}
	if n := len(byIndicatorOf(r, rows[zeros].indicator)); n != 0 {
		t.Errorf("%d figures of a row of two 0s placed", n)
	}
}

// parseRuledColumns parses table 3 printed as OCR prints its rules (rows
// printed as given), checks every figure placed, and gives the columns
// placed for the row of indicator.
func parseRuledColumns(t *testing.T, rows []damagedRow, printed map[int]string, indicator string) (*gongkai.Report, map[string]bool) {
	t.Helper()
	r, err := Parse("ocr.txt", []byte(ruledTable3(rows, printed)))
	if err != nil {
		t.Fatal(err)
	}
	checkTable3(t, r, rows, "")
	got := map[string]bool{}
	for _, o := range byIndicatorOf(r, indicator) {
		got[o.Breakdown] = true
	}
	return r, got
}
