package form

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/layout"
)

// Many reports leave a cell blank instead of printing 0 (shuyang-fgj-2023's
// table 3 fills only 自然人 and 总计). In text taken from such a table
// (pdftotext, a viewer's copy, OCR, a web page's text) the blank cells
// leave no trace: a row prints two figures where the form has seven
// columns, and nothing in the row says which columns they stand under.
//
// The form's arithmetic says what is certain. A placement puts the
// row's figures, in their printed order, under distinct columns of table
// 3, left to right; it fits when the row's identity holds, a blank cell
// counting 0: the 总计 printed is the sum of the applicant figures, or,
// with 总计 blank, they sum to 0. A figure is placed when every placement
// that fits puts it under the same column: the last of `26 26` is the
// 总计 (the only reading: two applicant figures with a blank 总计 would
// sum to 52, not 0), the first is under one of six applicant columns,
// which the row does not say, and is unplaced; `0 0` fits both readings
// (0 under an applicant column and 0 as 总计, or two applicant zeros and
// a blank 总计), and neither figure is placed. Never a guess: a figure
// placed so is flagged placed_by_arithmetic.

// blankPlacements is every placement of figures, in printed order, under
// distinct columns of a row of n columns whose last is the total of the
// others, that the identity admits with blank cells counting 0: for each
// placement, the column of each figure.
func blankPlacements(figures []float64, n int) [][]int {
	var out [][]int
	cols := make([]int, len(figures))
	var place func(i, from int)
	place = func(i, from int) {
		if i == len(figures) {
			if identityWithBlanks(figures, cols, n) {
				out = append(out, append([]int(nil), cols...))
			}
			return
		}
		for c := from; c <= n-(len(figures)-i); c++ {
			cols[i] = c
			place(i+1, c+1)
		}
	}
	place(0, 0)
	return out
}

// identityWithBlanks reports whether figures under cols make a row whose
// last column (n-1) is the sum of the others, the columns no figure is
// under counting 0.
func identityWithBlanks(figures []float64, cols []int, n int) bool {
	var parts, total float64
	for i, c := range cols {
		if c == n-1 {
			total = figures[i]
			continue
		}
		parts += figures[i]
	}
	return parts == total
}

// agreedColumns is, for each figure, the column every placement gives it,
// -1 where they differ; nil when no placement fits.
func agreedColumns(placements [][]int) []int {
	if len(placements) == 0 {
		return nil
	}
	out := append([]int(nil), placements[0]...)
	for _, p := range placements[1:] {
		for i, c := range p {
			if out[i] != c {
				out[i] = -1
			}
		}
	}
	return out
}

// blankRow is a row of table 3 whose blank cells left no trace, as the
// arithmetic reads it: its figures' cells, the placements that fit, the
// figures they all place alike (in their columns, nil elsewhere) and why
// the rest is unplaced.
type blankRow struct {
	cells      []layout.Cell
	placements [][]int
	values     []*layout.Cell
	why        string
	zeros      bool // every figure is 0: every column is 0, whichever cells are blank
}

