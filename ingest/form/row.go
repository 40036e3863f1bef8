package form

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// closeRow turns the row being read into observations.
func (r *reader) closeRow() {
	cur := r.cur
	r.cur = nil
	r.readFirstColumn(cur) // see firstcolumn.go
	defer r.holdFirstColumn(cur, len(r.unplaced))
	defer r.noteFirstFigureRow(cur) // firstfigures.go
	early := r.claimEarly(cur)
	r.noteLabelBefore(cur) // labelsbefore.go
	r.noteFiguresBeforeRows(cur)
	if r.settleWithNext(cur) {
		return // the last row of a run whose figures a row before printed (streamrows.go)
	}
	r.noteBareApplicationRow(cur)
	if cur == nil && r.table != tableApplications {
		r.releasePieces()
	}
	prev := r.bareRow
	r.noteBareRow(nil)
	if cur == nil || cur.row != nil && len(cur.values) == 0 {
		r.notePrintedBlank(cur)
		r.holdBare(cur)
		r.noteBareRow(cur)
		return // printed with no cells at all: nothing to read, nothing to report
	}
	bare := r.bare
	r.bare = nil
	r.noteBareRow(cur)
	r.headingPieceFigures(cur, prev)
	for _, row := range r.splitRowPieces(cur) {
		r.readRow(row, early, bare)
	}
}

// readRow turns a closed row that prints cells into observations, or
// reports it unplaced; early says it took figures held before its label,
// bare is the rows of table 2 closed just before it with no cell.
func (r *reader) readRow(cur *openRow, early bool, bare []*openRow) {
	if reason := r.pieceFigureReason(cur); reason != "" {
		r.unplace(cur, reason)
		return
	}
	if r.holdFiguresAfter(cur) || r.readFirstFigureRows(cur) {
		return
	}
	r.quotedFirstFigure(cur)
	r.dashBeforeFigures(cur)
	figures := cur.hasFigures(r.isUnit)
	if reason := cur.misreadMark(); reason != "" && figures && !r.markAsFirstFigure(cur) && !r.markGluedToFirstFigure(cur) {
		r.misread++
		r.unplace(cur, reason)
		return
	}
	if reason := r.ruledRow(cur); reason != "" && figures {
		r.unplace(cur, reason)
		return
	}
	if reason := r.misreadFigure(cur); reason != "" && figures && !r.markGluedToFirstFigure(cur) {
		r.unplace(cur, reason)
		return
	}
	slots, reason := r.rowColumns(cur, figures)
	if reason == "" && !figures {
		reason = fewBlanks(cur.values, slots)
	}
	if reason == "" && figures {
		reason = r.twoRowsReason(cur)
	}
	if reason == "" && figures && !early {
		reason = r.figuresFirstReason(cur)
	}
	if reason != "" {
		r.unplace(cur, reason)
		return
	}
	r.labelsThenFigures(cur, bare, slots)
	if reason := r.labelsThenFiguresAcross(cur, bare, slots); reason != "" {
		r.unplace(cur, reason)
		return
	}
	target, reason := r.rowTarget(cur, figures)
	switch {
	case reason != "":
		r.unplace(cur, reason)
		return
	case target == nil:
		return // a heading that prints nothing
	}
	if target.key != "" {
		if at, dup := r.seen[target.key]; dup {
			r.unplace(cur, fmt.Sprintf("row %s (%s) was already read at line %d", target.key, cur.row.label, at))
			if figures {
				r.doubtRereadRow(cur)
			}
			return
		}
	}
	r.lastShort = len(cur.values) < len(slots) && (len(cur.values) == 0 || !cur.values[0].Spaced)
	slots, placedBy, problem := r.byFormOrder(cur, slots)
	if problem != "" {
		r.unplace(cur, problem)
		return
	}
	if placedBy != "" {
		target.flags = append(target.flags, placedBy)
	}
	if early || cur.byOrder || cur.table == tableProactive && r.proactive.byHint[cur.block] {
		target.flags = append(target.flags, gongkai.FlagPlacedByFormOrder)
	}
	if cur.joined {
		target.flags = append(target.flags, gongkai.FlagPlacedByArithmetic)
	}
	// A row is read once it is placed: a row that could not be (a sentence
	// of the narrative that names it) leaves the place to the table's own.
	read := func() {
		if target.key != "" {
			r.seen[target.key] = cur.labels[0].Line
		}
	}
	switch cells, why := spacedBlankCells(cur, slots); {
	case cells != nil:
		cur.values = cells
	case why != "":
		r.unplace(cur, why)
		return
	default:
		cur.values = joinRun(cur.values, slots)
	}
	if r.deferRun(cur, slots, cur.printedLabel(), target.flags) {
		read()
		r.noteOrder(cur, true, len(r.obs))
		return
	}
	// Several splits fit the run, and all give some cells alike (all that
	// give the figures the text states, or all): those are placed, the row
	// is unplaced for the rest.
	inPart := func(agreed []*layout.Cell, why string) {
		read()
		n := len(r.obs)
		r.emitRow(cur, target, slots, agreed)
		r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: cur.printedLabel(), Line: cur.labels[0].Line, Cells: []string{cur.values[0].Raw}, Reason: why})
		r.noteOrder(cur, true, n)
	}
	switch cells, agreed, why := r.splitByNarrative(cur, slots); {
	case cells != nil:
		cur.values = cells
		target.flags = append(target.flags, gongkai.FlagSplitByNarrative)
	case agreed != nil:
		target.flags = append(target.flags, gongkai.FlagSplitByNarrative)
		inPart(agreed, why)
		return
	case why != "":
		r.unplace(cur, why)
		return
	}
	if agreed, why := agreedCells(cur, slots); why != "" {
		inPart(agreed, why)
		return
	}
	switch cells, why := r.splitSpacedRow(cur.values, slots); {
	case cells != nil:
		cur.values = cells
	case why != "":
		r.unplace(cur, why)
		return
	}
	values, problem := fitValues(cur.values, cur.labels, slots, r.isUnit)
	if problem != "" && r.holdBlankCells(cur, target, slots, read) {
		return
	}
	if problem == "" && cur.table == tableApplications {
		problem = applicantsMisread(slots, values, target)
	}
	if problem == "" && cur.table == tableApplications {
		problem = apartNotAddingUp(slots, values, cur.labels[len(cur.labels)-1].Line)
	}
	if problem != "" {
		r.unplace(cur, problem)
		return
	}
	read()
	n := len(r.obs)
	r.emitRow(cur, target, slots, values)
	r.noteOrder(cur, true, n)
}

