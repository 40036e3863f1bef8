package form

import (
	"slices"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// In space-aligned text (pdftotext -layout, OCR that keeps columns) a
// figure stands under its column, and the rows of table 3 printed whole
// show where each column's figures stand. A row whose blank cells left no
// trace is read by that place: each figure falls in the column whose
// figures (over the whole rows) its span overlaps, and no other's. The
// place only narrows the placements the row's own arithmetic admits to
// the one it shows; the column sums still weigh it (settleBlankRows), and
// a figure that falls in no column or in two, or a place the arithmetic
// does not admit, leaves the row to the arithmetic alone.
//
// pdftotext's grid gives a CJK character one column, a monospaced display
// two; figures after labels of different lengths line up in one measure
// only. Both are tried; when both show a placement, they must show the
// same.

// span is the first and last (half-open) column of a figure on its line.
type span struct{ x0, x1 int }

// figureSpans is the spans of the last n pieces between spaces of text,
// measured with CJK characters wide columns each, when those pieces are
// exactly figures (in order); nil otherwise.
func figureSpans(text string, figures []string, wide int) []span {
	pieces := layout.Words(text, wide)
	n := len(figures)
	if len(pieces) < n {
		return nil
	}
	var out []span
	for i, p := range pieces[len(pieces)-n:] {
		if label.Fold(p.Text) != label.Fold(figures[i]) {
			return nil
		}
		out = append(out, span{p.X0, p.X1})
	}
	return out
}

// columnSpans is, for each of n columns, the span its figures cover over
// the rows printed whole (each a line and its n figures in column order),
// measured wide; false when no row shows them.
func columnSpans(lines map[int]string, rows map[int][]string, n, wide int) ([]span, bool) {
	cols := make([]span, n)
	seen := false
	for line, figures := range rows {
		spans := figureSpans(lines[line], figures, wide)
		if spans == nil {
			continue
		}
		for c, s := range spans {
			if !seen {
				cols[c] = s
				continue
			}
			cols[c] = span{min(cols[c].x0, s.x0), max(cols[c].x1, s.x1)}
		}
		seen = true
	}
	return cols, seen
}

// placedBySpans is the column each figure of spans falls in, clearly: the
// one column whose span it overlaps, in increasing order; nil when a
// figure overlaps none or several.
func placedBySpans(spans, cols []span) []int {
	var out []int
	for _, s := range spans {
		at := -1
		for c, col := range cols {
			if s.x0 < col.x1 && col.x0 < s.x1 {
				if at >= 0 {
					return nil
				}
				at = c
			}
		}
		if at < 0 || len(out) > 0 && at <= out[len(out)-1] {
			return nil
		}
		out = append(out, at)
	}
	return out
}

// wholeRows is the rows of table 3 read with all seven figures on one
// line, by line: their figures as printed, in column order.
func (r *reader) wholeRows(slots []slot) map[int][]string {
	at := map[string]int{}
	for i, s := range slots {
		at[s.key] = i
	}
	indicators := map[string]bool{}
	for _, row := range r.s.rows[tableApplications] {
		if row.indicator != "" {
			indicators[row.indicator] = true
		}
	}
	byLine := map[int][]string{}
	counts := map[int]int{}
	for _, o := range r.obs {
		i, ok := at[o.Breakdown]
		if !indicators[o.Indicator] || !ok || o.Value == nil {
			continue
		}
		if byLine[o.Line] == nil {
			byLine[o.Line] = make([]string, len(slots))
		}
		if byLine[o.Line][i] == "" {
			counts[o.Line]++
		}
		byLine[o.Line][i] = o.Raw
	}
	for line, n := range counts {
		if n != len(slots) {
			delete(byLine, line)
		}
	}
	return byLine
}

// placementByPosition is the placement of the held row that its figures'
// places show (see above), when it is one the arithmetic admits; nil
// otherwise.
func (r *reader) placementByPosition(h heldBlankRow, whole map[int][]string) []int {
	if len(whole) == 0 || !sameLineCells(h.cells) {
		return nil
	}
	text, ok := r.tableLines[h.cells[0].Line]
	if !ok {
		return nil
	}
	figures := make([]string, len(h.cells))
	for i, c := range h.cells {
		figures[i] = c.Raw
	}
	var shown []int
	for _, wide := range []int{1, 2} {
		cols, ok := columnSpans(r.tableLines, whole, len(h.slots), wide)
		spans := figureSpans(text, figures, wide)
		if !ok || spans == nil {
			continue
		}
		p := placedBySpans(spans, cols)
		switch {
		case p == nil:
		case shown == nil:
			shown = p
		case !slices.Equal(shown, p):
			return nil // the two measures show different places
		}
	}
	for _, p := range h.placements {
		if shown != nil && slices.Equal(p, shown) {
			return p
		}
	}
	return nil
}
