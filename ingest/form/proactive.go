package form

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// proactiveTable is what the reader keeps of table 2, proactive disclosure:
// blocks of 第二十条第（X）项, each with its own columns.
type proactiveTable struct {
	block      *blockSpec    // block in force: named by its heading or by its last row
	header     []layout.Cell // header cells read since the last row
	headerOpen bool          // 信息内容 or a column header was read and no row yet
	columns    map[*blockSpec][]slot
	votes      map[string]int // blocks whose header fits each format best
	counted    []countedBlock // blocks whose columns their figures' count chose
	// figuresFirst is a block whose figures were printed before its
	// rows' labels (earlyfigures.go).
	figuresFirst *blockSpec
	// bothFit is set when a block with no header printed as many figures
	// as both forms' columns (formhint.go); byHint holds the blocks whose
	// columns the report's other tables chose.
	bothFit bool
	byHint  map[*blockSpec]bool
	// rowsOpened is the blocks in which a row of the form was opened.
	rowsOpened map[*blockSpec]bool
	// labelsBefore is, by block, the rows of table 2 read with no cell
	// since the last that printed cells (labelsbefore.go).
	labelsBefore map[*blockSpec][]*openRow
	// lastFigureLine is the line of the last figure of table 2 read.
	lastFigureLine int
}

// isProactiveHeader reports whether l is a column header of table 2, or the
// start of one cut short (本年新 of 本年新制作数量) when weak is set.
func (r *reader) isProactiveHeader(l label.Label, weak bool) bool {
	if l.Enum != "" {
		return false
	}
	for _, b := range r.s.proactiveBlocks {
		for _, c := range b.columns {
			if c.score(l.Key) >= label.MatchThreshold || weak && weakly(l.Key, c) {
				return true
			}
		}
	}
	return false
}

// weakly reports whether key is a piece (at least two characters) of one
// of the column's wordings, as a header cut short or split over lines is.
func weakly(key string, c *columnSpec) bool {
	if utf8.RuneCountInString(key) < 2 {
		return false
	}
	for _, k := range c.keys {
		if strings.Contains(k, key) {
			return true
		}
	}
	return false
}

// proactiveColumns reads the header cells of a block of table 2 into its columns.
// Each cell is matched against the columns of both formats; the format whose
// columns fit the cells in printed order decides the cells that fit several
// (a header cut short to 本年新); a header shorter than the format's columns
// is completed from it, in order.
func (r *reader) proactiveColumns(b *blockSpec, header []layout.Cell) []slot {
	joined := joinHeaderRows(header)
	if stacked, ok := r.stackedProactiveHeader(b, header); ok {
		joined = stacked
	}
	hs := b.headerCells(joined)
	tied := b.fittingTemplates(hs)
	if len(tied) == 1 {
		r.proactive.votes[tied[0]]++
	}
	cols := b.templateColumns(tied[0])
	var slots []slot
	for i, h := range hs {
		s := slot{printed: source.Trim(h.Text), unit: unitOfHeader(h.Text), block: b, x0: h.X0, x1: h.X1, idx: h.Idx}
		k := label.Key(h.Text)
		if c, ok := b.column(h.Text); ok {
			s.key = c.key
			if i < len(cols) && cols[i].score(k) >= label.MatchThreshold {
				s.key = cols[i].key
			}
		} else if i < len(cols) && weakly(k, cols[i]) {
			s.key = b.agreedKey(tied, i)
		}
		slots = append(slots, s)
	}
	if len(hs) < len(cols) && len(hs) > 0 && sameKeys(b.templateColumns(tied[0]), b.templateColumns(tied[len(tied)-1])) {
		return completeColumns(b, slots, cols)
	}
	return slots
}

// completeColumns completes a header shorter than its format's columns
// from the format, in order, when the columns it prints are the format's
// first ones.
func completeColumns(b *blockSpec, slots []slot, cols []*columnSpec) []slot {
	for i := range slots {
		if slots[i].key != cols[i].key {
			return slots
		}
	}
	for _, c := range cols[len(slots):] {
		slots = append(slots, slot{key: c.key, printed: c.label, block: b, x0: -1, x1: -1, idx: -1})
	}
	return slots
}

