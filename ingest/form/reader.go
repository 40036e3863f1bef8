package form

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// reader reads the cells of the tables of the 2019/2021 format in
// printed order. Whatever the layout, a table is a stream of header cells,
// row labels and figures: header cells set the columns in force, a row label
// opens a row, and the figures after it fill the columns in order. The
// tables are told apart by their own cells (第二十条第（X）项 and 信息内容 open
// table 2, the applicant headers and rows table 3, the 行政复议/行政诉讼 headers
// table 4), never by the year or the notice a report cites.
type reader struct {
	// formHint is the form the report's other tables told in a first
	// reading, for blocks of table 2 whose header was not read (formhint.go).
	formHint string
	s        *spec
	cat      *catalog.Catalog
	isUnit   func(string) bool
	cells    layout.Reader
	// anchorKeys are the form's labels as keys for cutting text run
	// together (anchors), made when first needed.
	anchorKeys []anchor

	table     int // table being read: tableProactive … tableReviews, or 0 before any
	lastTable int // the last table read, 0 before any

	proactive    proactiveTable
	applications applicationsTable
	reviews      reviewsTable

	lastShort bool // the last row read has fewer cells than columns

	pending   []pendingRun   // rows of table 3 run together that the column sums may settle
	heldBlank []heldBlankRow // rows of table 3 whose blank cells left no trace, held for the column sums
	stated    string         // the report's text outside its tables, folded (setStated)

	readOrder readingOrder // the figures of tables 3 and 4 in printed order
	misread   int          // cells that only OCR's misreading makes (misread.go, ocrsigns.go)
	// ocrTopSigns counts the signs of OCR on the lines of table 3 that
	// ocrTopAligned rewrote with the form's wordings: noteOCRSigns
	// counts them still.
	ocrTopSigns int
	// misreadFigures holds the lines where OCR glued a figure to a mark, and the token.
	misreadFigures map[int]string
	// ruledLines and ruledDoubts hold the lines of table 3 whose rules OCR
	// printed among the figures, read one way and several ways (ocrrules.go).
	ruledLines  map[int]bool
	ruledDoubts map[int]string
	// ruledReadings holds, for a line of ruledDoubts, the readings of its
	// seven figures that add up (ocrsums.go lets the column sums choose).
	ruledReadings map[int][][]float64
	// tableLines holds the text of the tables' lines by number (ocrspaced.go).
	tableLines map[int]string
	early      earlyFigures // figures of table 2 printed before their row's label
	// proactiveLog is the cells of table 2 as read (figuresbefore.go).
	proactiveLog []proactiveEvent
	pieces       []rowPiece       // rows of table 3 that may be pieces of rows printed on two lines (splitrows.go)
	bareRow      *openRow         // the row of table 3 just closed with no cell (headingpiece.go)
	bare         []*openRow       // rows of table 2 just closed with no cell, in one block (labelsThenFigures)
	firstCol     firstColumn      // rows of table 2 just unplaced with their first figure alone (firstcolumn.go)
	firstFigures []firstFigureRow // rows of table 3 just closed with their first figure alone (firstfigures.go)

	// lead holds the blank cells that start a line of a row layout until
	// the line shows what they are: the empty label cells before a label
	// (dropped), or cells of the row being read.
	lead []layout.Cell

	cur      *openRow
	obs      []gongkai.Observation
	unplaced []gongkai.Unplaced
	seen     map[string]int // row key → line it was read at

	// printedBlank holds the rows of table 3 whose label was read with
	// no cell, by the line of the label (blankrows.go).
	printedBlank map[string]int
	piece        *blankPiece    // a row of table 3 just unplaced, perhaps a wrapped label's first piece (blankrows.go)
	lostCells    []lostCellsRow // rows of table 3 unplaced with what OCR printed for them (ocrsums.go)
}

// The tables of the format, by their number in the report's sections.
const (
	tableProactive    = 2 // 二、主动公开政府信息情况: proactive disclosure
	tableApplications = 3 // 三、收到和处理政府信息公开申请情况: applications received and handled
	tableReviews      = 4 // 四、政府信息公开行政复议、行政诉讼情况: reviews and lawsuits
)

