package form

import "fmt"

// A Word table wider than the page is cut at the page's right edge when
// it is printed: table 4's fifteen cells in one row lose their last ones
// (LibreOffice's print of a Word report keeps eleven, 复议后起诉 but its
// 结果维持 gone). Text in reading order then prints fewer figures than the
// form's, and the count no longer tells which are table 3's. When the
// figures printed while table 3 was read are exactly as many as one
// form's rows of table 3 hold, and those printed while table 4 was read
// fewer than its fifteen, table 3 is placed by the form's order as when
// table 4 is whole (its identities confirm it); table 4's figures are
// unplaced: which of its cells are missing is not certain.

// noteReviewsAt records how many cells were noted before the first one of
// table 4.
func (r *reader) noteReviewsAt() {
	if r.table == tableReviews && r.readOrder.reviewsAt < 0 {
		r.readOrder.reviewsAt = len(r.readOrder.cells)
	}
}

// rowsBeforeShortReviews is the rows of table 3, in the form's order, and
// their form, when the n figures noted are those rows' (all noted before
// table 4) and fewer than fifteen of table 4 (see above); nil otherwise.
// The reason says why table 4's figures are not placed.
func (r *reader) rowsBeforeShortReviews(n int) ([]*rowSpec, string, string) {
	at := r.readOrder.reviewsAt
	reviews := len(r.s.reviewsBlocks) * r.reviewsResultCount()
	if at <= 0 || n-at <= 0 || n-at >= reviews {
		return nil, "", ""
	}
	rows, tpl := r.rowsForCount(at)
	if rows == nil {
		return nil, "", ""
	}
	return rows, tpl, fmt.Sprintf("%d figures where table 4 has %d: which of its cells are missing is not certain", n-at, reviews)
}