// bestColumn is the column of the block whose wordings text fits best, and
// how well.
func (b *blockSpec) bestColumn(text string) (*columnSpec, float64) {
	k := label.Key(text)
	var best *columnSpec
	bs := 0.0
	for _, c := range b.columns {
		if s := c.score(k); s > bs {
			best, bs = c, s
		}
	}
	return best, bs
}

// column is the column of the block that text names, if any.
func (b *blockSpec) column(text string) (*columnSpec, bool) {
	c, s := b.bestColumn(text)
	return c, s >= label.MatchThreshold
}

// namedBy reports whether header, read since the last row, is the header
// of block b: every cell names a column of b. A block heading printed
// after its header (as PDF readers print a heading on a line of its own)
// then keeps it; any other header is dropped rather than lent to a block
// it does not name.
func (b *blockSpec) namedBy(header []layout.Cell) bool {
	if b == nil {
		return false
	}
	hs := b.headerCells(joinHeaderRows(header))
	for _, h := range hs {
		if _, ok := b.column(h.Text); !ok {
			return false
		}
	}
	return len(hs) > 0
}

// headerCells splits header cells printed with no separator
// (本年新制作数量本年新公开数量…), then joins the pieces of a header split
// over cells (本年新 | 制作数量).
func (b *blockSpec) headerCells(cells []layout.Cell) []layout.Cell {
	var split []layout.Cell
	for _, c := range cells {
		split = append(split, segment(c, b)...)
	}
	cells = split
	var hs []layout.Cell
	for i := 0; i < len(cells); i++ {
		c := cells[i]
		if i+1 < len(cells) && b.joinsNext(c, cells[i+1]) {
			j := c
			j.Text += cells[i+1].Text
			j.X1 = cells[i+1].X1
			hs = append(hs, j)
			i++
			continue
		}
		hs = append(hs, c)
	}
	return b.joinLateTails(hs)
}

// joinsNext reports whether header cell c and the cell after it are one
// column's wording cut in two: 本年新 | 制作数量, the pieces together
// fitting a column better than the second piece alone, which may be a
// header of its own; or a wording cut before its last character
// (wrappedcolumn.go).
func (b *blockSpec) joinsNext(c, next layout.Cell) bool {
	if b.namesBetterWithNext(c, next) {
		return true
	}
	if _, ok := b.column(c.Text); ok {
		return false
	}
	_, alone := b.bestColumn(next.Text)
	_, joined := b.bestColumn(c.Text + next.Text)
	return joined >= label.MatchThreshold && joined > alone
}

// fittingTemplates are the formats whose columns fit the header cells best,
// in the order of templates: one, or several that fit as well. A cell
// fitting the column at its own position scores 2, a piece of that
// column's wording 1, a column at another position 1; a cell beyond the
// format's columns costs 1.
func (b *blockSpec) fittingTemplates(hs []layout.Cell) []string {
	// A header of more cells than any format's columns scores below zero
	// for every format: the best is still one of them.
	bestScore := math.MinInt
	var tied []string
	for _, tpl := range templates {
		cols := b.templateColumns(tpl)
		score := 0
		for i, h := range hs {
			k := label.Key(h.Text)
			switch {
			case i < len(cols) && cols[i].score(k) >= label.MatchThreshold:
				score += 2
			case i < len(cols) && weakly(k, cols[i]):
				score++
			default:
				for _, c := range cols {
					if c.score(k) >= label.MatchThreshold {
						score++
					}
				}
			}
		}
		if len(hs) > len(cols) {
			score -= len(hs) - len(cols)
		}
		switch {
		case score > bestScore:
			bestScore, tied = score, []string{tpl}
		case score == bestScore:
			tied = append(tied, tpl)
		}
	}
	return tied
}

// agreedKey is the key every format of tied puts at position i, "" when
// they differ: a header cut to 本年 fits 本年新制作数量 and 本年制发件数
// alike, and is then no column at all.
func (b *blockSpec) agreedKey(tied []string, i int) string {
	key := ""
	for j, tpl := range tied {
		cs := b.templateColumns(tpl)
		if i >= len(cs) || j > 0 && cs[i].key != key {
			return ""
		}
		key = cs[i].key
	}
	return key
}