// blankCellsRow reads a row of table 3 that prints fewer figures than its
// seven columns (slots: the header's, or the form's order), each figure
// placed in the column the arithmetic admits for it alone; false when the
// row is not such a row (the caller's reason stands).
func (r *reader) blankCellsRow(cur *openRow, slots []slot) (blankRow, bool) {
	if cur.table != tableApplications || !completeApplicants(slots) || slots[len(slots)-1].key != "total" {
		return blankRow{}, false
	}
	figures, cells, ok := r.plainFigures(cur.values)
	if !ok || len(figures) >= len(slots) || !countsAsPrinted(cells) {
		return blankRow{}, false
	}
	b := blankRow{cells: cells, zeros: true}
	printed := make([]string, len(cells))
	for i, c := range cells {
		printed[i] = c.Raw
		b.zeros = b.zeros && figures[i] == 0
	}
	apart := !b.zeros && !sameLineCells(cells)
	if apart && !r.beforeNextLabel(cur) {
		// Figures on several lines may be several rows'; zeros alone
		// are 0 in every column, however they are parted.
		return blankRow{}, false
	}
	b.placements = blankPlacements(figures, len(slots))
	if apart && b.placements == nil {
		return blankRow{}, false // cells cut off or lost (a file truncated in the row), not blank: the caller's reason stands
	}
	agreed := agreedColumns(b.placements)
	if agreed == nil {
		b.why = fmt.Sprintf("the row's %d figures are not the form's %d (%s), blank cells left no trace, and no placement of them makes 总计 the sum of the applicant columns", len(figures), len(slots), strings.Join(printed, " "))
		return b, true
	}
	b.values = make([]*layout.Cell, len(slots))
	var placed, open []string
	for i, c := range agreed {
		if c < 0 {
			open = append(open, printed[i])
			continue
		}
		b.values[c] = &cells[i]
		placed = append(placed, slots[c].printed+" "+printed[i])
	}
	why := fmt.Sprintf("the row's %d figures are not the form's %d (%s), blank cells left no trace: %d placements of them make 总计 the sum of the applicant columns", len(figures), len(slots), strings.Join(printed, " "), len(b.placements))
	switch {
	case placed == nil:
		b.values, b.why = nil, why+", and they put no figure under the same column"
	case open != nil:
		b.why = fmt.Sprintf("%s; every one gives %s; the columns of %s are not certain", why, strings.Join(placed, ", "), strings.Join(open, " "))
	}
	return b, true
}

// countsAsPrinted reports whether every cell is a count as a report
// prints it: never below 0 nor with leading zeros (0010: a rule OCR read
// as 1 among zeros), which is a figure misread, not a blank cell.
func countsAsPrinted(cells []layout.Cell) bool {
	for _, c := range cells {
		if !canonicalCount.MatchString(c.Raw) {
			return false
		}
	}
	return true
}

// canonicalCount matches a count as a report prints it: digits, no
// leading zero.
var canonicalCount = regexp.MustCompile(`^(?:0|[1-9][0-9]*)$`)

// sameLineCells reports whether cells are printed on one line.
func sameLineCells(cells []layout.Cell) bool {
	for _, c := range cells {
		if c.Line != cells[0].Line {
			return false
		}
	}
	return true
}

// heldBlankRow is a row of table 3 read by blankCellsRow, held until the
// table is read: the column sums may place more of it, or refuse it.
type heldBlankRow struct {
	cur    *openRow
	target *rowTarget
	slots  []slot
	blankRow
}

// holdBlankCells reads a row that fitValues could not line up with its
// columns as a row whose blank cells left no trace: a row some placement
// fits is held for settleBlankRows (read is called: the row is read), a
// row none fits is unplaced with the reason. It reports whether it took
// the row.
func (r *reader) holdBlankCells(cur *openRow, target *rowTarget, slots []slot, read func()) bool {
	if joined, as := r.joinWrappedPiece(cur, target); joined != cur {
		cur, target = joined, as
		read = func() { r.seen[as.key] = joined.labels[0].Line }
	}
	b, ok := r.blankCellsRow(cur, slots)
	if !ok {
		return false
	}
	if b.placements == nil || target.key == "" {
		why := b.why
		if why == "" {
			why = "blank cells left no trace, and the row is no row of the form whose sums could place its figures"
		}
		r.unplace(cur, why)
		r.notePiece(cur, target, b)
		return true
	}
	read()
	r.noteOrder(cur, true, len(r.obs))
	r.heldBlank = append(r.heldBlank, heldBlankRow{cur: cur, target: target, slots: slots, blankRow: b})
	return true
}

