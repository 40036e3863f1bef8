package form

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/layout"
)

// Chromium's print of a web page's table 3, taken out by plain pdftotext,
// splits each page of the table into two blocks of text: the rows' labels
// with the first column or two of their figures beside them (自然人 and
// 商业企业, two a row, one a line or both on one), then the other columns of
// the same rows read across, row after row (科研机构 … 总计, five a row), one
// or two a line and no label among them:
//
//	一、本年新收政府信息 / 701 235 / 息公开申请数量 / … / 3.要求提供公开出版 /
//	35 5 / 物 / 28 / 22 / 70 / 33 1089 / 0 / 1 / 1 / 6 / 18 / …
//
// A row printed whole below its block (（七）总计, 四、结转…) reads its seven
// figures in turn, and a few of table 4's figures may come before the last
// row (四、结转下年度继续办理). Where a row's two leading figures stand on
// lines of their own, the page's flow may print the second first (`26` /
// `3.危及“三安全一稳定” 8` is 8 | 26). The 2019 form's single row
// （六）其他处理 prints six of its figures in turn and the seventh among
// those before 四 (`5` / `1` / `0` / `0` / `0` / `11` … （七）'s … `5` /
// `四、结转…`).
//
// Such figures are read as a sequence of blocks in the form's order of
// rows: k rows' leading figures (p a row, p = 1 or 2), then their other
// 7−p figures a row, or one row's seven. Every row must add up (its
// leading figures and the others up to 总计 sum to its 总计), and the rows
// of the whole table must satisfy I1 and I3 in every column. Two leading
// figures printed on one line keep their order; on lines apart either
// order is tried. Only when no reading fits so, one row read whole may
// lack one of its two leading figures: the one its sum gives, which must
// then be printed among the figures skipped before the last row. Every reading that fits is
// kept (the blocks' sizes, the pairs' orders, the hole's column), and a
// cell is placed (flag placed_by_form_order) only when all of them give
// it the same figure (from the first reading's place when they print it
// in two: two 5s); the others are unplaced with the reason. No reading,
// or more than splitMaxReadings, places nothing.

const (
	// splitMaxHoles bounds the rows that print a figure apart: with more,
	// the ways to read a table of many 0s grow past splitMaxReadings.
	splitMaxHoles = 1
	// splitMaxReadings bounds the parses kept; more means the figures
	// (many zeros) fit too many blocks for any to be certain.
	splitMaxReadings = 256
	// splitMaxSteps bounds the search over blocks.
	splitMaxSteps = 200000
	// splitMaxSkip is the figures of table 4 that may come before table
	// 3's last row.
	splitMaxSkip = 15
	// splitMaxSums bounds the partial sums of the pairs' orders.
	splitMaxSums = 1 << 14
)

// blockRow is a row read so: for each column, the index of its figure
// among those printed, and when its two leading figures stand on lines
// apart (swappable), the reading with them swapped is a reading too.
type blockRow struct {
	at        []int
	swappable bool
}

// splitParses is the ways figures are read as blocks (see above) for
// nrows rows, one for each distinct reading of the figures' values (the
// blocks of a run of 0s may be cut many ways alike); ok false when the
// search ran out of steps or readings. Up to holes rows read whole may
// each lack one figure, printed later, in the rows' order, among those
// skipped before the last row (see holedRow).
func splitParses(figures []float64, cells []layout.Cell, nrows, holes int) ([][]blockRow, bool) {
	p := splitParser{figures: figures, cells: cells, nrows: nrows, holes: holes, memo: map[splitState][]splitTail{}}
	tails := p.tails(0, 0, nil)
	if p.over {
		return nil, false
	}
	for _, t := range tails {
		if !t.split {
			// Read row after row, the text is not in split blocks: the
			// rows' labels, read by the other rules, tell which is which
			// (ingest/roworder_test.go's misread labels are refused so).
			return nil, false
		}
	}
	out := make([][]blockRow, len(tails))
	for i, t := range tails {
		out[i] = t.rows
	}
	return out, true
}

// splitParser reads figures as blocks, remembering the readings of the
// rows after each place.
type splitParser struct {
	figures      []float64
	cells        []layout.Cell
	nrows, holes int
	memo         map[splitState][]splitTail
	steps        int
	over         bool
}

// splitState is a place of the search: the figure, the row, and the
// figures the holes of the rows before need.
type splitState struct {
	pos, row, holes int
	holed           [splitMaxHoles]float64
}

// splitTail is a reading of the rows from one on, and the places of the
// figures of the holes of the rows before them, in order.
type splitTail struct {
	rows  []blockRow
	holes []int
	// split: the rows hold a block of two rows or more, not all 0s.
	split bool
	// key is the rows' valueKey.
	key string
}

