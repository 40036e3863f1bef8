package form

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/digitrun"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// splitRun cuts a run of figures printed with no separator (a table-3 row
// 21710000218) into the cells of the row's columns, by the only split the
// form's arithmetic admits; otherwise it returns why it cannot.
func splitRun(v layout.Cell, slots []slot) ([]layout.Cell, string) {
	if why := partialHeader(slots); why != "" {
		return nil, fmt.Sprintf("figures run together with no separator (%s): %s", v.Raw, why)
	}
	res, err := splitRow(v, slots)
	if err != nil {
		return nil, fmt.Sprintf("figures run together with no separator (%s): %v", v.Raw, err)
	}
	parts, err := res.Unique()
	if err != nil {
		return nil, fmt.Sprintf("figures run together with no separator, in %d columns: %v%s", len(slots), err, identityNote(slots))
	}
	return splitCells(v, parts), ""
}

// splitRow is every split of a row's run of figures that its columns'
// identities admit, a sign only opening the column of changes (本年增/减).
func splitRow(v layout.Cell, slots []slot) (digitrun.Result, error) {
	res, err := digitrun.Split(label.Fold(v.Text), runGroups(slots))
	res.Splits = slices.DeleteFunc(res.Splits, func(split []string) bool {
		for i, c := range split {
			if strings.ContainsAny(c[:1], "+-") && slots[i].key != signedColumn {
				return true
			}
		}
		return false
	})
	return res, err
}

// partialHeader says why a run of figures may not be cut under the
// columns read from a table's header: in tables 3 and 4 every row prints
// all the form's columns, so a header read with fewer (pieces of it glued
// to the text around, 总计商业 / 企业科研) has lost some, and a run's digits
// may belong to the columns lost. A cut that only one way fits the columns
// read (0|0|948010949 under three) is then no evidence. "" when the header
// shows every column of table 3, whole blocks of table 4, or is table 2's.
// A row of table 3 printing one such run is cut under the form's seven
// columns instead, when the columns read agree with the form's order
// (byFormOrder, headerAgreesWithForm): there the row's 总计 and the column
// sums bind every cut, as under a whole header.
func partialHeader(slots []slot) string {
	b := slots[0].block
	switch {
	case b == nil:
		return ""
	case b.table == 3 && !totalLast(slots, applicantColumns+1):
		return fmt.Sprintf("the header shows %d of table 3's seven columns, and a run is cut only under all of them", len(slots))
	case b.table == 4 && !wholeBlocks(slots):
		return fmt.Sprintf("the header shows %d columns of table 4, not whole blocks of results and their 总计, and a run is cut only under whole blocks", len(slots))
	}
	return ""
}

// gluedRun reports whether values are one run of figures glued to the
// row's label, digits only (a space the page kept may part them), with a
// digit at least for each of n columns: a shorter run cannot be the row.
func gluedRun(values []layout.Cell, n int) bool {
	if len(values) != 1 || !values[0].Glued {
		return false
	}
	digits := 0
	for _, f := range strings.Fields(label.Fold(values[0].Text)) {
		if !plainDigits.MatchString(f) {
			return false
		}
		digits += len(f)
	}
	return digits >= n
}

// headerAgreesWithForm says why a header of table 3 read in part does not
// show the form's table: a column it names out of the form's order (总计
// printed first, as local layouts do) means the columns lost may be in
// any order too, and the form's cannot stand in for them. "" when the
// columns read come in the form's order.
func (r *reader) headerAgreesWithForm(slots []slot) string {
	form := r.formOrderSlots()
	at := 0
	for _, s := range slots {
		for at < len(form) && form[at].key != s.key {
			at++
		}
		if at == len(form) {
			return fmt.Sprintf("the header of table 3 shows %d of the form's %d columns, not in the form's order (%s): the table is not the form's for certain, and a run under it is not cut", len(slots), len(form), printedColumns(slots))
		}
		at++
	}
	return ""
}

// printedColumns is the columns as printed, parted by |.
func printedColumns(slots []slot) string {
	names := make([]string, len(slots))
	for i, s := range slots {
		names[i] = s.printed
	}
	return strings.Join(names, " | ")
}

