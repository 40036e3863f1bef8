package form

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/layout"
)

// pdfminer (pdf2txt, markitdown's engine) prints each cell of table 3 as
// a text box, or joins close cells of a column into one, and prints the
// boxes in the order of the groups it makes of them: each group from the
// top, then from the left. Every row's label comes in the form's order,
// but a few rows printed close together come as a band, their figures
// after the band's first label and before the next band's, interleaved:
// 二 and （一） as `14 / 90 2 8 1 0 0 1 4 0 0 21 1 100` (each column's two
// cells in turn), 5. to 8. of （三） as `4 / 13 / 49 / 49 1 3 2 8 2 0 0 1
// 1 2 0 4 2 0 4 1 2 12 3 3 21 58 2 65` (a column or two, then the rest).
// What such an order keeps is a cell's place against the cell above it
// and the one left of it: it fills the band's grid a cell at a time, each
// cell after the one above it and, from the third column on, the one left
// of it (a row's 自然人 and 商业企业 cells may come after the rest of the
// row, their boxes grouped with the labels': `… 1 1 9 32 /
// 3.要求提供公开出版物 / 28`). docs/pdfminer-table3-order.md has the
// evidence.
//
// When the readings of rows and column-by-column blocks find none (or
// too many to tell), the
// figures of table 3 are cut at the labels of its rows: each label of
// the form's rows, in the form's order and each once, starts a segment
// (the figures after it, up to the next row's label). A band is a run of
// consecutive rows whose segments hold seven figures a row; each band's
// fillings (as above) whose rows add up (I2) are its candidates. A
// reading takes one candidate of each band, the bands covering the rows
// in turn, and is kept when （七）总计 is the sum of the outcome rows in
// every column (I3) and 一 + 二 = （七）总计 + 四 (I1). The figures are
// placed only when exactly one reading, counted by its values, is kept.
// A band of more than maxBandRows rows is read only column by column, a
// page of Chrome's print (pagebands.go). A band with more than
// maxBandCandidates candidates, or more than maxBandSteps steps of the
// search give up: nothing is placed by this rule.

// The bounds of the band readings (see above).
const (
	maxBandRows       = 8
	maxBandCandidates = 512
	maxBandSteps      = 200000
	maxBandStates     = 20000
)

// bandReadings is the readings of table 3's figures (those of rows, in
// the form's order) as bands of rows cut at their labels (see above):
// none, one, or two that differ in a value. False when the labels do not
// cut the figures so, or a bound was passed.
func (r *reader) bandReadings(t tableThreeRows, rows []*rowSpec, figures []float64, cells []layout.Cell) ([]int, map[int][]int64, bool) {
	n := applicantColumns + 1
	if len(figures) != len(rows)*n {
		return nil, nil, false
	}
	starts, ok := r.rowStarts(rows, cells)
	if !ok {
		return nil, nil, false
	}
	values := make([]int64, len(figures))
	for i, v := range figures {
		if v != math.Trunc(v) || v < 0 || v > 1e12 {
			return nil, nil, false
		}
		values[i] = int64(v)
	}
	b := bandSearch{t: t, values: values, starts: append(starts, len(figures)), n: n, rows: len(rows)}
	b.candidates = make([]map[int][][]int, len(rows))
	if !b.read() {
		return nil, nil, false
	}
	return b.readings()
}

// rowStarts is, for each row of rows, the index of the first figure
// printed after its label: the labels each printed once, in the form's
// order, the first before every figure; labels of no row, and of a
// heading, are passed over. A label printed on a figure's line comes
// before it.
func (r *reader) rowStarts(rows []*rowSpec, cells []layout.Cell) ([]int, bool) {
	var lines []int
	for line := range r.readOrder.labelLines {
		lines = append(lines, line)
	}
	slices.Sort(lines)
	leaf := map[string]bool{}
	for _, row := range rows {
		leaf[row.indicator] = true
	}
	var starts []int
	last := ""
	for _, line := range lines {
		ind := r.readOrder.labelRows[line]
		if !leaf[ind] || ind == last {
			continue
		}
		last = ind
		i := len(starts)
		if i >= len(rows) || rows[i].indicator != ind {
			return nil, false
		}
		starts = append(starts, slices.IndexFunc(cells, func(c layout.Cell) bool { return c.Line >= line }))
	}
	if len(starts) != len(rows) || starts[0] != 0 {
		return nil, false
	}
	for i, s := range starts {
		if s < 0 || i > 0 && s < starts[i-1] {
			return nil, false
		}
	}
	return starts, true
}

