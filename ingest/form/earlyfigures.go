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
	if cur.table == tableProactive && cur.row != nil && !cur.row.group && cur.row.block == r.early.block && len(cur.values) == 0 {
		cur.values = r.early.cells
		r.early = earlyFigures{}
		return true
	}
	r.flushEarly()
	return false
}

// flushEarly reports the figures held as unplaced.
func (r *reader) flushEarly() {
	for _, c := range r.early.cells {
		r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: "", Cells: []string{c.Raw}, Line: c.Line,
			Reason: "a figure with no row label before it"})
	}
	r.early = earlyFigures{}
}