// fewBlanks says why a row that prints no figure gives nothing: its cells
// are fewer than its columns. A row of blank cells is read as blank only
// when it prints a cell for each column (a table's row whose cells are all
// empty); fewer cannot say which columns they are, and are more often
// the pieces of a line OCR or a converter broke (〇||己|避 under a row's
// label) than a row of the table. "" when the row has a cell for each
// column, or no columns were found.
func fewBlanks(values []layout.Cell, slots []slot) string {
	if len(slots) == 0 || len(values) == 0 || len(values) >= len(slots) {
		return "" // no cell at all: a label alone, read as before
	}
	return fmt.Sprintf("the row prints no figure, and its %d empty cells are not its %d columns: which columns they are is not certain", len(values), len(slots))
}

// hasFigures reports whether the row prints a figure (not only blanks).
func (cur *openRow) hasFigures(isUnit func(string) bool) bool {
	for _, v := range cur.values {
		if layout.Classify(v.Text, isUnit) == layout.Value {
			return true
		}
	}
	return false
}

// printedLabel is the row's label as printed, its cells joined.
func (cur *openRow) printedLabel() string {
	var b strings.Builder
	for _, c := range cur.labels {
		b.WriteString(c.Text)
	}
	// A 、 that opens the label is what a heading printed a character a
	// line beside its rows left of its number (三 / 、): no part of the row's.
	return strings.TrimLeft(source.Trim(b.String()), headingMarkCut)
}