// settleBlankRows places the held rows whose blank cells left no trace by
// the table's column identities: for every column, 一 + 二 = （七）总计 +
// 四 (I1) and （七）总计 = the sum of the outcome rows (I3). The choices of
// their placements that make them hold are weighed as those of runs of
// figures are (fittingSplits): a figure every such choice puts under the
// same column is placed (flag placed_by_arithmetic), the rest of its row
// unplaced with the reason. When no choice can be weighed, a row keeps
// only the figures its own placements all put alike (its 总计), and only
// when the 总计 column alone adds up with them: a row that lost a figure
// (its 总计, the last applicant figure then taken for it) reads as one
// with blank cells, and the column sums tell them apart. Otherwise every
// held row is unplaced with the reason.
func (r *reader) settleBlankRows() {
	held := r.heldBlank
	if len(held) == 0 {
		return
	}
	shaped := r.sameShape(held)
	if shaped {
		for i := range held {
			if held[i].zeros {
				held[i].zeroTotal()
			}
		}
	}
	fits, searchWhy, weighed := r.blankFits(held)
	why := ""
	switch {
	case weighed && fits == nil:
		why = searchWhy // the sums hold in no choice: a figure lost or misread, not only blank cells
	case fits == nil:
		why = r.totalColumnProblem()
	}
	r.heldBlank = nil
	for i, h := range held {
		values, rest := h.values, h.why
		switch {
		case fits != nil && h.zeros:
		case fits != nil:
			values, rest = h.agreedIn(fits[i])
		case rest != "" && !h.zeros && why != searchWhy: // else added once, below
			rest += "; the column sums place no more: " + searchWhy
		}
		switch {
		case h.zeros && !shaped:
			r.unplace(h.cur, h.why) // zeros place nothing: they only weigh in the sums
			continue
		case values == nil:
			r.unplace(h.cur, rest)
			continue
		case fits == nil && why != "" && rest == "":
			r.unplace(h.cur, why)
			continue
		case fits == nil && why != "":
			r.unplace(h.cur, rest+"; "+why)
			continue
		}
		h.target.flags = append(h.target.flags, gongkai.FlagPlacedByArithmetic)
		r.emitRow(h.cur, h.target, h.slots, values)
		if rest != "" {
			u := gongkai.Unplaced{Label: h.cur.printedLabel(), Line: h.cur.labels[0].Line, Reason: rest, Cells: []string{}}
			for _, v := range h.cur.values {
				u.Cells = append(u.Cells, v.Raw)
			}
			r.unplaced = append(r.unplaced, u)
		}
	}
}

// blankFits is, for each held row, the placements it takes in the choices
// that make the column identities of table 3 hold; nil and the reason
// when the choices cannot be weighed or none holds (weighed: they were
// all weighed, and none holds).
func (r *reader) blankFits(held []heldBlankRow) ([][][]int, string, bool) {
	pending := make([]pendingRun, len(held))
	whole := r.wholeRows(held[0].slots)
	bound := r.identityTerms()
	for i, h := range held {
		// The place narrows a row the column sums then weigh: a row no
		// sum binds (a local subtotal, （六）其他处理 over its rows in
		// 2021) would be placed by its place alone.
		if p := r.placementByPosition(h, whole); p != nil && !h.zeros && slices.Contains(bound, h.target.key) {
			h.placements = [][]int{p}
		}
		p := pendingRun{row: r.s.rowByID[h.target.key], slots: h.slots}
		if h.zeros {
			// Every placement of zeros is 0 in every column: one choice.
			p.splits = [][]string{make([]string, len(h.slots))}
			pending[i] = p
			continue
		}
		for _, pl := range h.placements {
			split := make([]string, len(h.slots))
			for j, c := range pl {
				split[c] = strconv.FormatFloat(*figureOf(&h.cells[j]), 'f', -1, 64)
			}
			p.splits = append(p.splits, split)
		}
		pending[i] = p
	}
	pending = append(pending, r.blankTermRuns(held[0].slots)...)
	fits, why := r.fittingSplits(pending, maxBlankSearchSteps)
	if fits == nil {
		return nil, why, why == noChoiceHolds
	}
	out := make([][][]int, len(held))
	for i, splits := range fits[:len(held)] {
		for _, split := range splits {
			var pl []int
			for c, x := range split {
				if x != "" {
					pl = append(pl, c)
				}
			}
			out[i] = append(out[i], pl)
		}
	}
	return out, "", true
}

