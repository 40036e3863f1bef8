package form

import (
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/ingest/label"
)

// pdfminer (pdf2txt, the PDF engine of markitdown) prints the figures of
// tables 3 and 4 as text boxes, one figure a line and a column's figures
// in turn, apart from the labels; but a figure that sits on the baseline
// of its row's label in a box of the label's prints on the label's line:
// `3.危及“三安全一稳定” 0`, `5.属于三类内部事务信息 32`
// (pingtan-2024.chromium-landscape.pdfminer.txt). Such text is still in
// reading order: its figures are placed by the form's order (see
// readingorder.go) when every label line prints at most one figure, and
// only when the order places that figure in the row the label opened
// (any column of it): a figure glued to another row's label would say
// the order is not the text's. A layout that prints a row's figures
// beside its label prints several on the line and is read by its labels.
// When the order places nothing, the rows read by their labels stand as
// they are: in text with figures beside labels they are not distrusted.

// figuresGluedOneALabel reports whether no label line of tables 3 and 4
// prints more than one figure.
func (r *reader) figuresGluedOneALabel() bool {
	perLine := map[int]int{}
	for _, c := range r.readOrder.cells {
		if r.readOrder.labelLines[c.Line] {
			perLine[c.Line]++
		}
	}
	for _, n := range perLine {
		if n > 1 {
			return false
		}
	}
	return true
}

// noteLabelRow records the row of table 3 that the label on line opened
// or continued, "" when it is no such row; then, the label's words too.
func (r *reader) noteLabelRow(line int, text string) {
	if r.readOrder.labelRows == nil {
		r.readOrder.labelRows = map[int]string{}
		r.readOrder.labelPieces = map[int]string{}
	}
	ind := ""
	if r.cur != nil && r.cur.row != nil && r.cur.row.table == tableApplications {
		ind = r.cur.row.indicator
	}
	r.readOrder.labelRows[line] = ind
	if ind == "" {
		r.readOrder.labelPieces[line] += label.Parse(text).Key
	}
}

// gluedPieceRow is the indicator of the row of table 3 whose wording holds the
// words of a label that opened no row (piece), when no other row's does:
// a wrapped label's first line (`本机关不掌握相关政府信 49`, its last
// character on the next line); "" when none or several do.
func (r *reader) gluedPieceRow(piece string) string {
	if utf8.RuneCountInString(piece) < minTailRunes {
		return ""
	}
	of := ""
	for _, row := range r.s.rows[tableApplications] {
		for _, k := range row.keys {
			if strings.Contains(k, piece) && row.indicator != of {
				if of != "" || row.indicator == "" {
					return ""
				}
				of = row.indicator
			}
		}
	}
	return of
}

// gluedRow is the indicator of the row of table 3 that the label on line
// opened, or that its words are a piece of; "" when neither is known.
func (r *reader) gluedRow(line int) string {
	if ind := r.readOrder.labelRows[line]; ind != "" {
		return ind
	}
	return r.gluedPieceRow(r.readOrder.labelPieces[line])
}

// gluedFiguresInTheirRows reports whether the order places every figure
// printed on a label's line in the row of table 3 that the label opened,
// or, for a label that opened none, the row its words are a piece of.
func (r *reader) gluedFiguresInTheirRows(placed []orderedFigure) bool {
	for _, f := range placed {
		if !r.readOrder.labelLines[f.cell.Line] {
			continue
		}
		if ind := r.gluedRow(f.cell.Line); ind == "" || ind != f.indicator {
			return false
		}
	}
	return true
}
