package form

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// Table 4 cut at the page's edge, read seven a row (sevensorder.go). A
// Word table wider than the paper, printed to PDF, loses the columns past
// the paper's edge, and table 4's last columns, 复议后起诉's 结果纠正 …
// 总计, are its rightmost: plain pdftotext prints eleven of its fifteen
// figures, 行政复议's five with the tables, 未经复议直接起诉's five and
// 复议后起诉's 结果维持 after more narrative, each under its header's
// pieces (held-out Word prints, both forms):
//
//	20 / 19 / 10 / 14 / 63 / 五、存在的主要问题… / 行政诉讼 / 未经复 / 议直接 / 起诉 / 结果维 / 持 / 35 /
//	复议后 / 起诉 / 结果纠 / 正 / 5 / 其他结 / 果 / 30 / 尚未审 / 结 / 23 / 总计 / 93 / 结果维 / 持 / 24
//
// Figures lost at the edge are the last in the form's order, so the
// printed ones are its first. When fewer than fifteen are printed, and the
// count fits (reviewsBegin: the whole blocks they make each add up to a
// 总计 other than 0), each whole block is placed (flag
// placed_by_form_order) when, between any two of its figures, the text
// prints no label, or only the header of the second figure's column
// (pieces joined: `结果纠` / `正`), after a block's name or not
// (`复议后起诉`, the heading of the block beside it). A block with any
// other label among its figures, and the figures of the block cut short,
// are unplaced with the reason.

// leadingReviews places the whole blocks of table 4 whose figures, fewer
// than fifteen, begin the form's order (see above), and returns the others
// unplaced.
func (r *reader) leadingReviews(figures []float64, cells []layout.Cell) ([]orderedFigure, []gongkai.Unplaced) {
	var results []slot
	for _, c := range r.s.reviewsResults.templateColumns(gongkai.Template2019) {
		results = append(results, slot{key: c.key, printed: c.label, x0: -1, x1: -1, idx: -1})
	}
	n := len(results)
	whole := n * len(r.s.reviewsBlocks)
	var placed []orderedFigure
	var refused []gongkai.Unplaced
	unplace := func(label string, cs []layout.Cell, why string) {
		u := gongkai.Unplaced{Label: label, Line: cs[0].Line, Cells: []string{}, Reason: why}
		for _, c := range cs {
			u.Cells = append(u.Cells, c.Raw)
		}
		refused = append(refused, u)
	}
	b := 0
	for ; (b+1)*n <= len(figures) && b < len(r.s.reviewsBlocks); b++ {
		block := r.s.reviewsBlocks[b]
		f, cs := figures[b*n:(b+1)*n], cells[b*n:(b+1)*n]
		if !addsUp(f) || f[n-1] == 0 {
			unplace(block.label, cs, fmt.Sprintf("table 4 read in the form's order: only %d of its %d figures are printed with the tables, and this block's 总计 is 0 or not the sum of its results, so their places are not certain", len(figures), whole))
			continue
		}
		if !r.labelsName(cs, results) {
			unplace(block.label, cs, "table 4 read in the form's order: a label other than the next figure's column is printed among the block's figures, so their order is not certain")
			continue
		}
		for k, s := range blockSlots(block, results) {
			placed = append(placed, orderedFigure{indicator: block.cells[s.key], breakdown: gongkai.BreakdownTotal, label: block.label, slot: s, cell: cs[k], seen: "4:" + block.id + "/" + s.key})
		}
	}
	if rest := cells[min(b*n, len(cells)):]; len(rest) > 0 {
		unplace("行政复议、行政诉讼", rest, fmt.Sprintf("table 4 read in the form's order: only %d of its %d figures are printed with the tables (the others cut or after more narrative), so the places of the last ones are not certain", len(figures), whole))
	}
	return placed, refused
}

// labelsName reports whether, between any two of cells (a block's
// figures, in the form's order of results), the text prints no label of
// table 3 or 4, or only the wording of the second one's column, after a
// block's name or not (see above).
func (r *reader) labelsName(cells []layout.Cell, results []slot) bool {
	for i := 1; i < len(cells); i++ {
		var between []int
		for l := range r.readOrder.labelLines {
			if l > cells[i-1].Line && l < cells[i].Line {
				between = append(between, l)
			}
		}
		if len(between) == 0 {
			continue
		}
		if cells[i].Line < cells[i-1].Line {
			return false
		}
		slices.Sort(between)
		var joined strings.Builder
		for _, l := range between {
			text, ok := r.tableLines[l]
			if !ok {
				return false
			}
			joined.WriteString(label.Key(text))
		}
		if !r.namesResult(joined.String(), results[i].key) {
			return false
		}
	}
	return true
}

// namesResult reports whether key is the wording of the result column
// col, after the wording of a block or of a span over blocks or not.
func (r *reader) namesResult(key, col string) bool {
	for _, c := range r.s.reviewsResults.templateColumns(gongkai.Template2019) {
		if c.key != col {
			continue
		}
		for _, k := range c.keys {
			rest, ok := strings.CutSuffix(key, k)
			if ok && (rest == "" || r.blockWording(rest)) {
				return true
			}
		}
	}
	return false
}

// blockWording reports whether key is the whole wording of a block of
// table 4 or of a span over blocks (行政诉讼).
func (r *reader) blockWording(key string) bool {
	for _, b := range r.s.reviewsBlocks {
		if slices.Contains(b.keys, key) {
			return true
		}
	}
	for _, sp := range r.s.spans[tableReviews] {
		if slices.Contains(sp.keys, key) {
			return true
		}
	}
	return false
}