// noteBandDoubts records, for dropDoubts, the rows of table 3 that hold
// cells the band readings give different figures (doubt, by cell row by
// row), unplaced with those figures.
func (r *reader) noteBandDoubts(rows []*rowSpec, reading []int, doubt map[int][]int64, cells []layout.Cell) {
	r.readOrder.doubts, r.readOrder.doubtKeys = nil, map[string]bool{}
	n := applicantColumns + 1
	slots := r.formOrderSlots()
	for i, row := range rows {
		var names, raws []string
		for c, s := range slots {
			vs, ok := doubt[i*n+c]
			if !ok {
				continue
			}
			r.readOrder.doubtKeys[row.indicator+"/"+s.key] = true
			names = append(names, s.printed)
			var figs []string
			for _, v := range vs {
				figs = append(figs, strconv.FormatInt(v, 10))
			}
			raws = append(raws, strings.Join(figs, "|"))
		}
		if names == nil {
			continue
		}
		r.readOrder.doubts = append(r.readOrder.doubts, gongkai.Unplaced{Label: row.label, Line: cells[reading[i*n]].Line, Cells: raws,
			Reason: fmt.Sprintf("table 3 read as bands of rows cut at their labels (pdfminer's order): the readings that satisfy the form's identities give %s different figures (each cell's are listed), which are not placed", strings.Join(names, "、"))})
	}
}

// dropDoubts takes out the figures read by their labels in the cells the
// band readings leave in doubt, and returns the rows unplaced for them.
func (r *reader) dropDoubts() []gongkai.Unplaced {
	if len(r.readOrder.doubtKeys) == 0 {
		return nil
	}
	drop := map[int]bool{}
	for i, o := range r.obs {
		if r.readOrder.doubtKeys[o.Indicator+"/"+o.Breakdown] {
			drop[i] = true
		}
	}
	r.dropObservations(drop)
	return r.readOrder.doubts
}

// bandSearch is the search for the readings of table 3 as bands: from
// row to row, the states the rows read so far leave (一 + 二, the outcome
// rows' sums and （七）总计 in each column), each reached by some bands'
// candidates, then back from the end, the states from which the rest
// can be read. A candidate is in a reading when it leads from such a
// state to such a state.
type bandSearch struct {
	t          tableThreeRows
	values     []int64
	starts     []int // index of each row's first figure, then the count of figures
	n, rows    int
	candidates []map[int][][]int  // by first row and band length: the band's fillings
	fromState  map[string][][]int // the fillings of bands read against the state before them (pagebands.go)
	states     []map[string]bool  // by row: the keys of the states reached there
	moves      []bandMove         // every step from a state to the next
	steps      int
}

// bandMove is a band's candidate read from a state at its first row.
type bandMove struct {
	row, k, cand int
	fill         []int
	from, to     string
}

// bandState is what the rows read so far leave for the identities.
type bandState struct {
	first, outcome, seven []int64
}

func (s bandState) key() string {
	b := make([]byte, 0, 64)
	for _, part := range [][]int64{s.first, s.outcome, s.seven} {
		for _, v := range part {
			b = strconv.AppendInt(b, v, 10)
			b = append(b, ',')
		}
		b = append(b, ';')
	}
	return string(b)
}

func parseBandState(key string, n int) bandState {
	parts := strings.Split(key, ";")
	get := func(p string) []int64 {
		out := make([]int64, 0, n)
		for _, f := range strings.Split(strings.TrimSuffix(p, ","), ",") {
			v, _ := strconv.ParseInt(f, 10, 64)
			out = append(out, v)
		}
		return out
	}
	return bandState{get(parts[0]), get(parts[1]), get(parts[2])}
}

// read finds the states and moves; false when a bound was passed.
func (b *bandSearch) read() bool {
	zero := make([]int64, b.n)
	b.states = make([]map[string]bool, b.rows+1)
	for i := range b.states {
		b.states[i] = map[string]bool{}
	}
	b.states[0][bandState{zero, zero, zero}.key()] = true
	for row := 0; row < b.rows; row++ {
		for key := range b.states[row] {
			from := parseBandState(key, b.n)
			for k := 1; row+k <= b.rows; k++ { // a band of more than maxBandRows: pagebands.go
				if b.starts[row+k]-b.starts[row] != k*b.n {
					continue
				}
				if b.shorter(row, k) {
					break
				}
				for ci, fill := range b.bandFrom(row, k, from, key) { // see pagebands.go
					if b.steps++; b.steps > maxBandSteps {
						return false
					}
					to, ok := b.apply(from, row, fill)
					if !ok {
						continue
					}
					tk := to.key()
					b.states[row+k][tk] = true
					b.moves = append(b.moves, bandMove{row: row, k: k, cand: ci, fill: fill, from: key, to: tk})
				}
			}
		}
	}
	return true
}

