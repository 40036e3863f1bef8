// Package pdf reads a PDF report's text layer into numbered lines: the
// narrative as plain lines and each statistics table as pipe rows
// (`| label cells | v1 | v2 | … |`), one cell per column of figures, as a
// text export of the report would read.
//
// The engine is pdfium compiled to WebAssembly and run by wazero
// (github.com/klippa-app/go-pdfium): pure Go, no cgo, and the text of CJK
// PDFs with each character's position. It is started once per process, on
// first use, and shared by concurrent callers.
package pdf

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/width"
)

// Line is one line of the extracted text: its number in the text (from 1),
// the page it is printed on (from 1) and its text.
type Line struct {
	N, Page int
	Text    string
}

// ErrNoText is returned for a PDF whose pages carry no characters: a scan.
var ErrNoText = errors.New("the PDF has no text layer: it looks like a scanned image; OCR it first")

// Read extracts the text of a PDF within DefaultLimits.
func Read(data []byte) ([]Line, error) { return ReadLimited(data, DefaultLimits) }

// ReadLimited extracts the text of a PDF within lim. It fails for a PDF
// that is broken or encrypted, that exceeds a limit (the error names it),
// or that has no text layer (ErrNoText).
func ReadLimited(data []byte, lim Limits) ([]Line, error) {
	pages, err := extract(data, lim)
	if err != nil {
		return nil, err
	}
	var lines []textLine
	var rules []rule
	var walls []wall
	top, glyphs := 0.0, 0
	for _, p := range pages {
		glyphs += len(p.glyphs)
		lines = append(lines, dropPageNumbers(layout(p, top), p, top)...)
		for _, r := range p.rules {
			rules = append(rules, rule{x0: r.x0, x1: r.x1, y: r.y + top})
		}
		for _, w := range p.walls {
			walls = append(walls, wall{x: w.x, y0: w.y0 + top, y1: w.y1 + top})
		}
		top += p.height + pageSpacing
	}
	if glyphs == 0 {
		return nil, fmt.Errorf("%w (%d pages, no characters)", ErrNoText, len(pages))
	}
	return text(lines, rules, walls), nil
}

// text is the document's lines, its tables found among them and printed
// as pipe rows.
func text(lines []textLine, rules []rule, walls []wall) []Line {
	var out []Line
	emit := func(page int, text string) {
		out = append(out, Line{N: len(out) + 1, Page: page, Text: text})
	}
	for _, it := range tables(lines, rules, walls) {
		if it.table != nil {
			it.table.render(emit)
			continue
		}
		emit(it.line.page, joinCells(it.line.cells, " "))
	}
	return out
}

// pageSpacing separates pages in the document's vertical coordinate, so
// that nothing on one page is near anything on the next.
const pageSpacing = 1000

// pageMargin is the share of the page height at the top and at the bottom
// where page numbers are printed.
const pageMargin = 0.15

// pageNumber matches the page numbers reports print: -3-, — 4 —, 第 3 页,
// 第3页 共5页, 3/5, or a bare number.
var pageNumber = regexp.MustCompile(`^[-—–－―\s]*\d+[-—–－―\s]*$|^第\s*\d+\s*页(\s*[，,]?\s*共\s*\d+\s*页)?$|^\d+\s*/\s*\d+$`)

// dropPageNumbers removes the lines that are only a page number: one cell
// in the page's top or bottom margin. A line of several figures there is a
// table row.
func dropPageNumbers(lines []textLine, p page, top float64) []textLine {
	out := lines[:0]
	for _, l := range lines {
		y := l.y - top
		margin := y < pageMargin*p.height || y > (1-pageMargin)*p.height
		if margin && len(l.cells) == 1 && pageNumber.MatchString(width.Fold.String(strings.TrimSpace(l.cells[0].text))) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// item is a plain line or a table, in reading order.
type item struct {
	line  textLine
	table *table
}

// tables finds the tables among the lines: runs of lines ending with
// figures that share columns, with the label lines between them. A table
// broken by a page break continues when its rows fit its columns and at
// most a repeat of its header is printed between.
func tables(lines []textLine, rules []rule, walls []wall) []item {
	var items []item
	var cur *table
	var pending []textLine
	// finish closes the open table with the label lines read since its
	// last row; those too far below it follow it as plain lines.
	finish := func() {
		if cur == nil {
			return
		}
		cur.body = append(cur.body, pending...)
		pending = nil
		cur.close()
		items = append(items, item{table: cur})
		items = append(items, itemsOf(cur.after)...)
		cur = nil
	}
	for _, l := range lines {
		k := valueStart(l)
		switch {
		case k >= 0 && cur != nil && cur.fits(l, k):
			cur.body = append(cur.body, pending...)
			pending = nil
			cur.addRow(l, k)
		case k >= 0:
			finish()
			if prev, labels := continued(items, pending, l, k); prev != nil {
				items = items[:len(items)-1-len(prev.after)]
				prev.body, prev.after = append(prev.body, labels...), nil
				cur, pending = prev, nil
			} else {
				cur = &table{before: pending, rules: rules, walls: walls}
				pending = nil
			}
			cur.addRow(l, k)
		case cur != nil && cur.inLabelArea(l):
			pending = append(pending, l)
		default:
			finish()
			pending = append(pending, l)
		}
	}
	finish()
	out := make([]item, 0, len(items)+len(pending))
	for _, it := range items {
		if it.table != nil {
			out = append(out, itemsOf(it.table.before)...)
		}
		out = append(out, it)
	}
	return append(out, itemsOf(pending)...)
}

func itemsOf(lines []textLine) []item {
	out := make([]item, len(lines))
	for i, l := range lines {
		out[i] = item{line: l}
	}
	return out
}

// continued returns the table that the line of figures l continues over a
// page break: the last item is a table on the page before (and the lines
// that followed it), l's figures fit its columns, and the lines between
// are a repeat of its header, nothing, or labels printed beside its rows
// on l's page (a row's label wrapped over the break, the labels of the
// page's first row centred above its figures), returned to join its body.
func continued(items []item, between []textLine, l textLine, k int) (*table, []textLine) {
	prev := lastTable(items)
	if prev == nil {
		return nil, nil
	}
	last := prev.rows[len(prev.rows)-1].line
	if l.page != last.page+1 || !prev.fits(l, k) {
		return nil, nil
	}
	if labels := append(slices.Clone(prev.after), between...); len(labels) > 0 && prev.beside(labels, l.page) {
		return prev, labels
	}
	if len(prev.after) > 0 {
		return nil, nil
	}
	if len(between) == 0 {
		return prev, nil
	}
	repeat := &table{before: between, rows: []*row{{line: l}}, cols: prev.cols}
	repeat.takeHeader()
	if len(repeat.before) > 0 || len(repeat.header) == 0 {
		return nil, nil
	}
	if !slices.Equal(repeat.columnHeaders(), prev.columnHeaders()) {
		return nil, nil
	}
	return prev, nil
}

// lastTable is the table that items end with, followed by the lines after
// it, or nil.
func lastTable(items []item) *table {
	for i := len(items) - 1; i >= 0; i-- {
		if t := items[i].table; t != nil {
			if len(items)-1-i != len(t.after) {
				return nil
			}
			return t
		}
	}
	return nil
}

// beside reports whether the lines are all on page and end left of the
// table's figures: labels of its rows, not a heading or narrative that
// would end the table.
func (t *table) beside(lines []textLine, page int) bool {
	for _, l := range lines {
		if l.page != page {
			return false
		}
		for _, c := range l.cells {
			if c.x1 > t.cols[0].left {
				return false
			}
		}
	}
	return true
}
