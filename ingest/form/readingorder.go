package form

import (
	"fmt"
	"slices"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// Text taken from a PDF in reading order (plain pdftotext, a viewer's
// copy) prints tables 3 and 4 cell by cell, one a line, with the labels of
// merged cells and the pieces of the header scattered between the rows'
// figures: what the labels say no longer tells which figures are a row's.
// The figures themselves still come in the form's order of rows. When the
// rows read by their labels leave table 3 or 4 incomplete, every figure
// printed in them, in printed order, is placed by the form's fixed order
// of rows and columns, but only when all of these hold:
//
//   - the text is in reading order: no figure of the two tables shares its
//     line with a label (a layout that prints labels beside their figures
//     says which row each is, and a label that contradicts the order is
//     believed);
//   - table 3's header, when it gives all seven columns, gives them in the
//     form's order, and does not leave their order uncertain;
//   - every figure is a plain printed number, and there are exactly seven
//     for each row of table 3 in one form (23 rows in 2019, 25 in 2021),
//     followed by exactly the fifteen of table 4 or none;
//   - read row by row, each row's 总计 is the sum of its six applicant
//     columns (I2), and in every column （七）总计 is the sum of the
//     outcome rows (I3) and 一 + 二 = （七）总计 + 四、结转下年度继续办理 (I1).
//
// A reader may also emit the rows of a block whose labels share a merged
// cell column by column (the first column of each row, then the second…;
// pdftotext does so with huaian-hongze-2023.pdf). When the row-by-row
// reading fails, every reading made of rows and such blocks in the form's
// order is tried, each row adding up; it is placed only when exactly one
// of them, counted by its values, satisfies I1 and I3 (and no more than
// maxReadings differ on the way).
//
// The last two rows of table 3 are printed below the outcome rows'
// labels, and a reader may emit their figures out of order
// (`129 307 824 327 2 3254 0 0 12 1665 4 2 2 4`). When no reading
// satisfies the identities as printed, those two rows are taken from the
// identities themselves — （七）总计 the sum of the outcome rows, 四 = 一 +
// 二 − （七） in each column — and placed only when their fourteen figures
// are exactly the fourteen printed, value for value.
//
// Each block of table 4 is placed when its 总计 is the sum of its results;
// the others are unplaced with their sums. A row read by its label whose
// figures differ from the order's is unplaced with both readings, unless
// its figures do not add up (settleConflictsOf). Figures placed so carry the
// flag placed_by_form_order; when the conditions fail, the rows read by
// their labels stand as they are.

// readingOrder is every figure printed while table 3 or 4 was read, in
// printed order.
type readingOrder struct {
	cells []layout.Cell
	// labelLines is the lines that print a label of table 3 or 4.
	labelLines map[int]bool
	// labelRows is the indicator of the row of table 3 each label line
	// opened, "" for a label of no such row (see gluedfigure.go).
	labelRows map[int]string
	// labelPieces is the words of each label line that opened no row
	// of table 3 (see gluedfigure.go).
	labelPieces map[int]string
	// unplacedFrom is the number of rows unplaced before the first figure:
	// those after it are rows of tables 3 and 4, which the order replaces
	// when it places them.
	unplacedFrom int
	// applicationsMet: a cell of table 3 was noted (narrativereviews.go).
	applicationsMet bool
	// reviewsAt is the number of cells noted before the first of table 4,
	// -1 until one is (shortreviews.go).
	reviewsAt int
	// doubts and doubtKeys are the rows, and their cells by
	// indicator/breakdown, that the band readings leave in doubt
	// (bandorder.go).
	doubts    []gongkai.Unplaced
	doubtKeys map[string]bool
	// partial: table 3 was read only in its pages printed column by
	// column, and partialNotes is what was left unplaced (pagealone.go).
	partial      bool
	partialNotes []gongkai.Unplaced
}

// noteReadingOrder records cell c, a figure or a mark in a cell, when it
// is printed in table 3 or 4, or the line of a label there.
func (r *reader) noteReadingOrder(c layout.Cell, kind layout.Kind) {
	if r.table != tableApplications && r.table != tableReviews || kind == layout.Blank && source.Trim(c.Text) == "" {
		return
	}
	if kind == layout.Label {
		if r.readOrder.labelLines == nil {
			r.readOrder.labelLines = map[int]bool{}
		}
		r.readOrder.labelLines[c.Line] = true
		r.noteLabelRow(c.Line, c.Text)
		return
	}
	r.dropReviewsBeforeApplications()
	if len(r.readOrder.cells) == 0 {
		r.readOrder.unplacedFrom = len(r.unplaced)
		r.readOrder.reviewsAt = -1
	}
	r.noteReviewsAt()
	r.readOrder.cells = append(r.readOrder.cells, c)
}

// orderedFigure is a figure placed by the form's order.
type orderedFigure struct {
	indicator, breakdown, label string
	slot                        slot
	cell                        layout.Cell
	seen                        string // key of the row or cell among those read
}

func (f orderedFigure) key() string { return f.indicator + "/" + f.breakdown }

// readInReadingOrder places the figures of tables 3 and 4 by the form's
// order when the rows read by their labels leave them incomplete (see
// above).
func (r *reader) readInReadingOrder() {
	if r.applicationsComplete() && r.reviewsComplete() {
		return
	}
	if r.applicationsFiguresFirst() { // see figuresfirst.go
		if !r.placeInReadingOrder() {
			r.unplaceApplicationRows(func([]int) string { return figuresFirstRowsReason })
		}
		return
	}
	apart := r.labelsApart()
	if !apart && !r.figuresGluedOneALabel() { // see gluedfigure.go
		r.placeInSplitBands() // see splitbands.go
		return
	}
	if !r.placeInReadingOrder() {
		r.distrustRowsInReadingOrder(apart)
	}
}

// placeInReadingOrder places the figures of tables 3 and 4 by the form's
// order, and reports whether it did.
func (r *reader) placeInReadingOrder() bool {
	figures, cells, ok := r.figuresInOrder()
	if !ok {
		return false
	}
	var placed []orderedFigure
	var refused []gongkai.Unplaced
	rows, tpl := r.rowsForCount(len(figures))
	shortReviews := ""
	if rows == nil {
		rows, tpl, shortReviews = r.rowsBeforeShortReviews(len(figures)) // shortreviews.go
	}
	if rows != nil {
		n := len(rows) * (applicantColumns + 1)
		placed, ok = r.applicationsInOrder(rows, figures[:n], cells[:n])
		if ok {
			placed, refused = r.withReviewsInOrder(placed, figures[n:], cells[n:], shortReviews)
		}
	}
	if rows == nil || !ok {
		fixed, repaired := r.repairOrder(figures, cells)
		switch {
		case repaired:
			rows, tpl = fixed.rows, fixed.tpl
			n := len(rows) * (applicantColumns + 1)
			if placed, ok = r.applicationsInOrder(rows, fixed.figures[:n], fixed.cells[:n]); !ok {
				return false
			}
			placed, refused = r.withReviewsInOrder(withoutHoles(placed), fixed.figures[n:], fixed.cells[n:], fixed.reviewsUncertain)
			refused = append(refused, fixed.notes...)
		default:
			// Rows printed seven a row, some among labels (sevensorder.go).
			if rows, tpl = r.rowsWithSomeReviews(len(figures)); rows == nil || !r.labelsApart() {
				return false
			}
			if placed, refused, ok = r.placeInSevens(rows, figures, cells); !ok {
				return false
			}
			r.settleSevens(placed, refused, tpl)
			return true
		}
	}
	return r.settleOrdered(placed, refused, cells, tpl)
}

// settleOrdered emits the figures placed by the order, with refused
// unplaced, in place of the rows read by their labels among cells (the
// figures of tables 3 and 4) of form tpl; false, and nothing done, when
// a figure printed on a label's line falls in another row.
func (r *reader) settleOrdered(placed []orderedFigure, refused []gongkai.Unplaced, cells []layout.Cell, tpl string) bool {
	if !r.gluedFiguresInTheirRows(placed) {
		return false
	}
	refused = append(refused, r.dropDoubts()...)
	refused = append(refused, r.readOrder.partialNotes...)
	last := cells[len(cells)-1].Line
	kept := r.unplaced[:r.readOrder.unplacedFrom]
	for _, u := range r.unplaced[r.readOrder.unplacedFrom:] {
		if u.Line > last {
			kept = append(kept, u)
		}
	}
	r.unplaced = append(kept, refused...)
	if r.rowsFirst() == 1 {
		r.dropLabelReadings() // see figuresfirst.go
	}
	placed = r.settleConflictsOf(placed, r.readOrder.partial)
	r.emitOrdered(placed)
	if tpl == gongkai.Template2021 {
		r.applications.otherHandlingRows = true
	}
	return true
}

// figuresInOrder is the figures of tables 3 and 4 in printed order, and
// their cells; false when table 3's header rules out the form's order of
// columns or a cell is no plain figure.
func (r *reader) figuresInOrder() ([]float64, []layout.Cell, bool) {
	if !r.headerAllowsFormOrder() && !r.headerDisprovedBySums() {
		return nil, nil, false
	}
	figures, cells, ok := r.plainFigures(r.readOrder.cells)
	return figures, cells, ok && len(cells) == len(r.readOrder.cells)
}

// withReviewsInOrder adds to the figures of table 3 placed by the order
// those of table 4's blocks that reviewsInOrder places, and returns the
// others unplaced; all of them when uncertain says why their places are
// not certain.
func (r *reader) withReviewsInOrder(placed []orderedFigure, figures []float64, cells []layout.Cell, uncertain string) ([]orderedFigure, []gongkai.Unplaced) {
	if uncertain != "" && len(cells) > 0 {
		u := gongkai.Unplaced{Label: "行政复议、行政诉讼", Line: cells[0].Line, Cells: []string{}, Reason: uncertain}
		for _, c := range cells {
			u.Cells = append(u.Cells, c.Raw)
		}
		return placed, []gongkai.Unplaced{u}
	}
	reviews, refused := r.reviewsInOrder(figures, cells)
	return append(placed, reviews...), refused
}

// withoutHoles is placed without the figures of cells the text does not
// print (a hole's, line -1).
func withoutHoles(placed []orderedFigure) []orderedFigure {
	out := placed[:0]
	for _, f := range placed {
		if f.cell.Line >= 0 {
			out = append(out, f)
		}
	}
	return out
}

// distrustRowsInReadingOrder keeps, of the rows of table 3 read in text in
// reading order whose tables the order could not place, only those it
// can trust. Such a row takes the figures printed after its label, which
// may be another row's (a block of rows printed column by column) or its
// own out of order: it stands only when its figures add up to its 总计
// (I2) and are not all 0 (seven zeros of a block printed column by column
// add up after any label of the block), and, when the form's order of
// columns or rows placed it, only when （七）总计 is the sum of the outcome
// rows in every column (I3). The others are unplaced with the reason.
// In text whose figures are glued one a label (pdfminer, gluedfigure.go;
// apart false) the figures after a label may be another row's as well,
// printed among the labels: a row there stands unless its figures do not
// add up.
func (r *reader) distrustRowsInReadingOrder(apart bool) {
	confirmed := false
	for _, tpl := range templates {
		holds, known := r.outcomesAddUp(r.applicationsLeaves(tpl))
		confirmed = confirmed || holds && known
	}
	r.unplaceApplicationRows(func(idx []int) string {
		if reason := r.distrusted(idx, confirmed); apart || reason == notAddingUpReason {
			return reason
		}
		return ""
	})
}

// unplaceApplicationRows unplaces each row of table 3 read by its label,
// its observations at idx, for which why gives a reason.
func (r *reader) unplaceApplicationRows(why func(idx []int) string) {
	order, byRow := r.applicationRowObs()
	drop := map[int]bool{}
	for _, ind := range order {
		reason := why(byRow[ind])
		if reason == "" {
			continue
		}
		first := r.obs[byRow[ind][0]]
		u := gongkai.Unplaced{Label: first.Label, Line: first.Line, Cells: []string{}, Reason: reason}
		for _, i := range byRow[ind] {
			drop[i] = true
			u.Cells = append(u.Cells, r.obs[i].Raw)
		}
		r.unplaced = append(r.unplaced, u)
	}
	r.dropObservations(drop)
}

// notAddingUpReason is why a row of table 3 read in reading order whose
// figures do not add up is not trusted.
const notAddingUpReason = "text in reading order: the figures after the label do not add up to its 总计, and may be another row's"

// applicationRowObs groups the observations of the rows of table 3 by
// row (indicator), in the order first met; derived ones are left out.
func (r *reader) applicationRowObs() (order []string, byRow map[string][]int) {
	rows := map[string]bool{}
	for _, row := range r.s.rows[tableApplications] {
		if row.indicator != "" {
			rows[row.indicator] = true
		}
	}
	byRow = map[string][]int{}
	for i, o := range r.obs {
		if !rows[o.Indicator] || slices.Contains(o.Flags, gongkai.FlagDerived) {
			continue
		}
		if byRow[o.Indicator] == nil {
			order = append(order, o.Indicator)
		}
		byRow[o.Indicator] = append(byRow[o.Indicator], i)
	}
	return order, byRow
}

// distrusted says why a row of table 3 read in reading order, its
// observations at idx, cannot be trusted, or "" when it can.
func (r *reader) distrusted(idx []int, confirmed bool) string {
	values := map[string]float64{}
	byOrder := false
	for _, i := range idx {
		o := r.obs[i]
		byOrder = byOrder || slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder)
		if o.Value != nil {
			values[o.Breakdown] = *o.Value
		}
	}
	var row []float64
	for _, s := range r.formOrderSlots() {
		if v, ok := values[s.key]; ok {
			row = append(row, v)
		}
	}
	switch {
	case len(row) == applicantColumns+1 && !addsUp(row):
		return notAddingUpReason
	case len(row) == applicantColumns+1 && allZero(row):
		return "text in reading order: the figures after the label are all 0, which add up whichever row's they are"
	case !confirmed && byOrder:
		return "text in reading order: placed by the form's order, but （七）总计 does not confirm the outcome rows in every column"
	}
	return ""
}

