package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// Damage that OCR and pdftotext do to a table's text, and the rules that
// read through it or refuse it (testdata/pdftext holds whole reports).

// withBorders prints the rows of pdfLayout with the table's vertical rules
// read as a letter between the cells.
func withBorders(text, rule string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		fields := strings.Fields(l)
		// the label's own words stay together; the rule stands between cells
		if i := slices.IndexFunc(fields, func(f string) bool { return strings.Trim(f, "0123456789") == "" }); i > 0 {
			l = "    " + strings.Join(fields[:i], " ") + " " + rule + " " + strings.Join(fields[i:], " "+rule+" ")
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

func TestOCRBorderLettersPartCells(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	for _, rule := range []string{"l", "I", "丨"} {
		t.Run(rule, func(t *testing.T) {
			r, err := Parse("ocr.txt", []byte(withBorders(pdfLayout(rows), rule)))
			if err != nil {
				t.Fatal(err)
			}
			noUnplaced(t, r)
			if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
				t.Errorf("%d figures found, want %d", found, want)
			}
			for _, o := range r.Observations {
				if hasFlag(o, gongkai.FlagLocalRow) {
					t.Errorf("a rule read as %q opened a row of its own: %s = %s", rule, o.Indicator, show(o.Value))
				}
			}
		})
	}
}

// A rule read as the digit 1 cannot be told from a figure: the row then
// prints more figures than the form has columns, and is refused.
func TestOCRBorderDigitRefused(t *testing.T) {
	rows := damagedTable3(t, 3, gongkai.Template2021)
	table2 := "二、主动公开政府信息情况\n第二十条第（五）项\n信息内容      本年处理决定数量\n行政许可          45\n"
	r, err := Parse("ocr.txt", []byte(table2+withBorders(pdfLayout(rows), "1")))
	if err != nil {
		t.Fatal(err)
	}
	if found := checkTable3(t, r, rows, ""); found != 0 {
		t.Errorf("%d figures placed from rows whose rules read as 1", found)
	}
	if !unplacedBecause(r, "予以公开", "the form has 7") {
		t.Errorf("予以公开 not unplaced for its count: %+v", r.Unplaced)
	}
}

// OCR prints spaces inside a header (上一年项目 数量, 对外公 开总 数量): words
// that, joined, are one wording of the form or a piece of one are one
// cell, not two.
func TestSpacedHeaderWordsJoin(t *testing.T) {
	text := "二、主动公开政府信息情况\n" +
		"                第二十条 第（一）项\n" +
		"    信息内容      本年新制作数量 本年新公开数量 对外公 开总 数量\n" +
		"     规 章          184     272     0\n\n" +
		"              第二十条第（六）项\n" +
		"    信息 内容      上一年项目 数量   本年增/减   处理决定 数量\n" +
		"    行政处罚          0        -6         134\n" +
		"    行政强制         100       -4         0\n\n" +
		"三、收到和处理政府信息公开申请情况\n"
	r, err := Parse("ocr.txt", []byte("某县2019年政府信息公开工作年度报告\n"+text))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, r, []cellCase{
		{indicator: "regulations.issued", breakdown: "total", value: "184"},
		{indicator: "regulations.published", breakdown: "total", value: "272"},
		{indicator: "regulations.published_total", breakdown: "total", value: "0"},
		{indicator: "penalties.items_last_year", breakdown: "total", value: "0"},
		{indicator: "penalties.items_change", breakdown: "total", value: "-6"},
		{indicator: "penalties.decisions", breakdown: "total", value: "134"},
		{indicator: "enforcement.items_last_year", breakdown: "total", value: "100"},
		{indicator: "enforcement.decisions", breakdown: "total", value: "0"},
	})
}

// insertRow puts a row printed beside figures after the row of an
// indicator.
func insertRow(rows []damagedRow, after string, row damagedRow) []damagedRow {
	i := slices.IndexFunc(rows, func(r damagedRow) bool { return r.indicator == after })
	return slices.Insert(slices.Clone(rows), i+1, row)
}

