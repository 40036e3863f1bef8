package form

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// A page whose text was taken with the table cells run together prints a
// whole report on one line: 第二十条第（一）项信息内容本年制发件数…规章000行政规范性文件6233440….
// unglue cuts such a line back into the lines a table export would print:
// one line per header cell and per row, each row's label with its figures
// glued on, so that the cell reader reads them as a label and a run of
// figures (layout.Cell.Glued) that only the form's arithmetic may split.
// The labels of the form are the anchors of the cuts; the enumerator of a
// row glued to the figures of the row before it (…0000016.属于四类过程性信息)
// is told apart by the row's place in the form (6. before 属于四类过程性信息).

// minRunOnRunes is the length from which a line may be a page run together:
// a row or a header line of any layout is far shorter.
const minRunOnRunes = 150

// minRunOnSignals is how many different cells that open a table a run-on
// line holds at least: a header line of another layout holds one or two.
const minRunOnSignals = 3

// anchor is a label of the form the text of a run-on table is cut at.
type anchor struct {
	key     []rune
	row     *rowSpec // the row it names, nil for headers and headings
	heading bool     // a section heading of the report
	table   bool     // a heading whose section holds a table (二、三、四)
}

// tableHeadings are the section headings whose sections hold the tables;
// the others end a table run together with the text after it.
var tableHeadings = []string{"主动公开政府信息情况", "收到和处理政府信息公开申请情况",
	"政府信息公开行政复议行政诉讼情况", "政府信息公开行政复议和行政诉讼情况"}

// anchors are the labels the form knows, as keys: rows, columns, header
// spans, blocks, and the report's section headings. They are made once a
// document, by the first reading of text run together that needs them.
func (r *reader) anchors() []anchor {
	if r.anchorKeys == nil {
		r.anchorKeys = r.makeAnchors()
	}
	return r.anchorKeys
}

// makeAnchors makes the anchors of r's form.
func (r *reader) makeAnchors() []anchor {
	var out []anchor
	add := func(keys []string, a anchor) {
		for _, k := range keys {
			if utf8.RuneCountInString(k) >= 2 {
				a.key = []rune(k)
				out = append(out, a)
			}
		}
	}
	for _, t := range []int{2, 3} {
		for _, row := range r.s.rows[t] {
			add(row.keys, anchor{row: row})
		}
	}
	for _, b := range r.s.blocks {
		add(b.keys, anchor{})
		for _, c := range b.columns {
			add(c.keys, anchor{})
		}
	}
	for _, t := range []int{3, 4} {
		for _, sp := range r.s.spans[t] {
			add(sp.keys, anchor{})
		}
	}
	add([]string{"信息内容"}, anchor{})
	add(tableHeadings, anchor{heading: true, table: true})
	for _, h := range r.cat.Words(catalog.WordsFormSection) {
		if !contains(tableHeadings, h) {
			add([]string{h}, anchor{heading: true})
		}
	}
	return out
}

