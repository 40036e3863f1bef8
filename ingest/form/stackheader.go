package form

import (
	"slices"
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// A block of table 2 whose header is printed over several lines of
// space-aligned text (pdftotext -layout) scatters the pieces of its
// columns over them, 信息内容 centred on the middle line:
//
//	            上一年项目           处理决定数
//	   信息内容             本年增/减
//	              数量              量
//
// In printed order the pieces name no columns (上一年项目, 处理决定数,
// 本年增/减, 数量, 量). By their place they do: the pieces that overlap, line
// over line, are one column's, joined top to bottom, and the columns go
// left to right. The header is read so only when every column it gives
// is worded as a column of the block (信息内容, the labels' own header, may
// stand left of them) and a column holds no two pieces of one line.

// headerAbove keeps, of the header cells read before 信息内容 (cell c)
// opens a block's header, those printed by place on the lines just above
// it: the upper pieces of a header printed over several lines, 信息内容
// centred beside them. Any other cells are dropped, as before.
func headerAbove(header []layout.Cell, c layout.Cell) []layout.Cell {
	if c.X0 < 0 || len(header) == 0 {
		return nil
	}
	for _, h := range header {
		if h.X0 < 0 || !h.Spaced || h.Line >= c.Line || c.Line-h.Line > 3 {
			return nil
		}
	}
	return header
}

// stackedProactiveHeader reads the header of block b printed over several
// lines of space-aligned text by the place of its pieces; false when it
// is not printed so or does not read as columns of b (the header is then
// read in printed order). pdftotext's grid gives a CJK character one
// column, a monospaced display two: a header that reads in both must read
// alike. The columns carry no place (a figure is put under them in order,
// the row's count deciding), since the measure that read them may not be
// the one the figures' cells were placed by.
func (r *reader) stackedProactiveHeader(b *blockSpec, header []layout.Cell) ([]layout.Cell, bool) {
	lines, ok := r.headerLines(header)
	if !ok || len(lines) < 2 {
		return nil, false
	}
	var read []layout.Cell
	for _, wide := range []int{1, 2} {
		cols, ok := b.columnsByPlace(lines, wide)
		switch {
		case !ok:
		case read == nil:
			read = cols
		case !slices.EqualFunc(read, cols, func(a, b layout.Cell) bool { return a.Text == b.Text }):
			return nil, false
		}
	}
	return read, read != nil
}

// columnsByPlace stacks the pieces of the header lines, measured with CJK
// characters wide columns each, into columns of b.
func (b *blockSpec) columnsByPlace(lines map[int]string, wide int) ([]layout.Cell, bool) {
	var pieces []headerPiece
	multi := false
	for n, text := range lines {
		ps := piecesOf(text, n, wide)
		pieces = append(pieces, ps...)
		multi = multi || len(ps) > 0 && n != pieces[0].line
	}
	cols, ok := stackPieces(pieces)
	if !ok || !multi {
		return nil, false
	}
	var out []layout.Cell
	for _, col := range cols {
		text := col.text()
		if b.wordedAs(text) {
			out = append(out, layout.Cell{Text: text, Raw: text, Line: col.pieces[0].line, Spaced: true, X0: -1, X1: -1, Idx: -1})
			continue
		}
		if len(out) > 0 || !strings.HasPrefix(text, label.Key("信息内容")) {
			return nil, false
		}
	}
	return out, len(out) > 1
}

// wordedAs reports whether key is exactly a wording of a column of b: the
// pieces of a header joined by their place are taken only whole, never as
// near enough (处理决定数本年增/减量, two columns' pieces, is near 处理决定数量).
func (b *blockSpec) wordedAs(key string) bool {
	for _, c := range b.columns {
		if slices.Contains(c.keys, key) {
			return true
		}
	}
	return false
}
