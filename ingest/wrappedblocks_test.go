package ingest

import "testing"

// pdf.js of a Chrome print prints table 4's header a line at a time, the
// name of its first block wrapped at the line's end: 行政 / 复议 行政诉讼.
// Joined into 行政复议 (form/wrappedblocks.go), the header names its three
// blocks and every figure is placed (185 of 200 before: ten columns read,
// and the fifteen figures unplaced). Pieces that join into no block's
// name (行政 / 复核) are left as printed, and the block is not read.
func TestWrappedBlockName(t *testing.T) {
	r := heldoutEdited(t, "ho1601-8.chromium.pdfjs.txt", 200, "\n⾏政\n复议 ⾏政诉讼\n", "\n⾏政\n复核 ⾏政诉讼\n")
	if hasFigure(r, "reconsiderations.total", "total") {
		t.Error("行政复议 placed under a header whose pieces name no such block")
	}
}
