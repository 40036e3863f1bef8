package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// PyMuPDF's blocks, sorted, of LibreOffice's print of a Word report
// (testdata/heldout, see its README): each row of table 3 prints its
// figures before its label wrapped over lines, and table 4, wider than the
// page, keeps eleven of its fifteen figures. Table 3's figures are exactly
// its rows' (26 × 7, noted before table 4), and the form's order places
// them, its identities confirming; table 4's eleven are unplaced, for
// which of its cells are missing is not certain.
func TestShortReviewsLeaveTableThree(t *testing.T) {
	r := parseHeldOut(t, "form2021-docx-s12-11.word.pymupdf-blocks.txt", "form2021-docx-s12-11", 176)
	for _, ind := range []string{"requests.received", "requests.answered", "requests.carried_forward"} {
		if _, ok := observation(r, ind); !ok {
			t.Errorf("%s (table 3) not placed", ind)
		}
	}
	if _, ok := observation(r, "reconsiderations.total"); ok {
		t.Error("a figure of table 4, eleven of its fifteen printed, was placed")
	}
	if !unplacedWith(r, "行政复议、行政诉讼", "11 figures where table 4 has 15") {
		t.Errorf("table 4's figures not unplaced with the reason: %v", r.Unplaced)
	}
}

// Table 3 missing one figure (a blank cell left no trace) with table 4's
// eleven is no count of the form's rows: nothing is placed by the order.
func TestShortReviewsTableThreeShort(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "heldout", "form2021-docx-s12-11.word.pymupdf-blocks.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	// the 总计 of 二、上年结转 (21), printed before its label
	i := 0
	for i < len(lines) && !strings.HasPrefix(lines[i], "二、上") {
		i++
	}
	if i < 1 || lines[i-1] != "21" {
		t.Fatalf("fixture changed: line before 二、上 is %q", lines[i-1])
	}
	lines = append(lines[:i-1:i-1], lines[i:]...)
	r, err := Parse("short.txt", []byte(strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	// Table 4's leading blocks, whole and adding up after its header, may
	// be placed by the form's order (form/partialreviews.go): each as the
	// original has it.
	for _, m := range scoreHeldOut(t, filepath.Join("..", "testdata", "heldout", "form2021-docx-s12-11.expected.json"), r).wrong {
		t.Errorf("wrong or invented: %s", m)
	}
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "requests.") {
			t.Errorf("%s/%s = %v placed from a table 3 one figure short", o.Indicator, o.Breakdown, *o.Value)
		}
	}
}
