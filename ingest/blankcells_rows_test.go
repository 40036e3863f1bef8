package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// Rows of table 3 whose blank cells left no trace (form/blankcells.go):
// the text prints only the figures of the cells that are not blank, each
// parted from the next by a space, as pdftotext -raw prints a table that
// leaves its zeros blank. The header is scattered over lines, so the
// columns are the form's.

// blankTable3 prints table 3 of rows, each row's cells that blank picks
// (by row and column) left out.
func blankTable3(rows []damagedRow, blank func(row, col int) bool) string {
	var b strings.Builder
	b.WriteString("某县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n")
	b.WriteString("申请人情况\n自然\n人\n法人或其他组织 总计\n商业\n企业\n科研\n机构\n社会\n公益\n组织\n法律\n服务\n机构\n其他\n")
	for i, r := range rows {
		if r.figures == nil {
			b.WriteString(r.label + "\n")
			continue
		}
		var printed []string
		for j, f := range r.figures {
			if !blank(i, j) {
				printed = append(printed, strconv.Itoa(f))
			}
		}
		b.WriteString(strings.TrimSpace(r.label+" "+strings.Join(printed, " ")) + "\n")
	}
	b.WriteString(shreddedTable4([]int{1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
	return b.String()
}

// zeroBlank blanks the zeros of rows under the columns cols names.
func zeroBlank(rows []damagedRow, cols func(int) bool) func(int, int) bool {
	return func(i, j int) bool { return rows[i].figures[j] == 0 && cols(j) }
}

// checkBlankTable3 asserts that every figure of table 3 parsed is a cell
// printed, with its figure, and returns how many there are.
func checkBlankTable3(t *testing.T, r *gongkai.Report, rows []damagedRow, blank func(int, int) bool) int {
	t.Helper()
	want := map[string]int{}
	for i, row := range rows {
		for j, f := range row.figures {
			if !blank(i, j) {
				want[row.indicator+"|"+applicantKeys[j]] = f
			}
		}
	}
	found := 0
	for _, o := range r.Observations {
		if !strings.HasPrefix(o.Indicator, "requests.") {
			continue
		}
		k := o.Indicator + "|" + o.Breakdown
		f, ok := want[k]
		switch {
		case !ok:
			t.Errorf("%s = %s placed under a blank cell", k, show(o.Value))
		case o.Value == nil || *o.Value != float64(f):
			t.Errorf("%s = %s, want %d", k, show(o.Value), f)
		default:
			found++
		}
	}
	return found
}

// The zeros of every applicant column but 自然人 blank, as
// shuyang-fgj-2023 prints them: every row's 总计 that is not 0 is placed,
// the 总计 column confirming it; and the applicant figures the column
// sums leave one place for.
func TestBlankCellsPlaced(t *testing.T) {
	for seed := 1; seed <= 6; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rows := damagedTable3(t, seed, gongkai.Template2021)
			blank := zeroBlank(rows, func(j int) bool { return j > 0 && j < 6 })
			r, err := Parse("raw.txt", []byte(blankTable3(rows, blank)))
			if err != nil {
				t.Fatal(err)
			}
			found := checkBlankTable3(t, r, rows, blank)
			totals := 0
			for _, row := range rows {
				if row.figures != nil && row.figures[6] != 0 {
					totals++
				}
			}
			if found < totals {
				t.Errorf("%d figures found, fewer than the %d rows' 总计 that are not 0", found, totals)
			}
			for _, o := range r.Observations {
				if strings.HasPrefix(o.Indicator, "requests.") && !hasFlag(o, gongkai.FlagPlacedByArithmetic) && !hasFlag(o, gongkai.FlagDerived) {
					t.Errorf("%s [%s]: flags %v, want %s", o.Indicator, o.Breakdown, o.Flags, gongkai.FlagPlacedByArithmetic)
				}
			}
			t.Logf("%d figures found, %d totals", found, totals)
		})
	}
}

