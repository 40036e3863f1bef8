package form

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// Table 4's header in space-aligned text (pdftotext -layout) may print the
// pieces of its fifteen result columns scattered over lines: each block's
// cells at their own height (`结果   结果     其他   尚未` / `总 计 结果 结果 其他 …` /
// `维持   纠正     结果   审结` / `总 计` / …), so that no line holds the
// columns in order. Each piece still stands where its cell stands: the
// pieces of one column lie above each other, and the columns left to
// right. The pieces are read as columns by their horizontal overlap, each
// column's pieces joined top to bottom; the figures are put under them only
// when the columns are exactly the form's fifteen, in the form's order,
// one for each figure on the line of figures, and each block name printed
// stands over its own block's columns. pdftotext's columns do not keep a
// figure under its header (its grid gives every character one column
// however wide it prints), only the order of things left to right, so a
// figure is matched to a column by its rank, never by its offset.

// headerPiece is a piece of header text between spaces, with its place:
// the line it is printed on and its first and last column (half-open).
type headerPiece struct {
	key    string
	line   int
	x0, x1 int
}

// headerColumn is the pieces of one header column, top to bottom.
type headerColumn struct {
	pieces []headerPiece
	x0, x1 int
}

// text is the column's pieces joined top to bottom.
func (c headerColumn) text() string {
	var b strings.Builder
	for _, p := range c.pieces {
		b.WriteString(p.key)
	}
	return b.String()
}

// reviewsByPosition reads the header lines of table 4 by position and
// returns the figures of data with the form's fifteen columns, or nil
// when the header does not show them so (the caller's refusal stands).
func (r *reader) reviewsByPosition(header, data []layout.Cell) ([]layout.Cell, []slot) {
	lines, ok := r.headerLines(header)
	if !ok {
		return nil, nil
	}
	figures := sameLine(data)
	form := r.reviewsFormSlots()
	if f, _, ok := r.plainFigures(figures); !ok || len(f) != len(form) || len(figures) != len(form) {
		return nil, nil
	}
	// pdftotext's grid gives a CJK character one column; a text made for
	// a monospaced display gives it two. Either measure may show the
	// columns; when both do, they show the same (the form's, in order).
	for _, wide := range []int{1, 2} {
		if r.headerShowsForm(lines, wide) {
			return figures, form
		}
	}
	return nil, nil
}

// headerLines is the text of the lines the header cells of a table are
// printed on, from the first to the last, by line number; false when a
// line is not space-aligned text (cells parted by tabs or bars).
func (r *reader) headerLines(header []layout.Cell) (map[int]string, bool) {
	if len(header) == 0 {
		return nil, false
	}
	first, last := header[0].Line, header[len(header)-1].Line
	lines := map[int]string{}
	for n := first; n <= last; n++ {
		text, ok := r.tableLines[n]
		if !ok || strings.ContainsAny(text, "\t|｜") {
			return nil, false
		}
		lines[n] = text
	}
	return lines, true
}

// reviewsFormSlots is the fifteen columns of table 4 in the form's order.
func (r *reader) reviewsFormSlots() []slot {
	var out []slot
	for _, b := range r.s.reviewsBlocks {
		for _, c := range r.s.reviewsResults.templateColumns(gongkai.Template2019) {
			out = append(out, slot{key: c.key, printed: c.label, block: b, x0: -1, x1: -1, idx: -1})
		}
	}
	return out
}

// headerShowsForm reports whether the header lines, measured with CJK
// characters wide columns each, are the form's result columns in the
// form's order, each block name printed over its own block's columns.
func (r *reader) headerShowsForm(lines map[int]string, wide int) bool {
	var results, names []headerPiece
	for n, text := range lines {
		for _, p := range piecesOf(text, n, wide) {
			switch {
			case r.isResultPiece(p.key):
				results = append(results, p)
			case r.isBlockPiece(p.key):
				names = append(names, p)
			default:
				return false // a word no cell of table 4 holds
			}
		}
	}
	cols, ok := stackPieces(results)
	form := r.reviewsFormSlots()
	if !ok || len(cols) != len(form) {
		return false
	}
	for i, c := range cols {
		if r.resultColumn(c.text()) != form[i].key {
			return false
		}
	}
	return r.namesOverTheirBlocks(names, cols)
}

// piecesOf splits a line into pieces at spaces, measuring columns with CJK
// characters wide columns each. Characters parted by single spaces (a
// label spaced out, `总 计`) are one piece.
func piecesOf(text string, line, wide int) []headerPiece {
	var out []headerPiece
	spaced := false // the last piece is single characters parted by single spaces
	x, start, n := 0, -1, 0
	var word strings.Builder
	flush := func() {
		if start < 0 {
			return
		}
		single := n == 1
		if k := len(out); k > 0 && spaced && single && start-out[k-1].x1 == 1 {
			out[k-1].key += word.String()
			out[k-1].x1 = x
		} else {
			out = append(out, headerPiece{key: word.String(), line: line, x0: start, x1: x})
			spaced = single
		}
		word.Reset()
		start, n = -1, 0
	}
	for _, c := range text {
		if unicode.IsSpace(c) || c == '\u3000' {
			flush()
			x++
			if c == '\u3000' {
				x += wide - 1
			}
			continue
		}
		if start < 0 {
			start = x
		}
		word.WriteRune(c)
		n++
		x++
		if layout.DisplayWidth(string(c)) == 2 {
			x += wide - 1
		}
	}
	flush()
	for i := range out {
		out[i].key = label.Key(out[i].key)
	}
	return out
}

