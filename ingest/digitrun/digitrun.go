// Package digitrun splits a run of digits that a text export printed with
// no separator between table cells (规范性文件 6233440, a table-3 row
// 21710000218) back into its cells. A split is only ever taken from the
// arithmetic of the form: the cells of a row add up to its total, the
// blocks of table 4 to theirs. When more than one split satisfies the
// arithmetic, or none does, the run is not split and the caller says why:
// a guessed figure would be a wrong figure.
package digitrun

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Group is a run of consecutive cells that one identity binds, such as
// the seven cells of a table-3 row or a block of table 4.
type Group struct {
	Cells int
	// TotalLast says that the last cell is the sum of the others (总计 =
	// 自然人 + … + 其他; 总计 = 结果维持 + … + 尚未审结); without it no identity
	// binds the cells and any figures fit.
	TotalLast bool
}

// holds reports whether a group's figures satisfy its identity.
func (g Group) holds(figures []int64) bool {
	if !g.TotalLast {
		return true
	}
	var sum int64
	for _, f := range figures[:len(figures)-1] {
		sum += f
	}
	return sum == figures[len(figures)-1]
}

// MaxDigits is the longest run split: beyond it the number of ways to cut
// a run grows too fast to try them all, and runs that long are no row.
const MaxDigits = 48

// maxSplits stops the search once this many splits fit: the run is
// ambiguous long before, and the count only tells how much.
const maxSplits = 1000

// Errors of Split. Their text is what an unplaced row says.
var (
	ErrNoSplit   = errors.New("no split of the digits satisfies the form's arithmetic")
	ErrAmbiguous = errors.New("more than one split of the digits satisfies the form's arithmetic")
	ErrNotDigits = errors.New("not a run of digits")
	ErrTooLong   = fmt.Errorf("a run of more than %d digits", MaxDigits)
)

// Result is every split of a run that fits its groups.
type Result struct {
	Run    string
	Splits [][]string // each split: the cells' digits, in order
	capped bool       // the search stopped at maxSplits
}

// Unique returns the one split that fits, or an error that says how many
// fit (ErrAmbiguous, ErrNoSplit).
func (r Result) Unique() ([]string, error) {
	switch {
	case len(r.Splits) == 1:
		return r.Splits[0], nil
	case len(r.Splits) == 0:
		return nil, fmt.Errorf("%s: %w", r.Run, ErrNoSplit)
	case r.capped:
		return nil, fmt.Errorf("%s: %w (at least %d splits fit)", r.Run, ErrAmbiguous, len(r.Splits))
	}
	return nil, fmt.Errorf("%s: %w (%d splits fit)", r.Run, ErrAmbiguous, len(r.Splits))
}

// Agreed is, for each cell, the digits every split that fits gives it, or
// "" where the splits differ; false when fewer than two splits fit or the
// search stopped before it found them all. A cell every reading of the
// run fills alike is as certain as a run with one split.
func (r Result) Agreed() ([]string, bool) {
	if len(r.Splits) < 2 || r.capped {
		return nil, false
	}
	out := slices.Clone(r.Splits[0])
	for _, s := range r.Splits[1:] {
		for i := range out {
			if out[i] != s[i] {
				out[i] = ""
			}
		}
	}
	return out, true
}

// Split finds every way to cut run into the cells of groups, in order, such
// that each group's identity holds. A figure of more than one digit does
// not start with 0 (no report prints 05), and a space in run is a cut that
// every split keeps (the export kept one separator there). A sign after
// such a space (39 +110, a change printed signed) opens a cell and stays
// on it; groups with a total take no signs.
func Split(run string, groups []Group) (Result, error) {
	res := Result{Run: run}
	digits, cuts, signs, err := parseRun(run)
	if err == nil && len(signs) > 0 && slices.ContainsFunc(groups, func(g Group) bool { return g.TotalLast }) {
		err = ErrNotDigits
	}
	if err != nil {
		return res, fmt.Errorf("%s: %w", run, err)
	}
	cells := 0
	for _, g := range groups {
		cells += g.Cells
	}
	if cells == 0 || len(digits) < cells {
		return res, nil
	}
	s := searcher{digits: digits, cuts: cuts, signs: signs, groups: groups, res: &res}
	s.group(0, 0, nil)
	return res, nil
}

// parseRun returns the digits of run, the positions (in digits) where a
// space forces a cut, and the signs that open a cell, by position.
func parseRun(run string) (string, map[int]bool, map[int]string, error) {
	var b strings.Builder
	cuts := map[int]bool{}
	signs := map[int]string{}
	rs := []rune(strings.TrimSpace(run))
	for i, c := range rs {
		switch {
		case c >= '0' && c <= '9':
			b.WriteRune(c)
		case c == ' ' || c == '\u3000' || c == '\u00a0':
			cuts[b.Len()] = true
		case (c == '+' || c == '-') && i > 0 && cuts[b.Len()] && i+1 < len(rs) && rs[i+1] >= '0' && rs[i+1] <= '9':
			signs[b.Len()] = string(c)
		default:
			return "", nil, nil, ErrNotDigits
		}
	}
	if b.Len() == 0 {
		return "", nil, nil, ErrNotDigits
	}
	if b.Len() > MaxDigits {
		return "", nil, nil, ErrTooLong
	}
	return b.String(), cuts, signs, nil
}

