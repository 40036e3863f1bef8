package ingest

import (
	"regexp"
	"strings"

	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// pandoc -t markdown prints a table it cannot print as a pipe table as a
// table of columns aligned under a rule of dashes, one run of dashes a
// column (------ ------ ------), closed by another rule. A cell too wide
// for its column wraps onto the next lines within the column; a page's
// styles come along as bracketed spans ([规章]{style="…font-size:14pt…"}),
// wrapped within their column too, their numbers no figures.
//
// pandocTables reads such a table by its columns: each line is cut where
// the rule's runs of dashes start (by display width, as pandoc pads), and
// a cell's pieces are joined. Rows are parted by blank lines where the
// table has any (a multiline table); otherwise a row ends on a line where
// every column's spans are closed (a simple table, one line a row, or a
// table of spans wrapped over lines). The spans' styles go, their words
// stay. Each row becomes a pipe row on the number of its first line, the
// table's other lines blank.

// dashRule is a line of runs of dashes parted by spaces.
var dashRule = regexp.MustCompile(`^\s*-{3,}(?: +-{3,})*\s*$`)

// bracketedSpan is pandoc's span with attributes: its words are kept.
var bracketedSpan = regexp.MustCompile(`\[([^\[\]]*)\]\{[^{}]*\}`)

func pandocTables(lines []source.Line) []source.Line {
	out := append([]source.Line(nil), lines...)
	for i := 0; i < len(out); i++ {
		cols := ruleColumns(out[i].Text)
		if len(cols) < 2 {
			continue
		}
		end := i + 1
		for end < len(out) && !dashRule.MatchString(out[end].Text) {
			end++
		}
		if end == len(out) || end == i+1 || !tableShaped(out[i+1:end], cols[0]) {
			continue
		}
		readPandocTable(out[i+1:end], cols)
		out[i].Text, out[end].Text = "", ""
		i = end
	}
	return out
}

// tableShaped reports whether the lines between two rules are a table's:
// pandoc indents a table, never a paragraph, so every line of a table
// with blank lines in it is indented as far as its first column; a table
// with no blank line is its lines between the rules.
func tableShaped(lines []source.Line, indent int) bool {
	for _, l := range lines {
		t := strings.TrimSpace(l.Text)
		switch {
		case t == "" && indent == 0:
			return false
		case t != "" && len(l.Text)-len(strings.TrimLeft(l.Text, " ")) < indent:
			return false
		}
	}
	return true
}

// ruleColumns returns the display column where each run of dashes of a
// rule starts; nil for any other line.
func ruleColumns(text string) []int {
	if !dashRule.MatchString(text) {
		return nil
	}
	var cols []int
	x := 0
	prev := ' '
	for _, r := range text {
		if r == '-' && prev != '-' {
			cols = append(cols, x)
		}
		prev = r
		x += layout.DisplayWidth(string(r))
	}
	return cols
}

// readPandocTable turns the lines between a table's rules into pipe rows,
// in place.
func readPandocTable(lines []source.Line, cols []int) {
	multiline := false
	for _, l := range lines {
		if strings.TrimSpace(l.Text) == "" {
			multiline = true
		}
	}
	start := -1
	var cells [][]string
	flush := func(end int) {
		if start < 0 {
			return
		}
		texts := make([]string, len(cols))
		for k := range cols {
			t := strings.Join(cells[k], "")
			for prev := ""; prev != t; {
				prev, t = t, bracketedSpan.ReplaceAllString(t, "$1")
			}
			texts[k] = strings.ReplaceAll(strings.TrimSpace(strings.ReplaceAll(t, "\u00a0", " ")), "|", " ")
		}
		for x := start; x < end; x++ {
			lines[x].Text = ""
		}
		lines[start].Text = pipeRow(texts)
		start = -1
	}
	for i, l := range lines {
		if strings.TrimSpace(l.Text) == "" {
			flush(i)
			continue
		}
		if start < 0 {
			start, cells = i, make([][]string, len(cols))
		}
		for k, piece := range cutColumns(l.Text, cols) {
			if piece = strings.TrimSpace(piece); piece != "" {
				cells[k] = append(cells[k], joinPiece(cells[k], piece))
			}
		}
		if !multiline && closedSpans(cells) {
			flush(i + 1)
		}
	}
	flush(len(lines))
}

// joinPiece is the next piece of a wrapped cell as it joins the pieces
// before: a space between words that are not Chinese.
func joinPiece(before []string, piece string) string {
	if len(before) == 0 {
		return piece
	}
	prev := before[len(before)-1]
	if joinWrapped(prev, piece) == prev+piece {
		return piece
	}
	return " " + piece
}

// closedSpans reports whether every cell's brackets and braces are closed.
func closedSpans(cells [][]string) bool {
	for _, c := range cells {
		t := strings.Join(c, "")
		if strings.Count(t, "[") != strings.Count(t, "]") || strings.Count(t, "{") != strings.Count(t, "}") {
			return false
		}
	}
	return true
}

// cutColumns cuts a line where the columns start, by display width; a
// character belongs to the column its first half stands in.
func cutColumns(text string, cols []int) []string {
	pieces := make([]string, len(cols))
	x, k := 0, 0
	for _, r := range text {
		for k+1 < len(cols) && x >= cols[k+1] {
			k++
		}
		if x >= cols[0] || k > 0 {
			pieces[k] += string(r)
		}
		x += layout.DisplayWidth(string(r))
	}
	return pieces
}
