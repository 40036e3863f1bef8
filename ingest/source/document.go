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
