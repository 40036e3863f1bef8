package pdf

import (
	"math"
	"regexp"
	"slices"
	"strings"
)

// Thresholds of table reading, in em.
const (
	// headerReach: a header line is at most this far above the line below
	// it (header cells of a merged heading are centred in tall cells).
	headerReach = 5
	// attachAbove and attachBelow: a label line this close to a table's
	// first or last row is the wrapped part of that row's label.
	attachAbove = 1.0
	attachBelow = 1.5
	// labelColumnGap: label cells starting further apart than this are in
	// different label columns (block label, sub-block, row label).
	labelColumnGap = 1.5
)

// figure matches a cell that holds one figure, or a mark standing for a
// blank (a dash or a slash). A sum of money may carry its unit (18.7万元,
// table 2's 采购总金额 and 本年收费金额 as synth's Word tables print them).
var figure = regexp.MustCompile(`^([-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(%|万元|元)?|[-—–－/／])$`)

func isFigure(c cell) bool { return figure.MatchString(c.text) }

// valueStart is the index of the first of the figures a line ends with,
// -1 when it ends with text.
func valueStart(l textLine) int {
	k := len(l.cells)
	for k > 0 && isFigure(l.cells[k-1]) {
		k--
	}
	if k == len(l.cells) {
		return -1
	}
	return k
}

// row is one row of a table: the figures of a line and the label pieces
// printed beside it.
type row struct {
	line   textLine
	labels []cell
	values []cell
	// wraps is, per label piece, the piece whose text it continues (a
	// wrapped line of the same cell, overlapping it horizontally), or
	// itself.
	wraps []int
}

// sortLabels puts the label pieces in reading order and finds the
// wrapped lines among them.
func (r *row) sortLabels() {
	slices.SortStableFunc(r.labels, func(a, b cell) int { return cmpFloat(a.yc(), b.yc()) })
	r.wraps = make([]int, len(r.labels))
	for i, p := range r.labels {
		r.wraps[i] = i
		for j, q := range r.labels[:i] {
			if r.wraps[j] == j && p.x0 < q.x1 && q.x0 < p.x1 && abs(p.yc()-q.yc()) > sameLine*p.size {
				r.wraps[i] = j
				break
			}
		}
	}
}

// band is a column of figures: its bounds, its centre and the left edge
// of its figures.
type band struct{ lo, hi, c, left float64 }

// table is a run of rows whose figures share columns, with the lines
// printed before it (plain text and its header).
type table struct {
	before []textLine // lines since the previous table, header lines last
	rows   []*row
	body   []textLine // label lines between and after rows
	after  []textLine // lines after the last row, not part of it
	cols   []band
	header []textLine
	closed bool
	rules  []rule // the document's horizontal rules
	walls  []wall // and vertical ones
}

func (t *table) addRow(l textLine, k int) {
	t.rows = append(t.rows, &row{line: l, labels: slices.Clone(l.cells[:k]), values: l.cells[k:]})
}

// columns clusters the figures of rows into column bands: the figures
// of one column overlap horizontally. The first column reaches left to
// the end of the labels printed on the rows' own lines.
func columns(rows []*row) []band {
	var iv [][2]float64
	for _, r := range rows {
		for _, v := range r.values {
			iv = append(iv, [2]float64{v.x0, v.x1})
		}
	}
	slices.SortFunc(iv, func(a, b [2]float64) int { return cmpFloat(a[0], b[0]) })
	var bs []band
	for _, v := range iv {
		if n := len(bs); n > 0 && v[0] <= bs[n-1].hi {
			bs[n-1].hi = max(bs[n-1].hi, v[1])
			continue
		}
		bs = append(bs, band{lo: v[0], hi: v[1]})
	}
	for i := range bs {
		bs[i].c = (bs[i].lo + bs[i].hi) / 2
		bs[i].left = bs[i].lo
	}
	return bounds(bs)
}

