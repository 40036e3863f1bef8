package ingest

import (
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// rowsRunTogether prints the report as the text of a web page taken with a
// line break at each table row and none between its cells: each row's
// label with its figures glued on, on a line of its own; a heading that
// spans its rows (（三）不予公开, （六）其他处理) on the line of its first
// row, as a cell merged over rows prints; table 4's header on lines of
// its own, its fifteen figures, which have no label, on the line after.
// Each line may begin with a space, as a page's text keeps before a row.
func rowsRunTogether(template string, rows []damagedRow, table4 []int) string {
	return rowsPrinted(template, rows, table4, " 自然人法人或其他组织总计\n 商业企业科研机构社会公益组织法律服务机构其他\n",
		func(fs []int) string { return joinFigures(fs, "") })
}

// rowsPrinted prints the page of rowsRunTogether with table 3's header and
// each row's figures as given.
func rowsPrinted(template string, rows []damagedRow, table4 []int, header3 string, figures func([]int) string) string {
	var b strings.Builder
	b.WriteString("标题: 某县2023年政府信息公开工作年度报告\n正文\n")
	b.WriteString("一、总体情况 2023年，本县持续推进政务公开。\n二、主动公开政府信息情况\n")
	if template == gongkai.Template2019 {
		b.WriteString("第二十条第（一）项\n信息内容本年新制作数量本年新公开数量对外公开总数量\n规章000\n")
	} else {
		b.WriteString("第二十条第（一）项\n信息内容本年制发件数本年废止件数现行有效件数\n规章000\n")
	}
	b.WriteString("三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况\n")
	b.WriteString(header3)
	for _, r := range rows {
		if r.figures == nil {
			b.WriteString(" " + r.label) // a heading merged over its rows
			continue
		}
		b.WriteString(r.label + figures(r.figures) + "\n")
	}
	b.WriteString("四、政府信息公开行政复议、行政诉讼情况\n 行政复议行政诉讼\n")
	b.WriteString(" 结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉\n")
	b.WriteString(" " + strings.Repeat("结果维持结果纠正其他结果尚未审结总计", 2) + "\n")
	b.WriteString(" " + joinFigures(table4, "") + " \n")
	b.WriteString("五、存在的主要问题及改进情况\n政策解读形式不够丰富。\n六、其他需要报告的事项\n无。\n")
	return b.String()
}

// TestRowsRunTogetherOnLines reads a page whose rows are each on a line,
// cells run together: a heading merged over its rows glued to the first
// (（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请…,
// whose label holds a 、 that the row's key leaves out) is cut off it, and
// table 4's figures on a line of their own, under its header run together,
// are table 4's row. Every figure of tables 3 and 4 is placed.
func TestRowsRunTogetherOnLines(t *testing.T) {
	table4 := []int{1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 2}
	for _, template := range damagedTemplates {
		t.Run(template, func(t *testing.T) {
			rows := damagedTable3(t, 6, template)
			r, err := Parse("rows.txt", []byte(rowsRunTogether(template, rows, table4)))
			if err != nil {
				t.Fatal(err)
			}
			if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
				t.Errorf("%d figures of table 3 found, want %d; unplaced: %+v", found, want, r.Unplaced)
			}
			checkCells(t, r, []cellCase{
				{indicator: "reconsiderations.upheld", breakdown: "total", value: "1"},
				{indicator: "reconsiderations.total", breakdown: "total", value: "1"},
				{indicator: "lawsuits.after_reconsideration.corrected", breakdown: "total", value: "2"},
				{indicator: "lawsuits.after_reconsideration.total", breakdown: "total", value: "2"},
			})
		})
	}
}

// TestShortNumberUnderHeaderNotTable4: a number alone under table 4's
// header run together that holds fewer digits than its fifteen cells (a
// page's number, 4) is not glued to the header as its row: nothing of
// table 4 is placed.
func TestShortNumberUnderHeaderNotTable4(t *testing.T) {
	rows := damagedTable3(t, 6, gongkai.Template2021)
	text := rowsRunTogether(gongkai.Template2021, rows, []int{4})
	r, err := Parse("rows.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "reconsiderations.") || strings.HasPrefix(o.Indicator, "lawsuits.") {
			t.Errorf("%s [%s] = %s placed from a number of one digit", o.Indicator, o.Breakdown, show(o.Value))
		}
	}
}

