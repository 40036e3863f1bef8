package legacy

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// rawRow is a label (one or more label cells) and the cells that follow it,
// as the layout groups them, before placement.
type rawRow struct {
	labels []layout.Cell
	cells  []layout.Cell // unit, value and blank cells
}

func (r rawRow) hasFigures(isUnit func(string) bool) bool {
	for _, c := range r.cells {
		if layout.Classify(c.Text, isUnit) != layout.Blank {
			return true
		}
	}
	return false
}

// peel splits the unit and value that a layout without separators, or with
// single spaces, leaves at the end of a label cell: "（一）收到申请数 件 13";
// or the unit alone, its figure in a cell of its own, as pdftotext -layout
// prints a label wrapped in a narrow column: "公开政府信 条".
func peel(c layout.Cell, isUnit func(string) bool) []layout.Cell {
	fields := strings.Fields(strings.ReplaceAll(c.Text, "\u3000", " "))
	n := len(fields)
	tail := 0
	for tail < 2 && tail < n-1 {
		if k := layout.Classify(fields[n-1-tail], isUnit); k != layout.Value && k != layout.Unit {
			break
		}
		tail++
	}
	if tail == 0 || tail == 2 && layout.Classify(fields[n-1], isUnit) != layout.Value {
		return []layout.Cell{c}
	}
	head := strings.Join(fields[:n-tail], " ")
	if tail == 1 && noteCount(fields, isUnit) {
		// （一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计 1 /
		// 次）: the count of a note whose bracket the line leaves open, its
		// unit on the next line, is the note's text, not the row's figure.
		return []layout.Cell{c}
	}
	out := []layout.Cell{{Text: head, Raw: head, Line: c.Line, RowStart: c.RowStart}}
	for _, f := range fields[n-tail:] {
		out = append(out, layout.Cell{Text: f, Raw: f, Line: c.Line})
	}
	return out
}

// noteCount reports whether the last of a label cell's fields is the count
// of a note the line leaves open (…（不同方式回应同一热点或舆情计 1): a whole
// number after a word of the note, two characters or more and no unit, and
// a bracket open before it. A unit's first character alone before a figure
// (…方面 万 9.61 / 的经费） 元: 万元 wrapped) is no such word.
func noteCount(fields []string, isUnit func(string) bool) bool {
	n := len(fields)
	if n < 2 || !wholeNumber.MatchString(fields[n-1]) {
		return false
	}
	prev := fields[n-2]
	return utf8.RuneCountInString(prev) >= 2 && !isUnit(prev) && openNote(strings.Join(fields[:n-1], " "))
}

// wholeNumber matches a count as printed: digits only.
var wholeNumber = regexp.MustCompile(`^[0-9]+$`)

// openNote reports whether a label's text leaves a bracket open: a note
// (（不同方式回应同一热点或舆情计) that goes on after it.
func openNote(text string) bool {
	depth := 0
	for _, c := range text {
		switch c {
		case '(', '（':
			depth++
		case ')', '）':
			depth--
		}
	}
	return depth > 0
}