// slot is one column of a block as the report prints it.
type slot struct {
	key     string // column key, the breakdown in table 3
	printed string // the header as printed, split parts joined
	unit    string // a unit named in the header (万元 in 采购总金额(万元)), or ""
	block   *blockSpec
	x0, x1  int // display columns of the header in a space-aligned layout, -1 when unknown
	idx     int // position of the header in its row of a pipe or tab layout, -1 when unknown
}

// openRow is a row being read.
type openRow struct {
	table  int
	row    *rowSpec   // nil when no row of the form has the label
	block  *blockSpec // table 2: block of the row
	group  *rowSpec   // heading in force when the row began
	labels []layout.Cell
	values []layout.Cell
	// byOrder: the row's figures were printed apart from its label and
	// placed by the order of rows (labelsThenFigures).
	byOrder bool
	// pieceFigure: the row's first figure was printed between the pieces
	// of its label (piecefigure.go).
	pieceFigure bool
	// joined: the row's figures print on two lines, each read as a row
	// first, joined by the form's arithmetic (splitrows.go).
	joined bool
	// carried: the number of figures the row printed before the next
	// block's heading, when it was kept open across it (pdfminerheading.go).
	carried int
}

func newReader(cat *catalog.Catalog) *reader {
	r := &reader{
		s:         specOf(cat),
		cat:       cat,
		isUnit:    func(s string) bool { _, ok := cat.UnitBySymbol(s); return ok },
		seen:      map[string]int{},
		proactive: proactiveTable{columns: map[*blockSpec][]slot{}, votes: map[string]int{}, byHint: map[*blockSpec]bool{}, rowsOpened: map[*blockSpec]bool{}},
		reviews:   reviewsTable{values: map[string]*float64{}, obsIndex: map[string]int{}},
	}
	r.cells = layout.Reader{IsUnit: r.isUnit, Apart: r.apart}
	return r
}

func (r *reader) labelText(cs []layout.Cell) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.Text)
	}
	return b.String()
}

// feed reads one cell.
func (r *reader) feed(c layout.Cell) {
	if len(r.lead) > 0 && c.Line != r.lead[0].Line {
		r.flushLead()
	}
	kind := layout.Classify(c.Text, r.isUnit)
	if kind == layout.Blank || kind == layout.Value {
		r.noteReadingOrder(c, kind)
	}
	switch kind {
	case layout.Blank, layout.Value:
		if kind == layout.Blank && r.leads(c) || kind == layout.Value && r.rowNumber(c) {
			r.lead = append(r.lead, c)
			break
		}
		r.flushLead()
		r.value(c)
	case layout.Unit:
		// a unit printed in a cell of its own says nothing the form does
		// not, but may end a wrapped header cell (see headerunit.go)
		r.readHeaderUnit(c)
	default:
		r.lead = nil // the empty label cells left of a label: no cells of any row
		r.label(c)
		r.noteReadingOrder(c, kind)
	}
	r.logProactive(c, kind) // see figuresbefore.go
	if r.table != 0 {
		r.lastTable = r.table
	}
}

// leads reports whether blank cell c may be one of the empty label cells
// that start a line of a row layout before its label (the place of a
// merged block label printed on another row): a blank cell at the start
// of a line after the row being read, or after such cells.
func (r *reader) leads(c layout.Cell) bool {
	if c.Idx < 0 || r.table == tableReviews || r.cur == nil || c.Line == r.cur.labels[0].Line {
		return false
	}
	return c.RowStart || len(r.lead) > 0
}

// rowNumber reports whether c may number the row that starts on its line
// (a column of row numbers, 序号, before the labels): a plain integer in the
// first cell of a line of a row layout. It is held with the blank lead cells
// and dropped when a label follows on the line.
func (r *reader) rowNumber(c layout.Cell) bool {
	return c.RowStart && c.Idx >= 0 && r.table != tableReviews && rowNumberText.MatchString(label.Fold(source.Trim(c.Text))) &&
		(r.cur == nil || c.Line != r.cur.labels[0].Line)
}

// rowNumberHeading is the heading of a column of row numbers.
var rowNumberHeading = regexp.MustCompile(`^(序号|编号|行次)$`)

