package form

import (
	"slices"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// A header of table 4 prints its result columns once for each block
// (结果维持 结果纠正 其他结果 尚未审结 总计, three times), and the reader
// takes their order from the names as printed, each name once. That holds
// only when every block prints them in the same order. A text that sorts a
// page's blocks of text by their top (PyMuPDF's get_text("blocks",
// sort=True)) prints the header's cells in the order of their top edges:
// the cells of one line (总计 / 总计 / 总计, set higher in their taller
// cells) before the others (结果维持 总计 总计 总计 结果纠正 其他结果 尚未审结
// …), and pdf.js prints a name it broke over lines unread in the first
// block and whole in the others. Read as printed, such a header put the
// blocks' figures under one another's columns (pingtan-2024's 2 1 3 1 7
// read as 维持 2, 总计 1, 纠正 3). When the names the header prints are
// not one order printed again and again, the order of its columns is not
// known: the header is read by position where it has positions, or else
// the figures by the form's order where each block adds up
// (reviewsByFormOrder), or they are unplaced with the reason.

// A header printed one piece a line (plain text, pdfminer's boxes, PyMuPDF's
// sorted blocks) that names the blocks or the result columns out of the
// form's order is no order of the figures either: such texts put a name
// wrapped over fewer lines first (总计 before 结果维持, 复议后起诉 before 未经
// 复议直接起诉) while the figures keep the form's order, and a block of
// zeros and one figure adds up under any result column that is not 总计.
// It is read as a header whose order is not known. A header that shares
// its lines with its cells (pipe or tab rows, columns by spaces) is read
// as printed.

// reviewsHeaderOutOfFormOrder reports whether a header printed one piece
// a line names table 4's blocks or its result columns out of the form's
// order.
func (r *reader) reviewsHeaderOutOfFormOrder(header []layout.Cell, blocks []printedBlock, results []slot) bool {
	if !onePerLine(header) {
		return false
	}
	at := 0
	for _, b := range blocks {
		i := slices.Index(r.s.reviewsBlocks, b.block)
		if i < at {
			return true
		}
		at = i
	}
	form := r.s.reviewsResults.templateColumns(gongkai.Template2019)
	at = 0
	for _, res := range results {
		i := slices.IndexFunc(form, func(c *columnSpec) bool { return c.key == res.key })
		if i < 0 {
			continue
		}
		if i < at {
			return true
		}
		at = i
	}
	return false
}

// resultsInOneOrder reports whether the result columns the header cells
// name, in printed order, follow one order in every block: cut into
// rounds wherever a name comes earlier in the reader's order (each name
// where first printed) than the name before it, they make no more rounds
// than table 4 has blocks. A name a block's header leaves unread (尚未 /
// 审结 总 计, cut over lines) leaves its round short, not out of order.
func (r *reader) resultsInOneOrder(header []layout.Cell) bool {
	printed := r.printedResults(header)
	var order []string // each name where first printed
	for _, k := range printed {
		if !slices.Contains(order, k) {
			order = append(order, k)
		}
	}
	rounds, last := 0, len(order)
	for _, k := range printed {
		at := slices.Index(order, k)
		if at <= last {
			rounds++
		}
		last = at
	}
	return rounds <= len(r.s.reviewsBlocks)
}

// printedResults is the result column each header cell names, in printed
// order, with repeats.
func (r *reader) printedResults(header []layout.Cell) []string {
	var out []string
	for _, c := range header {
		if layout.Classify(c.Text, r.isUnit) != layout.Label {
			continue
		}
		k := label.Key(c.Text)
		if r.reviewsBlock(k) != nil {
			continue
		}
		for _, col := range r.s.reviewsResults.columns {
			if col.score(k) >= label.Close {
				out = append(out, col.key)
				break
			}
		}
	}
	return out
}
