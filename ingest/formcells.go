package ingest

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// formCells: on top of the legacy layouts (one cell per line led by a tab, tab-separated
// rows, pipe tables) it reads rows whose cells are separated by spaces, one
// or many (their display positions are kept so that a figure can be put
// under its header when blank cells leave no trace), and labels with their
// figures glued on (规章555).
// cellReader splits the lines of a table of the 2019/2021 format into
// cells, with what it needs to know of the form: which words are units,
// and whether two words parted by one space are two cells.
type cellReader struct {
	isUnit func(string) bool
	apart  func(a, b string) bool
}

func (r cellReader) formCells(lines []line) []cell {
	var out []cell
	sp := detectLayout(lines)
	if sp.tabLed {
		for _, c := range sp.split(lines) {
			out = append(out, r.explode(c)...)
		}
		return out
	}
	for _, l := range lines {
		t := strings.TrimRight(l.text, " \t\u3000")
		if strings.Contains(t, "|") {
			for _, c := range splitLine(l) {
				out = append(out, r.explode(c)...)
			}
			continue
		}
		if strings.Contains(strings.TrimLeft(t, "\t"), "\t") {
			// Tab-separated: leading tabs are empty cells, kept so that a
			// cell's position in its row means the same in every row.
			for i, p := range strings.Split(t, "\t") {
				c := newCell(p, l.n, i == 0)
				c.idx = i
				out = append(out, r.explode(c)...)
			}
			continue
		}
		out = append(out, r.spacedCells(l)...)
	}
	return out
}

// token is a piece of a line between white space, with its display columns.
type token struct {
	text   string
	x0, x1 int
}

// tokens splits s at white space, counting display columns (a CJK
// character is two wide) from base.
func tokens(s string, base int) []token {
	var out []token
	x := base
	var cur strings.Builder
	start := -1
	flush := func() {
		if start >= 0 {
			out = append(out, token{text: cur.String(), x0: start, x1: x})
			cur.Reset()
			start = -1
		}
	}
	for _, c := range s {
		w := 1
		if k := width.LookupRune(c).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
			w = 2
		}
		if c == '\t' {
			w = 8 - x%8
		}
		if unicode.IsSpace(c) || c == '\u3000' {
			flush()
			x += w
			continue
		}
		if start < 0 {
			start = x
		}
		cur.WriteRune(c)
		x += w
	}
	flush()
	return out
}

// spacedCells reads a line whose cells are separated by spaces. Figures are
// cells of their own; neighbouring words are one label unless two or more
// spaces part them or each is, alone, a label the form knows.
func (r cellReader) spacedCells(l line) []cell {
	toks := tokens(l.text, 0)
	var pieces []token
	var glued []bool
	for _, t := range toks {
		for _, g := range splitGlued(t.text) {
			x0 := t.x0
			if len(pieces) > 0 && pieces[len(pieces)-1].x1 > x0 {
				x0 = pieces[len(pieces)-1].x1
			}
			pieces = append(pieces, token{text: g.text, x0: x0, x1: x0 + displayWidth(g.text)})
			glued = append(glued, g.glued)
		}
	}
	var out []cell
	for i, p := range pieces {
		c := cell{text: p.text, raw: p.text, line: l.n, rowStart: i == 0, glued: glued[i], spaced: true, x0: p.x0, x1: p.x1, idx: -1}
		if n := len(out); n > 0 && i > 0 && classify(c.text, r.isUnit) == kindLabel && classify(out[n-1].text, r.isUnit) == kindLabel &&
			p.x0-pieces[i-1].x1 < 2 && !r.apart(out[n-1].text, c.text) {
			out[n-1].text += " " + c.text
			out[n-1].raw += " " + c.raw
			out[n-1].x1 = c.x1
			continue
		}
		out = append(out, c)
	}
	return out
}

