package ingest

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai/ingest/source"
)

// Box-drawn tables as w3m -dump prints a page: wrapped cells joined, a cell
// merged over rows in its first row with empty cells under it, a line part
// cells and part rule, and the row's pipe row on the number of its first
// line, every other line blank.
func TestBoxTables(t *testing.T) {
	cases := []struct {
		name string
		in   []string
		want map[int]string // line number → pipe row; every other line blank
	}{{
		name: "wrapped cells",
		in: []string{
			"┌──────────┬─────┐",
			"│ 2.没有现 │ 17  │",
			"│ 成信息   │     │",
			"├──────────┼─────┤",
			"│ 3.其他   │ 8   │",
			"└──────────┴─────┘",
		},
		want: map[int]string{2: "| 2.没有现成信息 | 17 |", 5: "| 3.其他 | 8 |"},
	}, {
		name: "a cell merged over rows, its words centred in a later row",
		in: []string{
			"├────┬──────────┬─────┤",
			"│    │ 1.属于   │ 0   │",
			"│ 三 ├──────────┼─────┤",
			"│、  │ 2.其他   │ 4   │",
			"└────┴──────────┴─────┘",
		},
		want: map[int]string{2: "| 三、 | 1.属于 | 0 |", 4: "|  | 2.其他 | 4 |"},
	}, {
		name: "a line part cells and part rule, under a spanning heading",
		in: []string{
			"┌─────┬───────────┐",
			"│复议 │ 诉讼      │",
			"├─────┼─────┬─────┤",
			"│结   │直接 │复议 │",
			"│     ├──┬──┼──┬──┤",
			"│果   │结│总│结│总│",
			"├─────┼──┼──┼──┼──┤",
			"│1    │0 │0 │2 │3 │",
			"└─────┴──┴──┴──┴──┘",
		},
		want: map[int]string{2: "| 复议 | 诉讼 |", 4: "| 结果 | 直接 | 复议 |", 6: "|  | 结 | 总 | 结 | 总 |", 8: "| 1 | 0 | 0 | 2 | 3 |"},
	}, {
		name: "bars a column off on a wrapped line: the cells go by their place",
		in: []string{
			"├──────────────┼──────┤",
			"│ （一）主动公开 │ 条    │",
			"│ 政府信息数  │     │",
			"├──────────────┼──────┤",
		},
		want: map[int]string{2: "| （一）主动公开政府信息数 | 条 |"},
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var lines []source.Line
			for i, s := range c.in {
				lines = append(lines, source.Line{N: i + 1, Text: s})
			}
			got := boxTables(lines)
			if len(got) != len(lines) {
				t.Fatalf("%d lines, want %d", len(got), len(lines))
			}
			for _, l := range got {
				if want := c.want[l.N]; l.Text != want {
					t.Errorf("line %d: %q, want %q", l.N, l.Text, want)
				}
			}
		})
	}
}

// Text around box-drawn tables is left as it is, and a line that only
// starts with a box character is no table.
func TestBoxTablesLeaveText(t *testing.T) {
	in := []source.Line{{N: 1, Text: "│ 注：本表"}, {N: 2, Text: "二、主动公开"}, {N: 3, Text: "─────"}}
	got := boxTables(in)
	for i, l := range got {
		if l != in[i] {
			t.Errorf("line %d: %q, want %q unchanged", l.N, l.Text, in[i].Text)
		}
	}
}

// Inline tags a converter kept in Markdown go, their attributes' numbers
// with them; a tag wrapped over lines joins them and every later line
// keeps its number.
func TestDropInlineTags(t *testing.T) {
	in := "| <span style=\"font-size:\n12.0000pt\">规章</span> | <span\nstyle=\"x\">0</span> |\n| 行政许可 | 5 |\n"
	got := strings.Split(dropInlineTags(in), "\n")
	want := []string{"| 规章 | 0 |", "", "", "| 行政许可 | 5 |", ""}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q, want %q", got, want)
	}
}
