package pdf

import (
	"slices"
	"unicode"
)

// A drawn table whose column is too narrow for its figures (a web page
// printed by LibreOffice with its table wider than the paper: 沭阳's 总计
// column cut at the page's edge) wraps a figure one digit a line: 26 is
// printed 2 over 6 in its cell. Read line by line, the 2 goes with the
// row label's first line and the 6 with its second, and neither is the
// row's figure. A digit alone between the walls of its cell, with the
// next line's digit alone between the same walls, aligned under it, no
// rule between them and rules above and below, is the next digit of one figure: the digits are set
// side by side at their middle height, where the cell's other figures are
// printed (vertically centred). Only a drawn cell says so: in a table
// without walls the lone digits of two rows may stand one over the other.

// wrapPitch: the lines of a wrapped figure are at most this far apart
// (em): a page's line height may double its font size.
const wrapPitch = 3.0

// wrappedFigures joins the digits of each figure wrapped one digit a line
// in a narrow cell of a drawn table into one run of glyphs on one line.
func wrappedFigures(gs []glyph, walls []wall, rules []rule, size float64) []glyph {
	var digits []int
	for i, g := range gs {
		if unicode.IsDigit(g.r) {
			digits = append(digits, i)
		}
	}
	slices.SortFunc(digits, func(a, b int) int { return cmpFloat(gs[a].yc(), gs[b].yc()) })
	out := slices.Clone(gs)
	used := map[int]bool{}
	for k, i := range digits {
		if used[i] {
			continue
		}
		left, right, ok := cellSides(walls, gs[i])
		if !ok || !aloneInCell(gs, i, left, right, size) {
			continue
		}
		run := []int{i}
		for _, j := range digits[k+1:] {
			last := gs[run[len(run)-1]]
			d := gs[j].yc() - last.yc()
			if d < sameLine*size {
				continue
			}
			if d > wrapPitch*size {
				break
			}
			l, r, ok := cellSides(walls, gs[j])
			if ok && l == left && r == right && abs(gs[j].xc()-last.xc()) < stackAlign*size &&
				aloneInCell(gs, j, left, right, size) && !ruleAcross(rules, last, gs[j]) {
				run = append(run, j)
			}
		}
		if len(run) < 2 || !closedCell(rules, gs[run[0]], gs[run[len(run)-1]]) {
			continue
		}
		setSideBySide(out, run)
		for _, j := range run {
			used[j] = true
		}
	}
	return out
}

// setSideBySide moves the glyphs of run (top to bottom) onto one line at
// their middle height, left to right from where the first starts.
func setSideBySide(gs []glyph, run []int) {
	y := (gs[run[0]].yc() + gs[run[len(run)-1]].yc()) / 2
	x := gs[run[0]].x0
	for _, j := range run {
		g := &gs[j]
		w, h := g.x1-g.x0, g.y1-g.y0
		g.x0, g.x1 = x, x+w
		g.y0, g.y1 = y-h/2, y+h/2
		x += w
	}
}

// cellSides is the nearest walls left and right of g at its height.
func cellSides(walls []wall, g glyph) (left, right float64, ok bool) {
	var haveLeft, haveRight bool
	y := g.yc()
	for _, w := range walls {
		if w.y0 > y || w.y1 < y {
			continue
		}
		if w.x <= g.x0+wallSlack && (!haveLeft || w.x > left) {
			left, haveLeft = w.x, true
		}
		if w.x >= g.x1-wallSlack && (!haveRight || w.x < right) {
			right, haveRight = w.x, true
		}
	}
	return left, right, haveLeft && haveRight
}

// aloneInCell reports whether no other glyph is printed between left and
// right on gs[i]'s line.
func aloneInCell(gs []glyph, i int, left, right, size float64) bool {
	g := gs[i]
	for j, h := range gs {
		if j != i && h.xc() > left && h.xc() < right && abs(h.yc()-g.yc()) < sameLine*size {
			return false
		}
	}
	return true
}

// closedCell reports whether a rule runs above top and one below bottom,
// across them: the digits between are in one cell closed at both ends. In
// a table drawn with walls but no rules between its rows, the lone digits
// of rows one over the other are separate figures.
func closedCell(rules []rule, top, bottom glyph) bool {
	x := (top.xc() + bottom.xc()) / 2
	above, below := false, false
	for _, r := range rules {
		if r.x0 > x || x > r.x1 {
			continue
		}
		above = above || r.y < top.yc()
		below = below || r.y > bottom.yc()
	}
	return above && below
}

// ruleAcross reports whether a rule runs between a and b (a above b).
func ruleAcross(rules []rule, a, b glyph) bool {
	x := (a.xc() + b.xc()) / 2
	for _, r := range rules {
		if r.y > a.yc() && r.y < b.yc() && r.x0 <= x && x <= r.x1 {
			return true
		}
	}
	return false
}
