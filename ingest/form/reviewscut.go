package form

import (
	"fmt"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/layout"
)

// A Word table wider than the paper is cut at the page's right edge: its
// last columns print neither header nor figures. Table 4's fifteen
// columns are most often the ones cut, and its row of figures then stops
// part-way (20 19 10 14 63 35 5 30 23 93 24: eleven of fifteen). The
// figures that remain are the table's leftmost columns, in the form's
// order, and each whole block of them ends with its 总计, the sum of its
// four results: such blocks are placed, flagged placed_by_form_order.
// The figures after the last whole block are unplaced: which of the
// block's columns they are would rest on the cut alone.

// reviewsCut places the whole blocks of a row of table 4 cut at the
// paper's edge, and unplaces the rest, reporting whether it did. slots
// are the form's fifteen columns in order; the figures must be plain,
// on one line, fewer than the slots, at least one block, and every
// whole block must add up; no cell may be blank (a blank cell is no
// cut), and the reader places the figures by their columns instead when
// it can. The last block must be cut part-way: ten
// figures could as well be two blocks with the first one blank.
func (r *reader) reviewsCut(data []layout.Cell, slots []slot) bool {
	for _, c := range data {
		if layout.Classify(c.Text, r.isUnit) != layout.Value {
			return false // a blank cell shows where the figures stand
		}
	}
	figures, cells, ok := r.plainFigures(data)
	n := len(figures)
	if !ok || n < resultColumns || n >= len(slots) || n%resultColumns == 0 || len(slots) != len(r.s.reviewsBlocks)*resultColumns || !oneLine(cells) && !consecutiveLines(cells) {
		return false
	}
	for i := 0; i < len(slots); i += resultColumns {
		if slots[i].block != r.s.reviewsBlocks[i/resultColumns] || !totalLast(slots[i:i+resultColumns], resultColumns) {
			return false
		}
	}
	whole := n / resultColumns * resultColumns
	if !blocksAddUp(figures[:whole], resultColumns) {
		return false
	}
	r.emitReviewsByFormOrder(cells[:whole], slots[:whole])
	if whole < n {
		u := gongkai.Unplaced{Label: slots[whole].block.label, Line: cells[whole].Line, Cells: []string{},
			Reason: fmt.Sprintf("table 4 prints %d of the form's %d figures, its last columns cut off (a table wider than the paper): the whole blocks before these add up and are placed, but which of this block's columns these are is not certain", n, len(slots))}
		for _, c := range cells[whole:] {
			u.Cells = append(u.Cells, c.Raw)
		}
		r.unplaced = append(r.unplaced, u)
	}
	return true
}
