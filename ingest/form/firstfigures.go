package form

import (
	"slices"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/layout"
)

// Chromium prints an HTML table's cells in the PDF's content stream a
// column at a time and then row by row: plain pdftotext of its print of
// table 3 (pingtan-2021.chromium: 3.其他 / 1 / （七）总计 / 63 /
// 四、结转下年度继续办理 / 1 / 1. / 0 0 … 0 1 0 0 2 0 4 69 0 0 0 0 0 1) prints
// each row's first figure (自然人) beside its label, then the other six
// columns of those rows in one long run, a row after another. Some cells
// the stream prints later still (a 总计 of two digits, a cell drawn a
// little apart), so a run that holds other rows' cells, or loses some of
// its own, is common.
//
// Chromium groups the columns as the page's markup does: it may print
// the first five beside the labels and 其他 and 总计 in the run, two a
// row (要求提供公开出 0 0 6 0 4 / … / 1. / 20 72 0 114 …); the rows are read
// alike, m figures beside each label and seven less m in the run.
//
// Rows of table 3 closed with the same count m of plain figures, fewer
// than seven, each read by its label (or a piece of it) and each the
// form's next row after the one before, are noted as a chain. When the
// form's next row after them closes with m figures and then seven less m
// for each of k rows, k at least two and at most the chain's rows and
// itself, each figure plain and unsigned, on a line of its own or beside
// one other (a 总计 of four digits drawn close to the cell before it:
// 260 1580), the run is the last k rows': each takes its own m figures
// and the next of the run in turn (flag placed_by_form_order) — only when
// each row so read adds up to its 总计 (I2), reading the run a column at
// a time does not also add up with other figures, and the run read as
// other rows' (begun some rows before or after, the rows it reaches of
// those read with their first figures) does not also add up with other
// figures or in rows the first reading leaves: the chain's first rows may
// have printed theirs in an earlier run, and a run may hold rows whose
// labels come after it, so the count alone does not say which rows the
// run holds. Otherwise nothing changes: the rows stay as they were read
// (held for the column sums, or unplaced).

// firstFigureRow is a row of table 3 closed with its first figures alone.
type firstFigureRow struct {
	row *rowSpec
	cur *openRow
}

// firstFigureRowOf is the form's row of table 3 that cur prints: its
// label's, or the row a piece of its label is of; nil for a heading or
// none.
func (r *reader) firstFigureRowOf(cur *openRow) *rowSpec {
	row := cur.row
	if row == nil {
		row = r.wrappedFrom(cur)
	}
	if row == nil || row.group || row.indicator == "" {
		return nil
	}
	return row
}

// nextLeafRow is the row of table 3 the form prints after row, headings
// skipped (（六）其他处理 too: a row in 2019, read by this rule only under
// the 2021 form's rows); nil after the last.
func (r *reader) nextLeafRow(row *rowSpec) *rowSpec {
	rows := r.s.printedOrder(tableApplications)
	i := slices.Index(rows, row)
	if i < 0 {
		return nil
	}
	for _, next := range rows[i+1:] {
		if !next.group {
			return next
		}
	}
	return nil
}

// noteFirstFigureRow adds cur, just closed, to the chain of rows closed
// with their first figures alone, or starts the chain anew (see above). A
// row closed with no cell leaves the chain as it is.
func (r *reader) noteFirstFigureRow(cur *openRow) {
	if cur == nil || cur.table != tableApplications {
		r.firstFigures = nil
		return
	}
	if len(cur.values) == 0 {
		return
	}
	row := r.firstFigureRowOf(cur)
	if row == nil || len(cur.values) >= applicantColumns+1 || !r.unsignedFigures(cur.values) {
		r.firstFigures = nil
		return
	}
	if n := len(r.firstFigures); n > 0 && (r.nextLeafRow(r.firstFigures[n-1].row) != row || len(r.firstFigures[0].cur.values) != len(cur.values)) {
		r.firstFigures = nil
	}
	r.firstFigures = append(r.firstFigures, firstFigureRow{row: row, cur: cur})
}

