package pdf

import "testing"

// twoColumns is a table of one row labelled at 10-40, figures centred at
// 125 and 175 (a pitch of 50): table 2's block of 行政事业性收费.
func twoColumns() *table {
	r := figureRow(100, [2]float64{122, 128}, [2]float64{172, 178})
	r.labels = []cell{labelCell("行政事", 100)}
	return &table{rows: []*row{r}, cols: columns([]*row{r})}
}

// TestHeaderOverOneOfTwoColumns: a header piece wider than half the pitch
// of a table's two columns (项目数, 31 points over a pitch of 50) spans
// neither: it is a header, not a heading over the table.
func TestHeaderOverOneOfTwoColumns(t *testing.T) {
	tb := twoColumns()
	l := textLine{y: 80, size: 10, cells: []cell{{text: "项目数", x0: 110, x1: 141, size: 10}}}
	if tb.wide(l) {
		t.Error("项目数 over one of two columns taken for a heading")
	}
}

// TestHeadingOverTwoColumns: a line reaching over more than half the
// columns' width is a heading (or narrative), not a column's header.
func TestHeadingOverTwoColumns(t *testing.T) {
	tb := twoColumns()
	l := textLine{y: 80, size: 10, cells: []cell{{text: "第二十条第（八）项信息内容", x0: 100, x1: 210, size: 10}}}
	if !tb.wide(l) {
		t.Error("a line over both columns taken for a column's header")
	}
}

// TestLabelOnlyLeftOfFarColumns: in a table whose two columns stand far
// apart (沭阳's 自然人 and 总计, the columns between blank), a label wider
// than half their pitch still ends before the figures: it is a label; a
// line reaching into the figures is not.
func TestLabelOnlyLeftOfFarColumns(t *testing.T) {
	r := figureRow(100, [2]float64{264, 278}, [2]float64{576, 588})
	tb := &table{rows: []*row{r}, cols: columns([]*row{r})}
	label := textLine{y: 80, cells: []cell{{text: "一、本年新收政府信息公开", x0: 77, x1: 223}}}
	if !tb.labelOnly(label) {
		t.Error("a label ending before the figures not taken for one")
	}
	into := textLine{y: 80, cells: []cell{{text: "三、收到和处理政府信息公开申请情况", x0: 77, x1: 300}}}
	if tb.labelOnly(into) {
		t.Error("a line reaching into the figures taken for a label")
	}
}

// TestFigureWithMoneyUnit: a sum printed with its unit is a figure (18.7万元
// beside 政府集中采购); a unit alone, or words around a figure, are not.
func TestFigureWithMoneyUnit(t *testing.T) {
	for text, want := range map[string]bool{"18.7万元": true, "22.94万元": true, "300元": true, "万元": false, "共18.7万元": false, "18.7万元整": false} {
		if got := isFigure(cell{text: text}); got != want {
			t.Errorf("isFigure(%q) = %v, want %v", text, got, want)
		}
	}
}