// wording is the row's label as its observations bear it: as printed,
// unless what is printed is only a piece of the wording of the form's row
// it was placed on (a label a converter cut, the rest printed elsewhere):
// then the form's wording.
func (cur *openRow) wording() string {
	printed := cur.printedLabel()
	if cur.row == nil || cur.row.group {
		return printed
	}
	key := label.Parse(printed).Key
	if utf8.RuneCountInString(key) < minPieceRunes {
		return printed
	}
	for _, k := range cur.row.keys {
		if k == key {
			return printed
		}
	}
	var holding []string
	for _, k := range cur.row.keys {
		if strings.Contains(k, key) {
			holding = append(holding, k)
		}
	}
	switch {
	case len(holding) == 0:
		return printed
	case len(holding) == 1 && !strings.Contains(label.Parse(cur.row.label).Key, key):
		// The row's label is another of its wordings (规范性文件): the
		// piece's is the one that holds it (行政规范性文 of 行政规范性文件).
		return holding[0]
	}
	return cur.row.label
}

// unplace reports the row as unplaced, with its cells and why.
func (r *reader) unplace(cur *openRow, reason string) {
	u := gongkai.Unplaced{Label: cur.printedLabel(), Line: cur.labels[0].Line, Reason: reason, Cells: []string{}}
	for _, v := range cur.values {
		u.Cells = append(u.Cells, v.Raw)
	}
	r.unplaced = append(r.unplaced, u)
	r.noteOrder(cur, false, len(r.obs))
	r.noteLostCells(cur)
}

// rowColumns is the columns the row's cells fill: those of its block of
// table 2 (from its header, or else from the count of its cells), or those
// of table 3. A row outside both has none, and the reason says why.
func (r *reader) rowColumns(cur *openRow, figures bool) ([]slot, string) {
	switch cur.table {
	case tableProactive:
		b := cur.block
		if b == nil {
			return nil, "no row of the form has this label, and no block of table 2 is in force to keep it under"
		}
		if slots := r.proactive.columns[b]; slots != nil {
			return slots, ""
		}
		slots, template := r.proactiveColumnsByCount(b, cur.values)
		if slots == nil {
			return nil, fmt.Sprintf("no column headers for block %s and the figures fit both formats", b.label)
		}
		r.proactive.columns[b] = slots
		r.noteCountedColumns(b, template)
		return slots, ""
	case tableApplications:
		return r.applications.columns, r.applications.columnsProblem
	}
	if figures {
		return nil, "no row of the form has this label"
	}
	return nil, "a label outside the tables of the form"
}

// rowTarget is where the figures of a row go.
type rowTarget struct {
	indicator func(slot) string // the indicator of the figure in a column, "" when it has none
	key       string            // the row's key among the rows read, "" for a row the form lacks
	flags     []string
}

