package form

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// A row of table 3 whose label wraps in a tall cell may print its figures
// on two lines: pdftotext -layout of a Chromium or LibreOffice print puts
// the first figure on the line of the label's first piece and the rest on
// the next (`（二）部分公开（区分处理的，只计这一 38` / `情形，不计其他情形）
// 0 0 0 0 0 38`). Read apart, each piece prints fewer figures than the
// form's seven columns and neither can be placed.
//
// Two pieces are one row's when they follow each other (the second's
// figures a line or two below the first's, nothing with figures between),
// the first is a row of the form, the second is no other row (its label is
// a piece of the first's wording, or a piece of a heading over it, and
// bears no number but the row's or its headings'), their counts make the
// form's seven, and the joined figures add up: 总计 is the sum of the
// applicant columns. Joined, the row is read as one, its figures flagged
// placed_by_arithmetic. A piece that joins both the piece before it and
// the piece after it is one of two rows, which the text does not say: it
// is unplaced with the reason.

// maxPieceGap is how many lines below the first piece's figures the
// second's may print: the line after, or the one after a line holding
// only the row's number (`本机关不掌握相关政府信 49` / `1.` / `息 1 0 0 0 0 50`).
const maxPieceGap = 2

// rowPiece is a row of table 3 held as a possible piece of a row whose
// figures print on two lines: the row and the line of its figures.
type rowPiece struct {
	cur     *openRow
	figures []float64
	line    int
}

// splitRowPieces is the rows to read now that row cur closed: none while
// cur may be a piece of a row printed on two lines (it is held), else the
// pieces held before it, joined where they make one row, and cur.
func (r *reader) splitRowPieces(cur *openRow) []*openRow {
	if p, ok := r.asRowPiece(cur); ok {
		if n := len(r.pieces); n == 0 || r.follows(r.pieces[n-1], p) {
			r.pieces = append(r.pieces, p)
			return nil
		}
		out := r.joinPieces()
		r.pieces = []rowPiece{p}
		return out
	}
	return append(r.joinPieces(), cur)
}

// releasePieces reads the pieces held: the table they were in ended.
func (r *reader) releasePieces() {
	for _, row := range r.joinPieces() {
		r.readRow(row, false, nil)
	}
}

// asRowPiece reads cur as a possible piece of a row of table 3 printed on
// two lines: it prints plain figures, fewer than the form's seven columns
// (whether or not the header was read), all on one line.
func (r *reader) asRowPiece(cur *openRow) (rowPiece, bool) {
	if cur.table != tableApplications {
		return rowPiece{}, false
	}
	figures, cells, ok := r.plainFigures(cur.values)
	if !ok || len(figures) == 0 || len(figures) > applicantColumns || !countsAsPrinted(cells) || !sameLineCells(cells) {
		return rowPiece{}, false
	}
	return rowPiece{cur: cur, figures: figures, line: cells[0].Line}, true
}

// follows reports whether piece p prints its figures just below those of
// piece q: a second piece of q's row, or the first of the next.
func (r *reader) follows(q, p rowPiece) bool {
	return p.line > q.line && p.line-q.line <= maxPieceGap && p.cur.labels[0].Line > q.cur.labels[0].Line
}

// joinPieces empties the pieces held and returns the rows they make, in
// printed order: two pieces that join (joins) as one row, a piece that
// joins both neighbours unplaced, the rest as they were.
func (r *reader) joinPieces() []*openRow {
	pieces := r.pieces
	r.pieces = nil
	fits := make([]bool, len(pieces)) // fits[i]: pieces i and i+1 join
	for i := 0; i+1 < len(pieces); i++ {
		fits[i] = r.joins(pieces[i], pieces[i+1])
	}
	var out []*openRow
	for i := 0; i < len(pieces); i++ {
		before, after := i > 0 && fits[i-1], fits[i]
		switch {
		case before && after:
			r.unplace(pieces[i].cur, fmt.Sprintf("the row's %d figures join both the figures on the line before and those on the line after to make the form's %d columns that add up: which row they are a piece of is not certain", len(pieces[i].figures), applicantColumns+1))
		case after && !fits[i+1]:
			out = append(out, joined(pieces[i], pieces[i+1], r.pieceRow(pieces[i], pieces[i+1])))
			i++
		case before:
			// Its partner was unplaced as a piece of two rows: so is it.
			r.unplace(pieces[i].cur, fmt.Sprintf("the row's %d figures join the figures on the line before to make the form's %d columns, but so do those of the line before that: which row they are a piece of is not certain", len(pieces[i].figures), applicantColumns+1))
		case after:
			r.unplace(pieces[i].cur, fmt.Sprintf("the row's %d figures join the figures on the line after to make the form's %d columns, but those join the line after them too: which row they are a piece of is not certain", len(pieces[i].figures), applicantColumns+1))
		default:
			out = append(out, pieces[i].cur)
		}
	}
	return out
}