// allZero reports whether every figure is 0.
func allZero(figures []float64) bool {
	for _, f := range figures {
		if f != 0 {
			return false
		}
	}
	return true
}

// labelsApart reports whether no figure of tables 3 and 4 shares its line
// with a label: text in reading order.
func (r *reader) labelsApart() bool {
	for _, c := range r.readOrder.cells {
		if r.readOrder.labelLines[c.Line] {
			return false
		}
	}
	return true
}

// headerAllowsFormOrder reports whether table 3's header leaves the
// form's order of columns possible: it gives no columns for certain,
// prints them out of the form's order (which is then no order of the
// figures), or gives the form's seven in the form's order.
func (r *reader) headerAllowsFormOrder() bool {
	cols := r.applications.columns
	if r.applications.columnsProblem != "" {
		return r.applications.outOfOrder
	}
	if !completeApplicants(cols) {
		return true
	}
	for i, s := range r.formOrderSlots() {
		if cols[i].key != s.key {
			return false
		}
	}
	return true
}

// applicationsComplete reports whether every row of table 3 of either
// form was read.
func (r *reader) applicationsComplete() bool {
	for _, tpl := range templates {
		all := true
		for _, row := range r.applicationsLeaves(tpl) {
			all = all && r.seen[row.id] > 0
		}
		if all {
			return true
		}
	}
	return false
}

