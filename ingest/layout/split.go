// Package layout turns the lines of a table into cells, whatever layout the
// export that made the text used: one cell per line (led by tabs or not),
// tab-separated rows, markdown pipe tables, tables drawn with box-drawing
// characters, columns aligned with spaces, cells parted by single spaces,
// figures glued to their labels (规章555). Classify tells what a cell
// holds: a figure, a unit, a label, or nothing.
package layout

import (
	"regexp"
	"strings"

	"github.com/gongkai/gongkai/ingest/source"
)

// Cell is one table cell as found in the text.
type Cell struct {
	Text     string // as printed, wrapped lines joined, space around trimmed
	Raw      string // as printed, only ASCII space around trimmed
	Line     int    // 1-based line of its first character
	RowStart bool   // the layout says a new table row begins here
	Glued    bool   // figures printed with no separator after a label (规章555)
	Split    bool   // cut from such a run by the only split the form's arithmetic admits
	Spaced   bool   // split at spaces: the layout does not show blank cells
	X0, X1   int    // display columns of a space-split cell, -1 when unknown
	Idx      int    // position in its row of a pipe or tab layout, -1 when unknown
}

// Splitter turns the lines of a table into cells. Tables come in four
// layouts: one cell per line (a doc-to-text export, where a line that starts
// with a tab begins a cell and other lines continue it), rows of
// tab-separated cells, markdown pipe tables, and columns aligned with runs of
// spaces. Every layout is read by the same rules: a line is split at pipes,
// tabs or runs of two or more spaces; in tab-led files a line that does not
// start with a tab continues the cell before it.
type Splitter struct {
	tabLed bool // one cell per line, each led by a tab
}

// boxRules turns the rules of tables drawn with box-drawing characters (as
// text exports of Word and PDF draw them) and full-width bars into the pipes
// and dashes of a markdown or grid table.
var boxRules = strings.NewReplacer(
	"│", "|", "┃", "|", "║", "|", "｜", "|",
	"─", "-", "━", "-", "═", "=",
	"┌", "+", "┐", "+", "└", "+", "┘", "+", "├", "+", "┤", "+", "┬", "+", "┴", "+", "┼", "+",
	"╔", "+", "╗", "+", "╚", "+", "╝", "+", "╠", "+", "╣", "+", "╦", "+", "╩", "+", "╬", "+",
)

var (
	SeparatorRow = regexp.MustCompile(`^[\s|:：\-—=+]+$`)
	spaceRun     = regexp.MustCompile(`[ \x{3000}]{2,}`)
)

// Detect decides whether lines are tab-led cells: most non-blank lines
// start with a tab and hold no further tab or pipe.
func Detect(lines []source.Line) Splitter {
	led, other := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l.Text) == "" {
			continue
		}
		if strings.HasPrefix(l.Text, "\t") && !strings.ContainsAny(strayPipe.ReplaceAllString(strings.TrimLeft(l.Text, "\t"), ""), "\t|") {
			led++
		} else {
			other++
		}
	}
	return Splitter{tabLed: led > 0 && led >= other}
}

// Split returns the cells of lines in order.
func (s Splitter) Split(lines []source.Line) []Cell {
	var cells []Cell
	for _, l := range lines {
		if s.tabLed {
			cells = s.tabLedLine(cells, l)
			continue
		}
		cells = append(cells, SplitLine(l)...)
	}
	return cells
}

func (s Splitter) tabLedLine(cells []Cell, l source.Line) []Cell {
	text := strayPipe.ReplaceAllString(l.Text, "")
	if strings.HasPrefix(text, "\t") {
		// A tab-only line is an empty cell; a blank line is nothing.
		return append(cells, newCell(text[1:], l.N, false))
	}
	t := source.Trim(text)
	if t == "" {
		return cells
	}
	if n := len(cells); n > 0 {
		if cells[n-1].Text == "" {
			cells[n-1].Line = l.N
		}
		cells[n-1].Text += t
		cells[n-1].Raw += t
		return cells
	}
	return append(cells, newCell(t, l.N, false))
}

// SplitLine splits one line of a row-per-line layout.
func SplitLine(l source.Line) []Cell {
	t := strings.TrimRight(boxRules.Replace(l.Text), " \t\u3000")
	if strings.TrimSpace(t) == "" || SeparatorRow.MatchString(t) && strings.ContainsAny(t, "-—=") {
		return nil
	}
	var parts []string
	switch {
	case strings.Contains(t, "|"):
		t = strings.TrimSpace(t)
		t = strings.TrimPrefix(t, "|")
		t = strings.TrimSuffix(t, "|")
		parts = strings.Split(t, "|")
	case strings.Contains(strings.TrimLeft(t, "\t"), "\t"):
		parts = strings.Split(strings.TrimLeft(t, "\t"), "\t")
	default:
		parts = spaceRun.Split(source.Trim(t), -1)
	}
	// A line of one cell may be a row or part of a wrapped one: only a line
	// with separators says for sure that a row starts.
	cells := make([]Cell, 0, len(parts))
	for i, p := range parts {
		c := newCell(p, l.N, i == 0 && len(parts) > 1)
		if len(parts) > 1 {
			c.Idx = i
		}
		cells = append(cells, c)
	}
	return cells
}

func newCell(text string, n int, rowStart bool) Cell {
	return Cell{Text: source.Trim(text), Raw: strings.Trim(text, " \t"), Line: n, RowStart: rowStart, X0: -1, X1: -1, Idx: -1}
}

// strayPipe matches the pipe some exports print after each cell of a
// one-cell-per-line layout ("\t规章 |").
var strayPipe = regexp.MustCompile(`[ \t]*\|[ \t]*$`)