// rowTarget says what the row is: a row of the form, a heading printing
// figures, or a row the national form lacks and the catalogue keeps under
// its block or heading. It is nil, with no reason, for a heading that
// prints nothing; with a reason for a row that has no place.
func (r *reader) rowTarget(cur *openRow, figures bool) (*rowTarget, string) {
	if figures && cur.table == tableProactive && blockHeadingInside(cur.printedLabel()) {
		// 行政强 / 制 / 第二十 / 条第 / （八） / 项 / 信息内 / 容 / 行政事 14.51: the
		// pieces of a row, the next block's heading and the next row's
		// first piece run together (pdfminer prints a Word table's label
		// column apart from its figures).
		return nil, "the label runs into the heading of another block of table 2 (第二十条第（X）项): the figures beside it may be a row's of that block, and cannot be placed for certain"
	}
	switch row := cur.row; {
	case row == nil:
		if !figures {
			return nil, "no row of the form has this label"
		}
		if glued := r.gluedRowOfMisreadText(cur); glued != nil {
			cur.row = glued
			return r.rowTarget(cur, figures)
		}
		if row, own := r.interleavedHeadingRow(cur); row != nil {
			cur.row, cur.labels = row, own // see interleavedheading.go
			return r.rowTarget(cur, figures)
		}
		return r.localTarget(cur)
	case row.group && row != r.s.otherHandling:
		if !figures {
			return nil, ""
		}
		if row.indicator == "" {
			return nil, fmt.Sprintf("heading row %s prints figures the form has no place for", row.label)
		}
		if row.score(label.Parse(cur.printedLabel()).Key) < label.Full || closesFirst(cur.printedLabel()) {
			// A piece of a heading wrapped in its narrow merged cell
			// (法提供 of （四）无法提供) prints on the line of a row under
			// it, beside that row's figures.
			return nil, fmt.Sprintf("a piece of heading %s beside figures: they are a row's under it, not the heading's, and cannot be placed for certain", row.label)
		}
		return &rowTarget{indicator: func(slot) string { return row.indicator }, key: row.id, flags: []string{gongkai.FlagLocalRow}}, ""
	case cur.table == tableProactive:
		return &rowTarget{indicator: func(s slot) string { return row.cells[s.key] }, key: row.id}, ""
	case row == r.s.otherHandling && !figures && r.applications.otherHandlingRows:
		return nil, "" // a heading in the 2021 layout
	case row == r.s.otherHandling && r.applications.otherHandlingRows && row.score(label.Parse(cur.printedLabel()).Key) < label.Full:
		// A heading in the 2021 layout, a row under it read: a piece of
		// its label wrapped in the merged cell (他处理) prints beside the
		// figures of a row under it, as 法提供 does above.
		return nil, fmt.Sprintf("a piece of heading %s beside figures: they are a row's under it, not the heading's, and cannot be placed for certain", row.label)
	default:
		return &rowTarget{indicator: func(slot) string { return row.indicator }, key: row.id}, ""
	}
}

// minPieceRunes is the length from which a label that a row of the form
// contains is taken for a piece of that row's wrapped label: shorter pieces
// (其他, 合计) are words that many labels contain.
const minPieceRunes = 4

// wrappedFrom is the row of the form (in the row's table) whose wording
// contains the row's label, when the label is only a piece of it: a label
// wrapped over lines whose pieces a converter printed apart. Its figures
// belong to that row or to another one; a local row they are not. So is
// the first piece of such a label, from minTailRunes on (行政规 of
// 行政规范性文件, wrapped three characters a line in a Word table printed
// by LibreOffice, the rest printed below its figures).
func (r *reader) wrappedFrom(cur *openRow) *rowSpec {
	key := label.Parse(cur.printedLabel()).Key
	for _, row := range r.s.rows[cur.table] {
		if rest := headingBefore(row, key); row.group && rest != "" {
			key = rest // （六）其他处理 printed in the cell before the piece
			break
		}
	}
	n := utf8.RuneCountInString(key)
	if n < minTailRunes {
		return nil
	}
	for _, row := range r.s.rows[cur.table] {
		for _, k := range row.keys {
			if k != key && strings.Contains(k, key) {
				return row
			}
		}
	}
	return nil
}

// minRunOnTail is the length from which the start of a label that ends a
// row of the form's wording is taken for that row's wrapped tail: shorter
// endings (申请, 信息) end many labels.
const minRunOnTail = 6

// tailRunOn is the row of the form (in the row's table) whose wording ends
// with what the row's label starts with, when the label goes on after it:
// the tail of a wrapped label run together with the next row's label
// (行政机关不再处理其政府信息公开申请 其他3.), as a PDF's text prints
// them between two rows' figures.
func (r *reader) tailRunOn(cur *openRow) *rowSpec {
	key := []rune(label.Parse(cur.printedLabel()).Key)
	for _, row := range r.s.rows[cur.table] {
		for _, k := range row.keys {
			for n := len(key) - 1; n >= minRunOnTail; n-- {
				if strings.HasSuffix(k, string(key[:n])) && len(k) > len(string(key[:n])) {
					return row
				}
			}
		}
	}
	return nil
}

// minTailRunes is the length from which a label that a row of the form
// contains is taken for a piece of that row's wrapped label (法提供 of
// 无法提供, wrapped in a narrow merged cell; 行政规 of 行政规范性文件).
const minTailRunes = 3