// rowsForCount is the rows of table 3, in the form's order, of the form
// whose rows hold n figures with table 4's fifteen or without them, and
// that form; nil when neither form's do.
func (r *reader) rowsForCount(n int) ([]*rowSpec, string) {
	reviews := len(r.s.reviewsBlocks) * r.reviewsResultCount()
	for _, tpl := range templates {
		rows := r.applicationsLeaves(tpl)
		if k := len(rows) * (applicantColumns + 1); n == k || n == k+reviews {
			return rows, tpl
		}
	}
	return nil, ""
}

// tableThreeRows is the places, in the form's order of rows, of the rows
// the identities of table 3 tie together.
type tableThreeRows struct {
	received, carriedOver, answered, carriedForward int
}

// identityRows finds the rows of the identities in rows: 一 and 二 first,
// the outcome rows, then （七）总计 and 四 last; false when rows are not so.
func identityRows(rows []*rowSpec) (tableThreeRows, bool) {
	at := func(ind string) int {
		return slices.IndexFunc(rows, func(row *rowSpec) bool { return row.indicator == ind })
	}
	t := tableThreeRows{at("requests.received"), at("requests.carried_over"), at("requests.answered"), at(carriedForwardIndicator)}
	return t, t.received == 0 && t.carriedOver == 1 && t.answered == len(rows)-2 && t.carriedForward == len(rows)-1
}