// shorter reports whether the k rows from row hold a shorter band from
// row: the band is the fewest rows whose figures are seven a row.
func (b *bandSearch) shorter(row, k int) bool {
	for j := 1; j < k; j++ {
		if b.starts[row+j]-b.starts[row] == j*b.n {
			return true
		}
	}
	return false
}

// apply reads the rows of a band's fill from row on after state s: the
// state they leave, false when an identity fails (四 below 0 included).
func (b *bandSearch) apply(s bandState, row int, fill []int) (bandState, bool) {
	t := b.t
	out := bandState{slices.Clone(s.first), slices.Clone(s.outcome), slices.Clone(s.seven)}
	for j := 0; j < len(fill)/b.n; j++ {
		at := row + j
		for c := 0; c < b.n; c++ {
			v := b.values[fill[j*b.n+c]]
			switch {
			case at == t.received || at == t.carriedOver:
				out.first[c] += v
			case at > t.carriedOver && at < t.answered:
				if out.outcome[c] += v; out.outcome[c] > out.first[c] {
					return out, false
				}
			case at == t.answered:
				if out.outcome[c] != v {
					return out, false
				}
				out.seven[c] = v
			case at == t.carriedForward:
				if out.first[c] != out.seven[c]+v {
					return out, false
				}
			}
		}
	}
	return out, true
}

// readings is the cells' figures of one reading, row by row, and the
// cells to which the readings give different figures, with those
// figures; false when there is no reading.
func (b *bandSearch) readings() ([]int, map[int][]int64, bool) {
	good := make([]map[string]bool, b.rows+1)
	for i := range good {
		good[i] = map[string]bool{}
	}
	for key := range b.states[b.rows] {
		good[b.rows][key] = true
	}
	for i := len(b.moves) - 1; i >= 0; i-- { // moves are in order of rows
		m := b.moves[i]
		if good[m.row+m.k][m.to] {
			good[m.row][m.from] = true
		}
	}
	values := make([]map[int64]bool, b.rows*b.n)
	for i := range values {
		values[i] = map[int64]bool{}
	}
	var path []bandMove
	for _, m := range b.moves {
		if !good[m.row][m.from] || !good[m.row+m.k][m.to] {
			continue
		}
		fill := m.fill
		for i, x := range fill {
			values[m.row*b.n+i][b.values[x]] = true
		}
		if at := pathEnd(path); at == m.row && (len(path) == 0 || path[len(path)-1].to == m.from) {
			path = append(path, m)
		}
	}
	if pathEnd(path) != b.rows {
		return nil, nil, false
	}
	reading := make([]int, 0, b.rows*b.n)
	for _, m := range path {
		reading = append(reading, m.fill...)
	}
	doubt := map[int][]int64{}
	for i, vs := range values {
		if len(vs) != 1 {
			for v := range vs {
				doubt[i] = append(doubt[i], v)
			}
			slices.Sort(doubt[i])
		}
	}
	return reading, doubt, true
}

// pathEnd is the row after the last band of path.
func pathEnd(path []bandMove) int {
	if len(path) == 0 {
		return 0
	}
	m := path[len(path)-1]
	return m.row + m.k
}

// band is the fillings of the k rows from row (see above) whose rows add
// up, each once by its values: for each cell row by row, the index of its
// figure. Nil when there is none or more than maxBandCandidates.
func (b *bandSearch) band(row, k int) [][]int {
	if got, ok := b.candidates[row][k]; ok {
		return got
	}
	first := b.starts[row]
	var out [][]int
	if k > maxBandRows {
		out = b.longBand(row, k) // see pagebands.go
	}
	for _, free := range []int{0} {
		if k > maxBandRows {
			break
		}
		f := bandFilling{values: b.values[first : first+k*b.n], rows: k, n: b.n, free: free, memo: map[string][][]int{}}
		got, ok := f.fillings(make([]int, b.n), make([]int, k*b.n), 0)
		if !ok || len(got) > maxBandCandidates {
			break
		}
		if out = got; len(out) > 0 {
			break
		}
	}
	for _, fill := range out {
		for i := range fill {
			fill[i] += first
		}
	}
	if b.candidates[row] == nil {
		b.candidates[row] = map[int][][]int{}
	}
	b.candidates[row][k] = out
	return out
}

// bandFilling is the search for a band's fillings.
type bandFilling struct {
	values  []int64
	rows, n int
	free    int // the columns that need not come after the one left of them
	memo    map[string][][]int
	states  int
	cond    *bandCond // the identities the band's cells must keep (pagebands.go), or nil
}

