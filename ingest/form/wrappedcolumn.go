package form

import (
	"slices"

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

// A text that sorts a page's boxes by where they end (PyMuPDF's sorted
// blocks) prints the last line of a wrapped header cell after the block's
// other header cells (本年新制作数 / 本年新公开数量 对外公开总数量 / 量): the
// piece is read as a fourth column, and three figures no longer meet four
// columns. A cell that names no column, whose text completes exactly one
// earlier cell of the header into its column's whole wording (that cell
// alone named it only cut short), is that cell's last line.

// joinLateTails joins such pieces into the cells they complete.
func (b *blockSpec) joinLateTails(hs []layout.Cell) []layout.Cell {
	for i := 1; i < len(hs); i++ {
		if _, ok := b.column(hs[i].Text); ok {
			continue
		}
		at := -1
		for j := range hs[:i] {
			col, own := b.bestColumn(hs[j].Text)
			if col == nil || own < label.MatchThreshold || own >= label.Exact {
				continue
			}
			if joined, s := b.bestColumn(hs[j].Text + hs[i].Text); joined == col && s >= label.Exact {
				if at >= 0 {
					at = -2 // completes two cells: which is not certain
					break
				}
				at = j
			}
		}
		if at < 0 {
			continue
		}
		hs[at].Text += hs[i].Text
		hs = slices.Delete(hs, i, i+1)
		i--
	}
	return hs
}
