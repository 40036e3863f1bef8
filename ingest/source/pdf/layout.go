package pdf

import (
	"math"
	"slices"
	"strings"
	"unicode"
)

// Thresholds of the layout, in units of the font size (em), so that they
// hold for any print size.
const (
	// sameLine: glyphs whose vertical centres differ by less than this
	// share a text line. Wrapped lines of one cell are at least 1 em
	// apart; a figure centred beside a two-line label about 0.7 em from
	// each line.
	sameLine = 0.4
	// cellGap: a horizontal gap wider than this separates two cells.
	// Characters inside a cell are set at most about half an em apart
	// (justified text, a stray space); table cells are separated by
	// padding and borders of at least one em.
	cellGap = 0.9
	// spaceGap: inside a cell, Latin letters and digits this far apart
	// get a space between them.
	spaceGap = 0.2
	// stackPitch: the centres of characters printed one above the other
	// (vertical text in a narrow cell) are at most this far apart.
	stackPitch = 1.6
	// stackAlign: the centres of stacked characters line up within this.
	stackAlign = 0.5
	// stackMin: fewer stacked characters than this are not vertical text
	// (two labels of one character in rows of a tight table could stack).
	stackMin = 3
)

// cell is text printed together: characters of one line without a wide
// gap, or a vertical stack of characters.
type cell struct {
	text           string
	x0, y0, x1, y1 float64
	size           float64
	glyphs         []glyph
	page           int
}

func (c cell) xc() float64 { return (c.x0 + c.x1) / 2 }
func (c cell) yc() float64 { return (c.y0 + c.y1) / 2 }

// textLine is the cells of one printed line, left to right.
type textLine struct {
	page  int
	cells []cell
	y     float64 // vertical centre, in the document's coordinate
	size  float64
}

// layout groups a page's glyphs into text lines of cells. Vertical text
// becomes one cell, on the line of its centre. Positions are moved down by
// top: the document's coordinate puts the pages one below the other.
func layout(p page, top float64) []textLine {
	glyphs := make([]glyph, len(p.glyphs))
	for i, g := range p.glyphs {
		g.y0, g.y1 = g.y0+top, g.y1+top
		glyphs[i] = g
	}
	walls := make([]wall, len(p.walls))
	for i, w := range p.walls {
		walls[i] = wall{x: w.x, y0: w.y0 + top, y1: w.y1 + top}
	}
	size := pageSize(glyphs)
	rules := make([]rule, len(p.rules))
	for i, r := range p.rules {
		rules[i] = rule{x0: r.x0, x1: r.x1, y: r.y + top}
	}
	glyphs = wrappedFigures(glyphs, walls, rules, size)
	stacks, rest := verticalStacks(glyphs)
	groups := lineGroups(rest, size)
	lines := make([]textLine, 0, len(groups)+len(stacks))
	for _, gs := range groups {
		s := lineSize(gs, size)
		lines = append(lines, textLine{page: p.n, cells: cells(gs, s, walls), y: meanY(gs), size: s})
	}
	for _, st := range stacks {
		lines = append(lines, textLine{page: p.n, cells: []cell{st}, y: st.yc(), size: st.size})
	}
	for _, l := range lines {
		for i := range l.cells {
			l.cells[i].page = p.n
		}
	}
	slices.SortStableFunc(lines, func(a, b textLine) int { return cmpFloat(a.y, b.y) })
	return mergeStackLines(lines)
}

