package form

import (
	"slices"
	"strings"
)

// OCR of a page whose narrow cells keep their rules (Word's and the
// national template's prints read at tesseract's default) glues a row's
// cells into one run, each rule read as a 1 before the cell it opens:
// `0 0|1010101010` for 0 0 0 0 0 0 0, `0 0|1710101017` for 0 0 7 0 0 0 7.
// A line of table 3 whose tail holds fewer than the form's seven fields
// is cut, where a run holds a 1 (or l, I) before digits, into cells each
// opened by that rule: every cut that gives the tail seven cells is read
// every way its marks allow (ocrrules.go), the rule that opens a cut cell
// taken for a rule, and the row is read where exactly one reading of the
// seven adds up (总计 the sum of the six others); two readings that add
// up leave it unplaced, as ocrrules.go does. A cut is made only before a
// rule's shape, never inside digits (`258` stays 258), and a cell cut
// off must be a figure as a report prints it (no leading 0: `1010` is
// |0 |0, not |010).

// maxGluedCuts bounds the ways of cutting a line's tail into seven cells:
// a line cut more ways is left as printed.
const maxGluedCuts = 400

// gluedRuledRow reads a line of table 3 whose tail (fields, fewer than
// seven) holds runs of cells glued by rules read as 1s: the ruledRow of
// its seven cells as cut, with the readings that add up; false when no
// cut gives seven cells, or too many do.
func gluedRuledRow(i int, text string, fields []ruledField) (ruledRow, bool) {
	want := applicantColumns + 1
	if len(fields) == 0 || len(fields) >= want {
		return ruledRow{}, false
	}
	// cuts[k] holds the ways of cutting field k into cells.
	cuts := make([][][]ruledField, len(fields))
	for k, f := range fields {
		cuts[k] = cutGluedField(text, f, want-len(fields)+1)
	}
	var combos [][]ruledField
	var walk func(k int, acc []ruledField) bool
	walk = func(k int, acc []ruledField) bool {
		if len(acc) > want {
			return true
		}
		if k == len(fields) {
			if len(acc) == want {
				combos = append(combos, slices.Clone(acc))
			}
			return len(combos) <= maxGluedCuts
		}
		for _, c := range cuts[k] {
			if !walk(k+1, append(acc, c...)) {
				return false
			}
		}
		return true
	}
	if !walk(0, nil) || len(combos) == 0 {
		return ruledRow{}, false
	}
	row := ruledRow{i: i, glued: true}
	for _, c := range combos {
		for _, reading := range addingReadings(c) {
			if !slices.ContainsFunc(row.readings, func(r []float64) bool { return slices.Equal(r, reading) }) {
				row.readings = append(row.readings, reading)
			}
			if row.fields == nil {
				row.fields = c
			}
		}
	}
	if row.fields == nil {
		return ruledRow{}, false
	}
	return row, true
}

// cutGluedField gives the ways of cutting field f of text into at most
// most cells: as it is (one cell), or before rule shapes, each cell cut
// off opening with its rule and read with it taken off.
func cutGluedField(text string, f ruledField, most int) [][]ruledField {
	out := [][]ruledField{{f}}
	core := text[f.start:f.end]
	if strings.ContainsAny(core, ruleMarks) || len(core) < 3 {
		return out
	}
	var walk func(from int, acc []ruledField)
	walk = func(from int, acc []ruledField) {
		if len(out) > maxGluedCuts || len(acc) >= most {
			return
		}
		for to := from + 1; to < len(core); to++ {
			if !strings.ContainsRune(ruleBefore, rune(core[to])) {
				continue
			}
			head := gluedCell(f.start, core, from, to, from > 0)
			if head == nil {
				continue
			}
			rest := gluedCell(f.start, core, to, len(core), true)
			if rest != nil && len(acc)+2 <= most {
				out = append(out, append(slices.Clone(acc), *head, *rest))
			}
			walk(to, append(slices.Clone(acc), *head))
		}
	}
	walk(0, nil)
	return out
}

// gluedCell is the cell core[from:to] of a field starting at byte start,
// with its readings: those of fieldReadings, its first character taken
// for a rule when ruled (a cell cut off opens with the rule it was cut
// at); nil when it reads as no figure.
func gluedCell(start int, core string, from, to int, ruled bool) *ruledField {
	cell := core[from:to]
	if ruled {
		cell = cell[1:]
	}
	if cell == "" || !strings.ContainsAny(cell, "0123456789") {
		return nil
	}
	readings := fieldReadings(cell)
	if len(readings) == 0 {
		return nil
	}
	return &ruledField{start: start + from, end: start + to, readings: readings, printed: asPrinted(core[from:to])}
}
