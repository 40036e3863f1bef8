package form

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/layout"
)

// LibreOffice's and Word's prints of the national form through pdfminer
// (pdf2txt, markitdown's engine) print table 3's first page as a page of
// Chrome's print does (pagebands.go): the page's row labels with the
// 自然人 figures among them (`一、本年新收… / 217 / 二、… / … / 2.其他法律
// 行政法规禁止公开 / 0 / 71 / 29 / 4 / 0 / 3.危及“三安全一稳定” 0 / …`),
// then every other column's run of the page's rows, 总计's last. Cut at
// the labels (bandorder.go) the page is one long band, read column by
// column; but the page after it comes in pdfminer's recursive order,
// whose fillings pass the search's bounds, so no reading of the whole
// table is found and nothing was placed.
//
// Such a page is then read alone, as far as it tells without the rest
// of the table (the identities I1 and I3, which tie the pages' columns
// together, cannot be checked):
//   - the first column's run is 自然人's only when it is printed among the
//     page's labels (begun before the page's last row label, each figure
//     after its own row's label) and every other run after them: the
//     column pdfminer groups with the labels is the one beside them;
//   - the last run is 总计's only when every row adds up to it, one row at
//     least not 0 (a run of 总计 printed elsewhere cannot add up so);
//   - the five runs between are the columns of 法人或其他组织 in an order
//     the arithmetic cannot tell (pdfminer has printed 社会公益组织's run
//     before 商业企业's): a row's five cells are placed only when its five
//     figures are alike, and otherwise unplaced with them.
// The rows outside such pages are not placed by the order; their
// figures read by their labels stand as they are, and the figures
// printed after their labels are unplaced with the reason.

// pageAlone is table 3's placement when only its long bands (pages
// printed column by column, more than maxBandRows rows) are read (see
// above); false when no band so read holds. It is tried only when the
// whole table has no reading: where it has two or more, the identities
// leave a choice and nothing is placed (chromeorder_test.go).
func (r *reader) pageAlone(rows []*rowSpec, figures []float64, cells []layout.Cell) ([]orderedFigure, bool) {
	n := applicantColumns + 1
	if len(figures) != len(rows)*n {
		return nil, false
	}
	starts, ok := r.rowStarts(rows, cells)
	if !ok {
		return nil, false
	}
	starts = append(starts, len(figures))
	values := make([]int64, len(figures))
	for i, v := range figures {
		if v != math.Trunc(v) || v < 0 || v > 1e12 {
			return nil, false
		}
		values[i] = int64(v)
	}
	slots := r.formOrderSlots()
	var placed []orderedFigure
	var notes []gongkai.Unplaced
	keys := map[string]bool{}
	read := make([]bool, len(rows))
	for a := 0; a < len(rows); {
		b := a + 1 // the band's end: the next row whose figures start on a row's boundary
		for starts[b] != b*n {
			b++
		}
		if b-a > maxBandRows {
			if got, doubts, ok := r.readPageAlone(rows, slots, starts, values, cells, a, b); ok {
				placed = append(placed, got...)
				notes = append(notes, doubts...)
				for j := a; j < b; j++ {
					read[j] = true
					for c := 1; c < n-1; c++ {
						keys[rows[j].indicator+"/"+slots[c].key] = true
					}
				}
			}
		}
		a = b
	}
	if placed == nil {
		return nil, false
	}
	for j, row := range rows {
		if read[j] || starts[j+1] <= starts[j] {
			continue
		}
		var raws []string
		for _, c := range cells[starts[j]:starts[j+1]] {
			raws = append(raws, c.Text)
		}
		notes = append(notes, gongkai.Unplaced{Label: row.label, Line: cells[starts[j]].Line, Cells: raws,
			Reason: "table 3 printed in pdfminer's boxes: only its pages printed column by column are read alone, and these figures printed after this row's label are of rows outside them"})
	}
	// Cells of the pages' rows left unplaced drop what their labels read;
	// the other rows' stand (settleOrdered).
	for key := range keys {
		if !placedKey(placed, key) {
			r.readOrder.doubtKeys[key] = true
		}
	}
	r.readOrder.partial, r.readOrder.partialNotes = true, notes
	return placed, true
}

// placedKey reports whether key (indicator/breakdown) is among placed.
func placedKey(placed []orderedFigure, key string) bool {
	for _, f := range placed {
		if f.key() == key {
			return true
		}
	}
	return false
}

// readPageAlone reads the band of rows a to b (figures from a·n) as a page
// printed column by column (see above): the figures it places and the
// rows whose 法人或其他组织 cells it leaves unplaced; false when the page
// is not printed so.
func (r *reader) readPageAlone(rows []*rowSpec, slots []slot, starts []int, values []int64, cells []layout.Cell, a, b int) ([]orderedFigure, []gongkai.Unplaced, bool) {
	n := applicantColumns + 1
	k := b - a
	first := a * n
	at := func(j, c int) int { return first + c*k + j }
	// 自然人's run among the labels, each figure after its row's label;
	// the other runs after the last label.
	if starts[b-1] <= first || starts[b-1] > at(0, 1) {
		return nil, nil, false
	}
	for j := 0; j < k; j++ {
		if at(j, 0) < starts[a+j] {
			return nil, nil, false
		}
	}
	// The band's readings column by column, one cell at most out of its
	// run as chromeorder.go allows, each row adding up.
	figures := make([]float64, len(values))
	for i, v := range values {
		figures[i] = float64(v)
	}
	readings := displacedBlocks(figures, a, k, false)
	if len(readings) == 0 {
		return nil, nil, false
	}
	// valueOf is the figure every reading gives row j's column c, and its
	// index in the first; false when the readings differ.
	valueOf := func(j, c int) (int64, int, bool) {
		at := readings[0][j*n+c]
		for _, reading := range readings[1:] {
			if values[reading[j*n+c]] != values[at] {
				return 0, 0, false
			}
		}
		return values[at], at, true
	}
	some := false
	for j := 0; j < k; j++ {
		v, _, ok := valueOf(j, n-1)
		some = some || !ok || v != 0
	}
	if !some {
		return nil, nil, false
	}
	var placed []orderedFigure
	var doubts []gongkai.Unplaced
	for j := 0; j < k; j++ {
		row := rows[a+j]
		v1, _, alike := valueOf(j, 1)
		for c := 2; c < n-1 && alike; c++ {
			v, _, ok := valueOf(j, c)
			alike = ok && v == v1
		}
		for c, s := range slots {
			if c > 0 && c < n-1 && !alike {
				continue
			}
			if _, at, ok := valueOf(j, c); ok {
				placed = append(placed, orderedFigure{indicator: row.indicator, breakdown: s.key, label: row.label, slot: s, cell: cells[at], seen: row.id})
			}
		}
		if alike {
			continue
		}
		var raws []string
		for c := 1; c < n-1; c++ {
			var figs []string
			for _, reading := range readings {
				f := strconv.FormatInt(values[reading[j*n+c]], 10)
				if !slices.Contains(figs, f) {
					figs = append(figs, f)
				}
			}
			raws = append(raws, strings.Join(figs, "|"))
		}
		doubts = append(doubts, gongkai.Unplaced{Label: row.label, Line: cells[readings[0][j*n+1]].Line, Cells: raws,
			Reason: fmt.Sprintf("table 3's page printed column by column (pdfminer) read alone: the five columns of 法人或其他组织 come in an order the arithmetic does not tell, and this row's figures there (%s) differ, so they are not placed", strings.Join(raws, " "))})
	}
	return placed, doubts, true
}
