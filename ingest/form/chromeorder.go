package form

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
// When no other reading of table 3's figures holds (readings,
// bandReadings), each block of rows printed column by column may hold one
// such cell, printed in the run of the column left or right of its own,
// beside its row's figure there. Every reading made of such blocks in
// the form's order of rows, each row adding up (I2), is tried; the figures
// are placed only when exactly one of them, counted by its values,
// satisfies I1 and I3, as every reading of the table is.

// displacedBlocks is the ways k rows of table 3 from row i may be printed
// column by column with one cell in the run of the column left or right
// of its own (see above): each gives, for row j and column c of the block
// in turn, the index of its figure. The first is the block without such a
// cell.
func displacedBlocks(i, k int) [][]int {
	n := applicantColumns + 1
	out := [][]int{columnMajorBlocks(i, k, false)[0]}
	if k < 2 {
		return out
	}
	group := make([]int, k*n) // the run each cell is printed in
	for j := 0; j < k; j++ {
		for c := 0; c < n; c++ {
			for _, d := range []int{-1, 1} {
				if c+d < 0 || c+d >= n {
					continue
				}
				for x := range group {
					group[x] = x % n
				}
				group[j*n+c] = c + d
				out = append(out, blockInRuns(i, k, group))
			}
		}
	}
	return out
}

// blockInRuns is the block of k rows from row i whose cells are printed in
// the runs group gives them (row j column c's at j*n+c): run by run, each
// run's cells by row, then from the left.
func blockInRuns(i, k int, group []int) []int {
	n := applicantColumns + 1
	block := make([]int, k*n)
	at := i * n
	for g := 0; g < n; g++ {
		for j := 0; j < k; j++ {
			for c := max(g-1, 0); c <= min(g+1, n-1); c++ {
				if group[j*n+c] == g {
					block[j*n+c] = at
					at++
				}
			}
		}
	}
	return block
}

// displacedReadings is every way figures are the rows of table 3 as
// blocks of displacedBlocks in the form's order, each row adding up (I2);
// readings with the same values are kept once. False when more than
// maxReadings differ.
func displacedReadings(figures []float64, rows int) ([][]int, bool) {
	n := applicantColumns + 1
	return blockReadings(figures, rows, func(i, k int) [][]int {
		var blocks [][]int
		for _, block := range displacedBlocks(i, k) {
			if blockAddsUp(figures, block, n) {
				blocks = append(blocks, block)
			}
		}
		return distinctReadings(figures, blocks) // zeros read alike in most
	})
}

// displacedFound is the readings of table 3's figures as blocks of
// displacedBlocks that the identities confirm, each set of values once
// (see above); false when too many differ on the way.
func (t tableThreeRows) displacedFound(figures []float64, rows int) ([][]int, bool) {
	all, ok := displacedReadings(figures, rows)
	if !ok {
		return nil, false
	}
	return t.confirmed(figures, all, nil), true
}
