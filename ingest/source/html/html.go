// Package html reads reports published as web pages. A page is not parsed
// by a parser of its own: it is turned into the lines a text export of the
// same page would have (paragraphs and headings as lines, each table row as
// a pipe row, merged cells printed as empty cells), and each line keeps the
// number of the source line where its text starts, so that every figure
// still cites the page it was read from.
package html

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/htmlindex"

	"github.com/gongkai/gongkai/ingest/source"
)

var (
	// htmlLead matches the start of an HTML document.
	htmlLead = regexp.MustCompile(`(?i)^(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|meta|title|body)[\s>/]`)
	// htmlTag matches the tags a fragment of a page (an article body
	// saved alone) cannot do without.
	htmlTag = regexp.MustCompile(`(?i)<(?:table|p)[\s>/]`)
	// metaCharset matches a charset declared in <meta charset=…> or
	// <meta http-equiv content="text/html; charset=…">.
	metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)
	// titleSeparator splits a page title from the site's name
	// (…年度报告_薛城区人民政府).
	titleSeparator = regexp.MustCompile(`\s*(?:_|\||｜|-|－|——)\s*`)
)

// Is reports whether text, as decoded, is an HTML page or fragment.
func Is(text string) bool {
	head := text
	if len(head) > 1024 {
		head = head[:1024]
	}
	return htmlLead.MatchString(head) || htmlTag.MatchString(head)
}

// Read turns text into a document when it is an HTML page, and returns
// nil when it is not: its lines, and the cells of the table rows printed at
// each line, each with its own source line. data are the page's bytes: a page that is not UTF-8 is
// read in the charset its <meta> declares.
func Read(data []byte, text string) *source.Document {
	if !Is(text) {
		return nil
	}
	text = redecode(data, text)
	c := &htmlConv{layout: layoutTables(text), rows: map[int][]source.Cell{}, h1: -1}
	c.run(text)
	return &source.Document{Lines: c.headed(), Cells: c.rows}
}

// redecode reads a page that is not UTF-8 in the charset it declares.
// decode has read it as GB18030, which covers GB2312 and GBK, the
// charsets of nearly all Chinese government pages; Big5 and the others are
// read here.
func redecode(data []byte, text string) string {
	if utf8.Valid(data) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return text
	}
	head := data[:min(len(data), 2048)]
	m := metaCharset.FindSubmatch(head)
	if m == nil {
		return text
	}
	enc, err := htmlindex.Get(string(m[1]))
	if err != nil {
		return text
	}
	switch name, _ := htmlindex.Name(enc); name {
	case "gbk", "gb18030", "utf-8":
		return text
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return text
	}
	return source.NormalizeNewlines(string(out))
}

// blockTags break lines: text after them starts a new line (in a table
// cell they join their text with no separator, as Chinese is written).
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "hr": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"section": true, "article": true, "header": true, "footer": true, "nav": true, "main": true, "aside": true,
	"blockquote": true, "pre": true, "address": true, "figure": true, "figcaption": true, "center": true,
	"form": true, "fieldset": true, "caption": true, "table": true, "tr": true, "td": true, "th": true,
	"thead": true, "tbody": true, "tfoot": true, "body": true, "html": true, "title": true,
}

// droppedTags hold no text of the report.
var droppedTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "select": true,
	"textarea": true, "object": true, "iframe": true, "svg": true, "button": true,
}

// htmlCell is one cell of a table row.
type htmlCell struct {
	text             string
	n                int // source line of its text, or of its tag when empty
	colspan, rowspan int
}

// htmlConv walks the tokens of a page and prints its lines.
type htmlConv struct {
	out    []source.Line
	buf    source.TextBuf // the line being read
	rows   map[int][]source.Cell
	layout []bool // whether each table, in document order, lays out the page rather than holding data
	tables []bool // the open tables: true for a data table
	nTable int    // tables opened so far
	t      *dataTable

	skip      string // the dropped element being read
	skipDepth int
	inHead    bool
	inTitle   bool
	title     source.TextBuf
	pre       int
	h1        int // index in out of the first <h1>'s first line, -1 before it
	h1End     int
}

// run converts text, a whole page.
func (c *htmlConv) run(text string) {
	z := html.NewTokenizer(strings.NewReader(text))
	n := 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		start := n
		n += bytes.Count(z.Raw(), []byte{'\n'})
		switch tt {
		case html.TextToken:
			if c.skip == "" {
				c.text(string(z.Text()), start)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			var span [2]int
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "colspan":
					span[0] = spanOf(v, source.MaxColspan)
				case "rowspan":
					span[1] = spanOf(v, source.MaxRowspan)
				}
			}
			c.start(string(name), tt == html.SelfClosingTagToken, span, start)
		case html.EndTagToken:
			name, _ := z.TagName()
			c.end(string(name), start)
		}
	}
	if c.t != nil {
		c.closeTable()
	}
	c.flush()
}

