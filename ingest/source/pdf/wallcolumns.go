package pdf

import (
	"math"
	"slices"
)

// A table whose cells are drawn (a web page printed by a browser, a Word
// table) shows its columns by its walls, whatever its figures do: a
// figure centred in a wide cell and one in a narrow cell may not overlap
// (the figure bands then part one column in two), and a column with no
// figure in any row (blank cells, 沭阳's five applicant columns) leaves no
// band at all. The walls give both: each column of figures is the space
// between two walls that cross the rows.

// wallCross is the share of a table's rows a wall must cross to part two
// of its columns: the walls of a cell merged over a few rows do not.
const wallCross = 0.5

// blankColumnRows is the number of rows from which a column blank in every
// row, that the walls draw, is taken for one.
const blankColumnRows = 3

// wallMerge: walls this close (points) are one, drawn twice by two
// neighbouring cells.
const wallMerge = 1.5

// columns is the table's columns: the bands its figures make, unless its
// walls draw another number of columns that hold every figure of every row
// in a column of its own. Fewer: figures centred in the cells of a column,
// apart, made two bands of one column. More: columns blank in every row
// made no band (沭阳's table 3 fills only 自然人 and 总计), which is
// believed only of a table of blankColumnRows rows or more; in a table of
// one row (table 4) the walls of a header's cells that reach its row part
// columns where no figure says so. Where the two agree in number the bands
// are kept.
func (t *table) columns() []band {
	bands := columns(t.rows)
	walled := wallColumns(t.rows, t.walls)
	switch {
	case walled == nil:
		return bands
	case len(walled) < len(bands):
		return walled
	case len(walled) > len(bands) && len(t.rows) >= blankColumnRows:
		return walled
	}
	return bands
}

// wallColumns is the columns of figures the walls draw between them, from
// the last wall left of the first figure to the last wall, or nil when the
// walls do not part the rows' figures one to a column.
func wallColumns(rows []*row, walls []wall) []band {
	first, narrowest := math.Inf(1), math.Inf(1)
	for _, r := range rows {
		for _, v := range r.values {
			first, narrowest = min(first, v.x0), min(narrowest, v.x1-v.x0)
		}
	}
	xs := joinSpacedWalls(crossingWalls(rows, walls), narrowest)
	start := -1
	for i, x := range xs {
		if x <= first+wallSlack {
			start = i
		}
	}
	if start < 0 || len(xs)-start < 2 {
		return nil
	}
	var cols []band
	for i := start; i+1 < len(xs); i++ {
		lo, hi := xs[i], xs[i+1]
		cols = append(cols, band{lo: lo, hi: hi, c: (lo + hi) / 2, left: lo})
	}
	for _, r := range rows {
		if _, ok := place(cols, r.values); !ok {
			return nil
		}
	}
	return cols
}

// joinSpacedWalls takes as one wall each run of walls xs closer than
// narrowest, the narrowest figure of the table: a page whose table keeps
// its cells apart (a browser printing a table's cell spacing) draws two
// walls between two columns, the right side of one cell and the left side
// of the next, and the sliver between them, holding no figure, is no
// column.
func joinSpacedWalls(xs []float64, narrowest float64) []float64 {
	var out []float64
	start := 0
	for i := range xs {
		if i+1 < len(xs) && xs[i+1]-xs[i] < narrowest {
			continue
		}
		out = append(out, (xs[start]+xs[i])/2)
		start = i + 1
	}
	return out
}

// crossingWalls is the x of each wall that crosses at least wallCross of
// the rows' lines, left to right, walls closer than wallMerge taken as one.
func crossingWalls(rows []*row, walls []wall) []float64 {
	type seen struct {
		x    float64
		rows int
	}
	var xs []seen
	for _, r := range rows {
		y := r.line.y
		var here []float64
		for _, w := range walls {
			if y >= w.y0 && y <= w.y1 && !slices.ContainsFunc(here, func(x float64) bool { return math.Abs(x-w.x) < wallMerge }) {
				here = append(here, w.x)
			}
		}
		for _, x := range here {
			i := slices.IndexFunc(xs, func(s seen) bool { return math.Abs(s.x-x) < wallMerge })
			if i < 0 {
				xs = append(xs, seen{x: x})
				i = len(xs) - 1
			}
			xs[i].rows++
		}
	}
	var out []float64
	for _, s := range xs {
		if float64(s.rows) >= wallCross*float64(len(rows)) {
			out = append(out, s.x)
		}
	}
	slices.Sort(out)
	return out
}

// sameWalls reports whether a wall of the table's columns crossing row's
// line also crosses l, a line above it: l is inside the drawn table, in a
// cell above the row however tall the cells are drawn (a web page's
// padded header cells put its last line more than headerReach above the
// first row). As for columns, only in a table of blankColumnRows rows or
// more.
func (t *table) sameWalls(l, row textLine) bool {
	if len(t.rows) < blankColumnRows {
		return false // a header's walls reach a table's one row: see columns
	}
	for _, w := range t.walls {
		if l.y < w.y0 || l.y > w.y1 || w.x < t.cols[0].lo {
			continue
		}
		for _, v := range t.walls {
			if row.y >= v.y0 && row.y <= v.y1 && math.Abs(v.x-w.x) < wallMerge {
				return true
			}
		}
	}
	return false
}
