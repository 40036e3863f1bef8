package form

import (
	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/figure"
)

// A text that sorts a page's blocks of text by their tops (PyMuPDF's
// get_text("blocks", sort=True)) prints a row of table 3 whose label wraps
// over more lines than its figures take either label first or figures
// first, as their tops fall: `3703 725 97 83 259 144 5011` /
// `一、本年新收政府` / `信息公开申请数量` / `168 3 1 6 2 10 190` /
// `二、上年结转政府…`. Read by its label, each such row takes the figures
// after it, the next row's, and they add up as any row's do (I2): synth's
// 2021 page gave 92 figures under the row before their own. The table shows
// it: a row's seven figures, adding up, that no row label comes before
// (after the header, before the last row). In such a table, unless （七）总计 is the sum of the outcome rows in
// every column (I3), no row read by its label is certain: each is unplaced
// with the reason, and the form's order (readingorder.go) may still place
// every figure where the identities confirm it.

// noLabelBefore is the reason a figure is unplaced with when no row label
// comes before it.
const noLabelBefore = "a figure with no row label before it"

// figuresBeforeLabelsReason is why a row of table 3 read by its label is
// unplaced in a table that prints figures before their labels.
const figuresBeforeLabelsReason = "table 3 prints figures before their row's label (a row's seven figures, adding up, with no label before them), so the figures after this label may be the next row's, and （七）总计 does not confirm the outcome rows in every column"

// distrustRowsAfterEarlyFigures unplaces every row of table 3 read by its
// label in a table that prints figures before their labels, unless the
// outcome rows add up to （七）总计 in every column.
func (r *reader) distrustRowsAfterEarlyFigures() {
	if !r.figuresBeforeLabels() {
		return
	}
	for _, tpl := range templates {
		if holds, known := r.outcomesAddUp(r.applicationsLeaves(tpl)); holds && known {
			return
		}
	}
	order, byRow := r.applicationRowObs()
	drop := map[int]bool{}
	for _, ind := range order {
		first := r.obs[byRow[ind][0]]
		u := gongkai.Unplaced{Label: first.Label, Line: first.Line, Cells: []string{}, Reason: figuresBeforeLabelsReason}
		for _, i := range byRow[ind] {
			drop[i] = true
			u.Cells = append(u.Cells, r.obs[i].Raw)
		}
		r.unplaced = append(r.unplaced, u)
	}
	r.dropObservations(drop)
}

// figuresBeforeLabels reports whether table 3, between its header and
// the line of its last row read, left a row's figures unplaced with no
// label before them: seven plain counts in turn whose last is the sum of
// the six before (I2). A page's number, or the figures of a page's header
// and footer (`12/2/26, 12:17 AM`, `1/4`), are no row's.
func (r *reader) figuresBeforeLabels() bool {
	first, last := r.applicationsLines()
	if first < 0 {
		return false
	}
	if len(r.applications.header) > 0 && r.applications.header[0].Line < first {
		first = r.applications.header[0].Line
	}
	var orphans []float64
	for _, u := range r.unplaced {
		if u.Line < first || u.Line > last || u.Label != "" || u.Reason != noLabelBefore || len(u.Cells) != 1 {
			continue
		}
		f := figure.Parse(u.Cells[0])
		if f.Number == nil || *f.Number < 0 {
			orphans = orphans[:0] // a mark or a sign parts the run
			continue
		}
		orphans = append(orphans, *f.Number)
		if n := applicantColumns + 1; len(orphans) >= n && addsUp(orphans[len(orphans)-n:]) {
			return true
		}
	}
	return false
}

// applicationsLines is the lines of the first and last rows of table 3
// read, or -1, -1.
func (r *reader) applicationsLines() (first, last int) {
	first, last = -1, -1
	order, byRow := r.applicationRowObs()
	for _, ind := range order {
		for _, i := range byRow[ind] {
			l := r.obs[i].Line
			if first < 0 || l < first {
				first = l
			}
			if l > last {
				last = l
			}
		}
	}
	return first, last
}
