package doc

import (
	"slices"
	"sort"

	"github.com/gongkai/gongkai/ingest/source"
)

// sameBoundary is how close, in twips, two cell boundaries of a table's
// rows are taken for one column line of its grid: editing a table in Word
// moves lines by a few twips, and no column is narrower than a character
// (about 100 twips at the smallest print).
const sameBoundary = 20

// grid is the column lines of a table: every boundary of its rows, those
// within sameBoundary of each other taken as one. A table is read on its
// grid only when one of its rows has a cell between every two lines, as
// the rows of a statistics table do: rows whose cells are laid out each
// in its own way (a table Word never lined up) have no columns in common,
// and are printed as they are.
type grid struct {
	lines []int // the leftmost boundary of each line, left to right; none when the rows share no grid
}

func newGrid(rows []tableRow) grid {
	g := gridLines(rows)
	for _, r := range rows {
		if usable(r) && len(r.geom.bounds) == len(g.lines) {
			return g
		}
	}
	return grid{}
}

func gridLines(rows []tableRow) grid {
	var all []int
	for _, r := range rows {
		if usable(r) {
			all = append(all, r.geom.bounds...)
		}
	}
	slices.Sort(all)
	var g grid
	for _, b := range all {
		if len(g.lines) == 0 || b-g.lines[len(g.lines)-1] > sameBoundary {
			g.lines = append(g.lines, b)
		}
	}
	return g
}

// usable reports whether a row's geometry describes the cells it prints.
func usable(r tableRow) bool {
	g := r.geom
	if g == nil || g.broken != "" || len(g.bounds) != len(r.cells)+1 {
		return false
	}
	for i := 1; i < len(g.bounds); i++ {
		if g.bounds[i] <= g.bounds[i-1] {
			return false
		}
	}
	return true
}

// line returns the grid line a boundary falls on.
func (g grid) line(b int) int {
	return sort.Search(len(g.lines), func(i int) bool { return g.lines[i] > b }) - 1
}

// place returns a row's cells, one per grid column as the DOCX reader
// gives them: the columns before its first cell empty, a merged cell's
// text in its first column and empty cells in the others, a cell that
// continues a vertical merge empty. A row whose geometry cannot be read
// is printed as it is, one cell per printed cell: its cells may not match
// the table's columns, and the form reader then leaves it unplaced rather
// than guess.
func (g grid) place(r tableRow) []string {
	if !usable(r) || len(g.lines) == 0 {
		return r.cells
	}
	out := make([]string, min(g.line(r.geom.bounds[0]), source.MaxColumns))
	for i, text := range r.cells {
		span := g.line(r.geom.bounds[i+1]) - g.line(r.geom.bounds[i])
		if span < 1 {
			return r.cells // two boundaries on one line: no columns to trust
		}
		if r.geom.cont[i] {
			text = ""
		}
		if len(out)+span > source.MaxColumns {
			break
		}
		out = append(out, text)
		for range span - 1 {
			out = append(out, "")
		}
	}
	return out
}
