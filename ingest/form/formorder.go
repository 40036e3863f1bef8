package form

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// The 2019 and 2021 tables are fixed by national rule. When the header of
// table 3 cannot be read (its pieces scattered over lines, as text taken
// from a PDF prints them), a row's figures may still be placed by the
// form's own column order, but only when the row has exactly the form's
// seven figures and they satisfy the row's identity, 总计 = the sum of the
// six applicant columns. Such figures carry the flag placed_by_form_order.

// byFormOrder returns the columns a row of table 3 is read under when the
// header gave too few of them: the form's, in order, with the flag; or the
// reason the row cannot be placed. It returns slots unchanged when the
// header gave all seven columns or the row is not of table 3.
func (r *reader) byFormOrder(cur *openRow, slots []slot) ([]slot, string, string) {
	out, placedBy, problem := r.byFormOrderOnce(cur, slots)
	if placedBy == gongkai.FlagPlacedByFormOrder && cur.row != nil {
		if at, ok := r.applications.countRefused[cur.row.id]; ok {
			return nil, "", fmt.Sprintf("the header of table 3 does not show its columns, and a piece of this row's label was printed at line %d with figures of its own, not the form's 7: which figures are the row's is not certain", at)
		}
	}
	return out, placedBy, problem
}

// byFormOrderOnce is byFormOrder for the row alone, not minding the
// rows read before it.
func (r *reader) byFormOrderOnce(cur *openRow, slots []slot) ([]slot, string, string) {
	if cur.table != tableApplications || cur.row == nil || completeApplicants(slots) {
		return slots, "", ""
	}
	form := r.s.applications.templateColumns(gongkai.Template2021)
	figures, cells, ok := r.plainFigures(cur.values)
	if ok && len(figures) > len(form) && r.strayAfterRow(cells, len(form)) {
		figures, cells = figures[:len(form)], cells[:len(form)]
		cur.values = cells
	}
	if ok && len(figures) < len(form) {
		// Figures OCR spaced otherwise than the cells (0 000 0 0 0).
		split, why := r.splitSpacedRow(cells, r.formOrderSlots())
		if split == nil && why != "" {
			return nil, "", "the header of table 3 does not show its columns, and " + why
		}
		if split != nil {
			cur.values = split
			return r.formOrderSlots(), gongkai.FlagPlacedByFormOrder, ""
		}
	}
	if ok && len(figures) == len(form)-1 {
		if pair, split := r.figurePairByFormOrder(figures, cells); split {
			cur.values = pair
			return r.formOrderSlots(), gongkai.FlagPlacedByFormOrder, ""
		}
	}
	if !ok && len(slots) < len(form) {
		// Figures of a row cut from a line run together (spacedrun.go).
		switch cells, why := spacedRowCells(cur.labels, cur.values, len(form)); {
		case why != "":
			return nil, "", why
		case cells != nil:
			if why := r.headerAgreesWithForm(slots); why != "" {
				return nil, "", why
			}
			cur.values = cells
			return r.formOrderSlots(), gongkai.FlagPlacedByFormOrder, ""
		}
	}
	switch {
	case !ok && len(slots) < len(form) && gluedRun(joinRun(cur.values, r.formOrderSlots()), len(form)):
		if why := r.headerAgreesWithForm(slots); why != "" {
			return nil, "", why
		}
		// The run is cut under the form's seven columns: splitRun and
		// settleRuns take a cut only when exactly one fits the identities.
		return r.formOrderSlots(), gongkai.FlagPlacedByFormOrder, ""
	case !ok && len(slots) < len(form) && r.marksInFormOrder(cur.values, len(form), len(form)):
		_, cur.values, _ = r.markedFigures(cur.values)
		return r.formOrderSlots(), gongkai.FlagPlacedByFormOrder, ""
	case !ok && len(slots) < len(form):
		return nil, "", fmt.Sprintf("the header of table 3 shows %d of the form's %d columns, and the row's cells are not plain figures the form's order could place: no column is certain", len(slots), len(form))
	case !ok:
		return slots, "", ""
	case len(figures) < len(form) && countsAsPrinted(cells) && r.headerAgreesWithForm(slots) == "":
		// Blank cells may have left no trace: blankCellsRow places what
		// the arithmetic admits under the form's columns, or says why not.
		return r.formOrderSlots(), gongkai.FlagPlacedByFormOrder, ""
	case len(figures) != len(form):
		if r.applications.countRefused == nil {
			r.applications.countRefused = map[string]int{}
		}
		r.applications.countRefused[cur.row.id] = cur.labels[0].Line
		return nil, "", fmt.Sprintf("the header of table 3 does not show its columns, and the row's %d figures are not the form's %d: no column is certain", len(figures), len(form))
	}
	var sum float64
	for _, f := range figures[:len(figures)-1] {
		sum += f
	}
	if sum != figures[len(figures)-1] {
		return nil, "", fmt.Sprintf("the header of table 3 does not show its columns, and the row's figures do not add up to its 总计 (%v ≠ %v): the form's order is not certain", sum, figures[len(figures)-1])
	}
	return r.formOrderSlots(), gongkai.FlagPlacedByFormOrder, ""
}

