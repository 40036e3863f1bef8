package form

import "github.com/gongkai/gongkai/ingest/label"

// In a text recognised from images, a row of table 3 whose figures OCR
// lost leaves the end of its wrapped label to the next row, glued to that
// row's own (行政机关不再处理其政府信息公开申请3.其他 1 1 0 0 0 0 2): the
// whole is no row's wording. The row-order gap (ocrroworder.go) places
// such a row only when every row of its gap can be placed; one row lost
// whole (its figures misread) leaves the rest of the gap unplaced.
//
// The part of the label from its last row number on is the row's own
// label when it is printed in full, as its reading order says: a row's
// figures come after its label's first line, and the number opens it.
// The row is taken for that row of the form (gluedRowOfMisreadText) only
// when all of these hold:
//
//   - the text shows OCR's signs (in a clean text a label is read whole);
//   - the tail's number and wording are those of exactly one row of table
//     3 (wording at label.Full: 3.其他 is （六）3.其他, not a piece of
//     another), not read yet;
//   - the row prints the form's seven figures, 总计 the sum of the six.
//
// Otherwise the row stays as it was (a row the form lacks, unplaced).

// gluedRowOfMisreadText is the row of table 3 that the tail of the row's
// glued label names, by the rules above, or nil.
func (r *reader) gluedRowOfMisreadText(cur *openRow) *rowSpec {
	if r.misread == 0 || cur.table != tableApplications {
		return nil
	}
	printed := cur.printedLabel()
	loc := lastRowNumber.FindAllStringIndex(printed, -1)
	if loc == nil || loc[len(loc)-1][0] == 0 {
		return nil // no head glued before a number: the label as a whole was not recognised
	}
	tail := label.Parse(printed[loc[len(loc)-1][0]:])
	var found *rowSpec
	for _, row := range r.s.rows[tableApplications] {
		if row.group || !r.numberedAs(tail, row) || row.score(tail.Key) < label.Full {
			continue
		}
		if found != nil {
			return nil // two rows so numbered and worded: not certain
		}
		found = row
	}
	if found == nil || !r.sevenAddingUp(cur.values) {
		return nil
	}
	if _, read := r.seen[found.id]; read {
		return nil
	}
	return found
}
