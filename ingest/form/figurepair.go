package form

import (
	"math"
	"strings"

	"github.com/gongkai/gongkai"
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
// cell missing that nothing places.

// splitFigurePair is vs with its one cell of two figures split, when the
// row then fills slots, the columns of table 3, and adds up.
func splitFigurePair(vs []layout.Cell, slots []slot, isUnit func(string) bool) ([]layout.Cell, bool) {
	n := len(slots)
	if n < 3 || len(vs) != n-1 || slots[n-1].key != gongkai.BreakdownTotal {
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
	sum := 0.0
	for i, c := range out {
		v := figure.Parse(c.Raw)
		if v.Number == nil || v.Unit != "" || layout.Classify(c.Text, isUnit) != layout.Value {
			return nil, false
		}
		if i < n-1 {
			sum += *v.Number
		} else if math.Abs(sum-*v.Number) > 1e-9 {
			return nil, false
		}
	}
	return out, true
}