// unglue returns lines with each run-on line cut into the lines of its
// tables; other lines are returned as they are.
func (r *reader) unglue(lines []source.Line) []source.Line {
	starts := r.cat.Words(catalog.WordsFormTableStart)
	lines = r.joinBrokenCells(joinRunOnPage(lines, starts))
	var out []source.Line
	var as []anchor
	afterHeader := false // the line before was a header run together, cut
	underHeader := false // the lines before were such a header and the rows under it
	gluedAbove := false  // the line before was a row of the form, its figures glued to its label
	for i, l := range lines {
		switch {
		case underHeader && rowThenFigures(l.Text, as):
			// A row under a header run together, its figures parted from
			// its label by a stray space, is run together as the header
			// is: its figures are one run, spaces and all (the cuts every
			// split makes), not cells whose blanks the spacing hides.
			lines[i].Text = glueFigures(l.Text) // joinBrokenCells' copy
			l = lines[i]
		case gluedAbove && oneRunApart(l.Text) && rowThenFigures(l.Text, as):
			// A row under a row whose figures are glued to its label, its
			// one run of figures parted from its label by a space of the
			// page's own (…行政机关不再处理其政府信息公开申请 2000002), is
			// run together as the rows around it are: a run that only the
			// form's arithmetic may split, not one figure whose blanks
			// left no trace.
			lines[i].Text = glueFigures(l.Text)
			l = lines[i]
			underHeader = afterHeader
		default:
			underHeader = afterHeader
		}
		if gluedAbove = gluedFigures(l.Text); gluedAbove {
			if as == nil {
				as = r.anchors()
			}
			gluedAbove = rowThenFigures(l.Text, as)
		}
		if !runOn(l.Text, starts) && !maybeGluedRows(l.Text) && !maybeGluedHeader(l.Text) && !maybeSpacedHeader(l.Text) && !afterHeader {
			out = append(out, l)
			continue
		}
		if as == nil {
			as = r.anchors()
		}
		cut, header := cutLine(lines, i, as, starts, afterHeader)
		if cut == nil {
			afterHeader = false
			out = append(out, l)
			continue
		}
		if afterHeader && figuresFirst(l.Text) {
			// The figures under a header go with its last cell, as on a
			// page run on whole (…尚未审结总计317331687…), with the spaces
			// a line of figures alone keeps between them: cuts every split
			// makes.
			if alone := strings.TrimSpace(l.Text); figuresAlone.MatchString(alone) {
				out[len(out)-1].Text += alone
				cut = nil
			} else {
				out[len(out)-1].Text += cut[0]
				cut = cut[1:]
			}
		}
		afterHeader = header
		underHeader = underHeader || header
		for _, t := range cut {
			out = append(out, source.Line{N: l.N, Page: l.Page, Text: t})
		}
	}
	return out
}

// figuresFirst reports whether a line opens with figures glued to the
// text after them: 317331687148219912417115469151五、存在的主要问题及改进情况;
// or is figures alone, parted by single spaces or none, as many digits as
// table 4's fifteen cells at least (a page that breaks its text at each
// row prints table 4's figures, which have no label, on a line of their
// own under its header; a shorter number alone, such as a page's number,
// is no such row).
func figuresFirst(text string) bool {
	text = strings.TrimSpace(text)
	if figuresThenText.MatchString(text) {
		return true
	}
	return figuresAlone.MatchString(text) && len(strings.ReplaceAll(text, " ", "")) >= table4Digits
}

var (
	figuresThenText = regexp.MustCompile(`^[0-9]+\p{Han}`)
	figuresAlone    = regexp.MustCompile(`^[0-9]+(?: [0-9]+)*$`)
)

// table4Digits is the fewest digits table 4's row prints: fifteen figures.
const table4Digits = 15

// cutLine cuts line i of lines when it holds tables run together: a whole
// page, several rows glued, a header run together above such rows or
// above figures, or the figures under such a header. It returns nil when
// the line is to be read as it is, and whether it was a header.
func cutLine(lines []source.Line, i int, as []anchor, starts []string, afterHeader bool) ([]string, bool) {
	text := lines[i].Text
	switch {
	case runOn(text, starts):
		return cutRunOn(text, as, starts), false
	case maybeGluedRows(text) && gluedRows(text, as):
		return cutGluedRows(text, as), false
	case afterHeader && figuresFirst(text):
		return cutGluedRows(text, as), false
	case !maybeGluedHeader(text) && !spacedGluedHeader(text, as):
		return nil, false
	}
	// A header run together is cut only above rows run together or figures
	// (after more lines of header, perhaps), as a page run on is cut whole;
	// one a stray space broke, above rows whose figures a space parts from
	// their label too.
	below := i + 1
	for below < len(lines) && (maybeGluedHeader(lines[below].Text) || spacedGluedHeader(lines[below].Text, as)) {
		below++
	}
	if below == len(lines) {
		return nil, false
	}
	next := lines[below].Text
	if !figuresFirst(next) && !(maybeGluedRows(next) && gluedRows(next, as)) &&
		!(spacedGluedHeader(text, as) && rowThenFigures(next, as)) {
		return nil, false
	}
	cut := gluedHeader(text, as)
	return cut, cut != nil
}

