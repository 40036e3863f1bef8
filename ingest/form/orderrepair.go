package form

import (
	"fmt"
	"math"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/layout"
)

// Text in reading order loses a figure (a cell split over a page, an
// extractor that skips one), prints one twice, takes a page number for a
// figure, or prints two figures the other way round. The count then no
// longer fits the form, or the identities fail, and every figure after
// the damage stands one place off: placed by the form's order it would be
// under another row or column. Such text is read only when one damage,
// undone, leaves exactly one reading that the identities confirm:
//
//   - one figure more than the form's: each figure in turn is taken out;
//   - as many as the form's: each two figures in turn are exchanged;
//   - one figure fewer: a hole is opened before each figure in turn, and
//     filled by the row's own identity (总计 = the six applicant columns),
//     which the columns' identities (I1, I3) must then confirm.
//
// Table 3 is read row by row (or with （七）总计 and 四 out of order, as
// readingorder.go reads them, when the hole is not among their figures;
// not with blocks printed column by column, whose readings multiplied by
// the edits are too many to search), and every identity must hold. A table whose identities hold as printed
// holds for the edit that undoes the damage: when another edit holds as
// well, with other figures, the two cannot be told apart and nothing is
// placed. Edits that give the same figures (a zero taken out of a run of
// zeros, or the other) are one reading. Table 4 is placed only when every
// edit confirmed gives it the same fifteen figures, none of them a hole.
// The figure taken out, or the cell of the hole, is unplaced with the
// reason; a hole's figure is never placed, since it is not printed.

// orderEdit is a reading of the figures printed with one damage undone:
// for each figure in turn, the index among those printed of its figure,
// or -1 for a hole; dropped is the index of the figure taken out (-1: none).
type orderEdit struct {
	at      []int
	dropped int
}

// orderEdits is every edit of n figures printed that gives want.
func orderEdits(n, want int) []orderEdit {
	var out []orderEdit
	switch n - want {
	case 1:
		for i := range n {
			at := make([]int, 0, want)
			for j := range n {
				if j != i {
					at = append(at, j)
				}
			}
			out = append(out, orderEdit{at: at, dropped: i})
		}
	case 0:
		for i := 0; i+1 < n; i++ {
			at := rowByRow(n)
			at[i], at[i+1] = at[i+1], at[i]
			out = append(out, orderEdit{at: at, dropped: -1})
		}
	case -1:
		for i := 0; i <= n; i++ {
			at := make([]int, 0, want)
			for j := range n {
				if j == i {
					at = append(at, -1)
				}
				at = append(at, j)
			}
			if i == n {
				at = append(at, -1)
			}
			out = append(out, orderEdit{at: at, dropped: -1})
		}
	}
	return out
}

// repairedOrder is table 3 and 4's figures and cells with one damage
// undone, for the form whose rows it gives: a hole's cell has line -1.
type repairedOrder struct {
	rows    []*rowSpec
	tpl     string
	figures []float64
	cells   []layout.Cell
	// notes is the figure taken out, or the cell of the hole, unplaced.
	notes []gongkai.Unplaced
	// reviewsUncertain says why table 4's figures are not placed ("" when
	// they are).
	reviewsUncertain string
}

// repairOrder finds the one reading of figures, printed in reading order,
// that one edit makes the form's (see above); false when there is none or
// there are several.
func (r *reader) repairOrder(figures []float64, cells []layout.Cell) (repairedOrder, bool) {
	reviews := len(r.s.reviewsBlocks) * r.reviewsResultCount()
	var found []repairedOrder
	tables3, tables4 := map[string]bool{}, map[string]bool{}
	for _, tpl := range templates {
		rows := r.applicationsLeaves(tpl)
		t, ok := identityRows(rows)
		if !ok {
			continue
		}
		k := len(rows) * (applicantColumns + 1)
		for _, want := range []int{k, k + reviews} {
			for _, e := range orderEdits(len(figures), want) {
				figs, table3, ok := t.confirmEdit(figures, e.at, k)
				if !ok {
					continue
				}
				tables3[table3] = true
				tables4[fmt.Sprint(figs[k:])] = true
				found = append(found, r.repaired(rows, tpl, figs, cells, e))
			}
		}
	}
	if len(tables3) != 1 {
		return repairedOrder{}, false
	}
	out := found[0]
	k := len(out.rows) * (applicantColumns + 1)
	switch {
	case len(tables4) > 1:
		out.reviewsUncertain = "table 4 read in the form's order with one figure more or fewer than the form's: several readings of its figures fit, so none is certain"
	case hasHole(out.cells[k:]):
		out.reviewsUncertain = "table 4 read in the form's order: one of its figures is not printed, so the place of the others is not certain"
	}
	return out, true
}

