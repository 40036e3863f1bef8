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
// other header cells (上一年项目数 / 本年增/减 / 处理决定数量 / 量): the
// piece is read as a fourth column, and three figures no longer meet four
// columns. When the header's last cell is the only one that names no
// column, and its text completes exactly one earlier cell, not the one
// right before it, into its column's whole wording (that cell alone named
// it only cut short), it is that cell's last line. A header printed a
// column at a time (本年新 / 制作数 / 量 / 4 / 22 / 本年新 / 公开数 / 量 …,
// pdfminer) leaves several such pieces, each the next line of the cell
// before it, and is left as it is: joined there, the block would show
// fewer columns, which the form's columns complete, and its figures, read
// down, would be read across.

// joinLateTails joins such a piece into the cell it completes.
func (b *blockSpec) joinLateTails(hs []layout.Cell) []layout.Cell {
	last := len(hs) - 1
	if last < 2 {
		return hs
	}
	for i, h := range hs {
		if _, ok := b.column(h.Text); ok != (i < last) {
			return hs // another cell names no column, or the last one does
		}
	}
	at := -1
	for j := range hs[:last-1] {
		col, own := b.bestColumn(hs[j].Text)
		if col == nil || own >= label.Exact {
			continue
		}
		if joined, s := b.bestColumn(hs[j].Text + hs[last].Text); joined == col && s >= label.Exact {
			if at >= 0 {
				return hs // completes two cells: which is not certain
			}
			at = j
		}
	}
	if at < 0 {
		return hs
	}
	out := slices.Clone(hs[:last])
	out[at].Text += hs[last].Text
	return out
}
