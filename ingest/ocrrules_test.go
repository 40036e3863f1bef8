package ingest

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// OCR of a page whose table keeps its rules (tesseract's default reading,
// as pingtan-2024.ocr-r300-psm3 reads the real page) prints them among a
// row's figures: as bars glued to the figures (`4 |0 |0`), and as a 1 or
// a letter glued to a figure (`0 10 0` for 0 0 0, `1218` for 218, `0o`
// for 0). A row is read where exactly one reading of its seven figures
// adds up (flag split_by_arithmetic); where two do it is unplaced.

// ruledTable3 prints table 3 of rows as OCR prints a page with its rules:
// a bar glued before each figure but the first, the figures of rows
// printed (by index) as given instead, and a sign of OCR in the header
// (a bracket with no pair).
func ruledTable3(rows []damagedRow, printed map[int]string) string {
	text := ocrCleanTable3(rows, func(i int, figures []string) []string {
		if p, ok := printed[i]; ok {
			return []string{p}
		}
		if len(figures) == 0 {
			return figures // a heading of rows
		}
		out := []string{figures[0]}
		for _, f := range figures[1:] {
			out = append(out, "|"+f)
		}
		return out
	})
	return strings.Replace(text, "申请人情况\n", "申请人情况 人[\n", 1)
}

func TestOCRRulesAmongFigures(t *testing.T) {
	for _, tc := range []struct {
		name    string
		figures []int
		printed string
		// others prints other rows (by label's start) with their figures.
		others map[string]struct {
			figures []int
			printed string
		}
		read bool
		// deduced is how many of a row not read the column sums then
		// place (ocrsums.go), its readings of rule shapes among them.
		deduced int
	}{
		{name: "a rule read as 1 before a 0", figures: []int{4, 0, 0, 0, 0, 0, 4}, printed: "4 |0 |0 10 |0 |0 |4", read: true},
		{name: "rules before 0 and the total, and an o after a 0", figures: []int{217, 1, 0, 0, 0, 0, 218},
			printed: "217 |1 |0o 10   0   0 1218", read: true},
		{name: "as printed where no column shows a rule", figures: []int{0, 0, 0, 10, 0, 0, 10},
			printed: "0 |0 |0 10 |0 |0 10", read: true},
		{name: "a rule glued to an o", figures: []int{6, 0, 0, 0, 0, 0, 6}, printed: "6 |0 |0 |0 |0 lo |6", read: true},
		{name: "an o alone", figures: []int{6, 0, 0, 0, 0, 0, 6}, printed: "6 |0 |0 |0 |0 o |6", deduced: 5},
		{name: "cells glued by rules read as 1s", figures: []int{0, 0, 7, 0, 0, 0, 7}, printed: "0 0|1710101017", read: true},
		{name: "cells glued by rules, zeros", figures: []int{0, 0, 0, 0, 0, 0, 0}, printed: "0 0|1010101010", read: true},
		{name: "glued cells, two cuts add up", figures: []int{11, 0, 0, 0, 0, 0, 11}, printed: "11 0|10101010111", deduced: 5},
		{name: "glued cells, one lost", figures: []int{3, 0, 0, 0, 0, 0, 3}, printed: "3 0|10101013"},
		{name: "two readings add up", figures: []int{11, 0, 0, 0, 0, 0, 11}, printed: "11 |0 |0 |0 |0 |0 111", deduced: 5},
		{name: "no reading adds up", figures: []int{4, 0, 0, 0, 0, 0, 4}, printed: "4 |0 |0 10 |0 |0 |5"},
		{name: "as printed, where other rows show rules in its columns", figures: []int{0, 0, 0, 0, 0, 0, 0},
			printed: "0 |0 |0 10 |0 |0 10", others: map[string]struct {
				figures []int
				printed string
			}{
				"2.其他法律": {[]int{3, 0, 0, 0, 0, 0, 3}, "3 |0 |0 10 |0 |0 |3"},
				"3.危及":   {[]int{5, 0, 0, 0, 0, 0, 5}, "5 |0 |0 |0 |0 |0 15"},
			}, deduced: 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
			setRow(rows, at, tc.figures)
			printed := map[int]string{at: tc.printed}
			for start, o := range tc.others {
				i := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, start) })
				setRow(rows, i, o.figures)
				printed[i] = o.printed
			}
			r, err := Parse("ocr.txt", []byte(ruledTable3(rows, printed)))
			if err != nil {
				t.Fatal(err)
			}
			want := 7 * printedRows(rows)
			if tc.read {
				checkTable3(t, r, rows[at:at+1], "")
				if len(byIndicatorOf(r, rows[at].indicator)) != 7 {
					t.Errorf("row not read: %+v", r.Unplaced)
				}
				if n := ruleOnesUnplaced(t, r); n != 0 {
					t.Errorf("%d figures unplaced as rules read as 1s, where the columns add up", n)
				}
			} else {
				// The row unplaced, the columns are not checked, and the
				// rows whose first figure and 总计 start with a 1 (`10 |0
				// |0 |0 |0 |2 |12`) add up with both 1s taken for rules as
				// well (ocrruleone_test.go): they are unplaced too.
				// The column sums then place the figures every reading
				// left fits (the 0s of 11 … 11; seven 0s where the rows
				// around make each column's （七）总计), never the 11s that
				// 1s fit as well.
				want -= 7 - tc.deduced + ruleOnesUnplaced(t, r)
				deduced := byIndicatorOf(r, rows[at].indicator)
				for _, o := range deduced {
					if !hasFlag(o, gongkai.FlagPlacedByArithmetic) || o.Value == nil || *o.Value != 0 {
						t.Errorf("%s [%s] = %s, flags %v: want a 0 placed by the column sums", o.Indicator, o.Breakdown, show(o.Value), o.Flags)
					}
				}
				if len(deduced) != tc.deduced {
					t.Errorf("%d figures of the row placed by the column sums, want %d", len(deduced), tc.deduced)
				}
				if tc.deduced < 7 && !unplacedBecause(r, "属于国家秘密", "") {
					t.Errorf("row not unplaced: %+v", r.Unplaced)
				}
			}
			if found := checkTable3(t, r, rows, ""); found != want {
				t.Errorf("%d figures found, want %d; unplaced %+v", found, want, r.Unplaced)
			}
		})
	}
}