// tail is the reading of rows, then of t's rows.
func (p *splitParser) tail(rows []blockRow, t splitTail, holes []int, split bool) splitTail {
	return splitTail{rows: append(slices.Clip(rows), t.rows...), holes: holes, split: split, key: p.valueKey(rows) + t.key}
}

// tails is the distinct readings of the rows from row on, from figure
// pos, the holes of the rows before needing the figures holed.
func (p *splitParser) tails(pos, row int, holed []float64) []splitTail {
	p.steps++
	if p.over || p.steps > splitMaxSteps {
		p.over = true
		return nil
	}
	key := splitState{pos: pos, row: row, holes: len(holed)}
	copy(key.holed[:], holed)
	if t, ok := p.memo[key]; ok {
		return t
	}
	n := applicantColumns + 1
	var out []splitTail
	seen := map[string]bool{}
	add := func(t splitTail) {
		k := fmt.Sprint(t.split, t.key)
		if !seen[k] {
			seen[k] = true
			out = append(out, t)
		}
	}
	skips := 0
	if row == p.nrows-1 {
		skips = splitMaxSkip
	}
	for s := 0; s <= skips && pos+s+n <= len(p.figures); s++ {
		at := make([]int, n)
		for c := range at {
			at[c] = pos + s + c
		}
		if !addsUpAt(p.figures, at) {
			continue
		}
		switch {
		case row < p.nrows-1:
			if len(holed) <= p.holes {
				for _, t := range p.tails(pos+n, row+1, holed) {
					add(p.tail([]blockRow{{at: at}}, t, t.holes, t.split))
				}
			}
		case len(holed) == 0:
			add(p.tail([]blockRow{{at: at}}, splitTail{}, nil, false))
		default:
			if places := p.holePlaces(holed, pos, pos+s); places != nil {
				add(p.tail([]blockRow{{at: at}}, splitTail{}, places, false))
			}
		}
	}
	if len(holed) < p.holes && row < p.nrows-1 && pos+n-1 <= len(p.figures) {
		for c := 0; c < 2; c++ { // a leading figure, printed beside the label
			at := holedRow(pos, c)
			v := holeValue(p.figures, at, c)
			if v < 0 {
				continue
			}
			h := len(holed)
			for _, t := range p.tails(pos+n-1, row+1, append(slices.Clip(holed), v)) {
				mine := slices.Clone(at)
				mine[c] = t.holes[h]
				add(p.tail([]blockRow{{at: mine}}, t, t.holes, t.split))
			}
		}
	}
	for q := 1; q <= 2; q++ {
		for k := 1; row+k <= p.nrows && pos+n*k <= len(p.figures); k++ {
			if q == 1 && k == 1 || row+k == p.nrows && len(holed) > 0 {
				continue // the whole row above; holes are filled by the last row
			}
			rows, ok := splitBlock(p.figures, p.cells, pos, q, k)
			if !ok {
				continue
			}
			split := k > 1 && slices.ContainsFunc(p.figures[pos:pos+n*k], func(f float64) bool { return f != 0 })
			if row+k == p.nrows {
				add(p.tail(rows, splitTail{}, nil, split))
				continue
			}
			for _, t := range p.tails(pos+n*k, row+k, holed) {
				add(p.tail(rows, t, t.holes, split || t.split))
			}
		}
	}
	if len(out) > splitMaxReadings {
		p.over = true
	}
	p.memo[key] = out
	return out
}

// holePlaces is the places of the first figures from k to end that are,
// in order, the figures holed; nil when there are none.
func (p *splitParser) holePlaces(holed []float64, k, end int) []int {
	var out []int
	for _, v := range holed {
		for k < end && p.figures[k] != v {
			k++
		}
		if k == end {
			return nil
		}
		out = append(out, k)
		k++
	}
	return out
}

// valueKey is what tells readings apart: each row's figures (a hole's by
// its sum) and whether its first two may be swapped.
func (p *splitParser) valueKey(rows []blockRow) string {
	var b []byte
	for _, row := range rows {
		for c, k := range row.at {
			v := holeValue(p.figures, row.at, c)
			if k >= 0 {
				v = p.figures[k]
			}
			b = strconv.AppendFloat(b, v, 'g', -1, 64)
			b = append(b, ' ')
		}
		b = strconv.AppendBool(b, row.swappable)
		b = append(b, ';')
	}
	return string(b)
}

// holedRow is the places of a row read whole from pos but for column c,
// which it does not print there (-1).
func holedRow(pos, c int) []int {
	at := make([]int, applicantColumns+1)
	k := pos
	for j := range at {
		if j == c {
			at[j] = -1
			continue
		}
		at[j] = k
		k++
	}
	return at
}

