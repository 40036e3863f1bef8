package form

import (
	"strings"

	"github.com/gongkai/gongkai"
)

// When a row of table 3 cannot be read (its run of figures fits no split:
// the report's own row does not add up, or its figures were lost), the
// column sums of the outcome rows (I3) cannot weigh the rows several
// splits fit, and fittingSplits weighs none. The balance of the table (I1:
// 一 + 二 = （七）总计 + 四, in every column) does not involve the outcome
// rows: when its four rows are read or pending, the pending ones among
// them are weighed by I1 alone (一、本年新收 and （七）总计 read, 四 0000000,
// 二、上年结转 131102118: of its three splits only 13|1|1|0|2|1|18 makes I1
// hold in every column). A row that takes one split in every choice that
// makes I1 hold takes it; the others are left as they were.

// balanceWhenUndecided is, for each pending row, the splits I1 alone
// leaves it (balanceFits) when the column sums of the whole table could
// not be weighed for a term missing (reason); nil for every row otherwise.
func (r *reader) balanceWhenUndecided(pending []pendingRun, fits [][][]string, reason string) [][][]string {
	if fits == nil && strings.HasPrefix(reason, columnSumsUndecided) {
		if b := r.balanceFits(pending); b != nil {
			return b
		}
	}
	return make([][][]string, len(pending))
}

// maxBalanceSteps bounds the choices of the pending rows of I1 weighed.
const maxBalanceSteps = 200000

// balanceFits is, for each pending row, the splits it takes in the choices
// of the pending rows of I1 that make I1 hold in every column of table 3
// (nil for the rows I1 does not bind); nil when a term of I1 is neither
// read nor pending, no row of I1 is pending, no choice holds, or the
// choices are too many to weigh.
func (r *reader) balanceFits(pending []pendingRun) [][][]string {
	grid, ok := r.table3Grid()
	if !ok {
		return nil
	}
	balance := r.balanceRows()
	if len(balance) != 4 {
		return nil
	}
	var open []int // the pending rows of I1, by index in pending
	for i, p := range pending {
		for _, id := range balance {
			if p.row.id == id {
				open = append(open, i)
			}
		}
	}
	if len(open) == 0 {
		return nil
	}
	for _, i := range open {
		grid.put(pending[i].row.id, pending[i].slots, pending[i].splits[0])
	}
	columns := r.s.applications.templateColumns(gongkai.Template2021)
	for _, c := range columns {
		for _, id := range balance {
			if _, ok := grid[id][c.key]; !ok {
				return nil
			}
		}
	}
	holds := func() bool {
		for _, c := range columns {
			g := func(i int) float64 { return grid[balance[i]][c.key] }
			if g(0)+g(1) != g(2)+g(3) {
				return false
			}
		}
		return true
	}
	seen := make([]map[int]bool, len(open))
	for k := range seen {
		seen[k] = map[int]bool{}
	}
	choice := make([]int, len(open))
	steps, count := 0, 0
	var next func(k int) bool
	next = func(k int) bool {
		if k == len(open) {
			if holds() {
				count++
				for j, c := range choice {
					seen[j][c] = true
				}
			}
			return true
		}
		p := pending[open[k]]
		for j, split := range p.splits {
			if steps++; steps > maxBalanceSteps {
				return false
			}
			choice[k] = j
			grid.put(p.row.id, p.slots, split)
			if !next(k + 1) {
				return false
			}
		}
		return true
	}
	if !next(0) || count == 0 {
		return nil
	}
	fits := make([][][]string, len(pending))
	for k, i := range open {
		for j, split := range pending[i].splits {
			if seen[k][j] {
				fits[i] = append(fits[i], split)
			}
		}
	}
	return fits
}