// A page that breaks its text between some rows run together prints lines
// of several rows each, too short to be a whole page run on:
// （三）不予公开1.属于国家秘密28121110432.其他法律行政法规禁止公开921003197,
// or a header run into the first row. Such a line is cut into its rows as
// a run-on page is when it holds a row of the form with its figures glued
// on and another label of the form (a row, a column, a heading); a line of
// one row and its figures (规章1117342) is the cell reader's to read.

// hanDigit matches a character of a label glued to a figure.
var hanDigit = regexp.MustCompile(`\p{Han}[0-9]`)

// maybeGluedRows is the cheap test before gluedRows: a line with no cell
// separators where a label is glued to a figure.
func maybeGluedRows(text string) bool {
	return !strings.ContainsAny(text, "|\t") && !strings.Contains(text, "  ") && hanDigit.MatchString(text)
}

// gluedRows reports whether text holds a row of the form whose label ends
// right before a figure, and another label of the form before that row's.
// The text before the figure is matched as a key, without the punctuation
// keys leave out (（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请3110016).
func gluedRows(text string, as []anchor) bool {
	fold := []rune(label.Fold(text))
	for i := 1; i < len(fold); i++ {
		if fold[i] < '0' || fold[i] > '9' || !unicode.Is(unicode.Han, fold[i-1]) {
			continue
		}
		before := []rune(label.Key(string(fold[:i])))
		for _, a := range as {
			if a.row != nil && endsWith(before, a.key) {
				if holdsAnchor(before[:len(before)-len(a.key)], as) {
					return true
				}
				break
			}
		}
	}
	return false
}

// holdsAnchor reports whether a label of the form ends anywhere in text.
func holdsAnchor(text []rune, as []anchor) bool {
	for j := 2; j <= len(text); j++ {
		for _, a := range as {
			if endsWith(text[:j], a.key) {
				return true
			}
		}
	}
	return false
}

// maybeGluedHeader is the cheap test before gluedHeader: a line with no
// spaces (but at its ends, where a page's text may keep them), cell
// separators or figures.
func maybeGluedHeader(text string) bool {
	text = strings.TrimSpace(text)
	return text != "" && !strings.ContainsAny(text, "|\t 0123456789") && utf8.RuneCountInString(text) < minRunOnRunes
}

// spacedGluedHeader reports whether a line is a header run together that
// stray single spaces break (自然人法人或其他组织 总计): its words, so parted,
// are labels of the form, one of them two labels or more run together. A
// header whose labels all stand apart (OCR's 自然人 法人或其他组织 总计) is
// a header of the spaced layout, not run together.
func spacedGluedHeader(text string, as []anchor) bool {
	if !maybeSpacedHeader(text) {
		return false
	}
	glued := false
	for _, w := range strings.Split(strings.TrimSpace(text), " ") {
		if gluedHeader(w, as) != nil {
			glued = true
		} else if t := newRunText(w); !wholeLabel(t, as) {
			return false
		}
	}
	return glued
}

// maybeSpacedHeader is the cheap test before spacedGluedHeader: a line of
// words parted by single spaces, with no cell separators or figures.
func maybeSpacedHeader(text string) bool {
	text = strings.TrimSpace(text)
	return strings.Contains(text, " ") && !strings.Contains(text, "  ") && !strings.ContainsAny(text, "|\t0123456789") &&
		utf8.RuneCountInString(text) < minRunOnRunes
}

// wholeLabel reports whether t is one label of the form, whole.
func wholeLabel(t runText, as []anchor) bool {
	pieces, end := t.cut(0, as)
	return end == len(t.raw) && len(pieces) == 1 && pieces[0].anchored
}

