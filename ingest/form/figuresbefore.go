package form

import (
	"slices"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/layout"
)

// Chromium's print of a web page's table 2, taken out by plain pdftotext,
// prints each row's figures a line each before the row's label, and a
// figure printed close to the label on the label's line:
//
//	第二十条第（五）项 / 信息内容 / 上一年项目数量 本年增/减 / 处理决定数量 /
//	27 / +1 / 20 / 行政许可 / -3 / 24 / 其他对外管理服务事项 154
//
// earlyfigures.go leaves such a block unplaced: the figures after a label
// may be the next row's as well as its own, and table 2 has no identity to
// tell. The figures' count tells when every row prints every cell: a block
// of k rows under n columns prints k×n figures; a figure on a row's label
// line, after the label, is that row's and its first column's (the cell
// beside the label); the other figures, read in turn, fill the rows in the
// form's order, n less those on its label's line each. The reading is
// taken only when each row's figures so counted stand together right
// before its label or right after it (no other row's label between), the
// block's rows are the form's rows of its columns, each once and in the
// form's order, and nothing else (a blank cell, a piece of label, a row the
// form lacks) is printed among them; the rows are read as the form's
// order places them (flag placed_by_form_order). A block with a figure
// missing, or one too many, stays unplaced as before.

// proactiveEvent is a cell of table 2 as the reader took it.
type proactiveEvent struct {
	cell   layout.Cell
	block  *blockSpec
	figure bool     // a figure
	opened bool     // a label that opened a row (row nil: a row the form lacks)
	row    *rowSpec // the row it opened
	other  bool     // any other cell: a header, a heading, a piece of label, a blank
}

// logProactive notes cell c of kind, just read, when it is read in table 2.
func (r *reader) logProactive(c layout.Cell, kind layout.Kind) {
	if r.table != tableProactive || kind == layout.Unit {
		return
	}
	e := proactiveEvent{cell: c, block: r.proactive.block}
	switch {
	case kind == layout.Value:
		e.figure = true
	case kind == layout.Label && r.cur != nil && len(r.cur.labels) == 1 && r.cur.labels[0].Line == c.Line && r.cur.labels[0].Text == c.Text:
		e.opened, e.row, e.block = true, r.cur.row, r.cur.block
	default:
		e.other = true
	}
	r.proactiveLog = append(r.proactiveLog, e)
}

// readFiguresBeforeLabels reads the blocks of table 2 whose figures the
// count places (see above), in place of their unplaced rows and figures.
func (r *reader) readFiguresBeforeLabels() {
	log := r.proactiveLog
	for i := 0; i < len(log); {
		j := i + 1
		for j < len(log) && log[j].block == log[i].block {
			j++
		}
		if b := log[i].block; b != nil {
			r.readCountedBlock(b, log[i:j])
		}
		i = j
	}
}

// readCountedBlock reads block b from its cells, events, when the count
// of its figures places them.
func (r *reader) readCountedBlock(b *blockSpec, events []proactiveEvent) {
	slots := r.proactive.columns[b]
	rows, values, ok := countedRows(b, slots, events)
	if !ok || !r.unplacedWhole(rows, slots, events) {
		return
	}
	r.unplaced = slices.DeleteFunc(r.unplaced, func(u gongkai.Unplaced) bool { return r.ofEvents(u, events) })
	for i, row := range rows {
		cur := &openRow{table: tableProactive, row: row.row, block: b, labels: []layout.Cell{row.cell}, values: values[i]}
		r.readRow(cur, true, nil)
	}
}

