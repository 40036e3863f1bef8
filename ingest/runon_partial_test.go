package ingest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// A web page's text with its cells run together (html-to-text) breaks
// table 3's header at the page's <br>s: 总计商业 / 企业科研 / 机构社会 / …,
// so that the header is read with three of its seven columns. The national
// form fixes the seven and their order; a row's run of figures is cut under
// them only when exactly one cut satisfies the row's identity (总计 = the six
// applicant columns), or the column sums of the whole table (I1, I3) single
// one out, and its figures are flagged placed_by_form_order.

// brokenHeader is the header of table 3 as html-to-text prints a page whose
// header cells hold paragraphs: the cells run together, a blank line
// inside each. (Single line breaks, as <br>s or the markup's own lines
// print, are spaces on the page, and the run is joined across them:
// joinRunOnPage.)
const brokenHeader = "申请人情况自然人法人或其他组织总计商业\n\n企业科研\n\n机构社会\n\n公益\n\n组织法律\n\n服务\n\n机构其他"

// wholeHeader is the header of table 3 as runTogether prints it.
const wholeHeader = "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益 组织 法律服务 机构 其他"

// partialHeaderPage is runTogether's page of rows with header printed in
// place of table 3's whole header.
func partialHeaderPage(t *testing.T, template string, rows []damagedRow, header string) *gongkai.Report {
	t.Helper()
	text := strings.Replace(runTogether(template, rows, make([]int, 15)), wholeHeader, header, 1)
	r, err := Parse("html-to-text.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRunsUnderPartialHeaderByFormOrder: every row of table 3 of both
// forms, over several sets of figures, is read under the form's columns,
// each figure right and flagged placed_by_form_order.
func TestRunsUnderPartialHeaderByFormOrder(t *testing.T) {
	for _, template := range []string{gongkai.Template2019, gongkai.Template2021} {
		for seed := 3; seed < 8; seed++ {
			rows := damagedTable3(t, seed, template)
			r := partialHeaderPage(t, template, rows, brokenHeader)
			found := checkTable3(t, r, rows, gongkai.FlagPlacedByFormOrder)
			if want := 7 * printedRows(rows); found != want {
				t.Errorf("%s seed %d: %d figures of table 3 found, want %d", template, seed, found, want)
			}
		}
	}
}

// TestPartialHeaderRunsRefused makes each refusal under a header read in
// part happen (two cuts that fit: TestColumnSumsRefuseSeveralChoices): a
// run no cut fits (its 总计 is not the sum of any six), and a header whose
// columns are printed out of the form's order (总计 first), whose table
// may be a local one with the lost columns in any order.
func TestPartialHeaderRunsRefused(t *testing.T) {
	rows := damagedTable3(t, 4, gongkai.Template2021)
	for i := range rows {
		if rows[i].indicator == "requests.disclosed" {
			rows[i].figures = []int{1, 2, 3, 4, 5, 6, 7}
		}
	}
	r := partialHeaderPage(t, gongkai.Template2021, rows, brokenHeader)
	if hasObs(r, "requests.disclosed", "total") {
		t.Error("予以公开 1234567 placed, though no cut adds up")
	}
	if !unplacedBecause(r, "予以公开", "no split of the digits satisfies the form's arithmetic") {
		t.Errorf("予以公开 not unplaced with the reason: %+v", r.Unplaced)
	}

	rows = damagedTable3(t, 5, gongkai.Template2021)
	r = partialHeaderPage(t, gongkai.Template2021, rows, strings.Replace(brokenHeader, "自然人法人或其他组织总计", "总计自然人法人或其他组织", 1))
	if hasObs(r, "requests.received", "natural_person") {
		t.Error("a run cut by the form's order under a header that prints 总计 first")
	}
	if !unplacedBecause(r, "本年新收", "not in the form's order") {
		t.Errorf("本年新收 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// TestRunsUnderPartialHeaderOfAConvertedPage: html-to-text's text of a
// page whose tables have merged cells breaks their headers' cells at <br>
// (商业 / 企业, 结果 / 维持): the breaks inside labels are taken out, the
// headers read whole, and the runs under them cut by their identities:
// 予以公开00948010949 is 0|0|948|0|1|0|949, the one cut the column sums
// leave, and table 4's fifteen figures glued to 审结总计 are read.
func TestRunsUnderPartialHeaderOfAConvertedPage(t *testing.T) {
	r := parseFile(t, filepath.Join("..", "testdata", "convert", "form2021-a.html-to-text.txt"))
	checkCells(t, r, []cellCase{
		{indicator: "requests.disclosed", breakdown: "research_institution", value: "948", flags: []string{gongkai.FlagSplitByArithmetic}},
		{indicator: "requests.disclosed", breakdown: "legal_service_org", value: "1"},
		{indicator: "requests.disclosed", breakdown: "total", value: "949"},
		{indicator: "requests.refused.prohibited_by_law", breakdown: "natural_person", value: "4"},
		{indicator: "lawsuits.after_reconsideration.total", breakdown: "total", value: "6", flags: []string{gongkai.FlagSplitByArithmetic}},
	})
}

// brokenTable4 is table 4 as html-to-text prints a page whose header cells
// hold <br>: the cells run together, a line break inside each name.
func brokenTable4(figures []int) string {
	return "四、政府信息公开行政复议、行政诉讼情况\n\n行政复议行政诉讼未经复议直接起诉复议后起诉结果\n" +
		strings.Repeat("维持结果\n纠正其他\n结果尚未\n审结总计结果\n", 2) + "维持结果\n纠正其他\n结果尚未\n审结总计" +
		joinFigures(figures, "") + "\n\n五、存在的主要问题及改进情况\n无。\n"
}

// TestHeaderBrokenInsideCells: table 4's header broken inside its cells
// (结果 / 维持), or its cells parted by single spaces and the figures after
// one more, is joined back and its fifteen figures read, each block's run
// cut by its 总计; a header whose lines hold a word that is no label
// of the form (纠正共他) is left as printed, and no figure of table 4 is
// placed.
func TestHeaderBrokenInsideCells(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	figures := []int{4, 3, 2, 0, 9, 0, 1, 0, 0, 1, 0, 122, 0, 3, 125}
	page := func(table4 string) *gongkai.Report {
		t.Helper()
		text := runTogether(gongkai.Template2021, rows, nil)
		text = text[:strings.Index(text, "四、政府信息公开")] + "\n" + table4
		r, err := Parse("html-to-text.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	spaced := "四、政府信息公开行政复议、行政诉讼情况\n\n行政复议行政诉讼 结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉 " +
		strings.Repeat("结果维持结果纠正其他结果尚未审结总计", 2) + " " + joinFigures(figures, "") + "\n\n五、存在的主要问题及改进情况\n无。\n"
	for _, table4 := range []string{brokenTable4(figures), spaced} {
		r := page(table4)
		for i, ind := range []string{"reconsiderations.upheld", "reconsiderations.total", "lawsuits.direct.corrected", "lawsuits.after_reconsideration.corrected", "lawsuits.after_reconsideration.total"} {
			want := []float64{4, 9, 1, 122, 125}[i]
			if o := obs(t, r, ind, "total"); *o.Value != want {
				t.Errorf("%s = %v, want %v", ind, *o.Value, want)
			}
		}
	}
	r := page(strings.Replace(brokenTable4(figures), "纠正其他", "纠正共他", 1))
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "reconsiderations.") || strings.HasPrefix(o.Indicator, "lawsuits.") {
			t.Errorf("%s = %v placed under a header with a word no label of the form", o.Indicator, *o.Value)
		}
	}
}

// TestTable4BlocksInPart: a header of table 4 that lost a block's name
// (行政复议 glued to the text before it) still heads the form's three
// blocks; a run of fifteen figures is cut under them, each block's 总计
// the sum of its results, flag placed_by_form_order. A run two cuts fit
// (036334204004640414) keeps only the cells both fill alike; blocks
// printed out of the form's order leave it unplaced with the reason.
func TestTable4BlocksInPart(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	page := func(figures string, swap bool) *gongkai.Report {
		t.Helper()
		text := runTogether(gongkai.Template2021, rows, make([]int, 15))
		text = strings.Replace(text, "情况行政复议行政诉讼结果维持", "情况行政诉讼结果维持", 1)
		if swap {
			text = strings.Replace(text, "未经复议直接起诉复议后起诉", "复议后起诉未经复议直接起诉", 1)
		}
		text = strings.Replace(text, strings.Repeat("0", 15)+"五、", figures+"五、", 1)
		r, err := Parse("run-together.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r := page("4320901001012203125", false)
	checkCells(t, r, []cellCase{
		{indicator: "reconsiderations.upheld", breakdown: "total", value: "4", flags: []string{gongkai.FlagPlacedByFormOrder, gongkai.FlagSplitByArithmetic}},
		{indicator: "reconsiderations.total", breakdown: "total", value: "9", flags: []string{gongkai.FlagPlacedByFormOrder}},
		{indicator: "lawsuits.direct.corrected", breakdown: "total", value: "1", flags: []string{gongkai.FlagPlacedByFormOrder}},
		{indicator: "lawsuits.after_reconsideration.corrected", breakdown: "total", value: "122", flags: []string{gongkai.FlagPlacedByFormOrder}},
		{indicator: "lawsuits.after_reconsideration.total", breakdown: "total", value: "125", flags: []string{gongkai.FlagPlacedByFormOrder}},
	})
	// Two cuts fit 036334204004640414: 0|3|6|33|42 and 0|36|3|3|42, the
	// other blocks alike (0|4|0|0|4, 6|4|0|4|14). The cells both fill
	// alike are placed (form/reviewsagreed.go); 行政复议's 结果纠正, 其他结果
	// and 尚未审结 are not.
	r = page("036334204004640414", false)
	for _, ind := range []string{"reconsiderations.corrected", "reconsiderations.other", "reconsiderations.pending"} {
		if hasObs(r, ind, "total") {
			t.Errorf("%s placed though the two cuts differ there", ind)
		}
	}
	checkCells(t, r, []cellCase{
		{indicator: "reconsiderations.upheld", breakdown: "total", value: "0", flags: []string{gongkai.FlagPlacedByFormOrder}},
		{indicator: "reconsiderations.total", breakdown: "total", value: "42", flags: []string{gongkai.FlagPlacedByFormOrder}},
		{indicator: "lawsuits.direct.total", breakdown: "total", value: "4", flags: []string{gongkai.FlagPlacedByFormOrder}},
		{indicator: "lawsuits.after_reconsideration.total", breakdown: "total", value: "14", flags: []string{gongkai.FlagPlacedByFormOrder}},
	})
	if !unplacedBecause(r, "行政复议", "2 splits make each block's 总计 the sum of its results, and they differ under 行政复议 结果纠正, 行政复议 其他结果, 行政复议 尚未审结") {
		t.Errorf("not unplaced for the two cuts: %+v", r.Unplaced)
	}
	r = page("4320901001012203125", true)
	if hasObs(r, "reconsiderations.upheld", "total") || hasObs(r, "lawsuits.direct.total", "total") {
		t.Error("table 4 placed by the form's order under blocks printed out of it")
	}
	if !unplacedBecause(r, "行政复议", "not in the form's order") {
		t.Errorf("not unplaced for the blocks' order: %+v", r.Unplaced)
	}
}
