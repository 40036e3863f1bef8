package legacy

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// A Word table printed with no column widths wraps the legacy table's
// label column a few characters a line: its header's 统计指标 as 统 计 /
// 指 标, each label as 一、主 / 动公开 / 情况, and (cells top-aligned) each
// row's unit and figure on the line of its label's first piece (`（一）
// 条  8` / `主动公` / `开政府` …), or in reading order after pieces of it.
// No line then names the header whole, nor prints a row's label whole
// beside its figure. The rows are rebuilt whole where the pieces show for
// certain which figure is whose (unwrapLabels, below); elsewhere the table
// is refused with the reason, at the header's first line, rather than read
// piece by piece into rows the pieces do not show.

// maxWrappedHeader is the length, in runes, of a header line wrapped in a
// narrow column: 统计 with the column heads beside it (统 计 单位 统计数).
const maxWrappedHeader = 12

// wrappedHeader is the index of the line that opens the legacy table's
// header wrapped over two lines (统计 / 指标, spaces aside), or -1.
func wrappedHeader(lines []source.Line) int {
	for i := 0; i+1 < len(lines); i++ {
		j := nextText(lines, i+1) // pdf2md parts the lines by blank ones
		if j < 0 {
			break
		}
		first := label.Squeeze(label.Fold(unmark(lines[i].Text)))
		second := label.Squeeze(label.Fold(unmark(lines[j].Text)))
		if strings.HasPrefix(first, "统计") && strings.HasPrefix(second, "指标") &&
			utf8.RuneCountInString(first) <= maxWrappedHeader && utf8.RuneCountInString(second) <= maxWrappedHeader {
			return i
		}
	}
	return -1
}

// nextText is the index of the first line from i on that prints text, or
// -1.
func nextText(lines []source.Line, i int) int {
	for ; i < len(lines); i++ {
		if source.Trim(unmark(lines[i].Text)) != "" {
			return i
		}
	}
	return -1
}

// wrappedReason is the reason a table whose header is wrapped is refused.
const wrappedReason = "the statistics table's label column is too narrow for its labels: its header (统计指标) and each row's label are wrapped a few characters a line, the figures beside a piece of the label, and the pieces do not show each row's figure for certain"

// A wrapped table is read again from its rows rebuilt whole, when the
// pieces show for certain where each row's label begins and which figure
// is its (unwrapLabels); otherwise it is refused with wrappedReason.
//
// Two shapes show it. Printed line by line (pdftotext -layout), the cells
// of a row are top-aligned with its label's first piece: 其中：    条   18 /
// 主动公 / 开规范 …; a row opens at a piece with cells, or at a piece
// beginning with a number of the form (一、, （二）, 3., 其中：), a heading
// when it prints no cell. Printed cell by cell (pdftotext -raw, pdf.js,
// PyMuPDF), a row's unit and figure follow all its label's pieces, on
// lines of their own: each closes the row whose pieces precede it, and
// those pieces part at the numbers of the form into the headings before it
// and its label. A table printing both shapes, a figure under a heading
// (the cells level with a label's middle line), or two figures a row (a
// cumulative column beside the annual one) is not rebuilt.

