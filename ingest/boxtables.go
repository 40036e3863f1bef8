package ingest

import (
	"slices"
	"strings"

	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// Text browsers (w3m -dump) and some text exports draw a table with
// box-drawing characters: a rule line (├──┼──┤) between rows, and a cell
// wrapped over as many lines as its column is narrow. A cell merged over
// rows (rowspan) has no rule under it: the rule line is blank across it
// (│    ├────┤), and the browser centres its text, so that its words stand
// in a later row than its first, or over several rows.
//
// boxTables reads such a table as the HTML reader reads the page: each
// row between two rules one pipe row, each cell's wrapped lines joined,
// a merged cell's text in the first row it spans and empty cells under
// it. The pipe row takes the number of the row's first line; the other
// lines of the table are left blank, so that every later line keeps its
// number.
func boxTables(lines []source.Line) []source.Line {
	var out []source.Line
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && boxLine(lines[j].Text) {
			j++
		}
		if !holdsCells(lines[i:j]) {
			out = append(out, lines[i:max(j, i+1)]...)
			i = max(j, i+1)
			continue
		}
		out = append(out, readBoxTable(lines[i:j])...)
		i = j
	}
	return out
}

// boxLine reports whether a line belongs to a box-drawn table: it starts
// and ends with a box-drawing character (│ a │, ├──┤, or a line part cells
// and part rule, │ 结 │    ├──┬──┤, under cells merged over rows).
func boxLine(text string) bool {
	r := []rune(strings.TrimSpace(text))
	return len(r) >= 2 && isBoxRune(r[0]) && isBoxRune(r[len(r)-1])
}

// holdsCells reports whether box lines part any cell: a rule alone
// (──────) is a line of decoration, left as it is.
func holdsCells(lines []source.Line) bool {
	for _, l := range lines {
		for _, s := range boxSegments(l.Text) {
			if !s.rule {
				return true
			}
		}
	}
	return false
}

// isBoxRune reports whether r is a box-drawing character (U+2500–U+257F).
func isBoxRune(r rune) bool { return r >= 0x2500 && r <= 0x257F }

// isRule reports whether r draws a horizontal rule.
func isRule(r rune) bool { return strings.ContainsRune("─━═╌╍┄┅┈┉", r) }

// boxSegment is what stands between two bars of a line of a box-drawn
// table: a cell's text, or a rule under a cell.
type boxSegment struct {
	x0, x1 int // display columns
	text   string
	rule   bool
}

// boxCell is a cell of a box-drawn table, open until a rule is drawn under
// it.
type boxCell struct {
	x0, x1 int
	text   string
	at     int // index of the line it opens on
}

// readBoxTable turns the lines of one box-drawn table into pipe rows: a
// row opens on each line where a cell opens; the cells still open from
// rows above (merged over rows) are empty cells of it.
func readBoxTable(lines []source.Line) []source.Line {
	out := make([]source.Line, len(lines))
	var open []*boxCell // cells with no rule under them yet, left to right
	rows := map[int][]*boxCell{}
	for i, l := range lines {
		out[i] = source.Line{N: l.N}
		segs := boxSegments(l.Text)
		byIndex := len(segs) == len(open) && !slices.ContainsFunc(segs, func(s boxSegment) bool { return s.rule })
		var opened []*boxCell
		for k, s := range segs {
			if s.rule {
				// A rule closes every cell above it, though junctions
				// (┬) part it where the row below has more cells.
				open = slices.DeleteFunc(open, func(c *boxCell) bool { return c.x0 < s.x1 && s.x0 < c.x1 })
				continue
			}
			if c := openCell(open, segs, k, byIndex); c != nil {
				c.text = joinWrapped(c.text, s.text)
				continue
			}
			opened = append(opened, &boxCell{x0: s.x0, x1: s.x1, text: s.text, at: i})
		}
		if opened == nil {
			continue
		}
		open = append(open, opened...)
		slices.SortFunc(open, func(a, b *boxCell) int { return a.x0 - b.x0 })
		rows[i] = slices.Clone(open)
	}
	for i, cells := range rows {
		texts := make([]string, len(cells))
		for k, c := range cells {
			if c.at == i {
				texts[k] = strings.ReplaceAll(c.text, "|", " ")
			}
		}
		out[i].Text = pipeRow(texts)
	}
	return out
}

// boxColumnSlack is how many display columns a bar may stand off from the
// bar above it and still part the same cell: exports that count the
// width of some characters their own way print bars a column off.
const boxColumnSlack = 1

// openCell returns the open cell segment k of a line goes on with: the one
// at the same place when the line prints as many cells as are open and no
// rule, else the one between the same bars.
func openCell(open []*boxCell, segs []boxSegment, k int, byIndex bool) *boxCell {
	if byIndex {
		return open[k]
	}
	s := segs[k]
	for _, c := range open {
		if abs(c.x0-s.x0) <= boxColumnSlack && abs(c.x1-s.x1) <= boxColumnSlack {
			return c
		}
	}
	return nil
}

func abs(x int) int { return max(x, -x) }

// boxSegments splits a line of a box-drawn table at its bars.
func boxSegments(text string) []boxSegment {
	var out []boxSegment
	x, start := 0, -1
	var b strings.Builder
	rule := false
	for _, r := range text {
		w := layout.DisplayWidth(string(r))
		switch {
		case isBoxRune(r) && !isRule(r):
			if start >= 0 && x > start {
				t := strings.TrimSpace(strings.ReplaceAll(b.String(), "\u3000", " "))
				out = append(out, boxSegment{x0: start, x1: x, text: t, rule: rule && t == ""})
			}
			b.Reset()
			start, rule = x+w, false
		case isRule(r):
			rule = true
		default:
			b.WriteRune(r)
		}
		x += w
	}
	return out
}

// joinWrapped joins the next line of a wrapped cell to its text: with no
// space where either side is Chinese, as a browser joins a wrapped line.
func joinWrapped(text, next string) string {
	switch {
	case next == "":
		return text
	case text == "":
		return next
	}
	last := []rune(text)[len([]rune(text))-1]
	first := []rune(next)[0]
	if layout.DisplayWidth(string(last)) == 2 || layout.DisplayWidth(string(first)) == 2 {
		return text + next
	}
	return text + " " + next
}
