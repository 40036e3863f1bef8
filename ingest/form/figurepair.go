package form

import (
	"math"
	"strings"

	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/layout"
)

// pdf.js prints the cells of a row of table 3 apart by tabs, but two cells
// close together as one, parted by a space: （一）予以公开 316 2 / 3 1 / 4 /
// 2 328 gives six cells for the seven columns, the last two figures in one.
// A row of table 3 one cell short whose cells are all figures, one of them
// two figures parted by spaces, is read as that cell split in two, in
// order, when the row so read adds up (its six applicant columns sum to
// its 总计): a figure with a space inside (2 328 for 2328) would leave a
// cell missing that nothing places. Table 4's row is read so too when
// every block adds up (its four results sum to its 总计: 0 19 0 113 132).

// splitFigurePair is vs with its one cell of two figures split, when the
// row then fills slots, the columns of table 3 or 4, and adds up.
func splitFigurePair(vs []layout.Cell, slots []slot, isUnit func(string) bool) ([]layout.Cell, bool) {
	n := len(slots)
	groups := runGroups(slots)
	if n < 3 || len(vs) != n-1 || !groups[0].TotalLast {
		return nil, false
	}
	at := -1
	var parts []string
	for i, v := range vs {
		if layout.Classify(v.Text, isUnit) != layout.Value {
			return nil, false
		}
		fields := strings.Fields(v.Raw)
		if len(fields) == 1 {
			continue
		}
		if len(fields) != 2 || at >= 0 {
			return nil, false
		}
		at, parts = i, fields
	}
	if at < 0 {
		return nil, false
	}
	out := make([]layout.Cell, 0, n)
	out = append(out, vs[:at]...)
	for _, p := range parts {
		c := vs[at]
		c.Text, c.Raw = p, p
		out = append(out, c)
	}
	out = append(out, vs[at+1:]...)
	at = 0
	for _, g := range groups {
		sum := 0.0
		for i, c := range out[at : at+g.Cells] {
			v := figure.Parse(c.Raw)
			if v.Number == nil || v.Unit != "" || layout.Classify(c.Text, isUnit) != layout.Value {
				return nil, false
			}
			if i < g.Cells-1 {
				sum += *v.Number
			} else if math.Abs(sum-*v.Number) > 1e-9 {
				return nil, false
			}
		}
		at += g.Cells
	}
	return out, true
}

// figurePairByFormOrder is splitFigurePair under the form's columns, for a
// row whose header gave none: the row one figure short, one of its cells
// two figures parted by a space (17 461 at its end). The cell read as one
// figure (17461) must not make the row add up too, with a blank cell
// somewhere before it: then which reading is the page's is not certain.
func (r *reader) figurePairByFormOrder(figures []float64, cells []layout.Cell) ([]layout.Cell, bool) {
	var sum float64
	for _, f := range figures[:len(figures)-1] {
		sum += f
	}
	if math.Abs(sum-figures[len(figures)-1]) < 1e-9 {
		return nil, false
	}
	return splitFigurePair(cells, r.formOrderSlots(), r.isUnit)
}