// bounds widens each band to the midpoints between its neighbours' centres;
// the first band to the left by half the column pitch (or 3 em for a lone
// column), the last one to the right without end: a header over the last
// column may be wider than the figures' column.
func bounds(bs []band) []band {
	pitch := 30.0
	if len(bs) > 1 {
		pitch = (bs[len(bs)-1].c - bs[0].c) / float64(len(bs)-1)
	}
	out := make([]band, len(bs))
	for i, b := range bs {
		lo, hi := b.c-pitch/2, math.Inf(1)
		if i > 0 {
			lo = (bs[i-1].c + b.c) / 2
		}
		if i < len(bs)-1 {
			hi = (b.c + bs[i+1].c) / 2
		}
		out[i] = band{lo: min(lo, b.lo), hi: max(hi, b.hi), c: b.c, left: b.left}
	}
	return out
}

// column is the band holding x, -1 when none does.
func column(cols []band, x float64) int {
	for i, b := range cols {
		if x >= b.lo && x < b.hi {
			return i
		}
	}
	return -1
}

// place puts a row's figures into the columns, one cell per column; ok is
// false when two figures fall into one column or one into none.
func place(cols []band, values []cell) (cells []string, ok bool) {
	cells = make([]string, len(cols))
	filled := make([]bool, len(cols))
	for _, v := range values {
		i := column(cols, v.xc())
		if i < 0 || filled[i] {
			return nil, false
		}
		cells[i], filled[i] = v.text, true
	}
	return cells, true
}

// fits reports whether a line of figures continues the table: on the same
// or the next page, every figure in a column of its own.
func (t *table) fits(l textLine, k int) bool {
	last := t.rows[len(t.rows)-1].line
	if l.page != last.page && l.page != last.page+1 {
		return false
	}
	_, ok := place(columns(t.rows), l.cells[k:])
	return ok
}

// labelEdge is where the table's label area ends: the left bound of its
// first column.
func (t *table) labelEdge() float64 { return t.cols[0].lo }

// inLabelArea reports whether every cell of l lies left of the columns.
func (t *table) inLabelArea(l textLine) bool {
	edge := t.columns()[0].lo
	for _, c := range l.cells {
		if c.xc() >= edge {
			return false
		}
	}
	return true
}

// close takes the table's header from the lines before it, once, and
// moves the lines after its last row that are not part of it to t.after.
// A table closed at a page break may be reopened by the rows of the next
// page; its labels are attached when it is rendered.
func (t *table) close() {
	t.cols = t.columns()
	if !t.closed {
		t.takeHeader()
		t.closed = true
	}
	last := t.rows[len(t.rows)-1].line
	tail := t.labelTail()
	for i, l := range t.body {
		if l.y > tail && (l.y-last.y > attachBelow*l.size || l.page != last.page) {
			t.after = slices.Clone(t.body[i:])
			t.body = t.body[:i]
			break
		}
	}
}

// takeHeader moves the header lines, the lines just above the first row
// that are not narrative, from t.before to t.header.
//
// Label lines right above the first row are the wrapped start of its label;
// in a ruled table, all label lines below the column headers are rows (a
// heading row without figures, a wrapped label) and join the body.
func (t *table) takeHeader() {
	first := t.rows[0]
	y := first.line.y
	ruled := t.ruled()
	named := false
	i := len(t.before)
	for i > 0 {
		l := t.before[i-1]
		if l.page != first.line.page || y-l.y > headerReach*l.size && !t.sameWalls(l, first.line) || t.wide(l) || t.aboveBox(l) {
			break
		}
		switch {
		case !named && t.labelOnly(l) && ruled:
			t.body = append([]textLine{l}, t.body...)
		case y == first.line.y && first.line.y-l.y < attachAbove*l.size && t.labelOnly(l):
			first.labels = append(first.labels, l.cells...)
		default:
			t.header = append([]textLine{l}, t.header...)
			named = named || !t.labelOnly(l)
		}
		y = l.y
		i--
	}
	t.before = t.before[:i]
}

