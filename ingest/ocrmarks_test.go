package ingest

import "testing"

// OCR of a cleaned page glues a speck or a rule's remnant to the end of a
// figure (`1 0 0 0 0 0 1I`, `0 0 0% 0 0 0 0`): the mark is dropped where
// the row's seven figures add up only with every mark taken for no digit,
// and they carry split_by_arithmetic (form/ocrmarks.go). Where a mark read
// as a digit adds up too (`34I … 34I`: 34 and 340–349 alike), or only a
// mark read as a digit adds up (`1I … 17`: a guess), the row is unplaced;
// the row after, whose label the mark would have opened, is read.
func TestOCRMarkGluedAfterFigure(t *testing.T) {
	for _, tc := range []struct {
		name    string
		figures []int
		printed string
		read    bool
	}{
		{"a letter glued to 总计", []int{1, 0, 0, 0, 0, 0, 1}, "1  0  0  0  0  0  1I", true},
		{"a letter and a percent sign", []int{1, 0, 0, 0, 0, 0, 1}, "1  0  0%  0  0  0  1I", true},
		{"a bracket glued to a column", []int{12, 3, 0, 0, 0, 0, 15}, "12]  3  0  0  0  0  15", true},
		{"a digit fits too", []int{34, 0, 0, 0, 0, 0, 34}, "34I  0  0  0  0  0  34I", false},
		{"only a digit fits", []int{17, 0, 0, 0, 0, 0, 17}, "1I  0  0  0  0  0  17", false},
		{"an eighth field before the seven", []int{1, 0, 0, 0, 0, 0, 1}, "]  1  0  0  0  0  0  1I", false},
	} {
		t.Run(tc.name, func(t *testing.T) { checkSecretsRowPrinted(t, tc.figures, tc.printed, tc.read) })
	}
}