// isResultPiece reports whether key is a piece of the wording of a result
// column of table 4 (结果维持 … 总计).
func (r *reader) isResultPiece(key string) bool {
	return key != "" && columnsHold(key, r.s.reviewsResults.templateColumns(gongkai.Template2019))
}

// isBlockPiece reports whether key is a piece of the wording of a block of
// table 4 or of a header cell over blocks (行政诉讼).
func (r *reader) isBlockPiece(key string) bool {
	if key == "" {
		return false
	}
	for _, b := range r.s.reviewsBlocks {
		if inKeys(key, b.keys) {
			return true
		}
	}
	for _, sp := range r.s.spans[tableReviews] {
		if inKeys(key, sp.keys) {
			return true
		}
	}
	return false
}

// columnsHold reports whether key is inside a wording of one of cols.
func columnsHold(key string, cols []*columnSpec) bool {
	for _, c := range cols {
		if inKeys(key, c.keys) {
			return true
		}
	}
	return false
}

// inKeys reports whether key is inside one of keys.
func inKeys(key string, keys []string) bool {
	for _, k := range keys {
		if strings.Contains(k, key) {
			return true
		}
	}
	return false
}

// resultColumn is the key of the result column of table 4 whose wording is
// text exactly, or "".
func (r *reader) resultColumn(text string) string {
	for _, c := range r.s.reviewsResults.templateColumns(gongkai.Template2019) {
		for _, k := range c.keys {
			if k == text {
				return c.key
			}
		}
	}
	return ""
}

// stackPieces joins the pieces that overlap, line over line, into header
// columns, left to right; false when a column holds two pieces of one
// line (a piece over two columns: which it heads is not certain) or two
// columns overlap.
func stackPieces(pieces []headerPiece) ([]headerColumn, bool) {
	parent := make([]int, len(pieces))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	for i, p := range pieces {
		for j := i + 1; j < len(pieces); j++ {
			if q := pieces[j]; p.x0 < q.x1 && q.x0 < p.x1 {
				parent[find(i)] = find(j)
			}
		}
	}
	byRoot := map[int]*headerColumn{}
	var cols []*headerColumn
	for i, p := range pieces {
		c := byRoot[find(i)]
		if c == nil {
			c = &headerColumn{x0: p.x0, x1: p.x1}
			byRoot[find(i)] = c
			cols = append(cols, c)
		}
		c.pieces = append(c.pieces, p)
		c.x0, c.x1 = min(c.x0, p.x0), max(c.x1, p.x1)
	}
	out := make([]headerColumn, len(cols))
	for i, c := range cols {
		sort.Slice(c.pieces, func(a, b int) bool { return c.pieces[a].line < c.pieces[b].line })
		for k := 1; k < len(c.pieces); k++ {
			if c.pieces[k].line == c.pieces[k-1].line {
				return nil, false
			}
		}
		out[i] = *c
	}
	sort.Slice(out, func(a, b int) bool { return out[a].x0 < out[b].x0 })
	for i := 1; i < len(out); i++ {
		if out[i].x0 < out[i-1].x1 {
			return nil, false
		}
	}
	return out, true
}

// namesOverTheirBlocks reports whether each block name printed whole
// stands over its own block's columns: its middle within them, the
// columns being the form's, five a block. A name printed in pieces is
// not checked; a name over columns of another block is a header whose
// columns are not what they seem.
func (r *reader) namesOverTheirBlocks(names []headerPiece, cols []headerColumn) bool {
	per := len(cols) / len(r.s.reviewsBlocks)
	for _, nm := range names {
		lo, hi, whole := r.blockColumns(nm.key, per)
		if !whole {
			continue
		}
		if mid2 := nm.x0 + nm.x1; mid2 < 2*cols[lo].x0 || mid2 > 2*cols[hi-1].x1 {
			return false
		}
	}
	return true
}

// blockColumns is the range of columns [lo, hi) under the block or span of
// table 4 whose wording is key exactly, per columns a block; false when key
// is no whole name.
func (r *reader) blockColumns(key string, per int) (lo, hi int, ok bool) {
	for i, b := range r.s.reviewsBlocks {
		if slices.Contains(b.keys, key) {
			return i * per, (i + 1) * per, true
		}
	}
	for _, sp := range r.s.spans[tableReviews] {
		if !slices.Contains(sp.keys, key) {
			continue
		}
		lo, hi = -1, -1
		for i, b := range r.s.reviewsBlocks {
			if b.parent == sp.id {
				if lo < 0 {
					lo = i * per
				}
				hi = (i + 1) * per
			}
		}
		return lo, hi, lo >= 0
	}
	return 0, 0, false
}
