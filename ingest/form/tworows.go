package form

import (
	"fmt"

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
// before （一）, is a heading and its row). A label no row has whose tail
// names a row in OCR text (gluedRowOfMisreadText) is none either: the
// tail's number and wording, printed just before the figures, and figures
// that add up decide which row they are, and rowTarget takes that row.
func (r *reader) twoRowsReason(cur *openRow) string {
	if cur.table != tableApplications || len(cur.labels) < 2 {
		return ""
	}
	if cur.row == nil && r.gluedRowOfMisreadText(cur) != nil {
		return ""
	}
	first := label.Parse(cur.labels[0].Text).EnumLevel()
	for _, c := range cur.labels[1:] {
		l := label.Parse(c.Text)
		if level := l.EnumLevel(); level > 0 && (first == 0 || level <= first) && r.numbersRow(level, l.Ordinal()) {
			return fmt.Sprintf("its label joins pieces of two rows (%s after %s): which row the figures are is not certain", l.Enum, source0(cur))
		}
	}
	return ""
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