// assemble groups cells into raw rows: a label cell opens a new row when the
// current one already has cells after its label, or when the layout starts a
// new row there; consecutive label cells stay together for placement to
// split or join.
//
// In OCR text (ocr), a unit and a figure on a line of their own (件 13)
// are the cells of the row being read: tesseract reads a page line by
// line, so they are printed level with the middle of the row's label,
// wrapped around them. Elsewhere such a line is read as a piece of label
// and its figure: text taken box by box (pdfminer) prints them apart from
// their row, and the reading-order reader places them.
func assemble(cells []layout.Cell, isUnit func(string) bool, ocr bool) []rawRow {
	cells = joinWrappedUnits(cells, isUnit)
	var rows []rawRow
	for i, c := range cells {
		if layout.Classify(c.Text, isUnit) != layout.Label {
			if len(rows) > 0 && unlabeledRow(rows[len(rows)-1], c, isUnit) {
				// A table row of its own whose label a converter lost: its
				// figures are not the row's before, and no label is its.
				rows = append(rows, rawRow{labels: []layout.Cell{{Line: c.Line, X0: -1, X1: -1, Idx: -1}}})
			}
			if len(rows) > 0 {
				rows[len(rows)-1].cells = append(rows[len(rows)-1].cells, c)
			}
			continue
		}
		parts := peel(c, isUnit)
		if ocr && unitAndFigure(parts, isUnit) {
			// 件 13 on a line of its own, between the pieces of a label
			// wrapped in a narrow column: the row's unit and figure.
			if len(rows) > 0 {
				rows[len(rows)-1].cells = append(rows[len(rows)-1].cells, parts...)
			}
			continue
		}
		cur := len(rows) - 1
		if cur >= 0 && unitAndFigure(parts, isUnit) && unitWrapsOnto(rows[cur], parts[0], isUnit) {
			// 人 / 次 6: the row's unit 人次 wrapped, its figure after the
			// unit's end.
			unit := &rows[cur].cells[0]
			unit.Text, unit.Raw = unit.Text+parts[0].Text, unit.Raw+parts[0].Raw
			rows[cur].cells = append(rows[cur].cells, parts[1])
			continue
		}
		if cur >= 0 && unitAndFigure(parts, isUnit) && besideLabel(rows[cur], c) {
			// 其中：主动公开规范性文件数 | 条 7: the unit and figure
			// printed in one cell on the line of the row's label, which
			// has no cell yet, as Chromium prints a table whose unit
			// column is too narrow for its header (单 / 位): the row's.
			rows[cur].cells = append(rows[cur].cells, parts...)
			continue
		}
		// Elsewhere 件 13 followed by more such lines is no piece of the
		// label before it, which prints nothing yet: pdfminer prints a
		// page's labels, then a unit and figure a line, and the first
		// would go to the last label.
		if cur < 0 || len(rows[cur].cells) > 0 || c.RowStart || unitAndFigure(parts, isUnit) && i+1 < len(cells) && unitAndFigure(peel(cells[i+1], isUnit), isUnit) {
			rows = append(rows, rawRow{})
			cur++
		}
		rows[cur].labels = append(rows[cur].labels, parts[0])
		rows[cur].cells = append(rows[cur].cells, parts[1:]...)
	}
	return unitTails(rows, isUnit)
}

// unitTails joins the end of a unit wrapped under its figure's line, as
// Chromium prints a unit column too narrow for 人次 or 万元: 人 6 / 次 (the
// unit's end a cell of the row's on the next line) and 万 9.61 / 的经费）
// 元 (the unit's end beside the label's last piece, or under it, which
// opens a row of its own). The row is read in the unit the two pieces
// make, not in two units, nor in 万 alone; its label's piece is its.
func unitTails(rows []rawRow, isUnit func(string) bool) []rawRow {
	out := rows[:0]
	for i := 0; i < len(rows); i++ {
		r := rows[i]
		n := len(r.cells)
		if n == 3 && unitAndFigure(r.cells[:2], isUnit) && r.cells[0].Line == r.cells[1].Line &&
			r.cells[2].Line > r.cells[1].Line && wrappedUnit(r.cells[0], r.cells[2], isUnit) {
			r.cells = []layout.Cell{joinCells(r.cells[0], r.cells[2]), r.cells[1]}
		} else if n == 3 && unitLines(r.cells, isUnit) {
			// 人 / 次 / 58: the unit wrapped a character a line, its figure
			// on the line after (pdf2md of Chromium's print of a page whose
			// unit column is as narrow as Word's).
			r.cells = []layout.Cell{joinCells(r.cells[0], r.cells[1]), r.cells[2]}
		} else if head, rest, ok := unitHead(r, isUnit); ok && i+1 < len(rows) {
			next := rows[i+1]
			if len(next.labels) > 0 && len(next.cells) == 1 && next.cells[0].Line > head.Line &&
				unitBeside(next) && wrappedUnit(head, next.cells[0], isUnit) {
				r.labels = append(slices.Clone(r.labels), next.labels...)
				if rest != "" {
					r.labels[len(r.labels)-len(next.labels)-1].Text = rest
					r.labels[len(r.labels)-len(next.labels)-1].Raw = rest
				}
				r.cells = []layout.Cell{joinCells(head, next.cells[0]), r.cells[len(r.cells)-1]}
				i++
			}
		}
		out = append(out, r)
	}
	return out
}

// unitLines reports whether three cells are a unit wrapped over two lines
// and a figure on a line after them, each alone on its line: the two
// pieces are units alone and together one unit (人 / 次: 人次).
func unitLines(cells []layout.Cell, isUnit func(string) bool) bool {
	return layout.Classify(cells[0].Text, isUnit) == layout.Unit && layout.Classify(cells[2].Text, isUnit) == layout.Value &&
		cells[0].Line < cells[1].Line && cells[1].Line < cells[2].Line && wrappedUnit(cells[0], cells[1], isUnit)
}