// applicationsInOrder places the figures of table 3 in the form's order of
// rows and columns: as printed row by row when that reading satisfies the
// identities; otherwise when exactly one reading with blocks printed
// column by column does (see above), or, when none does, exactly one with
// rows' first figures printed among their labels (labelcolumn.go).
func (r *reader) applicationsInOrder(rows []*rowSpec, figures []float64, cells []layout.Cell) ([]orderedFigure, bool) {
	r.readOrder.doubts, r.readOrder.doubtKeys = nil, nil
	r.readOrder.partial, r.readOrder.partialNotes = false, nil
	t, ok := identityRows(rows)
	if !ok {
		return nil, false
	}
	n := applicantColumns + 1
	tail := t.answered * n
	found := t.confirmed(figures, [][]int{rowByRow(len(figures))}, [][]int{rowByRow(tail)})
	for _, totalMoved := range []bool{false, true} { // see columnmajor.go
		if len(found) > 0 {
			break
		}
		all, ok := readings(figures, len(rows), totalMoved)
		prefix, ok2 := readings(figures[:tail], t.answered, totalMoved)
		if !ok || !ok2 {
			break // too many readings of rows and blocks: the bands may tell
		}
		found = t.confirmed(figures, all, prefix)
	}
	var doubt map[int][]int64
	if len(found) == 0 { // see bandorder.go
		reading, d, ok := r.bandReadings(t, rows, figures, cells)
		if ok {
			found, doubt = [][]int{reading}, d
			r.noteBandDoubts(rows, reading, doubt, cells)
		} else if found, ok = t.displacedFound(figures, len(rows)); !ok { // see chromeorder.go
			found = nil
		}
		if len(found) == 0 { // see labelcolumn.go
			if found, ok = r.labelColumnFound(t, figures, cells, rows); !ok {
				return nil, false
			}
		}
	}
	if len(found) == 0 {
		r.readOrder.doubts, r.readOrder.doubtKeys = nil, map[string]bool{}
		return r.pageAlone(rows, figures, cells) // see pagealone.go
	}
	if len(found) != 1 {
		return nil, false
	}
	slots := r.formOrderSlots()
	var out []orderedFigure
	for i, row := range rows {
		for c, s := range slots {
			if _, ok := doubt[i*n+c]; ok {
				continue
			}
			out = append(out, orderedFigure{indicator: row.indicator, breakdown: s.key, label: row.label, slot: s, cell: cells[found[0][i*n+c]], seen: row.id})
		}
	}
	return out, true
}

