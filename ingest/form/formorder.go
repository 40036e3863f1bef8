package form

import (
	"fmt"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/figure"
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
	if cur.table != tableApplications || cur.row == nil || completeApplicants(slots) {
		return slots, "", ""
	}
	form := r.s.applications.templateColumns(gongkai.Template2021)
	figures, ok := r.plainFigures(cur.values)
	switch {
	case !ok:
		return slots, "", ""
	case len(figures) != len(form):
		return nil, "", fmt.Sprintf("the header of table 3 does not show its columns, and the row's %d figures are not the form's %d: no column is certain", len(figures), len(form))
	}
	var sum float64
	for _, f := range figures[:len(figures)-1] {
		sum += f
	}
	if sum != figures[len(figures)-1] {
		return nil, "", fmt.Sprintf("the header of table 3 does not show its columns, and the row's figures do not add up to its 总计 (%v ≠ %v): the form's order is not certain", sum, figures[len(figures)-1])
	}
	out := make([]slot, len(form))
	for i, c := range form {
		out[i] = slot{key: c.key, printed: c.label, block: r.s.applications, x0: -1, x1: -1, idx: -1}
	}
	return out, gongkai.FlagPlacedByFormOrder, ""
}

// completeApplicants reports whether slots are the seven columns of table
// 3, each once.
func completeApplicants(slots []slot) bool {
	return totalLast(slots, applicantColumns+1) || len(slots) == applicantColumns+1 && distinctKeys(slots)
}

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
func (r *reader) plainFigures(values []layout.Cell) ([]float64, bool) {
	for len(values) > 0 && layout.Classify(values[len(values)-1].Text, r.isUnit) == layout.Blank {
		values = values[:len(values)-1]
	}
	for len(values) > 0 && layout.Classify(values[0].Text, r.isUnit) == layout.Blank {
		values = values[1:]
	}
	var out []float64
	for _, v := range values {
		if v.Glued || layout.Classify(v.Text, r.isUnit) != layout.Value {
			return nil, false
		}
		p := figure.Parse(v.Raw)
		if p.Number == nil {
			return nil, false
		}
		out = append(out, *p.Number)
	}
	return out, len(out) > 0
}
