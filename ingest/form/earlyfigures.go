package form

import (
	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/layout"
)

// Text taken from a PDF in reading order prints a label centred in a tall
// cell after the figures beside it: 第二十条第（五）项 / 信息内容 /
// 本年处理决定数量 / 550 / 行政许可. A figure of table 2 printed on a line
// of its own after a block's header, before any row, is held; the next
// row read takes it when it is a row of that block and prints no figure
// of its own, flagged placed_by_form_order. Otherwise the figure is
// unplaced, as a figure with no row label before it.

// earlyFigures is the figures of table 2 held until the next row read.
type earlyFigures struct {
	block *blockSpec
	cells []layout.Cell
	// header is the block's header cells read before the first figure
	// (labelsbefore.go).
	header []layout.Cell
}

// holdEarly holds figure c, printed in table 2 with no row open, and
// reports whether it did.
func (r *reader) holdEarly(c layout.Cell) bool {
	if r.table != tableProactive || r.proactive.block == nil || c.Idx >= 0 || layout.Classify(c.Text, r.isUnit) != layout.Value {
		return false
	}
	if r.early.block != r.proactive.block {
		r.flushEarly()
	}
	if len(r.early.cells) == 0 {
		r.early.header = r.headerSinceFigures()
	}
	r.proactive.lastFigureLine = c.Line
	r.early.block = r.proactive.block
	r.early.cells = append(r.early.cells, c)
	return true
}

// claimEarly gives the figures held to cur, a row closing, when it is a
// row of their block that printed no figure; reports whether it did. A
// row that does not take them leaves them unplaced.
func (r *reader) claimEarly(cur *openRow) bool {
	if cur == nil || len(r.early.cells) == 0 {
		return false
	}
	ofBlock := cur.table == tableProactive && cur.row != nil && !cur.row.group && cur.row.block == r.early.block
	if ofBlock && len(cur.values) == 0 {
		cur.values = r.early.cells
		r.early = earlyFigures{}
		return true
	}
	if ofBlock {
		r.proactive.figuresFirst = r.early.block
	}
	r.flushEarly()
	return false
}

// A block whose first row prints figures of its own after figures held
// before it (34 / 16 / 16 / 规章 / 15 / 4 / 12 / 规范性文件: Chrome's PDF of a
// web page, through pdftotext, prints each row's figures before its
// label) shows that its figures may come before their labels: the figures
// after a label are the next row's as likely as its own, and table 2 has
// no identity to tell. Every row of the block that prints figures is
// unplaced, unless the count of its figures places them (figuresbefore.go).

// A row the form does not know, first in its block, that prints figures
// (信息内 / 本年处理决定数量 / 容 / 71 / 行政处罚 / 7 / 行政强制: a header cell
// wrapped around another, then the figure of the first row, printed
// before its label) shows the same: its figures stood where the block's
// first row's should.

// noteFiguresBeforeRows marks the block of cur, a row of table 2 the form
// does not know, as printing figures before labels when it prints figures
// and no row of the form in its block was opened before it.
func (r *reader) noteFiguresBeforeRows(cur *openRow) {
	if cur == nil || cur.table != tableProactive || cur.row != nil || cur.block == nil || r.proactive.rowsOpened[cur.block] || !cur.hasFigures(r.isUnit) {
		return
	}
	r.proactive.figuresFirst = cur.block
}

// figuresFirstReason says why a row of table 2 printing figures cannot be
// placed in a block whose figures come before their labels, or "".
func (r *reader) figuresFirstReason(cur *openRow) string {
	if cur.table != tableProactive || cur.block == nil || cur.block != r.proactive.figuresFirst {
		return ""
	}
	return "figures of block " + cur.block.label + " were printed before its first row's label, so the figures after a label may be the next row's: which row's they are is not certain"
}

// flushEarly reports the figures held as unplaced.
func (r *reader) flushEarly() {
	if r.readLabelsBefore() { // labelsbefore.go
		return
	}
	for _, c := range r.early.cells {
		r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: "", Cells: []string{c.Raw}, Line: c.Line,
			Reason: "a figure with no row label before it"})
	}
	r.early = earlyFigures{}
}

// Text in reading order may print the labels of a block's rows one under
// the other and then their figures (pdfminer: 行政处罚 / 行政强制 / 4119 /
// 195): the first rows close with no cell and the last takes every
// figure. In a block of one column the figures, read down, are the rows'
// in turn, whichever way the page was read; in a block of more columns
// reading across and reading down give other figures, and no identity of
// table 2 tells which, so the rows stay as they are (the last unplaced for
// its count).

// holdBare remembers cur, a row closed with no cell, when it is a row of
// table 2: the figures printed after the next row's label may be its.
func (r *reader) holdBare(cur *openRow) {
	if cur == nil || cur.table != tableProactive || cur.row == nil || cur.row.group {
		r.bare = nil
		return
	}
	if len(r.bare) > 0 && r.bare[0].block != cur.block {
		r.bare = nil
	}
	r.bare = append(r.bare, cur)
}

// labelsThenFigures gives the rows of bare, closed just before cur with no
// cell in cur's block of one column, a figure each of cur's, in order,
// when cur prints exactly one figure more than there are such rows, each a
// plain figure on a line of its own: the rows are read (flag
// placed_by_form_order) and cur keeps the last figure.
func (r *reader) labelsThenFigures(cur *openRow, bare []*openRow, slots []slot) {
	if len(bare) == 0 || len(slots) != 1 || cur.table != tableProactive || cur.block != bare[0].block ||
		len(cur.values) != len(bare)+1 || !r.figuresApart(cur, bare) {
		return
	}
	for i, b := range bare {
		b.values, b.byOrder = []layout.Cell{cur.values[i]}, true
		r.cur = b
		r.closeRow()
	}
	cur.values, cur.byOrder = cur.values[len(bare):], true
}

// figuresApart reports whether every cell of cur is a plain figure on a
// line of its own: no two on a line, none on a line of a label of cur or
// of bare.
func (r *reader) figuresApart(cur *openRow, bare []*openRow) bool {
	if _, plain, ok := r.plainFigures(cur.values); !ok || len(plain) != len(cur.values) {
		return false
	}
	lines := map[int]bool{}
	for _, row := range append([]*openRow{cur}, bare...) {
		for _, l := range row.labels {
			lines[l.Line] = true
		}
	}
	for _, v := range cur.values {
		if lines[v.Line] {
			return false
		}
		lines[v.Line] = true
	}
	return true
}
