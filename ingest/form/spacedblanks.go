package form

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// A web page's text that runs the cells together but keeps one space
// between the cells it printed (a table 3 that leaves blank cells blank:
// 一、本年新收政府信息公开申请数量 26 26, shuyang-fgj-2023's textcontent)
// reads, once cut at its labels, as a run glued to the label with spaces
// inside it: 26 26 under seven columns. Two readings of such a row are
// possible. Either a stray space cut one run of every cell (500000 5,
// joinSpacedRun), or each piece between spaces is a cell and the blank
// cells left no trace, as in a row printed on a line of its own
// (blankcells.go). A piece may even be several cells run together (2 6
// 26), the page keeping some spaces and not others.
//
// spacedBlankCells weighs every reading of the row against its identity
// (总计 = the sum of the six applicant columns, a blank counting 0): the
// pieces are read as cells, blanks hidden, only when that is the one
// reading that fits: every way to cut a piece into cells (no figure of
// several digits starting with 0), with the cells in printed order under
// distinct columns, breaks the identity. A run of fewer digits than
// columns cannot be a row of every cell: 26 26 is two cells, and two
// applicant figures with a blank 总计 would sum to 52, not 0, so 26 is the
// 总计 (blankcells.go places it, the column sums weigh the rest). When
// both readings fit, neither is taken: the row is unplaced with the reason.

// maxSpacedDigits bounds the digits of a row weighed: the ways to cut a
// run grow fast with its length.
const maxSpacedDigits = 21

// spacedBlankCells returns the cells of a row of table 3 whose figures
// are pieces parted by spaces, fewer than its columns, the first glued to
// the label, when reading each piece as a cell with blank cells hidden is
// the only reading that fits the row's identity: the cells (no longer
// glued) and "". When another reading fits too it returns nil and the
// reason the row is unplaced; nil and "" when the row is no such row, or
// the pieces as cells do not fit (the caller reads it as before).
func spacedBlankCells(cur *openRow, slots []slot) ([]layout.Cell, string) {
	if cells := zeroLedRun(cur.values, slots); cells != nil {
		return cells, ""
	}
	if cur.table != tableApplications || !completeApplicants(slots) || slots[len(slots)-1].key != "total" {
		return nil, ""
	}
	pieces, ok := spacedPieces(cur.values)
	if !ok || len(pieces) < 2 || len(pieces) >= len(slots) {
		return nil, ""
	}
	digits := 0
	figures := make([]float64, len(pieces))
	for i, p := range pieces {
		if !canonicalCount.MatchString(p) {
			return nil, ""
		}
		digits += len(p)
		figures[i] = partValue(p)
	}
	if digits > maxSpacedDigits || blankPlacements(figures, len(slots)) == nil {
		return nil, ""
	}
	others := otherReadings(pieces, len(slots))
	if others > 0 {
		return nil, fmt.Sprintf("figures parted by spaces, fewer than the columns (%s): read as cells whose blanks left no trace they fit the row's 总计, and %d reading(s) of them as cells run together fit it too; which is the page's is not certain",
			strings.Join(pieces, " "), others)
	}
	out := make([]layout.Cell, len(pieces))
	for i, p := range pieces {
		out[i] = layout.Cell{Text: p, Raw: p, Line: cur.values[0].Line, Spaced: true, X0: -1, X1: -1, Idx: -1}
	}
	return out, ""
}

// spacedPieces is the pieces of a row's figures parted by spaces: values
// on one line, the first glued to the label, digits only.
func spacedPieces(values []layout.Cell) ([]string, bool) {
	if len(values) == 0 || !values[0].Glued {
		return nil, false
	}
	var pieces []string
	for _, v := range values {
		if v.Line != values[0].Line {
			return nil, false
		}
		for _, f := range strings.Fields(label.Fold(v.Text)) {
			if !plainDigits.MatchString(f) {
				return nil, false
			}
			pieces = append(pieces, f)
		}
	}
	return pieces, true
}

// otherReadings counts the readings of pieces other than one cell each
// that fit a row of n columns whose last is the total of the others: some
// piece cut into several cells, no figure of several digits starting with
// 0, the cells in printed order under distinct columns, blanks counting 0
// (every column printed when there are n cells).
func otherReadings(pieces []string, n int) int {
	count := 0
	var cells []float64
	var cut func(i int, finer bool)
	cut = func(i int, finer bool) {
		if len(cells) > n {
			return
		}
		if i == len(pieces) {
			if finer && blankPlacements(cells, n) != nil {
				count++
			}
			return
		}
		var piece func(rest string, parts int)
		piece = func(rest string, parts int) {
			if rest == "" {
				cut(i+1, finer || parts > 1)
				return
			}
			if len(cells) >= n {
				return
			}
			for k := 1; k <= len(rest); k++ {
				head := rest[:k]
				if len(head) > 1 && head[0] == '0' {
					break
				}
				cells = append(cells, partValue(head))
				piece(rest[k:], parts+1)
				cells = cells[:len(cells)-1]
			}
		}
		piece(pieces[i], 0)
	}
	cut(0, false)
	return count
}

// A figure parted from its label by a space, alone in a row of several
// columns, that no report prints as one cell, since it opens with 0 (规章
// 000 under 本年制发件数 | 本年废止件数 | 现行有效件数: pingtan-2021's
// rowlines), is cells run together. zeroLedRun cuts it when exactly one
// cut into at most the row's columns gives counts as printed (no figure
// of several digits starting with 0), and that cut fills every column:
// 000 is 0|0|0 and nothing else. A cut into fewer cells would leave blank
// cells no identity places, and the run stays as it is.

// zeroLedRun returns the cells of values, one spaced figure opening with
// 0, by the only cut that fits slots; nil otherwise.
func zeroLedRun(values []layout.Cell, slots []slot) []layout.Cell {
	if len(values) != 1 || values[0].Glued || !values[0].Spaced || len(slots) < 2 {
		return nil
	}
	v := values[0]
	run := label.Fold(v.Text)
	if !plainDigits.MatchString(run) || run[0] != '0' || len(run) < 2 || len(run) > maxSpacedDigits {
		return nil
	}
	var cuts [][]string
	var cell []string
	var cut func(rest string)
	cut = func(rest string) {
		if rest == "" {
			cuts = append(cuts, slices.Clone(cell))
			return
		}
		if len(cell) == len(slots) || len(cuts) > 1 {
			return
		}
		for k := 1; k <= len(rest); k++ {
			if k > 1 && rest[0] == '0' {
				break
			}
			cell = append(cell, rest[:k])
			cut(rest[k:])
			cell = cell[:len(cell)-1]
		}
	}
	cut(run)
	if len(cuts) != 1 || len(cuts[0]) != len(slots) {
		return nil
	}
	return splitCells(v, cuts[0])
}
