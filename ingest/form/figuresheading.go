package form

import (
	"regexp"
	"strings"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// A PDF-to-Markdown converter prints a page's text item after item on one
// line: table 4's figures, then the heading of the section after it and
// that section's prose (1 0 2 0 3 12 0 0 0 12 0 0 0 0 0 五、存在的主要问题及
// 改进情况 （一）存在的主要问题:…。). Read whole, the line is a sentence and
// closes the table before its figures. partFiguresFromHeading cuts such a
// line before the heading: the figures stay a line of the table, the
// heading and its prose become the narrative line after it, with the same
// line number.

// sectionAfterFigures matches, in a line's text, a section heading
// printed after a figure and a space: 五、存在….
var sectionAfterFigures = regexp.MustCompile(`[0-9０-９][ \x{3000}]+([一二三四五六七八九十]+、)`)

// minFiguresBeforeHeading is how many figures, parted by spaces, precede
// the heading at least: a row's cells, not a number the prose cites
// (… 2021 年 …).
const minFiguresBeforeHeading = 2

// partFiguresFromHeading returns lines with each line that prints figures
// and then a section heading of the report that holds no table cut in two
// before the heading; other lines are returned as they are.
func (r *reader) partFiguresFromHeading(lines []source.Line) []source.Line {
	var out []source.Line
	for _, l := range lines {
		before, after, ok := r.figuresThenHeading(l.Text)
		if !ok {
			out = append(out, l)
			continue
		}
		first, second := l, l
		first.Text, second.Text = before, after
		out = append(out, first, second)
	}
	return out
}

// figuresThenHeading cuts text before a section heading that follows
// figures: the heading is one of the report's sections that hold no
// table (五、存在的主要问题及改进情况, 六、其他需要报告的事项), and the text
// before it ends with minFiguresBeforeHeading figures or more, parted by
// spaces.
func (r *reader) figuresThenHeading(text string) (string, string, bool) {
	for _, m := range sectionAfterFigures.FindAllStringSubmatchIndex(text, -1) {
		at := m[2]
		if !r.narrativeSection(text[at:]) {
			continue
		}
		fields := strings.Fields(label.Fold(text[:at]))
		n := 0
		for i := len(fields) - 1; i >= 0 && plainDigits.MatchString(fields[i]); i-- {
			n++
		}
		if n < minFiguresBeforeHeading {
			continue
		}
		return strings.TrimRight(text[:at], " "), text[at:], true
	}
	return "", "", false
}

// narrativeSection reports whether text opens with the heading of a
// section of the report that holds no table.
func (r *reader) narrativeSection(text string) bool {
	l := label.Parse(text)
	if l.EnumLevel() != 1 {
		return false
	}
	key := label.Squeeze(l.Key)
	for _, h := range r.cat.Words(catalog.WordsFormSection) {
		if strings.HasPrefix(key, h) && !contains(tableHeadings, h) {
			return true
		}
	}
	return false
}