// countedRows is the rows of block b, in events, and each one's figures
// lined up with slots, when the count places them (see above).
func countedRows(b *blockSpec, slots []slot, events []proactiveEvent) (rows []proactiveEvent, values [][]layout.Cell, ok bool) {
	n := len(slots)
	if n == 0 {
		return nil, nil, false
	}
	var at []int // the events' places of the rows
	for i, e := range events {
		switch {
		case e.opened:
			if e.row == nil || e.row.group || e.row.block != b {
				return nil, nil, false
			}
			rows, at = append(rows, e), append(at, i)
		case e.other && len(rows) > 0, e.other && slices.ContainsFunc(events[:i], func(e proactiveEvent) bool { return e.figure }):
			return nil, nil, false // a cell that is no figure among the rows'
		}
	}
	if want := formRows(b, slots); len(rows) == 0 || len(rows) != len(want) {
		return nil, nil, false
	} else {
		for i := range rows {
			if rows[i].row != want[i] {
				return nil, nil, false
			}
		}
	}
	// The figures on a row's label line, after it, are its own; the others
	// are read in turn.
	values = make([][]layout.Cell, len(rows))
	var apart []int
	row := -1
	for i, e := range events {
		if e.opened {
			row++
			continue
		}
		if !e.figure {
			continue
		}
		if row >= 0 && e.cell.Line == rows[row].cell.Line {
			values[row] = append(values[row], e.cell)
			continue
		}
		if slices.ContainsFunc(rows, func(r proactiveEvent) bool { return r.cell.Line == e.cell.Line }) {
			return nil, nil, false // a figure before a label on its line
		}
		apart = append(apart, i)
	}
	next := 0
	for k := range rows {
		need := n - len(values[k])
		if need < 0 || next+need > len(apart) {
			return nil, nil, false
		}
		group := apart[next : next+need]
		next += need
		if len(group) > 0 && !beside(group, at, k, len(events)) && !unitAfter(group, at[k], events) {
			return nil, nil, false
		}
		for _, i := range group {
			values[k] = append(values[k], events[i].cell)
		}
	}
	if next != len(apart) {
		return nil, nil, false
	}
	return rows, values, true
}

// beside reports whether the events at places group, the figures counted
// to row k (its label at at[k]), stand all right before its label (after
// the row's before) or all right after it (before the next row's).
func beside(group, at []int, k, end int) bool {
	prev, next := -1, end
	if k > 0 {
		prev = at[k-1]
	}
	if k+1 < len(at) {
		next = at[k+1]
	}
	first, last := group[0], group[len(group)-1]
	return prev < first && last < at[k] || at[k] < first && last < next
}

// unitAfter reports whether the events at places group, counted to the
// row whose label is at label, stand around that label with the figures
// printed with a unit after it and the plain figures before it: pdftotext
// takes the blocks of a line of the page top down, and a block of digits
// alone stands a little higher than one that holds an ideograph (the
// label, 12.78万元), which are then taken left to right: 35 / 政府集中采购 /
// 12.78万元 is the row's 35 | 12.78万元, the plain figures first.
func unitAfter(group []int, label int, events []proactiveEvent) bool {
	for _, i := range group {
		if (i > label) != (figure.Parse(events[i].cell.Raw).Unit != "") {
			return false
		}
	}
	return true
}

// formRows is the rows of block b that have a figure under every column
// of slots, in the form's order.
func formRows(b *blockSpec, slots []slot) []*rowSpec {
	var out []*rowSpec
	for _, row := range b.rows {
		if row.group || row.block != b {
			continue
		}
		all := true
		for _, s := range slots {
			all = all && s.key != "" && row.cells[s.key] != ""
		}
		if all {
			out = append(out, row)
		}
	}
	return out
}

// unplacedWhole reports whether the figures of events were all left
// unplaced, none placed, and no row of rows read: the block is read
// whole or not at all.
func (r *reader) unplacedWhole(rows []proactiveEvent, slots []slot, events []proactiveEvent) bool {
	for _, row := range rows {
		for _, s := range slots {
			ind := row.row.cells[s.key]
			if slices.ContainsFunc(r.obs, func(o gongkai.Observation) bool { return o.Indicator == ind }) {
				return false
			}
		}
	}
	for _, e := range events {
		if !e.figure {
			continue
		}
		if slices.ContainsFunc(r.obs, func(o gongkai.Observation) bool { return o.Line == e.cell.Line && o.Raw == e.cell.Raw }) {
			return false
		}
		if !slices.ContainsFunc(r.unplaced, func(u gongkai.Unplaced) bool {
			return r.ofEvents(u, events) && slices.Contains(u.Cells, e.cell.Raw)
		}) {
			return false
		}
	}
	return true
}

// ofEvents reports whether unplaced row u is made of the cells of events:
// printed on the line of one of their figures or row labels, every cell
// of it one of their figures.
func (r *reader) ofEvents(u gongkai.Unplaced, events []proactiveEvent) bool {
	if !slices.ContainsFunc(events, func(e proactiveEvent) bool { return (e.figure || e.opened) && e.cell.Line == u.Line }) {
		return false
	}
	for _, c := range u.Cells {
		if !slices.ContainsFunc(events, func(e proactiveEvent) bool { return e.figure && e.cell.Raw == c }) {
			return false
		}
	}
	return len(u.Cells) > 0
}
