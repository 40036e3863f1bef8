package ingest

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai/ingest/source"
)

// pandoc's tables of columns under rules of dashes: a row of spans whose
// styles wrap within their columns is one pipe row when every span is
// closed; a multiline table's rows are parted by blank lines.
func TestPandocTables(t *testing.T) {
	cases := []struct {
		name string
		in   []string
		want map[int]string
	}{{
		name: "spans wrapped within their columns",
		in: []string{
			"  ---------------- ----------",
			"  [规章]{style=\"a; [22]{style=",
			"  font-size:14pt\"}  \"b:12pt\"}",
			"  [行政许可]{x=\"1\"} [5]{y=\"2\"}",
			"  ---------------- ----------",
		},
		want: map[int]string{2: "| 规章 | 22 |", 4: "| 行政许可 | 5 |"},
	}, {
		name: "a multiline table",
		in: []string{
			"  ---------- ------",
			"  2.没有现成 17",
			"  信息",
			"",
			"  3.其他     8",
			"  ---------- ------",
		},
		want: map[int]string{2: "| 2.没有现成信息 | 17 |", 5: "| 3.其他 | 8 |"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := pandocTables(source.SplitLines(strings.Join(c.in, "\n")))
			for _, l := range got {
				if l.Text != c.want[l.N] {
					t.Errorf("line %d: %q, want %q", l.N, l.Text, c.want[l.N])
				}
			}
		})
	}
}

// Rules of dashes with a paragraph between them (not indented as a table
// is) and blank lines are no table: the lines are left as they are.
func TestPandocTablesLeaveText(t *testing.T) {
	in := source.SplitLines("  ------ ------\n  规章   22\n\n一、总体情况 2021年\n\n  ------ ------")
	got := pandocTables(in)
	for i, l := range got {
		if l != in[i] {
			t.Errorf("line %d: %q, want %q unchanged", l.N, l.Text, in[i].Text)
		}
	}
}
