package ingest

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBlockLabelsNeverShiftFigures reads table 3 of the 2019 form printed
// with its merged block labels (三、本年度办理结果, （三）不予公开 …) in the
// places exports put them: in the first cell of the block's first row, of
// a middle row, of every row, as separate leading cells left empty on the
// other rows (HTML rowspan), and, as a PDF prints them, as label-only rows
// in the middle of their block after some of its rows (pdf-real-order.md
// follows the row order and printed labels of 洪泽区 2023's PDF, a label
// with characters lost included); and after a column of row numbers (序号). The header has one
// label column, the rows two or three, and the 总计 cell of most rows is
// blank: every figure must stay under its own column, none shifted right
// by the label cells.
func TestBlockLabelsNeverShiftFigures(t *testing.T) {
	want := readBlockExpected(t, "../testdata/form2019/block-labels/expected.csv")
	files, _ := filepath.Glob("../testdata/form2019/block-labels/*.*")
	n := 0
	for _, f := range files {
		if filepath.Ext(f) == ".csv" {
			continue
		}
		n++
		t.Run(filepath.Base(f), func(t *testing.T) {
			r := parseFile(t, f)
			for _, u := range r.Unplaced {
				t.Errorf("unplaced at line %d: %q %v: %s", u.Line, u.Label, u.Cells, u.Reason)
			}
			got := byKey(r)
			for _, w := range want {
				o, ok := got[key(w.indicator, w.breakdown)]
				if !ok {
					t.Errorf("%s [%s] (%s): missing", w.indicator, w.breakdown, w.column)
					continue
				}
				delete(got, key(w.indicator, w.breakdown))
				if show(o.Value) != show(w.value) || strOrNil(o.Column) != w.column {
					t.Errorf("%s [%s] = %s under %s (line %d), want %s under %s",
						w.indicator, w.breakdown, show(o.Value), strOrNil(o.Column), o.Line, show(w.value), w.column)
				}
			}
			for k, o := range got {
				t.Errorf("unexpected observation %s = %s (label %q, line %d)", k, show(o.Value), o.Label, o.Line)
			}
		})
	}
	if n < 10 {
		t.Fatalf("only %d block-label fixtures", n)
	}
}

// readBlockExpected reads the block-label fixtures' expected.csv:
// indicator, breakdown, value (blank for a blank cell), column.
func readBlockExpected(t *testing.T, path string) []wantFigure {
	t.Helper()
	recs := readCSV(t, path)
	var out []wantFigure
	for _, r := range recs[1:] {
		out = append(out, wantFigure{indicator: r[0], breakdown: r[1], value: parseExpectedValue(t, r[2]), column: r[3]})
	}
	return out
}

// TestRowThatDoesNotFitIsUnplaced leaves a row of table 3 that prints more
// figures than the table has columns unplaced, with the reason, rather
// than dropping a figure at either end.
func TestRowThatDoesNotFitIsUnplaced(t *testing.T) {
	text := "三、收到和处理政府信息公开申请情况\n" +
		"| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |\n" +
		"| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n" +
		"| 一、本年新收政府信息公开申请数量 | 40 | 5 | 1 | 0 | 2 | 1 | 49 |\n" +
		"| 三、本年度办理结果 | （一）予以公开 | 9 | 20 | 3 | 1 | 0 | 1 | 0 | 25 |\n" +
		"| 四、结转下年度继续办理 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |\n"
	r, err := Parse("t.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if o, ok := byKey(r)[key("requests.received", "total")]; !ok || show(o.Value) != "49" || strOrNil(o.Column) != "总计" {
		t.Errorf("requests.received total = %+v, want 49 under 总计", o)
	}
	for k := range byKey(r) {
		if strings.HasPrefix(k, "requests.disclosed") {
			t.Errorf("%s read from a row of 8 figures for 7 columns", k)
		}
	}
	if len(r.Unplaced) != 1 || r.Unplaced[0].Reason != "8 cells where the block has 7 columns" {
		t.Errorf("unplaced %+v, want the row of 予以公开 with its reason", r.Unplaced)
	}
}