// labelOnly reports whether all of l lies in the label area: each cell
// centred left of the first column's bounds, or ending before its figures
// begin (a label wider than half the pitch of two columns far apart).
func (t *table) labelOnly(l textLine) bool {
	for _, c := range l.cells {
		if c.xc() >= t.labelEdge() && c.x1 > t.cols[0].left {
			return false
		}
	}
	return true
}

// wide reports whether l has a cell reaching into the columns from where
// the row labels start, or spanning more than half the columns: narrative
// or a heading, not a cell of the table.
func (t *table) wide(l textLine) bool {
	start, labelled := math.Inf(1), false
	for _, r := range t.rows {
		for _, c := range r.labels {
			start, labelled = min(start, c.x0), true
		}
	}
	// The columns' width: from the first centre to the last, and half a
	// pitch beyond each.
	span := t.cols[len(t.cols)-1].c - t.cols[0].c
	if len(t.cols) > 1 {
		span += t.pitch()
	}
	for _, c := range l.cells {
		if c.x1 <= t.cols[0].c {
			continue
		}
		if labelled && c.x0 < start+2*c.size || len(t.cols) > 1 && c.x1-c.x0 > span/2 {
			return true
		}
	}
	return false
}

// attachBody gives each cell of the label lines between rows to the
// nearest row: a wrapped label's lines, a block label printed once beside
// its rows.
func (t *table) attachBody() {
	owner := nearest
	if t.topAligned() {
		owner = above
	}
	for _, l := range t.body {
		for _, c := range l.cells {
			r := owner(t.rows, c)
			r.labels = append(r.labels, c)
		}
	}
	t.body = nil
}

// joinRuledCells joins the label pieces that one ruled cell holds (a
// label wrapped over lines, a block label printed one or two characters a
// line beside many rows) and gives the joined cell to the row nearest its
// middle. Pieces are in one cell when they overlap horizontally and no
// rule runs between them. A table without rules between its rows keeps
// its pieces as they are.
func (t *table) joinRuledCells() {
	if !t.ruled() {
		return
	}
	var pieces []cell
	for _, r := range t.rows {
		pieces = append(pieces, r.labels...)
		r.labels = nil
	}
	slices.SortStableFunc(pieces, func(a, b cell) int { return cmpFloat(a.yc(), b.yc()) })
	group := make([]int, len(pieces))
	for i := range pieces {
		group[i] = i
	}
	root := func(i int) int {
		for group[i] != i {
			i = group[i]
		}
		return i
	}
	for i, a := range pieces {
		for j := i + 1; j < len(pieces); j++ {
			b := pieces[j]
			if b.x0 < a.x1 && a.x0 < b.x1 && !t.ruleBetween(a, b) {
				group[root(j)] = root(i)
			}
		}
	}
	joined := map[int]*cell{}
	var order []int
	for i, p := range pieces {
		g := root(i)
		c, ok := joined[g]
		if !ok {
			cp := p
			cp.glyphs = nil
			joined[g], order = &cp, append(order, g)
			continue
		}
		c.text += p.text
		c.x0, c.x1 = min(c.x0, p.x0), max(c.x1, p.x1)
		c.y0, c.y1 = min(c.y0, p.y0), max(c.y1, p.y1)
	}
	var own []*row
	for _, g := range order {
		c := *joined[g]
		if t.rowless(c) {
			if r := t.splitByPage(c); r != nil {
				r.labels = append(r.labels, c)
				continue
			}
			own = append(own, &row{line: textLine{page: c.page, y: c.yc(), size: c.size}, labels: []cell{c}})
			continue
		}
		r := nearest(t.rows, c)
		r.labels = append(r.labels, c)
	}
	// A ruled cell beside no figures is a row of its own (a heading row
	// of the legacy table, 二、回应解读情况): it keeps its place.
	t.rows = append(t.rows, own...)
	slices.SortStableFunc(t.rows, func(a, b *row) int { return cmpFloat(a.line.y, b.line.y) })
}

