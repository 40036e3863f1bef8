package form

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/ingest/layout"
)

// A line that runs a table's rows together (a PDF-to-Markdown converter's
// paragraph: … 3.其他 1 0 0 0 0 0 1 （七）总计 63 0 0 2 0 4 69 四、结转…) is
// cut at the form's labels by unglue, each row's figures glued to its
// label: 一、本年新收政府信息公开申请数量64 0 0 2 0 4 70. The first figure then
// reads as glued, and the row's cells are no plain figures the form's order
// could place under a header read in part. Yet the pieces between spaces are
// exactly the form's seven: no piece can be several cells (there would be
// more cells than columns), and a space the page kept is a cut every
// reading makes (joinSpacedRun, digitrun), so each piece is one cell, in the
// form's order, and the row's 总计 checks them. A row whose pieces do not
// add up is unplaced with the reason; fewer pieces than columns are
// spacedBlankCells' (blank cells that left no trace), more are no row.

// spacedRowCells returns a row's figures as the form's seven cells, when
// they are pieces parted by spaces on one line, the first glued to the
// label's wording (its last character a Han one: a figure glued to a
// quote, ”208, is OCR's speck, which quotedFirstFigure weighs), exactly
// the form's count of them, each a count as printed (no
// figure of several digits opening with 0): the cells and "" when the
// six applicant columns add up to 总计, nil and the reason when they do
// not. nil and "" when the row is no such row.
func spacedRowCells(labels, values []layout.Cell, n int) ([]layout.Cell, string) {
	pieces, ok := spacedPieces(values)
	if !ok || len(pieces) != n || len(values) < 2 || !endsWithHan(labels) {
		return nil, ""
	}
	var sum float64
	for i, p := range pieces {
		if !canonicalCount.MatchString(p) {
			return nil, ""
		}
		if i < n-1 {
			sum += partValue(p)
		}
	}
	if total := partValue(pieces[n-1]); sum != total {
		return nil, fmt.Sprintf("the header of table 3 does not show its columns, and the row's figures, parted by spaces after its label (%s), do not add up to its 总计 (%v ≠ %v): the form's order is not certain", strings.Join(pieces, " "), sum, total)
	}
	out := make([]layout.Cell, n)
	for i, p := range pieces {
		out[i] = layout.Cell{Text: p, Raw: p, Line: values[0].Line, Spaced: true, X0: -1, X1: -1, Idx: -1}
	}
	return out, ""
}

// endsWithHan reports whether the last of a row's label cells ends with a
// Han character: a word of the label, not a mark.
func endsWithHan(labels []layout.Cell) bool {
	if len(labels) == 0 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(labels[len(labels)-1].Text))
	return unicode.Is(unicode.Han, last)
}
