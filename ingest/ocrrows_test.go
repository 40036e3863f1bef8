package ingest

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// OCR parts a row's number from its dot (`1 .本机关不掌握相关政府`, `5 .属于
// 三类内部事务信息`): the digit numbers the row, and is no figure of the row
// before (which would then print eight).
func TestOCRRowNumberSpacedDot(t *testing.T) {
	rows := damagedTable3(t, 4, gongkai.Template2021)
	text := ocrCleanTable3(rows, nil)
	for _, n := range "12345678" {
		text = strings.ReplaceAll(text, "\n"+string(n)+".", "\n"+string(n)+" .")
	}
	r, err := Parse("ocr.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures found, want %d", found, want)
	}
	noUnplaced(t, r)
}

// A digit after a row's figures, before words that open no row of the form
// numbered so, is a figure: the row then prints eight and is unplaced,
// never read with the digit dropped as a row's number.
func TestOCRRowNumberSpacedDotRefused(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
	r, err := Parse("ocr.txt", []byte(ocrCleanTable3(rows, func(i int, figures []string) []string {
		if i == at {
			return append(figures, "9 .属于国家秘密")
		}
		return figures
	})))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.Observations {
		if o.Indicator == rows[at].indicator {
			t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, show(o.Value))
		}
	}
	if !unplacedBecause(r, "属于国家秘密", "") {
		t.Errorf("row not unplaced: %+v", r.Unplaced)
	}
}

// OCR reads a speck before a row's first figure as a quotation mark glued
// to it (`一、本年新收政府信息公开申请数量 “208 155 …`, `仍不明确 ”8 0 0 0 0 0
// 8`, where the cell reader cuts the digits off as a run glued to a label,
// which might hold several figures): the digits are the
// row's first figure where 总计 less the five other columns gives them
// (flag split_by_arithmetic); where it does not (the quote hid a digit:
// “08 for 108) the row is unplaced, the other rows read.
func TestOCRQuoteBeforeFirstFigure(t *testing.T) {
	for _, tc := range []struct {
		name    string
		figures []int
		printed string
		read    bool
	}{
		{"glued to the label", []int{208, 15, 0, 0, 0, 0, 223}, "“208 15 0 0 0 0 223", true},
		{"apart from the label", []int{208, 15, 0, 0, 0, 0, 223}, "        “208  15  0  0  0  0  223", true},
		{"a 1 under the quote", []int{108, 15, 0, 0, 0, 0, 123}, "“08 15 0 0 0 0 123", false},
		{"a figure lost after it", []int{208, 15, 0, 0, 0, 0, 223}, "“208 15 0 0 0 223", false},
		{"a closing quote", []int{208, 15, 0, 0, 0, 0, 223}, "”208 15 0 0 0 0 223", true},
		{"a closing quote over a 1", []int{108, 15, 0, 0, 0, 0, 123}, "”08 15 0 0 0 0 123", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
			setRow(rows, at, tc.figures)
			text := strings.Replace(ocrCleanTable3(rows, nil), rows[at].label+"        "+strings.Join(intStrings(tc.figures), "  "),
				rows[at].label+" "+tc.printed, 1)
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			want := 7 * printedRows(rows)
			if tc.read {
				checkTable3(t, r, rows[at:at+1], "")
				for _, o := range byIndicatorOf(r, rows[at].indicator) {
					if o.Breakdown == "natural_person" && !hasFlag(o, gongkai.FlagSplitByArithmetic) {
						t.Errorf("%s [%s]: flags %v, want split_by_arithmetic", o.Indicator, o.Breakdown, o.Flags)
					}
				}
			} else {
				want -= 7
				if n := len(byIndicatorOf(r, rows[at].indicator)); n != 0 {
					t.Errorf("%d figures of the row placed, want none", n)
				}
				if !unplacedBecause(r, "属于国家秘密", "") {
					t.Errorf("row not unplaced: %+v", r.Unplaced)
				}
			}
			if found := checkTable3(t, r, rows, ""); found != want {
				t.Errorf("%d figures found, want %d", found, want)
			}
		})
	}
}

// OCR reads a rule's stub at the page's margin as a dash opening a row's
// line of figures (`了处理 4 无正当理由大量反复申` / `-  347 0 0 0 0 0 347`):
// the dash is no cell where the seven figures after it add up; where they
// do not, or the dash stands after the label on its line (a cell marked
// as nothing to report, perhaps, and a figure too many), the row is
// unplaced.
func TestOCRDashBeforeFigures(t *testing.T) {
	for _, tc := range []struct {
		name    string
		figures []int
		printed string // the label's line, then the figures'
		read    bool
	}{
		{"opening the line", []int{347, 0, 0, 0, 0, 0, 347}, "\n-       347 0 0 0 0 0 347", true},
		{"not adding up", []int{347, 0, 0, 0, 0, 0, 347}, "\n-       347 0 0 0 0 0 34", false},
		{"after the label", []int{347, 0, 0, 0, 0, 0, 347}, "  -  347 0 0 0 0 0 347", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
			setRow(rows, at, tc.figures)
			text := strings.Replace(ocrCleanTable3(rows, nil), rows[at].label+"        "+strings.Join(intStrings(tc.figures), "  "),
				rows[at].label+tc.printed, 1)
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			want := 7 * printedRows(rows)
			if !tc.read {
				want -= 7
				if n := len(byIndicatorOf(r, rows[at].indicator)); n != 0 {
					t.Errorf("%d figures of the row placed, want none", n)
				}
				if !unplacedBecause(r, "属于国家秘密", "") {
					t.Errorf("row not unplaced: %+v", r.Unplaced)
				}
			}
			if found := checkTable3(t, r, rows, ""); found != want {
				t.Errorf("%d figures found, want %d", found, want)
			}
		})
	}
}
