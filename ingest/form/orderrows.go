package form

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// Text taken from a PDF in reading order (plain pdftotext, a viewer's
// copy) prints the figures of rows whose labels sit in merged cells apart
// from their labels: after the figures of the row before, as one run, with
// the labels later. Such a run is placed by the form's fixed order of rows
// only when it holds exactly seven figures for each row the form prints
// between the row it follows and the next row whose label is read, each
// seven adding up to their 总计, and none of those rows read already.
// The row's own seven are the first only then: the same run follows a row
// whose label was printed before the labels of rows without figures
// (（七）总计 / 四、结转下年度继续办理 / fourteen figures). Otherwise the row and
// the run are unplaced, with the reason. The figures of the rows between
// carry the flag placed_by_form_order.

// figuresAfter is a row of table 3 that prints more than its own seven
// figures, held until the next row read says which rows the others are.
type figuresAfter struct {
	own    *openRow
	groups [][]layout.Cell // seven figures each, the row's own first
	before []*openRow      // rows of table 3 read with no cell just before it (streamrows.go)
	run    *streamRun      // the rows that may take the sevens, set while the next row read closes
}

// holdFiguresAfter holds a row of table 3 that prints a multiple of seven
// plain figures, more than seven, and reports whether it did.
func (r *reader) holdFiguresAfter(cur *openRow) bool {
	before := r.applications.bareRows
	r.applications.bareRows = nil
	if cur.table != tableApplications || cur.row == nil || cur.row.group {
		return false
	}
	n := applicantColumns + 1
	figures, cells, ok := r.plainFigures(cur.values)
	if !ok || len(figures) <= n || len(figures)%n != 0 || len(cells) != len(cur.values) {
		return false
	}
	r.settleFiguresAfter(nil)
	held := &figuresAfter{own: cur, before: before}
	for i := 0; i < len(cells); i += n {
		held.groups = append(held.groups, cells[i:i+n])
	}
	r.applications.figuresAfter = held
	return true
}

// settleFiguresAfter places the row held and the figures after its own,
// now that next is the row read after them (nil at the end of the table);
// or unplaces them all, with the reason.
func (r *reader) settleFiguresAfter(next *rowSpec) {
	held := r.applications.figuresAfter
	if held == nil {
		return
	}
	r.applications.figuresAfter = nil
	if held.run != nil {
		r.unplaceHeld(held, fmt.Sprintf("the next row read, %s, was not closed", held.run.next.label))
		return
	}
	between, reason := r.rowsBetween(held.own.row, next)
	for _, g := range held.groups {
		if !r.sevenAddingUp(g) {
			r.unplaceHeld(held, "seven of them do not add up to their 总计")
			return
		}
	}
	if r.columnByColumnToo(held.groups) {
		r.unplaceHeld(held, "read column by column (pdfminer prints a block of rows so) the figures add up row by row too, with other figures in some cells: which reading is the page's is not certain")
		return
	}
	if reason == "" && len(between) == len(held.groups)-1 {
		if why := r.joinedHeldReason(held); why != "" { // pdfminerlostrow.go
			r.unplaceHeld(held, why)
			return
		}
		held.own.values = held.groups[0]
		r.cur = held.own
		r.closeRow()
		r.placeBetween(held.groups[1:], between)
		return
	}
	nextFollows := reason == ""
	if nextFollows {
		reason = fmt.Sprintf("the form prints %d rows between %s and the next row read, not %d", len(between), held.own.row.label, len(held.groups)-1)
	}
	done, why := r.readAround(held, next, between, nextFollows, reason)
	if !done {
		r.unplaceHeld(held, reason+"; "+why)
	}
}

// placeBetween gives each row of rows, which the form prints between a
// held row and the next row read, its seven of groups, in turn.
func (r *reader) placeBetween(groups [][]layout.Cell, rows []*rowSpec) {
	slots := r.formOrderSlots()
	for i, row := range rows {
		g := groups[i]
		cur := &openRow{table: tableApplications, row: row, labels: []layout.Cell{{Text: row.label, Line: g[0].Line}}, values: g}
		values, problem := fitValues(g, nil, slots, r.isUnit)
		if problem != "" {
			r.unplace(cur, problem)
			continue
		}
		r.seen[row.id] = g[0].Line
		target := &rowTarget{indicator: func(slot) string { return row.indicator }, key: row.id, flags: []string{gongkai.FlagPlacedByFormOrder}}
		r.emitRow(cur, target, slots, values)
	}
}

