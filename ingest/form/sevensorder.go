package form

import (
	"fmt"
	"slices"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/layout"
)

// LibreOffice's print of a Word table, taken out by plain pdftotext,
// prints table 3's figures row by row, seven a row in the form's order,
// but the labels apart: a run of labels (`1.属于` / `国家秘` / `密` / …
// `2.没有` / …), then the figures of the rows they name, one a line.
// Where a row's cells stand level with pieces of the header or of a
// merged label, its figures come among those pieces (一、本年新收…'s
// `科研机构` / `8` / `社会公益组织` / `21` …, printed in the order of the
// header's cells, not the form's columns), and the last rows, under a
// label printed lower in its cell, interleave (`0` / `76` / `2` / `9` …
// for 3.其他 and （七）总计). Such a table satisfies no reading of the
// whole (readingorder.go), yet most of its rows are certain.
//
// When the figures of tables 3 and 4 are the form's count (seven for each
// row of table 3 in one form, with table 4's fifteen or without them, or
// with its first blocks only, each adding up to a 总计 other than 0: see
// reviewsBegin), the text prints no figure on a label's line, and no
// reading of the whole satisfies the identities nor does a repair, the
// figures are read seven a row in the form's order of rows and columns.
// A row is placed (flag placed_by_form_order) only when all of these hold:
//
//   - its seven figures are printed one after another with no label
//     between them (a label among them is a piece of the header or of a
//     merged cell, and the order of the figures around it is the page's,
//     not the form's);
//   - its 总计 is the sum of its six applicant columns (I2);
//   - no label read as the row is printed after its figures unless one is
//     also printed before them (a row whose label comes only after its
//     figures is printed out of the form's order);
//   - its figures are not seven 0s, or the nearest rows with a figure
//     other than 0 around it are placed too (zerosBracketed);
//
// and none is placed unless the rows placed with a figure other than 0
// are at least half of those with one, at least half of all the rows are
// placed, and each of the identities I1 and I3 holds wherever all its
// rows are placed. The other rows are unplaced with the reason, unless
// their labels read them (settleSevens). Table 4's blocks are placed as
// the order reads them (reviewsInOrder) when all fifteen figures are
// printed and a block's five come one after another with no label
// between them; when fewer are printed, the whole blocks they begin with
// (partialreviews.go).

// sevensMinShare: at least one row in sevensMinShare must be read so for
// any to be placed; fewer means the figures are not printed seven a row.
const sevensMinShare = 2

