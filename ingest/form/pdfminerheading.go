package form

// pdfminer (pdf2txt, markitdown's engine) prints a block of table 2 box
// by box, and the next block's heading may come between the boxes of its
// columns: 规章 / 行政规范性文件 / 0 / 62 / 第二十条第（五）项 / 0 / 33 / 0 /
// 440 / 信息内容 (pingtan-2024's Word and LibreOffice prints). The first
// column of the block's rows is printed, read down, then the heading, then
// the other columns. Read so, the figures after the heading are the
// block's, not figures the next block prints before its first label.
//
// The last row of a block is kept open across the next block's heading
// only when it printed exactly one figure for each of the block's rows
// (the rows before it closed with no cell), each a plain figure on a line
// of its own, fewer than the block's cells. Its figures are then read as
// the labels-then-figures rule reads a block of several columns
// (columnmajor.go), and where reading across and reading down both keep
// the signs, the place of the heading decides: a reader that printed one
// column of k rows before the heading printed the block column by column,
// which row by row would break only after whole rows (a multiple of the
// block's n columns). When k is a multiple of n (a row's worth too) it
// decides nothing, and the rows stay unplaced as before.

// carryAcrossHeading reports whether the row of table 2 being read is
// kept open across the heading of block next (see above); it records how
// many figures the row printed before the heading.
func (r *reader) carryAcrossHeading(next *blockSpec) bool {
	cur := r.cur
	if cur == nil || cur.table != tableProactive || cur.row == nil || cur.block == nil || cur.block == next || cur.carried > 0 {
		return false
	}
	bare := r.bare
	if len(bare) > 0 && bare[0].block != cur.block {
		bare = nil
	}
	k, n := len(bare)+1, len(r.proactive.columns[cur.block])
	if n < 2 || len(cur.values) != k || !r.figuresApart(cur, bare) {
		return false
	}
	cur.carried = len(cur.values)
	return true
}

// readDownByHeading reports whether a row carried across a heading (see
// above), the last of k rows of n columns, is read down: true when the
// figures before the heading are one column's, not a whole number of
// rows.
func readDownByHeading(cur *openRow, k, n int) bool {
	return cur.carried == k && k%n != 0
}
