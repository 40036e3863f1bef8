package form

import (
	"fmt"
	"slices"

	"github.com/gongkai/gongkai/ingest/layout"
)

// Chrome's (and LibreOffice's) print of table 3, taken out by plain
// pdftotext, may print a row's first figure (自然人) with its label
// rather than with the row's other figures: a label wrapped over two or
// three lines and the first column's figure, centred in the row, share a
// baseline, and pdftotext takes them for one block of text. The row's
// other six figures come in turn among the rows' figures, and the label
// with its first figure later, in a block of labels printed after them
// (`0 0 0 0 0 1` … `申请人无正当理由逾期不补正、行` / `政机关` / `1` /
// `不再处理其政府信息公开申请`; `4.无正当理由大量反复申请 0` after
// the last rows' figures): the figures read seven a row no longer add up
// from that row on (pingtan-2024.chromium.plain, pingtan-2025.chromium
// and its B5 landscape print, pingtan-2024.libreoffice.plain).
//
// When no other reading of table 3's figures in reading order holds, each
// row is read as its seven figures in turn, or as the next six and, for
// its first column, a figure printed later that stands apart among labels
// (a label line between it and the figures before and after it, or on a
// label's line itself); figures so taken come in the form's order of
// their rows. A figure on the line of a label that opens a row, or that
// is a piece of one row's wording only (gluedRow), is that row's first
// wherever it is printed (`4.无正当理由大量反复申请 0` before the row
// above's six figures): the row reads it and the next six. Every such
// reading in which each row adds up (I2) is tried; the figures are placed
// only when exactly one of them, counted by its values, satisfies I1 and
// I3 as well and is not the figures in turn (which the readings before
// take or refuse). Zeros printed apart fit many rows of zeros, but give
// them the same values; a search longer than maxLabelColumnSteps places
// nothing, and a figure left over (two on one row's label lines) leaves
// no reading.

// maxLabelColumnSteps bounds the search for readings with first columns
// printed among labels: longer, and the reading is not certain.
const maxLabelColumnSteps = 200000

// labelColumnFound is the readings of table 3's figures (cells, printed
// in reading order, rows of the form's) whose rows each print their seven
// in turn or their first printed later among labels (see above) and that
// the identities confirm, each set of values once; false when the search
// gives up.
func (r *reader) labelColumnFound(t tableThreeRows, figures []float64, cells []layout.Cell, rows []*rowSpec) ([][]int, bool) {
	n := applicantColumns + 1
	if len(figures) != len(rows)*n || len(cells) != len(figures) {
		return nil, false
	}
	s := labelColumnSearch{figures: figures, apart: make([]bool, len(cells)), used: make([]bool, len(figures)), glued: map[int]int{}, n: n, rows: len(rows), t: t, seen: map[string]bool{}}
	any := false
	for i, c := range cells {
		s.apart[i] = r.standsAmongLabels(cells, i)
		any = any || s.apart[i]
		if !r.readOrder.labelLines[c.Line] {
			continue
		}
		row := slices.IndexFunc(rows, func(row *rowSpec) bool { return row.indicator == r.gluedRow(c.Line) })
		if row < 0 {
			continue
		}
		// A second figure on the row's label lines stays taken and
		// read by no row: no reading then takes every figure.
		s.glued[row] = i
		s.used[i] = true
	}
	if !any {
		return nil, true
	}
	s.at = make([]int, 0, len(figures))
	if !s.row(0, 0, -1) {
		return nil, false
	}
	return s.found, true
}

// standsAmongLabels reports whether the i-th of cells is printed on a
// label's line, or with a label line between it and the cells before and
// after it (the last with none after).
func (r *reader) standsAmongLabels(cells []layout.Cell, i int) bool {
	if r.readOrder.labelLines[cells[i].Line] {
		return true
	}
	between := func(from, to int) bool {
		for line := from + 1; line < to; line++ {
			if r.readOrder.labelLines[line] {
				return true
			}
		}
		return false
	}
	if i == 0 || !between(cells[i-1].Line, cells[i].Line) {
		return false
	}
	return i == len(cells)-1 || between(cells[i].Line, cells[i+1].Line)
}

// labelColumnSearch reads table 3's figures row by row, each row's first
// figure in turn or printed later among labels.
type labelColumnSearch struct {
	figures []float64
	apart   []bool      // the figure stands among labels
	glued   map[int]int // row → the figure printed on its label's line
	used    []bool      // the figure is taken by a row
	at      []int       // the reading so far: the index of each row's figures
	n, rows int
	t       tableThreeRows
	steps   int
	seen    map[string]bool
	found   [][]int
}

// row reads row i on from figure p (the first not taken), the last
// figure taken apart at last. False when the search gives up.
func (s *labelColumnSearch) row(i, p, last int) bool {
	s.steps++
	if s.steps > maxLabelColumnSteps {
		return false
	}
	for p < len(s.figures) && s.used[p] {
		p++
	}
	if i == s.rows {
		if p == len(s.figures) && !slices.Equal(s.at, rowByRow(len(s.at))) && s.t.hold(valuesAt(s.figures, s.at, s.n)) {
			if k := fmt.Sprint(valuesAt(s.figures, s.at, s.n)); !s.seen[k] {
				s.seen[k] = true
				s.found = append(s.found, append([]int(nil), s.at...))
			}
		}
		return true
	}
	// The next figures not taken, seven at most.
	var next []int
	for q := p; q < len(s.figures) && len(next) < s.n; q++ {
		if !s.used[q] {
			next = append(next, q)
		}
	}
	if g, ok := s.glued[i]; ok {
		// The figure on its label's line is its first, wherever printed.
		if len(next) < s.n-1 {
			return true
		}
		idx := append([]int{g}, next[:s.n-1]...)
		if !s.addsUp(idx) {
			return true
		}
		return s.take(i, p, idx, last)
	}
	if len(next) == s.n && s.addsUp(next) {
		if !s.take(i, p, next, last) {
			return false
		}
	}
	if len(next) < s.n-1 {
		return true
	}
	six := next[:s.n-1]
	from := max(six[len(six)-1], last) + 1
	for q := from; q < len(s.figures); q++ {
		if s.used[q] || !s.apart[q] {
			continue
		}
		idx := append([]int{q}, six...)
		if !s.addsUp(idx) {
			continue
		}
		if !s.take(i, p, idx, q) {
			return false
		}
	}
	return true
}

// take reads row i as the figures at idx and goes on with the next row
// from figure p.
func (s *labelColumnSearch) take(i, p int, idx []int, last int) bool {
	was := make([]bool, len(idx)) // a figure on a label's line is taken from the start
	for k, x := range idx {
		was[k], s.used[x] = s.used[x], true
	}
	s.at = append(s.at, idx...)
	ok := s.row(i+1, p, last)
	s.at = s.at[:len(s.at)-len(idx)]
	for k, x := range idx {
		s.used[x] = was[k]
	}
	return ok
}

// addsUp reports whether the figures at idx, a row's in turn, add up.
func (s *labelColumnSearch) addsUp(idx []int) bool {
	var sum float64
	for _, x := range idx[:len(idx)-1] {
		sum += s.figures[x]
	}
	return sum == s.figures[idx[len(idx)-1]]
}
