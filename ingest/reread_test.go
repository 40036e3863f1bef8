package ingest

import (
	"path/filepath"
	"testing"
)

// A row of table 3 whose label is printed in pieces around figures, the
// first piece with a count of figures other than the form's seven, is not
// given the seven figures after a later piece by the form's order: which
// figures are the row's is not certain (pdfminer's text of a page whose
// blank cells print nothing: the seven 0s after 缴纳费用… are not the row's).
func TestRowReadAgainAfterCountRefused(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", "shuyang-fgj-2023.chromium-landscape.pdfminer.txt"))
	r, err := Parse("shuyang.pdfminer.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.Observations {
		if o.Indicator == "requests.other_handling.no_fee" {
			t.Errorf("%s [%s] = %s placed (line %d), though its label's first piece printed other figures", o.Indicator, o.Breakdown, show(o.Value), o.Line)
		}
	}
	if !unplacedBecause(r, "缴纳费用", "a piece of this row's label was printed at line") {
		t.Errorf("the row not unplaced with the reason: %+v", r.Unplaced)
	}
}