// rowByRow is the reading of n figures printed row by row: each in turn.
func rowByRow(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// confirmed is the readings of table 3 that the identities confirm, each
// set of values once: of full, those that satisfy them as printed; when
// none does, of prefix (every row but the last two), those whose last two
// rows the identities give as figures printed after them (see above).
func (t tableThreeRows) confirmed(figures []float64, full, prefix [][]int) [][]int {
	n := applicantColumns + 1
	var found [][]int
	for _, at := range full {
		if t.hold(valuesAt(figures, at, n)) {
			found = append(found, at)
		}
	}
	if len(found) == 0 {
		// Only the last two rows out of order: taken from the identities,
		// when their figures are the ones printed.
		tail := t.answered * n
		for _, at := range prefix {
			if rest, ok := t.tailFromIdentities(valuesAt(figures, at, n), figures[tail:]); ok {
				whole := slices.Clone(at)
				for _, j := range rest {
					whole = append(whole, tail+j)
				}
				found = append(found, whole)
			}
		}
	}
	return distinctReadings(figures, found)
}

// maxReadings bounds the readings of table 3's figures that differ in a
// value: more means the order is not certain.
const maxReadings = 64

// readings is every way figures, printed in reading order, are the rows
// of table 3, each row adding up (I2): a row's seven figures in turn, or
// a block of rows printed column by column (each column's figures of
// the block in turn, as a reader emits the cells of rows whose labels
// sit in one merged cell). With totalMoved, such a block may print its
// 总计 column anywhere among its columns (columnMajorBlocks). Each reading
// gives, for each row's columns in turn, the index of its figure; readings
// with the same values are kept once. False when more than maxReadings
// differ.
func readings(figures []float64, rows int, totalMoved bool) ([][]int, bool) {
	return blockReadings(figures, rows, func(i, k int) [][]int { return columnMajorBlocks(i, k, totalMoved) })
}

// blockReadings is every way figures are the rows of table 3 as blocks
// that blocks gives for k rows from row i, in the form's order of rows,
// each row adding up (I2); readings with the same values are kept once.
// False when more than maxReadings differ.
func blockReadings(figures []float64, rows int, blocks func(i, k int) [][]int) ([][]int, bool) {
	n := applicantColumns + 1
	memo := make([][][]int, rows+1)
	memo[rows] = [][]int{{}}
	for i := rows - 1; i >= 0; i-- {
		var out [][]int
		for k := 1; i+k <= rows; k++ {
			if len(memo[i+k]) == 0 {
				continue // no reading of the rows below
			}
			for _, block := range blocks(i, k) {
				if !blockAddsUp(figures, block, n) {
					continue
				}
				for _, rest := range memo[i+k] {
					out = append(out, append(slices.Clone(block), rest...))
				}
			}
		}
		out = distinctReadings(figures, out)
		if len(out) > maxReadings {
			return nil, false
		}
		memo[i] = out
	}
	return memo[0], true
}

// blockAddsUp reports whether each row of a block read by indexes adds up.
func blockAddsUp(figures []float64, block []int, n int) bool {
	for j := 0; j < len(block); j += n {
		var sum float64
		for _, x := range block[j : j+n-1] {
			sum += figures[x]
		}
		if sum != figures[block[j+n-1]] {
			return false
		}
	}
	return true
}

// distinctReadings keeps the first of the readings that give the same values.
func distinctReadings(figures []float64, readings [][]int) [][]int {
	seen := map[string]bool{}
	var out [][]int
	for _, at := range readings {
		k := fmt.Sprint(valuesAt(figures, at, len(at)))
		if !seen[k] {
			seen[k] = true
			out = append(out, at)
		}
	}
	return out
}

// valuesAt is the figures a reading gives, n a row.
func valuesAt(figures []float64, at []int, n int) [][]float64 {
	var out [][]float64
	for i := 0; i+n <= len(at); i += n {
		row := make([]float64, n)
		for c := range row {
			row[c] = figures[at[i+c]]
		}
		out = append(out, row)
	}
	return out
}

// hold reports whether the rows of table 3 satisfy the identities: each
// row adds up (I2), （七）总计 is the sum of the outcome rows in every
// column (I3), and 一 + 二 = （七）总计 + 四 in every column (I1).
func (t tableThreeRows) hold(values [][]float64) bool {
	for _, row := range values {
		if !addsUp(row) {
			return false
		}
	}
	return slices.Equal(values[t.answered], columnSums(values[t.carriedOver+1:t.answered])) &&
		slices.Equal(columnSums(values[t.received:t.carriedOver+1]), columnSums(values[t.answered:]))
}

// tailFromIdentities is, for （七）总计 and 四 in turn, the index among
// printed of each figure the identities give them — （七）总计 the sum of
// the outcome rows, 四 = 一 + 二 − （七）总计 — when printed holds exactly
// those figures.
func (t tableThreeRows) tailFromIdentities(values [][]float64, printed []float64) ([]int, bool) {
	outcomes := columnSums(values[t.carriedOver+1 : t.answered])
	forward := make([]float64, len(outcomes))
	for c := range forward {
		forward[c] = values[t.received][c] + values[t.carriedOver][c] - outcomes[c]
	}
	return matchPrinted(append(outcomes, forward...), printed)
}

// addsUp reports whether the last of figures is the sum of the others.
func addsUp(figures []float64) bool {
	return blocksAddUp(figures, len(figures))
}

// columnSums is the sum of rows in each column.
func columnSums(rows [][]float64) []float64 {
	out := make([]float64, len(rows[0]))
	for _, row := range rows {
		for c, v := range row {
			out[c] += v
		}
	}
	return out
}

// matchPrinted gives each of want the index of a printed figure of the
// same value, the first not given yet; false unless want and printed are
// the same values, each as many times.
func matchPrinted(want, printed []float64) ([]int, bool) {
	if len(want) != len(printed) {
		return nil, false
	}
	used := make([]bool, len(printed))
	out := make([]int, len(want))
	for i, w := range want {
		j := -1
		for k, p := range printed {
			if p == w && !used[k] {
				j = k
				break
			}
		}
		if j < 0 || w < 0 {
			return nil, false
		}
		used[j], out[i] = true, j
	}
	return out, true
}

// reviewsInOrder places the figures of table 4, five a block in the
// form's order, the blocks whose 总计 is the sum of their results; the
// others are returned unplaced, with their sums.
func (r *reader) reviewsInOrder(figures []float64, cells []layout.Cell) ([]orderedFigure, []gongkai.Unplaced) {
	if len(figures) == 0 {
		return nil, nil
	}
	figures, cells = r.turnedReviews(figures, cells) // see turnedreviews.go
	var results []slot
	for _, c := range r.s.reviewsResults.templateColumns(gongkai.Template2019) {
		results = append(results, slot{key: c.key, printed: c.label, x0: -1, x1: -1, idx: -1})
	}
	n := len(results)
	var out []orderedFigure
	var refused []gongkai.Unplaced
	misnamed, why := r.misnamedBlock(cells, r.reviewsFormSlots())
	for i, b := range r.s.reviewsBlocks {
		f, cs := figures[i*n:(i+1)*n], cells[i*n:(i+1)*n]
		if misnamed >= 0 && i >= misnamed {
			u := gongkai.Unplaced{Label: b.label, Line: cs[0].Line, Cells: []string{}, Reason: why}
			for _, c := range cs {
				u.Cells = append(u.Cells, c.Raw)
			}
			refused = append(refused, u)
			continue
		}
		if !addsUp(f) {
			u := gongkai.Unplaced{Label: b.label, Line: cs[0].Line, Cells: []string{},
				Reason: fmt.Sprintf("table 4 read in the form's order: the block's 总计 is not the sum of its results (%v ≠ %v), so its order is not certain", sumOf(f[:n-1]), f[n-1])}
			for _, c := range cs {
				u.Cells = append(u.Cells, c.Raw)
			}
			refused = append(refused, u)
			continue
		}
		for k, s := range blockSlots(b, results) {
			out = append(out, orderedFigure{indicator: b.cells[s.key], breakdown: gongkai.BreakdownTotal, label: b.label, slot: s, cell: cs[k], seen: "4:" + b.id + "/" + s.key})
		}
	}
	return out, refused
}

// sumOf is the sum of fs.
func sumOf(fs []float64) float64 {
	var s float64
	for _, f := range fs {
		s += f
	}
	return s
}

// settleConflictsOf compares the figures of tables 3 and 4 read by their
// labels with those the order places, and returns the figures to place.
// A row (a block of table 4) whose figures read by its label differ from
// the order's is neither: its figures are taken out and the row is
// unplaced with both readings (a reader may emit the figures of a block
// of rows column by column after one of their labels, or a label may
// stand where the form has another row); but when the figures read by
// the label do not add up to the row's 总计 (a block's), they are no
// reading of the row, and the order's stand. A figure read under a row
// the form lacks is taken out: the order places every figure of the
// tables; with partial, placed is only some rows and blocks of the tables
// (sevensorder.go, pagealone.go), and a figure read under a row or block
// it lacks stands.
func (r *reader) settleConflictsOf(placed []orderedFigure, partial bool) []orderedFigure {
	unitOf := map[string]string{}
	orderValue := map[string]float64{} // the order's figure, by indicator/breakdown
	for _, f := range placed {
		unitOf[f.key()] = f.seen
		if o := r.observation(f.indicator, f.breakdown, f.label, f.slot, f.cell, nil); o.Value != nil {
			orderValue[f.key()] = *o.Value
		}
	}
	tables := r.tableThreeAndFourIndicators()
	readAs := map[string][]string{} // unit → figures read by label, printed
	drop := map[int]bool{}
	for i, o := range r.obs {
		if !tables[o.Indicator] || slices.Contains(o.Flags, gongkai.FlagDerived) {
			continue
		}
		unit, ok := unitOf[o.Indicator+"/"+o.Breakdown]
		if !ok && partial {
			continue
		}
		if !ok {
			drop[i] = true
			r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: o.Label, Cells: []string{o.Raw}, Line: o.Line,
				Reason: "read under a row the form lacks, where the form's order places every figure of tables 3 and 4"})
			continue
		}
		readAs[unit] = append(readAs[unit], o.Raw)
	}
	readValue := map[string]float64{} // figure read by label, by indicator/breakdown
	conflict := map[string]bool{}
	for i, o := range r.obs {
		unit, ok := unitOf[o.Indicator+"/"+o.Breakdown]
		if !ok || drop[i] || !tables[o.Indicator] || slices.Contains(o.Flags, gongkai.FlagDerived) || o.Value == nil {
			continue
		}
		readValue[o.Indicator+"/"+o.Breakdown] = *o.Value
		if v, ok := orderValue[o.Indicator+"/"+o.Breakdown]; !ok || v != *o.Value {
			conflict[unit] = true
		}
	}
	// A row read by its label whose figures do not add up to its 总计
	// is no reading of the form's row: the order's, which add up, stand.
	misread := map[string]bool{}
	for unit := range conflict {
		var values []float64
		for _, f := range placed {
			if v, ok := readValue[f.key()]; ok && f.seen == unit {
				values = append(values, v)
			} else if f.seen == unit {
				values = nil
				break
			}
		}
		if values != nil && !addsUp(values) {
			misread[unit] = true
			delete(conflict, unit)
		}
	}
	for _, unit := range shiftedByOne(placed, orderValue, readValue, conflict) { // see figuresfirst.go
		misread[unit] = true
		delete(conflict, unit)
	}
	var out []orderedFigure
	byUnit := map[string][]orderedFigure{}
	var units []string
	for _, f := range placed {
		if !conflict[f.seen] {
			out = append(out, f)
			continue
		}
		if byUnit[f.seen] == nil {
			units = append(units, f.seen)
		}
		byUnit[f.seen] = append(byUnit[f.seen], f)
	}
	for i, o := range r.obs {
		if unit, ok := unitOf[o.Indicator+"/"+o.Breakdown]; ok && (conflict[unit] || misread[unit]) && tables[o.Indicator] && !slices.Contains(o.Flags, gongkai.FlagDerived) {
			drop[i] = true
		}
	}
	for _, unit := range units {
		fs := byUnit[unit]
		u := gongkai.Unplaced{Label: fs[0].label, Line: fs[0].cell.Line, Cells: []string{},
			Reason: fmt.Sprintf("read by its label as %v, but the form's order of the tables' figures, which their identities confirm, gives these: which are the row's is not certain", readAs[unit])}
		for _, f := range fs {
			u.Cells = append(u.Cells, f.cell.Raw)
		}
		r.unplaced = append(r.unplaced, u)
	}
	r.dropObservations(drop)
	return out
}