// rowNumberText is a row number as a numbering column prints it.
var rowNumberText = regexp.MustCompile(`^\d{1,3}$`)

// flushLead gives the blank cells held at the start of a line to the row
// being read: the line held no label after them.
func (r *reader) flushLead() {
	lead := r.lead
	r.lead = nil
	for _, c := range lead {
		r.value(c)
	}
}

func (r *reader) value(c layout.Cell) {
	if r.table == tableReviews {
		r.reviews.cells = append(r.reviews.cells, c)
		return
	}
	if r.cur != nil && r.startsUnlabeledRow(c) {
		r.closeRow()
		r.cur = &openRow{table: r.table, group: r.applications.group, labels: []layout.Cell{{Line: c.Line, X0: -1, X1: -1, Idx: -1}}}
	}
	if r.cur != nil {
		if c.RowStart && layout.Classify(c.Text, r.isUnit) == layout.Blank && len(r.cur.values) > 0 && r.cur.values[len(r.cur.values)-1].Line != c.Line {
			return // the empty cell left of a label printed in a merged cell
		}
		r.cur.values = append(r.cur.values, c)
		return
	}
	if layout.Classify(c.Text, r.isUnit) == layout.Blank || r.holdEarly(c) {
		return // under a heading, or held for the row whose label follows
	}
	r.noteApplicationsFiguresFirst(c)
	r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: "", Cells: []string{c.Raw}, Line: c.Line,
		Reason: "a figure with no row label before it"})
}

// startsUnlabeledRow reports whether figure c begins a row of table 2 or 3
// of its own, with no label: the first figure on its line of a table layout
// (empty label cells may come before it), after a row that printed all
// its figures on an earlier line (a converter lost the label). Its figures
// are not the row's before.
func (r *reader) startsUnlabeledRow(c layout.Cell) bool {
	if c.Idx < 0 || layout.Classify(c.Text, r.isUnit) != layout.Value {
		return false
	}
	var columns int
	switch {
	case r.table == tableApplications:
		columns = len(r.applications.columns)
	case r.table == tableProactive && r.cur.block != nil:
		columns = len(r.proactive.columns[r.cur.block])
	}
	figures := 0
	for _, v := range r.cur.values {
		if layout.Classify(v.Text, r.isUnit) != layout.Value {
			continue
		}
		if v.Line == c.Line {
			return false
		}
		figures++
	}
	return columns > 0 && figures >= columns
}

var unitNote = regexp.MustCompile(`^(单位|计量单位)[:：]`)

func (r *reader) label(c layout.Cell) {
	l := label.Parse(c.Text)
	folded := label.Squeeze(label.Fold(c.Text))
	// Each reading is tried in turn; the first that takes the cell ends it.
	switch {
	case r.readMarker(c, l, folded):
	case r.readProactiveHeading(c, l, folded):
	case r.readReviewsHeader(c, l):
	case r.readReviewsPiece(c):
	case r.readApplicationsHeader(c, l):
	case r.readLabelRest(c, l):
	case r.readLabelAfterFigure(c, l):
	case r.readFormRow(c, l):
	case r.readOrderedRow(c, l):
	case r.readProactiveHeader(c, l):
	case r.readLabelPart(c, l):
	case r.readHeaderPart(c):
	default:
		r.openUnknownRow(c)
	}
}

// readMarker reads the cells that mark a place rather than hold a label:
// table 3's note on its identity (勾稽关系), a bracketed note alone (the
// end of a wrapped label), a unit note, the heading of a column of row
// numbers, a section heading of the report.
func (r *reader) readMarker(c layout.Cell, l label.Label, folded string) bool {
	switch {
	case strings.Contains(folded, "勾稽关系"):
		r.closeRow()
		r.table = tableApplications
	case l.Key == "":
		if r.cur != nil && len(r.cur.values) == 0 {
			r.cur.labels = append(r.cur.labels, c)
		}
	case unitNote.MatchString(folded), rowNumberHeading.MatchString(folded):
	case l.EnumLevel() == 1 && r.isSection(l.Key):
		r.closeRow()
		r.closeReviews()
		r.table = 0
		if r.reviewsSection(c.Text) {
			// Table 4's figures may follow with no header to say so.
			r.table = tableReviews
		}
	default:
		return false
	}
	return true
}