// A figure read by the rules among the figures carries
// split_by_arithmetic; one printed plain in a row that adds up as printed
// does not.
func TestOCRRulesAmongFiguresFlag(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
	setRow(rows, at, []int{4, 0, 0, 0, 0, 0, 4})
	r, err := Parse("ocr.txt", []byte(ruledTable3(rows, map[int]string{at: "4 |0 |0 10 |0 |0 |4"})))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range byIndicatorOf(r, rows[at].indicator) {
		if !hasFlag(o, gongkai.FlagSplitByArithmetic) {
			t.Errorf("%s [%s]: flags %v, want split_by_arithmetic", o.Indicator, o.Breakdown, o.Flags)
		}
	}
	for _, o := range byIndicatorOf(r, rows[at+1].indicator) {
		if hasFlag(o, gongkai.FlagSplitByArithmetic) {
			t.Errorf("%s [%s]: flags %v, printed plain", o.Indicator, o.Breakdown, o.Flags)
		}
	}
}

// Where the rules were taken out before OCR (no bar glued to a figure on
// the table's lines), a 1 is a digit: `4 0 0 10 0 0 4` does not add up and
// is unplaced, not read as 4 0 0 0 0 0 4.
func TestOCRRulesAmongFiguresNeedPrintedRules(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
	setRow(rows, at, []int{4, 0, 0, 0, 0, 0, 4})
	text := ocrCleanTable3(rows, func(i int, figures []string) []string {
		if i == at {
			return []string{"4 0 0 10 0 0 4"}
		}
		return figures
	})
	r, err := Parse("ocr.txt", []byte(strings.Replace(text, "申请人情况\n", "申请人情况 人[\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	secretsRowUnplaced(t, r, rows[at])
}

// A row whose seven figures add up read two ways, the table's rules read
// as 1s (`5 |0 |0 lo |0 |0 15`: 5 … 5, or 10 under 社会公益组织 and 15), is
// read the one way the column sums leave (ocrsums.go): 社会公益组织's
// （七）总计, less the other rows read there, leaves no room for 10. Flag
// placed_by_arithmetic.
func TestOCRRulesReadingsChosenBySums(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
	setRow(rows, at, []int{5, 0, 0, 0, 0, 0, 5})
	total := rowWith(t, rows, func(r damagedRow) bool { return strings.Contains(r.label, "总计") })
	if rows[total].figures[3] >= 10 {
		t.Fatalf("社会公益组织's total %d leaves room for 10", rows[total].figures[3])
	}
	r, err := Parse("ocr.txt", []byte(ruledTable3(rows, map[int]string{at: "5 |0 |0 lo |0 |0 15"})))
	if err != nil {
		t.Fatal(err)
	}
	checkTable3(t, r, rows[at:at+1], gongkai.FlagPlacedByArithmetic)
	if n := len(byIndicatorOf(r, rows[at].indicator)); n != 7 {
		t.Errorf("%d figures of the row placed, want 7: %+v", n, r.Unplaced)
	}
}
