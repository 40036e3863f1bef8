package layout

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// Reader splits the lines of a table of the 2019/2021 format into cells,
// with what it needs to know of the form: which words are units, and
// whether two words parted by one space are two cells. On top of the
// layouts Detect knows (one cell per line led by a tab, tab-separated rows,
// pipe tables) it reads rows whose cells are separated by spaces, one or
// many (their display positions are kept so that a figure can be put under
// its header when blank cells leave no trace), and labels with their
// figures glued on (规章555).
type Reader struct {
	IsUnit func(string) bool
	Apart  func(a, b string) bool
}

// Cells splits the lines of a table into cells.
func (r Reader) Cells(lines []source.Line) []Cell {
	var out []Cell
	sp := Detect(lines)
	if sp.tabLed {
		for _, c := range sp.Split(lines) {
			out = append(out, r.explode(c)...)
		}
		return out
	}
	for _, l := range enumeratorsFirst(lines) {
		t := strings.TrimRight(l.Text, " \t\u3000")
		if strings.Contains(t, "|") {
			for _, c := range SplitLine(l) {
				out = append(out, r.explode(c)...)
			}
			continue
		}
		if strings.Contains(strings.TrimLeft(t, "\t"), "\t") {
			// Tab-separated: leading and trailing tabs are empty cells,
			// kept so that a cell's position in its row means the same in
			// every row, and a blank last column (总计) stays a cell.
			for i, p := range strings.Split(strings.TrimRight(l.Text, " \u3000"), "\t") {
				c := newCell(p, l.N, i == 0)
				c.Idx = i
				out = append(out, r.explode(c)...)
			}
			continue
		}
		out = append(out, r.spacedCells(l)...)
	}
	return out
}

// enumeratorsFirst puts a row's number back before its label where a PDF's
// text printed it on a line of its own just below the label's first line:
// the number (1.) set in another font sits on another baseline, and
// pdftotext -layout gives it a line between the label's pieces
// (申请人无正当理由逾期不 / 1. / 补正、行政机关). The number is moved only
// when it stands alone and the line above is words alone that start within
// the number's own width: the first line of the label it numbers, not the
// tail of the row above, which starts where the number does or left of it.
func enumeratorsFirst(lines []source.Line) []source.Line {
	var out []source.Line
	for i, l := range lines {
		if i > 0 && numberAbove(lines[i-1], l) {
			above := &out[len(out)-1]
			above.Text = strings.TrimRight(l.Text, " \u3000") + strings.TrimLeft(above.Text, " \u3000")
			continue
		}
		out = append(out, l)
	}
	return out
}

// numberAbove reports whether line num holds only a row's number and the
// line above, words alone, starts inside that number's width: the number is
// the label's, printed a little lower.
func numberAbove(above, num source.Line) bool {
	nt, at := tokens(num.Text, 0), tokens(above.Text, 0)
	if len(nt) != 1 || len(at) == 0 || strings.Contains(above.Text, "\t") || strings.Contains(num.Text, "\t") {
		return false
	}
	n := nt[0]
	if l := label.Parse(n.text); l.Enum == "" || l.Key != "" {
		return false
	}
	if strings.ContainsAny(label.Fold(above.Text), "0123456789") {
		return false // figures, or a numbered label of its own
	}
	return at[0].x0 > n.x0 && at[0].x0 <= n.x1+1
}

// token is a piece of a line between white space, with its display columns.
type token struct {
	text   string
	x0, x1 int
}

// tokens splits s at white space, counting display columns (a CJK
// character is two wide) from base.
func tokens(s string, base int) []token {
	return tokensWide(s, base, 2)
}

