package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// A scanned report whose tables OCR garbled past every header word of the
// form (勾稽关系 read 勾稿关系, 申请人情况 lost, 结果维持 split over two
// lines) still prints the section headings the 2019/2021 format fixes in
// large type (三、收到和处理政府信息公开申请情况, 四、政府信息公开行政复议、
// 行政诉讼情况), which the 2014 form's reports never used. Two of them tell
// the format as two header words do (words.csv, detect_form); what the
// tables hold is then read, or refused, by the form's own rules.

// ocrHeadingsReport is a report as tesseract --psm 6 reads a scan of it:
// the narrative clean, table 3's header noise, row 二 legible, the rest
// rules and garbage.
func ocrHeadingsReport(headings ...string) string {
	var b strings.Builder
	b.WriteString("某县人民政府\n2023 年政府信息公开工作年度报告\n\n一、总体情况\n全年受理政府信息公开申请 5 件。\n")
	b.WriteString("二、主动公开政府信息情况\n[IE\n[CT\n")
	if len(headings) > 0 {
		b.WriteString("三、" + headings[0] + "\n")
	}
	b.WriteString("《本列数据的勾稿关系为: 第一项加第二项之和， 等\n")
	b.WriteString("于第三项加第四项之和)                        自然人 |  社会  法人  et  总计\n")
	b.WriteString("企业| 机构 | 组织| 机构|\n")
	b.WriteString("二、-上年结转政府信息公开中请数量 | 2 | 1 | 0 | 0 | 0 | 0 | 3 |\n")
	b.WriteString("DT 010101010o0o0\nTOOOOOOG\nREIIIIIIIIIIIE\n")
	if len(headings) > 1 {
		b.WriteString("四、" + headings[1] + "\n")
	}
	b.WriteString("结果 上结果 | 其他| 尚未| ，、\n| 0109lololololololslolololo\n")
	b.WriteString("五、存在的主要问题及改进情况\n仍存在一定差距。\n六、其他需要报告的事项\n无。\n")
	return b.String()
}

func TestOCRSectionHeadingsTellTheFormat(t *testing.T) {
	r, err := Parse("scan.txt", []byte(ocrHeadingsReport("收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况")))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{"natural_person": 2, "commercial_enterprise": 1, "research_institution": 0,
		"public_interest_org": 0, "legal_service_org": 0, "other_org": 0, "total": 3}
	got := map[string]float64{}
	for _, o := range r.Observations {
		if o.Indicator != "requests.carried_over" || o.Value == nil {
			t.Errorf("placed %s/%s = %v: only row 二 is legible", o.Indicator, o.Breakdown, o.Value)
			continue
		}
		got[o.Breakdown] = *o.Value
	}
	for b, v := range want {
		if g, ok := got[b]; !ok || g != v {
			t.Errorf("requests.carried_over/%s = %v (placed %v), want %v", b, g, ok, v)
		}
	}
}

// One heading of the format is not enough: a 2014-form report may name
// 收到和处理 in a sentence, and a text that is no report at all may quote
// one heading. Nothing else of the form is legible, and the text is refused.
func TestOCRSectionHeadingsOneIsNotEnough(t *testing.T) {
	for _, headings := range [][]string{
		{"收到和处理政府信息公开申请情况"},
		{"依申请公开政府信息情况", "政府信息公开行政复议、行政诉讼情况"},
	} {
		_, err := Parse("scan.txt", []byte(ocrHeadingsReport(headings...)))
		if err == nil || !strings.Contains(err.Error(), "no statistics table of a national template found") {
			t.Errorf("headings %q: error %v, want the text refused as holding no form", headings, err)
		}
	}
}

// A report of the 2014 form keeps its form when its narrative names both
// headings: its table names the 2014 form's words, more of them than two.
func TestOCRSectionHeadingsLeaveTheLegacyForm(t *testing.T) {
	path := filepath.Join("..", "testdata", "legacy", "spaces.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	plain := mustParse(t, path)
	headed := "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n" + string(data)
	r, err := Parse("headed.txt", []byte(headed))
	if err != nil {
		t.Fatal(err)
	}
	if r.Template != gongkai.TemplateLegacy || r.Template != plain.Template {
		t.Errorf("template %q, want %q", r.Template, gongkai.TemplateLegacy)
	}
	if len(r.Observations) != len(plain.Observations) || len(r.Observations) == 0 {
		t.Errorf("%d figures, want the %d of the text without the headings", len(r.Observations), len(plain.Observations))
	}
}
