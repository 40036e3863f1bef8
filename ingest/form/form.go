// Package form reads the statistics tables of the 2019 and 2021 report
// formats (国办公开办函〔2019〕60号, 〔2021〕30号): table 2, proactive
// disclosure; table 3, applications received and handled; table 4,
// administrative reviews and lawsuits. The catalogue's form2019.csv and
// form2021.csv describe them; a report may mix the two.
package form

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// Read reads a report in the 2019 or 2021 format: its tables 2, 3 and
// 4 wherever they stand among the narrative, and the narrative around them.
// It returns the narrative lines for meta, or a *gongkai.Error naming the
// line when lines hold no table of the format with figures.
func Read(r *gongkai.Report, cat *catalog.Catalog, lines []source.Line) ([]source.Line, error) {
	fr := newFormReader(cat)
	regions := fr.regions(lines)
	if len(regions) == 0 {
		return nil, invalid(layout.LineOf(lines, cat.Words(catalog.WordsDetectForm)), "the text names tables of the 2019/2021 format but holds none with figures")
	}
	var narrative []source.Line
	next := 0
	for _, g := range regions {
		narrative = append(narrative, lines[next:g.start]...)
		for _, c := range fr.cells.Cells(lines[g.start:g.end]) {
			fr.feed(c)
		}
		fr.closeRow()
		fr.finishTable4()
		next = g.end
	}
	narrative = append(narrative, lines[next:]...)
	fr.finish()
	r.Observations, r.Unplaced = fr.obs, fr.unplaced
	if r.Observations == nil {
		r.Observations = []gongkai.Observation{}
	}
	if r.Unplaced == nil {
		r.Unplaced = []gongkai.Unplaced{}
	}
	r.Template = fr.template()
	if len(r.Observations) == 0 {
		return nil, invalid(lines[regions[0].start].N, "the tables of the 2019/2021 format hold no figure of the form")
	}
	if last := regions[len(regions)-1]; !last.closed {
		r.Truncated = fr.truncated(lines[len(lines)-1].N)
	}
	return narrative, nil
}

// template is the report's template: that of table 3 when it tells (2021
// when （六）其他处理 has its three rows), else that of most blocks of table
// 2, else the 2019 format, the first that has these tables.
func (r *formReader) template() string {
	if t := r.template3(); t != "" {
		return t
	}
	if t := r.template2(); t != "" {
		return t
	}
	return gongkai.Template2019
}

// truncated says why tables that end with the file look cut off part-way:
// the last row read lacks cells, table 3 stops before its last row, or
// table 4 lacks figures. A file that holds only some whole tables (a table
// pasted alone) is not cut off.
func (r *formReader) truncated(lastLine int) string {
	where := fmt.Sprintf("the tables end with the file at line %d", lastLine)
	switch {
	case r.lastTable == 4 && !r.complete4():
		return where + ", before table 4 (行政复议、行政诉讼) is complete; the figures after it are missing"
	case r.lastShort:
		return where + ", in the middle of a row; the cells after it are missing"
	case r.lastTable == 3 && r.seen[r.s.carriedForward.id] == 0:
		return where + ", before the last row of table 3 (四、结转下年度继续办理); the rows after it are missing"
	}
	return ""
}

// complete4 reports whether all fifteen figures of table 4 were read.
func (r *formReader) complete4() bool {
	n := 0
	for k := range r.seen {
		if strings.HasPrefix(k, "4:") {
			n++
		}
	}
	return n >= 15
}

// tableSpan is a run of lines that holds table cells.
type tableSpan struct {
	start, end int // indexes into lines
	closed     bool
}

