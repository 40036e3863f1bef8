package legacy

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
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
	switch label.Squeeze(label.Fold(cols[0])) {
	case "序号", "编号", "行次":
		return true
	}
	return false
}

// dropSequence removes the row numbers of a sequence column: the first cell
// of each row that the layout marks, when it is a number or blank.
func dropSequence(cells []layout.Cell, isUnit func(string) bool) []layout.Cell {
	out := cells[:0:0]
	for _, c := range cells {
		if c.RowStart && layout.Classify(c.Text, isUnit) != layout.Label {
			continue
		}
		out = append(out, c)
	}
	return out
}

// tableStart finds the first line of the legacy table: its header row
// (统计指标), or else the first line that prints a row of the form, exactly,
// with a figure close below it (so a narrative heading is not taken for it).
func tableStart(lines []source.Line, m *matcher) (int, bool) {
	for i, l := range lines {
		// The header row, not a sentence that names statistics (各项统计指标…).
		if t := label.Squeeze(label.Fold(strings.ReplaceAll(l.Text, "|", ""))); (strings.Contains(t, "统计指标") || strings.HasPrefix(t, "指标名称")) && utf8.RuneCountInString(t) <= 30 && !strings.ContainsAny(t, "，。；") {
			return i, true
		}
	}
	for i, l := range lines {
		cells := layout.SplitLine(l)
		if len(cells) == 0 {
			continue
		}
		lab := label.Parse(cells[0].Text)
		mt := m.place(lab, -1, -1)
		if mt.row < 0 || mt.score < label.Exact {
			continue
		}
		for j := i; j < len(lines) && j <= i+6; j++ {
			for _, f := range strings.FieldsFunc(lines[j].Text, func(r rune) bool { return r == '\t' || r == '|' || r == ' ' || r == '\u3000' }) {
				if figure.Pattern.MatchString(label.Fold(f)) {
					return i, false
				}
			}
		}
	}
	return -1, false
}

// tableEnd is the index after the last line of a table starting at start:
// the first footer line or narrative sentence.
func tableEnd(lines []source.Line, start int) (int, bool) {
	for i := start + 1; i < len(lines); i++ {
		t := source.Trim(strings.TrimLeft(lines[i].Text, "\t|"))
		if layout.Footer.MatchString(label.Squeeze(label.Fold(t))) || strings.Contains(t, "。") && len([]rune(t)) > 30 {
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
func stripHeaders(cells []layout.Cell) ([]layout.Cell, []string) {
	var out []layout.Cell
	var cols []string
	first := true
	for i := 0; i < len(cells); {
		k := label.Squeeze(label.Fold(cells[i].Text))
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
func headerRun(cells []layout.Cell) (int, []string) {
	var cols []string
	i := 0
	for ; i < len(cells); i++ {
		k := label.Squeeze(label.Fold(cells[i].Text))
		if strings.HasPrefix(k, "统计指标") && k != "统计指标" { // a whole header row in one cell
			rest := headerLead.ReplaceAllString(label.Fold(cells[i].Text), "")
			for _, w := range strings.Fields(rest) {
				if w != "单位" && w != "计量单位" {
					cols = append(cols, w)
				}
			}
			continue
		}
		// A heading of its own: a word of the national header, a value column
		// of a local variant (区直单位统计数), or any cell of the header's line.
		sameLine := i > 0 && cells[i].Line == cells[0].Line && !cells[i].RowStart
		if cells[i].Text != "" && !headerWords[k] && !valueHeading.MatchString(k) && !sameLine ||
			i > 0 && cells[i].RowStart && cells[i].Text == "" {
			break
		}
		switch k {
		case "", "统计指标", "指标", "指标名称", "项目", "统计项目", "单位", "计量单位":
		default:
			cols = append(cols, cells[i].Text)
		}
	}
	return i, cols
}
