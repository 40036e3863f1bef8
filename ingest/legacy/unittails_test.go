package legacy

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai/ingest/layout"
)

// A unit and figure in one cell beside a row's label are the row's (条 7);
// a unit wrapped under its figure's line joins its end (人 6 / 次: 人次;
// 万 9.61 / 的经费） 元: 万元, the label's piece the row's); pieces that make
// no unit together, and a unit and figure on a line of their own, stay as
// they were read.
func TestUnitTails(t *testing.T) {
	units := map[string]bool{"元": true, "万元": true, "人": true, "次": true, "人次": true, "件": true, "条": true}
	isUnit := func(s string) bool { return units[s] }
	cell := func(text string, line int, start bool) layout.Cell {
		return layout.Cell{Text: text, Raw: text, Line: line, RowStart: start}
	}
	show := func(rows []rawRow) string {
		var b strings.Builder
		for _, r := range rows {
			for _, c := range r.labels {
				b.WriteString(c.Text)
			}
			for _, c := range r.cells {
				b.WriteString("|" + c.Text)
			}
			b.WriteString(";")
		}
		return b.String()
	}
	for _, tc := range []struct {
		name  string
		cells []layout.Cell
		want  string
	}{
		{"beside the label", []layout.Cell{cell("其中：主动公开规范性文件数", 1, true), cell("条 7", 1, false)}, "其中：主动公开规范性文件数|条|7;"},
		{"on the next line", []layout.Cell{cell("其中：主动公开规范性文件数", 1, true), cell("条 7", 2, false), cell("制发规范性文件总数", 3, true)}, "其中：主动公开规范性文件数条|7;制发规范性文件总数;"},
		{"人 / 次", []layout.Cell{cell("（三）接受培训人员数", 1, true), cell("人 14", 1, false), cell("次", 2, false)}, "（三）接受培训人员数|人次|14;"},
		{"件 / 次", []layout.Cell{cell("（三）接受培训人员数", 1, true), cell("件 14", 1, false), cell("次", 2, false)}, "（三）接受培训人员数|件|14|次;"},
		{"万 / 元", []layout.Cell{cell("（四）专项经费（不包括网站建设维护等方面 万 9.61", 1, true), cell("的经费）", 2, true), cell("元", 2, false)}, "（四）专项经费（不包括网站建设维护等方面的经费）|万元|9.61;"},
		{"件 / 元", []layout.Cell{cell("（四）专项经费 件 9", 1, true), cell("的经费）", 2, true), cell("元", 2, false)}, "（四）专项经费|件|9;的经费）|元;"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := show(assemble(tc.cells, isUnit, false)); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}
