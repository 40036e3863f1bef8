package legacy

import (
	"errors"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/source"
)

// readWrapped reads a legacy table from text: its figures by indicator, or
// the error.
func readWrapped(t *testing.T, text string) (map[string]float64, error) {
	t.Helper()
	var r gongkai.Report
	if _, _, err := Read(&r, catalog.MustLoad(), source.SplitLines(text)); err != nil {
		return nil, err
	}
	got := map[string]float64{}
	for _, o := range r.Observations {
		if o.Value != nil {
			got[o.Indicator] = *o.Value
		}
	}
	return got, nil
}

// A table whose label column Word wraps a few characters a line is read
// from its rows rebuilt whole: printed line by line (its cells on the
// label's first piece), cell by cell (each row's cells after its pieces,
// or beside a short label's first piece, the rest of that label after
// them: 涉及商 件 31 / 业秘密), PyMuPDF's cell a line and pdf2md's ## lines.
func TestWrappedTableRebuilt(t *testing.T) {
	const head = "附件：2018 年政府信息公开工作情况统计表\n"
	const foot = "单位负责人：刘伟   填表人：王军\n"
	for _, tc := range []struct {
		name, text string
		want       map[string]float64
	}{
		{"line by line", "统 计      单位    统计数\n指 标\n一、主\n动公开\n情况\n（一）      条     21\n主动公\n开政府\n信息数\n" +
			"其中：    条   18\n主动公\n开规范\n性文件\n数\n制发规    件   2\n范性文\n件总数\n九、区       6\n（市）\n政府公\n报发行\n量\n（一）   期   17\n公报发\n行期数\n",
			map[string]float64{"proactive.items": 21, "proactive.items.normative_documents": 18, "normative_documents.issued": 2, "gazette.circulation": 6, "gazette.issues": 17}},
		{"cell by cell", "统 计\n指 标\n单位 统计数\n一、主\n动公开\n情况\n（一）\n主动公\n开政府\n信息数\n条 21\n其中：\n主动公\n开规范\n性文件\n数\n条 18\n制发规\n范性文\n件总数\n件 2\n" +
			"4.不同\n意公开\n答复数\n件 102\n其中：\n涉及国\n家秘密\n件 5\n涉及商 件 31\n业秘密\n涉及个\n人隐私\n件 3\n九、区\n（市）\n政府公\n报发行\n量\n6\n（一）\n公报发\n行期数\n期 17\n",
			map[string]float64{"proactive.items": 21, "proactive.items.normative_documents": 18, "normative_documents.issued": 2, "requests.refused": 102,
				"requests.refused.state_secret": 5, "requests.refused.commercial_secret": 31, "requests.refused.privacy": 3, "gazette.circulation": 6, "gazette.issues": 17}},
		{"a cell a line", "统　计\n指　标\n单位\n统计数\n4.不同\n意公开\n答复数\n件\n102\n其中：\n涉及国\n家秘密\n件\n5\n涉及商\n件\n31\n业秘密\n涉及个\n人隐私\n件\n3\n",
			map[string]float64{"requests.refused": 102, "requests.refused.state_secret": 5, "requests.refused.commercial_secret": 31, "requests.refused.privacy": 3}},
		{"pdf2md", "## 统 计 \n\n## 指 标 \n\n## 单位 统计数 \n\n## 一、主 \n\n## 动公开 \n\n## 情况 \n\n## （一） \n\n## 主动公 \n\n## 开政府 \n\n## 信息数 \n\n## 条 21 \n\n## 制发规 \n\n## 范性文 \n\n## 件总数 \n\n## 件 2 \n\n",
			map[string]float64{"proactive.items": 21, "normative_documents.issued": 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readWrapped(t, head+tc.text+foot)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tc.want {
				if got[k] != v {
					t.Errorf("%s: %v, want %v", k, got[k], v)
				}
			}
			if len(got) != len(tc.want) {
				t.Errorf("read %v, want %v", got, tc.want)
			}
		})
	}
}