// blocksInPart gives the columns a run of table 4's figures is cut under
// when its header printed some of the form's blocks only (the others' names
// glued to the text around, or lost): the form's three blocks, in order,
// when those printed come in the form's order, for a table printed as one
// run of at least fifteen digits; cut under the blocks printed, the run's
// digits of the lost block would go to the others. When the blocks printed
// are out of the form's order it gives the reason the run is unplaced;
// nil and "" when the header printed every block, or the figures are not
// one such run.
func (r *reader) blocksInPart(blocks []printedBlock, results []slot, data []layout.Cell) ([]slot, string) {
	form := r.s.reviewsBlocks
	if len(blocks) >= len(form) || len(results) != resultColumns || !gluedRun(data, len(form)*resultColumns) {
		return nil, ""
	}
	at := 0
	for _, b := range blocks {
		for at < len(form) && form[at] != b.block {
			at++
		}
		if at == len(form) {
			return nil, fmt.Sprintf("figures run together with no separator (%s): the header of table 4 shows %d of the form's %d blocks, not in the form's order: the table is not the form's for certain, and the run is not cut", data[0].Raw, len(blocks), len(form))
		}
		at++
	}
	var out []slot
	for _, b := range form {
		out = append(out, blockSlots(b, results)...)
	}
	return out, ""
}

// unplaceReviews reports figures of table 4 unplaced, with why.
func (r *reader) unplaceReviews(data []layout.Cell, why string) {
	u := gongkai.Unplaced{Label: "行政复议、行政诉讼", Line: data[0].Line, Reason: why, Cells: []string{}}
	for _, c := range data {
		u.Cells = append(u.Cells, c.Raw)
	}
	r.unplaced = append(r.unplaced, u)
}

// wholeBlocks reports whether slots are whole blocks of table 4, each four
// results and their 总计.
func wholeBlocks(slots []slot) bool {
	gs := runGroups(slots)
	return gs[0].TotalLast && len(gs)*resultColumns == len(slots)
}

// signedColumn is the key of the column whose figures are signed: 本年增/减.
const signedColumn = "items_change"

// joinRun folds figures of a row run together that a space or a sign cut
// apart back into one run (joinSpacedRun, joinSignedRun).
func joinRun(values []layout.Cell, slots []slot) []layout.Cell {
	if j := joinSignedRun(values, slots); len(j) == 1 {
		return j
	}
	return joinSpacedRun(values, slots)
}

// joinSignedRun folds a row of table 2 whose signed change cut its run in
// two (行政许可39+110: 39 and +110) back into one run, the sign kept where
// it opens the column of changes: only when the row prints two figures
// for three columns, the first glued to the label and plain digits, the
// second signed, and the column after the first is the changes'.
func joinSignedRun(values []layout.Cell, slots []slot) []layout.Cell {
	if len(values) != 2 || len(slots) != 3 || !values[0].Glued || slots[1].key != signedColumn || values[1].Line != values[0].Line {
		return values
	}
	first, second := label.Fold(values[0].Text), label.Fold(values[1].Text)
	if !plainDigits.MatchString(first) || !signedDigits.MatchString(second) {
		return values
	}
	run := values[0]
	run.Text = first + " " + second
	run.Raw = run.Text
	return []layout.Cell{run}
}

// signedDigits matches a figure that is a sign and digits.
var signedDigits = regexp.MustCompile(`^[+-][0-9]+$`)

// joinSpacedRun folds the figures of a row run together that a stray
// space cut in two (（二）部分公开500000 5, a page that kept one space
// inside a run) back into one run, the space kept as a cut every split
// must make: only when fewer figures than columns are printed, the first
// glued to the label, all plain digits on one line, and an identity binds
// the columns (a row's 总计, a block's), so that no split is taken that the
// sums do not single out. Otherwise values are returned as they are.
func joinSpacedRun(values []layout.Cell, slots []slot) []layout.Cell {
	if len(values) < 2 || len(values) >= len(slots) || !values[0].Glued || !runGroups(slots)[0].TotalLast {
		return values
	}
	parts := make([]string, len(values))
	for i, v := range values {
		if v.Line != values[0].Line || !plainDigits.MatchString(label.Fold(v.Text)) {
			return values
		}
		parts[i] = label.Fold(v.Text)
	}
	run := values[0]
	run.Text = strings.Join(parts, " ")
	run.Raw = run.Text
	return []layout.Cell{run}
}