// splitByPage is the row whose label c continues over a page break, or
// nil: a ruled cell beside no figures, above every row of its page, that
// opens with no row number, continues the last row of the page before (a
// row too tall for the page's end: 4.保护 / 第三方合法权益).
func (t *table) splitByPage(c cell) *row {
	var last *row
	for _, r := range t.rows {
		if r.line.page == c.page && r.line.y < c.yc() {
			return nil
		}
		if r.line.page == c.page-1 && len(r.values) > 0 {
			last = r
		}
	}
	if last == nil || rowNumber.MatchString(c.text) {
		return nil
	}
	return last
}

// rowless reports whether the rules above and below c enclose no row of
// figures.
func (t *table) rowless(c cell) bool {
	x := c.xc()
	above, below := math.Inf(-1), math.Inf(1)
	for _, r := range t.rules {
		if r.x0 > x || r.x1 < x {
			continue
		}
		if r.y <= c.y0 {
			above = max(above, r.y)
		}
		if r.y >= c.y1 {
			below = min(below, r.y)
		}
	}
	if math.IsInf(above, 0) || math.IsInf(below, 0) {
		return false
	}
	for _, r := range t.rows {
		if r.line.y > above && r.line.y < below {
			return false
		}
	}
	return true
}

// ruled reports whether rules separate most of the table's rows.
func (t *table) ruled() bool {
	pairs, ruled := 0, 0
	for i := 1; i < len(t.rows); i++ {
		a, b := t.rows[i-1].line, t.rows[i].line
		if a.page != b.page {
			continue
		}
		pairs++
		x := t.cols[0].c
		for _, r := range t.rules {
			if r.y > a.y && r.y < b.y && r.x0 <= x && x <= r.x1 {
				ruled++
				break
			}
		}
	}
	return pairs > 0 && 2*ruled >= pairs
}

// ruleBetween reports whether a rule runs between a and b (a above b)
// where they overlap.
func (t *table) ruleBetween(a, b cell) bool {
	x := (max(a.x0, b.x0) + min(a.x1, b.x1)) / 2
	for _, r := range t.rules {
		if r.y > a.yc() && r.y < b.yc() && r.x0 <= x && x <= r.x1 {
			return true
		}
	}
	return false
}

// nearest is the row whose line is vertically closest to c.
func nearest(rows []*row, c cell) *row {
	best := rows[0]
	for _, r := range rows[1:] {
		if abs(r.line.y-c.yc()) < abs(best.line.y-c.yc()) {
			best = r
		}
	}
	return best
}

// render writes the table: its header row (pieces spanning columns as
// lines of their own before it), then one pipe row per row.
func (t *table) render(emit func(page int, text string)) {
	t.cols = t.columns()
	t.attachBody()
	t.joinRuledCells()
	for _, r := range t.rows {
		r.sortLabels()
	}
	labels := t.labelCells()
	t.renderHeader(emit, len(labels[0]))
	for ri, r := range t.rows {
		cells := labels[ri]
		values, ok := place(t.cols, r.values)
		if !ok {
			// The figures cannot be put under the columns: print them as
			// they are, so that the form reader leaves the row unplaced
			// rather than shifting a figure into another column.
			emit(r.line.page, strings.TrimSpace(strings.Join(cells, " ")+" "+joinCells(r.values, " ")))
			continue
		}
		emit(r.line.page, pipeRow(append(cells, values...)))
	}
}

