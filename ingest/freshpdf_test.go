package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// The rules found on texts the reader was not made on
// (testdata/pdftext/synth*, scripts/pdftext-fresh.sh): each places what
// the form makes certain and refuses what it does not.

// hasFigure reports whether r places a figure of indicator and breakdown.
func hasFigure(r *gongkai.Report, indicator, breakdown string) bool {
	return slices.ContainsFunc(r.Observations, func(o gongkai.Observation) bool {
		return o.Indicator == indicator && o.Breakdown == breakdown && o.Value != nil
	})
}

// Chrome's text layer prints radicals for ideographs (⾏政规范性⽂件): read
// as the ideographs, the row is the form's; a radical that stands for no
// ideograph (⺅, a component) stays as printed.
func TestRadicalsReadAsIdeographs(t *testing.T) {
	for in, want := range map[string]string{
		"⾏政规范性⽂件":  "行政规范性文件",
		"⼈⺠政府⼯作":   "人民政府工作",
		"⻩洋 ⻓期":    "黄洋 长期",
		"⺅ 12 件":   "⺅ 12 件",
		"（⼀）收到申请数": "（一）收到申请数",
	} {
		if got := foldRadicals(in); got != want {
			t.Errorf("foldRadicals(%q) = %q, want %q", in, got, want)
		}
	}
	text := pdftextWith(t, "form2021-a.layout.txt", [2]string{"行政规范性文件", "⾏政规范性⽂件"})
	r := parseText(t, "layout.txt", text)
	checkCells(t, r, []cellCase{{indicator: "normative_documents.issued", breakdown: "total", value: "231"}})
	r = parseText(t, "pdfminer.txt", pdftextWith(t, "synth2021-chrome.pdfminer.txt"))
	if hasFigure(r, "other_documents.issued", "total") {
		t.Errorf("⾏政规范性⽂件 read as a row the form lacks")
	}
}

