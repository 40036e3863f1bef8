package form

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// formReader reads the cells of the tables of the 2019/2021 format in
// printed order. Whatever the layout, a table is a stream of header cells,
// row labels and figures: header cells set the columns in force, a row label
// opens a row, and the figures after it fill the columns in order. The
// tables are told apart by their own cells (第二十条第（X）项 and 信息内容 open
// table 2, the applicant headers and rows table 3, the 行政复议/行政诉讼 headers
// table 4), never by the year or the notice a report cites.
type formReader struct {
	s      *formSpec
	cat    *catalog.Catalog
	isUnit func(string) bool
	cells  layout.Reader

	table     int // table being read: 2, 3, 4, or 0 before any
	lastTable int // the last table read, 0 before any

	// table 2
	block      *fBlock       // block in force: named by its heading or by its last row
	header2    []layout.Cell // header cells read since the last row
	headerOpen bool          // 信息内容 or a column header was read and no row yet
	slots2     map[*fBlock][]slot
	votes2     map[string]int

	// table 3
	header3 []layout.Cell
	slots3  []slot
	body3   bool  // a row of table 3 was read
	group   *fRow // innermost heading row in force
	sub6    bool  // a row under （六）其他处理 was read: the 2021 layout
	other6  []int // observations of （六）其他处理 itself

	// table 4
	cells4 []layout.Cell
	marks4 []mark4 // block labels met after the figures began

	lastShort bool // the last row read has fewer cells than columns

	cur      *openRow
	obs      []gongkai.Observation
	unplaced []gongkai.Unplaced
	seen     map[string]int // row key → line it was read at
	t4       map[string]*float64
	t4Obs    map[string]int
}

// slot is one column of a block as the report prints it.
type slot struct {
	key     string // column key, the breakdown in table 3
	printed string // the header as printed, split parts joined
	unit    string // a unit named in the header (万元 in 采购总金额(万元)), or ""
	block   *fBlock
	x0, x1  int // display columns of the header in a space-aligned layout, -1 when unknown
	idx     int // position of the header in its row of a pipe or tab layout, -1 when unknown
}

// openRow is a row being read.
type openRow struct {
	table  int
	row    *fRow   // nil when no row of the form has the label
	block  *fBlock // table 2: block of the row
	group  *fRow   // heading in force when the row began
	labels []layout.Cell
	values []layout.Cell
}

type mark4 struct {
	at    int // index into cells4 of the first cell after the label
	block *fBlock
	label string
}

func newFormReader(cat *catalog.Catalog) *formReader {
	r := &formReader{
		s:      newFormSpec(cat),
		cat:    cat,
		isUnit: func(s string) bool { _, ok := cat.UnitBySymbol(s); return ok },
		slots2: map[*fBlock][]slot{},
		votes2: map[string]int{},
		seen:   map[string]int{},
		t4:     map[string]*float64{},
		t4Obs:  map[string]int{},
	}
	r.cells = layout.Reader{IsUnit: r.isUnit, Apart: r.apart}
	return r
}

func (r *formReader) labelText(cs []layout.Cell) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.Text)
	}
	return b.String()
}

// feed reads one cell.
func (r *formReader) feed(c layout.Cell) {
	switch layout.Classify(c.Text, r.isUnit) {
	case layout.Blank, layout.Value:
		r.value(c)
	case layout.Unit:
		// a unit printed in a cell of its own says nothing the form does not
	default:
		r.label(c)
	}
	if r.table != 0 {
		r.lastTable = r.table
	}
}

func (r *formReader) value(c layout.Cell) {
	if r.table == 4 {
		r.cells4 = append(r.cells4, c)
		return
	}
	if r.cur != nil {
		if c.RowStart && layout.Classify(c.Text, r.isUnit) == layout.Blank && len(r.cur.values) > 0 && r.cur.values[len(r.cur.values)-1].Line != c.Line {
			return // the empty cell left of a label printed in a merged cell
		}
		r.cur.values = append(r.cur.values, c)
		return
	}
	if layout.Classify(c.Text, r.isUnit) == layout.Blank {
		return // under a heading
	}
	r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: "", Cells: []string{c.Raw}, Line: c.Line,
		Reason: "a figure with no row label before it"})
}

var unitNote = regexp.MustCompile(`^(单位|计量单位)[:：]`)