// rowsBetween is the rows of table 3 that print figures strictly between
// two rows in the form's order, or the reason they are not certain: the
// next row is not after the first, one of them was read already, or
// （六）其他处理 is among them (one row in the 2019 form, three in the
// 2021 one).
func (r *reader) rowsBetween(after, next *rowSpec) ([]*rowSpec, string) {
	if next == nil {
		return nil, "no row of table 3 read after them"
	}
	rows := r.s.rows[tableApplications]
	i, j := slices.Index(rows, after), slices.Index(rows, next)
	if i < 0 || j <= i {
		return nil, fmt.Sprintf("the next row read, %s, does not follow %s in the form", next.label, after.label)
	}
	var out []*rowSpec
	for _, row := range rows[i+1 : j] {
		switch {
		case row == r.s.otherHandling:
			return nil, "（六）其他处理 is one row in the 2019 form and three in the 2021 one"
		case row.group:
		case r.seen[row.id] > 0:
			return nil, fmt.Sprintf("row %s was read already", row.label)
		default:
			out = append(out, row)
		}
	}
	return out, ""
}

// labelPiece reports whether the labels of cur print a piece of its row's
// wording, not the whole of it: a row printed again whole (a line above
// the table repeating 一's) is a repeat, not a label wrapped around
// another row's figures.
func labelPiece(cur *openRow) bool {
	var b strings.Builder
	for _, l := range cur.labels {
		b.WriteString(l.Text)
	}
	key := label.Key(b.String())
	if key == "" {
		return false
	}
	piece := false
	for _, k := range cur.row.keys {
		if k == key {
			return false
		}
		piece = piece || strings.Contains(k, key)
	}
	return piece
}

// doubtRereadRow unplaces the figures of a row of table 3 placed by the
// form's order of columns (the header showed none) when a piece of its
// label is read again with figures of its own (cur). A label wrapped over
// lines in a merged cell prints its pieces around figures in reading order
// (pdfminer: 1.申请人无正当理由逾期不 / seven figures / 补正、行政机关不再处理其
// / seven more): the seven after the first piece may be the row before's,
// printed level with it, and which seven are the row's is not certain.
// The same holds of a row read under its header's columns when the piece
// read again brings a whole row of its own, seven figures adding up (the
// seven after 2.申请人逾期未按收 / 费通知要求缴纳费 were （六）1.'s, whose
// label printed none, and （六）2.'s came after 用、行政机关不再处).
func (r *reader) doubtRereadRow(cur *openRow) {
	if cur.table != tableApplications || cur.row == nil || cur.row.indicator == "" {
		return
	}
	figures, cells, ok := r.plainFigures(cur.values)
	whole := ok && len(cells) == len(cur.values) && len(figures) == applicantColumns+1 && addsUp(figures) && labelPiece(cur)
	drop := map[int]bool{}
	var u gongkai.Unplaced
	for i, o := range r.obs {
		if o.Indicator != cur.row.indicator || slices.Contains(o.Flags, gongkai.FlagDerived) {
			continue
		}
		if !whole && !slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
			continue
		}
		if len(drop) == 0 {
			u = gongkai.Unplaced{Label: o.Label, Line: o.Line, Cells: []string{},
				Reason: fmt.Sprintf("a piece of its label is printed again at line %d with figures of its own: which are the row's is not certain", cur.labels[0].Line)}
		}
		drop[i] = true
		u.Cells = append(u.Cells, o.Raw)
	}
	if len(drop) > 0 {
		r.unplaced = append(r.unplaced, u)
		r.dropObservations(drop)
	}
}

// columnByColumnToo reports whether the figures of groups (seven each,
// row after row) read as a block of those rows printed column by column
// (each column's figures of the rows in turn, as pdfminer prints a block)
// add up in every row too, with some cell given another figure: two rows'
// labels then fourteen figures (二 / （一） / 0 0 0 0 0 0 0 0 0 4 0 0 0 4)
// read so either way.
func (r *reader) columnByColumnToo(groups [][]layout.Cell) bool {
	m, n := len(groups), applicantColumns+1
	if m < 2 {
		return false
	}
	var figures []float64
	for _, g := range groups {
		f, _, ok := r.plainFigures(g)
		if !ok || len(f) != n {
			return false
		}
		figures = append(figures, f...)
	}
	differ := false
	for j := 0; j < m; j++ {
		row := make([]float64, n)
		for c := range row {
			row[c] = figures[c*m+j]
			differ = differ || row[c] != figures[j*n+c]
		}
		if !addsUp(row) {
			return false
		}
	}
	return differ
}