// plainDigits matches a figure that is only digits.
var plainDigits = regexp.MustCompile(`^[0-9]+$`)

// agreedCells finds, for a run of figures several splits fit, the cells
// every one of them fills alike (1702 under three columns: 1|70|2 or
// 17|0|2, so the last is 2): each as certain as a run one split fits. It
// returns them in their columns, nil elsewhere, and the reason the row is
// unplaced for the rest; nil and "" when the row prints no such run, one
// split fits, or no cell is agreed.
func agreedCells(cur *openRow, slots []slot) ([]*layout.Cell, string) {
	if len(cur.values) != 1 || !cur.values[0].Glued || len(slots) < 2 {
		return nil, ""
	}
	v := cur.values[0]
	res, err := splitRow(v, slots)
	if err != nil {
		return nil, ""
	}
	agreed, ok := res.Agreed()
	if !ok {
		return nil, ""
	}
	out := make([]*layout.Cell, len(slots))
	var placed []string
	for i, a := range agreed {
		if a != "" {
			out[i] = &splitCells(v, []string{a})[0]
			placed = append(placed, slots[i].printed+" "+a)
		}
	}
	if placed == nil {
		return nil, ""
	}
	_, why := splitRun(v, slots)
	return out, fmt.Sprintf("%s; every split gives %s, placed", why, strings.Join(placed, ", "))
}

// splitCells makes the cells of one split of a run.
func splitCells(v layout.Cell, parts []string) []layout.Cell {
	out := make([]layout.Cell, len(parts))
	for i, p := range parts {
		out[i] = layout.Cell{Text: p, Raw: p, Line: v.Line, Glued: true, Split: true, X0: -1, X1: -1, Idx: -1}
	}
	return out
}

// runGroups are the identities that bind the cells of a row: in table 3
// the total of the six applicant columns, in table 4 the total of each
// block's results; elsewhere none (and only a run with one way to cut it
// is split, such as 000 under three columns).
func runGroups(slots []slot) []digitrun.Group {
	if totalLast(slots, applicantColumns+1) {
		return []digitrun.Group{{Cells: len(slots), TotalLast: true}}
	}
	if len(slots)%resultColumns == 0 && slots[0].block != nil && slots[0].block.table == 4 {
		var gs []digitrun.Group
		for i := 0; i < len(slots); i += resultColumns {
			if !totalLast(slots[i:i+resultColumns], resultColumns) {
				return []digitrun.Group{{Cells: len(slots)}}
			}
			gs = append(gs, digitrun.Group{Cells: resultColumns, TotalLast: true})
		}
		return gs
	}
	return []digitrun.Group{{Cells: len(slots)}}
}

// The columns of the identities: table 3 has six applicant columns and
// their total, each block of table 4 four results and their total.
const (
	applicantColumns = 6
	resultColumns    = 5
)

// totalLast reports whether slots are n distinct columns whose last is the
// total of the others.
func totalLast(slots []slot, n int) bool {
	return len(slots) == n && slots[n-1].key == "total" && distinctKeys(slots)
}

// identityNote says which arithmetic a refusal was judged by.
func identityNote(slots []slot) string {
	switch gs := runGroups(slots); {
	case !gs[0].TotalLast:
		return "; no identity binds these columns"
	case len(gs) > 1:
		return "; each block's 总计 is the sum of its results"
	}
	return "; 总计 is the sum of the six applicant columns"
}

// pendingRun is a table-3 row whose run of figures several splits fit:
// the column sums of the whole table may single one out (settleRuns).
type pendingRun struct {
	row    *rowSpec
	label  string
	value  layout.Cell
	slots  []slot
	splits [][]string
	flags  []string
}

// maxPendingSplits is the most splits a pending row may have: a run that
// many splits fit is left unplaced at once.
const maxPendingSplits = 10000