// rowFigures matches a line that ends in figures parted by single spaces
// (一、本年新收政府信息公开申请数量 796121 1922 3938 1035): the label and the
// figures.
var rowFigures = regexp.MustCompile(`^\s*(\S.*?) ?([0-9]+(?: [0-9]+)*)\s*$`)

// glueFigures is a line of a row and its figures (rowFigures) with the
// space between them taken out.
func glueFigures(text string) string {
	m := rowFigures.FindStringSubmatch(text)
	return m[1] + m[2]
}

// gluedFigures reports whether a line ends in one run of figures glued to
// the label before it (3.其他1000001).
func gluedFigures(text string) bool {
	m := rowFigures.FindStringSubmatch(text)
	return m != nil && !strings.Contains(m[2], " ") && strings.Contains(text, m[1]+m[2]) && hanDigit.MatchString(text)
}

// oneRunApart reports whether a line ends in one run of figures parted by
// one space from the label before it (…政府信息公开申请 2000002).
func oneRunApart(text string) bool {
	m := rowFigures.FindStringSubmatch(text)
	return m != nil && !strings.Contains(m[2], " ") && strings.Contains(text, m[1]+" "+m[2])
}

// rowThenFigures reports whether a line is a row of the form, its label
// whole, then its figures, some parted by a stray space: the row under a
// header run together that such a space broke (自然人法人或其他组织 总计),
// which is cut as one with no space is.
func rowThenFigures(text string, as []anchor) bool {
	m := rowFigures.FindStringSubmatch(text)
	if m == nil || strings.Contains(m[1], "  ") {
		return false
	}
	key := []rune(label.Key(m[1]))
	for _, a := range as {
		if a.row != nil && endsWith(key, a.key) {
			return true
		}
	}
	return false
}

// gluedHeader cuts a line made of labels of the form only, two or more
// run together (申请人情况自然人法人或其他组织总计, the header of a page that
// breaks its text between some rows run together), into a line per label;
// nil when the line holds anything else.
func gluedHeader(text string, as []anchor) []string {
	t := newRunText(text)
	pieces, end := t.cut(0, as)
	if end != len(t.raw) || len(pieces) < 2 {
		return nil
	}
	var out []string
	for _, p := range pieces {
		if !p.anchored {
			return nil
		}
		out = append(out, p.text())
	}
	return out
}

// endsWith reports whether text ends with key.
func endsWith(text, key []rune) bool {
	if len(key) > len(text) {
		return false
	}
	for k := range key {
		if text[len(text)-len(key)+k] != key[k] {
			return false
		}
	}
	return true
}

// cutGluedRows cuts a line of rows run together into a line per row.
func cutGluedRows(line string, as []anchor) []string {
	return newRunText(line).lines(0, as)
}

// runOn reports whether a line looks like tables run together: long, with
// no cell separators where its tables are, and holding several cells that
// open a table. A page's text holds more than its tables: the links of
// its header and footer are often parted by bars (使用帮助 | 联系我们 |
// 隐私保护), and they say nothing of how the tables were taken.
func runOn(text string, starts []string) bool {
	if utf8.RuneCountInString(text) < minRunOnRunes {
		return false
	}
	// Spaces go, tabs stay: a tab between cells is a separator.
	sq := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\n' {
			return -1
		}
		return r
	}, label.Fold(text))
	n := 0
	for _, s := range starts {
		if strings.Contains(sq, s) {
			n++
		}
	}
	return n >= minRunOnSignals && !strings.ContainsAny(tableZone(sq, tableStart(sq, starts)), "|\t")
}

// tableStartWindow is how near, in runes with spaces aside, a cell that
// opens a table is to another such cell where the tables start.
const tableStartWindow = 40