// placeInSevens places the rows of table 3 (and blocks of table 4) that
// the figures printed seven a row in the form's order make certain (see
// above), and reports whether it placed any.
func (r *reader) placeInSevens(rows []*rowSpec, figures []float64, cells []layout.Cell) ([]orderedFigure, []gongkai.Unplaced, bool) {
	t, ok := identityRows(rows)
	if !ok {
		return nil, nil, false
	}
	n := applicantColumns + 1
	m := len(rows) * n
	whole := len(r.s.reviewsBlocks) * r.reviewsResultCount()
	if len(figures) != m && len(figures) != m+whole && !r.reviewsBegin(figures[m:]) {
		return nil, nil, false
	}
	good := make([]bool, len(rows))
	among := make([]bool, len(rows)) // a label among the row's figures
	reasons := make([]string, len(rows))
	count := 0
	for i, row := range rows {
		f, cs := figures[i*n:(i+1)*n], cells[i*n:(i+1)*n]
		switch {
		case r.labelBetween(cs[0].Line, cs[n-1].Line):
			among[i] = true
			reasons[i] = "table 3 printed seven figures a row: a label is printed among this row's figures, so their order is not certain"
		case !addsUp(f):
			reasons[i] = fmt.Sprintf("table 3 printed seven figures a row: this row's 总计 is not the sum of its six applicant columns (%v ≠ %v), so its figures are not certain", sumOf(f[:n-1]), f[n-1])
		case r.labelOnlyAfter(row.indicator, cs[0].Line):
			reasons[i] = "table 3 printed seven figures a row: the row's label is printed after these figures, not before, so they may be another row's"
		default:
			good[i] = true
			count++
		}
	}
	if count*sevensMinShare < len(rows) {
		return nil, nil, false
	}
	for i := range rows {
		// Seven 0s among labels: whatever their order, each column is 0.
		if among[i] && slices.Max(figures[i*n:(i+1)*n]) == 0 && slices.Min(figures[i*n:(i+1)*n]) == 0 {
			good[i] = true
		}
	}
	if !zerosBracketed(figures[:m], good, reasons) {
		return nil, nil, false
	}
	values := make([][]float64, len(rows))
	rowCells := make([][]layout.Cell, len(rows))
	for i := range rows {
		if good[i] {
			values[i], rowCells[i] = figures[i*n:(i+1)*n], cells[i*n:(i+1)*n]
		}
	}
	t.deduceRows(values, rowCells, figures, cells)
	t.solveTail(values, rowCells, figures, cells) // see tailsolve.go
	if !t.holdWherePlaced(values) {
		return nil, nil, false
	}
	slots := r.formOrderSlots()
	var placed []orderedFigure
	var refused []gongkai.Unplaced
	for i, row := range rows {
		cs := cells[i*n : (i+1)*n]
		if values[i] == nil {
			u := gongkai.Unplaced{Label: row.label, Line: cs[0].Line, Cells: []string{}, Reason: reasons[i]}
			for _, c := range cs {
				u.Cells = append(u.Cells, c.Raw)
			}
			refused = append(refused, u)
			continue
		}
		for c, s := range slots {
			placed = append(placed, orderedFigure{indicator: row.indicator, breakdown: s.key, label: row.label, slot: s, cell: rowCells[i][c], seen: row.id})
		}
	}
	if len(figures) != m+whole {
		if len(figures) > m {
			reviews, notReviews := r.leadingReviews(figures[m:], cells[m:]) // see partialreviews.go
			placed, refused = append(placed, reviews...), append(refused, notReviews...)
		}
		return placed, refused, true
	}
	reviews, notReviews := r.reviewsInOrder(figures[m:], cells[m:])
	refused = append(refused, notReviews...)
	results := len(r.s.reviewsResults.templateColumns(gongkai.Template2019))
	for b := 0; b+results <= len(reviews); b += results {
		block := reviews[b : b+results]
		if r.labelBetween(block[0].cell.Line, block[results-1].cell.Line) {
			u := gongkai.Unplaced{Label: block[0].label, Line: block[0].cell.Line, Cells: []string{},
				Reason: "table 4 read in the form's order: a label is printed among the block's figures, so their order is not certain"}
			for _, f := range block {
				u.Cells = append(u.Cells, f.cell.Raw)
			}
			refused = append(refused, u)
			continue
		}
		placed = append(placed, block...)
	}
	return placed, refused, true
}

// labelBetween reports whether a label of table 3 or 4 is printed on a
// line after from and before to.
func (r *reader) labelBetween(from, to int) bool {
	for l := range r.readOrder.labelLines {
		if l > from && l < to {
			return true
		}
	}
	return false
}

// labelOnlyAfter reports whether every label read as the row of table 3
// with indicator ind is printed after line, and there is one. A label
// read as no row, or not read, says nothing.
func (r *reader) labelOnlyAfter(ind string, line int) bool {
	after := false
	for l, row := range r.readOrder.labelRows {
		if row != ind {
			continue
		}
		if l < line {
			return false
		}
		after = true
	}
	return after && !r.labelStartsBefore(ind, line) // see labelstart.go
}

