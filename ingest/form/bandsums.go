package form

import (
	"math"
	"slices"
)

// The band readings of table 3 (bandorder.go) enumerated each band's
// fillings that differ in a value, and gave up past 512 of them. A band of four rows of small figures (zero-heavy outcome rows,
// the national template printed from Word, whose narrow applicant
// columns pdfminer joins a column at a time) has thousands of fillings
// whose rows add up, and its reading was given up although the form's
// identities leave one. What the identities take from a band is only its
// rows' sums by column (一 and 二 together, the outcome rows together) and
// the figures of （七）总计 and 四 themselves: fillings with the same such
// sums lead from the same state to the same state. So each band's
// fillings are gathered by those sums (their signature), keeping for each
// cell the figures its fillings of that signature give; a signature is in
// a reading as a filling was, and a cell whose signatures in the readings
// give it more than one figure is in doubt, as before. The readings are
// the same as the fillings' ones (no filling is dropped and none is
// added); the bound, maxBandCandidates, now counts signatures.

// bandValue is a figure a cell takes in a band's fillings, and the index
// of a figure printed with that value.
type bandValue struct {
	v  int64
	at int
}

// bandSums is the fillings of a band (or of its cells filled from a
// figure on) with one signature: the sums of its rows by kind and column,
// and how they go on: each a cell given the next figure, then fillings
// of the cells left. The figures they give each cell are gathered (cells)
// only for the signatures in a reading.
type bandSums struct {
	sig   bandSig
	next  []sumsStep
	cells [][]bandValue // by cell, row by row; nil until gathered
}

// bandSig is a signature: kinds × columns, 一 + 二, the outcome rows,
// （七）总计, 四.
type bandSig [bandKinds * (applicantColumns + 1)]int64

// fillKey is what the fillings of the cells left depend on (as
// bandFilling.key): the cells filled in each column, and the sum and
// 总计 (-1 when not filled) of each row begun and not closed, from the
// first.
type fillKey struct {
	count [applicantColumns + 1]int8
	open  [maxBandRows][2]int64
}

// sumsStep is a cell given a figure, and the fillings of the cells left
// (nil after the last figure).
type sumsStep struct {
	cell int
	val  bandValue
	rest *bandSums
}

// gather is the figures s's fillings give each of the band's size cells,
// with the indices of the figures counted from offset.
func (s *bandSums) gather(size, offset int) [][]bandValue {
	if s.cells != nil {
		return s.cells
	}
	s.cells = make([][]bandValue, size)
	for _, st := range s.next {
		s.cells[st.cell] = withValue(s.cells[st.cell], bandValue{st.val.v, st.val.at + offset})
		if st.rest == nil {
			continue
		}
		for i, vs := range st.rest.gather(size, offset) {
			for _, x := range vs {
				s.cells[i] = withValue(s.cells[i], x)
			}
		}
	}
	return s.cells
}

// Kinds of rows of table 3, for the signatures.
const (
	kindFirst = iota
	kindOutcome
	kindSeven
	kindFour
	bandKinds
)

// rowKind is the kind of row at (in the form's order of rows).
func (t tableThreeRows) rowKind(at int) int {
	switch {
	case at == t.received || at == t.carriedOver:
		return kindFirst
	case at == t.answered:
		return kindSeven
	case at == t.carriedForward:
		return kindFour
	}
	return kindOutcome
}

// sumsFilling is the search for a band's fillings gathered by signature.
type sumsFilling struct {
	bandFilling
	kinds []int // kind of each row of the band
	memo  map[fillKey][]*bandSums
	work  int       // signatures of the rest gathered so far, in every band
	cond  *bandCond // what each cell must keep, read after a state (pagebands.go), or nil
}

// sumsBand is the fillings of the k rows from row gathered by signature;
// nil when there is none or more than maxBandCandidates signatures.
func (b *bandSearch) sumsBand(row, k int) []*bandSums {
	if got, ok := b.sums[row][k]; ok {
		return got
	}
	if b.sums[row] == nil {
		b.sums[row] = map[int][]*bandSums{}
	}
	if k > maxBandRows { // a page printed column by column (pagebands.go)
		b.sums[row][k] = b.longBand(row, k)
	} else {
		b.sums[row][k] = b.sumsWith(row, k, nil)
	}
	return b.sums[row][k]
}

// sumsWith is the fillings of the k rows from row gathered by signature
// whose cells each keep cond (nil: any figure); nil when there is none or
// a bound is passed.
func (b *bandSearch) sumsWith(row, k int, cond *bandCond) []*bandSums {
	first := b.starts[row]
	f := sumsFilling{bandFilling: bandFilling{values: b.values[first : first+k*b.n], rows: k, n: b.n, states: b.fillStates},
		memo: map[fillKey][]*bandSums{}, work: b.fillWork, cond: cond}
	for j := 0; j < k; j++ {
		f.kinds = append(f.kinds, b.t.rowKind(row+j))
	}
	out, ok := f.fillings(make([]int, b.n), make([]int, k*b.n), 0)
	b.fillStates, b.fillWork = f.states, f.work
	if !ok {
		return nil
	}
	return out
}

