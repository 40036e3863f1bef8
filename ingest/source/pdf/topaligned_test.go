package pdf

import "testing"

// labelCell is a label piece at x 10-40 on the line at y.
func labelCell(text string, y float64) cell {
	return cell{text: text, x0: 10, x1: 40, y0: y - 5, y1: y + 5, size: 10}
}

// wrappedTable is a table of rows at 100, 115, 145 and 175,
// whose second label wraps over two lines (its figures on the first), and
// the label lines between rows as body. The body line 总计 at 131 is 16
// below its row's line at 115 (（七）) and 14 above the next row's.
func wrappedTable(body ...textLine) *table {
	mk := func(y float64, label string) *row {
		r := figureRow(y, [2]float64{210, 216})
		r.line.cells = []cell{labelCell(label, y)}
		r.labels = []cell{labelCell(label, y)}
		return r
	}
	rows := []*row{mk(100, "（六）其他处理"), mk(115, "（七）"), mk(145, "四、结转"), mk(175, "其他事项")}
	return &table{rows: rows, body: body, cols: columns(rows)}
}

func line(y float64, text string) textLine {
	return textLine{y: y, cells: []cell{labelCell(text, y)}, size: 10}
}

// TestTopAlignedLabelsGoToTheRowAbove: in a table without rules whose
// rows all carry a numbered piece of their label on their own line, and no
// label line between rows opens with a number, a label line between two
// rows is the row above's: 总计 is （七）'s, not 四、结转's, though as near.
func TestTopAlignedLabelsGoToTheRowAbove(t *testing.T) {
	tb := wrappedTable(line(131, "总计"))
	tb.attachBody()
	if got := tb.rows[1].labels; len(got) != 2 || got[1].text != "总计" {
		t.Errorf("（七）'s labels %+v, want （七） and 总计", got)
	}
}

// TestCentredLabelsGoToTheNearestRow: a label line between rows that
// opens with a number, above a row whose own line's label does not,
// opens the label of the row below it (a table that centres its cells'
// text prints a long label's first line above its figures): each line
// goes to its nearest row, as before; so in a ruled table.
func TestCentredLabelsGoToTheNearestRow(t *testing.T) {
	tb := wrappedTable(line(131, "总计"), line(168, "（八）其他"))
	tb.attachBody()
	if got := tb.rows[2].labels; len(got) != 2 || got[1].text != "总计" {
		t.Errorf("a line opening with a number between rows: 四、结转's labels %+v, want 四、结转 and 总计 (the nearest)", got)
	}
	tb = wrappedTable(line(131, "总计"))
	for y := 107.0; y < 200; y += 30 {
		tb.rules = append(tb.rules, rule{x0: 0, x1: 300, y: y}, rule{x0: 0, x1: 300, y: y + 15})
	}
	tb.attachBody()
	if got := tb.rows[2].labels; len(got) != 2 || got[1].text != "总计" {
		t.Errorf("a ruled table: 四、结转's labels %+v, want 四、结转 and 总计 (the nearest)", got)
	}
}

// headerLine is a header line at y: a label piece over the label column
// (none when label is empty) and one over the figures at 210-216.
func headerLine(y float64, label, column string) textLine {
	l := textLine{y: y, size: 10}
	if label != "" {
		l.cells = append(l.cells, labelCell(label, y))
	}
	l.cells = append(l.cells, cell{text: column, x0: 200, x1: 230, y0: y - 5, y1: y + 5, size: 10})
	return l
}

// blockTable is one of table 2's blocks: two rows without numbers at 100
// and 130, the first label wrapped (可 at 116, nearer the second row than
// the first), under the header lines given.
func blockTable(header ...textLine) *table {
	mk := func(y float64, label string) *row {
		r := figureRow(y, [2]float64{210, 216})
		r.line.cells = []cell{labelCell(label, y)}
		r.labels = []cell{labelCell(label, y)}
		return r
	}
	rows := []*row{mk(100, "行政许"), mk(130, "其他对")}
	return &table{rows: rows, header: header, body: []textLine{line(116, "可")}, cols: columns(rows)}
}

// TestTopAlignedByHeader: a table of too few rows to show numbers shows by
// its header that it sets its text at the top: 信息内 / 容 beside 上一年 /
// 项目数 / 量 open on one line and end on different lines. Its label line
// between rows is the row above's.
func TestTopAlignedByHeader(t *testing.T) {
	tb := blockTable(headerLine(40, "第二十", ""), headerLine(55, "信息内", "上一年"), headerLine(70, "容", "项目数"), headerLine(85, "", "量"))
	tb.header[0].cells = tb.header[0].cells[:1] // the block's heading, over the labels only
	if !tb.topAligned() {
		t.Fatal("header cells opening on one line, ending on two: not taken for a table set at the top")
	}
	tb.attachBody()
	if got := tb.rows[0].labels; len(got) != 2 || got[1].text != "可" {
		t.Errorf("行政许's labels %+v, want 行政许 and 可", got)
	}
}

