package ingest

import (
	"regexp"
	"strings"
)

// cell is one table cell as found in the text.
type cell struct {
	text     string // as printed, wrapped lines joined, space around trimmed
	raw      string // as printed, only ASCII space around trimmed
	line     int    // 1-based line of its first character
	rowStart bool   // the layout says a new table row begins here
	glued    bool   // figures printed with no separator after a label (规章555)
	spaced   bool   // split at spaces: the layout does not show blank cells
	x0, x1   int    // display columns of a space-split cell, -1 when unknown
	idx      int    // position in its row of a pipe or tab layout, -1 when unknown
}

// cellSplitter turns the lines of a table into cells. Tables come in four
// layouts: one cell per line (a doc-to-text export, where a line that starts
// with a tab begins a cell and other lines continue it), rows of
// tab-separated cells, markdown pipe tables, and columns aligned with runs of
// spaces. Every layout is read by the same rules: a line is split at pipes,
// tabs or runs of two or more spaces; in tab-led files a line that does not
// start with a tab continues the cell before it.
type cellSplitter struct {
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
	separatorRow = regexp.MustCompile(`^[\s|:：\-—=+]+$`)
	spaceRun     = regexp.MustCompile(`[ \x{3000}]{2,}`)
)

// detectLayout decides whether lines are tab-led cells: most non-blank lines
// start with a tab and hold no further tab or pipe.
func detectLayout(lines []line) cellSplitter {
	led, other := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			continue
		}
		if strings.HasPrefix(l.text, "\t") && !strings.ContainsAny(strayPipe.ReplaceAllString(strings.TrimLeft(l.text, "\t"), ""), "\t|") {
			led++
		} else {
			other++
		}
	}
	return cellSplitter{tabLed: led > 0 && led >= other}
}

// split returns the cells of lines in order.
func (s cellSplitter) split(lines []line) []cell {
	var cells []cell
	for _, l := range lines {
		if s.tabLed {
			cells = s.tabLedLine(cells, l)
			continue
		}
		cells = append(cells, splitLine(l)...)
	}
	return cells
}

func (s cellSplitter) tabLedLine(cells []cell, l line) []cell {
	text := strayPipe.ReplaceAllString(l.text, "")
	if strings.HasPrefix(text, "\t") {
		// A tab-only line is an empty cell; a blank line is nothing.
		return append(cells, newCell(text[1:], l.n, false))
	}
	t := trimCell(text)
	if t == "" {
		return cells
	}
	if n := len(cells); n > 0 {
		if cells[n-1].text == "" {
			cells[n-1].line = l.n
		}
		cells[n-1].text += t
		cells[n-1].raw += t
		return cells
	}
	return append(cells, newCell(t, l.n, false))
}

// splitLine splits one line of a row-per-line layout.
func splitLine(l line) []cell {
	t := strings.TrimRight(boxRules.Replace(l.text), " \t\u3000")
	if strings.TrimSpace(t) == "" || separatorRow.MatchString(t) && strings.ContainsAny(t, "-—=") {
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
		parts = spaceRun.Split(trimCell(t), -1)
	}
	// A line of one cell may be a row or part of a wrapped one: only a line
	// with separators says for sure that a row starts.
	cells := make([]cell, 0, len(parts))
	for i, p := range parts {
		c := newCell(p, l.n, i == 0 && len(parts) > 1)
		if len(parts) > 1 {
			c.idx = i
		}
		cells = append(cells, c)
	}
	return cells
}

func newCell(text string, n int, rowStart bool) cell {
	return cell{text: trimCell(text), raw: strings.Trim(text, " \t"), line: n, rowStart: rowStart, x0: -1, x1: -1, idx: -1}
}

// strayPipe matches the pipe some exports print after each cell of a
// one-cell-per-line layout ("\t规章 |").
var strayPipe = regexp.MustCompile(`[ \t]*\|[ \t]*$`)
