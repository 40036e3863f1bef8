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
//   - the tail's number is that of a row of table 3 whose wording it
//     gives in full (label.Full: 3.其他 is （六）3.其他, not a piece of
//     another) or shares a run of at least minSharedRun characters with
//     (OCR garbles the tail too: 2.申请人这期未按收费通知要求缴纳费用、), a
//     longer run than with any other row so numbered; the run may hold
//     one character misread, which it does not count (6.属于四关过程性
//     shares 属于四?过程性, six, with 6.属于四类过程性信息); that row is
//     not read yet;
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
	found := r.rowOfTail(tail)
	if found == nil || !r.sevenAddingUp(cur.values) {
		return nil
	}
	if _, read := r.seen[found.id]; read {
		return nil
	}
	return found
}

// rowOfTail is the row of table 3 numbered as tail whose wording tail
// gives in full, or with which it shares the longest run of characters,
// at least minSharedRun and longer than with any other row so numbered;
// nil when none or two rows fit.
func (r *reader) rowOfTail(tail label.Label) *rowSpec {
	key := []rune(tail.Key)
	var full, best *rowSpec
	bestRun, tie := 0, false
	for _, row := range r.s.rows[tableApplications] {
		if row.group || !r.numberedAs(tail, row) {
			continue
		}
		if row.score(tail.Key) >= label.Full {
			if full != nil {
				return nil // two rows so numbered and worded: not certain
			}
			full = row
		}
		switch run := sharedRunOneMisread(key, row); {
		case run > bestRun:
			best, bestRun, tie = row, run, false
		case run == bestRun:
			tie = true
		}
	}
	switch {
	case full != nil:
		return full
	case bestRun >= minSharedRun && !tie:
		return best
	}
	return nil
}

// sharedRunOneMisread is the number of characters, in the longest run key
// shares with any wording of row when one character of the run may
// differ (OCR misread it), that are the same: 属于四关过程性 and
// 属于四类过程性信息 share six.
func sharedRunOneMisread(key []rune, row *rowSpec) int {
	return bestOverWordings(key, row, commonRunOneMisread)
}

// commonRunOneMisread is the number of equal characters in the longest run
// a and b share, aligned, with at most one character that differs inside
// it (a run opens and closes on equal characters).
func commonRunOneMisread(a, b []rune) int {
	best := 0
	for shift := -len(a) + 1; shift < len(b); shift++ {
		// Walk the diagonal b[i+shift] ~ a[i]: run counts the equal
		// characters since the last break, before those before the one
		// character that differs.
		run, before := 0, -1 // before < 0: no differing character in the run yet
		for i := max(0, -shift); i < len(a) && i+shift < len(b); i++ {
			if a[i] == b[i+shift] {
				run++
				best = max(best, run+max(before, 0))
				continue
			}
			before, run = run, 0
			if before == 0 {
				before = -1 // two differing characters in a row break the run
			}
		}
	}
	return best
}