// segment splits a header cell that runs several column headers together
// into them, when the whole of it is a sequence of wordings of the block's
// columns; otherwise it returns the cell.
func segment(c layout.Cell, b *blockSpec) []layout.Cell {
	k := label.Key(c.Text)
	var parts []string
	for k != "" {
		best := ""
		for _, col := range b.columns {
			for _, ck := range col.keys {
				if len(ck) > len(best) && strings.HasPrefix(k, ck) {
					best = ck
				}
			}
		}
		if best == "" {
			return []layout.Cell{c}
		}
		parts = append(parts, best)
		k = k[len(best):]
	}
	if len(parts) < 2 {
		return []layout.Cell{c}
	}
	out := make([]layout.Cell, len(parts))
	for i, p := range parts {
		out[i] = layout.Cell{Text: p, Raw: p, Line: c.Line, X0: -1, X1: -1, Idx: -1}
	}
	return out
}

// proactiveColumnsByCount gives the columns of a block printed with no header: those of
// the one format whose column count the row's cells fit.
func (r *reader) proactiveColumnsByCount(b *blockSpec, values []layout.Cell) ([]slot, string) {
	n := len(values)
	for n > 0 && layout.Classify(values[n-1].Text, r.isUnit) == layout.Blank {
		n--
	}
	var fit []string
	for _, tpl := range templates {
		if cols := b.templateColumns(tpl); len(cols) == n {
			fit = append(fit, tpl)
		}
	}
	if len(fit) == 2 && !sameKeys(b.templateColumns(fit[0]), b.templateColumns(fit[1])) {
		r.proactive.bothFit = true
		if r.formHint == "" || !oneLine(values[:n]) {
			// Figures each on a line of their own are a text that lost
			// the table's rows (plain pdftotext), where a row's figures
			// may print before its label: the form's columns are taken
			// only for figures printed side by side, as a row.
			return nil, ""
		}
		fit = []string{r.formHint}
		r.proactive.byHint[b] = true
	}
	if len(fit) != 1 && !(len(fit) == 2 && sameKeys(b.templateColumns(fit[0]), b.templateColumns(fit[1]))) {
		return nil, ""
	}
	var slots []slot
	for _, c := range b.templateColumns(fit[0]) {
		slots = append(slots, slot{key: c.key, printed: c.label, block: b, x0: -1, x1: -1, idx: -1})
	}
	return slots, fit[0]
}

// oneLine reports whether the cells stand on one line.
func oneLine(cells []layout.Cell) bool {
	for _, c := range cells {
		if c.Line != cells[0].Line {
			return false
		}
	}
	return len(cells) > 0
}

func sameKeys(a, b []*columnSpec) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].key != b[i].key {
			return false
		}
	}
	return true
}

// joinHeaderRows joins a header printed over several rows of a row layout
// (| 本年新 | 本年新 | / | 制作数量 | 公开数量 |) cell by cell: cells at the same
// position in their rows are one header. In other layouts it returns the
// cells in order.
func joinHeaderRows(header []layout.Cell) []layout.Cell {
	var cells []layout.Cell
	lines := map[int]bool{}
	positioned := true
	for _, c := range header {
		if source.Trim(c.Text) == "" {
			continue
		}
		cells = append(cells, c)
		lines[c.Line] = true
		positioned = positioned && c.Idx >= 0
	}
	if !positioned || len(lines) < 2 {
		return cells
	}
	at := map[int]int{}
	var out []layout.Cell
	for _, c := range cells {
		if i, ok := at[c.Idx]; ok {
			out[i].Text += c.Text
			out[i].Raw += c.Raw
			continue
		}
		at[c.Idx] = len(out)
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Idx < out[j].Idx })
	return out
}

// proactiveTemplate is the format most blocks of table 2 follow, "" when none
// tells.
func (r *reader) proactiveTemplate() string {
	a, b := r.proactive.votes[gongkai.Template2019], r.proactive.votes[gongkai.Template2021]
	switch {
	case a > b:
		return gongkai.Template2019
	case b > a:
		return gongkai.Template2021
	}
	return ""
}