// A block of table 2 with no header takes the columns of the form whose
// count its figures fit, only when the report's tables do not tell the
// other form.
func TestColumnsByCountOfTheReportsForm(t *testing.T) {
	// 2021: 行政许可's one figure is 本年处理决定数量, the block's one column.
	r := parseText(t, "layout.txt", pdftextWith(t, "form2021-a.layout.txt", [2]string{"信息内容               本年处理决定数量", ""}))
	checkCells(t, r, []cellCase{{indicator: "licensing.decisions", breakdown: "total", value: "200"}})
	// 2019: the block has three columns; its one figure fits 2021's.
	r = parseText(t, "layout.txt", pdftextWith(t, "form2019-a.layout.txt",
		[2]string{"信息内容      上一年项目数量   本年增/减   处理决定数量", ""},
		[2]string{"行政许可         1264      -3         185", "行政许可         1264"}))
	if hasFigure(r, "licensing.decisions", "total") {
		t.Errorf("1264 placed under 本年处理决定数量 of the 2021 form")
	}
	if !unplacedBecause(r, "行政许可", "fits the columns of form2021") {
		t.Errorf("行政许可 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// Table 4's figures one a line under a header that names only its first
// result column (pdfminer: 结果维 / 持 / 尚未审 / 结 …) are placed by the
// form's order only when each block adds up.
func TestReviewsUnderCompletedHeader(t *testing.T) {
	const printed = "169\n\n23\n\n29\n\n19\n\n98\n"
	r := parseText(t, "pdfminer.txt", pdftextWith(t, "synth2021-word.pdfminer.txt", [2]string{printed, "98\n\n23\n\n29\n\n19\n\n169\n"}))
	checkCells(t, r, []cellCase{
		{indicator: "reconsiderations.upheld", breakdown: "total", value: "98"},
		{indicator: "reconsiderations.total", breakdown: "total", value: "169"},
	})
	r, err := Parse("pdfminer.txt", []byte(pdftextWith(t, "synth2021-word.pdfminer.txt")))
	if err == nil && hasFigure(r, "reconsiderations.upheld", "total") {
		t.Errorf("169 23 29 19 98 placed in the form's order: %+v", r.Observations)
	}
}

// A narrow label column wraps table 3's labels, each row's figures on the
// line of its first piece: where the pieces do not read as the form's
// labels (a stray piece no label takes: form/topaligned.go stands aside),
// a label joining pieces of two rows is unplaced; a heading's number
// inside a row's label (（五） level with the middle of its rows) is no
// row's.
func TestLabelOfTwoRows(t *testing.T) {
	r := parseText(t, "layout.txt", pdftextWith(t, "synth2019-word.layout.txt", [2]string{"年度办   予以公\n", "年度办   予以公\n备注\n"}))
	if hasFigure(r, "requests.disclosed", "natural_person") {
		t.Errorf("予以公开 placed from a label of two rows")
	}
	if !unplacedBecause(r, "", "joins pieces of two rows") {
		t.Errorf("no row unplaced for its label of two rows: %+v", r.Unplaced)
	}
	r = parseText(t, "layout.txt", pdftextWith(t, "form2021-tall.layout.txt"))
	checkCells(t, r, []cellCase{{indicator: "requests.not_processed.publications", breakdown: "total", value: "3"}})
}

// Figures printed before their block's first row's label (Chrome's PDF
// through plain pdftotext): a row's figures a line each before its label,
// or on its label's line after it (其他对外管理服务事项 20). When every row
// of the block prints every cell, the count places them (form/
// figuresbefore.go): the figures on a label's line are its row's first,
// the others fill the rows in turn, each row's standing together beside
// its label; a figure with a unit after the label (36.35万元) is the last.
// A block with a figure missing, or a row's figures counted across its
// label, stays unplaced. A figure before a label that prints none is still
// the row's (TestFigureBeforeItsLabel).
func TestFiguresBeforeTheirLabels(t *testing.T) {
	by := []string{gongkai.FlagPlacedByFormOrder}
	r := parseText(t, "plain.txt", pdftextWith(t, "synth2019-chrome.plain.txt"))
	checkCells(t, r, []cellCase{
		{indicator: "regulations.issued", breakdown: "total", value: "34", flags: by},
		{indicator: "regulations.published_total", breakdown: "total", value: "16", flags: by},
		{indicator: "normative_documents.issued", breakdown: "total", value: "15", flags: by},
		{indicator: "licensing.items_last_year", breakdown: "total", value: "2", flags: by},
		{indicator: "other_services.items_last_year", breakdown: "total", value: "20", flags: by},
		{indicator: "other_services.items_change", breakdown: "total", value: "2", flags: by},
		{indicator: "other_services.decisions", breakdown: "total", value: "1", flags: by},
		{indicator: "penalties.decisions", breakdown: "total", value: "51", flags: by},
		{indicator: "enforcement.items_last_year", breakdown: "total", value: "25", flags: by},
		{indicator: "procurement.projects", breakdown: "total", value: "15", flags: by},
		{indicator: "procurement.amount", breakdown: "total", value: "36.35", flags: by},
	})
	for _, tc := range []struct{ name, from, to, label string }{
		{"a figure missing", "+1\n33\n行政许可\n", "+1\n行政许可\n", "行政许可"},
		{"a figure too many", "12\n+2\n51\n行政处罚\n", "12\n+2\n51\n7\n行政处罚\n", "行政处罚"},
		{"a row's figures across its label", "34\n16\n16\n规章\n15\n", "34\n16\n规章\n16\n15\n", "规章"},
		{"a figure before a label on its line", "其他对外管理服务事项 20\n", "20 其他对外管理服务事项\n", "行政许可"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseText(t, "plain.txt", pdftextWith(t, "synth2019-chrome.plain.txt", [2]string{tc.from, tc.to}))
			row := map[string][]string{"行政许可": {"licensing", "other_services"}, "行政处罚": {"penalties", "enforcement"},
				"规章": {"regulations", "normative_documents"}}[tc.label]
			for _, o := range r.Observations {
				for _, p := range row {
					if strings.HasPrefix(o.Indicator, p+".") {
						t.Errorf("%s = %s placed from a block the count does not place", o.Indicator, o.Raw)
					}
				}
			}
			if !unplacedBecause(r, tc.label, "") {
				t.Errorf("%s not unplaced: %+v", tc.label, r.Unplaced)
			}
		})
	}
}

// The legacy table as pdfminer prints a page of it: the labels, then a
// unit and figure a line. The first figure is not the last label's; a
// unit wrapped one character a line (万 / 元, 人 / 次 before its figure) is
// read whole, and the column is placed by the form's order: （三）其他情形数
// is given its own figure, 15, not the first of the column after it (40).
func TestLegacyUnitsAfterLabels(t *testing.T) {
	r := parseText(t, "pdfminer.txt", pdftextWith(t, "synth2014-chrome.pdfminer.txt"))
	checkCells(t, r, []cellCase{
		{indicator: "lawsuits.other", breakdown: "total", value: "15", flags: []string{gongkai.FlagPlacedByFormOrder}},
		{indicator: "capacity.budget", breakdown: "total", value: "26.23"},
	})
	r = parseText(t, "pdfminer.txt", strings.Replace(pdftextWith(t, "synth2014-chrome.pdfminer.txt"), "万\n元\n", "元\n", 1))
	checkCells(t, r, []cellCase{{indicator: "capacity.budget", breakdown: "total", value: "0.002623"}})
}

// A label cut to the first characters of a form row's wording (行政规 of
// 行政规范性文件, wrapped three characters a line in a Word table printed
// by LibreOffice) is a piece of that row, not a row the report adds; a
// label the form has nowhere is still one.
func TestCutLabelIsNoAddedRow(t *testing.T) {
	r := parseText(t, "layout.txt", pdftextWith(t, "form2021-a.layout.txt", [2]string{"行政规范性文件", "行政规"}))
	if hasFigure(r, "other_documents.issued", "total") {
		t.Errorf("行政规 (行政规范性文件 cut) read as a row the report adds")
	}
	if !unplacedBecause(r, "行政规", "a piece of the wrapped label") {
		t.Errorf("行政规 not unplaced as a piece of 行政规范性文件: %+v", r.Unplaced)
	}
	r = parseText(t, "layout.txt", pdftextWith(t, "form2021-a.layout.txt", [2]string{"行政规范性文件", "地方标准"}))
	checkCells(t, r, []cellCase{{indicator: "other_documents.issued", breakdown: "total", value: "231"}})
}