// TestCentredHeaderNotTopAligned: a header that centres its cells opens
// the shorter one lower (容 between 上一年 and 项目数 / 量's lines): no
// sign of a table set at the top, and the label line goes to the nearest
// row.
func TestCentredHeaderNotTopAligned(t *testing.T) {
	tb := blockTable(headerLine(55, "", "上一年"), headerLine(62, "信息内容", ""), headerLine(70, "", "项目数"))
	if tb.topAligned() {
		t.Fatal("a centred header taken for one set at the top")
	}
	tb.attachBody()
	if got := tb.rows[1].labels; len(got) != 2 || got[1].text != "可" {
		t.Errorf("其他对's labels %+v, want 其他对 and 可 (the nearest)", got)
	}
}

// shortLine is a label line at y that stops short of its column's width:
// the last line of a wrapped label.
func shortLine(y float64, text string) textLine {
	l := line(y, text)
	l.cells[0].x1 = 28
	return l
}

// TestLabelTailOfTheLastRow: in a table set at the top, the lines after the
// last row that fill the label column, and the first that does not, are
// the row's label (四、结 / 转下年 / 度继续 / 办理); the line after that
// short one (the next block's heading) is not, however close.
func TestLabelTailOfTheLastRow(t *testing.T) {
	tb := wrappedTable(line(190, "转下年"), line(205, "度继续"), shortLine(220, "办理"), line(235, "第二十"))
	tb.closed = true
	tb.close()
	if len(tb.body) != 3 || len(tb.after) != 1 || tb.after[0].cells[0].text != "第二十" {
		t.Errorf("body %d lines, after %+v: want 3 lines of the label, then 第二十 after the table", len(tb.body), tb.after)
	}
}

// TestLabelTailRefusedWhenCentred: a ruled table is not set at the top:
// only the line within attachBelow of its last row is the row's, the rest
// follow the table.
func TestLabelTailRefusedWhenCentred(t *testing.T) {
	tb := wrappedTable(line(190, "转下年"), line(205, "度继续"), shortLine(220, "办理"))
	for y := 107.0; y < 200; y += 30 {
		tb.rules = append(tb.rules, rule{x0: 0, x1: 300, y: y}, rule{x0: 0, x1: 300, y: y + 15})
	}
	tb.closed = true
	tb.close()
	if len(tb.body) != 1 || len(tb.after) != 2 {
		t.Errorf("body %d lines, after %d: want 转下年 in the table, 度继续 and 办理 after it", len(tb.body), len(tb.after))
	}
}

// twoRows is a table of two rows without numbers, at ys, and body lines.
func twoRows(y0, y1 float64, body ...textLine) *table {
	mk := func(y float64, label string) *row {
		r := figureRow(y, [2]float64{210, 216})
		r.line.cells = []cell{labelCell(label, y)}
		r.line.size = 10
		r.labels = []cell{labelCell(label, y)}
		return r
	}
	rows := []*row{mk(y0, "规章"), mk(y1, "行政规")}
	return &table{rows: rows, body: body, cols: columns(rows)}
}

// TestTopAlignedByLastRow: the last row printed a line below the row
// before, its label going on below its figures (行政规 / 范性文 / 件):
// a centred table would print that label's first line above them, where
// the row before is. The label is the row's down to 件.
func TestTopAlignedByLastRow(t *testing.T) {
	tb := twoRows(100, 115, line(130, "范性文"), shortLine(145, "件"), line(160, "第二十"))
	if !tb.topAligned() {
		t.Fatal("the last row's label going on below it, a line below the row before: not taken for a table set at the top")
	}
	tb.closed = true
	tb.close()
	if len(tb.body) != 2 || len(tb.after) != 1 {
		t.Errorf("body %d lines, after %d: want 范性文 and 件 in the table, 第二十 after it", len(tb.body), len(tb.after))
	}
}

// TestLastRowAfterALineNotTopAligned: a label line between the last two
// rows may open the last row's centred label: no sign of a table set at
// the top.
func TestLastRowAfterALineNotTopAligned(t *testing.T) {
	tb := twoRows(100, 130, line(115, "行政"), line(145, "性文件"))
	if tb.topAligned() {
		t.Error("a line between the last two rows: taken for a table set at the top")
	}
}

// TestHeadingRowBetweenTopAlignedRows: a numbered label line between rows
// above a row that opens its own label with a number beside its figures
// is a heading row without figures (the legacy table's 二、回应解读情况
// printed by LibreOffice): the table is still set at the top.
func TestHeadingRowBetweenTopAlignedRows(t *testing.T) {
	tb := wrappedTable(line(131, "总计"), line(138, "（八）其他"))
	if !tb.topAligned() {
		t.Fatal("a numbered heading line above 四、结转: not taken for a table set at the top")
	}
	tb = wrappedTable(line(131, "总计"), line(168, "（八）其他"))
	if tb.topAligned() {
		t.Error("a numbered line above 其他事项, whose own line is not numbered: taken for a table set at the top")
	}
	// A figure on 其他事项's line that reads like a row's number (18.7万元)
	// is no numbered label.
	tb = wrappedTable(line(131, "总计"), line(168, "（八）其他"))
	last := tb.rows[len(tb.rows)-1]
	last.line.cells = append(last.line.cells, cell{text: "18.7万元", x0: 200, x1: 230, y0: 170, y1: 180, size: 10})
	if tb.topAligned() {
		t.Error("a figure 18.7万元 beside 其他事项 taken for a numbered label: the table taken for one set at the top")
	}
}
