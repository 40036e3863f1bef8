package legacy

import (
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// A Word table printed with no column widths wraps the legacy table's
// label column a few characters a line: its header's 统计指标 as 统 计 /
// 指 标, each label as 一、主 / 动公开 / 情况, and (cells top-aligned) each
// row's unit and figure on the line of its label's first piece (`（一）
// 条  8` / `主动公` / `开政府` …), or in reading order after pieces of it.
// No line then names the header whole, nor prints a row's label whole
// beside its figure, and nothing places a figure for certain: the table is
// refused with the reason, at the header's first line, rather than read
// piece by piece into rows the pieces do not show.

// maxWrappedHeader is the length, in runes, of a header line wrapped in a
// narrow column: 统计 with the column heads beside it (统 计 单位 统计数).
const maxWrappedHeader = 12

// wrappedHeader is the index of the line that opens the legacy table's
// header wrapped over two lines (统计 / 指标, spaces aside), or -1.
func wrappedHeader(lines []source.Line) int {
	for i := 0; i+1 < len(lines); i++ {
		first := label.Squeeze(label.Fold(lines[i].Text))
		second := label.Squeeze(label.Fold(lines[i+1].Text))
		if strings.HasPrefix(first, "统计") && strings.HasPrefix(second, "指标") &&
			utf8.RuneCountInString(first) <= maxWrappedHeader && utf8.RuneCountInString(second) <= maxWrappedHeader {
			return i
		}
	}
	return -1
}

// wrappedReason is the reason a table whose header is wrapped is refused.
const wrappedReason = "the statistics table's label column is too narrow for its labels: its header (统计指标) and each row's label are wrapped a few characters a line, the figures beside a piece of the label, so no row's figure can be placed for certain"