// deferRun keeps a table-3 row for settleRuns when its run of figures fits
// more than one split; it reports whether it did.
func (r *reader) deferRun(cur *openRow, slots []slot, label string, flags []string) bool {
	// （六）其他处理 is a row in 2019 and a heading in 2021: it is kept too,
	// and settleRuns tells which once the rows under it are read or not.
	if cur.table != 3 || cur.row == nil || cur.row.group && cur.row != r.s.otherHandling || len(cur.values) != 1 || !cur.values[0].Glued || len(slots) < 2 {
		return false
	}
	v := cur.values[0]
	res, err := splitRow(v, slots)
	if err != nil {
		return false
	}
	if _, err := res.Unique(); !errors.Is(err, digitrun.ErrAmbiguous) || len(res.Splits) > maxPendingSplits {
		return false
	}
	r.pending = append(r.pending, pendingRun{row: cur.row, label: label, value: v, slots: slots, splits: res.Splits, flags: flags})
	return true
}

// settleRuns places the pending rows of table 3 by the choices of their
// splits that make the table's column identities hold: for every column,
// 一 + 二 = （七）总计 + 四 (I1) and （七）总计 = the sum of the outcome rows
// (I3). Every term of them must be read. A row that takes the same split in
// every such choice takes it (the report's own figures are one of them); a
// row that takes several keeps the cells they all fill alike, and is
// unplaced for the rest with the reason, as is every row when no choice
// can be weighed (then only the cells its own splits fill alike stand).
func (r *reader) settleRuns() {
	pending := r.unboundRuns(r.pending)
	r.pending = nil
	if len(pending) == 0 {
		return
	}
	fits, reason := r.fittingSplits(pending, maxSearchSteps)
	balance := r.balanceWhenUndecided(pending, fits, reason)
	for i, p := range pending {
		splits := p.splits
		if fits != nil {
			splits = fits[i]
		}
		if balance[i] != nil {
			splits = balance[i]
		}
		if len(splits) == 1 {
			r.placeSplit(p, splits[0])
			continue
		}
		why := fmt.Sprintf("figures run together with no separator (%s): %d splits add up to the row's 总计, and %s", p.value.Raw, len(p.splits), reason)
		if fits != nil {
			why = fmt.Sprintf("figures run together with no separator (%s): %d splits add up to the row's 总计, and several choices of them make the column sums of table 3 hold (%d of the row's splits stand in them)", p.value.Raw, len(p.splits), len(splits))
		}
		if balance[i] != nil {
			why += fmt.Sprintf("; %d of them make 一 + 二 = （七）总计 + 四 hold", len(splits))
		}
		r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: p.label, Line: p.value.Line, Cells: []string{p.value.Raw},
			Reason: why + r.placeAgreed(p, splits)})
	}
}

// placeSplit places a pending row's figures as split.
func (r *reader) placeSplit(p pendingRun, split []string) {
	for j, c := range splitCells(p.value, split) {
		r.obs = append(r.obs, r.observation(p.row.indicator, p.slots[j].key, p.label, p.slots[j], c, p.flags))
	}
}

// placeAgreed places the cells of a pending row that every one of splits
// fills alike, and says which for the reason the row is unplaced.
func (r *reader) placeAgreed(p pendingRun, splits [][]string) string {
	agreed, ok := digitrun.Result{Splits: splits}.Agreed()
	if !ok {
		return ""
	}
	var placed []string
	for j, a := range agreed {
		if a == "" {
			continue
		}
		c := splitCells(p.value, []string{a})[0]
		r.obs = append(r.obs, r.observation(p.row.indicator, p.slots[j].key, p.label, p.slots[j], c, p.flags))
		placed = append(placed, p.slots[j].printed+" "+a)
	}
	if placed == nil {
		return ""
	}
	return "; every one gives " + strings.Join(placed, ", ") + ", placed"
}

// unboundRuns leaves unplaced the pending rows no column sum binds (the
// heading （六）其他处理 of the 2021 layout, whose rows under it are the
// terms of I3) and returns the others.
func (r *reader) unboundRuns(pending []pendingRun) []pendingRun {
	terms := map[string]bool{}
	for _, id := range append(r.outcomeLeaves(), r.balanceRows()...) {
		terms[id] = true
	}
	var kept []pendingRun
	for _, p := range pending {
		if terms[p.row.id] {
			kept = append(kept, p)
			continue
		}
		r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: p.label, Line: p.value.Line, Cells: []string{p.value.Raw},
			Reason: fmt.Sprintf("figures run together with no separator (%s): %d splits add up to the row's 总计, and no column sum of table 3 binds the row", p.value.Raw, len(p.splits))})
	}
	return kept
}