// holeValue is the figure the row at (its hole at column c) must print
// there to add up: its 总计 less the others, or their sum for 总计.
func holeValue(figures []float64, at []int, c int) float64 {
	last := len(at) - 1
	sum := 0.0
	for j, k := range at[:last] {
		if j != c {
			sum += figures[k]
		}
	}
	if c == last {
		return sum
	}
	return figures[at[last]] - sum
}

// splitBlock reads k rows from pos as p leading figures a row, then the
// other figures a row; false when a row does not add up.
func splitBlock(figures []float64, cells []layout.Cell, pos, p, k int) ([]blockRow, bool) {
	n := applicantColumns + 1
	rest := pos + p*k
	var rows []blockRow
	for i := 0; i < k; i++ {
		at := make([]int, 0, n)
		for j := 0; j < p; j++ {
			at = append(at, pos+i*p+j)
		}
		for j := 0; j < n-p; j++ {
			at = append(at, rest+i*(n-p)+j)
		}
		if !addsUpAt(figures, at) {
			return nil, false
		}
		swappable := p == 2 && cells[at[0]].Line != cells[at[1]].Line && figures[at[0]] != figures[at[1]]
		rows = append(rows, blockRow{at: at, swappable: swappable})
	}
	return rows, true
}

// addsUpAt reports whether the figures at at add up (I2).
func addsUpAt(figures []float64, at []int) bool {
	v := make([]float64, len(at))
	for i, k := range at {
		v[i] = figures[k]
	}
	return addsUp(v)
}

// splitPlaces is, for each row and column, the printed places (indexes
// among figures) the readings that fit give the cell: every parse, and
// for each, every order of its pairs on lines apart with which I1 and I3
// hold in every column. nil when no reading fits.
//
// A pair's order moves a figure between 自然人 and 商业企业 only, so the
// other columns and the sum of the two hold or fail alike in every order;
// the orders that fit are those whose 自然人 column satisfies I3 and I1,
// two sums over the pairs' choices, found by sets of partial sums from
// either end (splitChoices) rather than by trying every order.
func splitPlaces(figures []float64, parses [][]blockRow, t tableThreeRows) [][][]int {
	var places [][][]int
	for _, parse := range parses {
		choices := splitChoices(figures, parse, t)
		if choices == nil {
			continue
		}
		if places == nil {
			places = make([][][]int, len(parse))
			for i := range places {
				places[i] = make([][]int, applicantColumns+1)
			}
		}
		for i, row := range parse {
			for c, k := range row.at {
				add := []int{k}
				if c < 2 && row.swappable {
					add = nil
					if choices[i][0] {
						add = append(add, k)
					}
					if choices[i][1] {
						add = append(add, row.at[1-c])
					}
				}
				for _, k := range add {
					if !slices.Contains(places[i][c], k) {
						places[i][c] = append(places[i][c], k)
					}
				}
			}
		}
	}
	return places
}

// splitChoices reports, for each row of parse, whether its reading as
// printed ([0]) and with its pair swapped ([1], swappable rows only) is
// part of a reading that satisfies I1 and I3 in every column; nil when
// none does.
func splitChoices(figures []float64, parse []blockRow, t tableThreeRows) [][2]bool {
	n := applicantColumns + 1
	values := make([][]float64, len(parse))
	for i, row := range parse {
		values[i] = make([]float64, n)
		for c, k := range row.at {
			values[i][c] = figures[k]
		}
	}
	// The columns but the first two, and the sum of those two.
	merged := make([][]float64, len(values))
	for i, v := range values {
		merged[i] = append([]float64{0, v[0] + v[1]}, v[2:]...)
	}
	if !t.holdWherePlaced(merged) {
		return nil
	}
	// The weights of each row's 自然人 figure in I3 ((七) less the outcome
	// rows) and I1 (一 + 二 − (七) − 四).
	weight := func(i int) [2]float64 {
		var w [2]float64
		switch {
		case i == t.received || i == t.carriedOver:
			w[1] = 1
		case i == t.carriedForward:
			w[1] = -1
		case i == t.answered:
			w = [2]float64{1, -1}
		case i > t.carriedOver && i < t.answered:
			w[0] = -1
		}
		return w
	}
	var e [2]float64
	for i, v := range values {
		w := weight(i)
		e[0] += w[0] * v[0]
		e[1] += w[1] * v[0]
	}
	var swaps []int
	var deltas [][2]float64
	for i, row := range parse {
		if row.swappable {
			w := weight(i)
			d := values[i][1] - values[i][0]
			swaps = append(swaps, i)
			deltas = append(deltas, [2]float64{w[0] * d, w[1] * d})
		}
	}
	// back[j]: the sums the swaps from j on can add.
	back := make([]map[[2]float64]bool, len(swaps)+1)
	back[len(swaps)] = map[[2]float64]bool{{}: true}
	for j := len(swaps) - 1; j >= 0; j-- {
		back[j] = map[[2]float64]bool{}
		for x := range back[j+1] {
			back[j][x] = true
			back[j][[2]float64{x[0] + deltas[j][0], x[1] + deltas[j][1]}] = true
		}
		if len(back[j]) > splitMaxSums {
			return nil
		}
	}
	if !back[0][[2]float64{-e[0], -e[1]}] {
		return nil
	}
	out := make([][2]bool, len(parse))
	for i, row := range parse {
		out[i][0] = !row.swappable
	}
	front := map[[2]float64]bool{e: true}
	for j, i := range swaps {
		next := map[[2]float64]bool{}
		for x := range front {
			for s := 0; s < 2; s++ {
				y := x
				if s == 1 {
					y = [2]float64{x[0] + deltas[j][0], x[1] + deltas[j][1]}
				}
				if back[j+1][[2]float64{-y[0], -y[1]}] {
					out[i][s] = true
				}
				next[y] = true
			}
		}
		if len(next) > splitMaxSums {
			return nil
		}
		front = next
	}
	return out
}