// unitBeside reports whether row's one cell is on the line of its last
// label piece, or on the line under it (plain pdftotext prints a cell after
// the label's cell: 的经费） / 元).
func unitBeside(row rawRow) bool {
	last := row.labels[len(row.labels)-1].Line
	return row.cells[0].Line == last || row.cells[0].Line == last+1
}

// unitHead is the first line of a unit wrapped under row's figure: its
// unit cell, on the figure's line, or the last word of its label's last
// piece, parted by a space, when that word is no unit alone (万 9.61, which
// peel leaves in the label), its figure alone on its line.
// rest is then the label's last piece without it.
func unitHead(r rawRow, isUnit func(string) bool) (head layout.Cell, rest string, ok bool) {
	switch n := len(r.cells); {
	case n == 2 && unitAndFigure(r.cells, isUnit) && r.cells[0].Line == r.cells[1].Line:
		return r.cells[0], "", true
	case n == 1 && len(r.labels) > 0 && layout.Classify(r.cells[0].Text, isUnit) == layout.Value:
		last := r.labels[len(r.labels)-1]
		fields := strings.Fields(last.Text)
		if len(fields) < 2 || last.Line != r.cells[0].Line || isUnit(fields[len(fields)-1]) {
			return layout.Cell{}, "", false
		}
		return layout.Cell{Text: fields[len(fields)-1], Line: last.Line}, strings.Join(fields[:len(fields)-1], " "), true
	}
	return layout.Cell{}, "", false
}

// wrappedUnit reports whether cells a and b, each a unit alone, are the
// two lines of one longer unit (人 / 次: 人次).
func wrappedUnit(a, b layout.Cell, isUnit func(string) bool) bool {
	x, y := strings.TrimSpace(a.Text), strings.TrimSpace(b.Text)
	return layout.Classify(y, isUnit) == layout.Unit && isUnit(x+y)
}

// joinCells is cell a with b's text after its own.
func joinCells(a, b layout.Cell) layout.Cell {
	a.Text = strings.TrimSpace(a.Text) + strings.TrimSpace(b.Text)
	a.Raw = a.Text
	return a
}

// joinWrappedUnits joins a unit wrapped in a narrow cell, one character a
// line (万 / 元, as pdfminer prints a cell's lines), into one cell: a cell
// that is no unit alone, whose next cell, on the next line, is a unit, and
// the two are a unit together. 元 alone is a unit of its own, and 26.23
// under it would be read in yuan, ten thousand times less than printed.
func joinWrappedUnits(cells []layout.Cell, isUnit func(string) bool) []layout.Cell {
	var out []layout.Cell
	for i := 0; i < len(cells); i++ {
		c := cells[i]
		if i+1 < len(cells) {
			next := cells[i+1]
			a, b := strings.TrimSpace(c.Text), strings.TrimSpace(next.Text)
			if next.Line > c.Line && a != "" && !isUnit(a) && isUnit(b) && isUnit(a+b) {
				c.Text, c.Raw = a+b, a+b
				i++
			}
		}
		out = append(out, c)
	}
	return out
}

// unitWrapsOnto reports whether row, whose only cell is a unit, is
// continued by next, a unit alone on the next line with its figure, so that
// the two are one unit wrapped in a narrow column (人 / 次 6: 人次): the row
// would otherwise be read as blank, and 次 6 as a row with no label.
func unitWrapsOnto(row rawRow, next layout.Cell, isUnit func(string) bool) bool {
	if len(row.cells) != 1 || next.Line <= row.cells[0].Line {
		return false
	}
	u := strings.TrimSpace(row.cells[0].Text)
	return layout.Classify(u, isUnit) == layout.Unit && isUnit(u+strings.TrimSpace(next.Text))
}

// unitAndFigure reports whether the pieces a cell was peeled into are a
// unit and a figure, and no label.
func unitAndFigure(parts []layout.Cell, isUnit func(string) bool) bool {
	return len(parts) == 2 && layout.Classify(parts[0].Text, isUnit) == layout.Unit && layout.Classify(parts[1].Text, isUnit) == layout.Value
}

// unlabeledRow reports whether cell c, no label, starts a row of a table
// layout (a pipe or tab row) after row, which printed a figure on an
// earlier line: the first cell of a row with no label.
func unlabeledRow(row rawRow, c layout.Cell, isUnit func(string) bool) bool {
	if !c.RowStart || c.Idx < 0 {
		return false
	}
	for _, v := range row.cells {
		if v.Line != c.Line && layout.Classify(v.Text, isUnit) == layout.Value {
			return true
		}
	}
	return false
}

