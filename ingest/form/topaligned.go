package form

import (
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

// topLine is a line of a table with its label pieces before its figures.
type topLine struct {
	labels  []string
	figures []string
}

// splitTopLine cuts a line into label pieces and the figures after them;
// ok is false for a line that prints a label after a figure.
func splitTopLine(text string) (tl topLine, ok bool) {
	for _, cell := range topCell.Split(strings.TrimSpace(text), -1) {
		if cell == "" {
			continue
		}
		if fs := strings.Fields(cell); !slices.ContainsFunc(fs, func(f string) bool { return !plainCount.MatchString(f) }) {
			tl.figures = append(tl.figures, fs...)
			continue
		}
		if len(tl.figures) > 0 {
			return tl, false
		}
		tl.labels = append(tl.labels, cell)
	}
	return tl, true
}

// topLabel is a label of table 3 being read from its pieces.
type topLabel struct {
	row  *rowSpec
	text string // the pieces joined
	line int    // index of the line of its first piece
	wrap bool   // a piece was printed on a line below the first
}

// topRead is the state of reading table 3's labels from their pieces.
type topRead struct {
	r      *reader
	open   []*topLabel // by depth, outermost first
	labels []*topLabel // every label opened, in order
	order  []*rowSpec  // table 3's rows and headings in the form's printed order
	last   int         // index in order of the last row opened, -1 before any
	pieces []int       // indexes of the lines of pieces only
}

// topAligned rewrites table 3 printed with top-aligned cells under a
// narrow label column (above), or returns lines as printed.
func (r *reader) topAligned(lines []source.Line) []source.Line {
	order := r.s.printedOrder(tableApplications)
	for i := range lines {
		tl, ok := splitTopLine(lines[i].Text)
		if !ok || len(tl.labels) == 0 || len(tl.figures) == 0 {
			continue
		}
		t := &topRead{r: r, order: order, last: -1}
		if !t.figureLine(i, tl) {
			continue
		}
		if end, ok := t.read(lines, i+1); ok {
			return t.rewrite(lines, i, end)
		}
	}
	return lines
}

// minTopRows is the number of rows a read must hold to be taken: fewer is
// too little of table 3 to tell the shape.
const minTopRows = 3

// read reads the lines from index from on, up to the first line that fits
// no label; ok when the labels are then all complete and the read holds a
// wrapped label and minTopRows rows at least.
func (t *topRead) read(lines []source.Line, from int) (end int, ok bool) {
	end = from
	for ; end < len(lines); end++ {
		if strings.TrimSpace(lines[end].Text) == "" {
			continue
		}
		tl, fits := splitTopLine(lines[end].Text)
		if fits && len(tl.figures) > 0 {
			fits = len(tl.labels) > 0 && t.figureLine(end, tl)
		} else if fits {
			fits = t.pieceLine(end, tl.labels)
		}
		if !fits {
			break
		}
	}
	rows, wrapped := 0, false
	for _, l := range t.labels {
		if !l.row.group || l.row == t.r.s.otherHandling {
			rows++
		}
		wrapped = wrapped || l.wrap
	}
	return end, rows >= minTopRows && wrapped && t.closeFrom(0)
}

// figureLine reads a line of figures: its last piece opens a row, the
// pieces before continue or open the headings over it.
func (t *topRead) figureLine(i int, tl topLine) bool {
	rows := t.order
	first := tl.labels[len(tl.labels)-1]
	var row *rowSpec
	at := -1
	for j := t.last + 1; j < len(rows); j++ {
		if x := rows[j]; (!x.group || x == t.r.s.otherHandling) && t.r.startsWording(x, first) {
			if row != nil {
				return false // two rows start so: not certain
			}
			row, at = x, j
		}
	}
	if row == nil {
		return false
	}
	heads := t.r.headingsOver(row)
	// Labels open that are no heading over the row end here.
	keep := 0
	for keep < len(t.open) && keep < len(heads) && t.open[keep].row == heads[keep] {
		keep++
	}
	if !t.closeFrom(keep) {
		return false
	}
	if !t.headingPieces(i, heads, tl.labels[:len(tl.labels)-1]) {
		return false
	}
	if len(t.open) != len(heads) {
		return false // a heading over the row printed nowhere above it
	}
	t.last = at
	t.push(&topLabel{row: row, text: first, line: i})
	return true
}

// headingPieces gives the pieces before a row's first piece to the
// headings over it: each continues a heading open or opens the next one
// by its number, in the one way that keeps every heading a start of its
// wording.
func (t *topRead) headingPieces(i int, heads []*rowSpec, pieces []string) bool {
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
		t.push(&topLabel{row: heads[h], text: pieces[k], line: i})
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
func (t *topRead) pieceLine(i int, pieces []string) bool {
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
	t.pieces = append(t.pieces, i)
	return true
}

// push opens a label.
func (t *topRead) push(l *topLabel) {
	t.open = append(t.open, l)
	t.labels = append(t.labels, l)
}

// closeFrom closes the labels open from index k on; false when one is not
// complete.
func (t *topRead) closeFrom(k int) bool {
	for _, l := range t.open[k:] {
		if !t.r.completesWording(l.row, l.text) {
			return false
		}
	}
	t.open = t.open[:k]
	return true
}

// rewrite puts each label read on the line of its first piece, before the
// figures, and drops the lines of pieces between from and end.
func (t *topRead) rewrite(lines []source.Line, from, end int) []source.Line {
	out := slices.Clone(lines[:from])
	byLine := map[int][]string{}
	for _, l := range t.labels {
		byLine[l.line] = append(byLine[l.line], l.text)
	}
	for i := from; i < end; i++ {
		if slices.Contains(t.pieces, i) {
			continue
		}
		l := lines[i]
		if labels, ok := byLine[i]; ok {
			tl, _ := splitTopLine(l.Text)
			l.Text = strings.Join(append(labels, strings.Join(tl.figures, "  ")), "  ")
		}
		out = append(out, l)
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