// splitUncertainReason is the reason of a cell the readings disagree on.
const splitUncertainReason = "table 3 printed its rows' first figures beside their labels and the other figures in a block after them: more than one reading of the blocks and of the first figures' order adds up, and they give this cell different figures"

// readSplitBlocks places the figures of table 3 printed in split blocks
// (see above) when the rows read by their labels leave it incomplete.
func (r *reader) readSplitBlocks() {
	if r.applicationsComplete() || len(r.readOrder.cells) == 0 {
		return
	}
	figures, cells, ok := r.plainFigures(r.readOrder.cells)
	if !ok {
		return
	}
	var rows []*rowSpec
	var places [][][]int
	tpl := ""
	for _, form := range templates {
		rs := r.applicationsLeaves(form)
		t, ok := identityRows(rs)
		if !ok {
			continue
		}
		parses, ok := splitParses(figures, cells, len(rs), 0)
		for holes := 1; ok && len(parses) == 0 && holes <= splitMaxHoles; holes++ {
			parses, ok = splitParses(figures, cells, len(rs), holes)
		}
		if !ok || len(parses) == 0 {
			continue
		}
		found := splitPlaces(figures, parses, t)
		if found == nil {
			continue
		}
		if places != nil {
			return // both forms' rows fit
		}
		rows, places, tpl = rs, found, form
	}
	if places == nil {
		return
	}
	slots := r.formOrderSlots()
	var placed []orderedFigure
	var refused []gongkai.Unplaced
	last := 0
	for i, row := range rows {
		var uncertain []int
		for c, s := range slots {
			for _, k := range places[i][c] {
				last = max(last, cells[k].Line)
			}
			if !oneValue(figures, places[i][c]) {
				for _, k := range places[i][c] {
					if !slices.Contains(uncertain, k) {
						uncertain = append(uncertain, k)
					}
				}
				continue
			}
			k := places[i][c][0]
			placed = append(placed, orderedFigure{indicator: row.indicator, breakdown: s.key, label: row.label, slot: s, cell: cells[k], seen: row.id})
		}
		if len(uncertain) > 0 {
			slices.Sort(uncertain)
			u := gongkai.Unplaced{Label: row.label, Line: cells[uncertain[0]].Line, Cells: []string{}, Reason: splitUncertainReason}
			for _, k := range uncertain {
				u.Cells = append(u.Cells, cells[k].Raw)
			}
			refused = append(refused, u)
		}
	}
	r.settleSplitBlocks(placed, refused, last, tpl)
}

// settleSplitBlocks places the cells read in split blocks over those read
// by their labels, as settleSevens does, but keeps what was unplaced after
// the last figure the blocks took (table 4's).
func (r *reader) settleSplitBlocks(placed []orderedFigure, refused []gongkai.Unplaced, last int, tpl string) {
	r.keepUnplacedAfter(last)
	placed = r.settleConflictsOf(placed, true)
	r.distrustRowsInReadingOrder(true)
	r.unplaced = append(r.unplaced, refused...)
	r.emitOrdered(placed)
	if tpl == gongkai.Template2021 {
		r.applications.otherHandlingRows = true
	}
}

// keepUnplacedAfter drops the rows unplaced while tables 3 and 4 were read
// up to line last: the form's order read those lines again.
func (r *reader) keepUnplacedAfter(last int) {
	kept := r.unplaced[:r.readOrder.unplacedFrom]
	for _, u := range r.unplaced[r.readOrder.unplacedFrom:] {
		if u.Line > last {
			kept = append(kept, u)
		}
	}
	r.unplaced = kept
}

// oneValue reports whether the figures at places are one value: the
// readings that give a cell figures printed in different places (two 5s)
// still give it that value.
func oneValue(figures []float64, places []int) bool {
	for _, k := range places[1:] {
		if figures[k] != figures[places[0]] {
			return false
		}
	}
	return true
}
