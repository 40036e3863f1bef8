package layout

import (
	"regexp"
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// Footer matches the lines that close a table: signatures, dates, notes.
var Footer = regexp.MustCompile(`^(单位负责人|负责人|填表人|审核人|填报人|制表人|统计人|联系电话|联系方式|填报日期|填表日期|报送日期|说明[:：]|注[:：]|备注[:：])`)

// LineOf is the line of the first of signals found, or 1.
func LineOf(lines []source.Line, signals []string) int {
	for _, l := range lines {
		t := label.Squeeze(label.Fold(l.Text))
		for _, s := range signals {
			if strings.Contains(t, s) {
				return l.N
			}
		}
	}
	return 1
}
