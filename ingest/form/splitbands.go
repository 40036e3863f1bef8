package form

import "fmt"

// A web page whose table 3 is marked up as Word exports it (fixed widths
// in pt, the block labels merged over their rows, each cell's text a
// paragraph centred in its cell: pingtan-2021.html), printed by Chrome and
// taken out by plain pdftotext, prints the table in bands of rows, a band
// a page or a part of one: each row's label with the figures of its first
// columns (`一、本年新收政府信息公开申请数量 392 117 15`, or the first
// column alone on the next line), the band's rows so one after the other,
// then the figures of the other columns of the same rows, row by row
// (`11 56 36 627 / 1 1 0 29 / …`): pdftotext takes the label column and
// the first figure columns, set close together, for one block of text and
// the figure columns beyond a wider gap for another. Rows whose labels sit
// apart from every figure come whole, in turn, after them.
//
// When table 3's figures, in printed order, are seven for each row of one
// form's table (and table 4's fifteen or none after them), they are read
// as such bands: the rows, in the form's order, cut into runs of
// consecutive rows, each run of two rows or more printing the first k
// columns of each of its rows (k from 1 to 6) and then the other 7-k of
// each, a run of one row its seven in turn. A reading is kept when every
// row adds up (I2), （七）总计 is the sum of the outcome rows in every
// column (I3) and 一 + 二 = （七）总计 + 四 (I1), and every figure printed on
// the line of a row's label falls in that row. The figures are placed
// (flag placed_by_form_order) only when the kept readings give the same
// value to every cell, and not the values of the figures read row by row
// (which the other readings of text in reading order place, or refuse);
// two that differ, or more than maxSplitStates readings that differ on
// the way, leave the rows as they were.

// maxSplitStates bounds the readings of the first rows that differ in a
// value, at each row: more and the bands are not certain.
const maxSplitStates = 64

// placeInSplitBands places the figures of table 3 (and table 4 after it)
// read as bands of split columns (see above), and reports whether it did.
func (r *reader) placeInSplitBands() bool {
	figures, cells, ok := r.figuresInOrder()
	if !ok {
		return false
	}
	rows, tpl := r.rowsForCount(len(figures))
	shortReviews := ""
	if rows == nil {
		rows, tpl, shortReviews = r.rowsBeforeShortReviews(len(figures)) // shortreviews.go
	}
	if rows == nil {
		return false
	}
	t, ok := identityRows(rows)
	if !ok {
		return false
	}
	n := len(rows) * (applicantColumns + 1)
	found, ok := splitBandReadings(t, figures[:n], len(rows))
	if !ok || len(found) != 1 || fmt.Sprint(valuesAt(figures, found[0], n)) == fmt.Sprint(valuesAt(figures, rowByRow(n), n)) {
		return false // none, two, or the figures in turn, which the other readings take
	}
	slots := r.formOrderSlots()
	var placed []orderedFigure
	for i, row := range rows {
		for c, s := range slots {
			placed = append(placed, orderedFigure{indicator: row.indicator, breakdown: s.key, label: row.label, slot: s, cell: cells[found[0][i*len(slots)+c]], seen: row.id})
		}
	}
	placed, refused := r.withReviewsInOrder(placed, figures[n:], cells[n:], shortReviews)
	return r.settleOrdered(placed, refused, cells, tpl)
}

// bandSplit is a reading of the first rows: the index of each figure,
// row by row, and the key of its values.
type bandSplit struct {
	at  []int
	key string
}

// splitBandReadings is the readings of figures, printed in bands of rows
// with split columns, that the identities confirm, each set of values
// once; false when more than maxSplitStates differ on the way.
func splitBandReadings(t tableThreeRows, figures []float64, nrows int) ([][]int, bool) {
	n := applicantColumns + 1
	states := make([][]bandSplit, nrows+1)
	states[0] = []bandSplit{{}}
	for i := 0; i < nrows; i++ {
		for j := i + 1; j <= nrows; j++ {
			for k := 1; k < n; k++ {
				if j-i == 1 && k > 1 {
					break // one row: its seven in turn, whatever k
				}
				band, ok := splitBand(figures, i, j, k)
				if !ok {
					continue
				}
				key := fmt.Sprint(valuesAt(figures, band, n))
				for _, s := range states[i] {
					states[j] = addBandSplit(states[j], bandSplit{append(append([]int{}, s.at...), band...), s.key + key})
				}
				if len(states[j]) > maxSplitStates {
					return nil, false
				}
			}
		}
	}
	var found [][]int
	for _, s := range states[nrows] {
		if t.hold(valuesAt(figures, s.at, n)) {
			found = append(found, s.at)
		}
	}
	return found, true
}

// addBandSplit adds s to states unless one of the same values is there.
func addBandSplit(states []bandSplit, s bandSplit) []bandSplit {
	for _, o := range states {
		if o.key == s.key {
			return states
		}
	}
	return append(states, s)
}

// splitBand is the indices, row by row, of the figures of rows i to j-1
// printed as a band whose rows print their first k columns in turn, then
// the other columns of each in turn; false unless every row adds up.
func splitBand(figures []float64, i, j, k int) ([]int, bool) {
	n := applicantColumns + 1
	base, m := i*n, j-i
	at := make([]int, 0, m*n)
	row := make([]float64, n)
	for r := 0; r < m; r++ {
		for c := 0; c < n; c++ {
			x := base + m*k + r*(n-k) + c - k
			if c < k {
				x = base + r*k + c
			}
			at = append(at, x)
			row[c] = figures[x]
		}
		if !addsUp(row) {
			return nil, false
		}
	}
	return at, true
}