// headingBefore is what a label says after the wording of a heading row
// that it starts with (a block label printed in the cell before the row's
// own, the two joined), when that is long enough to be a label of its
// own; "" otherwise. Such a label is not the heading: its figures are the
// row's, whose label follows.
func headingBefore(heading *rowSpec, key string) string {
	for _, k := range heading.keys {
		if rest, ok := strings.CutPrefix(key, k); ok && utf8.RuneCountInString(rest) >= minPieceRunes {
			return rest
		}
	}
	return ""
}

// localTarget places a row the national form lacks: under its block of
// table 2, or under the nearest heading of table 3 that keeps such rows.
func (r *reader) localTarget(cur *openRow) (*rowTarget, string) {
	if label.Parse(cur.printedLabel()).Key == "" {
		return nil, "a row of figures with no label: no row of the form is certain"
	}
	if reason := misreadLocalLabel(cur); reason != "" {
		return nil, reason
	}
	if reason := r.localRowOfMisreadText(); reason != "" {
		return nil, reason
	}
	if cur.labelApart() {
		return nil, "a label known to no row of the form, printed apart from the table row of the figures: a title or a note, perhaps, not the row's label"
	}
	if numberInside.MatchString(label.Fold(cur.printedLabel())) {
		return nil, "a row's number inside the label: the labels of several rows run together, whose figures cannot be placed for certain"
	}
	if whole := r.tailRunOn(cur); whole != nil {
		return nil, fmt.Sprintf("the label starts with the tail of the form's row %s, run together with other words: not a row of its own, its figures cannot be placed for certain", whole.label)
	}
	if whole := r.wrappedFrom(cur); whole != nil {
		return nil, fmt.Sprintf("a piece of the wrapped label of the form's row %s, not a row of its own: its figures cannot be placed for certain", whole.label)
	}
	flags := []string{gongkai.FlagLocalRow}
	if cur.table == tableProactive {
		if len(cur.block.locals) == 0 {
			return nil, fmt.Sprintf("a row the national form does not have in %s; the catalogue has no place for it", cur.block.label)
		}
		return &rowTarget{indicator: func(s slot) string { return cur.block.locals[s.key] }, flags: flags}, ""
	}
	g := cur.group
	for g != nil && g.local == "" {
		g = r.s.rowByID[g.parent]
	}
	if g == nil {
		return nil, "a row the national form does not have, outside any heading of table 3"
	}
	if reason := r.numberedAsFormRow(cur, g); reason != "" {
		return nil, reason
	}
	return &rowTarget{indicator: func(slot) string { return g.local }, flags: flags}, ""
}

// blockHeadingInside reports whether a label holds a block heading of
// table 2 after its start; its 项 may be lost (read as a unit).
func blockHeadingInside(printed string) bool {
	loc := articleBlockStart.FindStringIndex(label.Squeeze(label.Fold(printed)))
	return loc != nil && loc[0] > 0
}

var articleBlockStart = regexp.MustCompile(`第二十条第?\(?[一二三四五六七八九十]+\)`)

// closesFirst reports whether a label closes a bracket before it opens
// one (`）不予公开`): the piece of a label wrapped in a narrow cell after
// its first piece (`（三`), printed apart. It names a heading by its
// words, but is no whole label: the figures beside it are a row's under
// it, not the heading's. (A piece of a row's own label, such as
// `情形，不计其他情形）`, is left to the rules that join a row's pieces.)
func closesFirst(printed string) bool {
	depth := 0
	for _, c := range label.Fold(printed) {
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth < 0 {
				return true
			}
		}
	}
	return false
}

// numberInside matches a row's number after a label's first words ((六)
// or 2. before words): labels of rows run together, as a PDF's text prints
// the tail of a wrapped label, a merged heading and the next row's label
// on one line (不再处理其政府信息公开申请（六）其他2.申请人逾期未按…).
var numberInside = regexp.MustCompile(`\p{Han}.*(?:\([一二三四五六七八九十]+\)|[^\d.][1-9][.、]\p{Han})`)

