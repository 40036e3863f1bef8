package form

// pdfminer (pdf2txt, the PDF engine of markitdown) prints the figures of
// tables 3 and 4 as text boxes, one figure a line and a column's figures
// in turn, apart from the labels; but a figure that sits on the baseline
// of its row's label in a box of the label's prints on the label's line:
// `3.危及“三安全一稳定” 0`, `5.属于三类内部事务信息 32`
// (pingtan-2024.chromium-landscape.pdfminer.txt). Such text is still in
// reading order: its figures are placed by the form's order (see
// readingorder.go) when every label line prints at most one figure, and
// only when the order places that figure in the row the label opened
// (any column of it): a figure glued to another row's label would say
// the order is not the text's. A layout that prints a row's figures
// beside its label prints several on the line and is read by its labels.
// When the order places nothing, the rows read by their labels stand as
// they are: in text with figures beside labels they are not distrusted.

// figuresGluedOneALabel reports whether no label line of tables 3 and 4
// prints more than one figure.
func (r *reader) figuresGluedOneALabel() bool {
	perLine := map[int]int{}
	for _, c := range r.readOrder.cells {
		if r.readOrder.labelLines[c.Line] {
			perLine[c.Line]++
		}
	}
	for _, n := range perLine {
		if n > 1 {
			return false
		}
	}
	return true
}

// noteLabelRow records the row of table 3 that the label on line opened
// or continued, "" when it is no such row.
func (r *reader) noteLabelRow(line int) {
	if r.readOrder.labelRows == nil {
		r.readOrder.labelRows = map[int]string{}
	}
	ind := ""
	if r.cur != nil && r.cur.row != nil && r.cur.row.table == tableApplications {
		ind = r.cur.row.indicator
	}
	r.readOrder.labelRows[line] = ind
}

// gluedFiguresInTheirRows reports whether the order places every figure
// printed on a label's line in the row of table 3 that the label opened.
func (r *reader) gluedFiguresInTheirRows(placed []orderedFigure) bool {
	for _, f := range placed {
		if !r.readOrder.labelLines[f.cell.Line] {
			continue
		}
		if ind := r.readOrder.labelRows[f.cell.Line]; ind == "" || ind != f.indicator {
			return false
		}
	}
	return true
}