// firstFigureHeld reports whether cur, closed with its first figures, is held
// for the column sums or unplaced (not placed, nor joined to another
// row): the chain may read it. A row closed with fewer figures than seven
// is read only when the next row closes (splitrows.go), so this is asked
// when the chain is read.
func (r *reader) firstFigureHeld(cur *openRow) bool {
	if slices.ContainsFunc(r.heldBlank, func(h heldBlankRow) bool { return sameFirstFigure(h.cur, cur) }) {
		return true
	}
	return slices.ContainsFunc(r.unplaced, func(u gongkai.Unplaced) bool { return unplacedFirstFigure(u, cur) })
}

// unplacedFirstFigure reports whether u is cur, a row closed with its first
// figures, unplaced.
func unplacedFirstFigure(u gongkai.Unplaced, cur *openRow) bool {
	if u.Line != cur.labels[0].Line || len(u.Cells) != len(cur.values) {
		return false
	}
	for i, v := range cur.values {
		if u.Cells[i] != v.Raw {
			return false
		}
	}
	return true
}

// readFirstFigureRows reads cur and the chain of rows before it as one
// column printed first and the others after, row by row (see above), and
// reports whether it did.
func (r *reader) readFirstFigureRows(cur *openRow) bool {
	chain := r.firstFigures
	m := 0 // the figures each row prints beside its label
	if len(chain) > 0 {
		m = len(chain[0].cur.values)
	}
	if len(chain) == 0 || cur.table != tableApplications || len(cur.values) <= m {
		return false
	}
	row := r.firstFigureRowOf(cur)
	if row == nil || r.nextLeafRow(chain[len(chain)-1].row) != row {
		return false
	}
	if _, dup := r.seen[row.id]; dup {
		return false
	}
	rest := applicantColumns + 1 - m
	run := cur.values[m:]
	k := len(run) / rest
	if len(run)%rest != 0 || k < 2 || k > len(chain)+1 || !r.unsignedFigures(cur.values) {
		return false
	}
	for _, l := range cur.labels {
		if l.Line >= run[0].Line && l.Line <= run[len(run)-1].Line {
			return false // a label among the run: rows printed in some other way
		}
	}
	perLine := map[int]int{}
	for _, v := range run {
		if perLine[v.Line]++; perLine[v.Line] > 2 {
			return false // a row of a layout, not a run printed a cell a line
		}
	}
	rows := append(slices.Clone(chain), firstFigureRow{row: row, cur: cur})
	firsts := make([][]layout.Cell, len(rows))
	for i, h := range rows {
		if i < len(chain) && !r.firstFigureHeld(h.cur) {
			return false
		}
		firsts[i] = h.cur.values[:m]
	}
	start := len(rows) - k
	byRow, ok := r.runWindow(firsts, run, start)
	if !ok || r.restByColumnToo(firsts[start:], run) || r.otherWindowFits(firsts, run, start, byRow) {
		return false
	}
	r.firstFigures = nil
	for _, h := range chain[start:] {
		r.releaseFirstFigure(h.cur)
	}
	slots := r.formOrderSlots()
	for i := start; i < len(rows); i++ {
		h := rows[i]
		one := &openRow{table: tableApplications, row: h.row, labels: h.cur.labels, values: byRow[i]}
		values, problem := fitValues(byRow[i], nil, slots, r.isUnit)
		if problem != "" {
			r.unplace(one, problem)
			continue
		}
		r.seen[h.row.id] = h.cur.labels[0].Line
		target := &rowTarget{indicator: func(slot) string { return h.row.indicator }, key: h.row.id, flags: []string{gongkai.FlagPlacedByFormOrder}}
		r.emitRow(one, target, slots, values)
	}
	return true
}

