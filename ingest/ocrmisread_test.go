package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// Figures real OCR misreads where the layout shows nothing wrong
// (testdata/ocr holds whole reports read by tesseract): each rule reads
// through the damage or refuses the row, never a figure misread.

// ocrPipeTable3 prints table 3 as OCR prints a table whose rules it reads
// as bars: one row a line, cells between |; damage changes the cells of a
// row (label first) before they are printed.
func ocrPipeTable3(rows []damagedRow, damage func(i int, cells []string) []string) string {
	var b strings.Builder
	b.WriteString("某县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n")
	b.WriteString("| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | | | | | | |\n")
	b.WriteString("| | 自然人 | 法人或其他组织 | | | | | 总计 |\n")
	b.WriteString("| | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |\n")
	for i, r := range rows {
		cells := []string{r.label}
		for _, f := range r.figures {
			cells = append(cells, fmt.Sprint(f))
		}
		if damage != nil {
			cells = damage(i, cells)
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	b.WriteString("四、政府信息公开行政复议、行政诉讼情况\n")
	return b.String()
}

// rowWith finds the first row of rows whose figures satisfy ok.
func rowWith(t *testing.T, rows []damagedRow, ok func(damagedRow) bool) int {
	t.Helper()
	for i, r := range rows {
		if r.figures != nil && ok(r) {
			return i
		}
	}
	t.Fatal("no row of the table fits the test")
	return -1
}

func TestOCRPipeTable3Read(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	r, err := Parse("ocr.txt", []byte(ocrPipeTable3(rows, nil)))
	if err != nil {
		t.Fatal(err)
	}
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures found, want %d", found, want)
	}
}

// OCR loses the dot of a row's number (3 要求提供公开出版物, 4无正当理由…):
// the digit numbers the row and is no figure before its label.
func TestOCRRowNumberWithoutDot(t *testing.T) {
	rows := damagedTable3(t, 5, gongkai.Template2021)
	for _, sep := range []string{" ", ""} {
		t.Run(fmt.Sprintf("%q", sep), func(t *testing.T) {
			text := ocrPipeTable3(rows, func(i int, cells []string) []string {
				cells[0] = strings.Replace(cells[0], ".", sep, 1)
				return cells
			})
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
				t.Errorf("%d figures found, want %d", found, want)
			}
			noUnplaced(t, r)
		})
	}
}

// ocrTable2 is table 2 of the 2019 form, its rows as OCR printed them,
// and a row of table 3 that adds up after it.
func ocrTable2(rows ...string) string {
	return "某县2019年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" +
		"              第二十条第（六）项\n" +
		"    信息内容      上一年项目数量   本年增/减   处理决定数量\n" +
		strings.Join(rows, "\n") + "\n" +
		"三、收到和处理政府信息公开申请情况\n" + ocrTable3Received
}

// ocrTable3Received is the head of table 3 and its first row, adding up.
const ocrTable3Received = "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | | | | | | |\n" +
	"| | 自然人 | 法人或其他组织 | | | | | 总计 |\n" +
	"| | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |\n" +
	"| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |\n" +
	"四、政府信息公开行政复议、行政诉讼情况\n"

// A figure OCR misread past the arithmetic's reach shows it by a sign on a
// zero (-6 → -0) or by a mark beside it (127 → ] 2, 0 → D): the figure,
// or the row, is refused. The text is then known to be recognised from
// images, where any digit may be misread: the other rows of table 2,
// which no identity checks, are unplaced too, while a row of table 3
// whose 总计 is the sum of its columns is read.
func TestOCRMarksRefused(t *testing.T) {
	for _, tc := range []struct {
		name, row, reason string
	}{
		{"signed zero", "    行政处罚          0        -0         134", "zero with a sign"},
		{"bracket", "    行政处罚          ] 2        -4         134", `"]" among the row's cells`},
		{"letter", "    行政处罚          0        -4         D  134", "2 figures for 3 columns"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Parse("ocr.txt", []byte(ocrTable2(tc.row, "    行政强制         100       -4         0")))
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range r.Observations {
				if o.Indicator != "requests.received" {
					t.Errorf("%s = %s (raw %q) placed", o.Indicator, show(o.Value), o.Raw)
				}
			}
			if n := len(byIndicatorOf(r, "requests.received")); n != 7 {
				t.Errorf("%d figures of 一、本年新收政府信息公开申请数量 placed, want 7", n)
			}
			if !unplacedBecause(r, "行政处罚", tc.reason) {
				t.Errorf("行政处罚 not unplaced for %q: %+v", tc.reason, r.Unplaced)
			}
			if tc.name == "letter" && !unplacedBecause(r, "D", `"D" among the row's cells`) {
				t.Errorf("the figure after D not unplaced for the mark: %+v", r.Unplaced)
			}
			if !unplacedBecause(r, "行政强制", "no identity of the form checks") {
				t.Errorf("行政强制 not unplaced as a figure of table 2 in OCR text: %+v", r.Unplaced)
			}
		})
	}
}

