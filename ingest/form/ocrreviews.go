package form

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
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

// OCR runs a zero into the next cell's figure (`4 3 2 09 0 1 00 1 0 122
// 0 3 125` for 4 3 2 0 9 0 1 0 0 1 …). No figure a report prints opens
// with 0, so a figure that does holds a lost cut after each leading zero:
// 09 is 0 and 9, 00 is 0 and 0, and nothing else. In a text showing OCR's
// signs, the figures of table 4 so cut are taken when they are then the
// form's count (the form's order and each block's sum still decide, as
// for any row of table 4 placed by it); other runs (2060, 34204100) admit
// several cuts, and a cut that adds up may still hold a digit OCR made of
// a rule: they are left as printed (unplaced).

// splitLeadingZeros cuts each figure of figures that opens with 0 into its
// leading zeros and the rest, when the text shows OCR's signs and the
// cells are then want; otherwise it returns them as they were. The zeros
// and the rest cut off carry split_by_arithmetic.
func (r *reader) splitLeadingZeros(figures []float64, cells []layout.Cell, want int) ([]float64, []layout.Cell) {
	if r.misread == 0 {
		return figures, cells
	}
	var outF []float64
	var outC []layout.Cell
	for i, c := range cells {
		digits := label.Fold(source.Trim(c.Raw))
		if len(digits) < 2 || digits[0] != '0' || strings.Trim(digits, "0123456789") != "" {
			outF, outC = append(outF, figures[i]), append(outC, c)
			continue
		}
		for len(digits) > 1 && digits[0] == '0' {
			outF, outC = append(outF, 0), append(outC, cutCell(c, "0"))
			digits = digits[1:]
		}
		n, err := strconv.ParseFloat(digits, 64)
		if err != nil {
			return figures, cells
		}
		outF, outC = append(outF, n), append(outC, cutCell(c, digits))
	}
	if len(outC) != want {
		return figures, cells
	}
	return outF, outC
}

// cutCell is a cell cut from c, holding digits.
func cutCell(c layout.Cell, digits string) layout.Cell {
	return layout.Cell{Text: digits, Raw: digits, Line: c.Line, Split: true, X0: -1, X1: -1, Idx: -1}
}
