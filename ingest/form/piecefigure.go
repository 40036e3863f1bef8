package form

import (
	"fmt"
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// Plain pdftotext prints a row of table 3 whose label wraps over two lines
// of its cell with its first figure after the label's first line and the
// others after its second (`2. 其 他 法 律 行 政` / `0` / `法规禁止公开` / six
// figures): the first figure stands level with the label's first line.
// The second piece is read as the rest of the label, the figure before it
// kept, only when all of these hold:
//
//   - exactly one figure, a plain number, was printed after the first
//     piece, the figure and both pieces each alone on its line;
//   - the pieces joined (a heading's number glued to the second left out:
//     `（ 三 ） 法权益`) name a row of the form not read yet, which neither
//     piece names alone but the first;
//   - the row read before it printed a multiple of seven figures, or none
//     (its figures are not short of one that could be this figure).
//
// The row is then placed only when it prints exactly the form's seven
// plain figures and 总计 is their sum; otherwise it is unplaced with the
// reason.

// readLabelAfterFigure reads c as the rest of the label of the row being
// read, after that row's first figure (above), and reports whether it did.
func (r *reader) readLabelAfterFigure(c layout.Cell, l label.Label) bool {
	cur := r.cur
	if r.table != tableApplications || cur == nil || len(cur.values) != 1 || r.applications.lastCount%(applicantColumns+1) != 0 {
		return false
	}
	if _, plain, ok := r.plainFigures(cur.values); !ok || len(plain) != 1 || !r.figureOnItsOwnLine(cur, c) {
		return false
	}
	row := r.matchRow(label.Parse(r.labelText(cur.labels) + c.Text))
	if row == nil && l.Enum != "" {
		row = r.matchRow(label.Parse(r.labelText(cur.labels) + l.Key))
	}
	if row == nil || row.group || r.seen[row.id] > 0 || cur.row != nil && cur.row != row {
		return false
	}
	if alone := r.matchRow(l); alone != nil && alone != row {
		return false // the second piece names a row of its own
	}
	cur.row, cur.table, cur.pieceFigure = row, row.table, true
	cur.labels = append(cur.labels, c)
	return true
}

// figureOnItsOwnLine reports whether the one figure of cur and the piece
// c each stand alone on a line of their own: text in reading order, not a
// layout whose line holds a row's cells (where one figure is a row whose
// other cells are blank, blankcells.go).
func (r *reader) figureOnItsOwnLine(cur *openRow, c layout.Cell) bool {
	v := cur.values[0]
	return v.Line != c.Line && r.aloneOnLine(v) && r.aloneOnLine(c) && r.aloneOnLine(cur.labels[len(cur.labels)-1])
}

// aloneOnLine reports whether c is all its line of the table prints.
func (r *reader) aloneOnLine(c layout.Cell) bool {
	text, ok := r.tableLines[c.Line]
	return ok && strings.TrimSpace(text) == strings.TrimSpace(c.Raw)
}

// pieceFigureReason says why a row whose first figure was printed between
// the pieces of its label cannot be placed: its cells are not exactly the
// form's seven plain figures adding up to their 总计. "" when they are.
func (r *reader) pieceFigureReason(cur *openRow) string {
	if cur == nil || !cur.pieceFigure || r.sevenAddingUp(cur.values) {
		return ""
	}
	return fmt.Sprintf("its first figure is printed between the pieces of its label, and its %d cells are not the form's %d figures adding up to their 总计: which are its own is not certain", len(cur.values), applicantColumns+1)
}