func (r *formReader) label(c layout.Cell) {
	l := label.Parse(c.Text)
	folded := label.Squeeze(label.Fold(c.Text))
	switch {
	case strings.Contains(folded, "勾稽关系"):
		r.closeRow()
		r.table = 3
		return
	case l.Key == "":
		// A bracketed note alone: the end of a wrapped label.
		if r.cur != nil && len(r.cur.values) == 0 {
			r.cur.labels = append(r.cur.labels, c)
		}
		return
	case unitNote.MatchString(folded):
		return
	case l.EnumLevel() == 1 && r.isSection(l.Key):
		r.closeRow()
		r.finishTable4()
		r.table = 0
		return
	}
	if m := articleBlock.FindStringSubmatch(folded); m != nil {
		r.closeRow()
		r.finishTable4()
		r.table = 2
		r.block = r.blockOfArticle(m[1])
		r.header2, r.headerOpen = nil, false
		return
	}
	if strings.HasPrefix(l.Key, "信息内容") {
		r.closeRow()
		r.finishTable4()
		r.table = 2
		r.header2, r.headerOpen = nil, true
		if rest := strings.TrimPrefix(l.Key, "信息内容"); rest != "" {
			r.header2 = append(r.header2, layout.Cell{Text: rest, Raw: rest, Line: c.Line})
		}
		return
	}
	if r.isTable4Header(l) {
		r.closeRow()
		if r.table != 4 {
			r.finishTable4()
			r.table = 4
		}
		if b := r.block4(l.Key); b != nil && r.has4Figures() {
			r.marks4 = append(r.marks4, mark4{at: len(r.cells4), block: b, label: c.Text})
			return
		}
		r.cells4 = append(r.cells4, c)
		return
	}
	if r.isTable3Header(l) {
		r.closeRow()
		r.finishTable4()
		r.table = 3
		r.header3 = append(r.header3, c)
		return
	}
	if row := r.matchRow(l); row != nil {
		if r.cur != nil && r.cur.row == row && len(r.cur.values) == 0 {
			return // a merged label repeated in each cell it spans
		}
		r.closeRow()
		r.openRow(row, c)
		return
	}
	if r.isTable2Header(l, r.table == 0 || r.table == 2) && (r.cur == nil || len(r.cur.values) > 0 || r.cur.row != nil) {
		r.closeRow()
		r.finishTable4()
		r.table = 2
		r.headerOpen = true
		r.header2 = append(r.header2, c)
		return
	}
	// A label no entry of the form knows: the rest of a wrapped label, a
	// header cell cut short, or a row the national form does not have.
	if r.cur != nil && len(r.cur.values) == 0 {
		joined := label.Parse(r.labelText(r.cur.labels) + c.Text)
		if row := r.matchRow(joined); row != nil && (r.cur.row == nil || row == r.cur.row) {
			r.cur.row = row
			r.cur.table = row.table
			r.cur.labels = append(r.cur.labels, c)
			return
		}
		if r.cur.row == nil || l.Enum == "" && !r.startsOwnRow(l) {
			r.cur.labels = append(r.cur.labels, c)
			return
		}
	}
	switch {
	case r.table == 2 && r.headerOpen:
		r.header2 = append(r.header2, c)
		return
	case r.table == 3 && !r.body3:
		r.header3 = append(r.header3, c)
		return
	case r.table == 4 && !r.has4Figures():
		r.cells4 = append(r.cells4, c)
		return
	}
	r.closeRow()
	if r.table == 4 {
		r.finishTable4()
		r.table = 0
	}
	r.cur = &openRow{table: r.table, block: r.block, group: r.group, labels: []layout.Cell{c}}
}

// startsOwnRow reports whether an unnumbered label after a placed row with
// no figures yet is a row of its own rather than the rest of that row's
// label: it is when it looks like a complete label, not a fragment.
func (r *formReader) startsOwnRow(l label.Label) bool {
	return utf8.RuneCountInString(l.Key) >= 4 && r.cur.row != nil && r.cur.row.score(label.Key(r.labelText(r.cur.labels))) >= label.Exact
}

func (r *formReader) has4Figures() bool {
	for _, c := range r.cells4 {
		if layout.Classify(c.Text, r.isUnit) == layout.Value {
			return true
		}
	}
	return false
}

func (r *formReader) blockOfArticle(numeral string) *fBlock {
	for _, b := range r.s.order2 {
		if m := articleBlock.FindStringSubmatch(label.Fold(b.label)); m != nil && m[1] == numeral {
			return b
		}
	}
	return nil
}