// tokensWide splits s at white space, counting columns from base, a CJK
// character wide columns.
func tokensWide(s string, base, wide int) []token {
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
			w = wide
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
func (r Reader) spacedCells(l source.Line) []Cell {
	toks := tokens(l.Text, 0)
	var pieces []token
	var glued []bool
	for _, t := range toks {
		if borderGlyph[t.text] {
			continue
		}
		for _, g := range SplitGlued(t.text) {
			x0 := t.x0
			if len(pieces) > 0 && pieces[len(pieces)-1].x1 > x0 {
				x0 = pieces[len(pieces)-1].x1
			}
			pieces = append(pieces, token{text: g.Text, x0: x0, x1: x0 + DisplayWidth(g.Text)})
			glued = append(glued, g.Glued)
		}
	}
	kinds := r.spacedKinds(pieces)
	var out []Cell
	for i, p := range pieces {
		c := Cell{Text: p.text, Raw: p.text, Line: l.N, RowStart: i == 0, Glued: glued[i], Spaced: true, X0: p.x0, X1: p.x1, Idx: -1}
		if n := len(out); n > 0 && i > 0 && kinds[i] == Label && kinds[i-1] == Label &&
			p.x0-pieces[i-1].x1 < 2 && !r.Apart(out[n-1].Text, c.Text) {
			out[n-1].Text += " " + c.Text
			out[n-1].Raw += " " + c.Raw
			out[n-1].X1 = c.X1
			continue
		}
		out = append(out, c)
	}
	return out
}

// spacedKinds is the kind of each piece of a line. A label printed with a
// space between its characters (`无 法 提`, heading （四）无法提供 in a
// narrow cell, through pdftotext; `申 请 人 无 正 当`) may hold a
// character that alone is a mark of no figure (无) or a unit (人): a mark
// one space before a label's character, or a unit one space from one, is
// a character of that label. A mark after a label's character stays a
// cell (`项 无 无 无`: a wrapped label's last piece, then its cells).
func (r Reader) spacedKinds(pieces []token) []Kind {
	printed := make([]Kind, len(pieces))
	for i, p := range pieces {
		printed[i] = Classify(p.text, r.IsUnit)
	}
	labelChar := func(i, j int) bool { // j, one space from i, is a label's character
		if j < 0 || j >= len(pieces) || printed[j] != Label || !spacedCharacter(pieces[j].text) {
			return false
		}
		a, b := min(i, j), max(i, j)
		return pieces[b].x0-pieces[a].x1 < 2
	}
	kinds := append([]Kind(nil), printed...)
	for i, p := range pieces {
		if !spacedCharacter(p.text) {
			continue
		}
		if printed[i] == Value && labelChar(i, i+1) || printed[i] == Unit && (labelChar(i, i+1) || labelChar(i, i-1)) {
			kinds[i] = Label
		}
	}
	return kinds
}

// spacedCharacter reports whether text is one Han character: a character
// of a label printed with spaces between its characters.
func spacedCharacter(text string) bool {
	rs := []rune(text)
	return len(rs) == 1 && unicode.Is(unicode.Han, rs[0])
}

// borderGlyph holds what OCR reads a table's vertical rule as, when it
// stands alone between cells: a bar, or a letter shaped like one. No cell of
// a form is such a letter alone, so it parts cells and is no label: taken
// for one, it would open a row of its own and carry the figures after it.
var borderGlyph = map[string]bool{"|": true, "｜": true, "丨": true, "l": true, "I": true, "!": true, "ǀ": true}

// DisplayWidth is the width of s in a monospaced display: a CJK character
// is two columns wide.
func DisplayWidth(s string) int {
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
func (r Reader) explode(c Cell) []Cell {
	if Classify(c.Text, r.IsUnit) != Label {
		return []Cell{c}
	}
	parts := strings.FieldsFunc(c.Text, func(x rune) bool { return unicode.IsSpace(x) || x == '\u3000' })
	var pieces []Piece
	for _, p := range parts {
		pieces = append(pieces, SplitGlued(p)...)
	}
	if len(pieces) <= 1 {
		return []Cell{c}
	}
	var out []Cell
	for i, p := range pieces {
		n := Cell{Text: p.Text, Raw: p.Text, Line: c.Line, RowStart: c.RowStart && i == 0, Glued: p.Glued, X0: -1, X1: -1, Idx: -1}
		if k := len(out); k > 0 && Classify(n.Text, r.IsUnit) == Label && Classify(out[k-1].Text, r.IsUnit) == Label &&
			!r.Apart(out[k-1].Text, n.Text) {
			sep := " "
			if !strings.Contains(c.Text, out[k-1].Text+" "+n.Text) {
				sep = ""
			}
			out[k-1].Text += sep + n.Text
			out[k-1].Raw += sep + n.Raw
			continue
		}
		out = append(out, n)
	}
	if len(out) == 1 {
		return []Cell{c}
	}
	return out
}

// Piece is a piece of a token: a label, or a figure glued to a label.
type Piece struct {
	Text  string
	Glued bool
}

// gluedFigure finds figures inside a token (after folding): a run of digits,
// signed or decimal, with a unit of money glued on.
var gluedFigure = regexp.MustCompile(`[+\-]?\d+(?:\.\d+)?(?:万元|元)?`)

// numberOrDate matches what follows digits that number a row (1. 2、) or
// name a date or an item (2019年, 3条).
var numberOrDate = regexp.MustCompile(`^[.、．,，)）年月日号条项]`)

// SplitGlued splits "规章555规范性文件141414" into its labels and figures. A
// run of digits is no figure when it numbers a row (1. 2、), sits in
// brackets (计1条), follows 第 or names a date (2019年).
func SplitGlued(tok string) []Piece {
	t := label.Fold(tok)
	if Classify(t, func(string) bool { return false }) == Value {
		return []Piece{{Text: tok}}
	}
	var out []Piece
	last := 0
	for _, m := range gluedFigure.FindAllStringIndex(t, -1) {
		a, b := m[0], m[1]
		before, after := t[:a], t[b:]
		if depth(before) > 0 || strings.HasSuffix(before, "第") ||
			numberOrDate.MatchString(after) && !strings.HasPrefix(after, "项目") ||
			a == 0 && after == "" {
			continue
		}
		if a > last {
			out = append(out, Piece{Text: t[last:a]})
		}
		out = append(out, Piece{Text: t[a:b], Glued: true})
		last = b
	}
	if len(out) == 0 {
		return []Piece{{Text: tok}}
	}
	if last < len(t) {
		out = append(out, Piece{Text: t[last:]})
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
