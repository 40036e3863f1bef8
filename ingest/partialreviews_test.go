package ingest

import (
	"path/filepath"
	"strings"
	"testing"
)

// The 2019 held-out Word print (testdata/heldout) prints eleven of table
// 4's fifteen figures, its last four columns cut at the paper's edge:
// 行政复议's 7 19 20 35 81 with the tables, 未经复议直接起诉's 38 7 41 68
// 154 each under its column's header after more narrative, 复议后起诉's
// 结果维持 20 last. The whole blocks are placed by the form's order
// (form/partialreviews.go), the block cut short unplaced with the reason.
// A block whose figures do not add up, or with a label among them that
// is not the next figure's column, is not placed (a first block that
// does not add up: the count does not fit, and nothing is read seven a
// row).
func TestLeadingReviewsHeldOut(t *testing.T) {
	lines := fixtureLines(t, "heldout", "form2019-docx-s12-17.word.plain.txt")
	text := strings.Join(lines, "\n")
	at := func(n int, want string) int { // index of printed line n, checked
		if lines[n-1] != want {
			t.Fatalf("line %d is %q, not %q", n, lines[n-1], want)
		}
		return n - 1
	}
	changed := func(edit func([]string) []string) string { return edited(lines, edit) }
	first := map[string]float64{"reconsiderations.upheld": 7, "reconsiderations.corrected": 19, "reconsiderations.other": 20, "reconsiderations.pending": 35, "reconsiderations.total": 81}
	second := map[string]float64{"lawsuits.direct.upheld": 38, "lawsuits.direct.corrected": 7, "lawsuits.direct.other": 41, "lawsuits.direct.pending": 68, "lawsuits.direct.total": 154}
	last := map[string]float64{"lawsuits.after_reconsideration.upheld": 20}
	for _, c := range []struct {
		name                 string
		text                 string
		first, second, unset bool
	}{
		{"as printed", text, true, true, true},
		{"结果纠正 and 其他结果 swapped among the second block's figures", changed(func(l []string) []string {
			i, j := at(635, "结果纠"), at(639, "其他结")
			l[i], l[i+1], l[j], l[j+1] = l[j], l[j+1], l[i], l[i+1]
			return l
		}), true, false, true},
		{"a header's piece among the first block's figures", changed(func(l []string) []string {
			i := at(613, "19")
			return append(l[:i+1], append([]string{"总计"}, l[i+1:]...)...)
		}), false, true, true},
		{"the first block does not add up", changed(func(l []string) []string {
			l[at(616, "81")] = "80"
			return l
		}), false, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Parse("word.plain.txt", []byte(c.text))
			if err != nil {
				// Nothing read seven a row: the text holds no figure placed.
				if c.first || c.second || !strings.Contains(err.Error(), "hold no figure of the form") {
					t.Fatal(err)
				}
				return
			}
			checkReviews(t, r, first, c.first, true)
			checkReviews(t, r, second, c.second, true)
			checkReviews(t, r, last, !c.unset, true)
			if c.first && c.second && !unplacedWith(r, "行政复议、行政诉讼", "only 11 of its 15 figures") {
				t.Errorf("复议后起诉's 20 not unplaced with the reason: %v", r.Unplaced)
			}
		})
	}
}

// edited is lines, a copy of them changed by edit, joined again.
func edited(lines []string, edit func([]string) []string) string {
	return strings.Join(edit(append([]string(nil), lines...)), "\n")
}

// fixtureLines is the lines of the file at path under testdata.
func fixtureLines(t *testing.T, path ...string) []string {
	return strings.Split(readText(t, filepath.Join(append([]string{"..", "testdata"}, path...)...)), "\n")
}