// A wrapped table is refused when its pieces do not show each row's
// figure for certain: columns beside 统计数 (a cumulative one, which would
// be taken for the annual), two figures a row, cells level with a label's
// middle line (on an unnumbered piece after a heading, line by line or
// cell by cell), a figure with no unit amid a label's pieces, or a short
// label whose end no part makes a label of the form.
func TestWrappedTableRefused(t *testing.T) {
	const head = "附件：2018 年政府信息公开工作情况统计表\n"
	const foot = "单位负责人：刘伟\n"
	for _, tc := range []struct{ name, text string }{
		{"cumulative column", "统 计      单位    本年度   累计\n指 标\n（一）      条     21   150\n主动公\n开政府\n信息数\n"},
		{"cumulative column a line", "统　计\n指　标\n单位\n历年累计\n本年度\n（一）\n主动公\n开政府\n信息数\n条\n150\n21\n其中：\n主动公\n开规范\n性文件\n数\n条\n40\n18\n"},
		{"unit wrapped", "统 计      单位    统计数\n指 标\n（三）   人   12\n接受培  次\n训人员\n数\n其中：    条   18\n主动公\n开规范\n性文件\n数\n"},
		{"unit wrapped, cell by cell", "统 计\n指 标\n单位 统计数\n（四）\n政府信\n息公开\n专项经\n费\n万 59.58\n元\n（三）\n接受培\n训人员\n数\n人次 12\n"},
		{"two figures", "统 计\n指 标\n单位 统计数\n（一）\n主动公\n开政府\n信息数\n条 21 150\n其中：\n主动公\n开规范\n性文件\n数\n条 18\n制发规\n范性文\n件总数\n件 2\n"},
		{"middle line", "统 计      单位    统计数\n指 标\n（一）\n主动公      条     21\n开政府\n信息数\n其中：    条   18\n主动公\n开规范\n性文件\n数\n"},
		{"middle line, cell by cell", "统 计\n指 标\n单位 统计数\n（一）\n主动公 条 21\n开政府\n信息数\n其中：\n主动公\n开规范\n性文件\n数\n条 18\n"},
		{"figure amid pieces", "统 计\n指 标\n单位 统计数\n（一）\n主动公\n开政府\n信息数\n（不同\n渠道计\n1\n条）\n条 21\n其中：\n主动公\n开规范\n性文件\n数\n条 18\n"},
		{"no label ends", "统 计\n指 标\n单位 统计数\n其中：\n涉及国\n家秘密\n件 5\n涉及商 件 31\n业秘\n密涉及\n个人隐私情况\n件 3\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readWrapped(t, head+tc.text+foot)
			var e *gongkai.Error
			if !errors.As(err, &e) || !strings.Contains(e.Message, "too narrow") {
				t.Fatalf("read %v, %v; want the table refused as wrapped", got, err)
			}
		})
	}
}

// Where a short label's pieces go on after its cells, they are parted from
// the next row's label only where one part makes labels of the form of
// both: two such parts are refused.
func TestWrappedEndAmbiguous(t *testing.T) {
	rows := []piece{{text: "甲", unit: "件", figure: "3"}}
	pending := []piece{{text: "乙"}, {text: "丙"}, {text: "丁"}}
	labels := map[string]bool{"甲乙": true, "丙丁": true, "甲乙丙": true, "丁": true}
	exact := func(s string) bool { return labels[s] }
	if k, ok := wrappedEnd(rows, 0, pending, true, exact); ok {
		t.Errorf("parted after %d pieces, want no part (甲乙 | 丙丁 and 甲乙丙 | 丁)", k)
	}
	delete(labels, "丁")
	if k, ok := wrappedEnd(rows, 0, pending, true, exact); !ok || k != 1 {
		t.Errorf("parted after %d pieces (%v), want 1 (甲乙 | 丙丁)", k, ok)
	}
	// A row whose label is worded otherwise than the form's stays as it
	// is when the pieces after it are a label of the form whole.
	labels = map[string]bool{"乙丙丁": true}
	if k, ok := wrappedEnd(rows, 0, pending, true, exact); !ok || k != 0 {
		t.Errorf("parted after %d pieces (%v), want 0 (甲 | 乙丙丁)", k, ok)
	}
	// -raw prints a long label's cells before its last piece (七、向 … 所报送
	// / 条 10 / 信息数 / （一） / 纸质文 / 件数): the unnumbered piece is the
	// row's, never a heading of its own.
	rows = []piece{{text: "七、向图书馆、档案馆等查阅场所报送", unit: "条", figure: "10"}}
	pending = []piece{{text: "信息数"}, {text: "（一）"}, {text: "纸质文"}, {text: "件数"}}
	exact = func(s string) bool {
		return s == "七、向图书馆、档案馆等查阅场所报送信息数" || s == "（一）纸质文件数"
	}
	if k, ok := wrappedEnd(rows, 0, pending, true, exact); !ok || k != 1 {
		t.Errorf("parted after %d pieces (%v), want 1 (… 所报送信息数 | （一）纸质文件数)", k, ok)
	}
}
