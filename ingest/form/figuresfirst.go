package form

import (
	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/layout"
)

// A text whose blocks are sorted by where they end on the page (PyMuPDF's
// get_text("blocks", sort=True)) prints a row's figures, each on one line,
// before its label wrapped over several lines, which ends lower: 435 87 /
// 14 / 19 / 53 / 25 633 / 一、本年新收政府信 / 息公开申请数量 / 1 2 2 1 4 0
// 10 / 二、上年结转政府信 / 息公开申请数量. Read label first, every row takes
// the next row's figures, and they add up as well as its own. A row's
// pieces still come together and its figures left to right, so the
// figures come in the form's order of rows.
//
// When a whole row of figures of table 3 is printed after its header and
// before the label of its first row (seven figures, 总计 the sum of the
// six others), no label of the table says which figures follow it: the
// table is placed by the form's order (readingorder.go) when its
// conditions and identities hold, and otherwise every row of table 3 read
// by its label is unplaced.

// Such a text also sorts the cells of table 3's header by where they end:
// 总 / 计, wrapped in two lines, before 自 / 然 / 人 in three. When the
// header so read puts 总计 anywhere but last while the row printed before
// the labels adds up with its last figure the sum of the six others, the
// header's order is not the figures' and tells nothing of it: the table
// is placed by the form's order as when the header gives no columns, and
// only when the form's identities confirm it.

// The rows of table 3 read by their labels in such a table are no
// reading to set against the order's: each may hold the next row's
// figures. When the order places the table, they are dropped, and the
// order's figures stand (settleConflictsOf would otherwise unplace every row
// whose label took the next row's figures). When several rows printed
// before the first label read (一、本 / 年新收 … read as no row), the
// labels after may be a row late or more, or out of the form's order:
// the label readings are kept, and settleConflictsOf sets them aside only
// where each reads the next row's figures (shiftedByOne).

// A table whose first label is not wrapped prints no figures before it,
// and the rows after it still read the next row's figures by their labels
// (an A5 print: 一 on one line, 二 and the rest wrapped). When the order
// places the tables, its identities confirming, and every row whose
// figures read by its label differ from the order's read exactly the
// figures the order gives the row after it, at least minShifted rows so,
// the labels were read one row late: the order's figures stand.

// minShifted is the fewest rows read one row late that show the shift.
const minShifted = 3

// noteApplicationsFiguresFirst notes figure c, printed in table 3 with no
// row open, when no row of the table was read yet.
func (r *reader) noteApplicationsFiguresFirst(c layout.Cell) {
	if r.table == tableApplications && !r.applications.started && layout.Classify(c.Text, r.isUnit) == layout.Value {
		r.applications.beforeRows = append(r.applications.beforeRows, c)
	}
}

// applicationsFiguresFirst reports whether table 3 printed whole rows of
// figures before its first row's label read: seven figures, or seven each
// for rows whose wrapped labels read as no row (一、本 / 年新收 …), each
// seven adding up.
func (r *reader) applicationsFiguresFirst() bool {
	return r.rowsFirst() > 0
}

// rowsFirst is the number of whole rows of table 3, seven figures each
// adding up, printed before its first row's label read; 0 when what was
// printed there is not such rows.
func (r *reader) rowsFirst() int {
	before := r.applications.beforeRows
	n := applicantColumns + 1
	if len(before) == 0 || len(before)%n != 0 {
		return 0
	}
	figures, cells, ok := r.plainFigures(before)
	if !ok || len(cells) != len(before) {
		return 0
	}
	for i := 0; i < len(figures); i += n {
		if !addsUp(figures[i : i+n]) {
			return 0
		}
	}
	return len(figures) / n
}

// figuresFirstRowsReason is why a row of table 3 read by its label is
// unplaced when the table printed figures before its first label.
const figuresFirstRowsReason = "figures of table 3 were printed before its first row's label, so the figures after a label may be the next row's, and they may add up as well: which row's they are is not certain"

// headerDisprovedBySums reports whether table 3 printed a whole row before
// its first label whose sum puts 总计 last while its header, giving the
// seven columns, puts 总计 elsewhere.
func (r *reader) headerDisprovedBySums() bool {
	cols := r.applications.columns
	if r.applications.columnsProblem != "" || !completeApplicants(cols) || !r.applicationsFiguresFirst() {
		return false
	}
	return cols[len(cols)-1].key != gongkai.BreakdownTotal
}

// dropLabelReadings drops the observations of the rows of table 3 read by
// their labels.
func (r *reader) dropLabelReadings() {
	_, byRow := r.applicationRowObs()
	drop := map[int]bool{}
	for _, idx := range byRow {
		for _, i := range idx {
			drop[i] = true
		}
	}
	r.dropObservations(drop)
}

// shiftedByOne is the units of conflict (rows read by their labels whose
// figures differ from the order's) when each reads, figure for figure, the
// order's figures of the unit after it, and there are at least minShifted;
// else none.
func shiftedByOne(placed []orderedFigure, orderValue, readValue map[string]float64, conflict map[string]bool) []string {
	var units []string
	keys := map[string][]string{}
	for _, f := range placed {
		if keys[f.seen] == nil {
			units = append(units, f.seen)
		}
		keys[f.seen] = append(keys[f.seen], f.key())
	}
	var shifted []string
	for i, u := range units {
		if !conflict[u] {
			continue
		}
		if i+1 == len(units) || !readsNext(keys[u], keys[units[i+1]], orderValue, readValue) {
			return nil
		}
		shifted = append(shifted, u)
	}
	if len(shifted) < minShifted || len(shifted) != len(conflict) {
		return nil
	}
	return shifted
}

// readsNext reports whether the figures read by label at keys are, one for
// one, the order's figures at next.
func readsNext(keys, next []string, orderValue, readValue map[string]float64) bool {
	if len(keys) != len(next) {
		return false
	}
	for i, k := range keys {
		read, ok := readValue[k]
		want, okNext := orderValue[next[i]]
		if !ok || !okNext || read != want {
			return false
		}
	}
	return true
}
