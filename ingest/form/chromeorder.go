package form

import (
	"encoding/binary"
	"math"
	"slices"
)

// pdfminer (pdf2txt, markitdown's engine) of a web page printed by Chrome
// prints a page of table 3 as the readings above do, a block of rows
// column by column (each column's figures of the page's rows, top to
// bottom), but a cell set off from its column — a figure printed a few
// points right of its neighbours, as a cell with a leading space or
// another padding is — is grouped with the next column's figures, and
// printed in that column's run beside its own row's figure there: first,
// being left of it. Or a cell of the next column is grouped with this
// one's, and printed after its row's figure here. pingtan-2021.chromium's
// page 4 prints 社会公益组织's figure of 7.属于行政执法案卷 in the run of
// 法律服务机构 (x 418.5 against the column's 402.8, the next's 440.6), and
// page 5 the 总计 of 2.申请人逾期未按收费通知… in the run of 其他.
//
// A cell set off from its column and grouped with the column's other
// figures last is printed before or after all of them, as its box stands
// above or below their group's middle: pingtan-2021.chromium-landscape's
// page 5 prints （一）予以公开's 总计 30 (x 650 against the column's 636)
// first in 总计's run, before 二's 0.
//
// pdfminer may also print a page's 总计 column before 其他's (as
// huaian-hongze-2023's page 2, columnmajor.go): the landscape print's
// page 6 does, with 8.属于行政查询事项's 其他 0 (x 611 against 601) in
// 总计's run before that row's 总计 1.
//
// When no other reading of table 3's figures holds (readings,
// bandReadings), each block of rows printed column by column may hold one
// such cell, printed in the run of the column left or right of its own,
// beside its row's figure there, or first or last in its own run. Every
// reading made of such blocks in the form's order of rows, each row adding
// up (I2), is tried; the figures are placed only when exactly one of
// them, counted by its values, satisfies I1 and I3, as every reading of
// the table is. Only when none does are the blocks read with 总计's run
// before 其他's as well. 总计's run at any other place, as columnmajor.go
// allows, was tried and dropped: with a cell out of place it is loose
// enough that a text with two figures swapped (orderdamage_test.go,
// pdftext/form2021-c.blocks.txt) had one reading that satisfied every
// identity, three figures wrong.

// displacedBlocks is the ways k rows of table 3 from row i may be printed
// column by column with one cell out of its place (see above), each row
// adding up (I2), and each set of values once: in the run of the column
// left or right of its own, beside its row's figure there (before it when
// the cell's column is left of that one, after it otherwise), or first or
// last in its own column's run. With totalMoved, the 总计 column may be
// printed before 其他's as well (see above). Each gives,
// for row j and column c of the block in turn, the index of its figure.
func displacedBlocks(figures []float64, i, k int, totalMoved bool) [][]int {
	n := applicantColumns + 1
	var out [][]int
	seen := map[string]bool{}
	buf := make([]int, k*n)
	var key []byte
	keep := func() {
		if !blockAddsUp(figures, buf, n) {
			return
		}
		key = key[:0]
		for _, x := range buf {
			key = binary.LittleEndian.AppendUint64(key, math.Float64bits(figures[x]))
		}
		if !seen[string(key)] {
			seen[string(key)] = true
			out = append(out, slices.Clone(buf))
		}
	}
	inPlace := func(c int) int { return c }
	movedInBlock(buf, i, k, inPlace, 0, 0)
	keep()
	if k < 2 {
		return out
	}
	places := []int{n - 1}
	if totalMoved {
		places = []int{n - 1, n - 2} // or 总计's run before 其他's
	}
	for _, total := range places {
		place := func(c int) int { return printedColumn(c, total, n) }
		for c := 0; c < n; c++ {
			for j := 0; j < k; j++ {
				// places between the figures printed column by column
				from := place(c)*k + j
				to := []int{place(c) * k, place(c)*k + k}
				if c+1 < n {
					to = append(to, place(c+1)*k+j)
				}
				if c > 0 {
					to = append(to, place(c-1)*k+j+1)
				}
				for _, t := range to {
					movedInBlock(buf, i, k, place, from, t)
					keep()
				}
			}
		}
	}
	return out
}

// movedInBlock fills block with the block of k rows from row i printed
// column by column, the form's column c printed at place(c), but for the
// figure at from, printed at the place to between the others instead: for
// row j and column c in turn, the index of its figure.
func movedInBlock(block []int, i, k int, place func(int) int, from, to int) {
	n := applicantColumns + 1
	for c := 0; c < n; c++ {
		for j := 0; j < k; j++ {
			p := place(c)*k + j
			switch {
			case p == from && to > from:
				p = to - 1
			case p == from:
				p = to
			case to > from && p > from && p < to:
				p--
			case to <= from && p >= to && p < from:
				p++
			}
			block[j*n+c] = i*n + p
		}
	}
}

// displacedReadings is every way figures are the rows of table 3 as
// blocks of displacedBlocks in the form's order, each row adding up (I2);
// readings with the same values are kept once. False when more than
// maxReadings differ.
func displacedReadings(figures []float64, rows int, totalMoved bool) ([][]int, bool) {
	return blockReadings(figures, rows, func(i, k int) [][]int { return displacedBlocks(figures, i, k, totalMoved) })
}

// displacedFound is the readings of table 3's figures as blocks of
// displacedBlocks that the identities confirm, each set of values once
// (see above): those with the columns in the form's order, or when there
// are none, those with a block's 总计 run before 其他's; false when too many
// differ on the way.
func (t tableThreeRows) displacedFound(figures []float64, rows int) ([][]int, bool) {
	for _, totalMoved := range []bool{false, true} {
		all, ok := displacedReadings(figures, rows, totalMoved)
		if !ok {
			return nil, false
		}
		if found := t.confirmed(figures, all, nil); len(found) > 0 || totalMoved {
			return found, true
		}
	}
	return nil, false
}
