package form

// A row of table 3 printing a multiple of seven figures takes them with
// the rows read with no cell just before it (streamrows.go), walking back
// through the form's rows. pdfminer prints labels wrapped a few characters
// a line, and a row's label may swallow the next row's whole
// (`7. 属 于` / `⾏ 政 执` / `法案卷` / `8. 属 于` / `⾏ 政 查` / `询事项`, read
// as 7. alone: Chrome's A5 print of pingtan-2021). The walk back then
// meets a row of the form read with no cell that is not the row it wants
// (bareBefore's lost): a row between them was lost, and the sevens may be
// that row's and the rows' before it as well as the rows' after the held
// row. Counting the run from where the walk stopped put 7.'s and 8.'s
// figures under the three rows after them (8 figures wrong). Such a run is
// not placed: the held row is unplaced with the reason.

// lostRowReason is why a held row whose walk back met a lost row is not
// placed (see above).
const lostRowReason = "a row of the form read before it with no cell is not the form's row before those that may take its figures (a row between them lost, its label joined to another's): which rows the sevens are is not certain"

// A held row whose sevens are exactly one for it and one for each row the
// form prints between it and the next row read takes the first seven as
// its own (orderrows.go). But when its label joins pieces of two rows
// (`8.属于行政查询事项1. 本 机关 不 掌握…`, tworows.go), which of them the
// held row is, and so where its run starts, is not certain: read as 8.
// with 7. read with no cell before it, the five sevens after it (7.'s
// first) went one row down (6 figures wrong). Such a run is not placed.

// joinedHeldReason says why a held row whose sevens fit the rows after it
// is not placed when its label joins pieces of two rows, or "".
func (r *reader) joinedHeldReason(held *figuresAfter) string {
	why := r.twoRowsReason(held.own)
	if why == "" {
		return ""
	}
	return "its sevens fit it and the rows after it, but " + why
}