// A row that admits no placement (a lone figure that is not 0: it is
// neither a 总计 with blank applicants nor an applicant figure with a
// blank 总计) and a row of zeros (0 0: an applicant 0 and a 总计 0, or two
// applicant zeros and a blank 总计) place nothing; a row whose 总计 was
// lost (1 1 2 printed 1 1: 其他 is then the sum of the others, as a 总计
// is) is refused by the 总计 column's sums, and with it every row read so.
func TestBlankCellsRefused(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	at := func(prefix string) int {
		return rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, prefix) })
	}
	blank := zeroBlank(rows, func(j int) bool { return j > 0 && j < 6 })
	for _, c := range []struct {
		name   string
		print  func(i, j int) bool
		row    string
		reason string
	}{
		{"a lone figure", func(i, j int) bool { return blank(i, j) || i == at("1.属于国家秘密") && j == 6 }, "属于国家秘密", "no placement of them makes 总计 the sum"},
		{"zeros", func(i, j int) bool {
			return blank(i, j) || i == at("2.其他法律") && (j > 0 && j < 6 || rows[i].figures[j] == 0)
		}, "其他法律行政法规禁止公开", "put no figure under the same column"},
		{"a 总计 lost", func(i, j int) bool { return blank(i, j) || i == at("4.保护第三方") && j == 6 }, "保护第三方合法权益", "no choice of them makes the column sums of table 3 hold"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rs := append([]damagedRow(nil), rows...)
			for i := range rs {
				rs[i].figures = append([]int(nil), rs[i].figures...)
			}
			switch c.name {
			case "zeros":
				setRow(rs, at("2.其他法律"), []int{0, 0, 0, 0, 0, 0, 0})
			case "a 总计 lost":
				setRow(rs, at("4.保护第三方"), []int{1, 0, 0, 0, 0, 1, 2})
			case "a lone figure":
				setRow(rs, at("1.属于国家秘密"), []int{5, 0, 0, 0, 0, 0, 5})
			}
			r, err := Parse("raw.txt", []byte(blankTable3(rs, c.print)))
			if err != nil {
				t.Fatal(err)
			}
			checkBlankTable3(t, r, rs, c.print)
			if !unplacedBecause(r, c.row, c.reason) {
				t.Errorf("%s not unplaced for %q: %+v", c.row, c.reason, r.Unplaced)
			}
			for _, o := range r.Observations {
				if strings.Contains(o.Label, c.row) {
					t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, show(o.Value))
				}
			}
		})
	}
}

// A row whose blank cells left no trace among rows printed whole: the
// column sums of table 3 (I1, I3) leave each of its figures one column,
// and it is placed whole. Its own identity leaves the applicant figures
// several (10 2 12: 2 under any column after 自然人's 10).
func TestBlankCellsPlacedByColumnSums(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	for _, label := range []string{"一、本年新收", "（一）予以公开", "2.重复申请", "（七）总计"} {
		t.Run(label, func(t *testing.T) {
			at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, label) })
			blank := func(i, j int) bool { return i == at && j < 6 && rows[i].figures[j] == 0 }
			r, err := Parse("raw.txt", []byte(blankTable3(rows, blank)))
			if err != nil {
				t.Fatal(err)
			}
			if found, want := checkBlankTable3(t, r, rows, blank), 7*printedRows(rows)-zerosOf(rows[at].figures[:6]); found != want {
				t.Errorf("%d figures found, want %d: %+v", found, want, r.Unplaced)
			}
			for _, o := range r.Observations {
				if o.Indicator == rows[at].indicator && !hasFlag(o, gongkai.FlagPlacedByArithmetic) {
					t.Errorf("%s [%s]: flags %v, want %s", o.Indicator, o.Breakdown, o.Flags, gongkai.FlagPlacedByArithmetic)
				}
			}
		})
	}
}

func zerosOf(fs []int) int {
	n := 0
	for _, f := range fs {
		if f == 0 {
			n++
		}
	}
	return n
}