// fillings is the ways of filling the cells not yet filled (count cells
// of each column filled, at the figure of each filled cell) with the
// figures from p on, each row adding up, each once by its values; false
// when more than maxBandCandidates differ or the search is too long.
func (f *bandFilling) fillings(count, at []int, p int) ([][]int, bool) {
	if p == len(f.values) {
		return [][]int{make([]int, len(at))}, true
	}
	if !f.ahead(count, at, p) {
		return nil, true
	}
	key := f.key(count, at)
	if got, ok := f.memo[key]; ok {
		return got, true
	}
	f.states++
	if f.states > maxBandStates {
		return nil, false
	}
	var out [][]int
	seen := map[string]bool{}
	for c := 0; c < f.n; c++ {
		row := count[c]
		if row >= f.rows || c > f.free && count[c-1] <= row {
			continue
		}
		cell := row*f.n + c
		at[cell] = p
		count[c]++
		ok := (!f.closes(row, count, at) || f.addsUp(row, at)) && f.cond.fits(row, c, f.values[p])
		var rest [][]int
		if ok {
			var fine bool
			rest, fine = f.fillings(count, at, p+1)
			if !fine {
				return nil, false
			}
		}
		count[c]--
		at[cell] = -1
		for _, fill := range rest {
			whole := slices.Clone(fill)
			whole[cell] = p
			k := f.valuesKey(whole, p)
			if !seen[k] {
				seen[k] = true
				out = append(out, whole)
			}
		}
		if len(out) > maxBandCandidates {
			return nil, false
		}
	}
	f.memo[key] = out
	return out, true
}

// ahead reports whether the figures from p on may still close the rows
// begun: the 总计 of each, in turn, the sum of its applicant cells when
// all are filled and at least it when not, and, where the 总计 came
// first, the cell left (自然人 or 商业企业) at most what it leaves.
func (f *bandFilling) ahead(count, at []int, p int) bool {
	q := p
	for row := count[f.n-1]; row < slices.Max(count); row++ {
		sum, whole := f.rowSum(row, count, at)
		for q < len(f.values) && (whole && f.values[q] != sum || !whole && f.values[q] < sum) {
			q++
		}
		if q == len(f.values) {
			return false
		}
		q++
	}
	for row := slices.Min(count); row < count[f.n-1]; row++ {
		sum, _ := f.rowSum(row, count, at)
		if sum > f.values[at[row*f.n+f.n-1]] {
			return false
		}
	}
	return true
}

// rowSum is the sum of the applicant cells of row filled, and whether
// all six are.
func (f *bandFilling) rowSum(row int, count, at []int) (int64, bool) {
	var sum int64
	whole := true
	for c := 0; c < f.n-1; c++ {
		if count[c] > row {
			sum += f.values[at[row*f.n+c]]
		} else {
			whole = false
		}
	}
	return sum, whole
}

// closes reports whether the row's seven cells are filled.
func (f *bandFilling) closes(row int, count, at []int) bool {
	for c := 0; c < f.n; c++ {
		if count[c] <= row {
			return false
		}
	}
	return true
}

// addsUp reports whether the row's 总计 is the sum of its applicant cells.
func (f *bandFilling) addsUp(row int, at []int) bool {
	var sum int64
	for c := 0; c < f.n-1; c++ {
		sum += f.values[at[row*f.n+c]]
	}
	return sum == f.values[at[row*f.n+f.n-1]]
}

// key is what the fillings of the cells left depend on: the cells filled
// in each column and the sums of the rows begun and not closed.
func (f *bandFilling) key(count, at []int) string {
	b := make([]byte, 0, 32)
	for _, k := range count {
		b = append(b, byte('a'+k))
	}
	for row := slices.Min(count); row < slices.Max(count); row++ {
		var sum int64
		total := int64(-1)
		for c := 0; c < f.n; c++ {
			if count[c] > row {
				if c == f.n-1 {
					total = f.values[at[row*f.n+c]]
				} else {
					sum += f.values[at[row*f.n+c]]
				}
			}
		}
		b = append(b, ',')
		b = strconv.AppendInt(b, sum, 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, total, 10)
	}
	return string(b)
}

// valuesKey is the values a filling of the cells from figure p on gives,
// cell by cell (the cells filled before p left out).
func (f *bandFilling) valuesKey(fill []int, p int) string {
	b := make([]byte, 0, 64)
	for _, x := range fill {
		if x >= p {
			b = strconv.AppendInt(b, f.values[x], 10)
		}
		b = append(b, ',')
	}
	return string(b)
}