// dropObservations takes the observations out whose indexes are in drop,
// and keeps the indexes of table 4's figures and of （六）其他处理's up to
// date.
func (r *reader) dropObservations(drop map[int]bool) {
	if len(drop) == 0 {
		return
	}
	moved := map[int]int{}
	kept := r.obs[:0]
	for i, o := range r.obs {
		if !drop[i] {
			moved[i] = len(kept)
			kept = append(kept, o)
		}
	}
	r.obs = kept
	for key, i := range r.reviews.obsIndex {
		if j, ok := moved[i]; ok {
			r.reviews.obsIndex[key] = j
		} else {
			delete(r.reviews.obsIndex, key)
			delete(r.reviews.values, key)
		}
	}
	var other []int
	for _, i := range r.applications.otherHandlingObs {
		if j, ok := moved[i]; ok {
			other = append(other, j)
		}
	}
	r.applications.otherHandlingObs = other
}

// tableThreeAndFourIndicators is every indicator a figure of table 3 or 4
// may bear, the rows the form lacks included.
func (r *reader) tableThreeAndFourIndicators() map[string]bool {
	out := map[string]bool{}
	for _, row := range r.s.rows[tableApplications] {
		for _, ind := range []string{row.indicator, row.local} {
			if ind != "" {
				out[ind] = true
			}
		}
	}
	for _, b := range r.s.reviewsBlocks {
		for _, ind := range b.cells {
			out[ind] = true
		}
	}
	return out
}

// emitOrdered adds the figures placed by the order that were not read
// before, flagged placed_by_form_order, and marks their rows read.
func (r *reader) emitOrdered(placed []orderedFigure) {
	read := map[string]bool{}
	for _, o := range r.obs {
		read[o.Indicator+"/"+o.Breakdown] = true
	}
	for _, f := range placed {
		if r.seen[f.seen] == 0 {
			r.seen[f.seen] = f.cell.Line
		}
		if read[f.key()] {
			continue
		}
		o := r.observation(f.indicator, f.breakdown, f.label, f.slot, f.cell, []string{gongkai.FlagPlacedByFormOrder})
		if f.slot.block != nil && f.slot.block.table == tableReviews {
			key := f.slot.block.id + "/" + f.slot.key
			r.reviews.values[key] = o.Value
			r.reviews.obsIndex[key] = len(r.obs)
		}
		r.obs = append(r.obs, o)
	}
}
