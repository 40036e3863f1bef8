package ingest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/source"
)

// A row of a page's text with the markup's indentation kept (domCellRows):
// each cell a line at the row's indentation, an empty cell the indentation
// and a space. The row is joined into one line of tab-parted cells on its
// label's line, the empty cells kept; the lines of lesser indentation
// (the markup around the row) stay as they are.
func TestDomCellRows(t *testing.T) {
	in := strings.Join([]string{
		"    ",
		"      ",
		"      一、本年新收政府信息公开申请数量",
		"      ",
		"      ",
		"      26",
		"      ",
		"      ",
		"       ",
		"      ",
		"      ",
		"      \u00a0",
		"      ",
		"      ",
		"      26",
		"      ",
		"    ",
	}, "\n")
	got := domCellRows(source.SplitLines(in))
	want := map[int]string{1: "    ", 2: "      ", 3: "一、本年新收政府信息公开申请数量\t26\t\t\t26", 17: "    "}
	for _, l := range got {
		if l.Text != want[l.N] {
			t.Errorf("line %d: %q, want %q", l.N, l.Text, want[l.N])
		}
	}
}

// A cell merged over rows (三、本年度办理结果) before the row's label stays
// a line of its own: the last text before the figures is the label.
func TestDomCellRowsMergedCellBefore(t *testing.T) {
	in := "    \n      三、本年度办理结果\n      \n      （一）予以公开\n      \n      26\n      \n       \n      \n      26\n    "
	got := domCellRows(source.SplitLines(in))
	want := map[int]string{1: "    ", 2: "      三、本年度办理结果", 3: "      ", 4: "（一）予以公开\t26\t\t26", 11: "    "}
	for _, l := range got {
		if l.Text != want[l.N] {
			t.Errorf("line %d: %q, want %q", l.N, l.Text, want[l.N])
		}
	}
}

// Rows that show no empty cell, or that print text after their figures,
// or that hold no figure, are left as they are: nothing there is a row of
// a label and its cells with an empty cell's trace to keep.
func TestDomCellRowsLeaveOtherRows(t *testing.T) {
	for name, in := range map[string]string{
		"no empty cell":  "    \n      规章\n      \n      0\n      \n      5\n    ",
		"a text after":   "    \n      （二）部分公开\n      \n      0\n       \n      0\n      只计这一情形）\n    ",
		"no figure":      "    \n      申请人情况\n      \n       \n      \n       \n    ",
		"no indentation": "规章\n \n0\n \n5",
		"a figure first": "    \n      26\n       \n      26\n    ",
	} {
		lines := source.SplitLines(in)
		got := domCellRows(lines)
		for i, l := range got {
			if l != lines[i] {
				t.Errorf("%s: line %d: %q, want %q unchanged", name, l.N, l.Text, lines[i].Text)
			}
		}
	}
}

// shuyang-fgj-2023's table 3 in the page's text with indentation kept:
// every figure placed by its cell (75 of 75, the ratchet). An empty cell
// that left no trace (its line of a space taken out: a cell <td></td>)
// makes the row's cells fewer than the columns, and one more (a line of
// whitespace added) more: either row is refused whole, its figures
// unplaced, and every other figure is the one the whole text gives.
func TestDomCellRowsRefuseMiscounted(t *testing.T) {
	text, err := os.ReadFile("../testdata/real/shuyang-fgj-2023.domtext.txt")
	if err != nil {
		t.Fatal(err)
	}
	const label = "      一、本年新收政府信息公开申请数量\n"
	row := "      \n      \n      26\n" + strings.Repeat("      \n      \n       \n", 5) + "      \n      \n      26\n"
	if !strings.Contains(string(text), label+row) {
		t.Fatal("the row 一、本年新收政府信息公开申请数量 is not printed as the test expects")
	}
	whole := parseText(t, "shuyang.domtext.txt", string(text))
	wholeFigures := map[string]float64{}
	for _, o := range whole.Observations {
		if o.Value != nil {
			wholeFigures[o.Indicator+"|"+o.Breakdown] = *o.Value
		}
	}
	if got := wholeFigures["requests.received|natural_person"]; got != 26 {
		t.Errorf("the whole text: requests.received of 自然人 = %v, want 26", got)
	}
	for _, c := range []struct{ name, damaged, reason string }{
		{"a cell lost", strings.Replace(row, "       \n", "", 1), "6 cells for 7 columns"},
		{"a cell added", strings.Replace(row, "       \n", "       \n      \n       \n", 1), "8 cells where the block has 7 columns"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := parseText(t, "shuyang.domtext.txt", strings.Replace(string(text), label+row, label+c.damaged, 1))
			refused := false
			for _, u := range r.Unplaced {
				refused = refused || strings.HasPrefix(u.Label, "一、本年新收") && strings.Contains(u.Reason, c.reason)
			}
			if !refused {
				t.Errorf("the row 一、本年新收政府信息公开申请数量 is not unplaced with the reason %q", c.reason)
			}
			for _, o := range r.Observations {
				if o.Value == nil {
					continue
				}
				k := o.Indicator + "|" + o.Breakdown
				if o.Indicator == "requests.received" && !hasFlag(o, gongkai.FlagDerived) {
					t.Errorf("%s = %v placed from a row whose cells are miscounted", k, *o.Value)
				}
				if want, ok := wholeFigures[k]; !ok || want != *o.Value {
					t.Errorf("%s = %v, the whole text gives %v", k, *o.Value, want)
				}
			}
		})
	}
}

// A held-out report's web page (gongkai synth --seed 91 --reports 120, report
// 9) with its markup indented a cell a line, table 3's zeros blank, nine
// in ten of them a space (<o:p> </o:p>) and the rest nothing (<td></td>),
// taken as the page's text with its indentation (hb91-9.web.domtext.txt):
// every row whose blank cells all left their trace is read cell by cell
// (56 of 115 figures before, 98 now); a row with a cell that left none
// prints fewer cells than the columns and is refused whole, 0 wrong.
func TestDomCellRowsHeldout(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	const file = "hb91-9.web.domtext.txt"
	ratchetTruthFile(t, dir, file, 98, 0)
	r := parseText(t, file, readText(t, filepath.Join(dir, file)))
	if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
		return strings.Contains(u.Reason, "6 cells for 7 columns, and nothing shows which cells are missing")
	}) {
		t.Errorf("no row of fewer cells than the columns is unplaced: %+v", r.Unplaced)
	}
}
