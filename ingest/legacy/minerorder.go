package legacy

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// pdfminer's pdf2txt (markitdown's engine) of the legacy table printed
// from Word with a narrow label column prints each cell as a text box of
// its own, box after box: the labels' pieces in runs (一、主 / 动公开 /
// 情况 …), and between them runs of units and figures, the units of a few
// rows then their figures (条 / 条 / 条 / 条 / 条 / 90 / 18 / 2 / 24 / 2),
// never a unit next to its own figure for certain. What the boxes keep is
// the order of each column: the figures from top to bottom are the rows'
// in the form's order (wrappedInOrder's pairing of each figure with its
// unit fails on such text). Two things stand apart:
//
//   - the header's cells (单位 / 统计数) and the cells of the first row
//     beside them come first of all, before the report's title (条 / 9 /
//     单位 / 统计数): they are counted as the table's (strayHeader);
//   - the rows of the first heading above its first sub-heading (主动公开
//     政府信息数, 其中：主动公开规范性文件数, 制发规范性文件总数), printed
//     beside the header's cells, come in an order the boxes do not fix
//     (82 / 条 / 件 / 7 for 7, 82 in held-out prints): they are left
//     unplaced with the reason (minerHeadReason).
//
// The figures are placed in the form's order only when they are exactly as
// many as the rows the pieces name (namedInSequence), the units printed
// are the rows' units in order (a row may print none: 九、…公报发行量), the
// head's rows print their units and their figures come, all of them and
// no other, before the unit of the first row after them (the header's
// cells before the title holding one figure at most), and
// every sum of the form whose rows are placed holds (收到申请数 = 当面 + 传真
// + 网络 + 信函 + 其他形式, 行政复议数量 = 维持 + 纠错 + 其他 …), at least one
// of them: a figure lost or added, or a box printed out of its column's
// order across a total, breaks the count or a sum. Otherwise the table is
// refused as before (wrappedReason).

// minerHeadReason is why the rows printed beside the header's cells are
// left unplaced.
const minerHeadReason = "the text prints the table's cells as boxes apart from their labels (pdfminer), and the rows above the first sub-heading beside the header's cells (单位 / 统计数) in an order the boxes do not fix: %s could be any of these rows'"

// minerInOrder reads the wrapped table whose header opens at lines[hdr]
// as pdfminer prints it (see above); ok is false when it places nothing.
func (t *legacyTable) minerInOrder(lines []source.Line, hdr int) (obs []gongkai.Observation, unplaced []gongkai.Unplaced, end int, ok bool) {
	end, _ = tableEnd(lines, hdr)
	isRow := func(text string) bool { return t.m.place(label.Parse(text), -1, -1).score >= label.Exact }
	toks, apart := orderTokens(lines[hdr:end], t.isUnit, isRow)
	if !apart {
		return nil, nil, 0, false
	}
	stray, ok := strayHeader(lines[:hdr], t.isUnit)
	if !ok || len(stray) > 0 && countFigures(stray) > 1 {
		return nil, nil, 0, false
	}
	cells := stray
	for _, tk := range toks {
		if tk.label != "" && tk.figure != "" {
			return nil, nil, 0, false // a piece beside a figure: unwrapLabels's shapes
		}
		if tk.unit != "" {
			cells = append(cells, orderFigure{line: tk.line, unit: tk.unit})
		}
		if tk.figure != "" {
			cells = append(cells, orderFigure{line: tk.line, raw: tk.figure})
		}
	}
	var units []string
	var figs []orderFigure
	headFigs := -1 // the figures printed before the unit of the first row after the head
	named := namedInSequence(t.cat, toks)
	head := headRows(t.cat, named)
	for _, c := range cells {
		if c.raw != "" {
			figs = append(figs, c)
			continue
		}
		if len(units) == head {
			headFigs = len(figs)
		}
		units = append(units, c.unit)
	}
	want := rowUnits(t.cat, named)
	if len(named) <= head || len(figs) != len(named) || embeddings(units, want) == 0 ||
		headFigs != head || !slices.Equal(units[:head], want[:head]) {
		return nil, nil, 0, false
	}
	values := map[string]float64{}
	for k := head; k < len(named); k++ {
		v := figure.Parse(figs[k].raw).Number
		if v == nil {
			return nil, nil, 0, false // a mark for nothing to report: no sum checks it
		}
		values[t.cat.Legacy[named[k]].Indicator] = *v
	}
	if !sumsHold(values) {
		return nil, nil, 0, false
	}
	var raws []string
	for k := range head {
		raws = append(raws, figs[k].raw)
	}
	for k, i := range named {
		row := t.cat.Legacy[i]
		if k < head {
			unplaced = append(unplaced, gongkai.Unplaced{Label: row.Label, Line: figs[k].line, Cells: []string{},
				Reason: fmt.Sprintf(minerHeadReason, strings.Join(raws, ", "))})
			continue
		}
		obs = append(obs, orderObservation(t.cat, row, figs[k]))
	}
	return obs, unplaced, end, true
}

// headRows counts the rows of named, the form's rows in order, above the
// first heading after the first of them (主动公开政府信息数 and its 其中 rows
// before （二）通过不同渠道和方式公开政府信息的情况).
func headRows(cat *catalog.Catalog, named []int) int {
	if len(named) == 0 {
		return 0
	}
	for k, i := range named {
		for j := named[0] + 1; j < i; j++ {
			if cat.Legacy[j].Group {
				return k
			}
		}
	}
	return len(named)
}

// strayHeader is the units and figures of the header's cells printed
// apart before the table (条 / 9 / 单位 / 统计数 before the report's
// title), in order, a figure's raw or a unit's symbol each: the one run of
// lines, each a unit, a figure or a word of the header, that holds a word
// of the header. ok is false when several runs do.
func strayHeader(lines []source.Line, isUnit func(string) bool) (cells []orderFigure, ok bool) {
	found := false
	var run []orderFigure
	heads := false
	flush := func() bool {
		if heads {
			if found {
				return false
			}
			found, cells = true, run
		}
		run, heads = nil, false
		return true
	}
	for _, l := range lines {
		s := label.Squeeze(label.Fold(unmark(l.Text)))
		switch {
		case s == "":
			continue
		case isUnit(s):
			run = append(run, orderFigure{line: l.N, unit: s})
		case isCell(s):
			run = append(run, orderFigure{line: l.N, raw: s})
		case wrappedHeads[s]:
			heads = true
		default:
			if !flush() {
				return nil, false
			}
		}
	}
	if !flush() {
		return nil, false
	}
	return cells, true
}

// countFigures counts the figures of cells.
func countFigures(cells []orderFigure) int {
	n := 0
	for _, c := range cells {
		if c.raw != "" {
			n++
		}
	}
	return n
}

// sumsHold reports whether every sum of the legacy form whose rows values
// holds all holds, and at least one does.
func sumsHold(values map[string]float64) bool {
	checked := 0
	for _, id := range identities() {
		if !id.sum {
			continue
		}
		whole, ok := values[id.whole]
		if !ok {
			continue
		}
		sum, all := 0.0, true
		for _, p := range id.parts {
			v, ok := values[p]
			if !ok {
				all = false
				break
			}
			sum += v
		}
		if !all {
			continue
		}
		if strconv.FormatFloat(sum, 'f', 2, 64) != strconv.FormatFloat(whole, 'f', 2, 64) {
			return false
		}
		checked++
	}
	return checked > 0
}