// A narrow merged cell wraps a heading (（四）无法提供 as （四）无 / 法提供): its
// piece printed on the line of a row under it, beside that row's figures,
// does not make them the heading's.
func TestHeadingPieceBesideFiguresRefused(t *testing.T) {
	rows := damagedTable3(t, 4, gongkai.Template2021)
	rows = insertRow(rows, "requests.unavailable.not_held", damagedRow{label: "法提供", figures: []int{2, 0, 0, 1, 0, 0, 3}})
	r, err := Parse("pdftotext.txt", []byte(pdfLayout(rows)))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "requests.unavailable", "natural_person") {
		t.Error("figures beside a piece of （四）无法提供 placed on the heading")
	}
	if !unplacedBecause(r, "法提供", "a piece of heading") {
		t.Errorf("法提供 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// A short piece from inside a wrapped label (其政府 of 申请人…不再处理其政府信息
// 公开申请) is no row the report adds: its figures are not a local row's.
func TestLabelPieceIsNoLocalRow(t *testing.T) {
	rows := damagedTable3(t, 4, gongkai.Template2021)
	rows = insertRow(rows, "requests.other_handling.no_correction", damagedRow{label: "其政府", figures: []int{1, 0, 0, 0, 0, 0, 1}})
	r, err := Parse("pdftotext.txt", []byte(pdfLayout(rows)))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.Observations {
		if hasFlag(o, gongkai.FlagLocalRow) {
			t.Errorf("a piece of a wrapped label placed as a local row: %s = %s (%s)", o.Indicator, show(o.Value), o.Label)
		}
	}
	if !unplacedBecause(r, "其政府", "a piece of the wrapped label") {
		t.Errorf("其政府 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// wrapAround prints the row of an indicator as pdftotext -layout prints a
// label wrapped in a narrow cell: its first piece, the figures on a line of
// their own, then the rest; the heading above it printed after it, as a
// merged cell centred beside its rows prints.
func wrapAround(t *testing.T, text, rowLabel, heading string, cut int) string {
	t.Helper()
	lines := strings.Split(text, "\n")
	h := slices.IndexFunc(lines, func(l string) bool { return strings.TrimSpace(l) == heading })
	i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, rowLabel) })
	if h < 0 || i < 0 {
		t.Fatalf("no %s or %s in the table", heading, rowLabel)
	}
	rs := []rune(rowLabel)
	figures := strings.TrimSpace(strings.Replace(lines[i], rowLabel, "", 1))
	wrapped := []string{"        " + string(rs[:cut]), "                         " + figures, "             " + string(rs[cut:]), " " + heading}
	out := slices.Concat(lines[:h], lines[h+1:i], wrapped, lines[i+1:])
	return strings.Join(out, "\n")
}

// A label wrapped around its figures, first under a heading printed after
// it: the form's order of rows (the first row of the next heading, its
// number 1. and most of its wording) places it, and the rest of the label
// joins it.
func TestWrappedLabelAroundFigures(t *testing.T) {
	rows := damagedTable3(t, 6, gongkai.Template2021)
	text := wrapAround(t, pdfLayout(rows), "1.本机关不掌握相关政府信息", "（四）无法提供", 12)
	r, err := Parse("pdftotext.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures found, want %d; unplaced %+v", found, want, r.Unplaced)
	}
	if o := obs(t, r, "requests.unavailable.not_held", "total"); o.Label != "1.本机关不掌握相关政府信息" {
		t.Errorf("label %q, want the whole wrapped label", o.Label)
	}
}

// The form's order places a row under the next heading only as that
// heading's first: a piece numbered 2. is not taken for it.
func TestWrappedLabelOutOfOrderRefused(t *testing.T) {
	rows := damagedTable3(t, 6, gongkai.Template2021)
	text := wrapAround(t, pdfLayout(rows), "1.本机关不掌握相关政府信息", "（四）无法提供", 12)
	if !strings.Contains(text, "1.本机关不掌握相关政府\n") {
		t.Fatal("the label is not wrapped")
	}
	text = strings.Replace(text, "1.本机关不掌握相关政府\n", "2.本机关不掌握相关政府\n", 1)
	r, err := Parse("pdftotext.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "requests.unavailable.not_held", "total") {
		t.Errorf("a row numbered 2. placed as the first of its heading: %+v", obs(t, r, "requests.unavailable.not_held", "total"))
	}
	if !unplacedBecause(r, "本机关不掌握相关政府", "") {
		t.Errorf("the row numbered 2. is not unplaced: %+v", r.Unplaced)
	}
}

// A piece of a merged heading printed on a row's line, one space before the
// row's numbered label (（四）无法 2.没有现成信息需要另行制作): a label starts at
// its number, so the two are two cells and the row keeps its figures.
func TestHeadingPieceBeforeNumberedLabel(t *testing.T) {
	rows := damagedTable3(t, 8, gongkai.Template2021)
	lines := strings.Split(pdfLayout(rows), "\n")
	h := slices.IndexFunc(lines, func(l string) bool { return strings.TrimSpace(l) == "（四）无法提供" })
	i := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "2.没有现成信息需要另行制作") })
	if h < 0 || i < 0 {
		t.Fatal("no （四）无法提供 or its second row in the table")
	}
	lines[i] = strings.Replace(lines[i], "    2.", "（四）无法 2.", 1)
	lines = slices.Delete(lines, h, h+1)
	r, err := Parse("pdftotext.txt", []byte(strings.Join(lines, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures found, want %d; unplaced %+v", found, want, r.Unplaced)
	}
}

// dropLabels prints table 3 as reading-order text prints rows whose labels
// sit in merged cells: the figures of the rows of the indicators without
// their labels, after the figures of the row before. drop names rows left
// out whole.
func dropLabels(t *testing.T, rows []damagedRow, unlabelled, drop []string) string {
	t.Helper()
	var kept []damagedRow
	for i, r := range rows {
		switch {
		case slices.Contains(drop, r.indicator):
		case r.indicator == "" && i+1 < len(rows) && slices.Contains(unlabelled, rows[i+1].indicator):
			// the heading, printed in a merged cell, is elsewhere too
		case slices.Contains(unlabelled, r.indicator):
			r.label = ""
			kept = append(kept, r)
		default:
			kept = append(kept, r)
		}
	}
	return pdfLayout(kept)
}

// Figures of rows whose labels are printed elsewhere follow the row before
// them: placed by the form's order of rows when there are seven for each
// row the form prints before the next row read, each seven adding up.
func TestFiguresAfterRowPlacedByFormOrder(t *testing.T) {
	rows := damagedTable3(t, 9, gongkai.Template2021)
	text := dropLabels(t, rows, []string{"requests.disclosed", "requests.partially_disclosed"}, nil)
	r, err := Parse("pdftotext.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures found, want %d; unplaced %+v", found, want, r.Unplaced)
	}
	if o := obs(t, r, "requests.partially_disclosed", "total"); !hasFlag(o, gongkai.FlagPlacedByFormOrder) {
		t.Errorf("flags %v, want %s", o.Flags, gongkai.FlagPlacedByFormOrder)
	}
}

