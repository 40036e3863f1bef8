package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// headerWords are the column headings of a statistics table.
var headerWords = map[string]bool{
	"统计指标": true, "指标": true, "指标名称": true, "项目": true, "统计项目": true,
	"单位": true, "计量单位": true, "统计数": true, "数量": true, "数值": true, "统计数据": true,
	"序号": true, "编号": true, "行次": true,
}

// sequenceColumn reports whether a header's first value column numbers the
// rows (序号 | 统计指标 | 单位 | 统计数).
func sequenceColumn(cols []string) bool {
	if len(cols) == 0 {
		return false
	}
	switch squeeze(fold(cols[0])) {
	case "序号", "编号", "行次":
		return true
	}
	return false
}

// dropSequence removes the row numbers of a sequence column: the first cell
// of each row that the layout marks, when it is a number or blank.
func dropSequence(cells []cell, isUnit func(string) bool) []cell {
	out := cells[:0:0]
	for _, c := range cells {
		if c.rowStart && classify(c.text, isUnit) != kindLabel {
			continue
		}
		out = append(out, c)
	}
	return out
}

// footer matches the lines that close a table: signatures, dates, notes.
var footer = regexp.MustCompile(`^(单位负责人|负责人|填表人|审核人|填报人|制表人|统计人|联系电话|联系方式|填报日期|填表日期|报送日期|说明[:：]|注[:：]|备注[:：])`)

// formKind is what kind of statistics form a text holds.
type formKind int

const (
	formNone   formKind = iota
	formLegacy          // 2014 政府信息公开情况统计表
	formNew             // 2019 or 2021 format
	formOld             // pre-2014 local forms (本期实际 | 本年累计)
)

var (
	legacySignals = []string{"统计指标", "主动公开政府信息数", "收到申请数", "申请办结数", "申请答复数", "不同意公开答复数", "行政复议数量"}
	newSignals    = []string{"信息内容", "第二十条第", "本年新制作数量", "本年制发件数", "上一年项目数量", "处理决定数量", "采购总金额", "本年收费金额",
		"申请人情况", "勾稽关系", "本年新收政府信息公开申请数量", "本年度办理结果", "结转下年度继续办理", "未经复议直接起诉", "复议后起诉", "结果维持"}
	oldSignals = []string{"本期实际", "本年累计", "历年累计", "上年同期"}
)

// detectForm counts the headings and row labels of each kind of form.
func detectForm(text string) formKind {
	t := squeeze(fold(text))
	count := func(signals []string) int {
		n := 0
		for _, s := range signals {
			if strings.Contains(t, s) {
				n++
			}
		}
		return n
	}
	legacy, nw := count(legacySignals), count(newSignals)
	switch {
	case legacy >= 1 && count(oldSignals) >= 2 && oldHeader(text):
		return formOld
	case nw >= 2 && nw >= legacy:
		return formNew
	case legacy >= 2:
		return formLegacy
	}
	return formNone
}

// oldHeader reports whether a line of text is the header of a pre-2014
// form: two of its column names together (本期实际 | 本年累计), not a word of
// them in a sentence (本年累计公开信息…).
func oldHeader(text string) bool {
	for _, l := range strings.Split(text, "\n") {
		t := squeeze(fold(l))
		n := 0
		for _, s := range oldSignals {
			if strings.Contains(t, s) {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// squeeze removes all white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\u3000' || r == '\n' {
			return -1
		}
		return r
	}, s)
}

// legacyStart finds the first line of the legacy table: its header row
// (统计指标), or else the first line that prints a row of the form, exactly,
// with a figure close below it (so a narrative heading is not taken for it).
func legacyStart(lines []line, m *matcher) (int, bool) {
	for i, l := range lines {
		// The header row, not a sentence that names statistics (各项统计指标…).
		if t := squeeze(fold(strings.ReplaceAll(l.text, "|", ""))); strings.Contains(t, "统计指标") && utf8.RuneCountInString(t) <= 30 && !strings.ContainsAny(t, "，。；") {
			return i, true
		}
	}
	for i, l := range lines {
		cells := splitLine(l)
		if len(cells) == 0 {
			continue
		}
		lab := parseLabel(cells[0].text)
		mt := m.place(lab, -1, -1)
		if mt.row < 0 || mt.score < 1 {
			continue
		}
		for j := i; j < len(lines) && j <= i+6; j++ {
			for _, f := range strings.FieldsFunc(lines[j].text, func(r rune) bool { return r == '\t' || r == '|' || r == ' ' || r == '\u3000' }) {
				if number.MatchString(fold(f)) {
					return i, false
				}
			}
		}
	}
	return -1, false
}

// tableEnd is the index after the last line of a table starting at start:
// the first footer line or narrative sentence.
func tableEnd(lines []line, start int) (int, bool) {
	for i := start + 1; i < len(lines); i++ {
		t := trimCell(strings.TrimLeft(lines[i].text, "\t|"))
		if footer.MatchString(squeeze(fold(t))) || strings.Contains(t, "。") && len([]rune(t)) > 30 {
			return i, true
		}
	}
	return len(lines), false
}

// valueHeading matches the heading of a value column of a local variant.
var valueHeading = regexp.MustCompile(`(统计数|合计|总计|小计)$`)

// headerLead is the first heading of a header row printed in one cell, its
// characters perhaps spaced out (统　计　指　标).
var headerLead = regexp.MustCompile(`^.*?统\s*计\s*指\s*标`)

// stripHeaders drops the header rows of the table (統计指标 | 单位 | 统计数),
// at its start and wherever a page break repeats them, and returns the value
// column headings the first one names.
func stripHeaders(cells []cell) ([]cell, []string) {
	var out []cell
	var cols []string
	first := true
	for i := 0; i < len(cells); {
		k := squeeze(fold(cells[i].text))
		if !(len(out) == 0 && headerWords[k]) && !strings.HasPrefix(k, "统计指标") {
			out = append(out, cells[i])
			i++
			continue
		}
		n, c := headerRun(cells[i:])
		if first {
			cols, first = c, false
		}
		i += n
	}
	return out, cols
}

// headerRun measures the header cells at the start of cells.
func headerRun(cells []cell) (int, []string) {
	var cols []string
	i := 0
	for ; i < len(cells); i++ {
		k := squeeze(fold(cells[i].text))
		if strings.HasPrefix(k, "统计指标") && k != "统计指标" { // a whole header row in one cell
			rest := headerLead.ReplaceAllString(fold(cells[i].text), "")
			for _, w := range strings.Fields(rest) {
				if w != "单位" && w != "计量单位" {
					cols = append(cols, w)
				}
			}
			continue
		}
		// A heading of its own: a word of the national header, a value column
		// of a local variant (区直单位统计数), or any cell of the header's line.
		sameLine := i > 0 && cells[i].line == cells[0].line && !cells[i].rowStart
		if cells[i].text != "" && !headerWords[k] && !valueHeading.MatchString(k) && !sameLine ||
			i > 0 && cells[i].rowStart && cells[i].text == "" {
			break
		}
		switch k {
		case "", "统计指标", "指标", "指标名称", "项目", "统计项目", "单位", "计量单位":
		default:
			cols = append(cols, cells[i].text)
		}
	}
	return i, cols
}
