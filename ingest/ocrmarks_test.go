package ingest

import (
	"regexp"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// OCR of a cleaned page glues a speck or a rule's remnant to the end of a
// figure (`1 0 0 0 0 0 1I`, `0 0 0% 0 0 0 0`): the mark is dropped where
// the row's seven figures add up only with every mark taken for no digit,
// and they carry split_by_arithmetic (form/ocrmarks.go). Where a mark read
// as a digit adds up too (`34I … 34I`: 34 and 340–349 alike), or only a
// mark read as a digit adds up (`1I … 17`: a guess), the row is unplaced;
// the row after, whose label the mark would have opened, is read.
func TestOCRMarkGluedAfterFigure(t *testing.T) {
	for _, tc := range []struct {
		name    string
		figures []int
		printed string
		read    bool
	}{
		{"a letter glued to 总计", []int{1, 0, 0, 0, 0, 0, 1}, "1  0  0  0  0  0  1I", true},
		{"a letter and a percent sign", []int{1, 0, 0, 0, 0, 0, 1}, "1  0  0%  0  0  0  1I", true},
		{"a bracket glued to a column", []int{12, 3, 0, 0, 0, 0, 15}, "12]  3  0  0  0  0  15", true},
		{"a digit fits too", []int{34, 0, 0, 0, 0, 0, 34}, "34I  0  0  0  0  0  34I", false},
		{"only a digit fits", []int{17, 0, 0, 0, 0, 0, 17}, "1I  0  0  0  0  0  17", false},
		{"an eighth field before the seven", []int{1, 0, 0, 0, 0, 0, 1}, "]  1  0  0  0  0  0  1I", false},
	} {
		t.Run(tc.name, func(t *testing.T) { checkSecretsRowPrinted(t, tc.figures, tc.printed, tc.read) })
	}
}

// A converter collapses the runs of spaces of an OCR text (pandoc's
// Markdown of a cleaned page): a 1 read as l glued to the rest of a row's
// first figure then stands in the label's cell, one space after its words
// (`1.属于国家秘密 l51 3 0 0 0 0 154`). It is read as on the page
// (markGluedToFirstFigure): the figure's first digit where 总计 less the
// five others gives the figure so read, not where the figure as printed
// adds up.
func TestOCRMarkAfterLabelSpacesCollapsed(t *testing.T) {
	for _, tc := range []struct {
		name    string
		figures []int
		printed string
		read    bool
	}{
		{"the sum gives the digit", []int{151, 3, 0, 0, 0, 0, 154}, "l51  3  0  0  0  0  154", true},
		{"the sum gives the figure as printed", []int{51, 3, 0, 0, 0, 0, 54}, "l51  3  0  0  0  0  54", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
			setRow(rows, at, tc.figures)
			text := ocrCleanTable3(rows, func(i int, figures []string) []string {
				if i == at {
					return []string{tc.printed}
				}
				return figures
			})
			text = regexp.MustCompile(` +`).ReplaceAllString(text, " ")
			r, err := Parse("ocr.md", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			placed := false
			for _, o := range r.Observations {
				if o.Indicator == rows[at].indicator {
					placed = true
				}
			}
			want := 7 * printedRows(rows)
			switch {
			case tc.read:
				checkTable3(t, r, rows[at:at+1], "")
				if o := obs(t, r, rows[at].indicator, "natural_person"); !hasFlag(o, gongkai.FlagSplitByArithmetic) {
					t.Errorf("flags %v, want split_by_arithmetic", o.Flags)
				}
			case placed:
				want -= 7 - placedBySums(t, r, rows[at].indicator)
			default:
				want -= 7
			}
			if found := checkTable3(t, r, rows, ""); found != want {
				t.Errorf("%d figures found, want %d; unplaced: %+v", found, want, r.Unplaced)
			}
		})
	}
}
