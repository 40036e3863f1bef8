package form

import (
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// Word prints table 2's block label and the first cell of its header in a
// narrow column, a few characters a line, and pdftotext -layout keeps the
// lines:
//
//	第二十
//	条第
//	（一）
//	项
//	信息内      本年制   本年废      现行有
//	容          发件数   止件数      效件数
//
// No piece names the block or opens its header, so the block's columns go
// unread and its label's pieces run into a row's. joinWrappedHeads joins
// the pieces back, only where the pieces that open consecutive lines, each
// at the column of the first, spell exactly one of these cells: the
// first piece's line takes the whole cell, and the pieces after it are
// blanked (a line left with nothing is dropped). What else the lines print
// keeps its place, so a header wrapped the same way still stacks by column.

// wrappedHeads are the cells joined, folded (label.Fold) and without
// spaces: 第二十条第（X）项 as the forms print it, with or without its
// second 第 and its brackets, and 信息内容.
var wrappedHeads = func() []string {
	heads := []string{"信息内容"}
	for _, n := range []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"} {
		for _, start := range []string{"第二十条第", "第二十条"} {
			for _, open := range []string{"(", ""} {
				for _, shut := range []string{")", ""} {
					heads = append(heads, start+open+n+shut+"项")
				}
			}
		}
	}
	return heads
}()

// maxHeadPieces bounds the lines one cell is wrapped over.
const maxHeadPieces = 6

// leadPiece is the text a line opens with, up to two spaces, and where it
// starts (its byte offset, which is its column: only spaces precede it);
// ok is false for a pipe row or an empty line.
func leadPiece(text string) (piece string, start int, ok bool) {
	if strings.HasPrefix(strings.TrimSpace(text), "|") {
		return "", 0, false
	}
	start = len(text) - len(strings.TrimLeft(text, " "))
	rest := text[start:]
	if rest == "" {
		return "", 0, false
	}
	end := strings.Index(rest, "  ")
	if end < 0 {
		end = len(rest)
	}
	return strings.TrimRight(rest[:end], " "), start, true
}

// headPrefix reports whether s, folded and without its spaces, is a start
// of one of the wrapped heads, and the head it completes, if any.
func headPrefix(s string) (prefix bool, whole string) {
	s = label.Squeeze(label.Fold(s))
	if s == "" {
		return false, ""
	}
	for _, h := range wrappedHeads {
		if h == s {
			return true, h
		}
		if strings.HasPrefix(h, s) {
			prefix = true
		}
	}
	return prefix, ""
}

// joinWrappedHeads joins the wrapped block labels of table 2 and the
// pieces of 信息内容 in text that keeps the table's columns (see above).
func joinWrappedHeads(lines []source.Line) []source.Line {
	var out []source.Line
	for i := 0; i < len(lines); i++ {
		first, start, ok := leadPiece(lines[i].Text)
		if prefix, whole := headPrefix(first); !ok || !prefix || whole != "" {
			out = append(out, lines[i])
			continue
		}
		acc, end, whole := first, -1, ""
		for j := i + 1; j < len(lines) && j-i < maxHeadPieces; j++ {
			p, c, ok := leadPiece(lines[j].Text)
			if !ok || c != start {
				break
			}
			prefix, w := headPrefix(acc + p)
			if !prefix {
				break
			}
			acc = acc + p
			if w != "" {
				end, whole = j, w
				break
			}
		}
		if end < 0 || !columned(lines, i, end) {
			out = append(out, lines[i])
			continue
		}
		head := lines[i]
		head.Text = widen(lines[i].Text, start, first, whole)
		out = append(out, head)
		for j := i + 1; j <= end; j++ {
			p, s, _ := leadPiece(lines[j].Text)
			rest := lines[j].Text[:s] + strings.Repeat(" ", layout.DisplayWidth(p)) + lines[j].Text[s+len(p):]
			if strings.TrimSpace(rest) != "" {
				l := lines[j]
				l.Text = rest
				out = append(out, l)
			}
		}
		i = end
	}
	return out
}

// columned reports whether the lines of a wrapped cell, first to end,
// stand in a text that keeps the table's columns (-layout): the line of
// the cell's first piece, or else the line after its last, prints other
// cells beside it. Plain pdftotext prints each cell on lines of its own,
// in an order that may put a row's figures before its label; joining
// the block's heading there would read rows this joining is not about.
func columned(lines []source.Line, first, end int) bool {
	for _, i := range []int{first, end + 1} {
		if i < len(lines) {
			if p, _, ok := leadPiece(lines[i].Text); ok && strings.TrimSpace(lines[i].Text) != p {
				return true
			}
		}
	}
	return false
}

// widen puts whole in place of the piece at start of text, taking the
// extra width from the spaces after it, so that the cells after it keep
// their columns.
func widen(text string, start int, piece, whole string) string {
	after := text[start+len(piece):]
	if strings.TrimSpace(after) == "" {
		return text[:start] + whole
	}
	spaces := len(after) - len(strings.TrimLeft(after, " "))
	extra := layout.DisplayWidth(whole) - layout.DisplayWidth(piece)
	if spaces-extra < 2 {
		// Too close to keep the next cell's column: it moves right, still
		// a cell apart.
		return text[:start] + whole + "  " + after[spaces:]
	}
	return text[:start] + whole + after[extra:]
}

// joinWrappedLabels does the same for a row of table 2 whose label Word
// wrapped in its narrow cell with the text set at the cell's top: the
// figures print on the label's first line, the rest of the label on lines
// of its own below (行政规 7 33 2 / 范性文 / 件). The lines are joined only
// when the pieces, each at the first's column and each alone on its line,
// spell exactly the wording of a row of table 2, which the first piece
// alone is not: the figures beside the first piece are that row's, as no
// row's cells can share a line with the start of the next row's label.
func (r *reader) joinWrappedLabels(lines []source.Line) []source.Line {
	var out []source.Line
	for i := 0; i < len(lines); i++ {
		first, start, ok := leadPiece(lines[i].Text)
		if !ok || r.proactiveWording(first) || strings.TrimSpace(lines[i].Text) == first {
			out = append(out, lines[i])
			continue
		}
		acc, end := first, -1
		for j := i + 1; j < len(lines) && j-i < maxHeadPieces; j++ {
			p, c, ok := leadPiece(lines[j].Text)
			if !ok || c != start || strings.TrimSpace(lines[j].Text) != p {
				break
			}
			acc += p
			if r.proactiveWording(acc) {
				end = j
				break
			}
		}
		if end < 0 {
			out = append(out, lines[i])
			continue
		}
		head := lines[i]
		head.Text = widen(lines[i].Text, start, first, acc)
		out = append(out, head)
		i = end
	}
	return out
}

// proactiveWording reports whether text is worded exactly as a row of
// table 2 in either form.
func (r *reader) proactiveWording(text string) bool {
	key := label.Key(text)
	if key == "" {
		return false
	}
	for _, row := range r.s.rows[tableProactive] {
		if row.group {
			continue
		}
		for _, k := range row.keys {
			if k == key {
				return true
			}
		}
	}
	return false
}
