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

// parseOCRTable4 parses a clean OCR reading of table 3 of the 2021 form
// followed by table4 as printed; with sign, a quote glued to a figure of
// table 3 shows OCR's signs.
func parseOCRTable4(t *testing.T, table4 string, sign bool) *gongkai.Report {
	t.Helper()
	rows := damagedTable3(t, 3, gongkai.Template2021)
	text := ocrCleanTable3(rows, func(i int, figures []string) []string {
		if i == 1 && sign {
			figures[0] = "“" + figures[0] // a sign of OCR
		}
		return figures
	}) + table4
	r, err := Parse("ocr.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

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
			r := parseOCRTable4(t, strings.Replace(ocrTable4, "%s", tc.printed, 1), tc.sign)
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
			r := parseOCRTable4(t, header+tc.printed+"\n五、存在的主要问题及改进情况\n", false)
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
			checkTable4Placed(t, r, n, tc.placed, "a block's 总计 is not the sum of its results")
		})
	}
}

// OCR runs a zero into the next cell's figure in table 4 (`2 09 0 1 00 1`
// for 2 0 9 0 1 0 0 1): no figure opens with 0, so each leading zero is a
// cell of its own, and the figures so cut are placed by the form's order
// when they are its fifteen and each block adds up (flag
// split_by_arithmetic on the cut ones). Runs that also need other cuts
// (2060), or a text with no sign of OCR, leave table 4 unplaced.
func TestOCRReviewsLeadingZeros(t *testing.T) {
	// The header as tesseract read form2019-a's cleaned page: the results'
	// names cut in two, 总计 on a line of its own.
	const header = "行政诉讼\n行政复议\n未经复议直接起诉      复议后起诉\n" +
		"结果 结果 其他 尚未 结果 结果 其他 尚未 结果 结果 其他 尚未\n\n" +
		"总计          总计          总计\n" +
		"维持 纠正 结果 审结 “维持 纠正 结果 审结 维持 纠正 结果 审结\n"
	for _, tc := range []struct {
		name    string
		printed string
		sign    bool
		placed  bool
	}{
		{"zeros run into figures", "4 3 2 09 0 1 00 1 0 122 0 3 125", true, true},
		{"a run needing other cuts", "0 3 00 3 020 0 2060 0 0 6 6", true, false},
		{"no sign of OCR", "4 3 2 09 0 1 00 1 0 122 0 3 125", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseOCRTable4(t, header+tc.printed+"\n五、存在的主要问题及改进情况\n", tc.sign)
			want := []float64{4, 3, 2, 0, 9, 0, 1, 0, 0, 1, 0, 122, 0, 3, 125}
			order := []string{"reconsiderations.upheld", "reconsiderations.corrected", "reconsiderations.other", "reconsiderations.pending", "reconsiderations.total",
				"lawsuits.direct.upheld", "lawsuits.direct.corrected", "lawsuits.direct.other", "lawsuits.direct.pending", "lawsuits.direct.total",
				"lawsuits.after_reconsideration.upheld", "lawsuits.after_reconsideration.corrected", "lawsuits.after_reconsideration.other", "lawsuits.after_reconsideration.pending", "lawsuits.after_reconsideration.total"}
			n := 0
			for i, ind := range order {
				for _, o := range byIndicatorOf(r, ind) {
					n++
					if o.Value == nil || *o.Value != want[i] {
						t.Errorf("%s = %s, want %v", ind, show(o.Value), want[i])
					}
					if cut := i == 3 || i == 4 || i == 7 || i == 8; cut != hasFlag(o, gongkai.FlagSplitByArithmetic) {
						t.Errorf("%s: flags %v, split_by_arithmetic %v wanted", ind, o.Flags, cut)
					}
				}
			}
			checkTable4Placed(t, r, n, tc.placed, "are not the form's 15")
		})
	}
}

// checkTable4Placed checks that all fifteen figures of table 4 were placed
// (n of them), or, unless placed, none, table 4 unplaced for reason.
func checkTable4Placed(t *testing.T, r *gongkai.Report, n int, placed bool, reason string) {
	t.Helper()
	switch {
	case placed && n != 15:
		t.Errorf("%d figures of table 4 placed, want 15; unplaced %+v", n, r.Unplaced)
	case !placed && n != 0:
		t.Errorf("%d figures of table 4 placed, want none", n)
	case !placed && !unplacedBecause(r, "行政复议、行政诉讼", reason):
		t.Errorf("table 4 not unplaced: %+v", r.Unplaced)
	}
}
