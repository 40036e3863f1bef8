package form

import (
	"fmt"
	"strconv"

	"github.com/gongkai/gongkai"
)

// OCR drops a digit of a figure now and then (11 read as 1), and where it
// drops it in a row's 总计 as well as in the cell (`0 0 0 0 1 0 1` for a
// row of 11s) the row still adds up. The column then no longer does:
// （七）总计 is the sum of the outcome rows in each column (I3). In a text
// that shows OCR's misreadings, a column of table 3 whose every outcome row
// and 总计 were read and do not add up holds a figure misread, and nothing
// shows which: its figures in those rows are unplaced. A column with a
// term unread cannot be checked and stands (reports print columns that do
// not add up too; a typed text keeps them, for the checks to flag).

// distrustColumnsOfMisreadText unplaces, in a text that shows OCR's
// misreadings, the figures of each column of table 3 whose outcome rows do
// not add up to its （七）总计.
func (r *reader) distrustColumnsOfMisreadText() {
	if r.misread == 0 {
		return
	}
	g, ok := r.table3Grid()
	if !ok {
		return
	}
	rows := map[string]string{} // indicator → row ID, of the rows of I3
	total := r.balanceRows()[2]
	for _, row := range r.s.rows[tableApplications] {
		if row.id == total || row.indicator != "" && r.underOutcomes(row) {
			rows[row.indicator] = row.id
		}
	}
	drop := map[int]bool{}
	for _, c := range r.s.applications.templateColumns(gongkai.Template2021) {
		sum, want, ok := r.outcomeSum(g, c.key)
		if !ok || sum == want {
			continue
		}
		u := gongkai.Unplaced{Label: c.label, Cells: []string{},
			Reason: fmt.Sprintf("in column %s the outcome rows add up to %s, not to （七）总计 %s, in a text whose cells show OCR's misreadings (%d): a figure is misread, and nothing shows which",
				c.label, strconv.FormatFloat(sum, 'f', -1, 64), strconv.FormatFloat(want, 'f', -1, 64), r.misread)}
		for i, o := range r.obs {
			if _, in := rows[o.Indicator]; in && o.Breakdown == c.key && !hasFlag(o.Flags, gongkai.FlagDerived) {
				drop[i] = true
				u.Cells = append(u.Cells, o.Raw)
				if u.Line == 0 {
					u.Line = o.Line
				}
			}
		}
		r.unplaced = append(r.unplaced, u)
	}
	r.dropObservations(drop)
}

// outcomeSum is the sum of the outcome rows in column key and its （七）总计;
// false when a term was not read.
func (r *reader) outcomeSum(g grid3, key string) (sum, total float64, ok bool) {
	total, ok = g[r.balanceRows()[2]][key]
	if !ok {
		return 0, 0, false
	}
	for _, id := range r.outcomeLeaves() {
		v, read := g[id][key]
		if !read {
			return 0, 0, false
		}
		sum += v
	}
	return sum, total, true
}