// tableStart is the byte index in text of the first cell that opens a
// table and is followed within tableStartWindow runes by another one: a
// table's header names its columns side by side (申请人情况自然人法人或其他组织),
// while a page's links name one alone (自然人服务 法人服务), before its
// report. Without such a pair it is the first cell that opens a table.
func tableStart(text string, starts []string) int {
	first, paired := -1, -1
	for _, s := range starts {
		for off := 0; off < len(text); {
			i := strings.Index(text[off:], s)
			if i < 0 {
				break
			}
			i += off
			if first < 0 || i < first {
				first = i
			}
			if paired >= 0 && i >= paired {
				break
			}
			if startFollows(text[i+len(s):], s, starts) {
				paired = i
				break
			}
			off = i + len(s)
		}
	}
	if paired >= 0 {
		return paired
	}
	return first
}

// startFollows reports whether a cell that opens a table other than s
// begins within tableStartWindow runes of text, spaces aside.
func startFollows(text, s string, starts []string) bool {
	// The window's runes, spaces aside, read no further than it reaches:
	// a page's text may be one line of many thousand runes.
	near := make([]rune, 0, tableStartWindow)
	for _, c := range text {
		if len(near) == tableStartWindow {
			break
		}
		if c != ' ' && c != '\t' && c != '\u3000' && c != '\n' {
			near = append(near, c)
		}
	}
	head := string(near)
	for _, o := range starts {
		if o != s && strings.Contains(head, o) {
			return true
		}
	}
	return false
}

// tableZone is the stretch of a run-on line its tables are read from (as
// runText.cut reads it): from the first cell that opens a table to the
// next full stop.
func tableZone(text string, first int) string {
	zone := text[first:]
	if end := strings.Index(zone, "。"); end >= 0 {
		zone = zone[:end]
	}
	return zone
}

// piece is a stretch of a run-on line that becomes a line of its own: a
// label (its enumerator included) and the figures glued to it.
type piece struct {
	label    []rune
	figures  string
	start    int  // index of its first rune in the line
	anchored bool // the label holds a label of the form, or is a note in brackets
	heading  bool // a section heading
}

// runText is the line being cut: its runes and their folded forms, which
// the anchors are matched against.
type runText struct {
	raw, fold []rune
}

// article matches the heading of a block of table 2 at the start of text.
var article = regexp.MustCompile(`^第二十条第?\s*[(（]\s*[一二三四五六七八九十]+\s*[)）]\s*项`)

