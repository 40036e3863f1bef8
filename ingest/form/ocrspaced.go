package form

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// OCR spaces the figures of a row by the gaps it sees, not by the cells:
// where a page's rules are taken out before reading (as tools that read
// tables do), the narrow cells of table 3 leave gaps OCR does not take for
// spaces, and a row of zeros comes out as `0 000 0 0 0` or `1 0000 0 1`.
// No figure of two digits starts with 0, so a run of zeros is as many
// cells of 0; the row is read so only when that gives exactly its
// columns and the form's arithmetic holds (a row's 总计 the sum of its six
// applicant columns). A run with other digits (0010, 01010: a rule read as
// 1 between zeros) is never cut, nor a figure OCR printed with a mark
// (.7 for 17): such rows stay unplaced with the reason.

// splitSpacedRow reads a row that prints fewer figures than its columns,
// on one line that ends in them and holds nothing else after its label
// but spaces, each plain digits and at least one a run of zeros, under a
// header that shows every column an identity binds, as a run of figures
// with cuts at its spaces. It returns the cells of the only split that
// fits, or nil and why the row cannot be read so (or nil and "" when the
// row is no such row).
func (r *reader) splitSpacedRow(vs []layout.Cell, slots []slot) ([]layout.Cell, string) {
	if len(vs) == 0 || len(vs) >= len(slots) || partialHeader(slots) != "" || !runGroups(slots)[0].TotalLast {
		return nil, ""
	}
	parts := make([]string, len(vs))
	zeros := false
	for i, v := range vs {
		t := label.Fold(source.Trim(v.Raw))
		if v.Line != vs[0].Line || !plainDigits.MatchString(t) {
			return nil, ""
		}
		if len(t) > 1 && strings.Trim(t, "0") != "" {
			return nil, "" // a figure of several digits, or a rule read as 1 among zeros
		}
		zeros = zeros || len(t) > 1
		parts[i] = t
	}
	if !zeros || !r.endsInDigits(vs[0].Line, strings.Join(parts, "")) {
		return nil, ""
	}
	run := vs[0]
	run.Text = strings.Join(parts, " ")
	run.Raw = run.Text
	res, err := splitRow(run, slots)
	if err != nil {
		return nil, fmt.Sprintf("figures spaced otherwise than the cells (%s): %v", run.Text, err)
	}
	cut, err := res.Unique()
	if err != nil {
		return nil, fmt.Sprintf("figures spaced otherwise than the cells (%s), in %d columns: %v%s", run.Text, len(slots), err, identityNote(slots))
	}
	return splitCells(run, cut), ""
}

// endsInDigits reports whether line n of the tables ends in digits and
// spaces only, which are digits: no mark OCR left among the figures (a
// rule read as . or |) that the cells no longer show.
func (r *reader) endsInDigits(n int, digits string) bool {
	text, ok := r.tableLines[n]
	if !ok {
		return false
	}
	tail := strings.TrimRightFunc(text, func(c rune) bool {
		return c >= '0' && c <= '9' || unicode.IsSpace(c)
	})
	return strings.Join(strings.Fields(text[len(tail):]), "") == digits
}
