package form

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/ingest/label"
)

// A heading of table 3 merged over its rows wraps in its narrow cell, and
// pdftotext -layout prints its pieces among the lines of a row's wrapped
// label: `（四）无` / `2.没有现成信息需要另行制` / `法提供 3 0 0 0 0 0 3` /
// `作` (LibreOffice's print of pingtan-2025). The heading's piece stands
// beside the figures, and the row whose label it cuts printed none.
//
// The figures are that row's when the row was read just before, under
// that heading, with no figure, its label only a piece of its wording (the
// rest comes after: the figures sit inside its label), and the figures
// are the form's seven, 总计 the sum of the applicant columns. Otherwise
// the heading's piece is unplaced with its figures, as before: which row
// under the heading they are is not certain.

// noteBareRow remembers cur, a row of table 3 closed with no cell, as the
// row a heading's piece beside figures may have cut; any other row forgets
// it. A label no row matched is remembered too: its number and the start
// of a wording under the heading may make it that row (2. 没 有 现 成 信 息,
// its heading's number printed on a line of its own before it).
func (r *reader) noteBareRow(cur *openRow) {
	r.bareRow = nil
	if cur != nil && cur.table == tableApplications && len(cur.values) == 0 && (cur.row == nil || !cur.row.group) {
		r.bareRow = cur
	}
}

// rowStartedUnder is the row under heading g whose wording the label of
// cur starts: cur's row, or for a label no row matched, the row numbered
// as cur is under g whose wording starts with cur's words, at least
// minPieceRunes of them; nil for none.
func (r *reader) rowStartedUnder(g *rowSpec, cur *openRow) *rowSpec {
	if cur.row != nil {
		if cur.row.parent != g.id {
			return nil
		}
		return cur.row
	}
	l := label.Parse(cur.printedLabel())
	if utf8.RuneCountInString(l.Key) < minPieceRunes {
		return nil
	}
	for _, row := range r.s.rows[tableApplications] {
		if row.parent != g.id || row.depth != l.EnumLevel() || r.s.ordinal(row) != l.Ordinal() {
			continue
		}
		if slices.ContainsFunc(row.keys, func(k string) bool { return strings.HasPrefix(k, l.Key) }) {
			return row
		}
	}
	return nil
}

// headingPieceFigures gives the figures of cur, a piece of a heading of
// table 3 beside figures, to the row read just before it (prev) when they
// are its (see above); it reports whether it did.
func (r *reader) headingPieceFigures(cur, prev *openRow) bool {
	if prev == nil || cur.table != tableApplications || cur.row == nil || !cur.row.group {
		return false
	}
	row := r.rowStartedUnder(cur.row, prev)
	if row == nil || cur.row.score(label.Parse(cur.printedLabel()).Key) >= label.Full || slices.Contains(row.keys, label.Parse(prev.printedLabel()).Key) {
		return false // the heading itself, or a row whose label is whole
	}
	figures, cells, ok := r.plainFigures(cur.values)
	if !ok || len(figures) != applicantColumns+1 || !countsAsPrinted(cells) {
		return false
	}
	cols := make([]int, len(figures))
	for i := range cols {
		cols[i] = i
	}
	if !identityWithBlanks(figures, cols, len(figures)) {
		return false
	}
	cur.row, cur.labels = row, prev.labels
	return true
}
