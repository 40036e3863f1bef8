package form

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/ingest/label"
)

// A label of table 3 wrapped in a narrow cell, printed in a band of
// labels before the figures (plain pdftotext of a Word print), may be read
// as its row only from its last pieces, printed after the row's figures
// (2.申请 / 人逾期 / … / 纳费, then the figures, then 用、行 / 政机关 / … / 请):
// the reader joins the first pieces to the label before. The row's label
// then seems to come only after its figures (labelOnlyAfter,
// sevensorder.go), though its start was printed before them. A label line
// before the figures whose number and first characters (at least two)
// begin the wording of that row, and of no other row of the form, is that
// row's label begun before its figures.

// minLabelStart is the characters a piece must print after its number to
// begin a row's wording.
const minLabelStart = 2

// labelStartsBefore reports whether a label line of table 3 or 4 before
// line begins the wording of the row with indicator ind, numbered as it
// is, and of no other row (see above).
func (r *reader) labelStartsBefore(ind string, line int) bool {
	for l := range r.readOrder.labelLines {
		if l >= line {
			continue
		}
		p := label.Parse(r.tableLines[l])
		if p.Enum == "" || utf8.RuneCountInString(p.Key) < minLabelStart {
			continue
		}
		if begun := r.rowsBegunBy(p); len(begun) == 1 && begun[0] == ind {
			return true
		}
	}
	return false
}

// rowsBegunBy is the indicators of the rows of table 3 numbered p.Enum
// (1., 2., … among their siblings) one of whose wordings begins with
// p.Key.
func (r *reader) rowsBegunBy(p label.Label) []string {
	seen := map[string]bool{}
	var out []string
	ordinal := map[string]int{} // children counted by parent
	for _, row := range r.s.rows[tableApplications] {
		ordinal[row.parent]++
		if row.depth != 3 || row.indicator == "" || seen[row.indicator] {
			continue
		}
		if label.Parse(fmt.Sprintf("%d.", ordinal[row.parent])+"甲").Enum != p.Enum {
			continue
		}
		for _, k := range row.keys {
			if strings.HasPrefix(k, p.Key) {
				seen[row.indicator] = true
				out = append(out, row.indicator)
				break
			}
		}
	}
	return out
}
