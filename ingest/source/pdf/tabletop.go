package pdf

import "math"

// A table whose cells are drawn has a top: the rule its walls start at.
// What is printed above it is not in its cells, however close it is: the
// last line of the narrative and the section's heading printed right
// above a Word table (切实提升我区政务公开质效。 / 二、主动公开政府信息情况,
// 1 em above its top rule) are within a header's reach of its spanning
// first row (第二十条第（一）项) and, left of its figures, would be read as
// its header's label cell. The table's box is found from its first row:
// the walls that cross it, and the walls that go on above them (a table
// may draw its walls row by row, each row's a segment of its own).

// wallTop is the top of the walls drawn through and above the line l,
// joined where one ends at most wallMerge above where the next begins;
// ok is false when no wall crosses l.
func wallTop(walls []wall, l textLine) (top float64, ok bool) {
	top = math.Inf(1)
	for _, w := range walls {
		if w.y0 <= l.y && l.y <= w.y1 {
			top = min(top, w.y0)
		}
	}
	if math.IsInf(top, 1) {
		return 0, false
	}
	for grown := true; grown; {
		grown = false
		for _, w := range walls {
			if w.y0 < top && w.y1 >= top-wallMerge {
				top, grown = w.y0, true
			}
		}
	}
	return top, true
}

// aboveBox reports whether l is printed above the top of the walls drawn
// around the table's first row: outside the table.
func (t *table) aboveBox(l textLine) bool {
	top, ok := wallTop(t.walls, t.rows[0].line)
	return ok && l.page == t.rows[0].line.page && l.y < top
}
