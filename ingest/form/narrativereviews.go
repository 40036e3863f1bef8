package form

// A report's narrative may name table 4's blocks with their figures
// (`全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。`): the
// reader takes such a sentence for a row of table 4, and its figures, 36
// and 9, were noted in the reading order before every figure of table 3.
// The form prints table 4 after table 3, so figures of table 4 noted
// before the first of table 3 are no cells of the tables in reading order:
// they are dropped from it when table 3's first figure is noted, and the
// form's order counts only the tables' own (a text taken by PyMuPDF's
// sorted blocks, pingtan-2025's Chromium print, printed 192 figures for
// 190 and was read row by row under labels printed after their figures).
// What the reader made of the sentence itself stands as before.

// dropReviewsBeforeApplications forgets the figures noted in the reading
// order before the first of table 3, when the figure being noted is
// table 3's first.
func (r *reader) dropReviewsBeforeApplications() {
	if r.table != tableApplications || r.readOrder.applicationsMet {
		return
	}
	r.readOrder.applicationsMet = true
	r.readOrder.cells = nil
}
