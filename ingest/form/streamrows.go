package form

import (
	"fmt"
	"slices"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// Plain pdftotext and a viewer's copy print table 3 in reading order: a
// row's label, then its figures one a line. Where two rows' labels share
// a line of the page (their cells merged with a block's label) both labels
// come first and then both rows' figures (`4.保护第三方合法权益` /
// `5.属于三类内部事务信息` / fourteen figures), and where a label sits lower
// in its cell than its figures the figures of two rows come before the
// second label (`二、上年结转…` / fourteen figures / `（一）予以公开`). The
// row that takes the figures prints a multiple of seven (orderrows.go holds
// it); the rows whose labels printed no cell are its neighbours.
//
// Such figures are placed by the form's fixed order of rows: the rows that
// may take a seven are the row held, the rows read with no cell just
// before it (each the form's row before the next), the rows the form prints
// between it and the next row read, and that next row when it too is read
// with no cell. The sevens, each adding up to its 总计, go to consecutive
// rows of these, the held row among them, in order; they are placed (flag
// placed_by_form_order) only when exactly one run of rows fits their
// count. Otherwise, or when a seven does not add up, the held row is
// unplaced with the reason (settleFiguresAfter).

// noteBareApplicationRow remembers cur, a row of table 3 closed with no
// cell: the figures of a later row may be its. A row that prints cells
// ends the run of such rows (holdFiguresAfter).
func (r *reader) noteBareApplicationRow(cur *openRow) {
	if cur != nil && cur.table == tableApplications {
		r.applications.lastCount = len(cur.values)
	}
	switch {
	case cur == nil || cur.table != tableApplications:
	case len(cur.values) > 0 || cur.row != nil && cur.row.group:
	default:
		// A row of the form, or a label no row has whose pieces may
		// hold one (`（三）不 4.保护第三方合法权益`).
		r.applications.bareRows = append(r.applications.bareRows, cur)
	}
}

// bareRow is a row read with no cell whose figures a later row may print,
// with the row of the form it is.
type bareRow struct {
	open *openRow
	row  *rowSpec
}

// bareBefore is the rows read with no cell just before held, each the
// form's row (headings aside) before the next, the last the one before
// held: the rows whose figures held may print. A label no row has stands
// for the row when one of its pieces is that row's label (`（三）不` /
// `4.保护第三方合法权益`); one that is not is a piece of a heading, passed
// over. lost reports that the walk stopped at a row of the form that is
// not the one it wanted (pdfminerlostrow.go).
func (r *reader) bareBefore(held *openRow, bare []*openRow) (out []bareRow, lost bool) {
	want := r.formRowBefore(held.row)
	for i := len(bare) - 1; i >= 0 && want != nil && r.seen[want.id] == 0; i-- {
		b := bare[i]
		switch {
		case b.row == want || b.row == nil && r.pieceNames(b, want):
			out = append(out, bareRow{open: b, row: want})
			want = r.formRowBefore(want)
		case b.row == nil:
		default:
			i, lost = 0, true
		}
	}
	slices.Reverse(out)
	return out, lost
}

// pieceNames reports whether a label cell of b, a row no row of the form
// has, is row's label.
func (r *reader) pieceNames(b *openRow, row *rowSpec) bool {
	for _, c := range b.labels {
		if r.matchRow(label.Parse(c.Text)) == row {
			return true
		}
	}
	return false
}

// formRowBefore is the row of table 3 the form prints just before row,
// headings aside; nil at the top, or when either is （六）其他处理 or a row
// under it (one row in the 2019 form, three in the 2021 one, which the
// catalogue lists last).
func (r *reader) formRowBefore(row *rowSpec) *rowSpec {
	rows := r.s.rows[tableApplications]
	if r.underOtherHandling(row) {
		return nil
	}
	for i := slices.Index(rows, row) - 1; i >= 0; i-- {
		switch {
		case r.underOtherHandling(rows[i]):
			return nil
		case !rows[i].group:
			return rows[i]
		}
	}
	return nil
}

// closedAfter reports whether no row of table 3 after row may hold
// figures of its own unread: the form prints none after it, or the next
// it prints (headings aside) was read.
func (r *reader) closedAfter(row *rowSpec) bool {
	rows := r.s.rows[tableApplications]
	if r.underOtherHandling(row) {
		return false
	}
	for _, next := range rows[slices.Index(rows, row)+1:] {
		switch {
		case r.underOtherHandling(next):
			return false
		case !next.group:
			return r.seen[next.id] > 0
		}
	}
	return true
}

// underOtherHandling reports whether row is （六）其他处理 or a row under it.
func (r *reader) underOtherHandling(row *rowSpec) bool {
	return row == r.s.otherHandling || row.parent == r.s.otherHandling.id
}

// streamRun is the rows around a held row that print no figures of their
// own, the held row among them: the rows its sevens may be.
type streamRun struct {
	before []bareRow  // rows read with no cell before the held row, in order
	rows   []*rowSpec // every row of the run, in the form's order
	held   int        // index of the held row in rows
	next   *rowSpec   // the next row read, the last of rows, when it may take one
	reason string     // why the rows between did not take the sevens (settleFiguresAfter)
}

// readAround places the sevens of held by the rows around it that print no
// figures of their own (above) when they are exactly as many as the
// sevens, and reports whether it did or waits for the next row read to
// close; otherwise it says why not. between is the rows the form prints
// between the held row and next, nextFollows whether next is the form's
// row after them, reason why they alone do not take the sevens.
func (r *reader) readAround(held *figuresAfter, next *rowSpec, between []*rowSpec, nextFollows bool, reason string) (bool, string) {
	if !nextFollows && !r.closedAfter(held.own.row) {
		return false, "the rows after it are not certain"
	}
	before, lost := r.bareBefore(held.own, held.before)
	if lost {
		return false, lostRowReason
	}
	run := &streamRun{before: before, reason: reason}
	for _, b := range run.before {
		run.rows = append(run.rows, b.row)
	}
	run.held = len(run.rows)
	run.rows = append(append(run.rows, held.own.row), between...)
	if nextFollows {
		// Whether the next row read prints figures of its own is known
		// when it closes (settleWithNext).
		run.next = next
		held.run = run
		r.applications.figuresAfter = held
		return true, ""
	}
	return r.placeRun(held, run, nil)
}

// settleWithNext settles a held row waiting for cur, the next row read,
// to close, and reports whether cur was taken: a row closed with no cell
// is one of the run and takes the last seven, a row with cells of its own
// is none.
func (r *reader) settleWithNext(cur *openRow) bool {
	held := r.applications.figuresAfter
	if held == nil || held.run == nil || cur == nil || cur.row != held.run.next {
		return false
	}
	r.applications.figuresAfter = nil
	run, bare := held.run, len(cur.values) == 0
	if bare {
		run.rows = append(run.rows, cur.row)
	}
	placed, why := r.placeRun(held, run, cur)
	if !placed {
		r.unplaceHeld(held, run.reason+"; "+why)
	}
	return placed && bare
}

// placeRun gives each row of run its seven of held, in turn, and closes
// them: the rows read before, the held row, the rows between, and the next
// row read (next) when it printed no cell, only when the run has exactly
// as many rows as held has sevens; otherwise it says why not.
func (r *reader) placeRun(held *figuresAfter, run *streamRun, next *openRow) (bool, string) {
	k := len(held.groups)
	if len(run.rows) != k {
		return false, fmt.Sprintf("the rows around it that print no figures of their own are %d, not %d", len(run.rows), k)
	}
	if at, read := r.seen[held.own.row.id]; read {
		// A piece of a row read before (`2.申请人逾期未按收费通` 0 /
		// `知要求缴纳费用…` and fourteen figures): the figures are not
		// its own, and the run is not certain.
		return false, fmt.Sprintf("its row was already read at line %d", at)
	}
	for i, b := range run.before {
		b.open.row, b.open.values, b.open.byOrder = b.row, held.groups[i], true
		r.cur = b.open
		r.closeRow()
	}
	held.own.values = held.groups[run.held]
	r.cur = held.own
	r.closeRow()
	end := k
	tookNext := next != nil && len(next.values) == 0 && run.rows[k-1] == next.row
	if tookNext {
		end--
	}
	r.placeBetween(held.groups[run.held+1:end], run.rows[run.held+1:end])
	if tookNext {
		next.values, next.byOrder = held.groups[k-1], true
		r.cur = next
		r.closeRow()
	}
	return true, ""
}

// unplaceHeld reports a held row and all its figures unplaced.
func (r *reader) unplaceHeld(held *figuresAfter, reason string) {
	var all []layout.Cell
	for _, g := range held.groups {
		all = append(all, g...)
	}
	held.own.values = all
	r.unplace(held.own, fmt.Sprintf("%d figures where the form has %d, and the rows after it whose labels are not beside their figures are not certain: %s", len(all), applicantColumns+1, reason))
}
