package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// Text OCR reads from a page whose table rules were taken out first
// (scripts/derule, as tools that read tables clean a page): the cells of
// each row on a line, spaced by the gaps OCR sees, under table 3's header
// scattered over lines as tesseract prints it (from the real
// huaian-hongze-2023's page).

// ocrCleanHeader3 is table 3's header as tesseract read huaian's cleaned
// page: no column's place can be told from it.
const ocrCleanHeader3 = "三、收到和处理政府信息公开申请情况\n" +
	"申请人情况\n" +
	"(本列数据的勾稽关系为，第一项加第二项之和， 等        法人或其他组织\n" +
	"于第三项加第四项之和)              自然人  社会 法律    总计\n" +
	"商业 科研 公益 服务 其他\n" +
	"企业 机构 组织 机构\n"

// ocrCleanTable3 prints table 3 of rows as OCR prints a cleaned page: a
// row a line, its label then its figures two spaces apart; damage changes
// the figures of a row (their text) before they are printed.
func ocrCleanTable3(rows []damagedRow, damage func(i int, figures []string) []string) string {
	var b strings.Builder
	b.WriteString("某县2021年政府信息公开工作年度报告\n" + ocrCleanHeader3)
	for i, r := range rows {
		figures := make([]string, len(r.figures))
		for j, f := range r.figures {
			figures[j] = fmt.Sprint(f)
		}
		if damage != nil {
			figures = damage(i, figures)
		}
		b.WriteString(r.label + "        " + strings.Join(figures, "  ") + "\n")
	}
	b.WriteString("四、政府信息公开行政复议、行政诉讼情况\n")
	return b.String()
}

func TestOCRCleanTable3Read(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	r, err := Parse("ocr.txt", []byte(ocrCleanTable3(rows, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures found, want %d", found, want)
	}
}

// OCR drops the spaces between narrow cells (`0 000 0 0 0`, `1 0000 0 1`):
// the digits are a run with cuts at the spaces it printed, split where
// exactly one split fits the row's identity (总计 = the six applicant
// columns). Flag split_by_arithmetic.
func TestOCRSpacesLostRead(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	// Rows of single digits only: their digits split one way.
	var spaced []int
	for i, r := range rows {
		if r.figures != nil && strings.Join(intStrings(r.figures), "") == strings.Join(intStrings(r.figures), "")[:7] {
			spaced = append(spaced, i)
		}
	}
	if len(spaced) < 2 {
		t.Fatalf("%d rows of single digits in the table, want some", len(spaced))
	}
	r, err := Parse("ocr.txt", []byte(ocrCleanTable3(rows, func(i int, figures []string) []string {
		if i != spaced[0] && i != spaced[1] {
			return figures
		}
		// 0 0 0 0 0 0 0 → 0 000 0 0 0
		return append([]string{figures[0], figures[1] + figures[2] + figures[3]}, figures[4:]...)
	})))
	if err != nil {
		t.Fatal(err)
	}
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures found, want %d", found, want)
	}
	checkTable3(t, r, rows[spaced[0]:spaced[0]+1], gongkai.FlagSplitByArithmetic)
	noUnplaced(t, r)
}

// The rule refuses, and the row is unplaced with the reason, the other
// rows read: where OCR doubled a zero (4 000 0 0 0 4: eight digits for
// seven columns), where a run holds other digits than zeros (0 0 0010
// 010: a rule read as 1 between zeros; cut, it would add up), and where a
// mark OCR left stands among the figures (.7 for 17: the cells show 7).
func TestOCRSpacesLostRefused(t *testing.T) {
	for _, tc := range []struct {
		name    string
		figures []int
		printed string
		reason  string
	}{
		{"a zero doubled", []int{4, 0, 0, 0, 0, 0, 4}, "4  000  0  0  0  4", "no split"},
		{"a rule read as 1 among zeros", []int{0, 0, 0, 0, 0, 0, 0}, "0 0 0010 010", "not the form's 7"},
		{"a mark among the figures", []int{17, 0, 0, 0, 0, 0, 17}, "7 0 000 0 .7", "no column is certain"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rows, at, r := parseSecretsRowPrinted(t, tc.printed, func(rows []damagedRow, at int) { rows[at].figures = tc.figures })
			for _, o := range r.Observations {
				if o.Indicator == rows[at].indicator {
					t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, show(o.Value))
				}
			}
			if !unplacedBecause(r, "属于国家秘密", tc.reason) {
				t.Errorf("row not unplaced for %q: %+v", tc.reason, r.Unplaced)
			}
			if found, want := checkTable3(t, r, rows, ""), 7*(printedRows(rows)-1); found != want {
				t.Errorf("%d figures found, want %d", found, want)
			}
		})
	}
}