// logicalRow is a row of the printed table with its placement.
type logicalRow struct {
	labels  []layout.Cell
	cells   []layout.Cell
	label   label.Label
	section int // section in force before this row
	prev    int // row placed before this one
	match   match
}

func (r *logicalRow) text() string {
	var b strings.Builder
	for _, c := range r.labels {
		b.WriteString(c.Text)
	}
	return b.String()
}

// legacyTable reads the rows of the 2014 form.
type legacyTable struct {
	cat     *catalog.Catalog
	m       *matcher
	isUnit  func(string) bool
	rows    []*logicalRow
	columns []valueColumn // the value columns when the header names several, else nil
	ocr     int           // signs of OCR on the table's lines (ocrsign): 0 in typed text
	// ruleGlyphs is the lines where a figure has a bar glued to it: the
	// table's rule read as a glyph (ocr.go).
	ruleGlyphs int
}

// valueColumn is one of several value columns of a local variant of the
// legacy table (区政府统计数 | 区直单位统计数 | 乡镇街道统计数).
type valueColumn struct {
	header    string // as printed
	breakdown string
}

// setColumns takes the value column headers of the table's header row. One
// column (统计数) is the national form; several are read column by column,
// each as a breakdown named in legacy_columns.csv, or column_N.
func (t *legacyTable) setColumns(headers []string) {
	if len(headers) < 2 {
		return
	}
	for i, h := range headers {
		col := valueColumn{header: source.Trim(h), breakdown: fmt.Sprintf("column_%d", i+1)}
		best := label.MatchThreshold
		for _, c := range t.cat.LegacyColumns {
			for _, l := range c.Labels {
				if s := label.Similarity(label.Key(h), label.Key(l)); s >= best {
					best, col.breakdown = s, c.Breakdown
				}
			}
		}
		t.columns = append(t.columns, col)
	}
	kinds := make([]string, len(t.columns))
	for i, c := range t.columns {
		kinds[i] = c.breakdown
	}
	if y := theYearColumn(headers, kinds); y >= 0 {
		t.columns[y].breakdown = gongkai.BreakdownTotal
	}
}

// theYearColumn returns which of the value columns headed by a year
// (2015年度) holds the year's own figure, the observation itself, or -1.
// One such column is the year's (Fujian prints 2015年度 | 历年累计). A
// table that compares years (2014年度 | 2015年度 | 同比增减) prints the
// report's year as the latest: the earlier years' figures are kept under
// their column, never taken for the year's. No year column is the year's
// when another column is named so (本年度 | 2014年度), or when the latest
// year is printed twice.
func theYearColumn(headers, kinds []string) int {
	if slices.Contains(kinds, gongkai.BreakdownTotal) {
		return -1
	}
	best, year, ties := -1, 0, false
	for i, h := range headers {
		m := yearColumn.FindStringSubmatch(label.Squeeze(label.Fold(h)))
		if m == nil {
			continue
		}
		y, _ := strconv.Atoi(m[1])
		switch {
		case y > year:
			best, year, ties = i, y, false
		case y == year:
			ties = true
		}
	}
	if ties {
		return -1
	}
	return best
}

// yearColumn matches a value column headed by a year (2015年度).
var yearColumn = regexp.MustCompile(`^(\d{4})年度?$`)

func newLegacyTable(cat *catalog.Catalog) *legacyTable {
	return &legacyTable{
		cat: cat,
		m:   legacyMatcher(cat),
		isUnit: func(s string) bool {
			_, ok := cat.UnitBySymbol(s)
			return ok
		},
	}
}

// legacyMatchers holds the matcher of each catalogue's legacy rows: it is
// read-only once built, and building it is a tenth of a parse.
var legacyMatchers sync.Map

func legacyMatcher(cat *catalog.Catalog) *matcher {
	if m, ok := legacyMatchers.Load(cat); ok {
		return m.(*matcher)
	}
	m, _ := legacyMatchers.LoadOrStore(cat, newMatcher(cat.Legacy))
	return m.(*matcher)
}

// context is the section and row in force after the rows read so far. In
// OCR text, a heading whose words OCR garbled past recognition (十一、查阅
// 次”3911点接待人数) still opens its section by its number, when the form
// numbers that section after the one in force: its sub-rows (区（市）政府
// 及其部门, printed in several sections) are its own, not the section's
// before.
func (t *legacyTable) context() (sec, prev int) {
	numbered := -1
	for i := len(t.rows) - 1; i >= 0; i-- {
		r := t.rows[i]
		if r.match.row >= 0 {
			if numbered > t.m.section[r.match.row] {
				return numbered, numbered
			}
			return t.m.section[r.match.row], r.match.row
		}
		if numbered < 0 {
			numbered = t.numberedSection(r)
		}
	}
	return numbered, numbered
}