// confirmEdit is the figures an edit reads (at), a hole filled by its
// row's identity, and the values of table 3 it gives, when table 3's k
// first satisfy every identity (readingorder.go: row by row, or its last
// two rows as the identities give them from the figures printed after the
// others; a hole only row by row).
func (t tableThreeRows) confirmEdit(figures []float64, at []int, k int) ([]float64, string, bool) {
	figs := make([]float64, len(at))
	hole := -1
	for i, j := range at {
		if j < 0 {
			hole, figs[i] = i, math.NaN()
			continue
		}
		figs[i] = figures[j]
	}
	n := applicantColumns + 1
	tail := t.answered * n
	if hole >= 0 && hole < k {
		v, ok := fillFromRow(figs[hole/n*n:hole/n*n+n], hole%n)
		if !ok {
			return nil, "", false
		}
		figs[hole] = v
		if hole >= tail {
			// （七）总计 and 四 may be printed out of order: their rows
			// say nothing of a hole there.
			values := valuesAt(figs[:k], rowByRow(k), n)
			return figs, fmt.Sprint(values), t.hold(values)
		}
	}
	found := t.confirmed(figs[:k], [][]int{rowByRow(k)}, [][]int{rowByRow(tail)})
	if len(found) != 1 {
		return nil, "", false
	}
	return figs, fmt.Sprint(valuesAt(figs[:k], found[0], n)), true
}

// fillFromRow is the figure of column c of row that its identity gives
// (总计 = the six applicant columns): never below 0.
func fillFromRow(row []float64, c int) (float64, bool) {
	total := row[len(row)-1]
	var sum float64
	for i, v := range row[:len(row)-1] {
		if i != c {
			sum += v
		}
	}
	if c == len(row)-1 {
		return sum, true
	}
	return total - sum, total-sum >= 0
}

// repaired is the reading edit e makes of cells, the figure taken out or
// the hole's cell noted unplaced.
func (r *reader) repaired(rows []*rowSpec, tpl string, figs []float64, cells []layout.Cell, e orderEdit) repairedOrder {
	out := repairedOrder{rows: rows, tpl: tpl, figures: figs}
	for i, j := range e.at {
		if j >= 0 {
			out.cells = append(out.cells, cells[j])
			continue
		}
		near := cells[min(max(i-1, 0), len(cells)-1)]
		out.cells = append(out.cells, layout.Cell{Text: fmt.Sprint(figs[i]), Raw: "", Line: -1, Idx: -1, X0: -1, X1: -1})
		where, n := "行政复议、行政诉讼", applicantColumns+1
		if i < len(rows)*n {
			where = rows[i/n].label + " / " + r.formOrderSlots()[i%n].printed
		}
		out.notes = append(out.notes, gongkai.Unplaced{Label: where, Line: near.Line, Cells: []string{},
			Reason: fmt.Sprintf("text in reading order with one figure fewer than the form's: the figure of this cell is not printed after this line (its row's identity gives %v), and is not placed", figs[i])})
	}
	if e.dropped >= 0 {
		c := cells[e.dropped]
		out.notes = append(out.notes, gongkai.Unplaced{Label: "", Line: c.Line, Cells: []string{c.Raw},
			Reason: "text in reading order with one figure more than the form's: the one reading without it that the identities confirm leaves it out (a page number, a figure printed twice)"})
	}
	return out
}

// hasHole reports whether a cell of cells is a hole.
func hasHole(cells []layout.Cell) bool {
	for _, c := range cells {
		if c.Line < 0 {
			return true
		}
	}
	return false
}
