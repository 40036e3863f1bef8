package doc

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// paragraph is a paragraph of a made-up document: its characters, ending
// with its mark, and its properties.
type paragraph struct {
	text string
	p    *para
}

var (
	plain  = &para{}
	inCell = &para{inTable: true, depth: 1}
	nested = &para{inTable: true, depth: 2}
)

func rowEnd(bounds []int, cont ...int) *para {
	g := &rowGeometry{bounds: bounds, cont: make([]bool, len(bounds)-1)}
	for _, i := range cont {
		g.cont[i] = true
	}
	return &para{inTable: true, rowEnd: true, depth: 1, row: g}
}

// lines converts made-up paragraphs, each character two bytes of the
// stream as in a UTF-16 piece.
func lines(ps ...paragraph) []string {
	t := &text{}
	var runs paragraphs
	for _, p := range ps {
		start := uint32(2 * len(t.runes))
		for _, r := range p.text {
			t.runes = append(t.runes, r)
			t.ends = append(t.ends, uint32(2*len(t.runes)))
		}
		runs = append(runs, run{start: start, end: uint32(2 * len(t.runes)), p: p.p})
	}
	var out []string
	for _, l := range convert(t, runs, nil) {
		out = append(out, strconv.Itoa(l.N)+" "+l.Text)
	}
	return out
}

func assertLines(t *testing.T, got, want []string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSpecialCharacters prints a field's result and not its code, breaks
// a paragraph's lines at line and page breaks, and drops the marks of
// pictures and drawn objects.
func TestSpecialCharacters(t *testing.T) {
	assertLines(t, lines(
		paragraph{"报告\x13 PAGE \x142\x15页\r", plain},
		paragraph{"\x13 HYPERLINK \"x\" \x13 REF a \x14内\x15\x14链接\x15\r", plain},
		paragraph{"规章\t0\v第二行\x0c第三页\r", plain},
		paragraph{"图\x01\x08片\x1e一\x1f二\r", plain},
		paragraph{"\r", plain},
		paragraph{"完\r", plain},
	), []string{
		"1 报告2页",
		"2 链接",
		"3 规章\t0",
		"3 第二行",
		"3 第三页",
		"4 图片-一二",
		"6 完",
	})
}

// TestSectionBreak ends a paragraph at a section break, which is its mark.
func TestSectionBreak(t *testing.T) {
	assertLines(t, lines(
		paragraph{"一\x0c", plain},
		paragraph{"二\r", plain},
	), []string{"1 一", "2 二"})
}

// TestTableRows prints each row as a pipe row numbered by its place, its
// cells' paragraphs joined, a merged cell under its first column and
// empty under the others, a cell continuing a vertical merge empty, a
// row starting right of the table's edge after empty cells, and a nested
// table's text in its cell.
func TestTableRows(t *testing.T) {
	assertLines(t, lines(
		paragraph{"前\r", plain},
		paragraph{"合并\x07", inCell},
		paragraph{"申请人\x07", inCell},
		paragraph{"\x07", rowEnd([]int{0, 2000, 3000})},
		paragraph{"\x07", inCell},
		paragraph{"自然人\x07", inCell},
		paragraph{"商业|企业\x07", inCell},
		paragraph{"\x07", rowEnd([]int{0, 2000, 2500, 3000}, 0)},
		paragraph{"（二）部分公开\r", inCell},
		paragraph{"（区分处理的）\x07", inCell},
		paragraph{"内\r", nested},
		paragraph{"表\r", nested},
		paragraph{"\x07", inCell},
		paragraph{"4\x07", inCell},
		paragraph{"\x07", inCell},
		paragraph{"\x07", rowEnd([]int{0, 1000, 2000, 2500, 3000})},
		paragraph{"5\x07", inCell},
		paragraph{"\x07", rowEnd([]int{2500, 3000})},
		paragraph{"\x07", inCell},
		paragraph{"\x07", rowEnd([]int{0, 3000})},
		paragraph{"后\r", plain},
	), []string{
		"1 前",
		"2 | 合并 |  | 申请人 |  |",
		"3 |  |  | 自然人 | 商业 企业 |",
		"4 | （二）部分公开（区分处理的） | 内表 | 4 |  |",
		"5 |  |  |  | 5 |",
		"7 后",
	})
}

// TestRowsWithoutGeometry prints a row whose geometry is missing, or does
// not describe its cells, one cell per printed cell, and the other rows on
// the grid.
func TestRowsWithoutGeometry(t *testing.T) {
	broken := rowEnd([]int{0, 1000, 2000})
	broken.row.broken = "changed"
	assertLines(t, lines(
		paragraph{"标签\x07", inCell},
		paragraph{"1\x07", inCell},
		paragraph{"2\x07", inCell},
		paragraph{"\x07", rowEnd([]int{0, 1000, 2000, 3000})},
		paragraph{"合计\x07", inCell},
		paragraph{"3\x07", inCell},
		paragraph{"\x07", &para{inTable: true, rowEnd: true, depth: 1}},
		paragraph{"甲\x07", inCell},
		paragraph{"4\x07", inCell},
		paragraph{"\x07", rowEnd([]int{0, 1000, 2000, 3000})},
		paragraph{"乙\x07", inCell},
		paragraph{"5\x07", inCell},
		paragraph{"\x07", broken},
		paragraph{"丙\x07", inCell},
		paragraph{"6\x07", inCell},
		paragraph{"\x07", rowEnd([]int{0, 2000, 3000})},
	), []string{
		"1 | 标签 | 1 | 2 |",
		"2 | 合计 | 3 |",
		"3 | 甲 | 4 |",
		"4 | 乙 | 5 |",
		"5 | 丙 |  | 6 |",
	})
}

// TestTableWithoutCommonLines prints a table none of whose rows has a cell
// between every two column lines of the table as printed.
func TestTableWithoutCommonLines(t *testing.T) {
	assertLines(t, lines(
		paragraph{"标签\x07", inCell},
		paragraph{"1\x07", inCell},
		paragraph{"\x07", rowEnd([]int{0, 1500, 3000})},
		paragraph{"标签\x07", inCell},
		paragraph{"2\x07", inCell},
		paragraph{"3\x07", inCell},
		paragraph{"\x07", rowEnd([]int{0, 1000, 2000, 3000})},
	), []string{
		"1 | 标签 | 1 |",
		"2 | 标签 | 2 | 3 |",
	})
}

// TestBoundariesMovedSlightly takes lines a few twips apart, as editing
// in Word leaves them, for one column line.
func TestBoundariesMovedSlightly(t *testing.T) {
	assertLines(t, lines(
		paragraph{"标签\x07", inCell},
		paragraph{"1\x07", inCell},
		paragraph{"2\x07", inCell},
		paragraph{"\x07", rowEnd([]int{0, 1000, 2000, 3000})},
		paragraph{"标签\x07", inCell},
		paragraph{"3\x07", inCell},
		paragraph{"\x07", rowEnd([]int{0, 1990, 3005})},
	), []string{
		"1 | 标签 | 1 | 2 |",
		"2 | 标签 |  | 3 |",
	})
}