// isTable4Header reports whether l is a header cell of table 4: a block
// (行政复议, 行政诉讼, 未经复议直接起诉, 复议后起诉) or a result column. 总计 is one
// only inside table 4, where table 3's row （七）总计 cannot be.
func (r *formReader) isTable4Header(l label.Label) bool {
	if l.Enum != "" {
		return false
	}
	if r.block4(l.Key) != nil {
		return true
	}
	for _, sp := range r.s.spans[4] {
		if sp.score(l.Key) >= label.Close {
			return true
		}
	}
	for _, c := range r.s.results4.columns {
		if c.score(l.Key) >= label.Close && (c.key != "total" || r.table == 4) {
			return true
		}
	}
	return false
}

func (r *formReader) block4(key string) *fBlock {
	var best *fBlock
	bs := 0.0
	for _, b := range r.s.order4 {
		if s := b.score(key); s >= label.Close && s > bs {
			best, bs = b, s
		}
	}
	return best
}

// isTable3Header reports whether l is a header cell of table 3. 其他 and 总计
// are headers only before the first row of the table; after it they are
// rows (（六）3.其他, （七）总计).
func (r *formReader) isTable3Header(l label.Label) bool {
	if l.Enum != "" {
		return false
	}
	for _, sp := range r.s.spans[3] {
		if sp.score(l.Key) >= label.Contained {
			return true
		}
	}
	for _, c := range r.s.t3.columns {
		generic := c.key == "other_org" || c.key == "total"
		if c.score(l.Key) >= label.Contained && (!generic || r.table == 3 && !r.body3) {
			return true
		}
	}
	return false
}

// isTable2Header reports whether l is a column header of table 2, or the
// start of one cut short (本年新 of 本年新制作数量) when weak is set.
func (r *formReader) isTable2Header(l label.Label, weak bool) bool {
	if l.Enum != "" {
		return false
	}
	for _, b := range r.s.order2 {
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
func weakly(key string, c *fColumn) bool {
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

// otherTable is what a row of the table not being read loses against one
// of the table being read: enough to break a tie, too little to change any
// other outcome.
const otherTable = 0.01

// minFullLabel is the length, in runes, a label of a row of table 3 under
// a heading not in force needs: shorter ones (其他) are the words of too
// many rows.
const minFullLabel = 4

// matchRow places a label on a row or heading of table 2 or 3. The numbering
// must fit the depth of a row of table 3; a row under a heading (1. 2. …)
// other than the heading in force needs its full wording, so that a local
// 其他 is not taken for （六）3.其他.
func (r *formReader) matchRow(l label.Label) *fRow {
	if l.Key == "" {
		return nil
	}
	var best *fRow
	bs, second := 0.0, 0.0
	for _, t := range []int{2, 3} {
		for _, row := range r.s.rows[t] {
			s := row.score(l.Key)
			if s < label.MatchThreshold-label.AmbiguityMargin {
				continue
			}
			if t == 3 {
				if lv := l.EnumLevel(); lv > 0 && lv != row.depth {
					continue
				}
				if row.depth == 3 && (r.group == nil || r.group.id != row.parent) && (s < label.Full || utf8.RuneCountInString(l.Key) < minFullLabel) {
					continue
				}
				if row.depth == 1 && l.Enum == "" && s < label.Full {
					continue
				}
			}
			if t != r.table && r.table != 0 {
				s -= otherTable
			}
			switch {
			case s > bs:
				best, bs, second = row, s, bs
			case s > second:
				second = s
			}
		}
	}
	if best == nil || bs < label.MatchThreshold || bs-second < label.AmbiguityMargin && bs < label.Same {
		return nil
	}
	return best
}

func (r *formReader) openRow(row *fRow, c layout.Cell) {
	if row.table == 2 {
		r.finishTable4()
		if r.table != 2 {
			r.table = 2
		}
		if len(r.header2) > 0 {
			r.slots2[row.block] = r.resolve2(row.block, r.header2)
			r.header2 = nil
		}
		r.headerOpen = false
		r.block = row.block
	} else {
		r.finishTable4()
		r.table = 3
		if !r.body3 {
			r.slots3 = r.resolve3(r.header3)
			r.body3 = true
		}
		if row.group {
			r.group = row
		} else if p := r.s.rowByID[row.parent]; p != nil {
			r.group = p
		} else {
			r.group = nil
		}
		if row.depth == 3 && row.parent == r.s.otherHandling.id {
			r.sub6 = true
		}
	}
	r.cur = &openRow{table: row.table, row: row, block: row.block, group: r.group, labels: []layout.Cell{c}}
}
