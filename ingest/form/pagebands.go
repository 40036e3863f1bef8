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
//
// The page after it, eight rows from 3.要求提供公开出版物 to 四, comes in
// pdfminer's recursive order (groups of cells, top then bottom, left then
// right), a filling of the band; with most of its figures 0 its
// signatures pass the search's bounds. A band after 二 that holds
// （七）总计 or 四, whose fillings pass the bounds, is therefore searched
// against each state the rows before it leave (bandState), from at most
// maxBoundedStarts states: a cell of an outcome row or of 四 at most its
// column's 一 + 二 less the outcomes before, a cell of （七）总计 between
// those outcomes and 一 + 二 — the checks applySums makes of a whole
// signature, made cell by cell, so that only the fillings it would keep
// are searched.

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

// maxBoundedStarts is the most states a band may be searched from with
// its cells bounded by each (see above): each is a search of its own.
const maxBoundedStarts = 8

// boundable reports whether the band of the k rows from row may be
// searched against the state before it: it starts after 二 and holds
// （七）总计 or 四.
func (b *bandSearch) boundable(row, k int) bool {
	return row > b.t.carriedOver && row+k > b.t.answered && k <= maxBandRows
}

// bandCond is what a band's cells must keep, read after a state (see
// above): 一 + 二 and the outcome rows' sums of the rows before the band,
// by column.
type bandCond struct {
	first, outcome []int64
}

// fits reports whether v, filled in a row of the kind given and column
// c, can keep the identities whatever the band's other cells: an outcome
// cell or 四 at most what the outcomes before the band leave of 一 + 二, a
// （七） cell at least those outcomes and at most 一 + 二. A nil bandCond
// holds every figure.
func (d *bandCond) fits(kind, c int, v int64) bool {
	if d == nil {
		return true
	}
	if kind == kindSeven {
		return v >= d.outcome[c] && v <= d.first[c]
	}
	return v <= d.first[c]-d.outcome[c]
}
