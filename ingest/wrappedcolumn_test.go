package ingest

import "testing"

// Word's print of a narrow column wraps each header cell of table 2's
// block (一) before its last character (本 年 制 发 件 / 数, 沭阳 2023 as
// pdf.js and pdf2md take it out): the pieces are one column, and the
// block's three figures meet its three columns. A piece after a cell that
// names a column of its own is no such end: 本年制发件 then 本年废止件数
// are two columns, and the row's figures, fewer than them, stay unplaced.
func TestHeaderCellWrappedBeforeLastCharacter(t *testing.T) {
	head := "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n"
	tail := "第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 5\n"
	r, err := Parse("wrapped.txt", []byte(head+
		"本 年 制 发 件\n数\n本 年 废 止 件\n数\n现 行 有 效 件\n数\n规章 1 2 3\n规范性文件 8 0 18\n"+tail))
	if err != nil {
		t.Fatal(err)
	}
	wantPlaced(t, r, map[string]float64{
		"regulations.issued": 1, "regulations.repealed": 2, "regulations.in_force": 3,
		"normative_documents.issued": 8, "normative_documents.repealed": 0, "normative_documents.in_force": 18,
		"licensing.decisions": 5,
	})

	r, err = Parse("apart.txt", []byte(head+
		"本年制发件\n本年废止件数\n现行有效件数\n数量\n规章 1 2 3\n"+tail))
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range []string{"regulations.issued", "regulations.repealed", "regulations.in_force"} {
		if hasObs(r, ind, "total") {
			t.Errorf("%s placed under a header whose cells do not join", ind)
		}
	}
}