// maxBlankSearchSteps bounds the search over the placements of rows
// whose blank cells left no trace: a table that leaves many cells blank
// fits many choices, and past the bound only the 总计 are weighed, by
// their column alone.
const maxBlankSearchSteps = 20000

// agreedIn is the figures of the row that every one of placements puts
// under the same column, and why the rest of the row is unplaced ("" when
// nothing is left).
func (h heldBlankRow) agreedIn(placements [][]int) ([]*layout.Cell, string) {
	agreed := agreedColumns(placements)
	if agreed == nil {
		return nil, h.why + "; no choice of it makes the column sums of table 3 hold"
	}
	values := make([]*layout.Cell, len(h.slots))
	var open []string
	placed := false
	for i, c := range agreed {
		if c < 0 {
			open = append(open, h.cells[i].Raw)
			continue
		}
		values[c] = &h.cells[i]
		placed = true
	}
	switch {
	case !placed:
		return nil, fmt.Sprintf("%s; %d of them stand in the choices that make the column sums of table 3 hold, and they put no figure under the same column", h.why, len(placements))
	case open != nil:
		return values, fmt.Sprintf("%s; %d of them stand in the choices that make the column sums of table 3 hold; the columns of %s are not certain", h.why, len(placements), strings.Join(open, " "))
	}
	return values, ""
}

// totalColumnProblem says why the 总计 column of table 3 does not confirm
// the 总计 of the rows held: a term of I1 or I3 whose 总计 is not known, or
// a sum that fails; "" when both hold.
func (r *reader) totalColumnProblem() string {
	totals := map[string]float64{}
	for _, h := range r.heldBlank {
		switch {
		case h.zeros:
			totals[h.target.key] = 0
		case h.values != nil && h.values[len(h.values)-1] != nil:
			totals[h.target.key] = *figureOf(h.values[len(h.values)-1])
		}
	}
	for _, id := range r.blankTerms() {
		totals[id] = 0
	}
	byIndicator := map[string]string{}
	for _, row := range r.s.rows[tableApplications] {
		if row.indicator != "" {
			byIndicator[row.indicator] = row.id
		}
	}
	for _, o := range r.obs {
		if id := byIndicator[o.Indicator]; id != "" && o.Breakdown == "total" && o.Value != nil {
			totals[id] = *o.Value
		}
	}
	get := func(id string) (float64, string) {
		v, ok := totals[id]
		if !ok {
			return 0, fmt.Sprintf("the 总计 of row %s is not known, and the column sums of table 3 cannot confirm the 总计 placed", r.s.rowByID[id].label)
		}
		return v, ""
	}
	balance := r.balanceRows()
	var in [4]float64
	for i, id := range balance {
		v, why := get(id)
		if why != "" {
			return why
		}
		in[i] = v
	}
	if in[0]+in[1] != in[2]+in[3] {
		return fmt.Sprintf("the 总计 column of table 3 does not add up (一 + 二 = %v, （七）总计 + 四 = %v): a figure may be lost rather than a cell blank", in[0]+in[1], in[2]+in[3])
	}
	sum := 0.0
	for _, id := range r.outcomeLeaves() {
		v, why := get(id)
		if why != "" {
			return why
		}
		sum += v
	}
	if sum != in[2] {
		return fmt.Sprintf("the 总计 column of table 3 does not add up (the outcome rows sum to %v, （七）总计 is %v): a figure may be lost rather than a cell blank", sum, in[2])
	}
	return ""
}

// figureOf is the value of a plain figure's cell.
func figureOf(c *layout.Cell) *float64 {
	return figure.Parse(c.Raw).Number
}
