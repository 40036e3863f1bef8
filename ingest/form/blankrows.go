package form

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/layout"
)

// A table that leaves its zeros blank leaves whole rows blank: 二、上年结转
// printed with no cell at all, beside rows printing 71 71. Such a row is
// blank in every column, which the column sums count as 0 (blankcells.go);
// without it they cannot be checked, and no row of the table is placed.
//
// A table that prints some of its zeros prints them in the columns it
// fills: shuyang-fgj-2023 prints 自然人 and 总计 in every row (26 26, 0 0).
// The rows whose own arithmetic places their figures show which those
// are; a row of zeros printing as many figures then prints its last under
// 总计 (sameShape).

// notePrintedBlank records a row of table 3 whose label was read with no
// cell at all, at the line of its label.
func (r *reader) notePrintedBlank(cur *openRow) {
	if cur == nil || cur.row == nil || cur.table != tableApplications || cur.row.indicator == "" || len(cur.labels) == 0 {
		return
	}
	if r.printedBlank == nil {
		r.printedBlank = map[string]int{}
	}
	if _, ok := r.printedBlank[cur.row.id]; !ok {
		r.printedBlank[cur.row.id] = cur.labels[0].Line
	}
}

// blankTerms is the rows of I1 and I3 whose label was read with no cell
// and whose figures were read nowhere else (no row held or placed): each
// is 0 in every column. Nil when a figure that is not 0 was left unplaced
// among the table's rows: it may be such a row's, printed apart from its
// label, and the row is then not known to be blank.
func (r *reader) blankTerms() []string {
	if len(r.printedBlank) == 0 {
		return nil
	}
	read := map[string]bool{}
	for _, h := range r.heldBlank {
		read[h.target.key] = true
	}
	byIndicator := map[string]string{}
	for _, row := range r.s.rows[tableApplications] {
		if row.indicator != "" {
			byIndicator[row.indicator] = row.id
		}
	}
	for _, o := range r.obs {
		if id := byIndicator[o.Indicator]; id != "" {
			read[id] = true
		}
	}
	var out []string
	for _, id := range r.identityTerms() {
		if _, blank := r.printedBlank[id]; blank && !read[id] && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	if len(out) > 0 && r.strayFiguresIn(r.table3Lines()) {
		return nil
	}
	return out
}

// table3Lines is the first and last line of the rows of table 3 read: those
// held, placed, or printed blank.
func (r *reader) table3Lines() (int, int) {
	first, last := 0, 0
	note := func(line int) {
		if first == 0 || line < first {
			first = line
		}
		last = max(last, line)
	}
	for _, line := range r.printedBlank {
		note(line)
	}
	for _, h := range r.heldBlank {
		note(h.cur.labels[0].Line)
		for _, c := range h.cells {
			note(c.Line)
		}
	}
	return first, last
}

// strayFiguresIn reports whether a row unplaced between the lines first and
// last printed a figure that is not 0.
func (r *reader) strayFiguresIn(first, last int) bool {
	for _, u := range r.unplaced {
		if u.Line < first || u.Line > last {
			continue
		}
		for _, c := range u.Cells {
			if v := figure.Parse(c).Number; v != nil && *v != 0 {
				return true
			}
		}
	}
	return false
}

// blankTermRuns is the rows of blankTerms as rows the column sums weigh:
// one choice, blank (0) in every column of slots.
func (r *reader) blankTermRuns(slots []slot) []pendingRun {
	var out []pendingRun
	for _, id := range r.blankTerms() {
		out = append(out, pendingRun{row: r.s.rowByID[id], slots: slots, splits: [][]string{make([]string, len(slots))}})
	}
	return out
}

// sameShape reports whether the held rows show the columns the table fills
// in every row: each prints the same number of figures (two or more), every
// row of the form with figures is held (none printed blank, none printed
// whole), and at least two rows that are not all zeros are held, the
// placements their own identity admits each putting the last figure under
// 总计. A row of zeros printing as many then prints its last figure under
// 总计 too; which applicant columns its other zeros stand under, the rows
// with figures do not say when their own figures could stand under several.
func (r *reader) sameShape(held []heldBlankRow) bool {
	k := len(held[0].cells)
	if k < 2 || r.anyPrintedBlankUnread(held) {
		return false
	}
	fixed := 0
	for _, h := range held {
		if len(h.cells) != k {
			return false
		}
		if h.zeros {
			continue
		}
		agreed := agreedColumns(h.placements)
		if agreed == nil || agreed[k-1] != len(h.slots)-1 {
			return false
		}
		fixed++
	}
	return fixed >= 2 && !r.wholeRowsRead()
}

// anyPrintedBlankUnread reports whether a row of I1 or I3 printed with no
// cell was not held later with its figures.
func (r *reader) anyPrintedBlankUnread(held []heldBlankRow) bool {
	for _, id := range r.identityTerms() {
		_, blank := r.printedBlank[id]
		if blank && !slices.ContainsFunc(held, func(h heldBlankRow) bool { return h.target.key == id }) {
			return true
		}
	}
	return false
}

// identityTerms is the rows of I1 and I3: the outcome rows, 一, 二,
// （七）总计 and 四.
func (r *reader) identityTerms() []string {
	return append(r.outcomeLeaves(), r.balanceRows()...)
}

// wholeRowsRead reports whether a row of table 3 was placed with a figure
// under an applicant column: a table that prints such rows whole, beside
// rows with blank cells, fills no fixed columns.
func (r *reader) wholeRowsRead() bool {
	indicators := map[string]bool{}
	for _, row := range r.s.rows[tableApplications] {
		if row.indicator != "" {
			indicators[row.indicator] = true
		}
	}
	for _, o := range r.obs {
		if indicators[o.Indicator] && o.Value != nil && o.Breakdown != "total" {
			return true
		}
	}
	return false
}

// zeroTotal reads a held row of zeros as sameShape reads it: its last
// zero under 总计, the columns of the others unplaced with the reason.
func (h *heldBlankRow) zeroTotal() {
	last := len(h.cells) - 1
	h.values = make([]*layout.Cell, len(h.slots))
	h.values[len(h.slots)-1] = &h.cells[last]
	open := make([]string, last)
	for i := range open {
		open[i] = h.cells[i].Raw
	}
	h.why = fmt.Sprintf("the row's %d figures are not the form's %d, blank cells left no trace: every row of the table prints %d, and those whose figures are not 0 print the last under 总计, as this one does (总计 %s); the columns of %s are not certain", len(h.cells), len(h.slots), len(h.cells), h.cells[last].Raw, strings.Join(open, " "))
}

// beforeNextLabel reports whether the row's figures, printed on several
// lines, are each on a line of its label or on lines of figures alone
// between its label and the next row's: a label wrapped beside them
// (`1. 本机关不掌握相 22` / `关政府信息 3 25`), or each cell on a line of
// its own (lynx). They are the row's own: a row whose label was lost
// would join its figures to the row before, which the column sums then
// refuse, as they need every row's 总计.
func (r *reader) beforeNextLabel(cur *openRow) bool {
	labelLines := map[int]bool{}
	for _, l := range cur.labels {
		labelLines[l.Line] = true
	}
	last := 0
	for _, l := range cur.labels {
		last = max(last, l.Line)
	}
	for _, v := range cur.values {
		if !labelLines[v.Line] && v.Line < last {
			return false // a figure between pieces of the label: two rows' may be joined
		}
	}
	return true
}

// A label wrapped beside its figures may print a figure on each of its
// lines (`（二）部分公开（区分处理的，只计这一 38` / `情形，不计其他情形） 38`):
// the reader reads each line as a row of the form, and neither alone
// admits a placement. The second, read just after the first was
// unplaced, joins it when both are pieces of the same row of the form on
// lines that follow one another.

// blankPiece is a row of table 3 just unplaced because its figures admit
// no placement: the first piece of a wrapped label, perhaps.
type blankPiece struct {
	cur      *openRow
	target   *rowTarget // the row of the form
	unplaced int        // its entry among the rows unplaced
}

// notePiece keeps a row just unplaced for admitting no placement, when it
// is a row of the form printing its figures on one line.
func (r *reader) notePiece(cur *openRow, target *rowTarget, b blankRow) {
	r.piece = nil
	if target.key == "" || b.zeros || len(b.cells) == 0 || !sameLineCells(b.cells) {
		return
	}
	r.piece = &blankPiece{cur: cur, target: target, unplaced: len(r.unplaced) - 1}
}

// joinWrappedPiece is cur joined after the piece kept by notePiece, its
// entry among the rows unplaced taken back, when cur is read next, as the
// same row of the form or as a label no row has (the rest of the
// piece's, or a heading's piece beside the row's last figures: `（四）无法`
// / `提供 3`), its label starting on the line after the piece's figures;
// cur itself otherwise. Figures of another row taken so leave that row
// unknown, and the column sums then place nothing.
func (r *reader) joinWrappedPiece(cur *openRow, target *rowTarget) (*openRow, *rowTarget) {
	p := r.piece
	r.piece = nil
	same := p != nil && (p.target.key == target.key || target.key == "" && cur.row == nil)
	if !same || p.unplaced != len(r.unplaced)-1 || len(cur.labels) == 0 {
		return cur, target
	}
	last := p.cur.values[len(p.cur.values)-1].Line
	if cur.labels[0].Line != last+1 || !sameLineCells(cur.values) {
		return cur, target
	}
	r.unplaced = r.unplaced[:p.unplaced]
	joined := *p.cur
	joined.labels = append(slices.Clone(p.cur.labels), cur.labels...)
	joined.values = append(slices.Clone(p.cur.values), cur.values...)
	return &joined, p.target
}
