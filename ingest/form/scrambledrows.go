package form

import (
	"math"
	"slices"

	"github.com/gongkai/gongkai"
)

// pdfminer's text of a web page printed by Chrome prints table 3's cells as
// boxes in the order of its grouping, not row by row: a row's label may be
// followed by two figures of one row and five of another, or by seven
// figures of a column. A row whose label is followed by exactly seven
// figures is then read by its label, though they may be other rows': a
// held-out print (seed 7714, report 23) gave 4.保护第三方合法权益 40 51 93 46
// 18 8 3, the 自然人 to 其他 figures of two rows and a 3 of a third, while
// the rows around it were unplaced for their 2, 3, 4 or 9 figures.
//
// So when a row of table 3 read by its label was unplaced (the table's
// order is broken somewhere), a row of table 3 read by its label whose
// seven figures stand on three lines or more and do not add up to its 总计
// (I2) is unplaced too. A row printed side by side that does not add up
// (its figures on one or two lines), and every row of a table whose rows
// were all read, are kept as published: a report may print such a row.

// distrustScrambledRows unplaces the rows of table 3 whose figures stand
// apart and do not add up in a text where a row of table 3 was unplaced
// (see above).
//
// A row read by its label right after a row of the form that printed no
// figure, its seven figures 0s one a line or so (three lines or more), is
// unplaced even where no row was: pdfminer prints a column of the rows
// whose labels stand bare above it as the last label's seven (自然人's
// 0 0 0 0 0 0 0 of （一） to 5., read as 5.'s), and a column of zeros adds
// up as a row does. A column of other figures seldom adds up, and a row
// that does not is distrusted above; plain text prints rows of their own
// figures so after bare rows, and they are kept.
func (r *reader) distrustScrambledRows() {
	broken := r.applicationRowUnplaced()
	after, alone := r.labelsAfterBareRow()
	r.unplaceApplicationRows(func(idx []int) string {
		ind := r.obs[idx[0]].Indicator
		if after[ind] && broken {
			return afterBareRowReason
		}
		if alone[ind] && obsLines(r.obs, idx) >= 3 && obsZero(r.obs, idx) && r.bareRowsBefore(ind) >= minBareRun {
			return afterBareApartReason
		}
		if !broken {
			return ""
		}
		lines := map[int]bool{}
		values := map[string]float64{}
		for _, i := range idx {
			o := r.obs[i]
			if o.Value == nil || slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
				return ""
			}
			lines[o.Line] = true
			values[o.Breakdown] = *o.Value
		}
		var row []float64
		for _, s := range r.formOrderSlots() {
			if v, ok := values[s.key]; ok {
				row = append(row, v)
			}
		}
		if len(row) != applicantColumns+1 || len(lines) < 3 || addsUp(row) {
			return ""
		}
		return scrambledRowReason
	})
}

// obsLines is the number of lines the observations at idx stand on.
func obsLines(obs []gongkai.Observation, idx []int) int {
	lines := map[int]bool{}
	for _, i := range idx {
		lines[obs[i].Line] = true
	}
	return len(lines)
}

// labelRowsRead is what the rules on bare rows read: the rows with an
// observation, the rows of the report's form that print figures (leaves),
// the lines of table 3's labels in order, and the lines of its figures.
func (r *reader) labelRowsRead() (read, leaves map[string]bool, lines []int, figureLines map[int]bool) {
	read = map[string]bool{}
	for _, o := range r.obs {
		read[o.Indicator] = true
	}
	leaves = map[string]bool{}
	for _, row := range r.applicationsLeaves(r.template()) {
		leaves[row.indicator] = true
	}
	for line := range r.readOrder.labelRows {
		lines = append(lines, line)
	}
	slices.Sort(lines)
	figureLines = map[int]bool{}
	for _, c := range r.readOrder.cells {
		figureLines[c.Line] = true
	}
	return read, leaves, lines, figureLines
}

// minBareRun is the fewest rows printing no figure, one after another,
// before a row of seven 0s apart that shows the table printed by column.
const minBareRun = 2