// joins reports whether pieces p and q, q printed just below p, are one
// row: p is a row of the form, q no other row, their figures make the
// form's columns, and the joined figures add up.
func (r *reader) joins(p, q rowPiece) bool {
	row := r.pieceRow(p, q)
	if row == nil || !r.follows(p, q) || len(p.figures)+len(q.figures) != applicantColumns+1 {
		return false
	}
	if q.cur.row != nil && q.cur.row != row && !r.s.encloses(q.cur.row, row) {
		return false
	}
	if q.cur.row == nil && !r.pieceOfRow(p.cur, q.cur, row) {
		return false
	}
	if !r.numbersOnlyRowOf(q.cur, row) {
		return false
	}
	all := append(append([]float64(nil), p.figures...), q.figures...)
	cols := make([]int, len(all))
	for i := range cols {
		cols[i] = i
	}
	return identityWithBlanks(all, cols, len(all))
}

// pieceRow is the row of the form whose first piece p is, q the piece
// below it: the row p's label names, or, for a label that is only a piece
// of a row's wording (本机关不掌握相关政府信), that row when q's label
// completes it (息); nil for none, or a heading.
func (r *reader) pieceRow(p, q rowPiece) *rowSpec {
	row := p.cur.row
	if row == nil {
		if row = r.wrappedFrom(p.cur); row == nil || !completes(p.cur, q.cur, row) {
			return nil
		}
	}
	if row.group {
		return nil
	}
	return row
}

// pieceOfRow reports whether q, a label no row of the form matched, is a
// piece of row's wording or of a heading over it (情形，不计其他情形）,
// 法提供, 行政机关不再处理其), or completes p's to the row's wording: not a
// piece of another row only (本机关不掌握相关政府信 under 8.属于行政查询事项:
// the next row's first piece, whose figures a short row above would
// take). A piece with no label's words (figures alone) is the row's.
func (r *reader) pieceOfRow(p, q *openRow, row *rowSpec) bool {
	return completes(p, q, row) || r.wordingHolds(row, q)
}

// wordingHolds reports whether cur's label, its number aside, is a piece
// of the wording of row or of a heading over it; a label with no words is.
func (r *reader) wordingHolds(row *rowSpec, cur *openRow) bool {
	printed := cur.printedLabel()
	l := label.Parse(printed)
	if l.Key == "" {
		return true
	}
	// As printed too, its number aside: a piece of a bracketed note
	// (情形，不计其他情形）) is in the form's wording, not in its keys.
	text := label.Squeeze(label.Fold(printed))
	if l.Enum != "" {
		text = strings.TrimPrefix(text, label.Squeeze(label.Fold(l.Enum)))
	}
	for x := row; x != nil; x = r.s.rowByID[x.parent] {
		if slices.ContainsFunc(x.keys, func(k string) bool { return strings.Contains(k, l.Key) }) ||
			text != "" && strings.Contains(label.Squeeze(label.Fold(x.label)), text) {
			return true
		}
	}
	return false
}

// completes reports whether the label of q, after that of p, makes a
// wording of row.
func completes(p, q *openRow, row *rowSpec) bool {
	return slices.Contains(row.keys, label.Parse(p.printedLabel()+q.printedLabel()).Key)
}

// numbersOnlyRowOf reports whether every number in the label pieces of
// cur is that of row or of a heading over it (`（五）3.版物` under
// 要求提供公开出: the heading's and the row's own numbers).
func (r *reader) numbersOnlyRowOf(cur *openRow, row *rowSpec) bool {
	for _, c := range cur.labels {
		l := label.Parse(c.Text)
		if l.Enum == "" {
			continue
		}
		own := false
		for x := row; x != nil && !own; x = r.s.rowByID[x.parent] {
			own = x.depth == l.EnumLevel() && r.s.ordinal(x) == l.Ordinal()
		}
		if !own {
			return false
		}
	}
	return true
}

// joined is the row whose figures print on the lines of pieces p and q
// (of the form's row row): p's label, and q's when it completes p's to the
// row's wording, with the figures of both.
func joined(p, q rowPiece, row *rowSpec) *openRow {
	out := *p.cur
	out.row = row
	out.values = append(append([]layout.Cell(nil), p.cur.values...), q.cur.values...)
	if completes(p.cur, q.cur, row) {
		out.labels = append(append([]layout.Cell(nil), p.cur.labels...), q.cur.labels...)
	}
	out.joined = true
	return &out
}