// numberedAsFormRow says why a row whose words match no row of table 3
// cannot be one the report adds under heading g, by its numbering: a row
// added under g is numbered one level below g, after g's own rows. A label
// numbered at g's level or above (四、 under 三、本年度办理结果), or with the
// number of one of g's rows, is a row of the form whose label was damaged
// (a PDF's text layer, OCR) or printed with other words: its figures are
// not placed under a row of its own. "" when the numbering allows the row,
// or there is none.
func (r *reader) numberedAsFormRow(cur *openRow, g *rowSpec) string {
	l := label.Parse(cur.printedLabel())
	level, n := l.EnumLevel(), l.Ordinal()
	switch {
	case level == 0:
		return ""
	case level <= g.depth:
		return fmt.Sprintf("numbered %s, at the level of the form's heading %s or above, yet worded as none of the form's rows: a damaged label, whose row is not certain", l.Enum, g.label)
	}
	if level > g.depth+1 {
		return ""
	}
	for _, row := range r.s.rows[tableApplications] {
		if row.parent == g.id && r.s.ordinal(row) == n {
			return fmt.Sprintf("numbered %s as the form's row %s under %s, but worded otherwise: a damaged label, whose row is not certain", l.Enum, row.label, g.label)
		}
	}
	return ""
}

// labelApart reports whether the row's figures stand in a table row (a
// layout with cell positions) on another line than its label, while the
// label is no cell of that layout: text printed before the table row, whose
// own label cells are left empty.
func (cur *openRow) labelApart() bool {
	var first *layout.Cell
	for i := range cur.values {
		if cur.values[i].Idx >= 0 {
			first = &cur.values[i]
			break
		}
	}
	if first == nil {
		return false
	}
	for _, l := range cur.labels {
		if l.Idx >= 0 || l.Line == first.Line {
			return false
		}
	}
	return true
}

// emitRow turns the figures of a placed row, lined up with its columns,
// into observations.
func (r *reader) emitRow(cur *openRow, target *rowTarget, slots []slot, values []*layout.Cell) {
	label := cur.wording()
	for i, v := range values {
		if v == nil {
			continue
		}
		s := slots[i]
		if signedZero(v.Raw) {
			r.misread++
			r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: label, Cells: []string{v.Raw}, Line: v.Line,
				Reason: fmt.Sprintf("%s under %s is zero with a sign, which no report prints: a figure misread", v.Raw, s.printed)})
			continue
		}
		ind := target.indicator(s)
		if ind == "" {
			r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: label, Cells: []string{v.Raw}, Line: v.Line,
				Reason: fmt.Sprintf("column %s is not a column of row %s", s.printed, label)})
			continue
		}
		bd := gongkai.BreakdownTotal
		if cur.table == tableApplications {
			bd = s.key
		}
		o := r.observation(ind, bd, label, s, *v, target.flags)
		if target.key == r.s.otherHandling.id {
			r.applications.otherHandlingObs = append(r.applications.otherHandlingObs, len(r.obs))
		}
		r.obs = append(r.obs, o)
	}
}

