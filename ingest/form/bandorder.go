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
// page of Chrome's print (pagebands.go). A band whose candidates give
// more than maxBandCandidates signatures (bandsums.go), or more than
// maxBandSteps steps of the search give up: nothing is placed by this
// rule.

// The bounds of the band readings (see above).
const (
	maxBandRows       = 8
	maxBandCandidates = 4096
	maxBandSteps      = 200000
	maxBandStates     = 100000
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
	if !b.readSums() { // see bandsums.go
		return nil, nil, false
	}
	return b.readingsSums()
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
	t       tableThreeRows
	values  []int64
	starts  []int // index of each row's first figure, then the count of figures
	n, rows int
	sums    []map[int][]*bandSums // by first row and band length: the band's fillings by signature (bandsums.go)
	states  []map[string]bool     // by row: the keys of the states reached there
	moves   []bandMove            // every step from a state to the next
	steps   int
	// fillStates and fillWork are the states the bands' fillings searched
	// and the steps they gathered, in all bands (bandsums.go).
	fillStates, fillWork int
}

// bandMove is a band's candidate read from a state at its first row.
type bandMove struct {
	row, k   int
	sums     *bandSums // the band's fillings of one signature
	from, to string
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

// pathEnd is the row after the last band of path.
func pathEnd(path []bandMove) int {
	if len(path) == 0 {
		return 0
	}
	m := path[len(path)-1]
	return m.row + m.k
}

// bandFilling is the search for a band's fillings.
type bandFilling struct {
	values  []int64
	rows, n int
	free    int // the columns that need not come after the one left of them
	states  int
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