// spanOf reads a colspan or rowspan: 1 when absent or malformed.
func spanOf(v []byte, max int) int {
	s := strings.TrimSpace(string(v))
	if i := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		s = s[:i]
	}
	k, err := strconv.Atoi(s)
	if err != nil || k < 1 {
		return 1
	}
	return min(k, max)
}

func (c *htmlConv) start(name string, selfClosing bool, span [2]int, n int) {
	if c.skip != "" {
		if name == c.skip && !selfClosing {
			c.skipDepth++
		}
		return
	}
	switch {
	case droppedTags[name]:
		if !selfClosing {
			c.skip, c.skipDepth = name, 1
		}
		return
	case name == "head":
		c.inHead = true
		return
	case name == "body":
		c.inHead = false
	case name == "title":
		c.inTitle = !selfClosing
		return
	case name == "pre":
		c.pre++
	case name == "table":
		c.openTable()
		return
	}
	if t := c.t; t != nil {
		switch name {
		case "tr":
			c.closeRow()
			t.rowN = n
		case "td", "th":
			t.openCell(n, span)
		default:
			if t.cell != nil && blockTags[name] {
				t.cell.Break()
			} else if blockTags[name] {
				c.flush()
			}
		}
		return
	}
	if blockTags[name] {
		c.flush()
	}
	if name == "h1" && c.h1 < 0 {
		c.h1, c.h1End = len(c.out), -1
	}
}

func (c *htmlConv) end(name string, n int) {
	if c.skip != "" {
		if name == c.skip {
			if c.skipDepth--; c.skipDepth == 0 {
				c.skip = ""
			}
		}
		return
	}
	switch name {
	case "head":
		c.inHead = false
		return
	case "title":
		c.inTitle = false
		return
	case "pre":
		c.pre = max(c.pre-1, 0)
	case "table":
		if len(c.tables) > 0 {
			data := c.tables[len(c.tables)-1]
			c.tables = c.tables[:len(c.tables)-1]
			if data && c.t != nil {
				c.closeTable()
			}
		}
		c.flush()
		return
	}
	if t := c.t; t != nil {
		switch name {
		case "tr":
			c.closeRow()
		case "td", "th":
			t.closeCell()
		default:
			if t.cell != nil && blockTags[name] {
				t.cell.Break()
			} else if blockTags[name] {
				c.flush()
			}
		}
		return
	}
	if blockTags[name] {
		c.flush()
	}
	if name == "h1" && c.h1 >= 0 && c.h1End < 0 {
		c.h1End = len(c.out)
	}
}

// text reads a text token that starts at source line n.
func (c *htmlConv) text(s string, n int) {
	switch {
	case c.inTitle:
		c.title.Add(s, n)
	case c.inHead:
	case c.t != nil && c.t.cell != nil:
		c.t.cell.Add(s, n)
	case c.t != nil && c.t.rowN > 0 && strings.TrimSpace(s) != "":
		// Text in a row but outside a cell is shown as a cell.
		c.t.openCell(n, [2]int{})
		c.t.cell.Add(s, n)
	case c.pre > 0:
		for i, part := range strings.Split(s, "\n") {
			if i > 0 {
				c.flush()
			}
			c.buf.Put(part, n+i)
		}
	default:
		c.buf.Add(s, n)
	}
}

// flush ends the line being read.
func (c *htmlConv) flush() {
	s, n := c.buf.Take()
	if source.Trim(s) != "" {
		c.out = append(c.out, source.Line{N: n, Text: s})
	}
}

func (c *htmlConv) openTable() {
	i := c.nTable
	c.nTable++
	data := c.t == nil && i < len(c.layout) && !c.layout[i]
	c.tables = append(c.tables, data)
	c.flush()
	if data {
		c.t = &dataTable{}
	}
}

func (c *htmlConv) closeTable() {
	c.closeRow()
	c.t = nil
}

// closeRow prints the open row of the data table as a pipe row.
func (c *htmlConv) closeRow() {
	t := c.t
	t.closeCell()
	if t.rowN == 0 && len(t.row) == 0 {
		return
	}
	n := t.rowN
	if n == 0 {
		n = t.row[0].n
	}
	cells := t.lay(n)
	t.row, t.rowN = nil, 0
	texts := make([]string, len(cells))
	blank := true
	for i, cl := range cells {
		texts[i] = cl.text
		if source.Trim(cl.text) != "" {
			blank = false
		}
	}
	if blank {
		return
	}
	c.flush()
	c.out = append(c.out, source.Line{N: n, Text: "| " + strings.Join(texts, " | ") + " |"})
	for _, cl := range cells {
		c.rows[n] = append(c.rows[n], source.Cell{Text: cl.text, N: cl.n})
	}
}

