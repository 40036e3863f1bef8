package form

import (
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
func (r *reader) distrustScrambledRows() {
	if !r.applicationRowUnplaced() {
		return
	}
	r.unplaceApplicationRows(func(idx []int) string {
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
