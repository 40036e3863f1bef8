package ingest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// huaian-hongze-2023.pdf's table 4 as pdftotext -layout prints it: each
// block's header cells at their own height, so the pieces of the fifteen
// result columns are scattered over five lines, the figures on a line of
// their own; the report prints two blocks' 总计 as 0 where their parts add
// to more, so the form's arithmetic cannot confirm their order. The header
// read by position (form/reviewsposition.go) can: its pieces stacked into
// columns by their overlap, line over line, are the form's fifteen in the
// form's order, one for each figure, and each block's name stands over
// its own columns. Each damage that leaves the columns uncertain leaves the
// blocks unplaced as before.
func TestReviewsHeaderByPosition(t *testing.T) {
	const (
		second = "                    总 计 结果 结果 其他       尚未     结果 结果 其他 尚未\n"
		names  = "                              未经复议直接起诉                  复议后起诉\n"
		fig    = "10    1      0   0    0   0    0   0   0    0   5   0     0   0   0\n"
	)
	for _, c := range []struct {
		name   string
		edits  [][2]string
		placed bool
	}{
		{"as printed", nil, true},
		// 总 and 计 moved apart: 总 stands under 尚未审结's column, 计 alone.
		{"a piece under another column", [][2]string{{second, strings.Replace(second, "      总 计 ", "    总   计 ", 1)}}, false},
		// 纠正 moved under 其他结果: that column reads 其他纠正, 结果 stands alone.
		{"a piece moved under another column", [][2]string{{"维持   纠正     结果", "维持          纠正 结果"}}, false},
		// The lawsuit blocks' names exchanged: each stands over the other's columns.
		{"a block name over another block", [][2]string{{names, "                              复议后起诉                  未经复议直接起诉\n"}}, false},
		// A figure fewer than the fifteen columns.
		{"fourteen figures", [][2]string{{fig, strings.Replace(fig, "10    1", "10     ", 1)}}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := readText(t, filepath.Join("..", "testdata", "real", "huaian-hongze-2023.pdftotext.txt"))
			for _, e := range c.edits {
				if !strings.Contains(text, e[0]) {
					t.Fatalf("the text does not print %q", e[0])
				}
				text = strings.Replace(text, e[0], e[1], 1)
			}
			r := parseText(t, "huaian.pdftotext.txt", text)
			// The two blocks whose 总计 the report prints as 0.
			want := map[string]float64{}
			for i, res := range []string{"upheld", "corrected", "other", "pending", "total"} {
				want["reconsiderations."+res] = []float64{10, 1, 0, 0, 0}[i]
				want["lawsuits.after_reconsideration."+res] = []float64{5, 0, 0, 0, 0}[i]
			}
			checkReviews(t, r, want, c.placed, false)
			if !c.placed && !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
				return u.Label == "行政复议" || strings.Contains(u.Reason, "table 4 does not show its columns")
			}) {
				t.Errorf("table 4 not unplaced with the reason: %v", r.Unplaced)
			}
		})
	}
}

// checkReviews checks the figures of table 4 in want, by indicator: each
// placed with its value when placed is true, none when it is false; each
// flagged placed_by_form_order exactly when byOrder is.
func checkReviews(t *testing.T, r *gongkai.Report, want map[string]float64, placed, byOrder bool) {
	t.Helper()
	for ind, v := range want {
		o, ok := observation(r, ind)
		switch {
		case ok && !placed:
			t.Errorf("%s = %s placed, though its column is not certain", ind, o.Raw)
		case !ok && placed:
			t.Errorf("%s not placed", ind)
		case ok && (o.Value == nil || *o.Value != v):
			t.Errorf("%s = %s, want %v", ind, o.Raw, v)
		case ok && slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) != byOrder:
			t.Errorf("%s flags %v, want %s %v", ind, o.Flags, gongkai.FlagPlacedByFormOrder, byOrder)
		}
	}
}

// observation is the figure of a report under indicator, breakdown total.
func observation(r *gongkai.Report, indicator string) (gongkai.Observation, bool) {
	for _, o := range r.Observations {
		if o.Indicator == indicator && o.Breakdown == gongkai.BreakdownTotal && !slices.Contains(o.Flags, gongkai.FlagDerived) {
			return o, true
		}
	}
	return gongkai.Observation{}, false
}

// A block of table 2 whose header pdftotext -layout prints over three
// lines, 信息内容 on the middle one (上一年项目 处理决定数 / 信息内容 本年增/减
// / 数量 量), is read by the place of its pieces (form/stackheader.go):
// 行政许可 189 -3 0 under 上一年项目数量, 本年增/减, 处理决定数量. When the
// pieces no longer stack into the block's columns (数量 moved under
// 本年增/减), the header is read in printed order, which names five cells
// for three figures: the rows are unplaced, never placed under a wrong column.
func TestProactiveHeaderByPosition(t *testing.T) {
	const name = "form2019-vertical.layout.txt"
	moved := [2]string{"              数量              量\n\n\n   行政许可", "                      数量      量\n\n\n   行政许可"}
	for _, c := range []struct {
		name   string
		edits  [][2]string
		placed bool
	}{
		{"as printed", nil, true},
		{"数量 under 本年增/减", [][2]string{moved}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := parseText(t, name, pdftextWith(t, name, c.edits...))
			want := map[string]float64{"licensing.items_last_year": 189, "licensing.items_change": -3, "licensing.decisions": 0}
			for ind, v := range want {
				o, ok := observation(r, ind)
				switch {
				case ok != c.placed:
					t.Errorf("%s placed: %v, want %v", ind, ok, c.placed)
				case ok && (o.Value == nil || *o.Value != v):
					t.Errorf("%s = %s, want %v", ind, o.Raw, v)
				}
			}
			if !c.placed && !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool { return u.Label == "行政许可" }) {
				t.Errorf("行政许可 not unplaced: %v", r.Unplaced)
			}
		})
	}
}

// In the 2021 layout （六）其他处理 is a heading over three rows. A piece of
// it wrapped in its merged cell (他处理) printed beside the figures of the
// row under it whose label wraps around them is no row: the figures are
// never taken for the heading's (form/row.go). They are the row's whose
// label, cut, was read just before with no figure (form/headingpiece.go).
func TestHeadingPieceBesideRowFigures(t *testing.T) {
	const name = "form2021-wrap3.layout.txt"
	r := parseText(t, name, pdftextWith(t, name))
	for _, o := range r.Observations {
		if o.Indicator == "requests.other_handling" {
			t.Errorf("%s|%s = %s placed", o.Indicator, o.Breakdown, o.Raw)
		}
	}
	checkCells(t, r, []cellCase{
		{indicator: "requests.other_handling.no_fee", breakdown: "natural_person", value: "19", raw: "19"},
		{indicator: "requests.other_handling.no_fee", breakdown: "total", value: "19", raw: "19"},
	})
}