// TestFlowingRowNotAlignedByOffset: a row of 政府集中采购 printing one
// figure for its two columns, 3105.63万元 (3 | 105.63 run together, a
// space before them), under a header run together, 信息内容采购项目数量
// 采购总金额（万元）, or parted by single spaces: its place on the line
// follows the label's length, not the columns', and the header cut from a
// run keeps no place of its own. The row is unplaced, not put under
// 采购总金额.
func TestFlowingRowNotAlignedByOffset(t *testing.T) {
	for _, header := range []string{"信息内容采购项目数量 采购总金额（万元）", "信息内容 采购项目数量 采购总金额（万元）"} {
		text := "标题: 某县2020年政府信息公开工作年度报告\n正文\n二、主动公开政府信息情况\n" +
			"第二十条第（一）项\n信息内容本年新制作数量本年新公开数量对外公开总数量\n规章000\n" +
			"第二十条第（九）项\n" + header + "\n 政府集中采购 3105.63万元 \n三、收到和处理政府信息公开申请情况\n"
		r, err := Parse("flow.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		if hasObs(r, "procurement.amount", "total") || hasObs(r, "procurement.projects", "total") {
			t.Errorf("%s: 3105.63万元 placed by its place on the line", header)
		}
		if !unplacedBecause(r, "政府集中采购", "1 figures for 2 columns") {
			t.Errorf("%s: 政府集中采购 not unplaced with the reason: %+v", header, r.Unplaced)
		}
	}
}

// strayRowSpace prints a row's figures run together after a space, with
// one more space after its first figure: 一、本年新收…数量 12 0300315.
func strayRowSpace(fs []int) string {
	return " " + strconv.Itoa(fs[0]) + " " + joinFigures(fs[1:], "")
}

// TestRowsRunTogetherStraySpaces: the page of TestRowsRunTogetherOnLines
// with stray single spaces, table 3's header broken by them
// (自然人法人或其他组织 总计) and each row's figures parted from its label
// and after the first: the header is cut as one run together, the rows
// under it are runs whose spaces are cuts every split makes: every figure
// of table 3 is placed.
func TestRowsRunTogetherStraySpaces(t *testing.T) {
	rows := damagedTable3(t, 6, gongkai.Template2021)
	header := " 自然人法人或其他组织 总计\n 商业企业 科研机构社会公益组织 法律服务机构其他\n"
	r, err := Parse("rows.txt", []byte(rowsPrinted(gongkai.Template2021, rows, []int{1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 2}, header, strayRowSpace)))
	if err != nil {
		t.Fatal(err)
	}
	if found, want := checkTable3(t, r, rows, ""), 7*printedRows(rows); found != want {
		t.Errorf("%d figures of table 3 found, want %d; unplaced: %+v", found, want, r.Unplaced)
	}
}

// TestSpacedHeaderApartNotRunTogether: a header whose labels all stand
// apart (自然人 法人或其他组织 总计, as OCR prints it) is no header run
// together, and a row under it printing fewer figures than its columns
// (一、本年新收…数量 3 0 3) is not read as a run to split: it is unplaced
// for the cells its spacing does not show.
func TestSpacedHeaderApartNotRunTogether(t *testing.T) {
	rows := damagedTable3(t, 6, gongkai.Template2021)
	rows[0].figures = []int{3, 0, 0, 0, 0, 0, 3}
	header := "自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n"
	r, err := Parse("ocr.txt", []byte(rowsPrinted(gongkai.Template2021, rows, make([]int, 15), header, func(fs []int) string {
		if fs[0] == 3 && fs[6] == 3 && fs[1] == 0 {
			return " 3 0 3" // 3 | 0 0 0 0 0 | 3 with the zeros' cells lost
		}
		return " " + joinFigures(fs, " ")
	})))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, rows[0].indicator, "natural_person") {
		t.Errorf("%s placed from 3 figures for 7 columns", rows[0].label)
	}
	for _, u := range r.Unplaced {
		if strings.Contains(u.Label, "本年新收") && strings.Contains(u.Reason, "run together") {
			t.Errorf("%s read as figures run together: %s", u.Label, u.Reason)
		}
	}
}
