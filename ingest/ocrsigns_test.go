package ingest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// OCR glues a figure to what it makes of a rule or a digit (]1 for 11,
// 1]12 for |12, s6 for 56): the figure is read as 1, 12 or 6, and a row
// whose total is misread the same way still adds up. Where the mark
// stands as a cell of its own the row is refused for it (TestOCRMarksRefused);
// glued to a figure in a row whose cells spaces part, the mark joins the
// label, and the figure glued to it refuses the row. The rows around it
// are read.
func TestOCRFigureGluedToMarkRefused(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	at := rowWith(t, rows, func(r damagedRow) bool { return r.indicator != "" && r.figures[0] > 0 })
	for _, mark := range []string{"]", "s"} {
		t.Run(mark, func(t *testing.T) {
			text := ocrPipeTable3(rows, func(i int, cells []string) []string {
				if i == at {
					// The same mark on the first figure and on 总计: the row
					// still adds up as read.
					// Spaces part the cells of the row, as OCR prints them.
					cells[1] = mark + cells[1]
					cells[len(cells)-1] = mark + cells[len(cells)-1]
					cells = []string{strings.Join(cells, "  ")}
				}
				return cells
			})
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			// The column sums (I1) may place what they and the figures
			// OCR printed agree on, never the row as printed.
			bySums := placedBySums(t, r, rows[at].indicator)
			if bySums < 7 && !unplacedBecause(r, rows[at].label, "glued to what OCR makes of a rule or a digit") {
				t.Errorf("%s not unplaced for the glued mark: %+v", rows[at].label, r.Unplaced)
			}
			if found, want := checkTable3(t, r, rows, ""), 7*(printedRows(rows)-1)+bySums; found != want {
				t.Errorf("%d figures found, want %d", found, want)
			}
		})
	}
}

// ocrTable2Of2021 is a report of the 2021 form: its narrative, table 2's
// block of 规章 and 行政规范性文件, and the head of table 3 with its first
// row and the rows after it.
func ocrTable2Of2021(narrative, rows string) string {
	return "某县2021年政府信息公开工作年度报告\n一、总体情况\n" + narrative + "\n二、主动公开政府信息情况\n" +
		"              第二十条第（一）项\n" +
		"    信息内容      本年制发件数   本年废止件数   现行有效件数\n" +
		"    规章              3              0              12\n" +
		"    行政规范性文件    7              1              20\n" +
		"三、收到和处理政府信息公开申请情况\n" +
		strings.Replace(ocrTable3Received, "四、", rows+"四、", 1)
}

// ocrMarkedRow is a row of table 3 with a figure OCR glued to a letter.
const ocrMarkedRow = "| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0o | 0 | 0 | 0 |\n"

// ocrNarrative states one figure of table 2 (规章's 本年制发件数).
const ocrNarrative = "2021年，本县认真贯彻落实《条例》，全年制发规章%d件，进一步规范政府信息公开工作，及时准确发布权威信息。"

// Table 2 has no identity: a digit OCR misreads in it (272 read as 2,
// 7296.33 as 7290.33) passes every check. In a text that shows OCR's
// misreadings elsewhere its figures are unplaced, unless the report's own
// text states them for their row and column; in a text with no such sign
// they are read as printed.
func TestOCRProactiveFiguresNeedConfirmation(t *testing.T) {
	for _, tc := range []struct {
		name, rows string
		kept       []string
	}{
		{"typed text", "",
			[]string{"regulations.issued", "regulations.repealed", "regulations.in_force", "normative_documents.issued", "normative_documents.repealed", "normative_documents.in_force"}},
		{"text with a misread mark", ocrMarkedRow, []string{"regulations.issued"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Parse("ocr.txt", []byte(ocrTable2Of2021(fmt.Sprintf(ocrNarrative, 3), tc.rows)))
			if err != nil {
				t.Fatal(err)
			}
			var kept []string
			for _, o := range r.Observations {
				if !strings.HasPrefix(o.Indicator, "requests.") {
					kept = append(kept, o.Indicator)
				}
			}
			if strings.Join(kept, " ") != strings.Join(tc.kept, " ") {
				t.Errorf("table 2 placed %v, want %v", kept, tc.kept)
			}
			if n := len(byIndicatorOf(r, "requests.received")); n != 7 {
				t.Errorf("%d figures of 一、本年新收政府信息公开申请数量 placed, want 7", n)
			}
			if tc.rows != "" && !unplacedBecause(r, "行政规范性文件", "no identity of the form checks") {
				t.Errorf("行政规范性文件 not unplaced as OCR's: %+v", r.Unplaced)
			}
		})
	}
}