// readProactiveHeading reads the cells that open a block of table 2: its
// heading (第二十条第（X）项) or the first cell of its header (信息内容).
func (r *reader) readProactiveHeading(c layout.Cell, l label.Label, folded string) bool {
	m := articleBlock.FindStringSubmatch(folded)
	if m == nil && !strings.HasPrefix(l.Key, "信息内容") {
		return false
	}
	var next *blockSpec
	if m != nil {
		next = r.blockOfArticle(m[1])
	}
	if m == nil || !r.carryAcrossHeading(next) && !r.carryFirstColumn(next) {
		r.closeRow()
	}
	r.closeReviews()
	r.table = tableProactive
	if m != nil {
		r.proactive.block = next
		if !r.proactive.block.namedBy(r.proactive.header) {
			r.proactive.header, r.proactive.headerOpen = nil, false
		}
		return true
	}
	r.proactive.header, r.proactive.headerOpen = headerAbove(r.proactive.header, c), true
	if rest := strings.TrimPrefix(l.Key, "信息内容"); rest != "" {
		r.proactive.header = append(r.proactive.header, layout.Cell{Text: rest, Raw: rest, Line: c.Line})
	}
	return true
}

// readReviewsHeader reads a header cell of table 4. A block label met
// after the figures began starts that block again (a layout that prints
// one row per block).
func (r *reader) readReviewsHeader(c layout.Cell, l label.Label) bool {
	if !r.isReviewsHeader(l) {
		return false
	}
	r.closeRow()
	if r.table != tableReviews {
		r.closeReviews()
		r.table = tableReviews
	}
	if b := r.reviewsBlock(l.Key); b != nil && r.reviewsHaveFigures() {
		r.reviews.marks = append(r.reviews.marks, reviewsMark{at: len(r.reviews.cells), block: b, label: c.Text})
		return true
	}
	r.reviews.cells = append(r.reviews.cells, c)
	return true
}

// readApplicationsHeader reads a header cell of table 3.
func (r *reader) readApplicationsHeader(c layout.Cell, l label.Label) bool {
	if !r.isApplicationsHeader(l) {
		return false
	}
	r.closeRow()
	r.closeReviews()
	r.table = tableApplications
	r.applications.header = append(r.applications.header, c)
	return true
}

// readLabelRest joins to the row being read the rest of its wrapped label,
// printed on a line of its own before or after the line of its figures
// (5.要求行政机关确认或重新出具 / 已获取信息), when the joined label is the
// row's wording and closer to it than the label was, or is one of the
// row's wordings word for word (一、本年新收政府信息公开申请数 / 64 0 0 2 0 4
// 70 / 量: the piece before the rest is a shorter wording of the same row).
func (r *reader) readLabelRest(c layout.Cell, l label.Label) bool {
	if r.cur == nil || r.cur.row == nil || r.cur.row.group || l.Enum != "" {
		return false
	}
	was := label.Parse(r.cur.printedLabel()).Key
	joined := label.Parse(r.cur.printedLabel() + c.Text).Key
	closer := r.cur.row.score(joined) >= label.Full && r.cur.row.score(joined) > r.cur.row.score(was)
	if !closer && (joined == was || !slices.Contains(r.cur.row.keys, joined)) {
		return false
	}
	r.cur.labels = append(r.cur.labels, c)
	return true
}

// readFormRow opens the row of table 2 or 3 that the label names.
func (r *reader) readFormRow(c layout.Cell, l label.Label) bool {
	row := r.matchRow(l)
	if row == nil {
		return false
	}
	if r.cur != nil && r.cur.row == row && len(r.cur.values) == 0 {
		return true // a merged label repeated in each cell it spans
	}
	r.closeRow()
	r.openRow(row, c)
	return true
}

// readOrderedRow places a numbered label of table 3 that fits no row well
// enough by its wording alone on the row the form prints next, when its
// number and most of its wording are that row's (2.其他法律行政止公开 after
// 1.属于国家秘密).
func (r *reader) readOrderedRow(c layout.Cell, l label.Label) bool {
	row := r.nextRow(l)
	if row == nil {
		return false
	}
	r.closeRow()
	r.openRow(row, c)
	return true
}