// lineGroups groups glyphs into lines by their vertical centres. Only
// letters and digits are trusted for that: punctuation sits high (“) or
// low (，) in its line, so it joins the line it overlaps that is nearest
// to it horizontally.
func lineGroups(gs []glyph, size float64) [][]glyph {
	var letters, marks []glyph
	for _, g := range gs {
		if unicode.IsLetter(g.r) || unicode.IsDigit(g.r) {
			letters = append(letters, g)
		} else {
			marks = append(marks, g)
		}
	}
	slices.SortFunc(letters, func(a, b glyph) int { return cmpFloat(a.yc(), b.yc()) })
	var groups [][]glyph
	for _, g := range letters {
		if n := len(groups); n > 0 {
			last := groups[n-1]
			if abs(g.yc()-meanY(last)) < sameLine*lineSize(last, size) {
				groups[n-1] = append(last, g)
				continue
			}
		}
		groups = append(groups, []glyph{g})
	}
	n := len(groups)
	for _, m := range marks {
		best, dist := -1, 0.0
		for i, grp := range groups[:n] {
			top, bottom := extent(grp)
			if m.y1 < top || m.y0 > bottom {
				continue
			}
			for _, g := range grp {
				if d := max(g.x0-m.x1, m.x0-g.x1, 0); best < 0 || d < dist {
					best, dist = i, d
				}
			}
		}
		if best < 0 {
			groups = append(groups, []glyph{m})
			continue
		}
		groups[best] = append(groups[best], m)
	}
	slices.SortStableFunc(groups, func(a, b []glyph) int { return cmpFloat(meanY(a), meanY(b)) })
	return groups
}

// extent is the top and bottom of a line's glyphs.
func extent(gs []glyph) (top, bottom float64) {
	top, bottom = gs[0].y0, gs[0].y1
	for _, g := range gs[1:] {
		top, bottom = min(top, g.y0), max(bottom, g.y1)
	}
	return top, bottom
}

// mergeStackLines puts a vertical stack into the text line of its centre
// when one is there, left to right.
func mergeStackLines(lines []textLine) []textLine {
	out := lines[:0]
	for _, l := range lines {
		if n := len(out); n > 0 && abs(out[n-1].y-l.y) < sameLine*max(out[n-1].size, l.size) {
			prev := &out[n-1]
			prev.cells = append(prev.cells, l.cells...)
			slices.SortFunc(prev.cells, func(a, b cell) int { return cmpFloat(a.x0, b.x0) })
			continue
		}
		out = append(out, l)
	}
	return out
}

// cells splits one line's glyphs at wide gaps and at the walls drawn
// between them: two figures in neighbouring cells of a table printed with
// little padding (a web page's 10 | 485) may be set closer than a cell
// gap, and the wall of their cells still parts them.
func cells(gs []glyph, size float64, walls []wall) []cell {
	slices.SortFunc(gs, func(a, b glyph) int { return cmpFloat(a.x0, b.x0) })
	var out []cell
	var b strings.Builder
	start := 0
	flush := func(end int) {
		c := cell{text: b.String(), x0: gs[start].x0, x1: gs[start].x1, y0: gs[start].y0, y1: gs[start].y1, size: size, glyphs: gs[start:end]}
		for _, g := range gs[start:end] {
			c.x0, c.x1 = min(c.x0, g.x0), max(c.x1, g.x1)
			c.y0, c.y1 = min(c.y0, g.y0), max(c.y1, g.y1)
		}
		out = append(out, c)
		b.Reset()
	}
	for i, g := range gs {
		if i > 0 {
			gap := g.x0 - gs[i-1].x1
			if gap > cellGap*size || wallBetween(walls, gs[i-1], g) {
				flush(i)
				start = i
			} else if gap > spaceGap*size && unicode.IsLetter(gs[i-1].r) && latin(gs[i-1].r) && unicode.IsLetter(g.r) && latin(g.r) {
				b.WriteByte(' ')
			}
		}
		b.WriteRune(g.r)
	}
	if len(gs) > 0 {
		flush(len(gs))
	}
	return out
}

// wallBetween reports whether a wall runs between the centres of a and b,
// a left of b, at the height of both.
func wallBetween(walls []wall, a, b glyph) bool {
	for _, w := range walls {
		if w.x > a.xc() && w.x < b.xc() && w.y0 <= min(a.yc(), b.yc()) && w.y1 >= max(a.yc(), b.yc()) {
			return true
		}
	}
	return false
}