// blankLayout prints table 3 as pdftotext -layout prints it: each figure
// right-aligned in its column, spaces where a cell is blank (blank picks
// them) and where shift moves a figure (row, column: columns to the
// right).
func blankLayout(rows []damagedRow, blank func(row, col int) bool, shift func(row, col int) int) string {
	var b strings.Builder
	b.WriteString("某县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n")
	b.WriteString(strings.SplitAfter(pdfLayout(nil), "\n\n")[0][len("三、收到和处理政府信息公开申请情况\n"):])
	for i, r := range rows {
		if r.figures == nil {
			b.WriteString("    " + r.label + "\n")
			continue
		}
		line := []rune(fmt.Sprintf("    %-40s", r.label) + strings.Repeat(" ", 7*8+8))
		for j, f := range r.figures {
			if blank(i, j) {
				continue
			}
			s := strconv.Itoa(f)
			end := 44 + 8*(j+1) + shift(i, j)
			copy(line[end-len(s):], []rune(s))
		}
		b.WriteString(strings.TrimRight(string(line), " ") + "\n")
	}
	b.WriteString(shreddedTable4([]int{1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
	return b.String()
}

// The outcome rows print their zeros blank, 一, 二, （七）总计 and 四 print
// theirs: the rows printed whole show where each column's figures stand,
// and each figure of a row with blank cells falls in one column of them.
// The places narrow the row to one placement, the column sums confirm
// it: every figure is placed. A place that shows a column the sums
// refuse (商业's figures printed under 科研) places nothing of the table.
func TestBlankCellsPlacedByPosition(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	outcome := func(i int) bool {
		ind := rows[i].indicator
		return ind != "requests.received" && ind != "requests.carried_over" && ind != "requests.answered" && ind != "requests.carried_forward"
	}
	blank := func(i, j int) bool { return outcome(i) && j < 6 && rows[i].figures[j] == 0 }
	t.Run("in their columns", func(t *testing.T) {
		r, err := Parse("layout.txt", []byte(blankLayout(rows, blank, func(int, int) int { return 0 })))
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for i, row := range rows {
			for j := range row.figures {
				if !blank(i, j) {
					want++
				}
			}
		}
		if found := checkBlankTable3(t, r, rows, blank); found != want {
			t.Errorf("%d figures found, want %d: %+v", found, want, r.Unplaced)
		}
	})
	t.Run("under the wrong column", func(t *testing.T) {
		moved := func(i, j int) int {
			if outcome(i) && j == 1 {
				return 8 // 商业 under 科研
			}
			return 0
		}
		r, err := Parse("layout.txt", []byte(blankLayout(rows, blank, moved)))
		if err != nil {
			t.Fatal(err)
		}
		checkNonePlaced(t, r, rows, blank, "no choice of them makes the column sums of table 3 hold")
	})
}

// Where the column sums cannot weigh the choices (a row of their terms
// not printed: 二、上年结转 lost), the 总计 alone are weighed, by their
// column; its sums need every term's 总计, and with one not known no row
// is placed.
func TestBlankCellsTotalColumnRefuses(t *testing.T) {
	rows := damagedTable3(t, 1, gongkai.Template2021)
	blank := zeroBlank(rows, func(j int) bool { return j > 0 && j < 6 })
	text := blankTable3(rows, blank)
	lost := rowWith(t, rows, func(r damagedRow) bool { return r.indicator == "requests.carried_over" })
	var kept []string
	for _, l := range strings.Split(text, "\n") {
		if !strings.HasPrefix(l, rows[lost].label) {
			kept = append(kept, l)
		}
	}
	r, err := Parse("raw.txt", []byte(strings.Join(kept, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	checkNonePlaced(t, r, rows, blank, "the column sums cannot decide", "is not known")
}

// checkNonePlaced asserts that no figure of table 3 parsed is wrong and
// none placed by the arithmetic, and that （一）予以公开 is unplaced for
// every reason given.
func checkNonePlaced(t *testing.T, r *gongkai.Report, rows []damagedRow, blank func(int, int) bool, reasons ...string) {
	t.Helper()
	checkBlankTable3(t, r, rows, blank)
	for _, o := range r.Observations {
		if hasFlag(o, gongkai.FlagPlacedByArithmetic) {
			t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, show(o.Value))
		}
	}
	for _, why := range reasons {
		if !unplacedBecause(r, "予以公开", why) {
			t.Errorf("予以公开 not unplaced for %q: %+v", why, r.Unplaced)
		}
	}
}

// BenchmarkBlankCellsSearch parses table 3 with every zero under
// 法人或其他组织 blank (seed 1): the column sums fit too many choices, and
// the search runs to its bound (maxBlankSearchSteps) before the 总计
// column alone is weighed.
func BenchmarkBlankCellsSearch(b *testing.B) {
	rows := damagedTable3(&testing.T{}, 1, gongkai.Template2021)
	text := []byte(blankTable3(rows, zeroBlank(rows, func(j int) bool { return j > 0 && j < 6 })))
	for b.Loop() {
		if _, err := Parse("raw.txt", text); err != nil {
			b.Fatal(err)
		}
	}
}