// strayAfterRow reports whether, in a text that shows OCR's signs, a row's
// cells are the form's n on the line of its first and, after them, marks
// OCR printed at the start of the next row's line, before its label
// (`(一) 予以公开 27 |0 0 2 0 1 30` / `1 (二) 部分公开 …`: a rule read
// as 1). A row has no more cells than the form's columns: those n are
// its own, and the sum checks them still.
func (r *reader) strayAfterRow(cells []layout.Cell, n int) bool {
	if r.misread == 0 || len(cells) <= n || cells[0].Line != cells[n-1].Line {
		return false
	}
	line := cells[n].Line
	if line == cells[0].Line {
		return false
	}
	text := strings.TrimLeft(r.tableLines[line], " "+ruleMarks)
	for _, c := range cells[n:] {
		if c.Line != line || !strings.HasPrefix(text, c.Raw) {
			return false
		}
		text = strings.TrimLeft(text[len(c.Raw):], " "+ruleMarks)
	}
	first, _ := utf8.DecodeRuneInString(label.Fold(text))
	return label.Parse(text).Enum != "" || unicode.Is(unicode.Han, first)
}

// formOrderSlots is the seven columns of table 3 in the form's order.
func (r *reader) formOrderSlots() []slot {
	form := r.s.applications.templateColumns(gongkai.Template2021)
	out := make([]slot, len(form))
	for i, c := range form {
		out[i] = slot{key: c.key, printed: c.label, block: r.s.applications, x0: -1, x1: -1, idx: -1}
	}
	return out
}

// completeApplicants reports whether slots are the seven columns of table
// 3, each once.
func completeApplicants(slots []slot) bool {
	return len(slots) == applicantColumns+1 && distinctKeys(slots)
}

// distinctKeys reports whether every slot has a column key, each once.
func distinctKeys(slots []slot) bool {
	seen := map[string]bool{}
	for _, s := range slots {
		if s.key == "" || seen[s.key] {
			return false
		}
		seen[s.key] = true
	}
	return true
}

// plainFigures reads a row's cells as figures when each is a printed
// number, blanks at either end left out; false when a cell is a glued run,
// a mark such as —, or a blank between figures, whose column the order
// cannot tell.
func (r *reader) plainFigures(values []layout.Cell) ([]float64, []layout.Cell, bool) {
	marked, cells, ok := r.markedFigures(values)
	if !ok {
		return nil, nil, false
	}
	out := make([]float64, len(marked))
	for i, f := range marked {
		if f == nil {
			return nil, nil, false
		}
		out[i] = *f
	}
	return out, cells, true
}

// markedFigures reads a row's cells as plainFigures does, but takes a
// mark such as — or / for a cell of its own too, whose figure is nil: a
// report that prints a mark in every empty cell still prints one cell a
// column, so the form's order can place them when their sums agree.
func (r *reader) markedFigures(values []layout.Cell) ([]*float64, []layout.Cell, bool) {
	values = r.trimBlanks(values)
	var out []*float64
	for _, v := range values {
		if v.Glued || layout.Classify(v.Text, r.isUnit) != layout.Value {
			return nil, nil, false
		}
		out = append(out, figure.Parse(v.Raw).Number)
	}
	return out, values, len(out) > 0
}

// marksInFormOrder reports whether cells, figures and marks, are exactly
// the form's count of cells and every block of n of them adds up: the
// figures of its first n-1 cells sum to its last, its 总计, or every cell
// of the block is a mark. A mark stands for nothing printed, so it adds
// nothing; a block whose 总计 is a mark and which prints a figure has no
// sum to check, and the order is not certain.
func (r *reader) marksInFormOrder(cells []layout.Cell, count, n int) bool {
	figures, _, ok := r.markedFigures(cells)
	if !ok || len(figures) != count || count%n != 0 {
		return false
	}
	for i := 0; i < count; i += n {
		block, total := figures[i:i+n-1], figures[i+n-1]
		var sum float64
		printed := false
		for _, f := range block {
			if f != nil {
				sum, printed = sum+*f, true
			}
		}
		if total == nil && printed || total != nil && sum != *total {
			return false
		}
	}
	return true
}

// trimBlanks is values without the blank cells at either end.
func (r *reader) trimBlanks(values []layout.Cell) []layout.Cell {
	for len(values) > 0 && layout.Classify(values[len(values)-1].Text, r.isUnit) == layout.Blank {
		values = values[:len(values)-1]
	}
	for len(values) > 0 && layout.Classify(values[0].Text, r.isUnit) == layout.Blank {
		values = values[1:]
	}
	return values
}

