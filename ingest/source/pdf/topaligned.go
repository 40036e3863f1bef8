package pdf

import (
	"regexp"
	"slices"
)

// A table printed without rules whose cells set their text at the top (a
// Word table printed by LibreOffice: synth's word PDFs) prints a row's
// figures on the line of its label's first piece and the rest of its label
// on the lines below, down to the next row: 总计 of （七）总计 sits nearer
// the row after (四、结转下年度继续办理) than its own, and the nearest row
// would take it and give that row's figures to 总计. Such a table shows it
// by its numbered labels: every row carries a piece of its label on its own
// line, and no label line between two rows opens with a row's number (in
// a table whose cells centre their text, a label of two or more lines
// opens above its figures). Its label lines between rows are then the row
// above's.

// rowNumber matches the number a row's label opens with: 四、, （七）, 3.
var rowNumber = regexp.MustCompile(`^([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．])`)

// topAlignedNumbered is the number of rows with a numbered label piece
// from which a table without rules is taken for one whose cells set their
// text at the top: fewer (table 2's blocks of two rows) show too little.
const topAlignedNumbered = 3

// A table of few rows (table 2's blocks of one or two rows: 行政许 / 可
// beside 14 -3 10, then 其他对 / 外管理 / 服务事 / 项) has too few numbers
// to show it; its header shows it instead: header cells of unequal length
// that open on one line (信息内 / 容 beside 上一年 / 项目数 / 量). A
// header that centres its cells opens a shorter cell lower than a longer
// one, and one that sets them at the bottom ends them on one line.

// Where the header's cells are of one length (信息内 / 容 beside 本年制 /
// 发件数), its last two rows may show it: the last printed a line below
// the one before, its label filling the column beside its figures and
// going on below them (规章, then 行政规 / 范性文 / 件). A table that
// centres its cells would print the label's first line above its figures,
// where the row before is.

// topAligned reports whether the table sets its labels' text at the top of
// their cells: no rules between its rows, every row with a label piece on
// its own line, some of them numbered, its header's cells or its last
// row's label set at the top, and no label line between rows that opens
// with a number.
func (t *table) topAligned() bool {
	if len(t.body) == 0 || t.ruled() {
		return false
	}
	numbered := 0
	for _, r := range t.rows {
		if len(r.labels) == 0 {
			return false
		}
		for _, c := range r.labels {
			if rowNumber.MatchString(c.text) {
				numbered++
				break
			}
		}
	}
	if numbered < topAlignedNumbered && !t.headerTopAligned() && !t.lastLabelBelow() {
		return false
	}
	first, last := t.rows[0].line.y, t.rows[len(t.rows)-1].line.y
	for _, l := range t.body {
		if l.y < first || l.y > last {
			continue
		}
		for _, c := range l.cells {
			if rowNumber.MatchString(c.text) && !t.numberedBelow(l) {
				return false
			}
		}
	}
	return true
}

// A label line between rows that opens with a number is, in a table that
// centres its text, the first line of the next row's label, whose figures
// are printed beside a later line of it. In a table set at the top it is
// a heading row without figures (the legacy table's 二、回应解读情况), and
// the next row opens its own label with a number beside its figures: that
// does not tell against the top.

// numberedBelow reports whether the first row below l has a label piece on
// its own line that opens with a row's number.
func (t *table) numberedBelow(l textLine) bool {
	for _, r := range t.rows {
		if r.line.y <= l.y {
			continue
		}
		// Only the labels: a figure such as 0.5 or 18.7万元 matches the
		// pattern of a row's number too.
		for _, c := range r.labels {
			if rowNumber.MatchString(c.text) {
				return true
			}
		}
		return false
	}
	return false
}

// above is the last of rows above c, or the first row when none is.
func above(rows []*row, c cell) *row {
	best := rows[0]
	for _, r := range rows {
		if r.line.y < c.yc() {
			best = r
		}
	}
	return best
}

