package ingest

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// streamTable4 is table 4 as a text in reading order prints it, a cell a
// line: header then the fifteen figures, then the next section.
func streamTable4(header []string, figures string) string {
	return strings.Join(header, "\n") + "\n" + strings.ReplaceAll(figures, " ", "\n") + "\n五、存在的主要问题及改进情况\n"
}

// reviewsFigures is the figures of table 4 a parse placed, by indicator,
// derived sums aside; flagged counts those placed by the form's order.
func reviewsFigures(r *gongkai.Report) (got map[string]float64, flagged int) {
	got = map[string]float64{}
	for _, o := range r.Observations {
		if !strings.HasPrefix(o.Indicator, "reconsiderations.") && !strings.HasPrefix(o.Indicator, "lawsuits.") || hasFlag(o, gongkai.FlagDerived) {
			continue
		}
		if o.Value != nil {
			got[o.Indicator] = *o.Value
		}
		if hasFlag(o, gongkai.FlagPlacedByFormOrder) {
			flagged++
		}
	}
	return got, flagged
}

// A header of table 4 whose result names are one order printed again for
// each block is read as printed, even where a block's header leaves a
// name unread (尚未 / 审结 总 计, huaian's PyMuPDF text) and a block's 总计
// is printed as 0 where its results add to more (the header says where
// each figure goes; the form's order would refuse the block). A header
// printed in the order of its cells' tops (PyMuPDF's sorted blocks: the
// three 总计 first), or with a name unread in the first block only and
// whole in the others (pdf.js), is not read as printed: the form's order
// places each block that adds up, and one that does not is unplaced.
func TestReviewsHeaderOutOfOrder(t *testing.T) {
	blocks := []string{"行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"}
	results := []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}
	repeat := func(names []string, n int) []string {
		var out []string
		for range n {
			out = append(out, names...)
		}
		return out
	}
	byTops := append(append(append([]string{}, blocks...), "结果维持", "总计", "总计", "总计", "结果纠正", "其他结果", "尚未审结"),
		repeat(results[:4], 2)...)
	oneShort := append(append(append([]string{}, blocks[:2]...), "结果维持", "结果纠正", "其他结果", "尚未", "审结 总 计"),
		append(blocks[2:], repeat(results, 2)...)...)
	firstUnread := append(append(append([]string{}, blocks...), "结 果", "维持", "结 果", "纠正", "其 他 结", "果", "尚未审", "结", "总计"),
		repeat(results, 2)...)
	for _, tc := range []struct {
		name    string
		header  []string
		figures string
		want    map[string]float64
		byOrder int // figures flagged placed_by_form_order
		refused string
	}{
		{"one order, a name unread", oneShort, "10 1 0 0 0 0 0 0 0 0 5 0 0 0 0",
			map[string]float64{"reconsiderations.upheld": 10, "reconsiderations.corrected": 1, "reconsiderations.total": 0, "lawsuits.after_reconsideration.upheld": 5}, 0, ""},
		{"by the cells' tops, adding up", byTops, "2 1 3 1 7 0 0 0 0 0 13 2 4 0 19",
			map[string]float64{"reconsiderations.upheld": 2, "reconsiderations.corrected": 1, "reconsiderations.total": 7, "lawsuits.after_reconsideration.total": 19}, 15, ""},
		{"a name unread in the first block", firstUnread, "0 0 0 1 1 0 0 0 0 0 0 0 0 0 0",
			map[string]float64{"reconsiderations.other": 0, "reconsiderations.pending": 1, "reconsiderations.total": 1}, 15, ""},
		{"by the cells' tops, a block not adding up", byTops, "2 1 3 1 8 0 0 0 0 0 13 2 4 0 19",
			map[string]float64{"lawsuits.after_reconsideration.total": 19}, 10, "is not the sum of its results (7 ≠ 8)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseOCRTable4(t, streamTable4(tc.header, tc.figures), false)
			got, flagged := reviewsFigures(r)
			for ind, v := range tc.want {
				if g, ok := got[ind]; !ok || g != v {
					t.Errorf("%s = %v (read %v), want %v", ind, g, ok, v)
				}
			}
			if flagged != tc.byOrder {
				t.Errorf("%d figures placed by the form's order, want %d", flagged, tc.byOrder)
			}
			if tc.refused == "" {
				if len(got) != 15 {
					t.Errorf("%d figures of table 4 placed, want 15; unplaced %+v", len(got), r.Unplaced)
				}
				return
			}
			if _, ok := got["reconsiderations.total"]; ok {
				t.Errorf("行政复议 placed although its 总计 is not the sum of its results: %v", got)
			}
			if !unplacedBecause(r, "行政复议", tc.refused) {
				t.Errorf("行政复议 not unplaced with its sums: %+v", r.Unplaced)
			}
		})
	}
}

// narrativeReviews is a sentence of a report's overview that names table
// 4's blocks with their figures, wrapped as pingtan-2025's page prints it:
// its second line opens with the blocks' words, which the reader takes for
// a row of table 4.
const narrativeReviews = "全年办理因政府信息公开申请引\n发的行政复议36起，行政诉讼9起。\n"

// A report's overview that states its reviews and lawsuits
// (行政复议36起，行政诉讼9起) before the tables is no part of the tables in
// reading order: the form's order still places every figure of tables 3
// and 4 (narrativereviews.go). The same sentence after table 3 began is
// counted with the tables' figures, two too many for the form, and the
// order places nothing.
func TestReadingOrderNarrativeReviews(t *testing.T) {
	t.Run("before the tables", func(t *testing.T) {
		r := parseText(t, "plain.txt", readingOrderText(t, [2]string{"二、主动公开政府信息情况\n", narrativeReviews + "二、主动公开政府信息情况\n"}))
		checkCells(t, r, []cellCase{
			{indicator: "requests.received", breakdown: "natural_person", value: "1669", flags: []string{gongkai.FlagPlacedByFormOrder}},
			{indicator: "requests.answered", breakdown: "natural_person", value: "1665", flags: []string{gongkai.FlagPlacedByFormOrder}},
			{indicator: "reconsiderations.corrected", breakdown: "total", value: "36", flags: []string{gongkai.FlagPlacedByFormOrder}},
			{indicator: "lawsuits.after_reconsideration.total", breakdown: "total", value: "14", flags: []string{gongkai.FlagPlacedByFormOrder}},
		})
	})
	t.Run("after table 3 began", func(t *testing.T) {
		r := parseText(t, "plain.txt", readingOrderText(t, [2]string{"四、结转下年度继续办理\n", narrativeReviews + "四、结转下年度继续办理\n"}))
		if hasObs(r, "requests.received", "natural_person") {
			t.Errorf("table 3 placed by the form's order with two figures too many: %+v", obs(t, r, "requests.received", "natural_person"))
		}
		// Table 4's own fifteen, printed after its header, may still be
		// placed by its blocks' sums (plainreviews.go): only as printed.
		whole := parseText(t, "plain.txt", readingOrderText(t, [2]string{"二、主动公开政府信息情况\n", narrativeReviews + "二、主动公开政府信息情况\n"}))
		for _, o := range r.Observations {
			if !strings.HasPrefix(o.Indicator, "reconsiderations.") && !strings.HasPrefix(o.Indicator, "lawsuits.") {
				continue
			}
			if want := obs(t, whole, o.Indicator, o.Breakdown); *o.Value != *want.Value {
				t.Errorf("%s/%s = %v, want %v", o.Indicator, o.Breakdown, *o.Value, *want.Value)
			}
		}
	})
}