// fillings is the fillings of the cells not yet filled with the figures
// from p on (see bandFilling.fillings), gathered by the signature of
// those cells; false when more than maxBandCandidates signatures differ
// or the search is too long.
func (f *sumsFilling) fillings(count, at []int, p int) ([]*bandSums, bool) {
	if p == len(f.values) {
		return []*bandSums{{}}, true
	}
	if !f.ahead(count, at, p) {
		return nil, true
	}
	key := f.fillKey(count, at)
	if got, ok := f.memo[key]; ok {
		return got, true
	}
	f.states++
	if f.states > maxBandStates {
		return nil, false
	}
	var out []*bandSums
	var bySig map[bandSig]*bandSums // when out is long; else out is searched
	v := f.values[p]
	for c := 0; c < f.n; c++ {
		row := count[c]
		if row >= f.rows || c > f.free && count[c-1] <= row {
			continue
		}
		cell := row*f.n + c
		at[cell] = p
		count[c]++
		ok := (!f.closes(row, count, at) || f.addsUp(row, at)) && f.cond.fits(f.kinds[row], c, v)
		var rest []*bandSums
		if ok {
			var fine bool
			rest, fine = f.fillings(count, at, p+1)
			if !fine {
				return nil, false
			}
		}
		count[c]--
		at[cell] = -1
		if f.work += len(rest); f.work > maxBandWork {
			return nil, false
		}
		for _, s := range rest {
			sig := s.sig
			sig[f.kinds[row]*f.n+c] += v
			g := findSig(out, bySig, sig)
			if g == nil {
				g = &bandSums{sig: sig}
				out = append(out, g)
				if bySig == nil && len(out) > 16 {
					bySig = make(map[bandSig]*bandSums, 2*len(out))
					for _, x := range out {
						bySig[x.sig] = x
					}
				} else if bySig != nil {
					bySig[sig] = g
				}
			}
			rest := s
			if len(s.next) == 0 {
				rest = nil
			}
			g.next = append(g.next, sumsStep{cell, bandValue{v, p}, rest})
		}
		if len(out) > maxBandCandidates {
			return nil, false
		}
	}
	f.memo[key] = out
	return out, true
}

// findSig is the fillings of out with signature sig, nil when none:
// looked up in bySig when there is one, else searched.
func findSig(out []*bandSums, bySig map[bandSig]*bandSums, sig bandSig) *bandSums {
	if bySig != nil {
		return bySig[sig]
	}
	for _, g := range out {
		if g.sig == sig {
			return g
		}
	}
	return nil
}

// withValue is vs with x's value, when it lacks it.
func withValue(vs []bandValue, x bandValue) []bandValue {
	for _, y := range vs {
		if y.v == x.v {
			return vs
		}
	}
	return append(vs, x)
}

// fillKey is the key of the fillings of the cells left (see fillKey).
func (f *sumsFilling) fillKey(count, at []int) fillKey {
	var k fillKey
	for c, x := range count {
		k.count[c] = int8(x)
	}
	first := slices.Min(count)
	for row := first; row < slices.Max(count); row++ {
		total := int64(-1)
		var sum int64
		for c := 0; c < f.n; c++ {
			if count[c] > row {
				if c == f.n-1 {
					total = f.values[at[row*f.n+c]]
				} else {
					sum += f.values[at[row*f.n+c]]
				}
			}
		}
		k.open[row-first] = [2]int64{sum, total}
	}
	return k
}