// numberedSection is the section a row the form does not place names by
// its number (十一、 the form's 11), in OCR text and a table numbered as
// the national form is; -1 otherwise.
func (t *legacyTable) numberedSection(r *logicalRow) int {
	if t.ocr == 0 || t.ownNumbering() || r.label.EnumLevel() != 1 {
		return -1
	}
	if i, ok := t.m.byID[strconv.Itoa(r.label.Ordinal())]; ok && t.cat.Legacy[i].Parent == "" {
		return i
	}
	return -1
}

// maxLabel is the length, in runes, beyond which cells are not joined into
// one label: the longest row of the forms, wrapped notes included, is far
// shorter, and joining without bound would make parsing quadratic.
const maxLabel = 120

func tooLong(cells ...[]layout.Cell) bool {
	n := 0
	for _, cs := range cells {
		for _, c := range cs {
			n += utf8.RuneCountInString(c.Text)
		}
	}
	return n > maxLabel
}

func (t *legacyTable) placeRow(r *logicalRow) {
	r.label = label.Parse(r.text())
	if t.ownNumbering() && r.label.EnumLevel() == 3 {
		// The variant numbers its sub-rows its own way (2.政府公报公开数 is
		// the national form's 1.2.1): the row is matched by its words, as
		// when its cells run together.
		r.label.Enum = ""
	}
	r.match = t.m.place(r.label, r.section, r.prev)
}

// ownNumbering reports whether the table is a regional variant that
// numbers its sub-rows its own way: Fujian's, whose value columns are the
// year's and 历年累计.
func (t *legacyTable) ownNumbering() bool {
	return slices.ContainsFunc(t.columns, func(c valueColumn) bool { return c.breakdown == breakdownCumulative })
}

// add places one raw row: its label cells are split into printed rows where
// a new numbered row begins, and a fragment (the rest of a wrapped label) is
// joined to the row it belongs to.
func (t *legacyTable) add(raw rawRow) {
	groups := t.splitLabels(raw.labels)
	for i, g := range groups {
		var cells []layout.Cell
		if i == len(groups)-1 {
			cells = raw.cells
		}
		t.addLogical(g, cells)
	}
}

func (t *legacyTable) splitLabels(labels []layout.Cell) [][]layout.Cell {
	var groups [][]layout.Cell
	for _, c := range labels {
		n := len(groups)
		if n == 0 || t.startsRow(groups[n-1], c) {
			groups = append(groups, []layout.Cell{c})
			continue
		}
		groups[n-1] = append(groups[n-1], c)
	}
	return groups
}

// startsRow reports whether label cell c begins a new printed row after the
// label cells of group: it does when it is numbered, or when group and c each
// fit a row better than the two joined do.
func (t *legacyTable) startsRow(group []layout.Cell, c layout.Cell) bool {
	l := label.Parse(c.Text)
	if l.Enum != "" || l.Subset {
		return true
	}
	if tooLong(group, []layout.Cell{c}) {
		return true
	}
	if l.Key == "" { // a bracketed note: the end of the label before it
		return false
	}
	sec, prev := t.context()
	g := &logicalRow{labels: group}
	alone := t.m.place(label.Parse(g.text()), sec, prev)
	next := t.m.place(l, sec, prev)
	if alone.row < 0 || next.row < 0 {
		return false
	}
	g.labels = append(append([]layout.Cell{}, group...), c)
	joined := t.m.place(label.Parse(g.text()), sec, prev)
	return joined.row < 0 || joined.score < alone.score || joined.score < next.score
}

func (t *legacyTable) addLogical(labels, cells []layout.Cell) {
	sec, prev := t.context()
	r := &logicalRow{labels: labels, cells: cells, section: sec, prev: prev}
	t.placeRow(r)
	// An unnumbered piece of label may be the rest of a wrapped one.
	if n := len(t.rows); n > 0 && r.label.Enum == "" && !r.label.Subset {
		if t.joinFragment(t.rows[n-1], r) || t.joinSameRow(t.rows[n-1], r) {
			return
		}
	}
	t.rows = append(t.rows, r)
}

