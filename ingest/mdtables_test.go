package ingest

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/source"
)

// TestMendMarkdownTables: a row's label ending one Markdown table and its
// figures opening the next are joined only when nothing else can be meant,
// and generic column names (数据1, Column1) are read as an empty header.
// Each case that must not be joined is left as printed.
func TestMendMarkdownTables(t *testing.T) {
	cat := catalog.MustLoad()
	const (
		label   = "| 三、本年度办理结果 | （一）予以公开 |  |  |  |"
		figures = "|  |  | 3 | 0 | 3 |"
		pageEnd = "\n— 2 —\n\n## 表：收到和处理政府信息公开申请情况\n\n"
		rule    = "\n|---|---|---|---|---|"
	)
	for _, tc := range []struct {
		name, text string
		want       string // the lines after mending, "" when left as printed
	}{
		{"joined across a page break", label + pageEnd + figures + rule,
			"| 三、本年度办理结果 | （一）予以公开 |\n" + figures},
		{"joined across blank lines", label + "\n\n" + figures + rule,
			"| 三、本年度办理结果 | （一）予以公开 |\n" + figures},
		{"a heading of the form prints no figure", "| 三、本年度办理结果 |  |  |  |  |" + pageEnd + figures + rule, ""},
		{"a section of the report between", label + "\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n" + figures + rule, ""},
		{"a sentence between", label + "\n\n本年度无行政复议。\n\n" + figures + rule, ""},
		{"one table: no break", label + "\n" + figures, ""},
		{"cells of another count", label + pageEnd + "|  |  | 3 | 0 | 3 | 1 |" + rule, ""},
		{"the figure row prints a label", label + pageEnd + "| 合计 |  | 3 | 0 | 3 |" + rule, ""},
		{"a figure under the label row's label", label + pageEnd + "|  | 7 | 3 | 0 | 3 |" + rule, ""},
		{"the label row prints a figure", "| 三、本年度办理结果 | （一）予以公开 | 3 |  |  |" + pageEnd + "|  |  |  | 0 | 3 |" + rule, ""},
		{"generic header", "| 数据1 | 数据2 | Column3 |  |\n|---|---|---|---|", "|  |  |  |  |\n|---|---|---|---|"},
		{"a header naming a column", "| 数据1 | 自然人 | Column3 |\n|---|---|---|", "|  | 自然人 |  |\n|---|---|---|"},
		{"a block heading and generic names", "| 第二十条第（一）项 | Col2 | Col3 |\n|---|---|---|", "| 第二十条第（一）项 |  |  |\n|---|---|---|"},
		{"generic names in a row that heads no table", "| 数据1 | 自然人 | Column3 |\n| 3 | 4 | 5 |", ""},
		{"line breaks kept in cells", "| （二）部分公开<br>（区分处理的） | 5<br/> |", "| （二）部分公开（区分处理的） | 5 |"},
		{"spaces between Han characters", "| 三 、本 年 度办 理 结果 | 本年增 /减 |", "| 三、本年度办理结果 | 本年增/减 |"},
		// A space between a label and a figure separates two cells'
		// contents: it stays for the layout to read.
		{"a space before a figure", "| 规章 22 | 235 |", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lines := source.SplitLines(tc.text)
			var got []string
			for _, l := range mendMarkdownTables(lines, cat) {
				if strings.TrimSpace(l.Text) != "" {
					got = append(got, l.Text)
				}
			}
			want := tc.want
			if want == "" {
				for _, l := range lines {
					if t := markdownHeading.ReplaceAllString(l.Text, ""); strings.TrimSpace(t) != "" {
						want += t + "\n"
					}
				}
				want = strings.TrimSuffix(want, "\n")
			}
			if g := strings.Join(got, "\n"); g != want {
				t.Errorf("mended:\n%s\nwant:\n%s", g, want)
			}
		})
	}
}
