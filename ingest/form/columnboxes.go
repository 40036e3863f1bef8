package form

import (
	"slices"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// pdfminer (pdf2txt, markitdown's engine) of a report drafted in Word
// prints the first block of table 2 (第二十条第（一）项: 规章 and
// 行政规范性文件) column by column, each column a text box of its own: the
// column's header, wrapped, and under it the column's figures, one for
// each of the block's rows, read down (`现行有 / 效件数 / 4 / 72`). The
// boxes come in no order of the columns, and may come before the
// report's title, outside the tables the reader reads.
//
// Such a box is read when it stands outside the tables read: lines with
// no blank line between them (a box) whose first lines, joined, are
// exactly a wording of one column of the block, and whose other lines are
// exactly one plain figure each, as many as the block's rows (a box that
// names a column and holds anything else under it stops the rule). The
// figures
// go to the block's rows in order, the first to the block's first row.
// They are read only when the reader placed no figure of the block, every
// box names a column of one form, and no column has two boxes; a box
// that breaks any of these leaves the block as the reader left it.

// columnBox is a box of one column of a block of table 2.
type columnBox struct {
	col     *columnSpec
	printed string
	figures []layout.Cell
}

// readColumnBoxes places the figures of the first block of table 2 that
// pdfminer printed column by column outside the tables (see above).
// lines are the text's lines as given, regions the tables' spans in read.
func (r *reader) readColumnBoxes(lines, read []source.Line, regions []tableSpan) {
	if len(r.s.proactiveBlocks) == 0 {
		return
	}
	b := r.s.proactiveBlocks[0]
	rows := proactiveRows(b)
	if len(rows) < 2 || blockRead(r.obs, rows) {
		return
	}
	inTables := func(n int) bool {
		for _, g := range regions {
			if n >= read[g.start].N && n <= read[g.end-1].N {
				return true
			}
		}
		return false
	}
	var boxes []columnBox
	seen := map[string]bool{}
	tpl := ""
	for _, box := range textBoxes(lines) {
		if inTables(box[0].N) || inTables(box[len(box)-1].N) {
			continue
		}
		c, named, ok := r.columnBoxOf(b, box, len(rows))
		if !named {
			continue
		}
		if !ok {
			return
		}
		if seen[c.col.key] || tpl != "" && c.col.template != tpl {
			return
		}
		seen[c.col.key], tpl = true, c.col.template
		boxes = append(boxes, c)
	}
	for _, c := range boxes {
		s := slot{key: c.col.key, printed: c.printed, block: b, x0: -1, x1: -1, idx: -1}
		for i, row := range rows {
			ind := row.cells[c.col.key]
			if ind == "" {
				continue
			}
			// The row's label is not printed beside its figures: the
			// form's wording is its label (formlabels.go).
			wording := row.label
			for _, e := range r.cat.Forms[c.col.template] {
				if e.Indicator == ind {
					wording = e.Label
				}
			}
			r.obs = append(r.obs, r.observation(ind, gongkai.BreakdownTotal, wording, s, c.figures[i], []string{gongkai.FlagLabelFromForm}))
		}
	}
}

// proactiveRows is the rows of block b of table 2 that the form prints
// (no heading).
func proactiveRows(b *blockSpec) []*rowSpec {
	var out []*rowSpec
	for _, row := range b.rows {
		if !row.group && len(row.cells) > 0 {
			out = append(out, row)
		}
	}
	return out
}

// blockRead reports whether obs holds a figure of one of rows.
func blockRead(obs []gongkai.Observation, rows []*rowSpec) bool {
	inds := map[string]bool{}
	for _, row := range rows {
		for _, ind := range row.cells {
			inds[ind] = true
		}
	}
	for _, o := range obs {
		if inds[o.Indicator] {
			return true
		}
	}
	return false
}

// textBoxes cuts lines into pdfminer's text boxes: runs of non-blank
// lines with no blank line (nor a missing line number) between them.
func textBoxes(lines []source.Line) [][]source.Line {
	var out [][]source.Line
	var cur []source.Line
	for _, l := range lines {
		blank := strings.TrimSpace(l.Text) == ""
		if blank || len(cur) > 0 && l.N != cur[len(cur)-1].N+1 {
			if len(cur) > 0 {
				out = append(out, cur)
			}
			cur = nil
		}
		if !blank {
			cur = append(cur, l)
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// columnBoxOf reads box as the box of a column of block b with k rows:
// header lines that name the column exactly, then k plain figures. named
// is true when the header lines name a column of b exactly, whatever
// follows them.
func (r *reader) columnBoxOf(b *blockSpec, box []source.Line, k int) (out columnBox, named, ok bool) {
	parts := r.boxHead(box)
	i := len(parts)
	key := label.Key(strings.Join(parts, ""))
	for _, c := range b.columns {
		if slices.Contains(c.keys, key) {
			if out.col != nil && out.col.key != c.key {
				return columnBox{}, false, false
			}
			out.col = c
		}
	}
	if out.col == nil {
		return columnBox{}, false, false
	}
	out.printed = strings.Join(parts, "")
	if len(box)-i != k {
		return columnBox{}, true, false
	}
	for _, l := range box[i:] {
		t := strings.TrimSpace(l.Text)
		if layout.Classify(t, r.isUnit) != layout.Value || !plainCount.MatchString(t) {
			return columnBox{}, true, false
		}
		out.figures = append(out.figures, layout.Cell{Text: t, Raw: t, Line: l.N})
	}
	return out, true, true
}

// boxHead is the label lines that start box, trimmed.
func (r *reader) boxHead(box []source.Line) []string {
	var parts []string
	for _, l := range box {
		t := strings.TrimSpace(l.Text)
		if layout.Classify(t, r.isUnit) != layout.Label {
			break
		}
		parts = append(parts, t)
	}
	return parts
}