// columnSumsUndecided starts the reason fittingSplits gives when a term of
// the column identities is not read: I1 alone may weigh the rows then
// (balancesplits.go).
const columnSumsUndecided = "the column sums cannot decide"

// fittingSplits is, for each pending row, the splits it takes in the
// choices that make the column identities hold; nil and the reason when
// the choices cannot be weighed or none holds.
func (r *reader) fittingSplits(pending []pendingRun, maxSteps int) ([][][]string, string) {
	grid, ok := r.table3Grid()
	if !ok {
		return nil, columnSumsUndecided + ": a row of table 3 is missing, blank or local"
	}
	for _, p := range pending {
		grid.put(p.row.id, p.slots, p.splits[0])
	}
	if !r.identityTermsRead(grid) {
		return nil, columnSumsUndecided + ": a row of table 3 is missing or blank"
	}
	s := choiceSearch{r: r, grid: grid, pending: slices.Clone(pending), choice: make([]int, len(pending)),
		leaves: r.outcomeLeaves(), balance: r.balanceRows(), total: r.balanceRows()[2], open: map[string]bool{}, seen: make([]map[int]bool, len(pending)), maxSteps: maxSteps}
	for i, p := range pending {
		s.open[p.row.id] = true
		s.seen[i] = map[int]bool{}
	}
	s.most = mostPerColumn(pending)
	s.order()
	s.agreement = newAgreement(s.pending)
	s.next(0)
	switch {
	case s.settled:
	case s.steps > s.maxSteps:
		return nil, "too many choices to weigh against the column sums"
	case s.count == 0:
		return nil, noChoiceHolds
	}
	fits := make([][][]string, len(pending))
	for i, p := range s.pending {
		k := slices.IndexFunc(pending, func(q pendingRun) bool { return q.row == p.row }) // s.pending is reordered
		for j, split := range p.splits {
			if s.seen[i][j] {
				fits[k] = append(fits[k], split)
			}
		}
	}
	return fits, ""
}

// noChoiceHolds is why pending rows are unplaced when every choice of
// them was weighed and none makes the column sums hold.
const noChoiceHolds = "no choice of them makes the column sums of table 3 hold"

// maxSearchSteps bounds the search over the pending rows' splits: past it
// the rows stay unplaced.
const maxSearchSteps = 200000

// choiceSearch tries the splits of the pending rows in turn, the row of
// （七）总计 first, and drops a choice as soon as the outcome rows chosen
// add up to more than （七）总计 in some column (figures are never
// negative); it goes through the choices, noting for each row the splits
// that stand in a choice that makes the sums hold, until the choices found
// agree on no more than each row's own splits do (settled: no further
// choice can change what is placed) or its steps run out. The counts of
// splits it reports are then of the choices found, not of every choice.
type choiceSearch struct {
	r       *reader
	grid    grid3
	pending []pendingRun
	choice  []int
	leaves  []string        // the outcome rows, whose sum is （七）总计
	balance []string        // the rows of I1: 一, 二, （七）总计, 四
	total   string          // the row of （七）总计
	open    map[string]bool // pending rows not chosen yet
	most    grid3           // for each pending row, the most any of its splits puts in a column
	// agreement is what the choices found give each row's cells alike;
	// settled, once it is no more than the row's own splits give alike:
	// further choices could only agree less, which they cannot.
	agreement agreement
	settled   bool
	count     int            // the choices that make the sums hold
	seen      []map[int]bool // for each pending row, its splits in those choices
	steps     int
	// maxSteps bounds the splits tried: past it the rows stay unplaced.
	maxSteps int
}

// order puts the row of （七）总计 first, so that the bound holds early,
// then the other rows of I1, which it checks once they are chosen, then
// the rows with the fewest splits, which fail soonest.
func (s *choiceSearch) order() {
	rank := func(p pendingRun) int {
		switch {
		case p.row.id == s.total:
			return 0
		case slices.Contains(s.balance, p.row.id):
			return 1
		}
		return 2
	}
	slices.SortStableFunc(s.pending, func(a, b pendingRun) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra - rb
		}
		return len(a.splits) - len(b.splits)
	})
}