// labelCells is, per row, the text of each label column; columns empty in
// every row are left out.
func (t *table) labelCells() [][]string {
	groups := t.labelColumns()
	out := make([][]string, len(t.rows))
	used := make([]bool, groups.n)
	for ri, r := range t.rows {
		out[ri] = make([]string, groups.n)
		for i, p := range r.labels {
			g := groups.of(r.labels[r.wraps[i]].x0)
			out[ri][g] += p.text
			used[g] = true
		}
	}
	for ri := range out {
		var kept []string
		for g, c := range out[ri] {
			if used[g] {
				kept = append(kept, c)
			}
		}
		out[ri] = kept
	}
	return out
}

func (t *table) renderHeader(emit func(page int, text string), labelColumns int) {
	if len(t.header) == 0 {
		return
	}
	perCol := make([]string, len(t.cols))
	var label strings.Builder
	named := false
	var spanLines []Line
	for _, l := range t.header {
		var spans []cell
		for _, c := range t.headerPieces(l) {
			if t.inLabels(c) {
				label.WriteString(c.text)
				continue
			}
			if i := t.columnOf(c); i >= 0 {
				perCol[i] += c.text
				named = true
				continue
			}
			spans = append(spans, c)
		}
		if len(spans) > 0 {
			spanLines = append(spanLines, Line{Page: l.page, Text: joinCells(spans, " ")})
		}
	}
	// The headings spanning several columns (申请人情况, 法人或其他组织)
	// are printed above the row of column headers, as on the page.
	for _, s := range spanLines {
		emit(s.Page, s.Text)
	}
	if !named {
		if label.Len() > 0 {
			emit(t.header[0].page, label.String())
		}
		return
	}
	cells := perCol
	if n := labelColumns; label.Len() > 0 || n > 0 {
		lead := make([]string, max(n, 1))
		lead[0] = label.String()
		cells = append(lead, perCol...)
	}
	emit(t.header[0].page, pipeRow(cells))
}

// columnHeaders is the text of the header over each column.
func (t *table) columnHeaders() []string {
	perCol := make([]string, len(t.cols))
	for _, l := range t.header {
		for _, c := range l.cells {
			if i := t.columnOf(c); i >= 0 && c.xc() >= t.labelEdge() {
				perCol[i] += c.text
			}
		}
	}
	return perCol
}

// inLabels reports whether a header piece is over the label column: it
// ends before the figures of the first column begin.
func (t *table) inLabels(c cell) bool { return c.x1 <= t.cols[0].left }

// columnOf is the column a header piece names, -1 when it spans several:
// its centre is over the column, it reaches no neighbour's centre and it
// is not much wider than the column pitch.
func (t *table) columnOf(c cell) int {
	i := column(t.cols, c.xc())
	if i < 0 || t.inLabels(c) {
		return -1
	}
	if left, right, ok := t.cellWalls(c); ok {
		// The walls of its cell say how many columns it heads.
		n := 0
		for _, b := range t.cols {
			if b.c > left && b.c < right {
				n++
			}
		}
		if n != 1 {
			return -1
		}
		return i
	}
	if len(t.cols) > 1 && c.x1-c.x0 > t.pitch() ||
		i > 0 && c.x0 <= t.cols[i-1].c || i < len(t.cols)-1 && c.x1 >= t.cols[i+1].c {
		return -1
	}
	return i
}

// splits reports whether a header cell's text divides between glyphs a
// and b: a wall runs between them, or, in a table without walls, they are
// set apart by a gap.
func (t *table) splits(c cell, a, b glyph) bool {
	walled := false
	for _, w := range t.walls {
		if w.y0 > c.yc() || w.y1 < c.yc() || w.x < c.x0 || w.x > c.x1 {
			continue
		}
		walled = true
		if w.x >= a.x1-wallSlack && w.x <= b.x0+wallSlack {
			return true
		}
	}
	return !walled && b.x0-a.x1 >= headerSplitGap*c.size
}

