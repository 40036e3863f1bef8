package form

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