// fitValues lines the figures of a row up with its columns: nil where the
// row prints nothing (its cells are missing, not blank). Label cells (a
// block label, a sub-block label, the row's own label: labels) are never
// value columns. The cells are placed by their position in the row when
// the layout numbers cells and the row's labels stand left of every value
// column of the header; otherwise by their count: as many value cells as
// columns fill them in order, so that the last cell is the last column
// (总计). Blank cells beyond the columns are the empty cells a merged label
// leaves after it, or the spurious runs of pipes some exports print; a
// figure beyond them means the row does not fit the columns, and the row
// is left unplaced rather than shifted. Figures run together with no separator
// (规章555) are split only when each cell can only hold one digit.
func fitValues(values, labels []layout.Cell, slots []slot, isUnit func(string) bool) ([]*layout.Cell, string) {
	out := make([]*layout.Cell, len(slots))
	var vs []layout.Cell
	for _, v := range values {
		if v.Glued {
			if len(slots) > 1 && len(values) == 1 {
				cells, problem := splitRun(v, slots)
				if problem != "" {
					return nil, problem
				}
				vs = append(vs, cells...)
				continue
			}
		}
		vs = append(vs, v)
	}
	if pos, ok := alignByIndex(vs, slots, labels, isUnit); ok {
		for i, p := range pos {
			if p >= 0 {
				out[p] = &vs[i]
			}
		}
		return out, ""
	}
	vs, problem := dropExtraBlanks(vs, len(slots), isUnit)
	if problem != "" {
		return nil, problem
	}
	spaced := false
	for _, v := range vs {
		spaced = spaced || v.Spaced
	}
	if spaced && len(vs) < len(slots) {
		// A space-aligned row hides its blank cells: place each figure under
		// the header it stands below, when the headers' positions are known.
		pos, ok := alignByOffset(vs, slots)
		if !ok {
			return nil, fmt.Sprintf("%d figures for %d columns, and the spacing does not show which cells are blank", len(vs), len(slots))
		}
		for i, p := range pos {
			out[p] = &vs[i]
		}
		return out, ""
	}
	if pair, ok := splitFigurePair(vs, slots, isUnit); ok {
		vs = pair // see figurepair.go
	}
	if figures := countFigures(vs, isUnit); figures > 0 && len(vs) < len(slots) {
		// Cells are missing, not blank: nothing tells which columns they
		// belong to, and filling from the left would put a figure under
		// another column when the missing cell is not the last.
		return nil, fmt.Sprintf("%d cells for %d columns, and nothing shows which cells are missing", len(vs), len(slots))
	}
	for i := range vs {
		out[i] = &vs[i]
	}
	return out, ""
}

// countFigures is the number of cells that hold a figure.
func countFigures(vs []layout.Cell, isUnit func(string) bool) int {
	n := 0
	for _, v := range vs {
		if layout.Classify(v.Text, isUnit) != layout.Blank {
			n++
		}
	}
	return n
}

// labelInColumns reports whether a label cell printed on line n stands
// at the position of a value column of the header (idx). A row printed with
// more label cells than the header has (a block label before the row's
// own) is then not aligned with the header by position.
func labelInColumns(labels []layout.Cell, n int, slots []slot) bool {
	for _, l := range labels {
		if l.Line != n || l.Idx < 0 {
			continue
		}
		for _, s := range slots {
			if s.idx == l.Idx {
				return true
			}
		}
	}
	return false
}

// dropExtraBlanks removes the blank cells beyond n columns: first those
// right after the labels (the empty cells of a merged label), then those
// at the end (spurious pipes), so that the last value cell stays the last
// column. A figure beyond the columns leaves the row unplaced.
func dropExtraBlanks(vs []layout.Cell, n int, isUnit func(string) bool) ([]layout.Cell, string) {
	for len(vs) > n && layout.Classify(vs[0].Text, isUnit) == layout.Blank {
		vs = vs[1:]
	}
	for len(vs) > n && layout.Classify(vs[len(vs)-1].Text, isUnit) == layout.Blank {
		vs = vs[:len(vs)-1]
	}
	if len(vs) > n {
		return nil, fmt.Sprintf("%d cells where the block has %d columns", len(vs), n)
	}
	return vs, ""
}

// alignByIndex places figures by their position in the row when the
// layout numbers cells (pipes, tabs) and the headers' positions run in the
// order of the columns: then the empty cells of merged labels and the
// spurious runs of pipes fall outside every column. It fails when a figure
// falls outside, and the caller goes by order instead.
func alignByIndex(vs []layout.Cell, slots []slot, labels []layout.Cell, isUnit func(string) bool) ([]int, bool) {
	if len(vs) == 0 || len(slots) == 0 {
		return nil, false
	}
	for i, s := range slots {
		if s.idx < 0 || i > 0 && s.idx <= slots[i-1].idx {
			return nil, false
		}
	}
	if labelInColumns(labels, vs[0].Line, slots) {
		return nil, false // the row prints more label cells than the header: its positions are not the header's
	}
	at := map[int]int{}
	for i, s := range slots {
		at[s.idx] = i
	}
	pos := make([]int, len(vs))
	placed := 0
	for i, v := range vs {
		if v.Idx < 0 || v.Line != vs[0].Line {
			return nil, false
		}
		p, ok := at[v.Idx]
		if !ok {
			if layout.Classify(v.Text, isUnit) != layout.Blank {
				return nil, false
			}
			p = -1
		} else {
			placed++
		}
		pos[i] = p
	}
	return pos, placed > 0
}

