package form

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
)

// A label column too narrow for table 3's wordings wraps each label over
// several lines (pdftotext -layout of a Word table: `（一）   69 7 1 0 2 2 81` /
// `予以公` / `开` / `（二）   62 11 …` / `部分公`), and prints the row's figures on
// the line of its label's first piece. A reader that gathers the pieces
// before the figures joins the end of one row's label to the start of the
// next (予以公 开 （二）) and gives the second row's figures to the first.
// Every row of table 3 opens with its own number, so a label whose pieces
// open with the number of a row that prints figures at its own level or
// above after its first piece holds pieces of two rows: which row the
// figures are is not certain. A heading's number is no such piece: a
// heading merged over its rows prints its label level with the middle of
// them, inside a row's wrapped label (`3.要求提供公开出版` / `（五）   3 0 …` /
// `物`, 不予处理's (五)).

// twoRowsReason says why the row's label holds pieces of two rows of table
// 3, or "" when it does not: a label piece after the first opens with the
// number of a row of the form that is no heading, and the first piece
// opens with none or with one of a deeper level (1. under （三）, 三、
// before （一）, is a heading and its row), or the label holds such a
// number after its start (innerRowNumberReason). A piece that is the row's
// own number alone, printed after its words (ownNumber), opens no second
// row. A label no row has whose tail
// names a row in OCR text (gluedRowOfMisreadText) is none either: the
// tail's number and wording, printed just before the figures, and figures
// that add up decide which row they are, and rowTarget takes that row.
func (r *reader) twoRowsReason(cur *openRow) string {
	if cur.table != tableApplications {
		return ""
	}
	if cur.row == nil && r.gluedRowOfMisreadText(cur) != nil {
		return ""
	}
	if len(cur.labels) == 0 {
		return ""
	}
	first := label.Parse(cur.labels[0].Text).EnumLevel()
	for _, c := range cur.labels[1:] {
		l := label.Parse(c.Text)
		if r.opensSecondRow(l, first) && !r.ownNumber(cur, l) {
			return fmt.Sprintf("its label joins pieces of two rows (%s after %s): which row the figures are is not certain", l.Enum, source0(cur))
		}
	}
	return r.innerRowNumberReason(cur, first)
}

// opensSecondRow reports whether a piece of a label, after a first piece
// numbered at level first (0: none), opens a second row of table 3: it is
// numbered as a row that prints figures, at the first piece's level or
// above.
func (r *reader) opensSecondRow(l label.Label, first int) bool {
	level := l.EnumLevel()
	return level > 0 && (first == 0 || level <= first) && r.numbersRow(level, l.Ordinal())
}

// source0 is the first piece of the row's label, as printed.
func source0(cur *openRow) string {
	return cur.labels[0].Raw
}

// numbersRow reports whether a number of level and ordinal n opens a row of
// table 3 that prints figures: no heading, or （六）其他处理, a row of the
// 2019 form (and of many 2021 reports) and a heading of the 2021 form.
func (r *reader) numbersRow(level, n int) bool {
	for _, row := range r.s.rows[tableApplications] {
		if row.depth == level && r.s.ordinal(row) == n && (!row.group || row == r.s.otherHandling) {
			return true
		}
	}
	return false
}

// headingMarkCut is what a heading's number leaves before its first row's
// when the heading is printed a character a line beside its rows (三 / 、
// / 本 …, pdftotext -layout of a web page): the 、 of 三、 is no end of
// another row's label, which holds words.
const headingMarkCut = "、 \u3000"

// innerNumber finds a row number inside a label: `2.其他…` or `（二）`.
var innerNumber = regexp.MustCompile(`[1-9][.．]\p{Han}|[（(][一二三四五六七八九十]{1,2}[）)]`)

// ownNumber reports whether a label piece l is the row's own number alone,
// printed after its words: a number with no words after it, the number of
// the row the label's words name (`危及“三安全一稳定”` / `3.`: Chromium sets
// a row's number in another font, and pdftotext may print it on a line of
// its own below the words).
func (r *reader) ownNumber(cur *openRow, l label.Label) bool {
	return l.Key == "" && cur.row != nil && cur.row.depth == l.EnumLevel() && r.s.ordinal(cur.row) == l.Ordinal()
}

// innerRowNumberReason says why a label of table 3 whose first piece is
// numbered at level first holds, after its start, the number of a second
// row (opensSecondRow): the end of one row's label and the start of the
// next joined in one cell or line (`行政执法案卷8.属于行政查`,
// `开密2.其他法律行政法规`: a label column wrapped in a PDF and read a line
// at a time), and which row the figures are is not certain, whichever row
// the words match best. "" when the label holds no such number. In a text
// showing OCR's signs, a label whose words name a row is left to the rules
// that read OCR's glued labels by the form's row order, each confirmed by
// the row's sums (ocrroworder.go, ocrgluedlabel.go).
func (r *reader) innerRowNumberReason(cur *openRow, first int) string {
	if cur.row != nil && r.misread > 0 {
		return ""
	}
	printed := cur.printedLabel()
	for _, loc := range innerNumber.FindAllStringIndex(printed, -1) {
		if loc[0] == 0 || strings.Trim(printed[:loc[0]], headingMarkCut) == "" {
			continue
		}
		if l := label.Parse(printed[loc[0]:]); r.opensSecondRow(l, first) {
			return fmt.Sprintf("its label holds the number %s of a second row after %q: the ends of two rows' labels joined, which row the figures are is not certain", l.Enum, printed[:loc[0]])
		}
	}
	return ""
}
