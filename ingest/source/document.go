// Package source holds what every source reader produces: a report file as
// a document of numbered lines, the lines a text export of it would print,
// and for sources whose table cells have places of their own, where each
// cell is, so that a figure can cite it. The readers of each format live in
// the packages below (text, html, docx); this package imports none of them.
package source

import (
	"strings"
)

// Line is one line of a document.
type Line struct {
	N    int    // 1-based number: the source line, paragraph or row it was read from
	Page int    // 1-based page of a paged source (PDF), 0 for others
	Text string // as printed; a table row is a pipe row (| a | b |)
}

// Document is a report file read into numbered lines, as a text export of
// it would print them. A source whose table cells stand on lines of their
// own (an HTML page) also says, for the table row printed at each line,
// where each of its cells is, so that a figure cites its own cell.
type Document struct {
	Lines []Line
	Cells map[int][]Cell // by line number; nil for other sources
}

// Cell is a table cell of a source: its text and the 1-based number of the
// line (source line) its text starts on.
type Cell struct {
	Text string
	N    int
}

// Text is the text of the document's lines, as the parser reads it.
func (d *Document) Text() string {
	parts := make([]string, len(d.Lines))
	for i, l := range d.Lines {
		parts[i] = l.Text
	}
	return strings.Join(parts, "\n")
}

// SplitLines numbers the lines of a text.
func SplitLines(text string) []Line {
	parts := strings.Split(text, "\n")
	out := make([]Line, len(parts))
	for i, p := range parts {
		out[i] = Line{N: i + 1, Text: p}
	}
	return out
}

// AddText appends the lines of text, the first numbered n, leaving out
// blank ones, and returns the number of the line its end stands on.
func (d *Document) AddText(text string, n int) int {
	for i, s := range strings.Split(text, "\n") {
		if strings.TrimSpace(s) != "" {
			d.Lines = append(d.Lines, Line{N: n + i, Text: s})
		}
	}
	return n + strings.Count(text, "\n")
}

// AddShifted appends the lines and cells of part, a document read from a
// piece of a file that starts after line offset of it: each number is
// shifted by offset.
func (d *Document) AddShifted(part *Document, offset int) {
	for _, l := range part.Lines {
		l.N += offset
		d.Lines = append(d.Lines, l)
	}
	if part.Cells == nil {
		return
	}
	if d.Cells == nil {
		d.Cells = map[int][]Cell{}
	}
	for n, cells := range part.Cells {
		shifted := make([]Cell, len(cells))
		for i, c := range cells {
			shifted[i] = Cell{Text: c.Text, N: c.N + offset}
		}
		d.Cells[n+offset] = shifted
	}
}
