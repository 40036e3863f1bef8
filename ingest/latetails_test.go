package ingest

import "testing"

// PyMuPDF's sorted blocks of a Chrome print with Word's table markup print
// the last line of table 2's wrapped header cells after the block's other
// cells (上一年项目数 / 本年增/减 / 处理决定数量 / 量): read as a fourth
// column, 量 left three figures for four columns and every row of table 2
// unplaced (178 of 198). It completes exactly one cell into its column's
// wording, and is read as that cell's end (form/wrappedcolumn.go,
// joinLateTails). When it completes two (本年新制作数 and 本年新公开数,
// both cut short), which is not certain, and the block's rows stay
// unplaced.
func TestLateHeaderTail(t *testing.T) {
	r := heldoutEdited(t, "ho1601-6.chromium-word.pymupdf-blocks.txt", 198,
		"本年新制作数\n本年新公开数量 对外公开总数量\n量\n", "本年新制作数\n本年新公开数 对外公开总数量\n量\n")
	if hasFigure(r, "regulations.issued", "total") || hasFigure(r, "regulations.published", "total") {
		t.Error("规章 placed under a header whose last piece completes two cells")
	}
}
