package layout

import (
	"slices"
	"testing"

	"github.com/gongkai/gongkai/ingest/source"
)

// A label printed with a space between its characters keeps as its own a
// character that alone is a mark of no figure (无) one space before a
// character of it, or a unit (人) one space from one; a mark two spaces
// away, or after a label's character, is a cell of its own.
func TestSpacedLabelWithMarkOrUnit(t *testing.T) {
	r := Reader{IsUnit: func(s string) bool { return s == "人" || s == "件" }, Apart: func(a, b string) bool { return false }}
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"无 法 提", []string{"无 法 提"}},
		{"申 请 人 无 正 当", []string{"申 请 人 无 正 当"}},
		{"无  法 提", []string{"无", "法 提"}},
		{"项 无 无 无", []string{"项", "无", "无", "无"}},
		{"3 件", []string{"3", "件"}},
	} {
		var got []string
		for _, c := range r.Cells([]source.Line{{N: 1, Text: tc.line}}) {
			got = append(got, c.Text)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: cells %q, want %q", tc.line, got, tc.want)
		}
	}
}