// bareRowsBefore is the number of rows of table 3 whose labels, one after
// another up to the label of row ind, printed no figure between them, of
// the report's form, read under no row.
func (r *reader) bareRowsBefore(ind string) int {
	read, leaves, lines, figureLines := r.labelRowsRead()
	// the rows in their labels' order, each with the lines its label and
	// figures span up to the next row's label
	type span struct {
		ind         string
		first, last int
	}
	var rows []span
	for _, l := range lines {
		in := r.readOrder.labelRows[l]
		if len(rows) > 0 && rows[len(rows)-1].ind == in {
			continue
		}
		if len(rows) > 0 {
			rows[len(rows)-1].last = l
		}
		rows = append(rows, span{ind: in, first: l})
	}
	at := slices.IndexFunc(rows, func(s span) bool { return s.ind == ind })
	n := 0
	for i := at - 1; i >= 0; i-- {
		s := rows[i]
		if !leaves[s.ind] || read[s.ind] {
			break
		}
		printed := false
		for l := s.first; l < s.last && !printed; l++ {
			printed = figureLines[l]
		}
		if printed {
			break
		}
		n++
	}
	return n
}

// obsZero reports whether every observation at idx is a printed 0.
func obsZero(obs []gongkai.Observation, idx []int) bool {
	for _, i := range idx {
		if obs[i].Value == nil || *obs[i].Value != 0 {
			return false
		}
	}
	return true
}

// afterBareApartReason is why distrustScrambledRows unplaces a row whose
// label follows a bare row's and whose figures stand apart.
const afterBareApartReason = "the row's label follows the label of a row that printed no figure, and its seven 0s stand on lines of their own: they may be a column of the rows above"

// scrambledRowReason is why distrustScrambledRows unplaces a row.
const scrambledRowReason = "the row's seven figures stand on lines of their own and do not add up to its 总计, and other rows of the table were not read as printed: they may be other rows'"

// applicationRowUnplaced reports whether a row of table 3 read by its
// label was unplaced.
func (r *reader) applicationRowUnplaced() bool {
	for _, u := range r.unplaced {
		if ind := r.readOrder.labelRows[u.Line]; ind != "" {
			return true
		}
	}
	return false
}

// afterBareRowReason is why distrustScrambledRows unplaces a row whose
// label follows a row's that printed no figure.
const afterBareRowReason = "the row's label follows the label of a row that printed no figure, and other rows of the table were not read as printed: the figures after it may be that row's"

// labelsAfterBareRow is the rows of table 3 whose label line follows, with
// no figure between, the label line of another row of table 3 of which no
// figure was read, a row of the report's form that prints figures (not
// 2021's heading （六）其他处理): （六）其他处理 / （七）总计 / 114 … of pdfminer's text of a
// held-out print of the 2019 form (seed 7714, report 17), the figures
// （六）'s, and 四 given the seven after them by the form's order. Such a
// row is in the map, with the rows placed by the form's order from the
// figures after its label, up to the next label, when there are such rows:
// the run after the label holds more figures than the row's own, and may
// begin with the bare row's (orderrows.go takes the row's own first). A
// row after a bare row that printed seven figures only is in alone
// instead: texts that lose a row's figures (OCR, plain pdftotext of Word's
// layout) print them so, and it is distrusted only where its figures stand
// apart (distrustScrambledRows).
func (r *reader) labelsAfterBareRow() (after, alone map[string]bool) {
	read, leaves, lines, figureLines := r.labelRowsRead()
	out := map[string]bool{}
	alone = map[string]bool{}
	for i := 1; i < len(lines); i++ {
		prev, ind := r.readOrder.labelRows[lines[i-1]], r.readOrder.labelRows[lines[i]]
		if !leaves[prev] || ind == "" || prev == ind || read[prev] || figureLines[lines[i-1]] {
			continue
		}
		between := false
		for l := lines[i-1] + 1; l < lines[i] && !between; l++ {
			between = figureLines[l]
		}
		if between {
			continue
		}
		// the row, read by its label, and the rows the form's order gave
		// the figures after its own (orderrows.go), up to the next label
		next := math.MaxInt
		if i+1 < len(lines) {
			next = lines[i+1]
		}
		var run []string
		order, byRow := r.applicationRowObs()
		for _, row := range order {
			first := r.obs[byRow[row][0]]
			if row != ind && slices.Contains(first.Flags, gongkai.FlagPlacedByFormOrder) && first.Line > lines[i] && first.Line < next {
				run = append(run, row)
			}
		}
		if len(run) == 0 {
			alone[ind] = true // the row printed its own seven figures only
			continue
		}
		out[ind] = true
		for _, row := range run {
			out[row] = true
		}
	}
	return out, alone
}
