package form

import (
	"fmt"

	"github.com/gongkai/gongkai/ingest/layout"
)

// A header of table 4 that prints only the form's first result columns is
// completed from the form (reviewsResultColumns). That is a placement by the
// form's order for the columns it does not print, and it holds only where
// the form's arithmetic confirms it: pdfminer prints such a header's pieces
// out of order (结果维 / 持 / 尚未审 / 结 / 其他结 / 果 / 结果纠 / 正, only 结果维持
// read whole) and the block's figures in yet another (169 29 23 19 98 for
// 98 23 29 19 169), and those, under the form's order, are five figures where
// 总计 is not the sum of the results.

// A text that prints the figures on a line, one cell after another, keeps
// the columns' order (a block's 总计 printed as 0 where its results add to
// more stays placed, as the report prints it); a text that prints every
// figure on a line of its own shows no order but the extractor's.

// completedHeaderProblem says why figures printed one a line under a header
// completed from the form cannot be placed: they are not whole blocks of
// plain figures, or a block's 总计 is not the sum of its results. It is ""
// when they can, and for figures that share lines.
func (r *reader) completedHeaderProblem(data []layout.Cell, printed int) string {
	n := r.reviewsResultCount()
	figures, _, ok := r.plainFigures(data)
	if !ok || !oneALine(data) {
		return ""
	}
	if len(figures)%n != 0 || !blocksAddUp(figures, n) {
		return fmt.Sprintf("the header of table 4 prints %d of the form's %d result columns, and the figures under the form's order are not blocks whose 总计 is the sum of their results: the order is not certain", printed, n)
	}
	return ""
}

// oneALine reports whether no two cells share a line.
func oneALine(cells []layout.Cell) bool {
	for i := 1; i < len(cells); i++ {
		if cells[i].Line == cells[i-1].Line {
			return false
		}
	}
	return true
}