// nextRow is the row of table 3 the form prints after the last row read,
// under the same heading, when label l bears its number and fits its
// wording at least label.Ordered; nil otherwise.
func (r *reader) nextRow(l label.Label) *rowSpec {
	last := r.applications.last
	if r.table != tableApplications || last == nil || l.Enum == "" {
		return nil
	}
	rows := r.s.rows[tableApplications]
	i := slices.Index(rows, last)
	if i < 0 || i+1 >= len(rows) {
		return nil
	}
	next := rows[i+1]
	if first := slices.IndexFunc(rows, func(row *rowSpec) bool { return row.parent == next.id }); next.group && l.Ordinal() == 1 && first >= 0 {
		// The first row under the next heading, whose label (printed
		// once, centred beside its rows) comes later. The catalogue
		// lists the rows of （六）其他处理, which only the 2021 form
		// has, last.
		next = rows[first]
	} else if next.parent != last.parent {
		return nil
	}
	if next.group || next.depth != l.EnumLevel() || l.Ordinal() != r.s.ordinal(next) ||
		next.score(l.Key) < label.Ordered || r.seen[next.id] > 0 {
		return nil
	}
	return next
}

// readProactiveHeader reads a column header of table 2, or the start of one
// cut short, unless it continues the label of a row that has no figures yet.
func (r *reader) readProactiveHeader(c layout.Cell, l label.Label) bool {
	if !r.isProactiveHeader(l, r.table == 0 || r.table == tableProactive) || r.cur != nil && len(r.cur.values) == 0 && r.cur.row == nil {
		return false
	}
	r.closeRow()
	r.closeReviews()
	r.table = tableProactive
	r.proactive.headerOpen = true
	r.proactive.header = append(r.proactive.header, c)
	return true
}

// readLabelPart joins a label no entry of the form knows to the row being
// read, before its figures: the rest of a wrapped label, which may make
// the joined label a row of the form.
func (r *reader) readLabelPart(c layout.Cell, l label.Label) bool {
	if r.cur == nil || len(r.cur.values) > 0 {
		return false
	}
	joined := label.Parse(r.labelText(r.cur.labels) + c.Text)
	if row := r.matchRow(joined); row != nil && (r.cur.row == nil || row == r.cur.row) {
		r.cur.row = row
		r.cur.table = row.table
		r.cur.labels = append(r.cur.labels, c)
		return true
	}
	if r.cur.row == nil || l.Enum == "" && !r.startsOwnRow(l) {
		r.cur.labels = append(r.cur.labels, c)
		return true
	}
	return false
}

// readHeaderPart takes an unknown label as a header cell (perhaps cut
// short) of the table whose header is being read.
func (r *reader) readHeaderPart(c layout.Cell) bool {
	switch {
	case r.table == tableProactive && r.proactive.headerOpen:
		r.proactive.header = append(r.proactive.header, c)
	case r.table == tableApplications && !r.applications.started:
		r.applications.header = append(r.applications.header, c)
	case r.table == tableReviews && !r.reviewsHaveFigures():
		r.reviews.cells = append(r.reviews.cells, c)
	default:
		return false
	}
	return true
}

// openUnknownRow opens a row the form does not know, under the block or
// heading in force; a label after the figures of table 4 ends that table.
func (r *reader) openUnknownRow(c layout.Cell) {
	r.closeRow()
	if r.table == tableReviews {
		r.closeReviews()
		r.table = 0
	}
	r.cur = &openRow{table: r.table, block: r.proactive.block, group: r.applications.group, labels: []layout.Cell{c}}
}

// startsOwnRow reports whether an unnumbered label after a placed row with
// no figures yet is a row of its own rather than the rest of that row's
// label: it is when it looks like a complete label, not a fragment.
func (r *reader) startsOwnRow(l label.Label) bool {
	return utf8.RuneCountInString(l.Key) >= 4 && r.cur.row != nil && r.cur.row.score(label.Key(r.labelText(r.cur.labels))) >= label.Exact
}

