package ingest

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// A web page's text that runs the cells together but keeps one space
// between the cells it printed, its table 3 leaving blank cells blank
// (testdata/real/shuyang-fgj-2023.textcontent.txt: 一、本年新收政府信息公开申请数量
// 26 26): the pieces between spaces are cells, the blanks hidden, when no
// other reading of them fits the row's 总计 (form/spacedblanks.go).

// spacedRunTogether prints the report as runTogether does, but with one
// space between the cells of table 3 that print a figure and before a
// row's first figure, and none for a blank cell: the cells blank picks
// (by row and column) are left out.
func spacedRunTogether(template string, rows []damagedRow, table4 []int, blank func(row, col int) bool) string {
	table2 := []string{"本年制发件数 本年废止件数 现行有效件数 规章 0 0 0 行政规范性文件 10 1 2", "本年处理决定数量 行政许可 45"}
	if template == gongkai.Template2019 {
		table2 = []string{"本年新制作数量 本年新公开数量 对外公开总数量 规章 0 0 0 规范性文件 10 1 2", "上一年项目数量 本年增/减 处理决定数量 行政许可 0 0 0"}
	}
	parts := []string{"标题: 某县2023年政府信息公开工作年度报告\n正文\n一、总体情况 2023年，本县持续推进政务公开。二、主动公开政府信息情况",
		"第二十条第（一）项 信息内容", table2[0], "第二十条第（五）项 信息内容", table2[1],
		"三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
		"申请人情况 自然人 法人或其他组织 总计 商业 企业 科研 机构 社会公益组织 法律服务机构 其他"}
	for i, r := range rows {
		parts = append(parts, r.label)
		for c, f := range r.figures {
			if !blank(i, c) {
				parts = append(parts, strconv.Itoa(f))
			}
		}
	}
	parts = append(parts, "四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼",
		"结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉",
		strings.TrimSpace(strings.Repeat("结果维持 结果纠正 其他结果 尚未审结 总计 ", 2)),
		joinFigures(table4, " "), "五、存在的主要问题及改进情况 政策解读形式不够丰富。六、其他需要报告的事项 无。\n")
	return strings.Join(parts, " ")
}

// spacedBlankRatchet is the least each template's corpus must find; raise it
// when the reading gains.
var spacedBlankRatchet = map[string]int{gongkai.Template2019: 690, gongkai.Template2021: 750}

// TestSpacedBlankCells prints made-up tables with blank cells through a
// page text that keeps a space between printed cells: no figure may be
// wrong or put under a blank cell, and the figures found may only go up.
func TestSpacedBlankCells(t *testing.T) {
	blanks := map[string]func(int) bool{
		"applicant zeros blank":          func(c int) bool { return c < 6 },
		"zeros but 自然人's and 总计's blank": func(c int) bool { return c > 0 && c < 6 },
		"every zero blank":               func(int) bool { return true },
	}
	for _, template := range damagedTemplates {
		found := 0
		for name, cols := range blanks {
			for seed := 1; seed <= 10; seed++ {
				rows := damagedTable3(t, seed, template)
				blank := zeroBlank(rows, cols)
				table4 := []int{1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0}
				r, err := Parse("spaced.txt", []byte(spacedRunTogether(template, rows, table4, blank)))
				if err != nil {
					t.Fatalf("%s %s seed %d: %v", template, name, seed, err)
				}
				found += checkBlankTable3(t, r, rows, blank)
			}
		}
		t.Logf("%s: %d figures of table 3 found", template, found)
		if found < spacedBlankRatchet[template] {
			t.Errorf("%s: %d figures of table 3 found, want at least %d", template, found, spacedBlankRatchet[template])
		}
	}
}

// TestSpacedBlankCellsReal reads shuyang-fgj-2023's page text: each row of
// table 3 prints 自然人 and 总计 (26 26), the other five cells blank. 26 is
// the 总计 (two applicant figures and a blank 总计 would sum to 52, not
// 0); which applicant column the first 26 stands under the text does not
// say, and it stays unplaced.
func TestSpacedBlankCellsReal(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "real", "shuyang-fgj-2023.textcontent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse("shuyang-fgj-2023.textcontent.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	for ind, want := range map[string]float64{"requests.received": 26, "requests.answered": 26, "requests.carried_over": 0, "requests.disclosed": 26} {
		if o := obs(t, r, ind, "total"); *o.Value != want {
			t.Errorf("%s 总计 = %v, want %v", ind, *o.Value, want)
		}
	}
	if hasObs(r, "requests.received", "natural_person") {
		t.Error("the first 26 of 一、本年新收 placed, though any applicant column fits it")
	}
	if !unplacedBecause(r, "本年新收政府信息公开申请数量", "the columns of 26 are not certain") {
		t.Errorf("本年新收 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// TestSpacedBlankCellsBothReadings prints a row whose pieces fit as cells
// with blanks hidden (920 under an applicant column, 总计 920) and as
// cells run together too (9|2|0|9 and 总计 20): neither is taken (and
// the column sums, missing a term, then confirm no 总计 of the others).
func TestSpacedBlankCellsBothReadings(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "real", "shuyang-fgj-2023.textcontent.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "一、本年新收政府信息公开申请数量 26 26", "一、本年新收政府信息公开申请数量 920 920", 1)
	r, err := Parse("shuyang-fgj-2023.textcontent.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if hasObs(r, "requests.received", "total") {
		t.Error("一、本年新收 920 920 placed, though two readings fit it")
	}
	if !unplacedBecause(r, "本年新收政府信息公开申请数量", "reading(s) of them as cells run together fit it too") {
		t.Errorf("本年新收 not unplaced with the reason: %+v", r.Unplaced)
	}
}

// TestZeroLedRun reads pingtan-2021's rowlines, where 规章 000 is parted
// from its label by a space under three columns: 000 is no figure a cell
// prints, and its only cut is 0|0|0. A run cut several ways (0110:
// 0|1|10, 0|11|0), or whose only cut leaves a cell blank (00 under three
// columns), stays unplaced.
func TestZeroLedRun(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "real", "pingtan-2021.rowlines.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for run, want := range map[string][]float64{"000": {0, 0, 0}, "0010": {0, 0, 10}, "0110": nil, "00": nil} {
		text := strings.Replace(string(data), "\n规章 000\n", "\n规章 "+run+"\n", 1)
		r, err := Parse("pingtan-2021.rowlines.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		for i, ind := range []string{"regulations.issued", "regulations.repealed", "regulations.in_force"} {
			switch {
			case want == nil && hasObs(r, ind, "total"):
				t.Errorf("规章 %s: %s placed, though no one cut fills the columns", run, ind)
			case want != nil && *obs(t, r, ind, "total").Value != want[i]:
				t.Errorf("规章 %s: %s = %v, want %v", run, ind, *obs(t, r, ind, "total").Value, want[i])
			}
		}
		if want == nil && !unplacedBecause(r, "规章", "") {
			t.Errorf("规章 %s not unplaced: %+v", run, r.Unplaced)
		}
	}
}
