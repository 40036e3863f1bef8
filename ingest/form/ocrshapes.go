package form

import (
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// OCR reads a lone 1 in a narrow cell as a bracket or a bar (`1.属于国家秘密
// ]  0 0 0 0 0  1`) and a 0 as a letter (O, D): the row prints a mark
// where its first figure stands, and six figures after it. The mark is read
// as the digit it is shaped like only where the row's arithmetic gives that
// same digit: 总计 less the five other applicant columns. Both the shape and
// the sum must agree; a mark of another shape, a row printing other than
// six figures after it, or a 总计 the sum does not reach leaves the row
// unplaced as before (misreadMark). The figure carries split_by_arithmetic:
// the form's arithmetic, not the page, gives it.

// shapeDigits maps the marks OCR prints for a digit to that digit.
var shapeDigits = map[string]string{"]": "1", "[": "1", "|": "1", "l": "1", "I": "1", "O": "0", "o": "0", "D": "0", "Q": "0"}

// markAsFirstFigure reads the mark cell of a row of table 3 standing right
// after its label, before six plain figures on its line, as the digit it
// is shaped like, when 总计 less the other five is that digit. It reports
// whether it did; cur's cells then hold the digit as the first figure.
func (r *reader) markAsFirstFigure(cur *openRow) bool {
	if cur.table != tableApplications || cur.row == nil || cur.row.group || len(cur.labels) < 2 || len(cur.values) != applicantColumns {
		return false
	}
	mark := cur.labels[len(cur.labels)-1]
	digit, ok := shapeDigits[source.Trim(mark.Text)]
	if !ok || !ocrMark(mark.Text) || anyMark(cur.labels[:len(cur.labels)-1]) {
		return false
	}
	figures := make([]float64, 0, len(cur.values))
	for _, v := range cur.values {
		t := label.Fold(source.Trim(v.Raw))
		n := figure.Parse(v.Raw).Number
		if v.Line != mark.Line || !plainDigits.MatchString(t) || n == nil {
			return false
		}
		figures = append(figures, *n)
	}
	var rest float64
	for _, f := range figures[:len(figures)-1] {
		rest += f
	}
	if figures[len(figures)-1]-rest != map[string]float64{"0": 0, "1": 1}[digit] {
		return false
	}
	first := layout.Cell{Text: digit, Raw: digit, Line: mark.Line, Split: true, X0: -1, X1: -1, Idx: -1}
	cur.labels = cur.labels[:len(cur.labels)-1]
	cur.values = append([]layout.Cell{first}, cur.values...)
	return true
}

// anyMark reports whether a cell is a mark OCR makes (ocrMark).
func anyMark(cells []layout.Cell) bool {
	for _, c := range cells {
		if ocrMark(c.Text) {
			return true
		}
	}
	return false
}
