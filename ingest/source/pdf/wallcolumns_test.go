package pdf

import "testing"

// figureRow is a row of figures at height y, each figure [x0, x1].
func figureRow(y float64, figures ...[2]float64) *row {
	r := &row{line: textLine{y: y}}
	for _, f := range figures {
		r.values = append(r.values, cell{text: "1", x0: f[0], x1: f[1]})
	}
	return r
}

// gridWalls are walls at xs running from y0 to y1.
func gridWalls(y0, y1 float64, xs ...float64) []wall {
	var ws []wall
	for _, x := range xs {
		ws = append(ws, wall{x: x, y0: y0, y1: y1})
	}
	return ws
}

// TestWallColumnsJoinFiguresTheirBandsPart: figures centred in the cells
// of one column, some short and some long, do not overlap and make two
// bands; the walls give the table's two columns of figures, right of the
// label column, each figure in its own.
func TestWallColumnsJoinFiguresTheirBandsPart(t *testing.T) {
	rows := []*row{
		figureRow(100, [2]float64{210, 214}, [2]float64{300, 312}),
		figureRow(120, [2]float64{216, 230}, [2]float64{302, 308}),
	}
	walls := gridWalls(90, 130, 50, 200, 240, 330)
	cols := wallColumns(rows, walls)
	if len(cols) != 2 || cols[0].lo != 200 || cols[1].hi != 330 {
		t.Fatalf("columns %+v, want 200-240, 240-330", cols)
	}
	tb := &table{rows: rows, walls: walls}
	if bands := columns(rows); len(bands) != 3 {
		t.Fatalf("the figures make %d bands, the test wants 3", len(bands))
	}
	if got := tb.columns(); len(got) != 2 {
		t.Errorf("the table's columns %+v, want the two the walls draw (its figures make three bands)", got)
	}
}

// TestWallColumnsRefused: walls that put two figures of a row into one
// column, or that cross too few of the rows (a merged cell's), do not make
// the columns; the figures' bands do.
func TestWallColumnsRefused(t *testing.T) {
	rows := []*row{
		figureRow(100, [2]float64{210, 216}, [2]float64{225, 231}),
		figureRow(120, [2]float64{210, 216}, [2]float64{225, 231}),
	}
	if cols := wallColumns(rows, gridWalls(90, 130, 50, 200, 240)); cols != nil {
		t.Errorf("two figures of a row in one walled column: columns %+v, want none", cols)
	}
	rows = append(rows, figureRow(140, [2]float64{210, 216}), figureRow(160, [2]float64{210, 216}), figureRow(180, [2]float64{210, 216}))
	if cols := wallColumns(rows, gridWalls(90, 110, 50, 200, 220, 240)); cols != nil {
		t.Errorf("walls crossing one row of five: columns %+v, want none", cols)
	}
}

// TestWallColumnsBlankInEveryRow: a table of many rows whose figures fill
// only its first and last columns (the others blank) makes two bands; its
// walls draw four columns, and each figure stays in its own.
func TestWallColumnsBlankInEveryRow(t *testing.T) {
	var rows []*row
	for y := 100.0; y < 100+20*blankColumnRows; y += 20 {
		rows = append(rows, figureRow(y, [2]float64{210, 216}, [2]float64{330, 336}))
	}
	walls := gridWalls(90, 100+20*blankColumnRows, 50, 200, 240, 280, 320, 360)
	tb := &table{rows: rows, walls: walls}
	got := tb.columns()
	if len(got) != 4 {
		t.Fatalf("the table's columns %+v, want the four the walls draw", got)
	}
	if cells, ok := place(got, rows[0].values); !ok || cells[0] == "" || cells[3] == "" || cells[1]+cells[2] != "" {
		t.Errorf("a row's figures placed %q, want the first and the last column", cells)
	}
}

// TestWallColumnsBlankRefusedInOneRow: in a table of one row the walls
// that draw more columns than its figures make bands are not believed (a
// header's cells reach the row): the bands are the columns.
func TestWallColumnsBlankRefusedInOneRow(t *testing.T) {
	rows := []*row{figureRow(100, [2]float64{210, 216}, [2]float64{330, 336})}
	tb := &table{rows: rows, walls: gridWalls(90, 110, 50, 200, 240, 280, 320, 360)}
	if got := tb.columns(); len(got) != 2 {
		t.Errorf("the table's columns %+v, want its figures' two bands", got)
	}
}

// TestHeaderReachedThroughWalls: a header line further above the first
// row than headerReach, in the drawn table (a wall of its columns runs
// through both), is the table's; one outside the walls is not, nor one of
// a table of a single row.
func TestHeaderReachedThroughWalls(t *testing.T) {
	var rows []*row
	for y := 200.0; y < 200+20*blankColumnRows; y += 20 {
		rows = append(rows, figureRow(y, [2]float64{210, 216}, [2]float64{250, 256}))
	}
	walls := append(gridWalls(100, 150, 50, 200, 240, 280), gridWalls(150, 300, 50, 200, 240, 280)...)
	tb := &table{rows: rows, walls: walls}
	tb.cols = tb.columns()
	if !tb.sameWalls(textLine{y: 120}, rows[0].line) {
		t.Error("a header line inside the drawn table is not taken")
	}
	if tb.sameWalls(textLine{y: 60}, rows[0].line) {
		t.Error("a line above the drawn table is taken for its header")
	}
	one := &table{rows: rows[:1], walls: walls}
	one.cols = one.columns()
	if one.sameWalls(textLine{y: 120}, rows[0].line) {
		t.Error("a header line of a one-row table taken through its walls")
	}
}

// TestWallColumnsCellSpacing: a table printed with its cells apart draws
// two walls between each two columns, 2.25 points apart; each pair is one
// border, and the table's one column of figures (beside a column of units)
// is one column, not that column and the sliver after it. Walls as far
// apart as the narrowest figure is wide still part two columns.
func TestWallColumnsCellSpacing(t *testing.T) {
	var rows []*row
	for y := 100.0; y < 100+20*blankColumnRows; y += 20 {
		rows = append(rows, figureRow(y, [2]float64{541, 546}))
	}
	walls := gridWalls(90, 100+20*blankColumnRows, 34.125, 36.375, 511.125, 513.375, 537.375, 539.625, 575.625, 577.875)
	if got := wallColumns(rows, walls); len(got) != 1 || got[0].lo != 538.5 || got[0].hi != 576.75 {
		t.Errorf("the walls' columns %+v, want one, 538.5-576.75, between the pairs of walls", got)
	}
	tb := &table{rows: rows, walls: walls}
	if got := tb.columns(); len(got) != 1 {
		t.Errorf("the table's columns %+v, want one", got)
	}
	rows = []*row{
		figureRow(100, [2]float64{201, 205}, [2]float64{208, 212}),
		figureRow(120, [2]float64{201, 205}, [2]float64{208, 212}),
	}
	if got := wallColumns(rows, gridWalls(90, 130, 200, 206, 214)); len(got) != 2 {
		t.Errorf("walls 6 points apart around figures 4 wide: columns %+v, want two", got)
	}
}
