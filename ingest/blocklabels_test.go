package ingest

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
)

// TestBlockLabelsNeverShiftFigures reads table 3 of the 2019 form printed
// with its merged block labels (三、本年度办理结果, （三）不予公开 …) in the
// places exports put them: in the first cell of the block's first row, of
// a middle row, of every row, as separate leading cells left empty on the
// other rows (HTML rowspan), and, as a PDF prints them, as label-only rows
// in the middle of their block after some of its rows; and after a column
// of row numbers (序号). The header has one
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
	if n < 9 {
		t.Fatalf("only %d block-label fixtures", n)
	}
}

// readBlockExpected reads the block-label fixtures' expected.csv:
// indicator, breakdown, value (blank for a blank cell), column.
func readBlockExpected(t *testing.T, path string) []wantFigure {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []wantFigure
	for _, r := range recs[1:] {
		out = append(out, wantFigure{indicator: r[0], breakdown: r[1], value: parseExpectedValue(t, r[2]), column: r[3]})
	}
	return out
}