func (r *reader) blockOfArticle(numeral string) *blockSpec {
	for _, b := range r.s.proactiveBlocks {
		if m := articleBlock.FindStringSubmatch(label.Fold(b.label)); m != nil && m[1] == numeral {
			return b
		}
	}
	return nil
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
func (r *reader) matchRow(l label.Label) *rowSpec {
	if l.Key == "" {
		return nil
	}
	var best *rowSpec
	bs, second := 0.0, 0.0
	var buf [64]uint64
	key := label.GramIn(l.Key, buf[:0]) // once, not once a row
	for _, t := range []int{tableProactive, tableApplications} {
		for _, row := range r.s.rows[t] {
			s := row.scoreGram(key)
			if s < label.MatchThreshold-label.AmbiguityMargin || row.group && headingBefore(row, l.Key) != "" {
				continue
			}
			if t == tableApplications {
				if lv := l.EnumLevel(); lv > 0 && lv != row.depth {
					continue
				}
				if row.depth == 3 && (r.applications.group == nil || r.applications.group.id != row.parent) && (s < label.Full || utf8.RuneCountInString(l.Key) < minFullLabel) {
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

func (r *reader) openRow(row *rowSpec, c layout.Cell) {
	if row.table == tableProactive {
		r.closeReviews()
		if r.table != tableProactive {
			r.table = tableProactive
		}
		if len(r.proactive.header) > 0 {
			r.proactive.columns[row.block] = r.proactiveColumns(row.block, r.proactive.header)
			r.proactive.header = nil
		}
		r.proactive.headerOpen = false
		r.proactive.block = row.block
		r.proactive.rowsOpened[row.block] = true
	} else {
		r.flushEarly()
		r.closeReviews()
		r.table = tableApplications
		if !r.applications.started {
			r.applications.columns, r.applications.columnsProblem = r.applicationsColumns(r.applications.header)
			r.applications.started = true
		}
		if row.group {
			// A block label printed once beside its rows, vertically
			// centred, comes after some of them: it does not take the
			// place of the sub-block of the rows already read.
			if !r.s.encloses(row, r.applications.group) {
				r.applications.group = row
			}
		} else if p := r.s.rowByID[row.parent]; p != nil {
			r.applications.group = p
		} else {
			r.applications.group = nil
		}
		if !row.group {
			r.settleFiguresAfter(row)
			r.applications.last = row
		}
		if row.depth == 3 && row.parent == r.s.otherHandling.id {
			r.applications.otherHandlingRows = true
		}
	}
	r.cur = &openRow{table: row.table, row: row, block: row.block, group: r.applications.group, labels: []layout.Cell{c}}
}

// finish closes what is open and settles the headings that the layout of
// table 3 turned out to make headings.
func (r *reader) finish() {
	r.closeRow()
	r.releasePieces()
	r.flushEarly()
	r.readFiguresBeforeLabels() // see figuresbefore.go
	r.settleFiguresAfter(nil)
	r.closeReviews()
	r.settleRuns()
	r.settleBlankRows()
	r.fillByRowOrder()
	r.fillBalancedRows()
	r.readInReadingOrder()
	r.distrustScrambledRows() // see scrambledrows.go
	r.readSplitBlocks()       // see splitblocks.go
	r.distrustRowsOfMisreadText()
	r.distrustColumnsOfMisreadText()
	r.distrustProactiveOfMisreadText()
	r.distrustReviewsOfMisreadText()
	r.unplaceRuleOnes()
	r.completeBySums()
	r.derived()
	if !r.applications.otherHandlingRows || len(r.applications.otherHandlingObs) == 0 {
		return
	}
	// In the 2021 layout （六）其他处理 is a heading: figures printed on it
	// are a local subtotal, and its empty cells are no figures at all.
	printed := false
	for _, i := range r.applications.otherHandlingObs {
		printed = printed || r.obs[i].Value != nil
	}
	drop := map[int]bool{}
	for _, i := range r.applications.otherHandlingObs {
		if printed {
			r.obs[i].Flags = figure.AppendFlag(r.obs[i].Flags, gongkai.FlagLocalRow)
		} else {
			drop[i] = true
		}
	}
	kept := r.obs[:0]
	for i, o := range r.obs {
		if !drop[i] {
			kept = append(kept, o)
		}
	}
	r.obs = kept
}