// joinFragment joins fragment r to the row before it when together they fit
// the form at least as well as either alone: the head of a wrapped label with its figures on
// the last line, or the tail of a wrapped label printed after the figures.
func (t *legacyTable) joinFragment(p, r *logicalRow) bool {
	pFig := rawRow{cells: p.cells}.hasFigures(t.isUnit)
	rFig := rawRow{cells: r.cells}.hasFigures(t.isUnit)
	if pFig && rFig || tooLong(p.labels, r.labels) {
		return false
	}
	joined := &logicalRow{labels: append(append([]layout.Cell{}, p.labels...), r.labels...), section: p.section, prev: p.prev}
	t.placeRow(joined)
	if joined.match.row < 0 || p.match.row >= 0 && joined.match.score < p.match.score ||
		r.match.row >= 0 && joined.match.score < r.match.score {
		return false
	}
	p.labels = joined.labels
	p.label, p.match = joined.label, joined.match
	if rFig {
		p.cells = r.cells
	}
	return true
}

// joinSameRow joins fragment r to the row before it when both name the
// same row of the form and only r prints figures: a label wrapped over
// lines whose pieces each hold enough of the wording (八、开通政府信息公开 /
// 网站或设立门户网站信息公开专栏数 个 2), which joinFragment did not join
// because a piece of it was peeled off as it was read.
func (t *legacyTable) joinSameRow(p, r *logicalRow) bool {
	pFig := rawRow{cells: p.cells}.hasFigures(t.isUnit)
	rFig := rawRow{cells: r.cells}.hasFigures(t.isUnit)
	if r.match.row < 0 || r.match.row != p.match.row || pFig || !rFig || tooLong(p.labels, r.labels) {
		return false
	}
	p.labels = append(p.labels, r.labels...)
	p.cells = r.cells
	return true
}

// observations turns the placed rows into observations and unplaced rows.
func (t *legacyTable) observations() ([]gongkai.Observation, []gongkai.Unplaced) {
	var obs []gongkai.Observation
	var unplaced []gongkai.Unplaced
	seen := map[int]int{} // row index → line it was read at
	disorder := t.outOfOrder()
	surplus := "" // the label of the row before, when it printed more figures than one
	for _, r := range t.rows {
		before := surplus
		surplus = ""
		if t.columns == nil && figureCount(r.cells, t.isUnit) > 1 {
			surplus = r.text()
		}
		if r.match.row < 0 {
			unplaced = append(unplaced, t.unplaced(r, r.match.reason))
			continue
		}
		if why := t.distrusted(r, disorder); why != "" && !t.cat.Legacy[r.match.row].Group {
			unplaced = append(unplaced, t.unplaced(r, why))
			continue
		}
		row := t.cat.Legacy[r.match.row]
		if line, dup := seen[r.match.row]; dup {
			unplaced = append(unplaced, t.unplaced(r, fmt.Sprintf("row %s (%s) was already read at line %d", row.ID, row.Label, line)))
			continue
		}
		seen[r.match.row] = r.labels[0].Line
		if t.columns != nil {
			os, err := t.columnObservations(r, row)
			if err != "" {
				unplaced = append(unplaced, t.unplaced(r, err))
				continue
			}
			obs = append(obs, os...)
			continue
		}
		o, err := t.observation(r, row)
		if err != "" {
			unplaced = append(unplaced, t.unplaced(r, err))
			continue
		}
		if o != nil && o.Value == nil && before != "" && layout.Classify(o.Raw, t.isUnit) == layout.Blank {
			// 2.兼职人员数 人 8 9.61 / （四）…专项经费 万元: a row printing
			// no figure after one printing two (PyMuPDF's blocks sorted a
			// figure above its label): its figure may be the one there.
			unplaced = append(unplaced, t.unplaced(r, fmt.Sprintf("prints no figure, and the row before (%s) prints one figure too many: it may be this row's", before)))
			continue
		}
		if o != nil {
			obs = append(obs, *o)
		}
	}
	return obs, unplaced
}

// figureCount is how many of cells print a figure.
func figureCount(cells []layout.Cell, isUnit func(string) bool) int {
	n := 0
	for _, c := range cells {
		if layout.Classify(c.Text, isUnit) == layout.Value {
			n++
		}
	}
	return n
}

func (t *legacyTable) unplaced(r *logicalRow, reason string) gongkai.Unplaced {
	u := gongkai.Unplaced{Label: r.text(), Line: r.labels[0].Line, Reason: reason, Cells: []string{}}
	for _, c := range r.cells {
		u.Cells = append(u.Cells, c.Raw)
	}
	return u
}