// numbered matches the start of a label piece that opens a row of the
// legacy form by its number: 一、, （二）, 3., 其中：.
var numbered = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]\D|其中[：:])`)

// plainFigure is a figure of the rebuilt table: digits, and decimals; no
// unit glued to it (a piece of label 1条 is no figure).
var plainFigure = regexp.MustCompile(`^\d+(?:\.\d+)?$`)

// maxPiece is the length, in runes, beyond which a line is no piece of a
// wrapped label: the text after the table.
const maxPiece = 8

// wrappedHeads are the words the header of a wrapped table may print
// beside 统计指标: the unit column's and the figure column's.
var wrappedHeads = map[string]bool{"单位": true, "计量单位": true, "统计数": true, "数量": true, "单": true, "位": true, "统计": true, "数": true}

// piece is a line of a wrapped table: its label's piece, and the unit and
// figure printed after it.
type piece struct {
	text, unit, figure string
	n                  int
}

func (p piece) cells() bool { return p.unit != "" || p.figure != "" }

// unwrapLabels rebuilds the lines of a legacy table whose header opens at
// lines[hdr] wrapped (统计 / 指标): one line per row, its label whole, its
// unit and figure after it. ok is false when the pieces do not show each
// row's label and figure for certain.
func unwrapLabels(lines []source.Line, hdr int, isUnit func(string) bool, m *matcher) ([]source.Line, bool) {
	exact := func(s string) bool { return m.place(label.Parse(s), -1, -1).score >= label.Exact }
	// The header: 统 计 (单位 统计数) / 指 标 (单位 统计数) / (单位) (统计数).
	i, seen := hdr, 0
	for ; i < len(lines); i++ {
		t := label.Squeeze(label.Fold(unmark(lines[i].Text)))
		if t == "" {
			continue
		}
		first := seen < 2
		seen++
		if first {
			t = strings.TrimPrefix(strings.TrimPrefix(t, "统计"), "指标")
		}
		if t != "" && !headWords(lines[i].Text, first) {
			if first {
				return nil, false // a column the rebuilt table would not name: 本年度, 累计
			}
			break
		}
	}
	var pieces []piece
	end := i
	for ; end < len(lines); end++ {
		t := source.Trim(unmark(lines[end].Text))
		if t == "" {
			continue
		}
		p, ok := splitPiece(t, isUnit)
		if !ok {
			return nil, false
		}
		if utf8.RuneCountInString(p.text) > maxPiece || layout.Footer.MatchString(label.Squeeze(label.Fold(t))) {
			break
		}
		if strings.Contains(p.text, "累计") || strings.Contains(p.text, "本年") || strings.Contains(p.text, "上年") {
			return nil, false // a column head of a local variant (本年度 / 历年累计) printed apart
		}
		p.n = lines[end].N
		pieces = append(pieces, p)
	}
	var rows []piece
	var ok bool
	switch besides, alone := shapes(pieces); {
	case besides > 0 && alone == 0:
		rows, ok = topAligned(pieces)
	case alone > 0:
		rows, ok = cellByCell(pieces, exact)
	}
	if !ok {
		return nil, false
	}
	for _, r := range rows {
		if r.unit != "" && r.figure == "" {
			// A unit with no figure: a blank cell, or a unit wrapped in its
			// narrow column (人 / 次 12, 万 59.58 / 元), which would read
			// the row blank or in a unit it does not print.
			return nil, false
		}
	}
	out := slices.Clip(lines[:hdr])
	out = append(out, source.Line{N: lines[hdr].N, Text: "统计指标  单位  统计数"})
	for _, r := range rows {
		text := r.text
		if r.cells() {
			text = strings.TrimSpace(text + "  " + r.unit + "  " + r.figure)
		}
		out = append(out, source.Line{N: r.n, Text: text})
	}
	return append(out, lines[end:]...), true
}

// headWords reports whether a line of a wrapped header prints only the
// column heads (单位, 统计数) and, on its first two lines (first), the
// pieces of 统计指标.
func headWords(text string, first bool) bool {
	for _, f := range strings.Fields(strings.ReplaceAll(label.Fold(unmark(text)), "\u3000", " ")) {
		if !wrappedHeads[f] && !(first && strings.Contains("统计指标", f)) {
			return false
		}
	}
	return true
}

// splitPiece parts a line of a wrapped table into its label's piece and
// the unit and figure after it. ok is false when the line ends with more
// than one figure.
func splitPiece(t string, isUnit func(string) bool) (piece, bool) {
	fields := strings.Fields(strings.ReplaceAll(label.Fold(t), "\u3000", " "))
	var p piece
	n := len(fields)
	if n > 0 && plainFigure.MatchString(fields[n-1]) {
		p.figure = fields[n-1]
		n--
	}
	if n > 0 && plainFigure.MatchString(fields[n-1]) {
		return p, false // two figures: columns the rebuilt table would not name
	}
	if n > 0 && isUnit(fields[n-1]) {
		p.unit = fields[n-1]
		n--
	}
	p.text = strings.Join(fields[:n], "")
	return p, true
}

// shapes counts the pieces that print cells beside a label's piece, and
// the lines of cells alone.
func shapes(pieces []piece) (besides, alone int) {
	for _, p := range pieces {
		switch {
		case p.cells() && p.text != "":
			besides++
		case p.cells():
			alone++
		}
	}
	return besides, alone
}

// topAligned rebuilds the rows of a table printed line by line, each row's
// cells on its label's first piece.
func topAligned(pieces []piece) ([]piece, bool) {
	var rows []piece
	for _, p := range pieces {
		if p.cells() || numbered.MatchString(p.text) || len(rows) == 0 {
			if p.cells() && p.unit == "" && !numbered.MatchString(p.text) && len(rows) > 0 && rows[len(rows)-1].figure != "" {
				// A figure with no unit, under a row's figure, beside a
				// piece no number opens: the end of that figure wrapped
				// in its narrow cell (万元 1524.7 / 政府信 4), not a row.
				return nil, false
			}
			if p.cells() && !numbered.MatchString(p.text) && len(rows) > 0 && !rows[len(rows)-1].cells() {
				// Cells on an unnumbered piece after a row printing none:
				// they may be that row's, level with its middle line.
				return nil, false
			}
			rows = append(rows, p)
			continue
		}
		rows[len(rows)-1].text += p.text
	}
	return rows, len(rows) > 0
}

// cellByCell rebuilds the rows of a table printed cell by cell: each
// row's unit and figure (on one line or two) after its label's pieces. A
// short label's first piece may print its cells beside it (涉及商 件 31 /
// 业秘密): the pieces after it, up to the next cells, are then its label's
// end and the next row's label, parted where both are labels of the form,
// and only one such part may be (exact).
func cellByCell(pieces []piece, exact func(string) bool) ([]piece, bool) {
	var rows []piece
	var pending []piece // pieces since the last cells
	open := -1          // the row a piece printing its cells opened, its label maybe going on
	for i := 0; i < len(pieces); i++ {
		p := pieces[i]
		if !p.cells() {
			pending = append(pending, p)
			continue
		}
		if p.text == "" && p.figure == "" && i+1 < len(pieces) && pieces[i+1].text == "" && pieces[i+1].unit == "" && pieces[i+1].figure != "" {
			p.figure, p.n = pieces[i+1].figure, pieces[i+1].n // 条 / 21
			i++
		}
		if p.text == "" && p.unit == "" && (i+1 >= len(pieces) || !numbered.MatchString(pieces[i+1].text)) {
			// A figure with no unit, a row number after it: else it may be
			// a piece of label (计 / 1 / 条）).
			return nil, false
		}
		k, ok := wrappedEnd(rows, open, pending, p.text == "", exact)
		if !ok {
			return nil, false
		}
		if k > 0 {
			rows[open].text += joinPieces(pending[:k]).text
		}
		heads := segments(pending[k:])
		if p.text == "" {
			if len(heads) == 0 {
				return nil, false // cells under no label
			}
			row := heads[len(heads)-1]
			row.unit, row.figure, row.n = p.unit, p.figure, p.n
			rows = append(append(rows, heads[:len(heads)-1]...), row)
			open = -1
			if !exact(row.text) {
				open = len(rows) - 1 // 涉及商 / 件 / 31 / 业秘密: it may go on
			}
		} else {
			if len(heads) > 0 && (!numbered.MatchString(heads[0].text) || !numbered.MatchString(p.text)) {
				// The pieces before are no heading of the form, or the
				// cells may be theirs, level with their label's middle
				// line: no row of the form without a number follows a
				// heading.
				return nil, false
			}
			rows = append(append(rows, heads...), p)
			open = len(rows) - 1
		}
		pending = nil
	}
	k, ok := wrappedEnd(rows, open, pending, false, exact)
	if !ok {
		return nil, false
	}
	if k > 0 {
		rows[open].text += joinPieces(pending[:k]).text
	}
	rows = append(rows, segments(pending[k:])...)
	return rows, len(rows) > 0
}

// wrappedEnd is how many of the pieces pending, printed after the row
// rows[open] whose cells its first piece printed, end its label; the rest
// are headings and, when label, the label of the next cells. With no such
// row, none. When label, the parts are tried where both are labels of the
// form (exact; the row left as it is need not be), and only one such part
// may be; else the pieces up to the
// first numbered one end the row (the next cells print their own label's
// piece, or there are none).
func wrappedEnd(rows []piece, open int, pending []piece, label bool, exact func(string) bool) (int, bool) {
	if open < 0 || len(pending) == 0 {
		return 0, true
	}
	first := slices.IndexFunc(pending, func(p piece) bool { return numbered.MatchString(p.text) })
	if first < 0 {
		first = len(pending)
	}
	if !label || first == 0 {
		return first, true
	}
	found := -1
	for k := 0; k <= first && k < len(pending); k++ {
		heads := segments(pending[k:])
		if len(heads) > 1 && !numbered.MatchString(heads[0].text) {
			continue // a heading with no number: the row's label goes on
		}
		if (k == 0 || exact(rows[open].text+joinText(pending[:k]))) && exact(heads[len(heads)-1].text) {
			if found >= 0 {
				return 0, false
			}
			found = k
		}
	}
	return found, found >= 0
}

// segments parts pieces into labels at the numbers of the form.
func segments(ps []piece) []piece {
	var out []piece
	open := 0
	for k, q := range ps {
		if k > 0 && numbered.MatchString(q.text) {
			out = append(out, joinPieces(ps[open:k]))
			open = k
		}
	}
	if open < len(ps) {
		out = append(out, joinPieces(ps[open:]))
	}
	return out
}

// joinText is the text of pieces run together.
func joinText(ps []piece) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.text)
	}
	return b.String()
}

// joinPieces is one piece of a label's pieces, at the first's line.
func joinPieces(ps []piece) piece {
	j := piece{n: ps[0].n}
	for _, p := range ps {
		j.text += p.text
	}
	return j
}

// unmark is a line without the heading marks pdf2md prints before each
// line of a table it does not see (## 动公开).
func unmark(text string) string {
	if t := strings.TrimLeft(text, "#"); len(t) < len(text) && strings.HasPrefix(t, " ") {
		return t
	}
	return text
}
