package form

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
	figures, ok := plainFiguresOnLine(cur.values, mark.Line)
	if !ok || figures[len(figures)-1]-sumOf(figures[:len(figures)-1]) != map[string]float64{"0": 0, "1": 1}[digit] {
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

// OCR reads a rule or a speck before a row's first figure as a quotation
// mark glued to it (`一、本年新收政府信息公开申请数量 “208 155 1425 31 41 42
// 1902`): the word is not a figure, joins the label, and the row prints six
// figures for seven columns. It is the row's first figure only where the
// arithmetic gives it: 总计 less the five other applicant columns is its
// digits (a quote that hid a digit, 1208, would not add up). Otherwise the
// row stays as it was read (six figures, unplaced). The figure carries
// split_by_arithmetic, and the quote counts as a sign of OCR.

// quotedFigureEnd matches a label cell that ends in a quotation mark glued
// to digits, after the label's words (a space between or none) or alone:
// the digits are group 2, the label before them group 1.
var quotedFigureEnd = regexp.MustCompile(`^((?:.*[\p{Han}）)])?)[ \x{3000}]*[“”"‘’']+([0-9]+)$`)

// quotedFirstFigure reads the digits glued to a quotation mark at the end
// of the label of a row of table 3, before six plain figures on its line,
// as the row's first figure, when 总计 less the other five is that figure;
// a row of seven figures whose first the cell reader cut off such a quote
// is ungluedAfterQuote's. It reports whether it did.
func (r *reader) quotedFirstFigure(cur *openRow) bool {
	if cur.table != tableApplications || cur.row == nil || cur.row.group || len(cur.labels) == 0 {
		return false
	}
	last := cur.labels[len(cur.labels)-1]
	if len(cur.values) == applicantColumns+1 {
		return r.ungluedAfterQuote(cur)
	}
	if len(cur.values) != applicantColumns {
		return false
	}
	m := quotedFigureEnd.FindStringSubmatch(source.Trim(last.Text))
	if m == nil || len(m[2]) > 1 && m[2][0] == '0' {
		return false
	}
	figures, ok := plainFiguresOnLine(cur.values, last.Line)
	if !ok {
		return false
	}
	first, _ := strconv.ParseFloat(m[2], 64)
	if figures[len(figures)-1]-sumOf(figures[:len(figures)-1]) != first {
		return false
	}
	if m[1] == "" {
		cur.labels = cur.labels[:len(cur.labels)-1]
	} else {
		cur.labels[len(cur.labels)-1].Text = m[1]
	}
	cell := layout.Cell{Text: m[2], Raw: m[2], Line: last.Line, Split: true, X0: -1, X1: -1, Idx: -1}
	cur.values = append([]layout.Cell{cell}, cur.values...)
	r.misread++
	return true
}

// ungluedAfterQuote takes the first of a row's seven figures, which the
// cell reader cut off a quotation mark it was glued to (`仍不明确 ”8 0 0 0 0
// 0 8`, or a wrapped label's piece: `补正、行政机关不再处理其 ”0 0 0 7 0 0
// 7`: a run glued to a label, whose digits may hold several figures), as
// one figure when the row's seven are plain digits on a line that ends in
// digits after the quote (no mark left after them), and 总计 is the sum of
// the others. It reports whether it did.
func (r *reader) ungluedAfterQuote(cur *openRow) bool {
	line := cur.values[0].Line
	before := strings.TrimRightFunc(r.tableLines[line], func(c rune) bool {
		return c >= '0' && c <= '9' || unicode.IsSpace(c)
	})
	if !cur.values[0].Glued || !strings.HasSuffix(before, "”") && !strings.HasSuffix(before, "“") && !strings.HasSuffix(before, "\"") {
		return false
	}
	values := append([]layout.Cell{}, cur.values...)
	values[0].Glued = false
	figures, ok := plainFiguresOnLine(values, line)
	if !ok || figures[len(figures)-1] != sumOf(figures[:len(figures)-1]) {
		return false
	}
	// No sign of OCR: the quote may be the label's own (3.危及“三安全一稳
	// 定”4 0 0 0 0 0 4, a page's text with its cells run together).
	values[0].Split = true
	cur.values = values
	return true
}

// OCR reads what is left of a table's rule at the page's margin as a dash
// before a row's figures (`-    0 0 0 0 0 0 0`, `-  347 0 0 0 0 0 347`):
// the row prints eight cells for seven columns. The dash is no cell only
// where it opens its line and the seven plain figures after it add up (总
// 计 the sum of the six others); otherwise the row stays unplaced.

// dashes are the marks OCR prints for a rule's stub, alone in a cell.
const dashes = "-－—–"

// dashBeforeFigures drops a dash that opens its line before a row of table
// 3's seven plain figures on that line, when they add up. It reports
// whether it did.
func (r *reader) dashBeforeFigures(cur *openRow) bool {
	if cur.table != tableApplications || cur.row == nil || cur.row.group || len(cur.values) != applicantColumns+2 {
		return false
	}
	dash := cur.values[0]
	t := source.Trim(dash.Text)
	if utf8.RuneCountInString(t) != 1 || !strings.Contains(dashes, t) || !strings.HasPrefix(strings.TrimSpace(r.tableLines[dash.Line]), t) {
		return false
	}
	figures, ok := plainFiguresOnLine(cur.values[1:], dash.Line)
	if !ok || figures[len(figures)-1] != sumOf(figures[:len(figures)-1]) {
		return false
	}
	cur.values = cur.values[1:]
	r.misread++
	return true
}

// plainFiguresOnLine gives the numbers of cells that are each plain digits
// printed on line, or false.
func plainFiguresOnLine(cells []layout.Cell, line int) ([]float64, bool) {
	figures := make([]float64, 0, len(cells))
	for _, v := range cells {
		n := figure.Parse(v.Raw).Number
		if v.Line != line || !plainDigits.MatchString(label.Fold(source.Trim(v.Raw))) || n == nil {
			return nil, false
		}
		figures = append(figures, *n)
	}
	return figures, true
}

// OCR reads a figure's first digit 1 as a letter or a bracket glued to the
// rest (`一、本年新收政府信息公开申请数量 l51 3 0 0 0 0 154` for 151): the
// cell reader takes the mark for a piece of the label, and the row prints
// seven figures that do not add up. The mark is the figure's first digit
// only where the arithmetic gives that same figure: 总计 less the five
// other applicant columns is the digit the mark is shaped like followed
// by the figure's digits. The mark must be glued to the figure on the
// line as printed (a mark apart is markAsFirstFigure's, a cell of its
// own, or, in a text whose spaces were collapsed, the last word of the
// label's cell: markAfterLabel), and be the only one of the row, every
// other figure plain; a 0's shape (O, D) opens no figure. Otherwise the row stays unplaced (misreadMark). The figure
// carries split_by_arithmetic.

// markGluedToFirstFigure reads the mark glued before the first of the
// seven figures of a row of table 3 as that figure's first digit, when the
// arithmetic gives the figure so read. It reports whether it did.
func (r *reader) markGluedToFirstFigure(cur *openRow) bool {
	if cur.table != tableApplications || cur.row == nil || cur.row.group || len(cur.labels) == 0 || len(cur.values) != applicantColumns+1 {
		return false
	}
	mark := cur.labels[len(cur.labels)-1]
	head, shape := markAfterLabel(mark.Text)
	if head == "" && len(cur.labels) < 2 {
		return false
	}
	digit, ok := shapeDigits[shape]
	if !ok || digit == "0" || anyMark(cur.labels[:len(cur.labels)-1]) {
		return false
	}
	first := cur.values[0]
	if first.Line != mark.Line || !strings.Contains(r.tableLines[mark.Line], shape+first.Raw) {
		return false
	}
	figures, ok := plainFiguresOnLine(cur.values, mark.Line)
	if !ok {
		return false
	}
	read, err := strconv.ParseFloat(digit+first.Raw, 64)
	if err != nil || figures[len(figures)-1]-sumOf(figures[1:len(figures)-1]) != read {
		return false
	}
	if r.misreadFigures[mark.Line] == shape+first.Raw {
		delete(r.misreadFigures, mark.Line) // the glued token is read: the line's other figures are plain
	}
	if head == "" {
		cur.labels = cur.labels[:len(cur.labels)-1]
	} else {
		cur.labels[len(cur.labels)-1].Text = head
	}
	cur.values[0] = layout.Cell{Text: digit + first.Raw, Raw: digit + first.Raw, Line: first.Line, Split: true, X0: first.X0, X1: first.X1, Idx: first.Idx}
	return true
}

// markAfterLabel parts a label cell into the label and a mark standing
// last in it, one space after the label's words: a text whose runs of
// spaces were collapsed (converter Markdown: `一、本年新收政府信息公开申请数量
// l51 3 …`) keeps the mark in the label's cell, where the spaces of the
// page made it a cell of its own. A cell that is the mark alone gives no
// label; a cell with no such mark gives itself whole as the mark, which
// no shape matches.
func markAfterLabel(text string) (label, mark string) {
	t := source.Trim(text)
	i := strings.LastIndexAny(t, " \u3000")
	if i < 0 || !ocrMark(t[i+1:]) {
		return "", t
	}
	return strings.TrimRight(t[:i], " \u3000"), t[i+1:]
}
