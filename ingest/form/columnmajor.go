package form

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// pdfminer (pdf2txt, the PDF engine of markitdown) prints a page of table
// 3 as text boxes: the labels of the rows on the page, then each column
// of their figures in turn, one box a column (the 自然人 figures of the
// page's rows, then 商业企业's, … then 总计's). It orders the boxes by how
// it groups them, not from left to right, and prints a column out of its
// place: huaian-hongze-2023.pdf's page 2 prints 总计's column before
// 其他's. A page's rows are a block printed column by column (readings),
// and when no reading with the columns in the form's order satisfies the
// identities, a block of two rows or more may print its 总计 column at any
// place among the others: 总计 is the column each row's I2 finds, and I1
// and I3 across the table's pages tie each page's columns to the others'.
// The six applicant columns keep the form's order: the arithmetic cannot
// tell them apart, and a reading that moved them would be a guess. As
// every reading of the table, one made so is placed only when it is the
// only one, counted by its values, that satisfies I1, I2 and I3.

// columnMajorBlocks is the ways k rows of table 3 from row i may be printed
// column by column: each gives, for row j and column c of the block in
// turn, the index of its figure. The first has the columns in the form's
// order; with totalMoved and two rows or more, one follows for each other
// place of the 总计 column among the printed columns.
func columnMajorBlocks(i, k int, totalMoved bool) [][]int {
	n := applicantColumns + 1
	places := []int{n - 1}
	if totalMoved && k > 1 {
		for p := 0; p < n-1; p++ {
			places = append(places, p)
		}
	}
	out := make([][]int, len(places))
	for b, total := range places {
		block := make([]int, k*n)
		for j := 0; j < k; j++ {
			for c := 0; c < n; c++ {
				block[j*n+c] = i*n + printedColumn(c, total, n)*k + j
			}
		}
		out[b] = block
	}
	return out
}

// printedColumn is the place among n printed columns of the form's column
// c when the 总计 column (the form's last) is printed at place total and
// the others keep their order.
func printedColumn(c, total, n int) int {
	switch {
	case c == n-1:
		return total
	case c < total:
		return c
	default:
		return c + 1
	}
}

// pdfminer prints a block of table 2 of several columns as its rows'
// labels, then the rows' figures, and reads the figures across (a row's
// cells in turn) or down (a column's) as its boxes fall: 行政处罚 / 行政强制 /
// 0 / 100 / -6 / -4 / 134 / 0 is read down (行政处罚 0 -6 134, 行政强制 100
// -4 0). No identity binds the columns of table 2, but a sign is taken in
// no column but 本年增/减 (a count is never below 0): a reading that puts
// a signed figure elsewhere is no reading. The rows are placed (flag
// placed_by_form_order) when exactly one of the two readings, counted by
// its values, is left: also when both give every cell the same figure
// (规章 / 规范性文件 / six 0s). Otherwise the last row is unplaced with
// the reason.

// labelsThenFiguresAcross reads the rows of bare, closed just before cur
// with no cell in cur's block of several columns, and cur, when cur prints
// exactly a row of figures for each of them, each a plain figure on a line
// of its own (see above). It returns why they cannot be read, or "" (the
// rows read, or the shape not this one).
func (r *reader) labelsThenFiguresAcross(cur *openRow, bare []*openRow, slots []slot) string {
	n, k := len(slots), len(bare)+1
	if len(bare) == 0 || n < 2 || cur.table != tableProactive || cur.block != bare[0].block ||
		len(cur.values) != k*n || !r.figuresApart(cur, bare) {
		return ""
	}
	var distinct [][]layout.Cell
	for _, down := range []bool{false, true} {
		cells := blockReading(cur.values, k, n, down)
		if signedOutsideChanges(cells, slots) || slices.ContainsFunc(distinct, func(d []layout.Cell) bool { return sameFigures(d, cells) }) {
			continue
		}
		distinct = append(distinct, cells)
	}
	if len(distinct) == 2 && cur.carried > 0 && readDownByHeading(cur, k, n) { // pdfminerheading.go
		distinct = distinct[1:]
	}
	if len(distinct) != 1 {
		return fmt.Sprintf("the labels of %d rows of a block of %d columns printed before their %d figures: read across and read down, %d readings keep every sign in 本年增/减, and no rule of the form tells which is the rows'", k, n, len(cur.values), len(distinct))
	}
	for i, b := range bare {
		b.values, b.byOrder = distinct[0][i*n:(i+1)*n], true
		r.cur = b
		r.closeRow()
	}
	cur.values, cur.byOrder = distinct[0][(k-1)*n:], true
	return ""
}

// blockReading is the figures of k rows of n columns printed in turn,
// row by row: read across, as printed; read down, the first column's
// figures first.
func blockReading(values []layout.Cell, k, n int, down bool) []layout.Cell {
	out := make([]layout.Cell, 0, k*n)
	for i := range k {
		for c := range n {
			if down {
				out = append(out, values[c*k+i])
			} else {
				out = append(out, values[i*n+c])
			}
		}
	}
	return out
}

// signedOutsideChanges reports whether a reading of rows (row by row,
// len(slots) a row) puts a signed figure in a column other than 本年增/减.
func signedOutsideChanges(cells []layout.Cell, slots []slot) bool {
	for i, c := range cells {
		if slots[i%len(slots)].key != signedColumn && strings.ContainsAny(source.Trim(c.Text)[:1], "+-") {
			return true
		}
	}
	return false
}

// sameFigures reports whether two readings give every cell the same
// figure as printed.
func sameFigures(a, b []layout.Cell) bool {
	for i := range a {
		if source.Trim(a[i].Text) != source.Trim(b[i].Text) {
			return false
		}
	}
	return true
}