// byIndicatorOf is the observations of one indicator.
func byIndicatorOf(r *gongkai.Report, indicator string) []gongkai.Observation {
	var out []gongkai.Observation
	for _, o := range r.Observations {
		if o.Indicator == indicator {
			out = append(out, o)
		}
	}
	return out
}

// A digit before a unit (5 万元, 3 件) is a figure, not a row number that
// lost its dot.
func TestOCRRowNumberRuleSparesUnits(t *testing.T) {
	text := "某县2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n" +
		"              第二十条第（八）项\n" +
		"    信息内容      本年收费金额（单位：万元）\n" +
		"    行政事业性收费          5 万元\n" +
		"              第二十条第（五）项\n" +
		"    信息内容      本年处理决定数量\n" +
		"    行政许可          3 件\n" +
		"三、收到和处理政府信息公开申请情况\n"
	r, err := Parse("ocr.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	got := byIndicator(r)
	for ind, want := range map[string]float64{"fees.amount": 5, "licensing.decisions": 3} {
		if o, ok := got[ind+"/"+gongkai.BreakdownTotal]; !ok || o.Value == nil || *o.Value != want {
			t.Errorf("%s: %+v, want %v", ind, o, want)
		}
	}
}

// OCR makes rows the form lacks of labels it misread, with a figure or
// two beside them: such a row of table 3 is refused unless its label has
// words and it prints the form's seven figures, adding up.
func TestOCRLocalRowRefused(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "1.属于国家秘密") })
	for _, tc := range []struct {
		name, row, label, reason string
	}{
		{"one figure", "公开果 | 4", "公开果", "without a figure under each of the form's seven columns"},
		{"one character", "了 | 0 | 0 | 0 | 0 | 0 | 0 | 0", "了", "is no label of the form nor of a row a report adds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := ocrPipeTable3(rows, func(i int, cells []string) []string {
				if i == at {
					cells[len(cells)-1] += " |\n| " + tc.row
				}
				return cells
			})
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range r.Observations {
				if hasFlag(o, gongkai.FlagLocalRow) {
					t.Errorf("%s [%s] = %s placed as a row the form lacks", o.Indicator, o.Breakdown, show(o.Value))
				}
			}
			if !unplacedBecause(r, tc.label, tc.reason) {
				t.Errorf("%s not unplaced for %q: %+v", tc.label, tc.reason, r.Unplaced)
			}
			if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
				t.Errorf("%d figures found, want %d", found, want)
			}
		})
	}
}

// A row of table 3 whose 总计 is not the sum of its six columns is kept as
// printed (reports print such rows; the checks flag them), unless the
// text shows OCR's misreadings elsewhere: then a digit of it is likely
// misread, and the row is unplaced.
func TestOCRRowNotAddingUp(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	bad := rowWith(t, rows, func(r damagedRow) bool { return r.indicator != "" })
	other := rowWith(t, rows[bad+1:], func(r damagedRow) bool { return r.indicator != "" }) + bad + 1
	typedAndMarked(t, rows, other, func(i int, cells []string) []string {
		if i == bad {
			cells[len(cells)-1] += "1" // 总计 no longer the sum
		}
		return cells
	}, func(t *testing.T, r *gongkai.Report, marked bool) {
		placed := 0
		for _, o := range r.Observations {
			if o.Indicator == rows[bad].indicator {
				placed++
			}
		}
		unplaced := unplacedBecause(r, rows[bad].label, "OCR's misreadings")
		switch {
		case marked && (placed != 0 || !unplaced):
			t.Errorf("%s: %d figures placed, unplaced %v; want none placed, unplaced for OCR: %+v", rows[bad].label, placed, unplaced, r.Unplaced)
		case !marked && (placed != 7 || unplaced):
			t.Errorf("%s: %d figures placed, unplaced %v; want all 7 as printed", rows[bad].label, placed, unplaced)
		}
	})
}

// typedAndMarked parses table 3 of rows as OCR prints it, changed by edit,
// twice: as typed, and with a misread mark (]) in the row other, a sign of
// OCR; check judges each parse.
func typedAndMarked(t *testing.T, rows []damagedRow, other int, edit func(i int, cells []string) []string,
	check func(t *testing.T, r *gongkai.Report, marked bool)) {
	t.Helper()
	for _, tc := range []struct {
		name   string
		marked bool
	}{{"typed text", false}, {"text with a misread mark", true}} {
		t.Run(tc.name, func(t *testing.T) {
			text := ocrPipeTable3(rows, func(i int, cells []string) []string {
				cells = edit(i, cells)
				if i == other && tc.marked {
					cells = append([]string{cells[0], "]"}, cells[1:]...)
				}
				return cells
			})
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			check(t, r, tc.marked)
		})
	}
}