func intStrings(ns []int) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = fmt.Sprint(n)
	}
	return out
}

// OCR drops a digit of a cell and of its row's 总计 alike (a row of 11s
// read as 1s still adds up); （七）总计 then is not the sum of the outcome
// rows in those columns (I3). In a text that shows OCR's signs elsewhere,
// those columns' figures of the outcome rows are unplaced; in a typed
// text the row is kept as printed, for the checks to flag.
func TestOCRColumnNotAddingUp(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	bad := rowWith(t, rows, func(r damagedRow) bool {
		return r.figures[0] >= 10 && r.indicator != "requests.received" && r.indicator != "requests.carried_over" &&
			r.indicator != "requests.answered" && r.indicator != "requests.carried_forward"
	})
	received := rowWith(t, rows, func(r damagedRow) bool { return r.indicator == "requests.received" })
	typedAndMarked(t, rows, received, func(i int, cells []string) []string {
		if i == bad {
			cells[1] = fmt.Sprint(rows[i].figures[0] - 10)
			cells[7] = fmt.Sprint(rows[i].figures[6] - 10)
		}
		return cells
	}, func(t *testing.T, r *gongkai.Report, marked bool) {
		natural, total := 0, 0
		for _, o := range r.Observations {
			switch {
			case o.Indicator == rows[bad].indicator && o.Breakdown == "natural_person":
				natural++
			case o.Indicator == "requests.answered" && o.Breakdown == "total":
				total++
			}
		}
		unplaced := unplacedBecause(r, "自然人", "not to （七）总计")
		switch {
		case marked && (natural != 0 || total != 0 || !unplaced):
			t.Errorf("%d figures of the row under 自然人, %d of （七）总计 under 总计 placed, unplaced %v; want none, unplaced: %+v", natural, total, unplaced, r.Unplaced)
		case !marked && (natural != 1 || unplaced):
			t.Errorf("%d figures of the row under 自然人 placed, unplaced %v; want it as printed", natural, unplaced)
		}
		if marked {
			// The other columns add up and stand.
			if found := checkTable3(t, r, rows[bad:bad+1], ""); found != 5 {
				t.Errorf("%d figures of the row found, want the 5 of the columns that add up", found)
			}
		}
	})
}