// holdWherePlaced reports whether I1 and I3 hold in every column where
// all their rows have values (nil: a row not placed).
func (t tableThreeRows) holdWherePlaced(values [][]float64) bool {
	n := applicantColumns + 1
	outcomes := values[t.carriedOver+1 : t.answered]
	all := values[t.answered] != nil
	for _, v := range outcomes {
		all = all && v != nil
	}
	if all {
		sums := columnSums(outcomes)
		for c := 0; c < n; c++ {
			if sums[c] != values[t.answered][c] {
				return false
			}
		}
	}
	if a, b, c, d := values[t.received], values[t.carriedOver], values[t.answered], values[t.carriedForward]; a != nil && b != nil && c != nil && d != nil {
		for k := 0; k < n; k++ {
			if a[k]+b[k] != c[k]+d[k] {
				return false
			}
		}
	}
	return true
}

// rowsWithSomeReviews is the rows of table 3, in the form's order, of the
// form whose rows hold n figures with all, some or none of table 4's
// fifteen (the rest printed after the tables' region: a page of
// narrative between them), and that form; nil when neither form's do, or
// both (2019's 161 with fourteen of table 4 are 2021's 175).
func (r *reader) rowsWithSomeReviews(n int) ([]*rowSpec, string) {
	reviews := len(r.s.reviewsBlocks) * r.reviewsResultCount()
	var out []*rowSpec
	form := ""
	for _, tpl := range templates {
		rows := r.applicationsLeaves(tpl)
		if k := len(rows) * (applicantColumns + 1); n >= k && n <= k+reviews {
			if out != nil {
				return nil, ""
			}
			out, form = rows, tpl
		}
	}
	return out, form
}

// reviewsBegin reports whether figures, those printed after table 3's
// when fewer than table 4's fifteen follow (the rest printed after a page
// of narrative, out of the tables' text), are the first blocks of table 4
// in the form's order: at least one whole block, each whole block adding
// up to a 总计 other than 0. A row of table 3 left out (its figures lost)
// leaves table 4's figures cut elsewhere than at a block's start, where
// they seldom add up so.
func (r *reader) reviewsBegin(figures []float64) bool {
	k := r.reviewsResultCount()
	if len(figures) < k {
		return false
	}
	for b := 0; b+k <= len(figures); b += k {
		block := figures[b : b+k]
		if !addsUp(block) || block[k-1] == 0 {
			return false
		}
	}
	return true
}

// zerosBracketed keeps, of the rows good marks, those whose seven figures
// are not all 0 and those that are whose nearest rows with a figure other
// than 0, before and after (one at least), are kept as well: seven 0s add
// up wherever they are cut from, and only rows read so around them show
// the figures printed seven a row there. It unmarks the others, saying
// why in reasons, and reports whether the rows kept with a figure other
// than 0 are at least half of all the rows with one.
func zerosBracketed(figures []float64, good []bool, reasons []string) bool {
	n := applicantColumns + 1
	zero := make([]bool, len(good))
	nonZero, nonZeroGood := 0, 0
	for i := range good {
		zero[i] = true
		for _, f := range figures[i*n : (i+1)*n] {
			zero[i] = zero[i] && f == 0
		}
		if !zero[i] {
			nonZero++
			if good[i] {
				nonZeroGood++
			}
		}
	}
	neighbour := func(i, step int) (kept, found bool) {
		for j := i + step; j >= 0 && j < len(zero); j += step {
			if !zero[j] {
				return good[j], true
			}
		}
		return false, false
	}
	keep := slices.Clone(good)
	for i := range good {
		if !good[i] || !zero[i] {
			continue
		}
		before, hasBefore := neighbour(i, -1)
		after, hasAfter := neighbour(i, 1)
		if (hasBefore || hasAfter) && (!hasBefore || before) && (!hasAfter || after) {
			continue
		}
		keep[i] = false
		reasons[i] = "table 3 printed seven figures a row: this row's seven 0s add up wherever they are cut from, and the rows around it do not show the figures printed seven a row there"
	}
	copy(good, keep)
	return nonZeroGood*sevensMinShare >= nonZero && nonZeroGood > 0
}

