package ingest

import (
	"strings"
	"testing"
)

// pdfminer prints table 4's 未经复议直接起诉 a column a box, each column's
// header and figure together, the block's name in its 结果维持 box and
// 总计's figure in a box after its header's (form/reviewsboxes.go): the
// five figures are placed, 总计 the sum of the four. 复议后起诉, cut at the
// page's edge after its 结果维持, is not.
func TestPDFMinerReviewsBoxes(t *testing.T) {
	r := parseText(t, columnBoxesFile, fixtureWith(t, "heldout", columnBoxesFile))
	checkCells(t, r, []cellCase{
		{indicator: "lawsuits.direct.upheld", breakdown: "total", value: "18", column: "结果维持"},
		{indicator: "lawsuits.direct.corrected", breakdown: "total", value: "25", column: "结果纠正"},
		{indicator: "lawsuits.direct.other", breakdown: "total", value: "6", column: "其他结果"},
		{indicator: "lawsuits.direct.pending", breakdown: "total", value: "25", column: "尚未审结"},
		{indicator: "lawsuits.direct.total", breakdown: "total", value: "74", column: "总计"},
	})
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "lawsuits.") && !strings.HasPrefix(o.Indicator, "lawsuits.direct.") ||
			strings.HasPrefix(o.Indicator, "reconsiderations.") {
			t.Errorf("%s = %s placed", o.Indicator, o.Raw)
		}
	}
}

// The block is not read when its boxes break the shape: another block's
// name in a box after the first (plain pdftotext prints 复议后起诉 in the
// box of 未经复议直接起诉's 结果纠正), the columns out of the form's order,
// or a 总计 that is not the sum of the results.
func TestPDFMinerReviewsBoxesRefused(t *testing.T) {
	for name, edit := range map[string][2]string{
		"block named over a column": {"\n结果纠\n正\n25\n", "\n复议后\n起诉\n结果纠\n正\n25\n"},
		"columns out of order":      {"其他结\n果\n6\n\n尚未审\n结\n25\n", "尚未审\n结\n25\n\n其他结\n果\n6\n"},
		"total not the sum":         {"总计\n\n74\n", "总计\n\n75\n"},
	} {
		t.Run(name, func(t *testing.T) {
			r := parseText(t, columnBoxesFile, fixtureWith(t, "heldout", columnBoxesFile, edit))
			for _, o := range r.Observations {
				if strings.HasPrefix(o.Indicator, "lawsuits.") {
					t.Errorf("%s = %s placed", o.Indicator, o.Raw)
				}
			}
		})
	}
}
