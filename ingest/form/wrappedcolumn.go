package form

import (
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// A header cell of table 2 wrapped before its last character (本年制发件 /
// 数, Word's print of a narrow column) leaves a first piece that already
// names its column, though not whole, and a last piece that names none:
// read apart, the header has a column too many (数), and the block's
// figures no longer meet its columns. The pieces are one cell when the
// first names a column but not exactly, the second names no column of the
// block, and together they name that same column better.

// namesBetterWithNext reports whether header cell c and the cell after it
// are one column's wording cut in two (see above).
func (b *blockSpec) namesBetterWithNext(c, next layout.Cell) bool {
	col, own := b.bestColumn(c.Text)
	if col == nil || own < label.MatchThreshold || own >= label.Exact {
		return false
	}
	if _, ok := b.column(next.Text); ok {
		return false
	}
	joinedCol, joined := b.bestColumn(c.Text + next.Text)
	return joinedCol == col && joined > own
}