// headed returns the lines with the report's title first, where meta looks
// for it: the first <h1> that names a report, or else the page's <title>
// without the site's name. Pages put menus and breadcrumbs above it.
func (c *htmlConv) headed() []source.Line {
	var head source.Line
	if c.h1 >= 0 {
		end := c.h1End
		if end < 0 || end > len(c.out) {
			end = len(c.out)
		}
		var parts []string
		for _, l := range c.out[c.h1:end] {
			parts = append(parts, source.Trim(l.Text))
		}
		if t := strings.Join(parts, ""); strings.Contains(t, "报告") && utf8.RuneCountInString(t) <= 60 {
			head = source.Line{N: c.out[c.h1].N, Text: t}
		}
	}
	if head.Text == "" {
		s, n := c.title.Take()
		for _, part := range titleSeparator.Split(s, -1) {
			if strings.Contains(part, "报告") {
				head = source.Line{N: n, Text: source.Trim(part)}
				break
			}
		}
	}
	if head.Text == "" || len(c.out) > 0 && source.Trim(c.out[0].Text) == head.Text {
		return c.out
	}
	return append([]source.Line{head}, c.out...)
}

// dataTable is the data table being read.
type dataTable struct {
	rowN  int // source line of the open row's <tr>, 0 when none is open
	row   []htmlCell
	cell  *source.TextBuf // the open cell
	cellN int
	span  [2]int
	cover []int // per column, the rows below still covered by a cell's rowspan
}

func (t *dataTable) openCell(n int, span [2]int) {
	t.closeCell()
	t.cell, t.cellN, t.span = &source.TextBuf{}, n, span
}

func (t *dataTable) closeCell() {
	if t.cell == nil {
		return
	}
	s, n := t.cell.Take()
	if s == "" {
		n = t.cellN
	}
	t.row = append(t.row, htmlCell{text: source.CellBars.Replace(s), n: n, colspan: max(t.span[0], 1), rowspan: max(t.span[1], 1)})
	t.cell = nil
}

// lay places the cells of the open row in columns, as a text export
// prints merged cells: a cell spanning columns is followed by empty cells,
// and a cell spanning rows leaves an empty cell in its columns of the rows
// below. n is the row's line.
func (t *dataTable) lay(n int) []htmlCell {
	var out []htmlCell
	col := 0
	covered := func() {
		for col < len(t.cover) && t.cover[col] > 0 {
			out = append(out, htmlCell{n: n})
			t.cover[col]--
			col++
		}
	}
	for _, c := range t.row {
		covered()
		if col+c.colspan > source.MaxColumns {
			break
		}
		for k := range c.colspan {
			if col+k == len(t.cover) {
				t.cover = append(t.cover, 0)
			}
			if c.rowspan > 1 {
				t.cover[col+k] = c.rowspan - 1
			}
		}
		out = append(out, c)
		for k := 1; k < c.colspan; k++ {
			out = append(out, htmlCell{n: c.n})
		}
		col += c.colspan
	}
	// Columns on the right still covered by cells of the rows above.
	last := -1
	for j := col; j < len(t.cover); j++ {
		if t.cover[j] > 0 {
			last = j
		}
	}
	for ; col <= last; col++ {
		out = append(out, htmlCell{n: n})
		if t.cover[col] > 0 {
			t.cover[col]--
		}
	}
	return out
}

// layoutTables tells, for each table of the page in document order,
// whether it lays the page out rather than holding data: it holds another
// table, has a single column, or holds a long passage of prose in a cell.
// Its cells are then read as blocks of text, not as a row of cells.
func layoutTables(text string) []bool {
	type table struct {
		cells, most, chars int
		nested, prose      bool
		inCell             bool
	}
	var all []*table
	var open []*table
	skip, depth := "", 0
	z := html.NewTokenizer(strings.NewReader(text))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		var top *table
		if len(open) > 0 {
			top = open[len(open)-1]
		}
		switch tt {
		case html.TextToken:
			if top != nil && top.inCell && skip == "" {
				top.chars += utf8.RuneCount(bytes.TrimSpace(z.Raw()))
				if top.chars > 300 {
					top.prose = true
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			// As htmlConv.start reads them, so that tables are counted alike.
			name, _ := z.TagName()
			closed := tt == html.SelfClosingTagToken
			switch s := string(name); {
			case skip != "":
				if s == skip && !closed {
					depth++
				}
			case droppedTags[s]:
				if !closed {
					skip, depth = s, 1
				}
			case s == "table":
				if top != nil {
					top.nested = true
				}
				t := &table{}
				all = append(all, t)
				open = append(open, t)
			case top == nil:
			case s == "tr":
				top.cells, top.inCell = 0, false
			case s == "td" || s == "th":
				top.cells++
				top.most = max(top.most, top.cells)
				top.inCell, top.chars = true, 0
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch s := string(name); {
			case skip != "":
				if s == skip {
					if depth--; depth == 0 {
						skip = ""
					}
				}
			case s == "table" && top != nil:
				open = open[:len(open)-1]
			case top != nil && (s == "td" || s == "th"):
				top.inCell = false
			}
		}
	}
	out := make([]bool, len(all))
	for i, t := range all {
		out[i] = t.nested || t.most <= 1 || t.prose
	}
	return out
}