// observation reads the unit and figure of a placed row. A heading row
// yields nothing; a heading row that prints a figure is an error.
func (t *legacyTable) observation(r *logicalRow, row catalog.Row) (*gongkai.Observation, string) {
	var unitCell, valueCell *layout.Cell
	var values int
	if u, rest, ok := t.unitUnderLabel(r); ok {
		unitCell = &u
		r = &logicalRow{labels: rest, cells: r.cells, label: r.label, section: r.section, prev: r.prev, match: r.match}
	}
	for i := range r.cells {
		c := &r.cells[i]
		switch layout.Classify(c.Text, t.isUnit) {
		case layout.Unit: // before the figure (统计指标|单位|统计数) or after it (统计指标|统计数|单位)
			if unitCell == nil {
				unitCell = c
				continue
			}
			return nil, fmt.Sprintf("two units, %q and %q", unitCell.Text, c.Text)
		case layout.Value:
			values++
			if valueCell == nil || layout.Classify(valueCell.Text, t.isUnit) == layout.Blank {
				valueCell = c
			}
		case layout.Blank:
			if valueCell == nil && (unitCell != nil || i > 0) {
				valueCell = c
			}
		}
	}
	if values > 1 {
		return nil, fmt.Sprintf("%d figures where the form has one", values)
	}
	if row.Group {
		if values > 0 {
			return nil, fmt.Sprintf("heading row %s prints a figure", row.ID)
		}
		return nil, ""
	}
	if unitCell == nil && valueCell == nil && t.printsUnits() {
		return nil, "prints neither its unit nor a figure where the table's rows print their units: its cells are printed apart from it, not blank"
	}
	if t.ocr > 0 && (valueCell == nil || layout.Classify(valueCell.Text, t.isUnit) == layout.Blank) {
		// OCR drops a figure it cannot read (a narrow 1, a figure
		// touching a rule): an empty cell is no blank it printed.
		return nil, fmt.Sprintf("prints no figure, %s: OCR loses figures, and the cell is not certain to be blank", t.misreadText())
	}
	ind, _ := t.cat.Indicator(row.Indicator)
	unit, _ := t.cat.Unit(ind.Unit)
	o := &gongkai.Observation{
		Indicator: row.Indicator,
		Breakdown: gongkai.BreakdownTotal,
		Unit:      ind.Unit,
		Label:     r.text(),
		Line:      r.labels[0].Line,
		Flags:     []string{},
	}
	if valueCell == nil {
		if unitCell != nil && label.Fold(unitCell.Text) != unit.Symbol {
			// 人次's row printing 次 alone: the unit's other piece, and
			// the figure with it, are printed apart from the row.
			return nil, fmt.Sprintf("prints the unit %s, not its own (%s), and no figure: its cells are printed apart from it, not blank", unitCell.Text, unit.Symbol)
		}
		o.Flags = append(o.Flags, gongkai.FlagBlank)
	} else {
		v := figure.Parse(valueCell.Raw)
		o.Raw, o.Line, o.Value = valueCell.Raw, valueCell.Line, v.Number
		o.Flags = append(o.Flags, v.Flags...)
		printed := v.Unit
		if unitCell != nil {
			printed = label.Fold(unitCell.Text)
		}
		if printed != "" && printed != unit.Symbol {
			o.Value, o.Flags = figure.Convert(t.cat, o.Value, printed, unit, o.Flags)
			if t.ocr > 0 && slices.Contains(o.Flags, gongkai.FlagUnitMismatch) {
				return nil, fmt.Sprintf("%s printed under the unit %s, not the row's (%s), %s: the figure is another row's, perhaps, whose label OCR garbled",
					o.Raw, printed, unit.Symbol, t.misreadText())
			}
		}
	}
	if unitCell == nil && valueCell != nil && figure.Parse(valueCell.Raw).Unit == "" {
		o.Flags = append(o.Flags, gongkai.FlagUnitMissing)
	}
	return o, ""
}

// printsUnits reports whether a row of the table prints a unit in a cell
// of its own: the form's unit column is printed on every row, so a row of
// such a table whose line holds no unit and no figure is no blank cell
// but a label whose cells text taken in reading order printed elsewhere
// (pdfminer: a page's labels, then a unit and figure a line). A unit
// printed apart from every label (次 0, read as a row whose label is the
// unit) shows the unit column as well as a unit beside a label does.
func (t *legacyTable) printsUnits() bool {
	for _, r := range t.rows {
		if len(r.labels) == 1 && t.isUnit(label.Fold(strings.TrimSpace(r.labels[0].Text))) && printsFigure(r.cells, t.isUnit) {
			return true
		}
		for _, c := range r.cells {
			if layout.Classify(c.Text, t.isUnit) == layout.Unit {
				return true
			}
		}
	}
	return false
}

