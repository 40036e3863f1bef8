package form

import (
	"slices"
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// Table 4 in reading order (plain pdftotext, a viewer's copy). Such text
// prints a table's blocks of text one after another as the page's flow
// orders them, so pieces of table 4's header, printed one character a line
// in narrow cells (`持 正 果 结`, `结 结 其 尚`), may come after some of its
// figures or between them:
//
//	1 / 0 / 2 / 0 / 3 / 12 / 0 / 0 / 0 / 持 正 果 结 / 12 / 0 / 0 / 0 / 0 / 0
//
// Such a piece is no row: it neither ends the table nor starts a block. But
// once the header is seen among the figures, nothing the header printed
// before them says which column a figure is under, nor does a block's name
// printed among them say where that block starts (复议后起诉 before the
// figures of 未经复议直接起诉 too). Only the form's order and arithmetic may
// place them: all fifteen figures, each block adding up to its 总计
// (reviewsByFormOrder), or none. Three readings are tried: all the figures
// as printed; only those after the last piece of the header (pdfminer
// prints table 3's last figures after table 4's first header cell, then
// table 4's whole header, then its figures); and two runs parted by the
// pieces inside a block, the second read first (runsTurned). The first of
// the first two that adds up is placed unless the turned reading adds up
// with other figures (then nothing is); the turned reading is placed only
// when neither of the others adds up.

// readReviewsPiece takes a label of table 4 met after its figures began
// whose every word is a piece of the wording of a result column or a block
// (`持 正 果 结`, `结果 结果 其他 尚未 总计`): a piece of the header printed
// among the figures.
func (r *reader) readReviewsPiece(c layout.Cell) bool {
	if r.table != tableReviews || !r.reviewsHaveFigures() || !r.reviewsHeaderWords(c.Text) {
		return false
	}
	r.reviews.pieceAt = append(r.reviews.pieceAt, len(r.reviews.cells))
	r.reviews.pieceKey = append(r.reviews.pieceKey, label.Key(c.Text))
	return true
}

// reviewsHeaderWords reports whether every word of text is a piece of a
// wording of table 4's header.
func (r *reader) reviewsHeaderWords(text string) bool {
	words := strings.Fields(text)
	for _, w := range words {
		k := label.Key(w)
		if !r.isResultPiece(k) && !r.isBlockPiece(k) {
			return false
		}
	}
	return len(words) > 0
}

// closeScatteredReviews reads the cells of table 4 whose header was seen
// among its figures (pieceAt: where in cells each piece came), by the
// form's order only.
func (r *reader) closeScatteredReviews(cells []layout.Cell, pieceAt []int, pieceKey []string) {
	all := r.figuresFrom(cells)
	headerEnd := pieceAt[len(pieceAt)-1]
	for i, c := range cells {
		if layout.Classify(c.Text, r.isUnit) == layout.Label {
			headerEnd = max(headerEnd, i+1)
		}
	}
	after := r.figuresFrom(cells[headerEnd:])
	turned := r.runsTurned(cells, pieceAt)
	r.reviews.named = r.namedFigures(cells, pieceAt, pieceKey)
	place := r.reviewsByFormOrderNamed
	switch {
	case r.reviewsFitForm(all) && r.reviewsFitForm(turned) && !r.sameFigures(all, turned):
		r.unplaceReviews(all, "table 4's header is printed among its figures, and both the figures as printed and the run after the header's piece read first are fifteen adding up block by block: which order is the table's is not certain")
	case r.reviewsFitForm(all):
		place(all)
	case r.reviewsFitForm(after) && r.reviewsFitForm(turned) && !r.sameFigures(after, turned):
		r.unplaceReviews(all, "table 4's header is printed among its figures, and both the figures after its last piece and the run after the piece read first are fifteen adding up block by block: which are the table's is not certain")
	case r.reviewsFitForm(after):
		r.unplaceReviews(all[:len(all)-len(after)], "printed before the last piece of table 4's header, not among the table's fifteen figures after it")
		place(after)
	case r.reviewsFitForm(turned):
		place(turned)
	default:
		r.reviewsByFormOrder(all, false) // unplaced, with the reason
	}
}

// runsTurned is the figures of table 4 as two runs parted by pieces of its
// header, the second read first: LibreOffice's print of a Word table
// whose last block's 结果维持 cell stands lower than its other cells prints
// that block's four other figures first (`0 0 0 3` / header pieces / `25 3
// 8 0 36 3 3 0 0 6 3`). Nil unless every piece that parts figures parts
// them at the same place, inside a block: runs of whole blocks turned
// add up as well as printed, and the arithmetic could not tell them.
func (r *reader) runsTurned(cells []layout.Cell, pieceAt []int) []layout.Cell {
	all := r.figuresFrom(cells)
	split := -1
	for _, at := range pieceAt {
		k := len(r.figuresFrom(cells[:at]))
		switch {
		case k == 0 || k == len(all) || k == split:
		case split >= 0:
			return nil
		default:
			split = k
		}
	}
	if split < 0 || split%r.reviewsResultCount() == 0 {
		return nil
	}
	return append(slices.Clone(all[split:]), all[:split]...)
}

// sameFigures reports whether two readings of cells give the same figures
// in the same order.
func (r *reader) sameFigures(a, b []layout.Cell) bool {
	fa, _, okA := r.plainFigures(a)
	fb, _, okB := r.plainFigures(b)
	return okA && okB && slices.Equal(fa, fb)
}

// figuresFrom is the cells from the first figure on that are not labels,
// whatever block names came between.
func (r *reader) figuresFrom(cells []layout.Cell) []layout.Cell {
	var data []layout.Cell
	for _, c := range cells {
		kind := layout.Classify(c.Text, r.isUnit)
		if kind == layout.Label || len(data) == 0 && kind != layout.Value {
			continue
		}
		data = append(data, c)
	}
	return data
}

// reviewsFitForm reports whether cells are exactly the form's fifteen
// figures of table 4, each block adding up to its 总计.
func (r *reader) reviewsFitForm(cells []layout.Cell) bool {
	n := r.reviewsResultCount()
	figures, _, ok := r.plainFigures(cells)
	return ok && len(figures) == n*len(r.s.reviewsBlocks) && blocksAddUp(figures, n)
}
