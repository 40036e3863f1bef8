package form

import (
	"fmt"

	"github.com/gongkai/gongkai/ingest/layout"
)

// Table 4's header printed among its figures, a name beside each figure.
// pdfminer of a page whose table 4 sets each result column's name over its
// figure in a narrow column prints some blocks' names and figures in turn,
// and the whole names in a page order that is not the form's:
//
//	0 0 10 0 10 0 0 0 / 尚未审结 0 / 结果维持 0 / 结果纠正 73 / 其他结果 0 /
//	尚未审结 0 / 总计 0 / 总计 73
//
// The fifteen figures add up block by block as printed (复议后起诉's 73
// under 结果维持 and 总计) and as the names say (73 under 结果纠正): the
// arithmetic cannot tell them. A figure printed just after a whole result
// column's name is that name's cell in such a print, so the form's order
// is trusted only as far as every named figure falls under its own name:
// the blocks before the block of the first that does not are placed, by
// the order read when table 4 closes (reviewsByFormOrderNamed) and by the
// order of tables 3 and 4 read together (reviewsInOrder), and the rest is
// unplaced with the reason.

// namedFigures maps each figure of cells printed just after pieces of the
// header that together are a whole result column's wording (尚 / 未 / 审 /
// 结, or 尚未审结) to that column's key.
func (r *reader) namedFigures(cells []layout.Cell, pieceAt []int, pieceKey []string) map[layout.Cell]string {
	named := map[layout.Cell]string{}
	for i := 0; i < len(pieceAt); {
		j, text := i, ""
		for ; j < len(pieceAt) && pieceAt[j] == pieceAt[i]; j++ {
			text += pieceKey[j]
		}
		at := pieceAt[i]
		i = j
		if at >= len(cells) || layout.Classify(cells[at].Text, r.isUnit) != layout.Value {
			continue
		}
		if key := r.resultColumn(text); key != "" {
			named[cells[at]] = key
		}
	}
	return named
}

// misnamedBlock is the index of the first block of table 4 in which a
// figure of data, read in the form's order (slots), was printed after the
// name of another result column, with the reason; -1 when there is none.
func (r *reader) misnamedBlock(data []layout.Cell, slots []slot) (int, string) {
	n := r.reviewsResultCount()
	for i, c := range data {
		key, ok := r.reviews.named[c]
		if !ok || i >= len(slots) || key == slots[i].key {
			continue
		}
		return i / n, fmt.Sprintf("table 4's header names are printed among its figures, and %s is printed after %s, a column the form's order does not put it under: the figures add up either way, so which column is whose is not certain",
			c.Raw, resultNamed(slots, key))
	}
	return -1, ""
}

// reviewsByFormOrderNamed places data, the fifteen figures of table 4 in
// the form's order, as reviewsByFormOrder does, unless a figure printed
// after a result column's name falls under another column: then only the
// whole blocks before that figure's are placed.
func (r *reader) reviewsByFormOrderNamed(data []layout.Cell) {
	slots := r.reviewsFormSlots()
	b, why := r.misnamedBlock(data, slots)
	if b < 0 {
		r.reviewsByFormOrder(data, false)
		return
	}
	start := b * r.reviewsResultCount()
	if start > 0 {
		r.emitReviewsByFormOrder(data[:start], slots[:start])
	}
	r.unplaceReviews(data[start:], why)
}

// resultNamed is the printed name of the result column key among slots.
func resultNamed(slots []slot, key string) string {
	for _, s := range slots {
		if s.key == key {
			return s.printed
		}
	}
	return key
}