// columnObservations reads a placed row of a table with several value
// columns: one observation per column, placed by position when every column
// has a cell (blank or not), or when exactly as many figures as columns are
// printed; otherwise the row is not placed.
func (t *legacyTable) columnObservations(r *logicalRow, row catalog.Row) ([]gongkai.Observation, string) {
	var unitCell *layout.Cell
	var cells []*layout.Cell // the cells of the value columns, in order
	figures := 0
	for i := range r.cells {
		c := &r.cells[i]
		switch layout.Classify(c.Text, t.isUnit) {
		case layout.Unit:
			if unitCell != nil {
				return nil, fmt.Sprintf("two units, %q and %q", unitCell.Text, c.Text)
			}
			unitCell = c
		case layout.Value:
			figures++
			cells = append(cells, c)
		case layout.Blank:
			cells = append(cells, c)
		}
	}
	if row.Group {
		if figures > 0 {
			return nil, fmt.Sprintf("heading row %s prints a figure", row.ID)
		}
		return nil, ""
	}
	n := len(t.columns)
	if len(cells) == n+1 && unitCell == nil && layout.Classify(cells[0].Text, t.isUnit) == layout.Blank {
		cells = cells[1:] // the unit column, blank
	}
	if len(cells) != n {
		if figures != n {
			return nil, fmt.Sprintf("%d figures for the %d value columns, and the layout does not show which are blank", figures, n)
		}
		var printed []*layout.Cell
		for _, c := range cells {
			if layout.Classify(c.Text, t.isUnit) == layout.Value {
				printed = append(printed, c)
			}
		}
		cells = printed
	}
	var out []gongkai.Observation
	for i, col := range t.columns {
		one := *r
		one.cells = []layout.Cell{*cells[i]}
		if unitCell != nil {
			one.cells = []layout.Cell{*unitCell, *cells[i]}
		}
		o, err := t.observation(&one, row)
		if err != "" || o == nil {
			return nil, err
		}
		if cells[i].Text == "" {
			o.Line = cells[i].Line
		}
		o.Breakdown = col.breakdown
		o.Column = &col.header
		out = append(out, *o)
	}
	return out, ""
}

// besideLabel reports whether cell c is on the line of row's last label
// cell, after it, and the row has no cell yet: a cell of that row.
func besideLabel(row rawRow, c layout.Cell) bool {
	if len(row.labels) == 0 || len(row.cells) > 0 {
		return false
	}
	last := row.labels[len(row.labels)-1]
	return last.Line == c.Line && !c.RowStart
}

// unitUnderLabel is the unit that ends row's label as pieces of their own,
// and the label's pieces before it: a unit and figure printed on the line
// under the label (其中：主动公开规范性文件数 / 条 14, as plain pdftotext
// prints Chromium's print of the table, the label's cell before the
// unit's and figure's), whose unit assemble read as a piece of the label,
// or a unit wrapped one character a line (的经费） / 万 / 元 15.85, pdf.js).
// The row was placed with the pieces as they were read; the unit is read
// as the row's unit, not as words of its label. ok is false when the
// label ends with no such piece, or is one.
func (t *legacyTable) unitUnderLabel(r *logicalRow) (unit layout.Cell, rest []layout.Cell, ok bool) {
	if t.ocr > 0 || !printsFigure(r.cells, t.isUnit) {
		return layout.Cell{}, nil, false
	}
	for k := 2; k >= 1; k-- {
		n := len(r.labels) - k
		if n < 1 {
			continue
		}
		text := ""
		for _, c := range r.labels[n:] {
			text += strings.TrimSpace(c.Text)
		}
		if !t.isUnit(text) || r.labels[n].Line <= r.labels[0].Line {
			continue
		}
		unit = r.labels[n]
		unit.Text, unit.Raw = text, text
		return unit, r.labels[:n], true
	}
	return layout.Cell{}, nil, false
}

// printsFigure reports whether cells hold a figure.
func printsFigure(cells []layout.Cell, isUnit func(string) bool) bool {
	return slices.ContainsFunc(cells, func(c layout.Cell) bool { return layout.Classify(c.Text, isUnit) == layout.Value })
}
