package form

import (
	"slices"

	"github.com/gongkai/gongkai/ingest/layout"
)

// The last rows of table 3 read seven a row may interleave past what
// deduceRows settles (sevensorder.go). Plain pdftotext of a Word print
// prints （六）3.其他 and （七）总计, whose labels stand lower in their cells,
// a column at a time (`0 / 76 / 2 / 9 / 3 / 21 …`, each 其他's figure
// before 总计's), 四's figures around table 4's heading and both rows'
// first column last; 一's figures come among the header's pieces. No
// row among them is read, and none is given by the identities from the
// others: 其他 and （七） need each other.
//
// Together, though, the identities and the figures printed for those
// rows settle them. With one outcome row X unknown besides （七）, and 一
// or 四 or both, in each column （七） = X + S (S the sum of the outcome
// rows read) and 一 − 四 = （七） − 二 (I1). Every choice of values is
// tried, each a figure printed in the unknown rows' places (their
// windows of seven, taken together: the figures of rows interleaved stay
// among them), each figure used once, every row adding up (I2) and no
// value below 0; the rows are filled in only when exactly one choice
// uses all those figures, value for value, and nothing is filled in when
// the search exceeds maxTailSteps.

// maxTailSteps bounds the search of solveTail.
const maxTailSteps = 50000

// solveTail fills in values (and rowCells) the unknown rows of table 3
// (nil) when they are one outcome row, （七）总计 and 一 or 四 or both, and
// exactly one choice of printed figures satisfies the identities (see
// above).
func (t tableThreeRows) solveTail(values [][]float64, rowCells [][]layout.Cell, figures []float64, cells []layout.Cell) {
	n := applicantColumns + 1
	var unknown []int
	x := -1
	for i := range values {
		if values[i] != nil {
			continue
		}
		unknown = append(unknown, i)
		if i > t.carriedOver && i < t.answered {
			if x >= 0 {
				return // two outcome rows unknown
			}
			x = i
		}
	}
	if x < 0 || values[t.answered] != nil || values[t.carriedOver] == nil || values[t.received] != nil && values[t.carriedForward] != nil {
		return
	}
	var printed []float64
	var printedCells []layout.Cell
	for _, i := range unknown {
		printed = append(printed, figures[i*n:(i+1)*n]...)
		printedCells = append(printedCells, cells[i*n:(i+1)*n]...)
	}
	left := map[float64]int{}
	for _, f := range printed {
		left[f]++
	}
	sum := make([]float64, n) // S: the outcome rows read
	for i := t.carriedOver + 1; i < t.answered; i++ {
		if i != x {
			for c := range sum {
				sum[c] += values[i][c]
			}
		}
	}
	s := &tailSearch{n: n, left: left, sum: sum, carriedOver: values[t.carriedOver], received: values[t.received], carriedForward: values[t.carriedForward]}
	s.other = make([]float64, n)
	s.answered = make([]float64, n)
	s.searchOther(0)
	if s.steps > maxTailSteps || s.found != 1 {
		return
	}
	filled := map[int][]float64{x: s.sol.other, t.answered: s.sol.answered, t.received: s.sol.received, t.carriedForward: s.sol.carriedForward}
	var all []float64
	for _, i := range unknown {
		all = append(all, filled[i]...)
	}
	at := matchValues(all, printed)
	if at == nil || len(all) != len(printed) {
		return
	}
	for k, i := range unknown {
		values[i] = filled[i]
		rowCells[i] = make([]layout.Cell, n)
		for c := range n {
			rowCells[i][c] = printedCells[at[k*n+c]]
		}
	}
}

// tailRows is one choice of the unknown rows' values.
type tailRows struct {
	other, answered, received, carriedForward []float64
}

// tailSearch is the state of solveTail's search: the figures not yet
// used (left, by value), the rows chosen so far, the solutions found.
type tailSearch struct {
	n                              int
	left                           map[float64]int
	sum, carriedOver               []float64
	received, carriedForward       []float64 // known, or nil
	other, answered, recv, forward []float64
	steps, found                   int
	sol                            tailRows
}

// take uses a figure of value v, reporting whether one was left.
func (s *tailSearch) take(v float64) bool {
	if s.left[v] == 0 {
		return false
	}
	s.left[v]--
	return true
}

// searchOther chooses X's figure in column c, and （七）'s with it.
func (s *tailSearch) searchOther(c int) {
	if s.steps++; s.steps > maxTailSteps || s.found > 1 {
		return
	}
	if c == s.n {
		if addsUp(s.other) {
			s.recv, s.forward = make([]float64, s.n), make([]float64, s.n)
			s.searchFour(0)
		}
		return
	}
	for _, v := range s.values() {
		if c == s.n-1 && v != sumOf(s.other[:c]) {
			continue
		}
		if !s.take(v) {
			continue
		}
		if s.take(v + s.sum[c]) {
			s.other[c], s.answered[c] = v, v+s.sum[c]
			s.searchOther(c + 1)
			s.left[v+s.sum[c]]++
		}
		s.left[v]++
	}
}

// searchFour chooses 四's figure in column c and 一's with it: 一 − 四 =
// （七） − 二. A row known takes its own figure.
func (s *tailSearch) searchFour(c int) {
	if s.steps++; s.steps > maxTailSteps || s.found > 1 {
		return
	}
	if c == s.n {
		if addsUp(s.recv) && addsUp(s.forward) {
			s.found++
			s.sol = tailRows{slices.Clone(s.other), slices.Clone(s.answered), slices.Clone(s.recv), slices.Clone(s.forward)}
		}
		return
	}
	d := s.answered[c] - s.carriedOver[c]
	choices := s.values()
	if s.carriedForward != nil {
		choices = []float64{s.carriedForward[c]}
	} else if s.received != nil {
		choices = []float64{s.received[c] - d}
	}
	for _, four := range choices {
		one := four + d
		if four < 0 || one < 0 {
			continue
		}
		tookFour := s.carriedForward != nil || s.take(four)
		if !tookFour {
			continue
		}
		if s.received != nil || s.take(one) {
			s.recv[c], s.forward[c] = one, four
			s.searchFour(c + 1)
			if s.received == nil {
				s.left[one]++
			}
		}
		if s.carriedForward == nil {
			s.left[four]++
		}
	}
}

// values is the values of the figures left, each once, in order.
func (s *tailSearch) values() []float64 {
	var out []float64
	for v, k := range s.left {
		if k > 0 {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}