// cellWalls are the walls left and right of c at its height: the sides of
// its cell; ok is false in a table without walls there.
func (t *table) cellWalls(c cell) (left, right float64, ok bool) {
	left, right = math.Inf(-1), math.Inf(1)
	for _, w := range t.walls {
		if w.y0 > c.yc() || w.y1 < c.yc() {
			continue
		}
		if w.x <= c.x0+wallSlack {
			left = max(left, w.x)
		}
		if w.x >= c.x1-wallSlack {
			right = min(right, w.x)
		}
	}
	return left, right, !math.IsInf(left, 0) && !math.IsInf(right, 0)
}

// pitch is the mean distance between the centres of adjacent columns.
func (t *table) pitch() float64 {
	n := len(t.cols)
	if n < 2 {
		return math.Inf(1)
	}
	return (t.cols[n-1].c - t.cols[0].c) / float64(n-1)
}

// headerPieces are the cells of a header line, a cell split where it
// covers two columns' headers set closer than a cell gap (结果 其他).
func (t *table) headerPieces(l textLine) []cell {
	var out []cell
	for _, c := range l.cells {
		out = append(out, t.splitHeader(c)...)
	}
	return out
}

// headerSplitGap: inside a header cell, a gap this wide (em) may separate
// the headers of two adjacent columns.
const headerSplitGap = 0.3

func (t *table) splitHeader(c cell) []cell {
	if t.columnOf(c) >= 0 || len(c.glyphs) < 2 {
		return []cell{c}
	}
	var parts []cell
	start := 0
	for i := 1; i <= len(c.glyphs); i++ {
		if i < len(c.glyphs) && !t.splits(c, c.glyphs[i-1], c.glyphs[i]) {
			continue
		}
		parts = append(parts, cellOf(c.glyphs[start:i], c.size))
		start = i
	}
	seen := map[int]bool{}
	for _, p := range parts {
		i := t.columnOf(p)
		if len(parts) < 2 || i < 0 || seen[i] {
			return []cell{c}
		}
		seen[i] = true
	}
	return parts
}

// labelGroups maps the left edge of a label piece to its label column.
type labelGroups struct {
	starts []float64 // left edge of each label column
	n      int
}

func (g labelGroups) of(x float64) int {
	i := 0
	for j, s := range g.starts {
		if x+wallSlack >= s {
			i = j
		}
	}
	return i
}

// wallSlack: text starts at least this far (points) right of the wall on
// its left.
const wallSlack = 1

// labelColumns finds the label columns of the table: between the walls
// drawn left of the figures, or, in a table without walls, by clustering
// the left edges of the label pieces.
func (t *table) labelColumns() labelGroups {
	var xs []float64
	top, bottom := t.rows[0].line.y, t.rows[len(t.rows)-1].line.y
	for _, w := range t.walls {
		if w.x < t.cols[0].left-wallSlack && w.y1 > top && w.y0 < bottom {
			xs = append(xs, w.x)
		}
	}
	if len(xs) == 0 {
		return labelColumns(t.rows)
	}
	slices.Sort(xs)
	g := labelGroups{starts: []float64{math.Inf(-1)}}
	for _, x := range xs {
		if x-g.starts[len(g.starts)-1] > 2*wallSlack {
			g.starts = append(g.starts, x)
		}
	}
	g.n = len(g.starts)
	return g
}

// labelColumns clusters the left edges of the rows' label pieces.
func labelColumns(rows []*row) labelGroups {
	var xs []float64
	size := 10.0
	for _, r := range rows {
		for i, c := range r.labels {
			if r.wraps[i] == i {
				xs = append(xs, c.x0)
				size = c.size
			}
		}
	}
	slices.Sort(xs)
	var g labelGroups
	for i, x := range xs {
		if i == 0 || x-xs[i-1] > labelColumnGap*size {
			g.starts = append(g.starts, x)
		}
	}
	g.n = len(g.starts)
	return g
}

func pipeRow(cells []string) string {
	return "| " + strings.Join(cells, " | ") + " |"
}

func joinCells(cs []cell, sep string) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.text
	}
	return strings.Join(parts, sep)
}
