package legacy

import (
	"testing"

	"github.com/gongkai/gongkai/ingest/layout"
)

// A unit wrapped in a narrow cell one character a line (万 / 元) is one
// unit; a unit alone (人, then 次 on the next line) or two cells of one
// line stay as printed.
func TestJoinWrappedUnits(t *testing.T) {
	units := map[string]bool{"元": true, "万元": true, "人": true, "次": true, "人次": true}
	isUnit := func(s string) bool { return units[s] }
	cell := func(text string, line int) layout.Cell {
		return layout.Cell{Text: text, Raw: text, Line: line}
	}
	for _, tc := range []struct {
		name  string
		cells []layout.Cell
		want  []string
	}{
		{"万 / 元 on two lines", []layout.Cell{cell("经费）", 1), cell("万", 2), cell("元", 3), cell("26.23", 4)}, []string{"经费）", "万元", "26.23"}},
		{"人 is a unit alone", []layout.Cell{cell("人", 1), cell("次", 2)}, []string{"人", "次"}},
		{"万 and 元 on one line", []layout.Cell{cell("万", 1), cell("元", 1)}, []string{"万", "元"}},
		{"a label before a unit", []layout.Cell{cell("经费", 1), cell("元", 2)}, []string{"经费", "元"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range joinWrappedUnits(tc.cells, isUnit) {
				got = append(got, c.Text)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("got %q, want %q", got, tc.want)
				}
			}
		})
	}
}
