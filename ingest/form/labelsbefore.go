package form

import (
	"slices"

	"github.com/gongkai/gongkai/ingest/layout"
)

// Chromium's print of a web page, taken out by plain pdftotext, may print
// the labels of table 2's rows before the blocks' headings and the
// figures after them (pingtan-2021.chromium: 信息内容 / 规章 / 行政规范性文件
// / 信息内容 / 行政许可 / 信息内容 / 行政处罚 / 行政强制 / … then
// 第二十条第（五）项 / 本年处理决定数量 / 2293 / 第二十条第（六）项 /
// 本年处理决定数量 / 1282 / 42): the figures after a block's header stand
// with no row open (earlyfigures.go holds them) and no label after them
// takes them.
//
// In a block whose header shows one column, the figures held are the
// rows' read down, whichever way the page was read; so when the rows of
// that block last read before them were read with no cell, each a row of
// the block once, in the form's order, their labels before the first
// figure, and no row of the block printed figures since, the k-th figure
// held is the k-th such row's, only when there are exactly as many
// figures as rows, each plain, unsigned and on a line of its own. Flag
// placed_by_form_order. A block of more columns is left as before: reading
// across and reading down give other figures, and no identity of table 2
// tells which (规章 / 行政规范性文件 / 0 0 0 69 3 665).

// noteLabelBefore remembers cur, a row of table 2 closing, when it printed
// no cell; a row of its block that printed cells forgets those before.
func (r *reader) noteLabelBefore(cur *openRow) {
	if cur == nil || cur.table != tableProactive || cur.row == nil || cur.row.group || cur.block == nil {
		return
	}
	if r.proactive.labelsBefore == nil {
		r.proactive.labelsBefore = map[*blockSpec][]*openRow{}
	}
	if len(cur.values) > 0 {
		delete(r.proactive.labelsBefore, cur.block)
		for _, v := range cur.values {
			r.proactive.lastFigureLine = max(r.proactive.lastFigureLine, v.Line)
		}
		return
	}
	r.proactive.labelsBefore[cur.block] = append(r.proactive.labelsBefore[cur.block], cur)
}

// readLabelsBefore places the figures held with no row open by the rows
// of their block read before them with no cell (see above), and reports
// whether it did.
func (r *reader) readLabelsBefore() bool {
	b, cells := r.early.block, r.early.cells
	if b == nil || len(cells) == 0 || !oneColumnHeader(b, r.early.header) {
		return false
	}
	rows := r.proactive.labelsBefore[b]
	if len(rows) != len(cells) || !r.unsignedFigures(cells) {
		return false
	}
	order := proactiveRows(b)
	last := -1
	for _, cur := range rows {
		i := slices.Index(order, cur.row)
		if i <= last || r.seen[cur.row.id] > 0 || cur.labels[len(cur.labels)-1].Line >= cells[0].Line {
			return false
		}
		last = i
	}
	lines := map[int]bool{}
	for _, c := range cells {
		if lines[c.Line] || !r.aloneOnLine(c) {
			return false
		}
		lines[c.Line] = true
	}
	r.early = earlyFigures{}
	delete(r.proactive.labelsBefore, b)
	for i, cur := range rows {
		cur.values, cur.byOrder = []layout.Cell{cells[i]}, true
		r.cur = cur
		r.closeRow()
	}
	return true
}

// oneColumnHeader reports whether header, the cells read between block
// b's heading and its first figure, is one column's, of a form whose
// block b has that one column only.
func oneColumnHeader(b *blockSpec, header []layout.Cell) bool {
	if len(header) == 0 {
		return false
	}
	hs := b.headerCells(joinHeaderRows(header))
	if len(hs) != 1 {
		return false
	}
	tied := b.fittingTemplates(hs)
	if len(tied) == 0 {
		return false
	}
	for _, t := range tied {
		if len(b.templateColumns(t)) != 1 {
			return false
		}
	}
	_, ok := b.column(hs[0].Text)
	return ok
}

// headerSinceFigures is the header cells of table 2 read after its last
// figure: a heading whose header fits the block before keeps that
// block's header cells (本年处理决定数量 of （五） and of （六）).
func (r *reader) headerSinceFigures() []layout.Cell {
	var out []layout.Cell
	for _, h := range r.proactive.header {
		if h.Line > r.proactive.lastFigureLine {
			out = append(out, h)
		}
	}
	return out
}
