package ingest

import (
	"strings"

	"github.com/gongkai/gongkai"
)

// line is one line of the source with its 1-based number.
type line struct {
	n    int
	page int // 1-based page of a paged source (PDF), 0 for others
	text string
}

// document is a report file read into numbered lines, as a text export of
// it would print them. A source whose table cells stand on lines of their
// own (an HTML page) also says, for the table row printed at each line,
// where each of its cells is, so that a figure cites its own cell.
type document struct {
	lines []line
	cells map[int][]sourceCell // by line number; nil for other sources
}

// sourceCell is a table cell of a source: its text and 1-based line.
type sourceCell struct {
	text string
	n    int
}

// joinText is the text of the document's lines, as the parser reads it.
func (d *document) joinText() string {
	parts := make([]string, len(d.lines))
	for i, l := range d.lines {
		parts[i] = l.text
	}
	return strings.Join(parts, "\n")
}

// splitLines numbers the lines of a text.
func splitLines(text string) []line {
	parts := strings.Split(text, "\n")
	out := make([]line, len(parts))
	for i, p := range parts {
		out[i] = line{n: i + 1, text: p}
	}
	return out
}

// cite moves each observation from the line of its row to the line of its
// own cell, when the document knows its cells. The cells of a row are taken
// in order, each once, so that equal figures in one row go to their own
// cells.
func cite(d *document, r *gongkai.Report) {
	if d == nil || d.cells == nil || r == nil {
		return
	}
	used := map[int][]bool{}
	for i := range r.Observations {
		o := &r.Observations[i]
		cells, ok := d.cells[o.Line]
		if !ok || o.Raw == "" {
			continue
		}
		u := used[o.Line]
		if u == nil {
			u = make([]bool, len(cells))
			used[o.Line] = u
		}
		for j, c := range cells {
			if !u[j] && strings.Trim(c.text, " \t") == o.Raw {
				u[j] = true
				o.Line = c.n
				break
			}
		}
	}
}
