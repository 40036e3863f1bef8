package form

import (
	"github.com/gongkai/gongkai"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// Word and WPS top-align a table's cells by default. Under a label column
// too narrow for table 3's wordings (a Word table printed to PDF with no
// widths set), each label wraps a few characters a line and the row's
// figures print on the line of its label's FIRST piece, the rest of the
// label on the lines below; a heading merged over its rows (三、本年度办理
// 结果, （三）不予公开) prints its first piece on the line of its first row
// and its rest beside the rows' pieces below (pdftotext -layout):
//
//	一、本           208   33    6     7     20    16   290
//	年新收
//	政府信
//	…
//	三、本   （一）     9     0     0     1     0     0    10
//	年度办   予以公
//	理结果   开
//
// A reader that gathers a label's pieces before its figures gives each
// row the next row's label. Read against the form instead: every row of
// table 3 opens with its own number, and its pieces, joined, make one of
// its wordings. The lines of the table are read from a line whose last
// label piece opens a row of the form with its figures after it: a row
// opens only on a line of figures, with its number and the start of its
// wording, later in the form than the row before and unique among the
// rows after it, each heading over it open or opened on its line (by its
// number) and every label it closes complete; a piece on a line with no
// figure continues one of the labels open, left to right as they nest,
// only where exactly one way of giving the line's pieces to them keeps
// every label a start of its wording (a heading complete takes no more:
// 本年度办理结果 / 分处理 is no start of it). The table is rewritten only
// when the read ends with every label complete: each row's label joined
// on the line of its figures, with the headings opened on it, and the
// lines of pieces taken out (line numbers kept). Any piece that fits no
// label, or two, leaves the text as printed, to the readers after.

// topCell is a cell of a printed line: a cell gap is two spaces or more.
var topCell = regexp.MustCompile(`\s{2,}`)

// plainCount is a figure of table 3 as a narrow label column prints it.
var plainCount = regexp.MustCompile(`^\d+$`)

// applicationsFigures is the number of figures a row of table 3 prints:
// its seven columns. A row printing fewer (blank cells) leaves the text as
// printed, whose spacing may show the blanks' places.
const applicationsFigures = 7

// topLine is a line of a table with its label pieces before its figures.
type topLine struct {
	labels  []string
	figures []string
}

// splitTopLine cuts a line into label pieces and the figures after them
// (the plain counts that end it, whatever the spaces between: -raw prints
// `3.其他 7 1 1 0 1 0 10`); ok is false for a line that prints a figure
// among its labels.
func splitTopLine(text string) (tl topLine, ok bool) {
	fields := strings.Fields(text)
	n := len(fields)
	for n > 0 && plainCount.MatchString(fields[n-1]) {
		n--
	}
	tl.figures = fields[n:]
	rest := strings.TrimSpace(text)
	for k := len(fields) - 1; k >= n; k-- {
		rest = strings.TrimSpace(strings.TrimSuffix(rest, fields[k]))
	}
	for _, cell := range topCell.Split(rest, -1) {
		if cell == "" {
			continue
		}
		if plainCount.MatchString(strings.Join(strings.Fields(cell), "")) {
			return tl, false
		}
		tl.labels = append(tl.labels, cell)
	}
	return tl, true
}

// topLabel is a label of table 3 being read from its pieces.
type topLabel struct {
	row     *rowSpec
	text    string   // the pieces joined
	line    int      // index of the line of its figures, -1 before they are read
	figures []string // the row's figures; none for a heading
	wrap    bool     // a piece was printed on a line after the first
	// lastFigure is the index of the line of its last figure read.
	lastFigure int
	// children counts the labels opened under a heading: a label closed
	// with no figures and none is a row whose figures were not read.
	children int
}

// topRead is the state of reading table 3's labels from their pieces.
type topRead struct {
	r      *reader
	order  []*rowSpec  // table 3's rows and headings in the form's printed order
	last   int         // index in order of the last label opened, -1 before any
	open   []*topLabel // by depth, outermost first
	labels []*topLabel // every label opened, in order
}

// topAligned rewrites table 3 printed with top-aligned cells under a
// narrow label column (above), or in reading order one piece a line
// (topstream.go), or returns lines as printed.
func (r *reader) topAligned(lines []source.Line) []source.Line {
	order := r.s.printedOrder(tableApplications)
	for i := range lines {
		tl, ok := splitTopLine(lines[i].Text)
		if !ok || len(tl.labels) == 0 {
			continue
		}
		t := &topRead{r: r, order: order, last: -1}
		step := t.streamLine
		if len(tl.figures) > 0 {
			step = t.figureLine
		}
		if !step(i, tl) {
			continue
		}
		if end, ok := t.read(lines, i+1, step); ok {
			// a read of the last rows alone leaves the rows above to OCR's
			return r.ocrTopAligned(t.rewrite(lines, r.formHeaderAbove(lines, i), i, end))
		}
	}
	return r.ocrTopAligned(lines)
}

// read reads the lines from index from on with step, up to the first line
// that fits no label; ok when the labels are then all complete, each row
// with its figures, one label at least wrapped, and the read reached the
// form's last row (四、结转下年度继续办理): a table read in part would
// leave its other rows to readers that take the text's shape from the
// lines around them, which the rewrite changes.
func (t *topRead) read(lines []source.Line, from int, step func(int, topLine) bool) (end int, ok bool) {
	end = from
	for ; end < len(lines); end++ {
		if strings.TrimSpace(lines[end].Text) == "" {
			continue
		}
		tl, fits := splitTopLine(lines[end].Text)
		if !fits || !step(end, tl) {
			break
		}
	}
	wrapped, whole := false, false
	for _, l := range t.labels {
		wrapped = wrapped || l.wrap
		whole = whole || l.row == t.r.s.carriedForward
	}
	return end, wrapped && whole && t.closeFrom(0)
}

// figureLine reads a line of -layout text: a line of figures, whose last
// piece opens a row and the pieces before continue or open the headings
// over it, or a line of pieces only, each continuing a label open.
func (t *topRead) figureLine(i int, tl topLine) bool {
	if len(tl.figures) == 0 {
		return t.pieceLine(tl.labels)
	}
	if len(tl.labels) == 0 || len(tl.figures) != applicationsFigures {
		return false
	}
	first := tl.labels[len(tl.labels)-1]
	row, at := t.next(first, false)
	if row == nil {
		return false
	}
	heads := t.r.headingsOver(row)
	if !t.closeOutside(heads) || !t.headingPieces(heads, tl.labels[:len(tl.labels)-1]) {
		return false
	}
	if len(t.open) != len(heads) {
		return false // a heading over the row printed nowhere above it
	}
	t.last = at
	t.push(&topLabel{row: row, text: first, line: i, figures: tl.figures})
	return true
}

// next is the row (or, with headings, the row or heading) of table 3
// after the last label opened whose number and wording piece opens, and
// its index in the form's order: nil when none or several do.
func (t *topRead) next(piece string, headings bool) (*rowSpec, int) {
	var row *rowSpec
	at := -1
	for j := t.last + 1; j < len(t.order); j++ {
		x := t.order[j]
		if (headings || !x.group || x == t.r.s.otherHandling) && t.r.startsWording(x, piece) {
			if row != nil {
				return nil, -1 // two rows start so: not certain
			}
			row, at = x, j
		}
	}
	return row, at
}

// closeOutside closes the labels open that are no heading over a row
// whose headings are heads (outermost first); false when one is not
// complete.
func (t *topRead) closeOutside(heads []*rowSpec) bool {
	keep := 0
	for keep < len(t.open) && keep < len(heads) && t.open[keep].row == heads[keep] {
		keep++
	}
	return t.closeFrom(keep)
}

// headingPieces gives the pieces before a row's first piece to the
// headings over it: each continues a heading open or opens the next one
// by its number, in the one way that keeps every heading a start of its
// wording.
func (t *topRead) headingPieces(heads []*rowSpec, pieces []string) bool {
	if len(pieces) == 0 {
		return true
	}
	var found [][]int
	t.assign(pieces, heads, 0, 0, len(t.open), nil, &found)
	if len(found) != 1 {
		return false
	}
	for k, h := range found[0] {
		if h < len(t.open) {
			t.open[h].text += pieces[k]
			t.open[h].wrap = true
			continue
		}
		t.push(&topLabel{row: heads[h], text: pieces[k], line: -1})
	}
	return true
}

// assign finds the ways of giving pieces[k:] to heads[h:] in order, each
// head one piece at most: an open head (below len(t.open)) continues with
// a piece that bears no number, the first head not open (nOpen) opens
// with one that bears its own; each way is the head index per piece.
func (t *topRead) assign(pieces []string, heads []*rowSpec, k, h, nOpen int, way []int, found *[][]int) {
	if k == len(pieces) {
		*found = append(*found, slices.Clone(way))
		return
	}
	numbered := label.Parse(pieces[k]).Enum != ""
	for ; h < len(heads) && h <= nOpen; h++ {
		switch {
		case h < len(t.open) && !numbered && t.r.startsWording(heads[h], t.open[h].text+pieces[k]):
			t.assign(pieces, heads, k+1, h+1, nOpen, append(way, h), found)
		case h >= len(t.open) && h == nOpen && t.r.startsWording(heads[h], pieces[k]):
			t.assign(pieces, heads, k+1, h+1, nOpen+1, append(way, h), found)
		}
	}
}

// pieceLine reads a line of pieces only: each continues a label open, in
// the one way that keeps every label a start of its wording.
func (t *topRead) pieceLine(pieces []string) bool {
	if len(t.open) == 0 || len(pieces) == 0 {
		return false
	}
	heads := make([]*rowSpec, len(t.open))
	for k, l := range t.open {
		heads[k] = l.row
	}
	var found [][]int
	t.assign(pieces, heads, 0, 0, len(t.open), nil, &found)
	if len(found) != 1 {
		return false
	}
	for k, h := range found[0] {
		t.open[h].text += pieces[k]
		t.open[h].wrap = true
	}
	return true
}

// push opens a label.
func (t *topRead) push(l *topLabel) {
	if len(t.open) > 0 {
		t.open[len(t.open)-1].children++
	}
	t.open = append(t.open, l)
	t.labels = append(t.labels, l)
}

// closeFrom closes the labels open from index k on; false when one is not
// complete.
func (t *topRead) closeFrom(k int) bool {
	for _, l := range t.open[k:] {
		if !t.r.completesWording(l.row, l.text) || l.line < 0 && l.children == 0 || l.line >= 0 && len(l.figures) != applicationsFigures {
			return false
		}
	}
	t.open = t.open[:k]
	return true
}

// rewrite puts each row's label on the line of its figures, after the
// headings opened since the row before, and drops the other lines
// between from and end: the lines of pieces (the lines of figures keep
// their numbers). A header printed in the form's order on the lines from
// header to from (header < from, formHeaderAbove) is printed as one
// line of the columns, at its first line.
func (t *topRead) rewrite(lines []source.Line, header, from, end int) []source.Line {
	out := slices.Clone(lines[:from])
	if header < from {
		out = append(slices.Clone(lines[:header]), source.Line{N: lines[header].N, Page: lines[header].Page, Text: strings.Join(t.r.applicationsColumnNames(), "  ")})
	}
	byLine := map[int]*topLabel{}
	heads := map[*topLabel][]string{}
	var pending []string
	for _, l := range t.labels {
		if l.line < 0 {
			pending = append(pending, l.text)
			continue
		}
		byLine[l.line] = l
		heads[l], pending = pending, nil
	}
	for i := from; i < end; i++ {
		l, ok := byLine[i]
		if !ok {
			continue
		}
		line := lines[i]
		line.Text = strings.Join(append(append(heads[l], l.text), l.figures...), "  ")
		out = append(out, line)
	}
	return append(out, lines[end:]...)
}

// printedOrder is the rows and headings of a table in the order the form
// prints them: by their ids' numbers, a heading before its rows (the
// catalogue lists （六）其他处理's rows, which only the 2021 form has,
// last).
func (s *spec) printedOrder(table int) []*rowSpec {
	rows := slices.Clone(s.rows[table])
	slices.SortStableFunc(rows, func(a, b *rowSpec) int {
		return slices.Compare(idNumbers(a.id), idNumbers(b.id))
	})
	return rows
}

// idNumbers is the numbers of a catalogue id (3.3.6.1: 3 3 6 1).
func idNumbers(id string) []int {
	var out []int
	for _, p := range strings.Split(id, ".") {
		n, _ := strconv.Atoi(p)
		out = append(out, n)
	}
	return out
}

// headingsOver lists the headings over row of table 3, outermost first.
func (r *reader) headingsOver(row *rowSpec) []*rowSpec {
	var heads []*rowSpec
	for p := r.s.rowByID[row.parent]; p != nil; p = r.s.rowByID[p.parent] {
		heads = append([]*rowSpec{p}, heads...)
	}
	return heads
}

// startsWording reports whether text, pieces of a label joined, opens with
// row's number and its words are the start of one of row's wordings: a
// bracketed note after them (部分公开（区分处理的，只计这一) holds any words
// until it closes.
func (r *reader) startsWording(row *rowSpec, text string) bool {
	l := label.Parse(text)
	if l.EnumLevel() != row.depth || l.Ordinal() != r.s.ordinal(row) {
		return false
	}
	return slices.ContainsFunc(row.keys, func(k string) bool { return strings.HasPrefix(k, l.Key) })
}

// completesWording reports whether text is one of row's wordings whole,
// its brackets closed.
func (r *reader) completesWording(row *rowSpec, text string) bool {
	folded := label.Fold(text)
	return r.startsWording(row, text) && slices.Contains(row.keys, label.Parse(text).Key) &&
		strings.Count(folded, "(") == strings.Count(folded, ")")
}

// formHeaderAbove is the index of the first line of table 3's header
// printed just above line from, a piece a line in the form's own order
// (the header row by row, each cell in turn: 申请人情况 / 自然人 / 法人或其他
// 组织 / 总计 / 商业企业 / … / 其他, wrapped as the column is narrow): the
// lines whose text, joined, is the form's header whole, with or without
// its first span. It is from when no such lines are there: a header
// printed otherwise is left to the header's reader.
func (r *reader) formHeaderAbove(lines []source.Line, from int) int {
	whole := r.applicationsHeaderText()
	joined := ""
	for k := from - 1; k >= 0 && len(joined) < len(whole); k-- {
		joined = label.Squeeze(label.Fold(lines[k].Text)) + joined
		if joined == whole || strings.HasSuffix(whole, joined) && r.opensHeaderAfterSpan(joined) {
			return k
		}
	}
	return from
}

// applicationsHeaderText is table 3's header as the form prints it, row
// by row, folded with no space: 申请人情况, then the columns and spans of
// the second row (自然人, 法人或其他组织, 总计), then the columns under the
// span.
func (r *reader) applicationsHeaderText() string {
	var spans, top, under strings.Builder
	for _, sp := range r.s.spans[tableApplications] {
		if sp.id != legalPersons {
			spans.WriteString(sp.label)
		}
	}
	for _, c := range r.s.applications.templateColumns(gongkai.Template2019) {
		switch {
		case c.parent != legalPersons:
			top.WriteString(c.label)
		case under.Len() == 0:
			top.WriteString(r.legalPersonsLabel())
			fallthrough
		default:
			under.WriteString(c.label)
		}
	}
	return label.Squeeze(label.Fold(spans.String() + top.String() + under.String()))
}

// opensHeaderAfterSpan reports whether joined, the end of table 3's
// header text, is its whole second row and the rest: the header printed
// without its first span (申请人情况).
func (r *reader) opensHeaderAfterSpan(joined string) bool {
	cols := r.s.applications.templateColumns(gongkai.Template2019)
	return len(cols) > 0 && strings.HasPrefix(joined, label.Squeeze(label.Fold(cols[0].label)))
}

// legalPersonsLabel is the span 法人或其他组织 as the form prints it.
func (r *reader) legalPersonsLabel() string {
	for _, sp := range r.s.spans[tableApplications] {
		if sp.id == legalPersons {
			return sp.label
		}
	}
	return ""
}

// applicationsColumnNames is table 3's columns as the form names them, in
// its order.
func (r *reader) applicationsColumnNames() []string {
	var out []string
	for _, c := range r.s.applications.templateColumns(gongkai.Template2019) {
		out = append(out, c.label)
	}
	return out
}