// regions finds the tables among the narrative. A table begins at a line
// that prints one of its own header cells or rows, and ends at a section
// heading of the report (四、政府信息公开行政复议、行政诉讼情况 ends table 3,
// while 四、结转下年度继续办理 is its last row), a sentence, or a signature.
func (r *formReader) regions(lines []source.Line) []tableSpan {
	var out []tableSpan
	in := -1
	for i, l := range lines {
		t := source.Trim(strings.TrimLeft(l.Text, "\t|"))
		sq := label.Squeeze(label.Fold(t))
		if in >= 0 {
			if r.endsTable(l.Text, t, sq) {
				out = append(out, tableSpan{start: in, end: i, closed: true})
				in = -1
			} else {
				continue
			}
		}
		if sq == "" || sentence(t) || r.narrativeHeading(t) {
			continue
		}
		for _, s := range r.cat.Words(catalog.WordsFormTableStart) {
			if strings.Contains(sq, s) {
				in = i
				break
			}
		}
		if in < 0 && utf8.RuneCountInString(sq) <= 60 && strings.Contains(sq, "行政复议") && strings.Contains(sq, "行政诉讼") {
			in = i
		}
		if cells := layout.SplitLine(l); in < 0 && len(cells) > 0 && !strings.Contains(t, "。") {
			// A header cell of table 4 alone, as printed (行政复议 | 行政诉讼 …);
			// a numbered heading such as （一）行政复议情况 is narrative.
			if l := label.Parse(cells[0].Text); l.Enum == "" {
				for _, sp := range r.s.spans[4] {
					if sp.score(l.Key) >= label.Same {
						in = i
					}
				}
				for _, b := range r.s.order4 {
					if b.score(l.Key) >= label.Same {
						in = i
					}
				}
			}
		}
		if in < 0 && r.rowWithFigures(lines, i) {
			in = i
		}
	}
	if in >= 0 {
		end := len(lines)
		out = append(out, tableSpan{start: in, end: end})
	}
	return out
}

// rowWithFigures reports whether line i starts with a row of table 2 or 3
// and figures follow within a few lines (a table printed with no header).
func (r *formReader) rowWithFigures(lines []source.Line, i int) bool {
	cells := layout.SplitLine(lines[i])
	if len(cells) == 0 {
		return false
	}
	fields := strings.Fields(cells[0].Text)
	if len(fields) == 0 {
		return false
	}
	first := fields[0]
	if pieces := layout.SplitGlued(first); len(pieces) > 0 {
		first = pieces[0].Text
	}
	if r.matchRow(label.Parse(first)) == nil {
		return false
	}
	for j := i; j < len(lines) && j <= i+8; j++ {
		for _, f := range strings.FieldsFunc(lines[j].Text, func(c rune) bool { return c == '\t' || c == '|' || c == ' ' || c == '\u3000' }) {
			if figure.Pattern.MatchString(label.Fold(f)) {
				return true
			}
			for _, g := range layout.SplitGlued(f) {
				if g.Glued {
					return true
				}
			}
		}
	}
	return false
}

// endsTable reports whether a line closes the table it follows. A long
// note with a full stop inside a cell (Hubei's notes) does not.
func (r *formReader) endsTable(raw, t, sq string) bool {
	cell := strings.HasPrefix(raw, "\t") || len(layout.SplitLine(source.Line{Text: raw})) > 1
	return layout.Footer.MatchString(sq) || sentence(t) && !cell || r.narrativeHeading(t)
}

// sentence reports whether t is narrative prose rather than a cell.
func sentence(t string) bool {
	return strings.Contains(t, "。") && utf8.RuneCountInString(t) > 30
}

// narrativeHeading reports whether t is a section heading of the report
// (一、总体情况 … 六、其他需要报告的事项), not a row of a table.
func (r *formReader) narrativeHeading(t string) bool {
	if !label.Heading.MatchString(source.Trim(t)) || utf8.RuneCountInString(t) > 40 {
		return false
	}
	l := label.Parse(t)
	return l.EnumLevel() == 1 && r.isSection(l.Key) && r.matchRow(l) == nil
}

// invalid is the error of a file that holds no table to read, at line n.
func invalid(n int, message string) error {
	return &gongkai.Error{Code: gongkai.EINVALID, Line: n, Message: message}
}