// minColumnGap is the least gap between two columns of a header aligned by
// spaces: pdftotext -layout and OCR part columns by two spaces or more.
const minColumnGap = 2

// alignByOffset places each figure under the column whose header spans its
// display position; every figure needs a column of its own, in order. A
// header whose columns overlap (text in reading order prints each on a
// line of its own, all at the margin) shows no column's place; nor does
// one whose columns are parted by a single space: text that flows (a web
// page's, cells run together with a stray space between some) rather than
// aligns, where a figure's place follows its label's length; nor a column
// of no width (cut from a header run together, 信息内容采购项目数量, it
// keeps no place of its own).
func alignByOffset(vs []layout.Cell, slots []slot) ([]int, bool) {
	for i, s := range slots {
		if s.x0 < 0 || s.x1 <= s.x0 || i > 0 && s.x0-slots[i-1].x1 < minColumnGap {
			return nil, false
		}
	}
	var pos []int
	last := -1
	for _, v := range vs {
		if v.X0 < 0 {
			return nil, false
		}
		mid := (v.X0 + v.X1) / 2
		best, bd := -1, 1<<30
		for i, s := range slots {
			d := 0
			switch {
			case mid < s.x0:
				d = s.x0 - mid
			case mid > s.x1:
				d = mid - s.x1
			}
			if d < bd {
				best, bd = i, d
			}
		}
		if best <= last || bd > 4 {
			return nil, false
		}
		pos = append(pos, best)
		last = best
	}
	return pos, true
}

// observation reads one cell: the value in the indicator's unit, the raw
// text kept.
func (r *reader) observation(ind, breakdown, label string, s slot, v layout.Cell, flags []string) gongkai.Observation {
	indicator, _ := r.cat.Indicator(ind)
	unit, _ := r.cat.Unit(indicator.Unit)
	col := s.printed
	o := gongkai.Observation{Indicator: ind, Breakdown: breakdown, Unit: indicator.Unit, Label: label,
		Column: &col, Raw: v.Raw, Line: v.Line, Flags: append([]string{}, flags...)}
	pv := figure.Parse(v.Raw)
	o.Value = pv.Number
	for _, f := range pv.Flags {
		o.Flags = figure.AppendFlag(o.Flags, f)
	}
	switch {
	case v.Split:
		o.Flags = figure.AppendFlag(o.Flags, gongkai.FlagSplitByArithmetic)
	case v.Glued:
		o.Flags = figure.AppendFlag(o.Flags, gongkai.FlagOddFormat)
	}
	if pv.Number != nil && s.key != "items_change" && figure.Signed(v.Raw) {
		o.Flags = figure.AppendFlag(o.Flags, gongkai.FlagOddFormat) // a sign where the column counts
	}
	printed := pv.Unit
	if printed == "" {
		printed = s.unit
	}
	if unit != nil && pv.Number != nil {
		switch {
		case printed != "" && printed != unit.Symbol:
			o.Value, o.Flags = figure.Convert(r.cat, o.Value, printed, unit, o.Flags)
			if o.Value != nil {
				x := math.Round(*o.Value*1e8) / 1e8 // 79000.1元 is 7.90001万元, not 7.900010000000001
				o.Value = &x
			}
		case printed == "" && unit.BaseUnit != "" && *pv.Number != 0:
			o.Flags = figure.AppendFlag(o.Flags, gongkai.FlagUnitMissing) // an amount with no unit anywhere
		}
	}
	return o
}

// headerUnit is the unit a header names: 采购总金额(万元,保留四位小数),
// 本年收费金额（单位：万元）.
var headerUnit = regexp.MustCompile(`[(（:：]\s*(?:单位[:：]?)?\s*(万元|元)`)

func unitOfHeader(printed string) string {
	if m := headerUnit.FindStringSubmatch(label.Fold(printed)); m != nil {
		return m[1]
	}
	return ""
}
