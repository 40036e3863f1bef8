package ingest

import "testing"

// Table 4's last blocks printed as name, figure, name, figure, the names
// out of the form's order: the form's order adds up but puts 73 under
// 结果维持 where the name printed before it says 结果纠正. The first block,
// printed as a run after the whole header, is placed; the blocks from the
// first figure under another column than its name are unplaced.
func TestReviewsNamedFigures(t *testing.T) {
	rowUnplacedInHeldout(t, "hz1515-11.chromium-word.pdfminer.txt", 181, "lawsuits.after_reconsideration.upheld",
		"is printed after 结果维持, a column the form's order does not put it under",
		[]string{"73", "0", "0", "0", "73"})
	rowUnplacedInHeldout(t, "hz1515-11.chromium-word.pdfminer.txt", 181, "lawsuits.direct.total",
		"table 4's header names are printed among its figures", []string{"0", "0", "0", "0", "0"})
}