// OCR reads a lone 1 as ] (`1.属于国家秘密  ]  0 0 0 0 0  1`): the mark is
// read as 1 where 总计 less the five other columns is 1, flag
// split_by_arithmetic; where the sum gives another figure (11: the mark
// may be a rule and the figure lost) or the row prints other than six
// figures after it, the row is unplaced. A 1 read as a letter glued to
// the rest of its figure (`l51` for 151, seven figures) is read so where
// the sum gives that figure (form/ocrshapes.go, markGluedToFirstFigure);
// not where it gives another, nor for a mark apart from the figure or
// of a 0's shape.
func TestOCRMarkShapedLikeADigit(t *testing.T) {
	for _, tc := range []struct {
		name    string
		figures []int
		printed string
		read    bool
	}{
		{"a 1 read as ]", []int{1, 0, 0, 0, 0, 0, 1}, "]  0  0  0  0  0  1", true},
		{"a 0 read as O", []int{0, 0, 0, 0, 0, 0, 0}, "O  0  0  0  0  0  0", true},
		{"the sum gives 11", []int{11, 0, 0, 0, 0, 0, 11}, "]  0  0  0  0  0  11", false},
		{"a figure lost", []int{1, 2, 0, 0, 0, 0, 3}, "]  0  0  0  0  3", false},
		{"a mark of no digit's shape", []int{1, 0, 0, 0, 0, 0, 1}, "“  0  0  0  0  0  1", false},
		{"a 1 read as l, glued to its figure", []int{151, 3, 0, 0, 0, 0, 154}, "l51  3  0  0  0  0  154", true},
		{"glued, a digit lost", []int{151, 3, 0, 0, 0, 0, 154}, "l5  3  0  0  0  0  154", false},
		{"glued, the sum gives the figure as printed", []int{51, 3, 0, 0, 0, 0, 54}, "l51  3  0  0  0  0  54", false},
		{"apart from its figure", []int{151, 3, 0, 0, 0, 0, 154}, "l  51  3  0  0  0  0  154", false},
		{"a 0's shape glued", []int{51, 3, 0, 0, 0, 0, 54}, "O51  3  0  0  0  0  54", false},
	} {
		t.Run(tc.name, func(t *testing.T) { checkSecretsRowPrinted(t, tc.figures, tc.printed, tc.read) })
	}
}

// checkSecretsRowPrinted parses table 3 whose row 1.属于国家秘密 has the
// figures and is printed as printed, and checks that the row is read
// (its first figure flagged split_by_arithmetic) or, when not read,
// unplaced with none of its figures placed; every other row is read.
func checkSecretsRowPrinted(t *testing.T, figures []int, printed string, read bool) {
	t.Helper()
	rows, at, r := parseSecretsRowPrinted(t, printed, func(rows []damagedRow, at int) { setRow(rows, at, figures) })
	want := 7 * printedRows(rows)
	if !read {
		bySums := placedBySums(t, r, rows[at].indicator)
		want -= 7 - bySums
		if bySums < 7 && !unplacedBecause(r, "属于国家秘密", "") {
			t.Errorf("row not unplaced: %+v", r.Unplaced)
		}
	} else {
		checkTable3(t, r, rows[at:at+1], "")
		for _, o := range r.Observations {
			if o.Indicator == rows[at].indicator && o.Breakdown == "natural_person" && !hasFlag(o, gongkai.FlagSplitByArithmetic) {
				t.Errorf("%s [%s]: flags %v, want split_by_arithmetic", o.Indicator, o.Breakdown, o.Flags)
			}
		}
	}
	if found := checkTable3(t, r, rows, ""); found != want {
		t.Errorf("%d figures found, want %d; unplaced: %+v", found, want, r.Unplaced)
	}
}

// parseSecretsRowPrinted parses a clean OCR reading of table 3 of the 2021
// form whose row 1.属于国家秘密, given its figures by set, is printed as
// printed; it returns the table's rows, that row's index and the result.
func parseSecretsRowPrinted(t *testing.T, printed string, set func(rows []damagedRow, at int)) ([]damagedRow, int, *gongkai.Report) {
	t.Helper()
	rows := damagedTable3(t, 3, gongkai.Template2021)
	at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
	set(rows, at)
	r, err := Parse("ocr.txt", []byte(ocrCleanTable3(rows, func(i int, figures []string) []string {
		if i == at {
			return []string{printed}
		}
		return figures
	})))
	if err != nil {
		t.Fatal(err)
	}
	return rows, at, r
}

// setRow gives row at of table 3 the figures, and （七）总计 and 一 the
// same change, so that the columns still add up (I1, I3).
func setRow(rows []damagedRow, at int, figures []int) {
	for i, r := range rows {
		if r.indicator != "requests.answered" && r.indicator != "requests.received" {
			continue
		}
		for j := range r.figures {
			rows[i].figures[j] += figures[j] - rows[at].figures[j]
		}
	}
	rows[at].figures = figures
}