// reviewsByFormOrder reads the figures of table 4 when its header's result
// columns cannot be read: by the form's order of blocks and results, when
// exactly the form's fifteen figures are printed and each block's 总计 is
// the sum of its results; otherwise they are reported unplaced, with the
// reason. When the header names every block in the form's order
// (blocksNamed), the blocks that add up are placed and only the others
// are unplaced: the count says where each block's five figures are, and a
// block's own arithmetic says its order is the form's.
func (r *reader) reviewsByFormOrder(data []layout.Cell, blocksNamed bool) {
	if len(data) == 0 {
		return
	}
	var results []slot
	for _, c := range r.s.reviewsResults.templateColumns(gongkai.Template2019) {
		results = append(results, slot{key: c.key, printed: c.label, x0: -1, x1: -1, idx: -1})
	}
	var slots []slot
	for _, b := range r.s.reviewsBlocks {
		slots = append(slots, blockSlots(b, results)...)
	}
	// A layout that prints the figures as one row (a Markdown row of 15
	// cells) says where they end: what follows it is not table 4's.
	if first := sameLine(data); len(first) < len(data) {
		if f, _, ok := r.plainFigures(first); ok && len(f) == len(slots) {
			data = first
		}
	}
	figures, cells, ok := r.plainFigures(data)
	if ok && len(figures) != len(slots) {
		figures, cells = r.splitLeadingZeros(figures, cells, len(slots))
	}
	reason := ""
	switch {
	case !ok && r.marksInFormOrder(data, len(slots), len(results)):
		_, cells, _ := r.markedFigures(data)
		r.emitReviewsByFormOrder(cells, slots)
		return
	case !ok:
		reason = "the header of table 4 does not show its columns, and not every cell is a printed figure or a mark such as — whose blocks add up: no column is certain"
	case len(figures) < len(slots) && r.reviewsCut(data, slots):
		return
	case len(figures) != len(slots):
		reason = fmt.Sprintf("the header of table 4 does not show its columns, and its %d figures are not the form's %d: no column is certain", len(figures), len(slots))
	case !blocksAddUp(figures, len(results)) && blocksNamed:
		r.reviewsBlocksByFormOrder(cells, figures, slots, len(results))
		return
	case !blocksAddUp(figures, len(results)):
		reason = "the header of table 4 does not show its columns, and a block's 总计 is not the sum of its results: the form's order is not certain"
	}
	if reason != "" {
		u := gongkai.Unplaced{Label: "行政复议、行政诉讼", Line: data[0].Line, Reason: reason, Cells: []string{}}
		for _, c := range data {
			u.Cells = append(u.Cells, c.Raw)
		}
		r.unplaced = append(r.unplaced, u)
		return
	}
	r.emitReviewsByFormOrder(cells, slots)
}

// emitReviewsByFormOrder places figures of table 4 under the form's
// columns, flagged placed_by_form_order.
func (r *reader) emitReviewsByFormOrder(cells []layout.Cell, slots []slot) {
	n := len(r.obs)
	r.emitReviews(cells, slots, func(b *blockSpec) string { return b.label })
	for i := n; i < len(r.obs); i++ {
		r.obs[i].Flags = figure.AppendFlag(r.obs[i].Flags, gongkai.FlagPlacedByFormOrder)
	}
}

// reviewsBlocksByFormOrder places, of the form's fifteen figures of table
// 4, the blocks of n whose 总计 is the sum of their results; each other
// block is unplaced with its sum.
func (r *reader) reviewsBlocksByFormOrder(cells []layout.Cell, figures []float64, slots []slot, n int) {
	for i := 0; i+n <= len(figures); i += n {
		if blocksAddUp(figures[i:i+n], n) {
			r.emitReviewsByFormOrder(cells[i:i+n], slots[i:i+n])
			continue
		}
		var sum float64
		for _, f := range figures[i : i+n-1] {
			sum += f
		}
		u := gongkai.Unplaced{Label: slots[i].block.label, Line: cells[i].Line, Cells: []string{},
			Reason: fmt.Sprintf("the header of table 4 does not show its columns, and the block's 总计 is not the sum of its results (%v ≠ %v): the form's order is not certain", sum, figures[i+n-1])}
		for _, c := range cells[i : i+n] {
			u.Cells = append(u.Cells, c.Raw)
		}
		r.unplaced = append(r.unplaced, u)
	}
}

// blocksInFormOrder reports whether the header cells of table 4 name every
// block of the form, in the form's order.
func (r *reader) blocksInFormOrder(header []layout.Cell) bool {
	var named []*blockSpec
	for _, c := range header {
		if layout.Classify(c.Text, r.isUnit) != layout.Label {
			continue
		}
		if b := r.reviewsBlock(label.Key(c.Text)); b != nil && (len(named) == 0 || named[len(named)-1] != b) {
			named = append(named, b)
		}
	}
	return slices.Equal(named, r.s.reviewsBlocks)
}

// sameLine is the cells of data on the line of its first cell.
func sameLine(data []layout.Cell) []layout.Cell {
	n := 0
	for n < len(data) && data[n].Line == data[0].Line {
		n++
	}
	return data[:n]
}

// blocksAddUp reports whether each run of n figures ends with the sum of
// the others (I4).
func blocksAddUp(figures []float64, n int) bool {
	for i := 0; i+n <= len(figures); i += n {
		var sum float64
		for _, f := range figures[i : i+n-1] {
			sum += f
		}
		if sum != figures[i+n-1] {
			return false
		}
	}
	return len(figures)%n == 0
}
