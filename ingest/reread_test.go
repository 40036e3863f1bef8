package ingest

import (
	"path/filepath"
	"strings"
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
	// Three rules refuse it: the row read once already (its first piece
	// is held as a short row whose blank cells left no trace), or, where
	// the first piece was refused for its count, the count (formorder.go),
	// or, where the figure after the first piece is taken for the row's
	// first, the eight figures that make (piecefigure.go).
	if !unplacedBecause(r, "缴纳费用", "a piece of this row's label was printed at line") && !unplacedBecause(r, "缴纳费用", "was already read at line") &&
		!unplacedBecause(r, "缴纳费用", "printed between the pieces of its label") {
		t.Errorf("the row not unplaced with the reason: %+v", r.Unplaced)
	}
}

// The same row whose first piece prints eight figures (no short row: it is
// refused for its count): the seven after the second piece are refused by
// the count, with the line of the first piece.
func TestRowReadAgainAfterCountRefusedLong(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", "shuyang-fgj-2023.chromium-landscape.pdfminer.txt"))
	piece := strings.Index(text, "2.申请⼈逾期未按收费通知要求")
	zero := piece + strings.Index(text[piece:], "0")
	if piece < 0 || zero < piece {
		t.Fatal("the pdfminer text no longer prints the row's first piece and a figure after it")
	}
	text = text[:zero] + strings.Repeat("0\n\n", 7) + text[zero:]
	r, err := Parse("shuyang.pdfminer.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "requests.other_handling.no_fee", "natural_person") {
		t.Error("the row placed from the seven figures after its second piece")
	}
	if !unplacedBecause(r, "缴纳费用", "a piece of this row's label was printed at line") {
		t.Errorf("the second piece not unplaced with the reason: %+v", r.Unplaced)
	}
}
