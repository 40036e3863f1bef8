package legacy

import (
	"fmt"
	"testing"

	"github.com/gongkai/gongkai/ingest/source"
)

// Plain pdftotext prints a unit wrapped under its figure's line with its
// end a line or two after (万 9.61 / 的经费） / 元; 人 14 / label / 次): the
// figure is read in the unit the pieces make. A unit alone with a figure
// alone after it is that figure's, and a piece that makes no unit with
// the next unit alone stays label text.
func TestUnitHeads(t *testing.T) {
	units := map[string]bool{"元": true, "万元": true, "人": true, "次": true, "人次": true, "件": true}
	isUnit := func(s string) bool { return units[s] }
	show := func(text string) string {
		toks, _ := orderTokens(source.SplitLines(text), isUnit, func(string) bool { return false })
		out := ""
		for _, k := range toks {
			out += fmt.Sprintf("[%s|%s|%s]", k.label, k.unit, k.figure)
		}
		return out
	}
	for _, tc := range []struct{ name, text, want string }{
		{"万 / 元", "（四）专项经费（不包括等方面 万 9.61\n的经费）\n元\n", "[(四)专项经费(不包括等方面|万元|9.61][的经费)||]"},
		{"人 / 次", "人 14\n（三）接受培训人员数\n次\n", "[|人次|14][(三)接受培训人员数||]"},
		{"次 is the next figure's", "人 14\n（三）接受培训人员数\n次\n3\n", "[|人|14][(三)接受培训人员数||][|次|][||3]"},
		{"no unit together", "（四）专项经费 第 9\n的经费）\n件\n", "[(四)专项经费第9||][的经费)||][|件|]"},
		{"a figure between", "（四）专项经费 万 9.61\n件 3\n元\n", "[(四)专项经费万9.61||][|件|3][|元|]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := show(tc.text); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}