// When the runs of seven do not match the rows the form prints before the
// next row read, neither the row nor the run is placed.
func TestFiguresAfterRowRefused(t *testing.T) {
	rows := damagedTable3(t, 9, gongkai.Template2021)
	text := dropLabels(t, rows, []string{"requests.disclosed"}, []string{"requests.partially_disclosed"})
	r, err := Parse("pdftotext.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range []string{"requests.carried_over", "requests.disclosed", "requests.partially_disclosed"} {
		if hasObs(r, ind, "total") {
			t.Errorf("%s placed although the figures after 二、上年结转 do not fit the rows before the next one", ind)
		}
	}
	if !unplacedBecause(r, "上年结转", "the form prints 2 rows between") {
		t.Errorf("二、上年结转 not unplaced with the reason: %+v", r.Unplaced)
	}
	if found, want := checkTable3(t, r, rows, ""), 7*(printedRows(rows)-3); found != want {
		t.Errorf("%d figures found, want %d", found, want)
	}
}

// A run of sevens that fits the rows in count but not in arithmetic is
// not placed either.
func TestFiguresAfterRowNotAddingUpRefused(t *testing.T) {
	rows := damagedTable3(t, 9, gongkai.Template2021)
	i := slices.IndexFunc(rows, func(r damagedRow) bool { return r.indicator == "requests.disclosed" })
	rows[i].figures = slices.Clone(rows[i].figures)
	rows[i].figures[6]++ // a 总计 that is not the sum of its row
	text := dropLabels(t, rows, []string{"requests.disclosed", "requests.partially_disclosed"}, nil)
	r, err := Parse("pdftotext.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range []string{"requests.carried_over", "requests.disclosed", "requests.partially_disclosed"} {
		if hasObs(r, ind, "total") {
			t.Errorf("%s placed although seven of the figures after 二、上年结转 do not add up", ind)
		}
	}
	if !unplacedBecause(r, "上年结转", "do not add up") {
		t.Errorf("二、上年结转 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// Figures parted by spaces in one cell (OCR lost the rules between them)
// are several figures, never the one their digits make together; a figure
// whose thousands are parted by spaces (1 234) stays one.
func TestSpacedFiguresInOneCell(t *testing.T) {
	table2 := "二、主动公开政府信息情况\n第二十条第（五）项\n| 信息内容 | 本年处理决定数量 |\n| 行政许可 | 1 234 |\n"
	table3 := "三、收到和处理政府信息公开申请情况\n" +
		"| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n" +
		"| 一、本年新收政府信息公开申请数量 | 923 | 678 | 88 1652 20 | 0 | 3361 |\n" +
		"| 二、上年结转政府信息公开申请数量 | 1 | 2 | 3 4 5 | 0 | 15 |\n"
	r, err := Parse("ocr.md", []byte("某县2021年政府信息公开工作年度报告\n"+table2+table3))
	if err != nil {
		t.Fatal(err)
	}
	checkCells(t, r, []cellCase{
		{indicator: "licensing.decisions", breakdown: "total", value: "1234"},
		{indicator: "requests.received", breakdown: "research_institution", value: "88"},
		{indicator: "requests.received", breakdown: "public_interest_org", value: "1652"},
		{indicator: "requests.received", breakdown: "legal_service_org", value: "20"},
		{indicator: "requests.received", breakdown: "total", value: "3361"},
		{indicator: "requests.carried_over", breakdown: "public_interest_org", value: "4"},
	})
	for _, o := range r.Observations {
		if o.Value != nil && *o.Value > 10000 {
			t.Errorf("%s [%s] = %v: figures of several cells read as one", o.Indicator, o.Breakdown, *o.Value)
		}
	}
}
