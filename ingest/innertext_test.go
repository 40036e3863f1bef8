package ingest

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai/ingest/source"
)

// innerText of a page whose cells hold paragraphs: each row joined into
// one line of tab-parted cells on its first line's number. The heading
// above the table and the text after it stay lines of their own, though
// only one blank line parts them from the cells: a numbered paragraph
// never goes on a cell, and a first cell reaches back only to a gap of
// rows.
func TestInnerTextRows(t *testing.T) {
	in := strings.Join([]string{
		"三、收到和处理政府信息公开申请情况", "",
		"（本列数据）", "", "\t", "", "申请人情况", "", "", "", "",
		"商业", "", "企业", "", "\t", "", "科研", "", "机构", "", "", "", "",
		"一、本年新收政府信息公开申请数量", "", "\t", "", "26", "", "\t", "", "\t", "", "26", "",
		"四、政府信息公开行政复议、行政诉讼情况",
	}, "\n")
	got := innerTextRows(source.SplitLines(in))
	want := map[int]string{
		1:  "三、收到和处理政府信息公开申请情况",
		3:  "（本列数据）\t申请人情况",
		12: "商业企业\t科研机构",
		25: "一、本年新收政府信息公开申请数量\t26\t\t26",
		37: "四、政府信息公开行政复议、行政诉讼情况",
	}
	for _, l := range got {
		if l.Text != want[l.N] {
			t.Errorf("line %d: %q, want %q", l.N, l.Text, want[l.N])
		}
	}
}

// A text with fewer than minLoneTabs lines holding only a tab is left as
// it is: a stray tab is no table.
func TestInnerTextRowsLeaveStrayTabs(t *testing.T) {
	in := source.SplitLines("规章\n\n\t\n\n0\n\n\t\n\n5")
	got := innerTextRows(in)
	for i, l := range got {
		if l != in[i] {
			t.Errorf("line %d: %q, want %q unchanged", l.N, l.Text, in[i].Text)
		}
	}
}