// next chooses a split for the i-th row of the search order and goes on
// to the next row, recording each choice that makes the sums hold.
func (s *choiceSearch) next(i int) {
	if s.steps > s.maxSteps || s.settled {
		return
	}
	if i == len(s.pending) {
		if s.r.columnIdentitiesHold(s.grid) {
			s.count++
			for k, j := range s.choice {
				s.seen[k][j] = true
			}
			s.settled = s.agreement.note(s.pending, s.choice)
		}
		return
	}
	p := s.pending[i]
	delete(s.open, p.row.id)
	for j, split := range p.splits {
		s.steps++
		s.choice[i] = j
		s.grid.put(p.row.id, p.slots, split)
		if s.withinTotal() {
			s.next(i + 1)
		}
	}
	s.open[p.row.id] = true
}

// withinTotal reports whether the outcome rows chosen or read add up to at
// most （七）总计 in every column, once （七）总计 is chosen or read, and
// can still reach it with the most the rows not chosen yet may add.
func (s *choiceSearch) withinTotal() bool {
	if s.open[s.total] {
		return true
	}
	if !s.balanceHolds() {
		return false
	}
	for c, tot := range s.grid[s.total] {
		sum, most := 0.0, 0.0
		for _, id := range s.leaves {
			if !s.open[id] {
				sum += s.grid[id][c]
			} else {
				most += s.most[id][c]
			}
		}
		if sum > tot || sum+most < tot {
			return false
		}
	}
	return true
}

// agreement tracks, for each pending row, the cells that every choice
// found so far fills alike, against those its own splits all fill alike.
type agreement struct {
	first [][]string // the split of the first choice found, by row
	same  [][]bool   // whether every choice found fills the cell as first
	floor [][]bool   // whether every split of the row fills the cell alike
}

// newAgreement is the agreement of no choice yet, its floor what each
// pending row's own splits fill alike.
func newAgreement(pending []pendingRun) agreement {
	a := agreement{first: make([][]string, len(pending)), same: make([][]bool, len(pending)), floor: make([][]bool, len(pending))}
	for i, p := range pending {
		a.floor[i] = make([]bool, len(p.slots))
		for c := range p.slots {
			a.floor[i][c] = true
			for _, split := range p.splits[1:] {
				a.floor[i][c] = a.floor[i][c] && split[c] == p.splits[0][c]
			}
		}
	}
	return a
}

// note adds a choice that makes the sums hold and reports whether every
// row now agrees no more than its own splits do.
func (a *agreement) note(pending []pendingRun, choice []int) bool {
	settled := true
	for i, p := range pending {
		split := p.splits[choice[i]]
		if a.first[i] == nil {
			a.first[i] = split
			a.same[i] = make([]bool, len(split))
			for c := range split {
				a.same[i][c] = true
			}
		}
		for c := range split {
			a.same[i][c] = a.same[i][c] && split[c] == a.first[i][c]
			settled = settled && a.same[i][c] == a.floor[i][c]
		}
	}
	return settled
}

// balanceHolds reports whether 一 + 二 = （七）总计 + 四 in every column,
// once the four rows are chosen or read.
func (s *choiceSearch) balanceHolds() bool {
	for _, id := range s.balance {
		if s.open[id] {
			return true
		}
	}
	for c, tot := range s.grid[s.total] {
		if s.grid[s.balance[0]][c]+s.grid[s.balance[1]][c] != tot+s.grid[s.balance[3]][c] {
			return false
		}
	}
	return true
}

// mostPerColumn is, for each pending row, the most any of its splits puts
// in each column.
func mostPerColumn(pending []pendingRun) grid3 {
	g := grid3{}
	for _, p := range pending {
		m := map[string]float64{}
		for _, split := range p.splits {
			for i, part := range split {
				m[p.slots[i].key] = max(m[p.slots[i].key], partValue(part))
			}
		}
		g[p.row.id] = m
	}
	return g
}

// grid3 is table 3 as read: row ID → column key → figure.
type grid3 map[string]map[string]float64

func (g grid3) put(row string, slots []slot, parts []string) {
	m := make(map[string]float64, len(parts))
	for i, p := range parts {
		m[slots[i].key] = partValue(p)
	}
	g[row] = m
}