// runWindow reads run as the last figures of the rows from start on, row
// by row, each row's first figures of firsts before them: the rows
// the run reaches, by index, and whether each adds up to its 总计. Rows
// before 0 or after the last of firsts are not read.
func (r *reader) runWindow(firsts [][]layout.Cell, run []layout.Cell, start int) (map[int][]layout.Cell, bool) {
	rest := applicantColumns + 1 - len(firsts[0])
	out := map[int][]layout.Cell{}
	for j := 0; j*rest < len(run); j++ {
		i := start + j
		if i < 0 || i >= len(firsts) {
			continue
		}
		row := append(slices.Clone(firsts[i]), run[j*rest:(j+1)*rest]...)
		if !r.sevenAddingUp(row) {
			return nil, false
		}
		out[i] = row
	}
	return out, true
}

// otherWindowFits reports whether the run read as the six of other rows
// (begun some rows before or after start, its first rows another's whose
// first figures were read apart, or its last ones printed later) makes
// every row of firsts it reaches add up too, with a figure other than
// byRow's, or a row byRow does not read: which rows the run holds is then
// not certain.
func (r *reader) otherWindowFits(firsts [][]layout.Cell, run []layout.Cell, start int, byRow map[int][]layout.Cell) bool {
	k := len(run) / (applicantColumns + 1 - len(firsts[0]))
	for p := start - k + 1; p < start+k; p++ {
		if p == start {
			continue
		}
		other, ok := r.runWindow(firsts, run, p)
		if !ok || len(other) == 0 {
			continue
		}
		for i, row := range other {
			mine, read := byRow[i]
			if !read || !r.figuresAlike(mine, row) {
				return true
			}
		}
	}
	return false
}

// figuresAlike reports whether a and b are the same figures, cell by cell.
func (r *reader) figuresAlike(a, b []layout.Cell) bool {
	fa, _, okA := r.plainFigures(a)
	fb, _, okB := r.plainFigures(b)
	return okA && okB && slices.Equal(fa, fb)
}

// restByColumnToo reports whether the run after the first figures, read a
// column at a time (each column's figures of the rows in turn), makes
// every row add up too with some cell given another figure.
func (r *reader) restByColumnToo(firsts [][]layout.Cell, run []layout.Cell) bool {
	k, rest := len(firsts), applicantColumns+1-len(firsts[0])
	differ := false
	for i := 0; i < k; i++ {
		row := slices.Clone(firsts[i])
		for c := 0; c < rest; c++ {
			row = append(row, run[c*k+i])
			differ = differ || run[c*k+i].Raw != run[i*rest+c].Raw
		}
		if !r.sevenAddingUp(row) {
			return false
		}
	}
	return differ
}

// releaseFirstFigure takes cur, a row of the chain, out of the rows held
// for the column sums or unplaced: the chain reads it.
func (r *reader) releaseFirstFigure(cur *openRow) {
	if i := slices.IndexFunc(r.heldBlank, func(h heldBlankRow) bool { return sameFirstFigure(h.cur, cur) }); i >= 0 {
		r.heldBlank = slices.Delete(r.heldBlank, i, i+1)
		return
	}
	if i := slices.IndexFunc(r.unplaced, func(u gongkai.Unplaced) bool { return unplacedFirstFigure(u, cur) }); i >= 0 {
		r.unplaced = slices.Delete(r.unplaced, i, i+1)
	}
}

// sameFirstFigure reports whether held is cur, a row closed with its first
// figures, as the row was held (splitRowPieces and joinWrappedPiece read
// copies of it).
func sameFirstFigure(held, cur *openRow) bool {
	if held == cur {
		return true
	}
	if len(held.values) != len(cur.values) || held.labels[0].Line != cur.labels[0].Line {
		return false
	}
	for i, v := range cur.values {
		if held.values[i].Line != v.Line || held.values[i].Raw != v.Raw {
			return false
		}
	}
	return true
}
