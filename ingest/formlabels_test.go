package ingest

import (
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai"
)

// A figure placed under a row of the form whose label came out of the text
// broken takes the form's wording, numbered, and the flag label_from_form;
// a label that reads as its row, in any of the catalogue's wordings, is
// kept as printed.

func TestLabelFromForm(t *testing.T) {
	// pdftotext -layout prints the row's number after its words, on the
	// line of its figures: 危及“三安全一稳定” / 3.  0 0 0 ….
	text := chromiumText(t, "pingtan-2025", "危及“三安全一稳定”\n             3.")
	r, err := Parse("pingtan-2025.chromium.layout.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, r, []cellCase{
		{indicator: "requests.refused.security_stability", breakdown: "total", value: "0", flags: []string{gongkai.FlagLabelFromForm}},
		{indicator: "requests.not_processed.petition", breakdown: "natural_person", value: "2", flags: []string{gongkai.FlagLabelFromForm}},
		{indicator: "requests.received", breakdown: "total", value: "154", without: []string{gongkai.FlagLabelFromForm}},
	})
	for indicator, want := range map[string]string{
		"requests.refused.security_stability": "3.危及“三安全一稳定”",
		"requests.not_processed.petition":     "1.信访举报投诉类申请",
		"requests.received":                   "一、本年新收政府信息公开申请数量",
	} {
		if got := obs(t, r, indicator, "total").Label; got != want {
			t.Errorf("%s: label %q, want %q", indicator, got, want)
		}
	}
}

func TestLabelAsPrintedKept(t *testing.T) {
	// 规范性文件 is 2019's wording of 2021's 行政规范性文件: it reads as
	// the row, and is kept as printed.
	r, err := Parse("shuyang-fgj-2023.html", []byte(readText(t, filepath.Join("..", "testdata", "real", "shuyang-fgj-2023.html"))))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.Observations {
		if hasFlag(o, gongkai.FlagLabelFromForm) {
			t.Errorf("%s [%s]: label %q taken from the form in a page that prints every label whole", o.Indicator, o.Breakdown, o.Label)
		}
	}
	if got := obs(t, r, "normative_documents.issued", "total").Label; got != "规范性文件" {
		t.Errorf("label %q, want 规范性文件 as printed", got)
	}
}

func TestColumnFromForm(t *testing.T) {
	// A header cell cut short (商业企 for 商业企业) that the reader still
	// took for its column: the figures under it bear the form's wording.
	text := "三、收到和处理政府信息公开申请情况\n\n" +
		"| 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 | 自然人 | 商业企 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n" +
		"|---|---|---|---|---|---|---|---|\n" +
		"| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |\n" +
		"| （一）予以公开 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |\n"
	r, err := Parse("table3.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, r, []cellCase{
		{indicator: "requests.received", breakdown: "commercial_enterprise", value: "1", column: "商业企业", flags: []string{gongkai.FlagLabelFromForm}},
		{indicator: "requests.received", breakdown: "natural_person", value: "5", column: "自然人", without: []string{gongkai.FlagLabelFromForm}},
	})
	if got := obs(t, r, "requests.received", "commercial_enterprise").Label; got != "一、本年新收政府信息公开申请数量" {
		t.Errorf("label %q, want the row's as printed", got)
	}
}