func latin(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

// verticalStacks finds text printed one character per line in a narrow
// column (a block label such as 三、本年度办理结果 in a tall merged cell)
// and returns each stack as one cell, with the glyphs left over.
//
// A stacked character has no neighbour on its own line within a cell
// gap, is not a digit, and nothing but other stacks lies left of it on its
// line: vertical labels are in a table's label area, at the left.
func verticalStacks(gs []glyph) ([]cell, []glyph) {
	size := pageSize(gs)
	gs = slices.Clone(gs)
	slices.SortFunc(gs, func(a, b glyph) int { return cmpFloat(a.yc(), b.yc()) })
	alone := make([]bool, len(gs))
	for i, g := range gs {
		alone[i] = stackable(g) && isolated(gs, i, size)
	}
	order := make([]int, 0, len(gs))
	for i := range gs {
		if alone[i] {
			order = append(order, i)
		}
	}
	used := make([]bool, len(gs))
	var stacks []cell
	for k, i := range order {
		if used[i] {
			continue
		}
		run := []int{i}
		for _, j := range order[k+1:] {
			last := gs[run[len(run)-1]]
			if used[j] || j == i || gs[j].yc() <= last.yc() {
				continue
			}
			if gs[j].yc()-last.yc() > stackPitch*size {
				break
			}
			if abs(gs[j].xc()-last.xc()) < stackAlign*size {
				run = append(run, j)
			}
		}
		if len(run) < stackMin || !leftmost(gs, run, alone, size) {
			continue
		}
		c := cell{x0: gs[i].x0, x1: gs[i].x1, y0: gs[i].y0, y1: gs[i].y1, size: size}
		var b strings.Builder
		for _, j := range run {
			used[j] = true
			g := gs[j]
			b.WriteRune(g.r)
			c.x0, c.x1 = min(c.x0, g.x0), max(c.x1, g.x1)
			c.y0, c.y1 = min(c.y0, g.y0), max(c.y1, g.y1)
		}
		c.text = b.String()
		stacks = append(stacks, c)
	}
	rest := make([]glyph, 0, len(gs))
	for i, g := range gs {
		if !used[i] {
			rest = append(rest, g)
		}
	}
	return stacks, rest
}

func stackable(g glyph) bool { return !unicode.IsDigit(g.r) && !latin(g.r) }

// isolated reports whether no other glyph is on gs[i]'s line within a
// cell gap.
func isolated(gs []glyph, i int, size float64) bool {
	g := gs[i]
	for _, j := range sameLineOf(gs, i, size) {
		if h := gs[j]; j != i && h.x1 > g.x0-cellGap*size && h.x0 < g.x1+cellGap*size {
			return false
		}
	}
	return true
}

// sameLineOf is the indices of the glyphs on gs[i]'s line; gs is sorted by
// vertical centre.
func sameLineOf(gs []glyph, i int, size float64) []int {
	y := gs[i].yc()
	lo, hi := i, i
	for lo > 0 && y-gs[lo-1].yc() < sameLine*size {
		lo--
	}
	for hi < len(gs)-1 && gs[hi+1].yc()-y < sameLine*size {
		hi++
	}
	out := make([]int, 0, hi-lo+1)
	for j := lo; j <= hi; j++ {
		out = append(out, j)
	}
	return out
}

// leftmost reports whether nothing but stackable, isolated glyphs lies left
// of the run's glyphs on their lines.
func leftmost(gs []glyph, run []int, alone []bool, size float64) bool {
	for _, i := range run {
		for _, j := range sameLineOf(gs, i, size) {
			if !alone[j] && gs[j].x1 <= gs[i].x0 {
				return false
			}
		}
	}
	return true
}

// pageSize is the median font size of a page's glyphs: the body text's.
func pageSize(gs []glyph) float64 {
	var s []float64
	for _, g := range gs {
		if v := g.size(); v > 0 {
			s = append(s, v)
		}
	}
	if len(s) == 0 {
		return 10
	}
	slices.Sort(s)
	return s[len(s)/2]
}

// lineSize is the largest font size on a line, or the page's when no glyph
// tells.
func lineSize(gs []glyph, page float64) float64 {
	s := 0.0
	for _, g := range gs {
		s = max(s, g.size())
	}
	if s == 0 {
		return page
	}
	return s
}

func meanY(gs []glyph) float64 {
	t := 0.0
	for _, g := range gs {
		t += g.yc()
	}
	return t / float64(len(gs))
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// cellOf is the cell of glyphs set together on one line.
func cellOf(gs []glyph, size float64) cell {
	c := cells(slices.Clone(gs), math.Inf(1), nil)[0]
	c.size = size
	return c
}