type searcher struct {
	digits string
	cuts   map[int]bool
	signs  map[int]string
	groups []Group
	res    *Result
}

// group fills group gi starting at digit pos; done holds the cells of the
// groups before it.
func (s *searcher) group(gi, pos int, done []string) {
	if s.res.capped {
		return
	}
	if gi == len(s.groups) {
		if pos == len(s.digits) {
			s.res.Splits = append(s.res.Splits, append([]string(nil), done...))
			if len(s.res.Splits) >= maxSplits {
				s.res.capped = true
			}
		}
		return
	}
	g := s.groups[gi]
	if g.TotalLast && gi == len(s.groups)-1 {
		s.lastTotal(g, pos, done)
		return
	}
	s.cells(gi, pos, make([]string, 0, g.Cells), done)
}

// lastTotal fills the last group when its last cell is the total: the
// total is then a suffix of the run, and the other cells must add up to
// it, which cuts the search short as soon as they exceed it.
func (s *searcher) lastTotal(g Group, pos int, done []string) {
	for k := 1; k <= len(s.digits)-pos-(g.Cells-1) && k <= 18; k++ {
		at := len(s.digits) - k
		if k > 1 && s.digits[at] == '0' {
			continue
		}
		if s.cutInside(at, len(s.digits)) {
			break
		}
		total, _ := strconv.ParseInt(s.digits[at:], 10, 64)
		s.parts(pos, at, g.Cells-1, total, nil, done, s.digits[at:])
	}
}

// parts cuts digits [pos, end) into n cells that add up to rest, then
// records the split with the total.
func (s *searcher) parts(pos, end, n int, rest int64, cur, done []string, total string) {
	if s.res.capped {
		return
	}
	if n == 0 {
		if pos == end && rest == 0 {
			split := append(append(append([]string(nil), done...), cur...), total)
			s.res.Splits = append(s.res.Splits, split)
			if len(s.res.Splits) >= maxSplits {
				s.res.capped = true
			}
		}
		return
	}
	for e := pos + 1; e <= end-(n-1) && e-pos <= 18; e++ {
		if s.cutInside(pos, e) {
			break
		}
		if e-pos > 1 && s.digits[pos] == '0' {
			break
		}
		v, _ := strconv.ParseInt(s.digits[pos:e], 10, 64)
		if v > rest {
			break
		}
		s.parts(e, end, n-1, rest-v, append(cur, s.digits[pos:e]), done, total)
	}
}

// cells fills the cells of group gi one by one from digit pos.
func (s *searcher) cells(gi, pos int, cur, done []string) {
	g := s.groups[gi]
	if len(cur) == g.Cells {
		if !g.holds(figures(cur)) {
			return
		}
		s.group(gi+1, pos, append(done, cur...))
		return
	}
	left := s.cellsAfter(gi) + g.Cells - len(cur) - 1 // cells still to fill after this one
	if g.TotalLast && len(cur) < g.Cells-1 && !s.totalCanHold(cur, len(s.digits)-pos-left) {
		return
	}
	for end := pos + 1; end <= len(s.digits)-left; end++ {
		if s.cutInside(pos, end) {
			break
		}
		if end-pos > 1 && s.digits[pos] == '0' {
			break
		}
		if end-pos > 18 {
			break // beyond int64; no count in a report is that large
		}
		s.cells(gi, end, append(cur, s.signs[pos]+s.digits[pos:end]), done)
	}
}

// totalCanHold reports whether a total of at most maxDigits digits can
// still be the sum of the cells chosen so far: it is at least as long as
// the longest of them, and the sum has no more digits than it.
func (s *searcher) totalCanHold(cur []string, maxDigits int) bool {
	var sum int64
	for _, c := range cur {
		if len(c) > maxDigits {
			return false
		}
		n, _ := strconv.ParseInt(c, 10, 64)
		sum += n
	}
	return len(strconv.FormatInt(sum, 10)) <= maxDigits || sum == 0
}

// cellsAfter is the number of cells of the groups after gi.
func (s *searcher) cellsAfter(gi int) int {
	n := 0
	for _, g := range s.groups[gi+1:] {
		n += g.Cells
	}
	return n
}

// cutInside reports whether a forced cut lies strictly inside [a, b).
func (s *searcher) cutInside(a, b int) bool {
	for i := a + 1; i < b; i++ {
		if s.cuts[i] {
			return true
		}
	}
	return false
}

func figures(cells []string) []int64 {
	out := make([]int64, len(cells))
	for i, c := range cells {
		out[i], _ = strconv.ParseInt(c, 10, 64)
	}
	return out
}
