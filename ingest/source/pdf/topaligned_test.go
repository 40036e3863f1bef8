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
	rows := []*row{mk(100, "（六）其他处理"), mk(115, "（七）"), mk(145, "四、结转"), mk(175, "五、其他")}
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
// opens with a number opens the label of the row below it (a table that
// centres its cells' text prints a long label's first line above its
// figures): each line goes to its nearest row, as before; so in a ruled
// table.
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
