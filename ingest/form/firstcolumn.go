package form

import (
	"slices"
	"strings"

	"github.com/gongkai/gongkai/ingest/layout"
)

// pdfminer (pdf2txt, markitdown's engine) of a web page printed by Chrome
// prints the first block of table 2 as pingtan-2024.chromium and
// pingtan-2025.chromium do: 规章 / 0 / 行政规范性文件 58 / 第二十条第（五）项 /
// 0 / 45 / 0 / 546 / 信息内容 — each row's first figure after its own label
// (the label's box grouped with the first column's cell), then the next
// block's heading, then the block's other columns, each column's figures
// read down. It is pdfminerheading.go's shape with the first column
// printed among the labels instead of after them, and read as that one is:
// one figure for each of the block's rows before the heading is one
// column printed down, which a block printed row by row would not give
// (it breaks only after whole rows), so the figures after the heading are
// the other columns, read down.
//
// A row of a block of table 2 of two columns or more that closed with its
// one figure alone (unplaced for its count) is held; when the block's last
// row, the rows before it so held and every row of the block printed in
// the form's order, meets the next block's heading with one figure too, it
// is kept open across the heading, and when it closes with exactly the
// block's other columns after the heading ((n−1)·k figures, each plain and
// unsigned, on a line of its own), every row of the block is read: its own
// first figure, then its figure of each column in turn (flag
// placed_by_form_order). When the rows' count is a multiple of the
// columns' (a whole row's worth too) the heading decides nothing and the
// rows stay unplaced; so do they when any of these fails.

// firstColumn is the rows of table 2 held with their first figure alone
// (see above), and the row kept open across the next heading.
type firstColumn struct {
	rows       []*openRow
	unplacedAt []int // index of each held row's unplaced entry
	carry      *openRow
}

// holdFirstColumn holds cur, just closed, when it is a row of table 2
// that was unplaced with one figure alone, the next row of the block after
// those held; any other row closed drops the rows held (see above).
// unplaced is the count of rows unplaced before cur closed.
func (r *reader) holdFirstColumn(cur *openRow, unplaced int) {
	held := r.firstCol
	r.firstCol = firstColumn{}
	if cur == nil || cur.table != tableProactive || cur.row == nil || cur.block == nil || len(cur.values) != 1 ||
		len(r.proactive.columns[cur.block]) < 2 || len(r.unplaced) != unplaced+1 || !r.unsignedFigures(cur.values) {
		return
	}
	if len(held.rows) > 0 && held.rows[0].block != cur.block {
		held = firstColumn{}
	}
	rows := proactiveRows(cur.block)
	if len(held.rows) >= len(rows) || rows[len(held.rows)] != cur.row {
		return
	}
	if u := r.unplaced[unplaced]; u.Line != cur.labels[0].Line || !slices.Equal(u.Cells, []string{cur.values[0].Raw}) {
		return
	}
	r.firstCol = firstColumn{rows: append(held.rows, cur), unplacedAt: append(held.unplacedAt, unplaced)}
}

// carryFirstColumn keeps the row being read open across the heading of
// block next when it is the last row of its block, the rows before it
// held with their first figure alone, and it printed one figure too (see
// above).
func (r *reader) carryFirstColumn(next *blockSpec) bool {
	cur, held := r.cur, r.firstCol.rows
	if len(held) == 0 || cur == nil || cur.table != tableProactive || cur.row == nil || cur.block != held[0].block ||
		cur.block == next || cur.carried > 0 || len(cur.values) != 1 || !r.unsignedFigures(cur.values) {
		return false
	}
	rows := proactiveRows(cur.block)
	k, n := len(held)+1, len(r.proactive.columns[cur.block])
	if k != len(rows) || rows[k-1] != cur.row || k%n == 0 {
		return false
	}
	cur.carried = 1
	r.firstCol.carry = cur
	return true
}

// readFirstColumn reads the rows of a block printed first column first
// when cur is the row kept open across the heading and closes with the
// block's other columns (see above): the rows held are read, and cur
// takes its own figures, to be read as it closes.
func (r *reader) readFirstColumn(cur *openRow) {
	fc := r.firstCol
	if cur == nil || fc.carry != cur {
		return
	}
	r.firstCol = firstColumn{}
	k, n := len(fc.rows)+1, len(r.proactive.columns[cur.block])
	rest := cur.values[1:]
	if len(rest) != (n-1)*k || !r.unsignedFigures(rest) {
		return
	}
	lines := map[int]bool{}
	for _, row := range append(slices.Clone(fc.rows), cur) {
		for _, l := range row.labels {
			lines[l.Line] = true
		}
	}
	for _, v := range rest {
		if lines[v.Line] {
			return
		}
		lines[v.Line] = true
	}
	for i, h := range fc.rows { // each held row's entry, still as it was unplaced
		if at := fc.unplacedAt[i]; at >= len(r.unplaced) || r.unplaced[at].Line != h.labels[0].Line ||
			!slices.Equal(r.unplaced[at].Cells, []string{h.values[0].Raw}) {
			return
		}
	}
	for i := len(fc.unplacedAt) - 1; i >= 0; i-- {
		r.unplaced = slices.Delete(r.unplaced, fc.unplacedAt[i], fc.unplacedAt[i]+1)
	}
	own := func(i int, first layout.Cell) []layout.Cell {
		out := []layout.Cell{first}
		for c := 1; c < n; c++ {
			out = append(out, rest[(c-1)*k+i])
		}
		return out
	}
	for i, h := range fc.rows {
		h.values, h.byOrder = own(i, h.values[0]), true
		r.cur = h
		r.closeRow()
	}
	cur.values, cur.byOrder = own(k-1, cur.values[0]), true
}

// unsignedFigures reports whether values are plain figures, none signed.
func (r *reader) unsignedFigures(values []layout.Cell) bool {
	_, plain, ok := r.plainFigures(values)
	if !ok || len(plain) != len(values) {
		return false
	}
	for _, v := range values {
		if t := strings.TrimSpace(v.Text); t == "" || strings.ContainsAny(t[:1], "+-") {
			return false
		}
	}
	return true
}
