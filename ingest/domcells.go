package ingest

import (
	"regexp"
	"strings"

	"github.com/gongkai/gongkai/ingest/source"
)

// A page's text taken with the markup's line breaks and indentation kept
// (a DOM's textContent as saved, .domtext.txt) prints each cell of a table
// row on a line of its own at the row's indentation, between lines that
// hold the indentation alone (the markup's breaks around <td> and <p>):
//
//	      一、本年新收政府信息公开申请数量
//	      (indentation alone)
//	      (indentation alone)
//	      26
//	      (indentation alone)
//	      (indentation alone)
//	      ␣          <- the cell <o:p> </o:p>: the indentation and a space
//	      …
//
// A cell a report leaves blank but fills with a space (<o:p> </o:p>,
// &nbsp;) prints the indentation followed by whitespace: the trace of an
// empty cell, which the run of cells would lose once blank lines are
// dropped. domCellRows joins such a row into one line of tab-parted cells,
// the empty cells kept, on the label's line number, the other lines left
// blank: the table's reader then places each figure under its column by
// its place in the row, and refuses a row whose cells are fewer or more
// than the columns (an empty cell that printed nothing, <td></td>, is no
// trace, and such a row stays as it was read before).
//
// A row is taken only when its cells are texts, then counts and empty
// cells, at least one empty: the last text is the row's label (the texts
// before it, a cell merged over rows or a label's first line, stay lines
// of their own, as the reader reads any label's pieces); a row of figures
// alone is read as it is, and a text after the figures leaves the run
// alone.

// domCellRows returns lines with each such row joined.
func domCellRows(lines []source.Line) []source.Line {
	var out []source.Line
	for i := 0; i < len(lines); i++ {
		indent := leadingSpaces(lines[i].Text)
		if indent == "" || strings.TrimSpace(lines[i].Text) == "" || domCount.MatchString(strings.TrimSpace(lines[i].Text)) {
			continue
		}
		cells := []string{strings.TrimSpace(lines[i].Text)}
		empty, counts := 0, 0
		end := i + 1
		text := false
		for ; end < len(lines); end++ {
			l := lines[end].Text
			if !strings.HasPrefix(l, indent) {
				break
			}
			rest := l[len(indent):]
			if rest == "" {
				continue // the markup's break alone
			}
			if rest[0] == ' ' && strings.TrimSpace(rest) != "" {
				break // a deeper line: no cell of this row
			}
			cell := strings.TrimSpace(rest)
			switch {
			case cell == "":
				empty++
			case domCount.MatchString(cell):
				counts++
			case empty+counts == 0:
				// Text before any figure or empty cell: the cell before
				// was a cell merged over rows (三、本年度办理结果) or a
				// label's first line, which stays a line of its own;
				// the last text is the row's label.
				i, cells = end, []string{cell}
				continue
			default:
				text = true
			}
			cells = append(cells, cell)
		}
		if text || empty == 0 || counts == 0 {
			// A text after the figures: no row of a label and its
			// cells; the run opens no other.
			i = end - 1
			continue
		}
		if out == nil {
			out = append([]source.Line(nil), lines...)
		}
		for x := i; x < end; x++ {
			out[x].Text = ""
		}
		out[i].Text = strings.Join(cells, "\t")
		i = end - 1
	}
	if out == nil {
		return lines
	}
	return out
}

// domCount is a count as a cell prints it.
var domCount = regexp.MustCompile(`^[0-9]+$`)

// leadingSpaces is the run of spaces a line opens with.
func leadingSpaces(text string) string {
	return text[:len(text)-len(strings.TrimLeft(text, " "))]
}
