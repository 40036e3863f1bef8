package pdf

import "regexp"

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

// topAligned reports whether the table sets its labels' text at the top of
// their cells: no rules between its rows, every row with a label piece on
// its own line, some of them numbered, and no label line between rows that
// opens with a number.
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
	if numbered < topAlignedNumbered {
		return false
	}
	first, last := t.rows[0].line.y, t.rows[len(t.rows)-1].line.y
	for _, l := range t.body {
		if l.y < first || l.y > last {
			continue
		}
		for _, c := range l.cells {
			if rowNumber.MatchString(c.text) {
				return false
			}
		}
	}
	return true
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
