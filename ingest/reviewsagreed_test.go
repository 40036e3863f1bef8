package ingest

import (
	"testing"

	"github.com/gongkai/gongkai"
)

// Table 4 run together on a web page's text (held-out seed 1415,
// 000009-form2021-html.web.textcontent.txt): 5962852145301184535104120
// fits two cuts by each block's 总计, 59|6|28|52|145 30|1|18|4|53
// 5|10|4|1|20 and 30|11|8|4|53 for the second block. The cells both give
// alike are placed; 未经复议直接起诉's 结果纠正 and 其他结果, where they
// differ, are unplaced with the reason (form/reviewsagreed.go).
func TestReviewsRunAgreedCells(t *testing.T) {
	rows := damagedTable3(t, 1, gongkai.Template2021)
	text := runTogether(gongkai.Template2021, rows, []int{59, 6, 28, 52, 145, 30, 1, 18, 4, 53, 5, 10, 4, 1, 20})
	r, err := Parse("run-together.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for ind, want := range map[string]float64{
		"reconsiderations.upheld": 59, "reconsiderations.corrected": 6, "reconsiderations.other": 28, "reconsiderations.pending": 52, "reconsiderations.total": 145,
		"lawsuits.direct.upheld": 30, "lawsuits.direct.pending": 4, "lawsuits.direct.total": 53,
		"lawsuits.after_reconsideration.upheld": 5, "lawsuits.after_reconsideration.corrected": 10, "lawsuits.after_reconsideration.other": 4,
		"lawsuits.after_reconsideration.pending": 1, "lawsuits.after_reconsideration.total": 20,
	} {
		if o := obs(t, r, ind, "total"); *o.Value != want {
			t.Errorf("%s = %v, want %v", ind, *o.Value, want)
		}
	}
	for _, ind := range []string{"lawsuits.direct.corrected", "lawsuits.direct.other"} {
		if hasObs(r, ind, "total") {
			t.Errorf("%s placed, though the two cuts differ there", ind)
		}
	}
	if !unplacedBecause(r, "行政复议、行政诉讼", "2 splits make each block's 总计 the sum of its results, and they differ under 未经复议直接起诉 结果纠正, 未经复议直接起诉 其他结果") {
		t.Errorf("table 4 not unplaced in part with the reason: %+v", r.Unplaced)
	}
}
