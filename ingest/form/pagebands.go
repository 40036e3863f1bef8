package form

// Chrome's prints of web pages through pdfminer (pdf2txt, markitdown's
// engine) print a page of table 3 as a block of its rows column by column
// (columnmajor.go), the page's row labels among the first column's
// figures: pingtan-2024.chromium's first page prints the labels of 一 to
// 8.属于行政查询事项, the 自然人 figures of those twelve rows, the label
// of 1.本机关不掌握相关政府信息 and its 75, the labels down to 2.重复申请,
// their four 自然人 figures, then the header and the other six columns of
// the page's seventeen rows, each column's run in turn. Cut at the labels
// (bandorder.go), the page is one band of seventeen rows, more than
// maxBandRows: the fillings of so long a band are too many to search.
// Such a band is read only as a page is printed, column by column with
// the columns in the form's order, when each of its rows adds up (I2); it
// is then one candidate of the band readings, which place nothing unless
// exactly one reading of the whole table, counted by its values, keeps I1
// and I3 (the other bands' fillings included).

// longBand is the one filling of a band of more than maxBandRows rows
// that the band readings take (see above), gathered as its signature
// (bandsums.go): its rows printed column by column, when each row adds
// up; nil otherwise.
func (b *bandSearch) longBand(row, k int) []*bandSums {
	fill := columnMajorBlocks(0, k, false)[0]
	first := b.starts[row]
	for j := 0; j < k; j++ {
		var sum int64
		for c := 0; c < b.n-1; c++ {
			sum += b.values[first+fill[j*b.n+c]]
		}
		if sum != b.values[first+fill[j*b.n+b.n-1]] {
			return nil
		}
	}
	s := &bandSums{cells: make([][]bandValue, k*b.n)}
	for i, x := range fill {
		v := b.values[first+x]
		s.sig[b.t.rowKind(row+i/b.n)*b.n+i%b.n] += v
		s.cells[i] = []bandValue{{v, first + x}}
	}
	return []*bandSums{s}
}