// chineseEnum matches an enumerator of the first two levels at the start
// of text: 一、 (一).
var chineseEnum = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))`)

// cutRunOn cuts a run-on line into the lines of its tables: the text before
// the first table and after the last stays one line each.
func cutRunOn(line string, as []anchor, starts []string) []string {
	t := newRunText(line)
	start, ok := t.zoneStart(starts)
	if !ok {
		return []string{line}
	}
	return t.lines(start, as)
}

// newRunText is line to cut, folded.
func newRunText(line string) runText {
	t := runText{raw: []rune(line)}
	t.fold = make([]rune, len(t.raw))
	for i, c := range t.raw {
		t.fold[i] = foldRune(c)
	}
	return t
}

// lines cuts t from start into a line per piece; the text before start and
// the text after the last piece stay one line each.
func (t runText) lines(start int, as []anchor) []string {
	var out []string
	if pre := strings.TrimSpace(string(t.raw[:start])); pre != "" {
		out = append(out, pre)
	}
	pieces, end := t.cut(start, as)
	for _, p := range pieces {
		if s := p.text(); s != "" {
			out = append(out, s)
		}
	}
	if rest := strings.TrimSpace(string(t.raw[end:])); rest != "" {
		out = append(out, rest)
	}
	return out
}

func foldRune(c rune) rune {
	f := []rune(label.Fold(string(c)))
	if len(f) != 1 {
		return c
	}
	return f[0]
}

// text is the line a piece prints: its label without the stray spaces of
// the page, then its figures glued on.
func (p piece) text() string {
	l := strings.Map(func(c rune) rune {
		if unicode.IsSpace(c) || c == '\u3000' {
			return -1
		}
		return c
	}, string(p.label))
	return l + p.figures
}

// zoneStart is where the tables begin: after the last full stop before the
// cell that opens the first table (tableStart).
func (t runText) zoneStart(starts []string) (int, bool) {
	sq := string(t.fold)
	first := tableStart(sq, starts)
	if first < 0 {
		return 0, false
	}
	at := utf8.RuneCountInString(sq[:first])
	for i := at - 1; i >= 0; i-- {
		if t.fold[i] == '。' {
			return i + 1, true
		}
	}
	return 0, true
}

// cut cuts the tables from start on into pieces; it stops at a full stop or
// at a section heading that holds no table, and returns where it stopped.
func (t runText) cut(start int, as []anchor) ([]piece, int) {
	var ps []piece
	open := false // the last piece takes the text that follows
	i := start
	for i < len(t.raw) {
		c := t.fold[i]
		switch {
		case c == '。':
			return t.endBefore(ps, i)
		case unicode.IsSpace(c):
			if open {
				ps[len(ps)-1].label = append(ps[len(ps)-1].label, t.raw[i])
			}
			i++
		case c < utf8.RuneSelf && label.IsDigit(byte(c)):
			figures, enum, next := t.run(i, as)
			switch {
			case figures == "":
			case len(ps) > 0 && ps[len(ps)-1].figures == "":
				ps[len(ps)-1].figures = figures
			default:
				// A second run after a row's figures, with no label between:
				// keep the text as printed for the cell reader to judge.
				ps = append(ps, piece{label: t.raw[i:next], start: i})
				open = false
				i = next
				continue
			}
			open = false
			if enum != "" {
				ps = append(ps, piece{label: []rune(enum), start: next - utf8.RuneCountInString(enum)})
				open = true
			}
			i = next
		default:
			if m := article.FindString(string(t.fold[i:min(len(t.fold), i+20)])); m != "" {
				n := utf8.RuneCountInString(m)
				ps = append(ps, piece{label: t.raw[i : i+n], start: i, anchored: true})
				open, i = true, i+n
				continue
			}
			if m := chineseEnum.FindString(string(t.fold[i:min(len(t.fold), i+6)])); m != "" && !t.afterArticleWord(i) {
				n := utf8.RuneCountInString(m)
				ps = append(ps, piece{label: t.raw[i : i+n], start: i})
				open, i = true, i+n
				continue
			}
			if c == '(' || c == '[' {
				// A note in brackets belongs to the label before it, but
				// after a heading it is a cell of its own (the note of table 3).
				end := t.closing(i)
				if !open || ps[len(ps)-1].heading {
					ps = append(ps, piece{start: i, anchored: true})
				}
				ps[len(ps)-1].label = append(ps[len(ps)-1].label, t.raw[i:end]...)
				open, i = true, end
				continue
			}
			if a, end := t.longest(i, as); end > i {
				if a.heading && !a.table {
					return t.endBefore(ps, i)
				}
				last := len(ps) - 1
				if !open || ps[last].anchored || ps[last].figures != "" {
					ps = append(ps, piece{start: i})
					last++
				}
				ps[last].label = append(ps[last].label, t.raw[i:end]...)
				ps[last].anchored, ps[last].heading = true, a.heading
				open, i = true, end
				continue
			}
			if !open {
				ps = append(ps, piece{start: i})
				open = true
			}
			ps[len(ps)-1].label = append(ps[len(ps)-1].label, t.raw[i])
			i++
		}
	}
	return ps, len(t.raw)
}

// endBefore ends the tables at i, or where the last piece began when it
// is only the enumerator of the heading or sentence at i.
func (t runText) endBefore(ps []piece, i int) ([]piece, int) {
	if n := len(ps); n > 0 && !ps[n-1].anchored && ps[n-1].figures == "" {
		return ps[:n-1], ps[n-1].start
	}
	return ps, i
}

// afterArticleWord reports whether the bracket at i follows 第 (第（一）项 is
// no enumerator).
func (t runText) afterArticleWord(i int) bool {
	return i > 0 && t.fold[i-1] == '第'
}

// closing is the index after the bracket that closes the one at i, or the
// end of the text.
func (t runText) closing(i int) int {
	depth := 0
	for j := i; j < len(t.fold); j++ {
		switch t.fold[j] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(t.fold)
}

// keySkip are the characters a key leaves out (label.Key) and a match
// therefore passes over.
const keySkip = "《》“”\"'‘’:;,.。、"

// longest is the anchor that matches the most text at i, and the end of
// its match; end is i when none matches.
func (t runText) longest(i int, as []anchor) (anchor, int) {
	var best anchor
	end := i
	for _, a := range as {
		if e := t.match(i, a.key); e > end {
			best, end = a, e
		}
	}
	return best, end
}

// match is the end of key matched at i, passing over spaces and the
// punctuation keys leave out; i when key does not match there.
func (t runText) match(i int, key []rune) int {
	j := i
	for k, c := range key {
		for k > 0 && j < len(t.fold) && (unicode.IsSpace(t.fold[j]) || strings.ContainsRune(keySkip, t.fold[j])) {
			j++
		}
		if j >= len(t.fold) || t.fold[j] != c {
			return i
		}
		j++
	}
	return j
}

// run reads the figures that start at i: digits, spaces between them, and
// a decimal point followed by a digit. When the run is followed by the
// enumerator punctuation of a row of the third level (6.属于四类过程性信息),
// the digits of that row's number are cut off the end of the run: they are
// the row's enumerator, not a figure. It returns the figures, the
// enumerator with its punctuation, and where the text after them starts.
func (t runText) run(i int, as []anchor) (figures, enum string, next int) {
	j := i
	var b strings.Builder
	for j < len(t.fold) {
		c := t.fold[j]
		switch {
		case c >= '0' && c <= '9':
			b.WriteRune(c)
		case c == '.' && j+1 < len(t.fold) && t.fold[j+1] >= '0' && t.fold[j+1] <= '9' && b.Len() > 0:
			b.WriteRune(c)
		case unicode.IsSpace(c) && j+1 < len(t.fold) && t.fold[j+1] >= '0' && t.fold[j+1] <= '9':
			// A space between figures is kept: the page printed one
			// between cells there, and the cell reader cuts at it.
			b.WriteRune(' ')
		default:
			return t.enumTail(b.String(), j, as)
		}
		j++
	}
	return b.String(), "", j
}

// enumTail cuts the enumerator of the next row off a run that ends at j.
func (t runText) enumTail(run string, j int, as []anchor) (figures, enum string, next int) {
	if j >= len(t.fold) || !strings.ContainsRune(".、", t.fold[j]) {
		return run, "", j
	}
	// The converter may keep a space after the punctuation (2. 申请人逾期…,
	// pdf2md of a cell whose label is justified): the label starts after it.
	at := j + 1
	for at < len(t.fold) && (unicode.IsSpace(t.fold[at]) || t.fold[at] == '\u3000') {
		at++
	}
	a, end := t.longest(at, as)
	if end == at || a.row == nil {
		return run, "", j
	}
	n := ordinal(a.row.id)
	if n == "" || !strings.HasSuffix(run, n) {
		return run, "", j
	}
	return strings.TrimSuffix(run, n), n + string(t.raw[j]), j + 1
}

// ordinal is the number a row of the third level prints before its label:
// the last part of its ID (3.3.3.6 → 6), "" for rows of other levels.
func ordinal(id string) string {
	if strings.Count(id, ".") != 3 {
		return ""
	}
	n := id[strings.LastIndex(id, ".")+1:]
	if _, err := strconv.Atoi(n); err != nil {
		return ""
	}
	return n
}