// partValue is the figure of a cell of a split: its digits, 0 for a cell
// left blank ("").
func partValue(p string) float64 {
	x, err := strconv.ParseFloat(p, 64)
	if err != nil {
		return 0
	}
	return x
}

// table3Grid is the figures of table 3 read so far, by row and column;
// false when a row holds a local figure, whose place in the sums is not
// known.
func (r *reader) table3Grid() (grid3, bool) {
	byIndicator := map[string]*rowSpec{}
	for _, row := range r.s.rows[3] {
		if row.indicator != "" {
			byIndicator[row.indicator] = row
		}
	}
	g := grid3{}
	for _, o := range r.obs {
		row := byIndicator[o.Indicator]
		if row == nil {
			continue
		}
		if hasFlag(o.Flags, gongkai.FlagLocalRow) && !(row == r.s.otherHandling && r.applications.otherHandlingRows) {
			return nil, false
		}
		if o.Value == nil {
			continue
		}
		if g[row.id] == nil {
			g[row.id] = map[string]float64{}
		}
		g[row.id][o.Breakdown] = *o.Value
	}
	return g, true
}

// identityTermsRead reports whether every term of I1 and I3 was read, in
// every column of table 3.
func (r *reader) identityTermsRead(g grid3) bool {
	for _, c := range r.s.applications.templateColumns(gongkai.Template2021) {
		for _, id := range append(r.outcomeLeaves(), r.balanceRows()...) {
			if _, ok := g[id][c.key]; !ok {
				return false
			}
		}
	}
	return true
}

// The indicators of the rows of I1: 一 + 二 = （七）总计 + 四.
const (
	receivedIndicator    = "requests.received"
	carriedOverIndicator = "requests.carried_over"
	answeredIndicator    = "requests.answered"
)

// balanceRows are the IDs of the rows of I1, in its order: 一, 二, （七）总计, 四.
func (r *reader) balanceRows() []string {
	var out []string
	for _, ind := range []string{receivedIndicator, carriedOverIndicator, answeredIndicator, carriedForwardIndicator} {
		for _, row := range r.s.rows[tableApplications] {
			if row.indicator == ind {
				out = append(out, row.id)
				break
			}
		}
	}
	return out
}

// underOutcomes reports whether row is under the heading of （七）总计
// (三、本年度办理结果), at any depth.
func (r *reader) underOutcomes(row *rowSpec) bool {
	var heading string
	for _, x := range r.s.rows[tableApplications] {
		if x.indicator == answeredIndicator {
			heading = x.parent
		}
	}
	for p := r.s.rowByID[row.parent]; p != nil; p = r.s.rowByID[p.parent] {
		if p.id == heading {
			return true
		}
	}
	return false
}

// outcomeLeaves are the rows of 三、本年度办理结果 whose sum is （七）总计.
func (r *reader) outcomeLeaves() []string {
	var leaves []string
	for _, row := range r.s.rows[3] {
		if !r.underOutcomes(row) || row.indicator == answeredIndicator {
			continue
		}
		leaf := !row.group
		switch {
		case row == r.s.otherHandling:
			leaf = !r.applications.otherHandlingRows
		case row.parent == r.s.otherHandling.id:
			leaf = r.applications.otherHandlingRows
		}
		if leaf {
			leaves = append(leaves, row.id)
		}
	}
	return leaves
}

// columnIdentitiesHold checks I1 and I3 in every column of table 3; a
// missing term fails them.
func (r *reader) columnIdentitiesHold(g grid3) bool {
	leaves := r.outcomeLeaves()
	for _, c := range r.s.applications.templateColumns(gongkai.Template2021) {
		get := func(id string) (float64, bool) { v, ok := g[id][c.key]; return v, ok }
		balance := r.balanceRows()
		in1, ok1 := get(balance[0])
		in2, ok2 := get(balance[1])
		tot, ok3 := get(balance[2])
		out, ok4 := get(balance[3])
		if !(ok1 && ok2 && ok3 && ok4) || in1+in2 != tot+out {
			return false
		}
		sum := 0.0
		for _, id := range leaves {
			v, ok := get(id)
			if !ok {
				return false
			}
			sum += v
		}
		if sum != tot {
			return false
		}
	}
	return true
}

func hasFlag(flags []string, f string) bool {
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}
