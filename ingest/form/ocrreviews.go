package form

import (
	"fmt"
	"strconv"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/layout"
)

// distrustReviewsOfMisreadText unplaces each block of table 4 (行政复议,
// 未经复议直接起诉, 复议后起诉) whose 总计 is not the sum of its four results,
// in a text that shows OCR's misreadings (`3 3 0 0 0` for 3 3 0 0 6: a 6
// read as 0). Reports do print blocks that do not add up (two totals
// printed as 0), and a text with no sign of recognition keeps them as
// printed, for the checks to flag; in a text recognised from images such
// a block most likely holds a digit misread, and nothing says which. A
// block not read in full is left as it is: no sum checks it.
func (r *reader) distrustReviewsOfMisreadText() {
	if r.misread == 0 {
		return
	}
	columns := r.s.reviewsResults.templateColumns(gongkai.Template2019)
	drop := map[int]bool{}
	for _, b := range r.s.reviewsBlocks {
		var figures []float64
		var at []int
		for _, c := range columns {
			key := b.id + "/" + c.key
			v, i := r.reviews.values[key], -1
			if j, ok := r.reviews.obsIndex[key]; ok {
				i = j
			}
			if v == nil || i < 0 {
				break
			}
			figures, at = append(figures, *v), append(at, i)
		}
		if len(figures) != len(columns) || blocksAddUp(figures, len(columns)) {
			continue
		}
		var sum float64
		for _, f := range figures[:len(figures)-1] {
			sum += f
		}
		u := gongkai.Unplaced{Label: b.label, Line: r.obs[at[0]].Line, Cells: []string{},
			Reason: fmt.Sprintf("总计 %s is not the sum of the block's results (%s), in a text whose cells show OCR's misreadings (%d): a figure is misread, and nothing shows which",
				strconv.FormatFloat(figures[len(figures)-1], 'f', -1, 64), strconv.FormatFloat(sum, 'f', -1, 64), r.misread)}
		for _, i := range at {
			drop[i] = true
			u.Cells = append(u.Cells, r.obs[i].Raw)
		}
		r.unplaced = append(r.unplaced, u)
	}
	r.dropObservations(drop)
}

// A header of table 4 that OCR garbled may name fewer blocks than the
// form has (行政复议 and one 行政诉讼 block read, 复议后起诉 lost in the
// header's noise: 10 columns), while its row prints the form's fifteen
// figures. The header then does not say where they go; the form's order
// does, as when no result column is read (reviewsByFormOrder): each block
// whose 总计 is the sum of its four results is placed by it, flagged
// placed_by_form_order.

// headerMiscountsReviews reports whether the figures of table 4 are the
// form's full count of plain figures while the columns its header names
// are another number: the header is not to be trusted for their places.
func (r *reader) headerMiscountsReviews(data []layout.Cell, slots []slot) bool {
	figures, _, ok := r.plainFigures(data)
	return ok && len(figures) != len(slots) && len(figures) == len(r.s.reviewsBlocks)*r.reviewsResultCount()
}