func displayWidth(s string) int {
	n := 0
	for _, c := range s {
		if k := width.LookupRune(c).Kind(); k == width.EastAsianWide || k == width.EastAsianFullwidth {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// explode splits a label cell of a separated layout that holds more than a
// label: words and figures separated by single spaces, or figures glued on.
func (r cellReader) explode(c cell) []cell {
	if classify(c.text, r.isUnit) != kindLabel {
		return []cell{c}
	}
	parts := strings.FieldsFunc(c.text, func(x rune) bool { return unicode.IsSpace(x) || x == '\u3000' })
	var pieces []glue
	for _, p := range parts {
		pieces = append(pieces, splitGlued(p)...)
	}
	if len(pieces) <= 1 {
		return []cell{c}
	}
	var out []cell
	for i, p := range pieces {
		n := cell{text: p.text, raw: p.text, line: c.line, rowStart: c.rowStart && i == 0, glued: p.glued, x0: -1, x1: -1, idx: -1}
		if k := len(out); k > 0 && classify(n.text, r.isUnit) == kindLabel && classify(out[k-1].text, r.isUnit) == kindLabel &&
			!r.apart(out[k-1].text, n.text) {
			sep := " "
			if !strings.Contains(c.text, out[k-1].text+" "+n.text) {
				sep = ""
			}
			out[k-1].text += sep + n.text
			out[k-1].raw += sep + n.raw
			continue
		}
		out = append(out, n)
	}
	if len(out) == 1 {
		return []cell{c}
	}
	return out
}

// glue is a piece of a token: a label, or a figure glued to a label.
type glue struct {
	text  string
	glued bool
}

// gluedFigure finds figures inside a token (after folding): a run of digits,
// signed or decimal, with a unit of money glued on.
var gluedFigure = regexp.MustCompile(`[+\-]?\d+(?:\.\d+)?(?:万元|元)?`)

// splitGlued splits "规章555规范性文件141414" into its labels and figures. A
// run of digits is no figure when it numbers a row (1. 2、), sits in
// brackets (计1条), follows 第 or names a date (2019年).
func splitGlued(tok string) []glue {
	t := fold(tok)
	if classify(t, func(string) bool { return false }) == kindValue {
		return []glue{{text: tok}}
	}
	var out []glue
	last := 0
	for _, m := range gluedFigure.FindAllStringIndex(t, -1) {
		a, b := m[0], m[1]
		before, after := t[:a], t[b:]
		if depth(before) > 0 || strings.HasSuffix(before, "第") ||
			regexp.MustCompile(`^[.、．,，)）年月日号条项]`).MatchString(after) && !strings.HasPrefix(after, "项目") ||
			a == 0 && after == "" {
			continue
		}
		if a > last {
			out = append(out, glue{text: t[last:a]})
		}
		out = append(out, glue{text: t[a:b], glued: true})
		last = b
	}
	if len(out) == 0 {
		return []glue{{text: tok}}
	}
	if last < len(t) {
		out = append(out, glue{text: t[last:]})
	}
	return out
}

// depth is how many brackets are open at the end of s.
func depth(s string) int {
	d := 0
	for _, c := range s {
		switch c {
		case '(', '【', '〔', '[', '“':
			d++
		case ')', '】', '〕', ']', '”':
			if d > 0 {
				d--
			}
		}
	}
	return d
}

// apart reports whether two words parted by one space are two cells: both
// are labels or headers of the form, or both pieces of table 2's headers.
func (r *formReader) apart(a, b string) bool {
	if r.known(a) && r.known(b) {
		return true
	}
	la, lb := parseLabel(a), parseLabel(b)
	return la.enum == "" && lb.enum == "" && r.isTable2Header(la, true) && r.isTable2Header(lb, true)
}

// known reports whether text alone is a label, header or heading of the form.
func (r *formReader) known(text string) bool {
	l := parseLabel(text)
	if l.key == "" {
		return false
	}
	if l.key == "信息内容" || articleBlock.MatchString(squeeze(fold(text))) || r.matchRow(l) != nil {
		return true
	}
	for _, t := range []int{3, 4} {
		for _, sp := range r.s.spans[t] {
			if sp.score(l.key) >= 0.9 {
				return true
			}
		}
	}
	for _, b := range r.s.blocks {
		if b.score(l.key) >= 0.9 {
			return true
		}
		for _, c := range b.columns {
			if c.score(l.key) >= 0.9 {
				return true
			}
		}
	}
	return false
}