// A figure the report's text states otherwise than table 2 reads it is
// unplaced with what the text states.
func TestOCRProactiveFigureStatedOtherwise(t *testing.T) {
	r, err := Parse("ocr.txt", []byte(ocrTable2Of2021(fmt.Sprintf(ocrNarrative, 8), ocrMarkedRow)))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(byIndicatorOf(r, "regulations.issued")); n != 0 {
		t.Errorf("规章's 本年制发件数 placed, want it unplaced")
	}
	if !unplacedBecause(r, "规章", "the report's text states 8") {
		t.Errorf("规章 not unplaced with the figure the text states: %+v", r.Unplaced)
	}
}

// OCR keeps a piece of table 3's header (总计 alone) and glues a figure of
// a row to a misread character (人0): the figure may be any column's.
// Under a header that does not show the form's seven columns, a row the
// form's order cannot place (its cells are no plain figures) is unplaced.
func TestOCRPartialHeaderRefusesGluedRow(t *testing.T) {
	text := "某县2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n" +
		"                                        申请人情况\n" +
		"                                                             总计\n" +
		"一、本年新收政府信息公开申请数量  5 1 0 0 0 0 6\n" +
		"二、上年结转政府信息公开申请数量                              人0\n" +
		"四、政府信息公开行政复议、行政诉讼情况\n"
	r, err := Parse("ocr.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(byIndicatorOf(r, "requests.carried_over")); n != 0 {
		t.Errorf("%d figures of 二、上年结转政府信息公开申请数量 placed, want none", n)
	}
	if !unplacedBecause(r, "上年结转", "shows 1 of the form's 7 columns") {
		t.Errorf("二、上年结转 not unplaced for the header: %+v", r.Unplaced)
	}
	if n := len(byIndicatorOf(r, "requests.received")); n != 7 {
		t.Errorf("%d figures of 一、本年新收 placed, want 7 (by the form's order)", n)
	}
}

// A row the national form lacks, with seven figures that add up, is
// taken as a row the report adds (flag local_row) in a typed text; in a
// text that shows OCR's misreadings it is more likely a row of the form
// whose label OCR garbled, and it is unplaced.
func TestOCRLocalRowOfMisreadText(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	at := rowWith(t, rows, func(r damagedRow) bool { return strings.HasPrefix(r.label, "8.属于行政查询事项") })
	other := rowWith(t, rows, func(r damagedRow) bool { return r.indicator != "" })
	const local = "9.其他依法不予公开的信息"
	typedAndMarked(t, rows, other, func(i int, cells []string) []string {
		if i == at {
			cells[len(cells)-1] += " |\n| " + local + " | 2 | 1 | 0 | 0 | 0 | 0 | 3"
		}
		return cells
	}, func(t *testing.T, r *gongkai.Report, marked bool) {
		placed := 0
		for _, o := range r.Observations {
			if hasFlag(o, gongkai.FlagLocalRow) {
				placed++
			}
		}
		unplaced := unplacedBecause(r, local, "a row the national form does not have, in a text whose cells show OCR's misreadings")
		switch {
		case marked && (placed != 0 || !unplaced):
			t.Errorf("%d figures placed as a local row, unplaced %v; want none placed: %+v", placed, unplaced, r.Unplaced)
		case !marked && (placed != 7 || unplaced):
			t.Errorf("%d figures placed as a local row, unplaced %v; want 7 placed", placed, unplaced)
		}
	})
}

// OCR loses digits of table 2 as it misreads them: the sign of -1 left
// alone (`行政事业性收费 67 -`) reads as a mark of no figure, and stands for
// the figure. In a text that shows OCR's misreadings a mark of table 2 is
// unplaced with the figures; in a text with no such sign it is kept, as
// printed (not_available).
func TestOCRProactiveMarkUnplaced(t *testing.T) {
	for _, tc := range []struct {
		name, rows string
		kept       bool
	}{
		{"typed text", "", true},
		{"text with a misread mark", ocrMarkedRow, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := strings.Replace(ocrTable2Of2021(fmt.Sprintf(ocrNarrative, 3), tc.rows), "7              1              20", "7              —              20", 1)
			r, err := Parse("ocr.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			marks := byIndicatorOf(r, "normative_documents.repealed")
			switch {
			case tc.kept && (len(marks) != 1 || marks[0].Value != nil || !hasFlag(marks[0], gongkai.FlagNotAvailable)):
				t.Errorf("行政规范性文件 [本年废止件数]: %+v, want the mark kept, not_available", marks)
			case !tc.kept && len(marks) != 0:
				t.Errorf("行政规范性文件 [本年废止件数]: %+v, want none", marks)
			case !tc.kept && !unplacedBecause(r, "行政规范性文件", "a figure's digits may be lost"):
				t.Errorf("the mark not unplaced as OCR's: %+v", r.Unplaced)
			}
		})
	}
}