// settleSevens places the rows and blocks read seven a row (placed) over
// those read by their labels: a row read both ways alike stands, one read
// otherwise is unplaced with both readings (settleConflictsOf); the rows
// read only by their labels stand when they can be trusted
// (distrustRowsInReadingOrder); a row of refused that no label read is
// unplaced with the reason. As when the order places the whole tables,
// what was unplaced while they were read gives way to these reasons.
func (r *reader) settleSevens(placed []orderedFigure, refused []gongkai.Unplaced, tpl string) {
	r.keepUnplacedAfter(r.readOrder.cells[len(r.readOrder.cells)-1].Line)
	placed = r.settleConflictsOf(placed, true)
	r.distrustRowsInReadingOrder(true)
	read := map[string]bool{}
	for _, o := range r.obs {
		read[o.Label] = true
	}
	for _, u := range refused {
		if !read[u.Label] {
			r.unplaced = append(r.unplaced, u)
		}
	}
	r.emitOrdered(placed)
	if tpl == gongkai.Template2021 {
		r.applications.otherHandlingRows = true
	}
}

// deduceRows fills in, from the identities, the rows of table 3 not read
// seven a row (values nil) whose figures the rows read give: 一 = （七）+ 四
// − 二 in each column (and so for 二 and 四, I1), （七） the sum of the
// outcome rows, an outcome row （七） less the others (I3). A row is
// filled in only when the figures so found add up (I2) and are, value for
// value, the seven printed for it (figures, cells: all of table 3's, seven
// a row), each then placed in the column its value has; a row filled in
// may give another.
func (t tableThreeRows) deduceRows(values [][]float64, rowCells [][]layout.Cell, figures []float64, cells []layout.Cell) {
	n := applicantColumns + 1
	for changed := true; changed; {
		changed = false
		for i := range values {
			if values[i] != nil {
				continue
			}
			v := t.deduced(i, values)
			if v == nil || !addsUp(v) || slices.Min(v) < 0 {
				continue
			}
			at := matchValues(v, figures[i*n:(i+1)*n])
			if at == nil {
				continue
			}
			values[i] = v
			rowCells[i] = make([]layout.Cell, n)
			for c, k := range at {
				rowCells[i][c] = cells[i*n+k]
			}
			changed = true
		}
	}
}

// deduced is row i's figures as the identities give them from the other
// rows' values, or nil when a row they need is not known.
func (t tableThreeRows) deduced(i int, values [][]float64) []float64 {
	n := applicantColumns + 1
	combine := func(plus, minus []int) []float64 {
		out := make([]float64, n)
		for _, j := range append(slices.Clone(plus), minus...) {
			if j == i || values[j] == nil {
				return nil
			}
		}
		for c := range out {
			for _, j := range plus {
				out[c] += values[j][c]
			}
			for _, j := range minus {
				out[c] -= values[j][c]
			}
		}
		return out
	}
	var outcomes []int
	for j := t.carriedOver + 1; j < t.answered; j++ {
		outcomes = append(outcomes, j)
	}
	switch {
	case i == t.received:
		return combine([]int{t.answered, t.carriedForward}, []int{t.carriedOver})
	case i == t.carriedOver:
		return combine([]int{t.answered, t.carriedForward}, []int{t.received})
	case i == t.carriedForward:
		return combine([]int{t.received, t.carriedOver}, []int{t.answered})
	case i == t.answered:
		return combine(outcomes, nil)
	case i > t.carriedOver && i < t.answered:
		others := slices.DeleteFunc(slices.Clone(outcomes), func(j int) bool { return j == i })
		return combine([]int{t.answered}, others)
	}
	return nil
}

// matchValues gives, for each value of v in turn, the index of a figure
// of printed equal to it, each figure used once; nil when printed is not
// v's values.
func matchValues(v, printed []float64) []int {
	used := make([]bool, len(printed))
	out := make([]int, len(v))
	for c, x := range v {
		k := slices.IndexFunc(printed, func(f float64) bool { return f == x })
		for k >= 0 && used[k] {
			next := slices.IndexFunc(printed[k+1:], func(f float64) bool { return f == x })
			if next < 0 {
				k = -1
				break
			}
			k += 1 + next
		}
		if k < 0 {
			return nil
		}
		used[k] = true
		out[c] = k
	}
	return out
}
