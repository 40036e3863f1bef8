package ingest

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// Rows of table 3 printed blank, and tables that fill the same columns in
// every row (form/blankrows.go).

// sparseTable3 is table 3 of the 2021 form with every figure 0 but
// 自然人 and 总计 of 一、本年新收, （一）予以公开 and （七）总计 (n each),
// and of 二、上年结转 (carried: 自然人 and 总计, carried again under 四).
func sparseTable3(t *testing.T, n, carried int) []damagedRow {
	t.Helper()
	rows := damagedTable3(t, 1, gongkai.Template2021)
	for i := range rows {
		if rows[i].figures == nil {
			continue
		}
		rows[i].figures = make([]int, 7)
		x := 0
		switch {
		case rows[i].indicator == "requests.received", strings.HasPrefix(rows[i].label, "（一）予以公开"):
			x = n
		case rows[i].indicator == "requests.answered":
			x = n
		case rows[i].indicator == "requests.carried_over", rows[i].indicator == "requests.carried_forward":
			x = carried
		}
		rows[i].figures[0], rows[i].figures[6] = x, x
	}
	return rows
}

// totalsFound is how many 总计 of table 3 r placed, each flagged
// placed_by_arithmetic.
func totalsFound(t *testing.T, r *gongkai.Report) int {
	t.Helper()
	n := 0
	for _, o := range r.Observations {
		if !strings.HasPrefix(o.Indicator, "requests.") || o.Breakdown != "total" || hasFlag(o, gongkai.FlagDerived) {
			continue
		}
		if !hasFlag(o, gongkai.FlagPlacedByArithmetic) {
			t.Errorf("%s [%s]: flags %v, want %s", o.Indicator, o.Breakdown, o.Flags, gongkai.FlagPlacedByArithmetic)
		}
		n++
	}
	return n
}

// A table that leaves every zero blank prints 二、上年结转 with no cell: it
// is 0 in every column, the column sums hold with it, and the 总计 of the
// rows that print 7 7 are placed. When its figures were lost instead (the
// table carried 2 over, which 一 + 二 = （七）总计 + 四 needs), the
// column sums hold in no choice and nothing is placed.
func TestBlankCellsRowPrintedBlank(t *testing.T) {
	everyZero := func(rows []damagedRow) func(int, int) bool {
		return func(i, j int) bool { return rows[i].figures[j] == 0 }
	}
	t.Run("placed", func(t *testing.T) {
		rows := sparseTable3(t, 7, 0)
		blank := everyZero(rows)
		r, err := Parse("raw.txt", []byte(blankTable3(rows, blank)))
		if err != nil {
			t.Fatal(err)
		}
		checkBlankTable3(t, r, rows, blank)
		if got := totalsFound(t, r); got != 3 {
			t.Errorf("%d 总计 placed, want 3 (一, （一）, （七）): %+v", got, r.Unplaced)
		}
	})
	t.Run("lost, not blank", func(t *testing.T) {
		rows := sparseTable3(t, 7, 2)
		blank := everyZero(rows)
		over := rowWith(t, rows, func(r damagedRow) bool { return r.indicator == "requests.carried_over" })
		lost := func(i, j int) bool { return blank(i, j) || i == over }
		r, err := Parse("raw.txt", []byte(blankTable3(rows, lost)))
		if err != nil {
			t.Fatal(err)
		}
		checkBlankTable3(t, r, rows, lost)
		if got := totalsFound(t, r); got != 0 {
			t.Errorf("%d 总计 placed, want none", got)
		}
		if !unplacedBecause(r, "予以公开", "no choice of them makes the column sums of table 3 hold") {
			t.Errorf("予以公开 not unplaced for the column sums: %+v", r.Unplaced)
		}
	})
}

// A table that fills 自然人 and 总计 in every row, zeros too
// (shuyang-fgj-2023): the rows printing 7 7 put their last figure under
// 总计, and every row printing 0 0 does too; 自然人 is under one of six
// applicant columns, which nothing says. A row printing three figures
// (0 0 0) shows the table fills no fixed columns: the zeros place
// nothing.
func TestBlankCellsSameShape(t *testing.T) {
	rows := sparseTable3(t, 7, 0)
	blank := zeroBlank(rows, func(j int) bool { return j > 0 && j < 6 })
	t.Run("placed", func(t *testing.T) {
		r, err := Parse("raw.txt", []byte(blankTable3(rows, blank)))
		if err != nil {
			t.Fatal(err)
		}
		checkBlankTable3(t, r, rows, blank)
		if got, want := totalsFound(t, r), printedRows(rows); got != want {
			t.Errorf("%d 总计 placed, want every row's %d: %+v", got, want, r.Unplaced)
		}
		if !unplacedBecause(r, "属于国家秘密", "those whose figures are not 0 print the last under 总计") {
			t.Errorf("1.属于国家秘密's 自然人 not unplaced with the reason: %+v", r.Unplaced)
		}
	})
	t.Run("rows of other shapes", func(t *testing.T) {
		secret := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
		three := func(i, j int) bool { return blank(i, j) && !(i == secret && j == 1) }
		r, err := Parse("raw.txt", []byte(blankTable3(rows, three)))
		if err != nil {
			t.Fatal(err)
		}
		checkBlankTable3(t, r, rows, three)
		if got := totalsFound(t, r); got != 3 {
			t.Errorf("%d 总计 placed, want the 3 that are not 0", got)
		}
		if !unplacedBecause(r, "属于国家秘密", "put no figure under the same column") {
			t.Errorf("1.属于国家秘密 not unplaced: %+v", r.Unplaced)
		}
	})
}

