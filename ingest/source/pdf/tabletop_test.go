package pdf

import (
	"slices"
	"testing"
)

// printed is a line of cells at height y in font size s, each cell its
// text and its left and right edges.
func printed(y, s float64, cells ...any) textLine {
	l := textLine{page: 1, y: y, size: s}
	for i := 0; i < len(cells); i += 3 {
		l.cells = append(l.cells, cell{text: cells[i].(string), x0: cells[i+1].(float64), x1: cells[i+2].(float64), y0: y - s/2, y1: y + s/2, size: s, page: 1})
	}
	return l
}

// wordTable2 is the page of 平潭 2021's Word print where table 2 opens:
// the narrative's last line and the section's heading, 1 em above the
// table's top rule, then the table: its spanning first row 第二十条第（一）项,
// its header and two rows, walled. The table's walls start at top.
func wordTable2(top float64) ([]textLine, []rule, []wall) {
	lines := []textLine{
		printed(226.5, 15, "切实提升我区政务公开质效。", 57.0, 251.0),
		printed(246.4, 11, "二、主动公开政府信息情况", 89.0, 232.0),
		printed(271.9, 13, "第二十条第（一）项", 265.0, 390.0),
		printed(302.7, 13, "信息内容", 127.0, 182.0, "本年制发件数", 227.0, 310.0, "本年废止件数", 319.0, 403.0, "现行有效件数", 420.0, 503.0),
		printed(330.4, 13, "规章", 127.0, 154.0, "0", 254.0, 262.0, "0", 344.0, 351.0, "0", 479.0, 486.0),
		printed(357.4, 13, "行政规范性文件", 103.0, 200.0, "69", 252.0, 267.0, "3", 344.0, 351.0, "665", 464.0, 488.0),
	}
	var rules []rule
	for _, y := range []float64{top + 1, 285.4, 316.2, 343.3, 370.4} {
		rules = append(rules, rule{x0: 99, x1: 525, y: y})
	}
	walls := append(gridWalls(top, 371.5, 99, 524.7), gridWalls(284.3, 371.5, 226.4, 318.8, 419.5)...)
	return lines, rules, walls
}

func texts(lines []Line) []string {
	var out []string
	for _, l := range lines {
		out = append(out, l.Text)
	}
	return out
}

// TestTextAboveTheTopRuleIsNotInTheTable: the narrative's last line and
// the heading printed right above a Word table's top rule stay lines of
// their own, before the table; the table's spanning first row and its
// header, inside its walls, are its: the header row names its columns.
func TestTextAboveTheTopRuleIsNotInTheTable(t *testing.T) {
	got := texts(text(wordTable2(253.4)))
	want := []string{
		"切实提升我区政务公开质效。",
		"二、主动公开政府信息情况",
		"第二十条第（一）项",
		"| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
		"| 规章 | 0 | 0 | 0 |",
		"| 行政规范性文件 | 69 | 3 | 665 |",
	}
	if !slices.Equal(got, want) {
		t.Errorf("lines\n%q\nwant\n%q", got, want)
	}
}

// TestTextInsideTheWallsStaysInTheTable: a table whose walls start above
// the heading (a title row drawn in the table) keeps it: the rule takes
// out only what is above the walls, and the heading is the header's
// label cell as before.
func TestTextInsideTheWallsStaysInTheTable(t *testing.T) {
	got := texts(text(wordTable2(238)))
	if len(got) != 5 || got[0] != "切实提升我区政务公开质效。" || got[2] != "| 二、主动公开政府信息情况信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |" {
		t.Errorf("lines %q, want the heading inside the walls in the table's header", got)
	}
}

// TestWallTopJoinsSegments: walls drawn row by row, each row's segment
// ending where the next begins, are one wall: the table's top is the
// first segment's; a gap wider than wallMerge ends it, and a line no wall
// crosses has no top.
func TestWallTopJoinsSegments(t *testing.T) {
	walls := []wall{{x: 99, y0: 200, y1: 240}, {x: 99, y0: 253, y1: 285}, {x: 99, y0: 285.5, y1: 316}, {x: 226, y0: 316, y1: 343}}
	if top, ok := wallTop(walls, textLine{y: 330}); !ok || top != 253 {
		t.Errorf("top %v, %v; want 253 (the segment at 200-240 ends 13 points above)", top, ok)
	}
	if _, ok := wallTop(walls, textLine{y: 400}); ok {
		t.Error("a line below every wall given a top")
	}
}
