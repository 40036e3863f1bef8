package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// PyMuPDF's text of LibreOffice's print of a Word report (testdata/heldout,
// see its README) prints table 4, cut at the page's edge, a figure a line:
// 20 / 19 / 10 / 14 / 63 / 35 / 5 / 30 / 23 / 93 / 24. The two whole blocks
// add up and are placed as when the eleven stand on one line; the
// eleventh is unplaced. A line between the figures, or a block that does
// not add up, places nothing of table 4.
func TestCutReviewsFigureALine(t *testing.T) {
	r := parseHeldOut(t, "form2021-docx-s12-11.word.pymupdf.txt", "form2021-docx-s12-11", 194)
	wantPlaced(t, r, map[string]float64{
		"reconsiderations.upheld": 20, "reconsiderations.total": 63,
		"lawsuits.direct.upheld": 35, "lawsuits.direct.total": 93,
	})
	if !unplacedWith(r, "复议后起诉", "cut off") {
		t.Errorf("the figure after the whole blocks is not unplaced as cut: %v", r.Unplaced)
	}

	data, err := os.ReadFile(filepath.Join("..", "testdata", "heldout", "form2021-docx-s12-11.word.pymupdf.txt"))
	if err != nil {
		t.Fatal(err)
	}
	const run = "\n20\n19\n10\n14\n63\n35\n5\n30\n23\n93\n24\n"
	if !strings.Contains(string(data), run) {
		t.Fatal("the fixture's table 4 changed")
	}
	for name, repl := range map[string]string{
		"a line between":        "\n20\n19\n10\n14\n63\n\n35\n5\n30\n23\n93\n24\n",
		"a block not adding up": "\n20\n19\n10\n14\n62\n35\n5\n30\n23\n93\n24\n",
	} {
		r, err := Parse(name+".txt", []byte(strings.Replace(string(data), run, repl, 1)))
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range r.Observations {
			if strings.HasPrefix(o.Indicator, "reconsiderations.") || strings.HasPrefix(o.Indicator, "lawsuits.") {
				t.Errorf("%s: %s placed: %v", name, o.Indicator, *o.Value)
			}
		}
	}
}