// A row of table 3 whose label wraps beside its figures, printed on two
// lines (`1.本机关不掌握相 5` / `关政府信息 2 7`), is read whole: its 总计
// is placed as a row's on one line is. A figure on a line of its own
// between two pieces of the label (`1.本机关不掌握相 5` / `2` /
// `关政府信息 7`) may be another
// row's, whose label was lost: the row is not read so, and with it
// unknown the column sums place nothing.
func TestBlankCellsRowOverLines(t *testing.T) {
	rows := sparseTable3(t, 0, 0)
	for i := range rows {
		if rows[i].indicator == "requests.received" || rows[i].indicator == "requests.answered" || strings.HasPrefix(rows[i].label, "1.本机关不掌握") {
			rows[i].figures = []int{5, 2, 0, 0, 0, 0, 7}
		}
	}
	blank := func(i, j int) bool { return rows[i].figures[j] == 0 }
	text := blankTable3(rows, blank)
	for _, c := range []struct {
		name   string
		lines  string
		totals int
	}{
		{"a label wrapped beside them", "1.本机关不掌握相 5\n关政府信息 2 7\n", 3},
		{"a figure between pieces of the label", "1.本机关不掌握相 5\n2\n关政府信息 7\n", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			damaged := strings.Replace(text, "1.本机关不掌握相关政府信息 5 2 7\n", c.lines, 1)
			if damaged == text {
				t.Fatal("the row of 1.本机关不掌握相关政府信息 is not in the text")
			}
			r, err := Parse("raw.txt", []byte(damaged))
			if err != nil {
				t.Fatal(err)
			}
			checkBlankTable3(t, r, rows, blank)
			if got := totalsFound(t, r); got != c.totals {
				t.Errorf("%d 总计 placed, want %d: %+v", got, c.totals, r.Unplaced)
			}
		})
	}
}

// In the 2021 form （六）其他处理 is a heading over three rows; a report
// that prints their sum on it prints a local subtotal, which no column
// sum of table 3 binds. Its figures' places in space-aligned text narrow
// the rows the column sums then weigh, never a row they do not weigh:
// the subtotal's applicant figures are not placed by their place alone,
// while the rows under it, which the sums weigh, are placed whole.
func TestBlankCellsUnboundRowNotPlacedByPosition(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	other := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.申请人无正当理由") })
	setRow(rows, other, []int{2, 1, 0, 0, 0, 0, 3})
	heading := -1
	for i, r := range rows {
		if strings.HasPrefix(r.label, "（六）其他处理") {
			heading = i
		}
	}
	if heading < 0 || rows[heading].figures != nil {
		t.Fatal("（六）其他处理 is no heading of the 2021 form")
	}
	sum := make([]int, 7)
	for _, r := range rows[heading+1 : heading+4] {
		for j, f := range r.figures {
			sum[j] += f
		}
	}
	rows[heading].figures, rows[heading].indicator = sum, "requests.other_handling"
	outcome := func(i int) bool {
		ind := rows[i].indicator
		return ind != "requests.received" && ind != "requests.carried_over" && ind != "requests.answered" && ind != "requests.carried_forward"
	}
	blank := func(i, j int) bool { return outcome(i) && j < 6 && rows[i].figures[j] == 0 }
	r, err := Parse("layout.txt", []byte(blankLayout(rows, blank, func(int, int) int { return 0 })))
	if err != nil {
		t.Fatal(err)
	}
	checkBlankTable3(t, r, rows, blank)
	placed := map[string]bool{}
	for _, o := range r.Observations {
		placed[o.Indicator+"|"+o.Breakdown] = true
		if o.Indicator == "requests.other_handling" && o.Breakdown != "total" {
			t.Errorf("%s [%s] = %s placed by its place alone", o.Indicator, o.Breakdown, show(o.Value))
		}
	}
	for j, f := range rows[other].figures {
		if f != 0 && !placed[rows[other].indicator+"|"+applicantKeys[j]] {
			t.Errorf("%s [%s] = %d not placed: %+v", rows[other].indicator, applicantKeys[j], f, r.Unplaced)
		}
	}
}

// A row whose figures stand one on each line of its wrapped label, the
// reader taking the second line for a row of its own (`2.没有现成信息需要另行制作 5`
// / `提供 5`, 提供 a piece of the heading （四）无法提供 beside it): neither
// admits a placement alone, and the second joins the first, as the lines
// follow one another. With a line between them they are two rows, each
// unplaced, and with the row unknown the column sums place nothing.
func TestBlankCellsWrappedPieces(t *testing.T) {
	rows := sparseTable3(t, 0, 0)
	for i := range rows {
		if rows[i].indicator == "requests.received" || rows[i].indicator == "requests.answered" || strings.HasPrefix(rows[i].label, "2.没有现成信息") {
			rows[i].figures = []int{5, 0, 0, 0, 0, 0, 5}
		}
	}
	blank := func(i, j int) bool { return rows[i].figures[j] == 0 }
	text := blankTable3(rows, blank)
	for _, c := range []struct {
		name   string
		lines  string
		totals int
	}{
		{"on lines that follow", "2.没有现成信息需要另行制作 5\n提供 5\n", 3},
		{"a line between", "2.没有现成信息需要另行制作 5\n\n提供 5\n", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			damaged := strings.Replace(text, "2.没有现成信息需要另行制作 5 5\n", c.lines, 1)
			if damaged == text {
				t.Fatal("the row of 2.没有现成信息需要另行制作 is not in the text")
			}
			r, err := Parse("raw.txt", []byte(damaged))
			if err != nil {
				t.Fatal(err)
			}
			checkBlankTable3(t, r, rows, blank)
			if got := totalsFound(t, r); got != c.totals {
				t.Errorf("%d 总计 placed, want %d: %+v", got, c.totals, r.Unplaced)
			}
		})
	}
}