// readSums finds the states and moves of the band readings with the
// bands' signatures (see above); false when a bound was passed. The
// bands are the fewest rows whose figures are seven a row, from the first
// row on, so they are known before the search, and so are the bounds the
// identities put on the outcome rows' sums: at most the greatest
// （七）总计 a signature of its band gives, and at least the least one less
// the most the bands after can add.
func (b *bandSearch) readSums() bool {
	var bands [][2]int
	for row := 0; row < b.rows; {
		k := 1
		for ; row+k <= b.rows && b.starts[row+k]-b.starts[row] != k*b.n; k++ {
		}
		if row+k > b.rows {
			return false
		}
		bands = append(bands, [2]int{row, k})
		row += k
	}
	b.sums = make([]map[int][]*bandSums, b.rows)
	n := b.n
	minSeven, maxSeven := make([]int64, n), make([]int64, n)
	most := make([][]int64, len(bands)+1) // by band: the most the outcome rows from it on add
	most[len(bands)] = make([]int64, n)
	bounded := make([]bool, len(bands))
	for j := len(bands) - 1; j >= 0; j-- {
		row, k := bands[j][0], bands[j][1]
		fillStates, fillWork := b.fillStates, b.fillWork
		cands := b.sumsBand(row, k)
		if len(cands) == 0 && b.boundable(row, k) {
			// Searched against each state before it (pagebands.go),
			// the band bounds nothing here.
			b.fillStates, b.fillWork = fillStates, fillWork
			bounded[j] = true
			most[j] = slices.Clone(most[j+1])
			for c := 0; c < n; c++ {
				most[j][c] += math.MaxInt64 / 4
				if b.t.answered >= row && b.t.answered < row+k {
					minSeven[c], maxSeven[c] = 0, math.MaxInt64/4
				}
			}
			continue
		}
		if len(cands) == 0 {
			return false
		}
		most[j] = slices.Clone(most[j+1])
		for c := 0; c < n; c++ {
			var top int64
			for _, s := range cands {
				top = max(top, s.sig[kindOutcome*n+c])
			}
			most[j][c] += top
		}
		if b.t.answered >= row && b.t.answered < row+k {
			for c := 0; c < n; c++ {
				minSeven[c], maxSeven[c] = math.MaxInt64, 0
				for _, s := range cands {
					minSeven[c] = min(minSeven[c], s.sig[kindSeven*n+c])
					maxSeven[c] = max(maxSeven[c], s.sig[kindSeven*n+c])
				}
			}
		}
	}
	zero := make([]int64, n)
	b.states = make([]map[string]bool, b.rows+1)
	for i := range b.states {
		b.states[i] = map[string]bool{}
	}
	b.states[0][bandState{zero, zero, zero}.key()] = true
	for j, band := range bands {
		row, k := band[0], band[1]
		few := len(b.states[row]) <= maxBoundedStarts
		for key := range b.states[row] {
			from := parseBandState(key, n)
			cands := b.sumsBand(row, k)
			if bounded[j] {
				cands = nil
				if few {
					cands = b.sumsWith(row, k, &bandCond{first: from.first, outcome: from.outcome})
				}
			}
			for _, s := range cands {
				if b.steps++; b.steps > maxBandSteps {
					return false
				}
				to, ok := b.applySums(from, row, k, s.sig[:])
				for c := 0; ok && c < n && row+k <= b.t.answered; c++ {
					ok = to.outcome[c] <= maxSeven[c] && to.outcome[c]+most[j+1][c] >= minSeven[c]
				}
				if !ok {
					continue
				}
				tk := to.key()
				b.states[row+k][tk] = true
				b.moves = append(b.moves, bandMove{row: row, k: k, sums: s, from: key, to: tk})
			}
		}
	}
	return true
}

// applySums reads the band of the k rows from row, of signature sig,
// after state s: the state it leaves, false when an identity fails (一
// and 二 come before the outcome rows, which come before （七）总计, then
// 四).
func (b *bandSearch) applySums(s bandState, row, k int, sig []int64) (bandState, bool) {
	n, t := b.n, b.t
	out := bandState{slices.Clone(s.first), slices.Clone(s.outcome), slices.Clone(s.seven)}
	part := func(kind int) []int64 { return sig[kind*n : (kind+1)*n] }
	in := func(at int) bool { return at >= row && at < row+k }
	for c := 0; c < n; c++ {
		out.first[c] += part(kindFirst)[c]
		if out.outcome[c] += part(kindOutcome)[c]; out.outcome[c] > out.first[c] {
			return out, false
		}
		if in(t.answered) {
			if out.outcome[c] != part(kindSeven)[c] {
				return out, false
			}
			out.seven[c] = part(kindSeven)[c]
		}
		if in(t.carriedForward) && out.first[c] != out.seven[c]+part(kindFour)[c] {
			return out, false
		}
	}
	return out, true
}

// readingsSums is bandSearch.readings with the bands' signatures: the
// cells' figures of one reading, row by row, and the cells to which the
// readings give different figures, with those figures; false when there
// is no reading.
func (b *bandSearch) readingsSums() ([]int, map[int][]int64, bool) {
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
		for i, vs := range m.sums.gather(m.k*b.n, b.starts[m.row]) {
			for _, x := range vs {
				values[m.row*b.n+i][x.v] = true
			}
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
		for _, vs := range m.sums.gather(m.k*b.n, b.starts[m.row]) {
			reading = append(reading, vs[0].at)
		}
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

// maxBandWork bounds the steps the bands' fillings gather (each the
// fillings of the cells left, of one signature, after a cell given a
// figure), in all the bands of a reading, as maxBandStates bounds their
// states: together they keep a file's reading well under a second.
const maxBandWork = 400000
