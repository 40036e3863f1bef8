package pdf

import "testing"

// wrapped26 is 26 printed 2 over 6 in a narrow drawn cell (沭阳's 总计 cut
// at the page's edge by LibreOffice), with the walls of its cell.
func wrapped26() ([]glyph, []wall) {
	gs := []glyph{
		{r: '2', x0: 576, x1: 582, y0: 693, y1: 702},
		{r: '6', x0: 576, x1: 582, y0: 721, y1: 730},
	}
	return gs, gridWalls(600, 800, 556, 595)
}

// cellRules are the rules above and below wrapped26's cell, closing it.
var cellRules = []rule{{x0: 556, x1: 595, y: 680}, {x0: 556, x1: 595, y: 745}}

// TestWrappedFigureJoined: the digits, each alone in its cell on its line,
// one under the other with no rule between, are one figure set at their
// middle height.
func TestWrappedFigureJoined(t *testing.T) {
	gs, walls := wrapped26()
	got := wrappedFigures(gs, walls, cellRules, 10)
	if got[0].yc() != got[1].yc() || got[0].yc() != 711.5 || got[1].x0 < got[0].x1 {
		t.Fatalf("2 over 6 not set side by side at their middle: %+v", got)
	}
	if c := cells(got, 10, walls); len(c) != 1 || c[0].text != "26" {
		t.Errorf("cells %v, want 26", cellTexts(c))
	}
}

// TestWrappedFigureRefused: a rule between the digits (two rows' figures)
// or no drawn cell around them (a table without walls, or with walls but
// no rules between its rows, where two rows' lone digits may stand one
// over the other) keeps them apart.
func TestWrappedFigureRefused(t *testing.T) {
	gs, walls := wrapped26()
	for name, got := range map[string][]glyph{
		"a rule between":  wrappedFigures(gs, walls, append([]rule{{x0: 500, x1: 600, y: 712}}, cellRules...), 10),
		"no walls":        wrappedFigures(gs, nil, cellRules, 10),
		"no rules":        wrappedFigures(gs, walls, nil, 10),
		"a figure beside": wrappedFigures(append(gs, glyph{r: '1', x0: 586, x1: 592, y0: 693, y1: 702}), walls, cellRules, 10),
	} {
		if got[0].yc() == got[1].yc() {
			t.Errorf("%s: the digits joined: %+v", name, got[:2])
		}
	}
}

// pagedTable is a table whose last row on page 1 is at y 100, with a row
// at the top of page 2 (y 1100), ruled.
func pagedTable() *table {
	a, b := figureRow(100, [2]float64{210, 216}), figureRow(1100, [2]float64{210, 216})
	a.line.page, b.line.page = 1, 2
	return &table{rows: []*row{a, b}, cols: columns([]*row{a, b})}
}

// TestSplitByPage: a label cell beside no figures above every row of its
// page continues the last row of the page before (4.保护 / 第三方合法权益).
func TestSplitByPage(t *testing.T) {
	tb := pagedTable()
	c := labelCell("第三方合法权益", 1050)
	c.page = 2
	if r := tb.splitByPage(c); r != tb.rows[0] {
		t.Errorf("第三方合法权益 at the top of page 2: continues %v, want the last row of page 1", r)
	}
}

// TestSplitByPageRefused: a cell that opens with a row number is a heading
// row of its own, and one below a row of its page is not at the break.
func TestSplitByPageRefused(t *testing.T) {
	tb := pagedTable()
	c := labelCell("二、回应解读情况", 1050)
	c.page = 2
	if r := tb.splitByPage(c); r != nil {
		t.Error("a numbered heading row joined to the row before the page break")
	}
	c = labelCell("第三方合法权益", 1150)
	c.page = 2
	if r := tb.splitByPage(c); r != nil {
		t.Error("a cell below a row of its page joined to the row before the page break")
	}
}

// TestContinuedOverLabels: a table goes on over a page break past the
// labels printed left of its figures (申请数量, a row's label wrapped over
// the break); a line reaching into its figures ends it.
func TestContinuedOverLabels(t *testing.T) {
	prev := pagedTable()
	prev.rows = prev.rows[:1]
	prev.header = []textLine{headerLine(50, "", "总计")}
	next := textLine{page: 2, y: 1100, cells: []cell{{text: "7", x0: 210, x1: 216}}}
	label := line(1080, "申请数量")
	label.page = 2
	got, labels := continued([]item{{table: prev}}, []textLine{label}, next, 0)
	if got != prev || len(labels) != 1 {
		t.Errorf("labels before the next page's first row: table %v, labels %d; want the table continued with 1 label line", got, len(labels))
	}
	wide := textLine{page: 2, y: 1080, size: 10, cells: []cell{{text: "三、收到和处理政府信息公开申请情况", x0: 10, x1: 300}}}
	if got, _ := continued([]item{{table: prev}}, []textLine{wide}, next, 0); got != nil {
		t.Error("a line reaching into the figures did not end the table")
	}
}
