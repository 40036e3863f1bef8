package ingest

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// ocrTable4 is table 4 as OCR reads a cleaned page of it: the blocks'
// header, the results' header, and the fifteen figures on a line.
const ocrTable4 = "行政复议            行政诉讼\n" +
	"未经复议直接起诉      复议后起诉\n" +
	"结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n" +
	"%s\n" +
	"五、存在的主要问题及改进情况\n"

// In a text that shows OCR's signs, a block of table 4 whose 总计 is not
// the sum of its four results holds a figure misread (`3 3 0 0 0` for 3 3
// 0 0 6): the block is unplaced, the blocks that add up are read. A text
// with no sign keeps the block as printed (reports print such blocks).
func TestOCRReviewsBlockNotAddingUp(t *testing.T) {
	for _, tc := range []struct {
		name    string
		printed string
		sign    bool
		want    map[string]float64
	}{
		{"adding up", "25 3 8 0 36 3 3 0 0 6 3 0 0 0 3", true, map[string]float64{
			"reconsiderations.total": 36, "lawsuits.direct.total": 6, "lawsuits.direct.corrected": 3, "lawsuits.after_reconsideration.total": 3}},
		{"a 6 read as 0", "25 3 8 0 36 3 3 0 0 0 3 0 0 0 3", true, map[string]float64{
			"reconsiderations.total": 36, "lawsuits.after_reconsideration.total": 3}},
		{"no sign of OCR", "25 3 8 0 36 3 3 0 0 0 3 0 0 0 3", false, map[string]float64{
			"reconsiderations.total": 36, "lawsuits.direct.total": 0, "lawsuits.direct.corrected": 3}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			text := ocrCleanTable3(rows, func(i int, figures []string) []string {
				if i == 1 && tc.sign {
					figures[0] = "“" + figures[0] // a sign of OCR
				}
				return figures
			}) + strings.Replace(ocrTable4, "%s", tc.printed, 1)
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]float64{}
			direct := 0
			for _, o := range r.Observations {
				if o.Value != nil && !hasFlag(o, gongkai.FlagDerived) {
					got[o.Indicator] = *o.Value
				}
				if strings.HasPrefix(o.Indicator, "lawsuits.direct.") {
					direct++
				}
			}
			for ind, v := range tc.want {
				if g, ok := got[ind]; !ok || g != v {
					t.Errorf("%s = %v (read %v), want %v", ind, g, ok, v)
				}
			}
			if _, ok := tc.want["lawsuits.direct.total"]; !ok {
				if direct > 0 {
					t.Errorf("%d figures of 未经复议直接起诉 placed, want none", direct)
				}
				if !unplacedBecause(r, "未经复议直接起诉", "is not the sum of the block's results") {
					t.Errorf("block not unplaced: %+v", r.Unplaced)
				}
			}
		})
	}
}

// A header of table 4 that names two blocks (复议后起诉 lost in OCR's
// noise) over the form's fifteen figures does not say where they go: the
// form's order places them, each block adding up, flagged
// placed_by_form_order; a block that does not add up leaves them all
// unplaced, as when the header shows no column.
func TestOCRReviewsHeaderMiscounted(t *testing.T) {
	const header = "行政复议          行政诉讼\n" +
		"结 结 其 尚， 总， 未经复议直接起诉\n" +
		"结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n"
	for _, tc := range []struct {
		name    string
		printed string
		placed  bool
	}{
		{"adding up", "0      0      0       1       1      0       0       0       0       0       2       0       0       0       2", true},
		{"a block not adding up", "0      0      0       1       1      0       0       0       0       0       2       0       0       0       0", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows := damagedTable3(t, 3, gongkai.Template2021)
			text := ocrCleanTable3(rows, nil) + header + tc.printed + "\n五、存在的主要问题及改进情况\n"
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]float64{"reconsiderations.pending": 1, "reconsiderations.total": 1, "lawsuits.direct.total": 0,
				"lawsuits.after_reconsideration.upheld": 2, "lawsuits.after_reconsideration.total": 2}
			n := 0
			for _, o := range r.Observations {
				if !strings.HasPrefix(o.Indicator, "reconsiderations.") && !strings.HasPrefix(o.Indicator, "lawsuits.") || hasFlag(o, gongkai.FlagDerived) {
					continue
				}
				n++
				if v, ok := want[o.Indicator]; ok && (o.Value == nil || *o.Value != v) {
					t.Errorf("%s = %s, want %v", o.Indicator, show(o.Value), v)
				}
				if !hasFlag(o, gongkai.FlagPlacedByFormOrder) {
					t.Errorf("%s: flags %v, want placed_by_form_order", o.Indicator, o.Flags)
				}
			}
			switch {
			case tc.placed && n != 15:
				t.Errorf("%d figures of table 4 placed, want 15; unplaced %+v", n, r.Unplaced)
			case !tc.placed && n != 0:
				t.Errorf("%d figures of table 4 placed, want none", n)
			case !tc.placed && !unplacedBecause(r, "行政复议、行政诉讼", "a block's 总计 is not the sum of its results"):
				t.Errorf("table 4 not unplaced: %+v", r.Unplaced)
			}
		})
	}
}