// headerTopAligned reports whether two cells of the header's last row,
// each over a column of its own or over the labels, open on one line and
// end on different lines. The header's last row starts at the first line
// holding a column's header: the label lines above it are a heading
// printed before the table (第二十条第（一）项).
func (t *table) headerTopAligned() bool {
	type span struct{ first, last float64 }
	cells := map[int]*span{}
	started := false
	for _, l := range t.header {
		cols := make([]int, len(l.cells))
		for k, c := range l.cells {
			cols[k] = t.columnOf(c)
			if t.inLabels(c) {
				cols[k] = -1
				continue
			}
			started = started || cols[k] >= 0
			if cols[k] < 0 {
				cols[k] = -2 // spans columns: a heading over the row
			}
		}
		if !started {
			continue
		}
		for _, i := range cols {
			if i == -2 {
				continue
			}
			if s, ok := cells[i]; ok {
				s.last = l.y
				continue
			}
			cells[i] = &span{first: l.y, last: l.y}
		}
	}
	if len(cells) < 2 {
		return false
	}
	near := sameLine * t.header[0].size
	for i, a := range cells {
		for j, b := range cells {
			if i < j && abs(a.first-b.first) < near && abs(a.last-b.last) >= near {
				return true
			}
		}
	}
	return false
}

// lastLabelBelow reports whether the table's last row is printed a line
// below the row before, with a label piece that fills its column and a
// label line right below it that goes on under that piece.
func (t *table) lastLabelBelow() bool {
	n := len(t.rows)
	if n < 2 {
		return false
	}
	prev, last := t.rows[n-2].line, t.rows[n-1]
	if prev.page != last.line.page || last.line.y-prev.y >= tailLineGap*last.line.size {
		return false
	}
	piece, ok := t.fullPiece(last)
	if !ok {
		return false
	}
	for _, l := range t.body {
		if l.page == last.line.page && l.y > last.line.y {
			return l.y-last.line.y < tailLineGap*l.size && t.continues(l, piece)
		}
	}
	return false
}

// fullPiece is the row's label piece that fills its column, if one does.
func (t *table) fullPiece(r *row) (cell, bool) {
	for _, c := range slices.Backward(r.labels) {
		if t.fillsColumn(c) {
			return c, true
		}
	}
	return cell{}, false
}

// continues reports whether l is one label cell under piece: the next
// line of a label wrapped in its column.
func (t *table) continues(l textLine, piece cell) bool {
	return len(l.cells) == 1 && t.labelOnly(l) && abs(l.cells[0].x0-piece.x0) < labelColumnGap*l.cells[0].size
}

// In a table that sets its text at the top, the last row's label goes on
// below its figures over as many lines as it needs (四、结 / 转下年 / 度继续
// / 办理 beside 0 0 0 0 0 0 0), each a line below the last, with no
// padding that would set them apart from the lines after the table. A
// wrapped label fills its column on every line but its last: the first
// line that does not ends the label, and the lines after it (the next
// block's heading 第二十 / 条第 / （五） / 项, the narrative) are not the
// row's.

// tailLineGap: the lines of one wrapped label are less than this apart
// (em); a blank line between doubles the line pitch.
const tailLineGap = 2.0

// labelTail is the y of the last label line below the table's last row
// that continues its label, or the row's own when none does: in a table
// that sets its text at the top, the lines that follow the row's label
// piece that fills its column, one line apart, each in the label area and
// under the piece above it, down to the first that does not fill the
// column.
func (t *table) labelTail() float64 {
	last := t.rows[len(t.rows)-1]
	y := last.line.y
	if !t.topAligned() {
		return y
	}
	piece, ok := t.fullPiece(last)
	if !ok {
		return y
	}
	for _, l := range t.body {
		if l.y <= last.line.y {
			continue
		}
		if l.page != last.line.page || l.y-y >= tailLineGap*l.size || !t.continues(l, piece) {
			break
		}
		y, piece = l.y, l.cells[0]
		if !t.fillsColumn(piece) {
			break
		}
	}
	return y
}

// fillsColumn reports whether a label piece reaches, within a character,
// the right edge of the widest label piece that starts where it does: a
// line of a label wrapped in its column that is not the label's last.
// Only pieces left of the figures count: a line of narrative after the
// table may start where the labels do.
func (t *table) fillsColumn(c cell) bool {
	right := c.x1
	widen := func(p cell) {
		if abs(p.x0-c.x0) < labelColumnGap*c.size && p.x1 <= t.cols[0].left {
			right = max(right, p.x1)
		}
	}
	for _, r := range t.rows {
		for _, p := range r.labels {
			widen(p)
		}
	}
	for _, l := range t.body {
		for _, p := range l.cells {
			widen(p)
		}
	}
	return c.x1 > right-0.5*c.size
}
