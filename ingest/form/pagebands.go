package form

import "strconv"

// Chrome's prints of web pages through pdfminer (pdf2txt, markitdown's
// engine) print a page of table 3 as a block of its rows column by column
// (columnmajor.go), the page's row labels among the first column's
// figures: pingtan-2024.chromium's first page prints the labels of 一 to
// 8.属于行政查询事项, the 自然人 figures of those twelve rows, the label
// of 1.本机关不掌握相关政府信息 and its 75, the labels down to 2.重复申请,
// their four 自然人 figures, then the header and the other six columns of
// the page's seventeen rows, each column's run in turn. Cut at the labels
// (bandorder.go), the page is one band of seventeen rows, more than
// maxBandRows: the fillings of so long a band are too many to search.
// Such a band is read only as a page is printed, column by column with
// the columns in the form's order, when each of its rows adds up (I2); it
// is then one candidate of the band readings, which place nothing unless
// exactly one reading of the whole table, counted by its values, keeps I1
// and I3 (the other bands' fillings included).
//
// The page after it, eight rows from 3.要求提供公开出版物 to 四, comes in
// pdfminer's recursive order (groups of cells, top then bottom, left then
// right), a filling of the band; with most of its figures 0 the search of
// its fillings passes maxBandStates. A band after 二 that holds （七）总计
// or 四 is therefore searched against each state the rows before it
// leave (bandState): a cell of an outcome row keeps its column's outcomes
// at most 一 + 二, a cell of （七）总计 is its column's outcomes, a cell of
// 四 is 一 + 二 less （七） — the checks bandSearch.apply makes of a
// whole filling, made cell by cell, so that only the fillings it would
// keep are searched.

// longBand is the one filling of a band of more than maxBandRows rows
// that the band readings take (see above): its rows printed column by
// column, when each row adds up; nil otherwise. Indices are from the
// band's first figure.
func (b *bandSearch) longBand(row, k int) [][]int {
	fill := columnMajorBlocks(0, k, false)[0]
	first := b.starts[row]
	for j := 0; j < k; j++ {
		var sum int64
		for c := 0; c < b.n-1; c++ {
			sum += b.values[first+fill[j*b.n+c]]
		}
		if sum != b.values[first+fill[j*b.n+b.n-1]] {
			return nil
		}
	}
	return [][]int{fill}
}

// maxBoundedStarts is the most states a band may be read from with its
// cells bounded by each (bandFrom): each is a search of its own, so more
// read the band once, unbounded, as before.
const maxBoundedStarts = 8

// bandFrom is the fillings of the k rows from row read after the state
// from (key its key): those of band, or when the band holds （七）总计 or
// 四, starts after 二 and is read from at most maxBoundedStarts states,
// those that keep the identities against from (see above).
func (b *bandSearch) bandFrom(row, k int, from bandState, key string) [][]int {
	t := b.t
	if row <= t.carriedOver || row+k <= t.answered || k > maxBandRows || len(b.states[row]) > maxBoundedStarts {
		return b.band(row, k)
	}
	memo := strconv.Itoa(row) + "/" + strconv.Itoa(k) + "/" + key
	if got, ok := b.fromState[memo]; ok {
		return got
	}
	cond := &bandCond{first: from.first, outcome: from.outcome}
	for j := 0; j < k; j++ {
		switch at := row + j; {
		case at == t.answered:
			cond.roles = append(cond.roles, roleSeven)
		case at == t.carriedForward:
			cond.roles = append(cond.roles, roleForward)
		default:
			cond.roles = append(cond.roles, roleOutcome)
		}
	}
	first := b.starts[row]
	f := bandFilling{values: b.values[first : first+k*b.n], rows: k, n: b.n, memo: map[string][][]int{}, cond: cond}
	out, ok := f.fillings(make([]int, b.n), make([]int, k*b.n), 0)
	if !ok || len(out) > maxBandCandidates {
		out = nil
	}
	for _, fill := range out {
		for i := range fill {
			fill[i] += first
		}
	}
	if b.fromState == nil {
		b.fromState = map[string][][]int{}
	}
	b.fromState[memo] = out
	return out
}

// The roles of a band's rows in the identities.
const (
	roleOutcome = iota
	roleSeven
	roleForward
)

// bandCond is what a band's cells must keep, read after a state (see
// above): 一 + 二 and the outcome rows' sums of the rows before the band,
// by column, and the roles of the band's rows.
type bandCond struct {
	first, outcome []int64
	roles          []int
}

// fits reports whether v, filled in the band's row and column c, can
// keep the identities whatever the band's other cells: an outcome cell
// or 四 at most what the outcomes before the band leave of 一 + 二, a
// （七） cell at least those outcomes and at most 一 + 二. A nil bandCond
// holds every figure. The bounds hold of each cell alone, so the fillings
// searched from a state depend on nothing more than before.
func (d *bandCond) fits(row, c int, v int64) bool {
	if d == nil {
		return true
	}
	if d.roles[row] == roleSeven {
		return v >= d.outcome[c] && v <= d.first[c]
	}
	return v <= d.first[c]-d.outcome[c]
}
