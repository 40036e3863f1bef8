// Package form reads the statistics tables of the 2019 and 2021 report
// formats (国办公开办函〔2019〕60号, 〔2021〕30号): table 2, proactive
// disclosure; table 3, applications received and handled; table 4,
// administrative reviews and lawsuits. The catalogue's form2019.csv and
// form2021.csv describe them; a report may mix the two.
package form

import (
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// tableSpan is a run of lines that holds table cells.
type tableSpan struct {
	start, end int // indexes into lines
	closed     bool
}

// regions finds the tables among the narrative. A table begins at a line
// that prints one of its own header cells or rows, and ends at a section
// heading of the report (四、政府信息公开行政复议、行政诉讼情况 ends table 3,
// while 四、结转下年度继续办理 is its last row), a sentence, or a signature.
func (r *reader) regions(lines []source.Line) []tableSpan {
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
		if r.reviewsSection(t) && r.figuresFollow(lines, i) {
			in = i
			continue
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
				for _, sp := range r.s.spans[tableReviews] {
					if sp.score(l.Key) >= label.Same {
						in = i
					}
				}
				for _, b := range r.s.reviewsBlocks {
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
func (r *reader) rowWithFigures(lines []source.Line, i int) bool {
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
func (r *reader) endsTable(raw, t, sq string) bool {
	cell := strings.HasPrefix(raw, "\t") || len(layout.SplitLine(source.Line{Text: raw})) > 1
	return layout.Footer.MatchString(sq) || sentence(t) && !cell || r.narrativeHeading(t)
}

// sentence reports whether t is narrative prose rather than a cell.
func sentence(t string) bool {
	return strings.Contains(t, "。") && utf8.RuneCountInString(t) > 30
}

// narrativeHeading reports whether t is a section heading of the report
// (一、总体情况 … 六、其他需要报告的事项), not a row of a table.
func (r *reader) narrativeHeading(t string) bool {
	if !label.Heading.MatchString(source.Trim(t)) || utf8.RuneCountInString(t) > 40 {
		return false
	}
	l := label.Parse(t)
	return l.EnumLevel() == 1 && r.isSection(l.Key) && r.matchRow(l) == nil
}

// reviewsSection reports whether t is the heading of the report's section
// of table 4 (四、政府信息公开行政复议、行政诉讼情况).
func (r *reader) reviewsSection(t string) bool {
	sq := label.Squeeze(label.Fold(t))
	return r.narrativeHeading(t) && strings.Contains(sq, "行政复议") && strings.Contains(sq, "行政诉讼")
}

// figuresFollow reports whether a row of figures alone follows line i
// within a few lines, with only empty cells or none before it: table 4
// printed with no header, or with a header a converter left blank.
//
// Lines between that print only pieces of table 4's own header (行政复 /
// 议, 结果维 / 持: a Word table's narrow cells, wrapped a few characters a
// line) are passed over, up to maxHeaderPieceLines of them, when the first
// of them prints a piece cut short: a header of whole wordings (行政复议 /
// 行政诉讼) opens the table's region on its own, the heading left to the
// narrative.
func (r *reader) figuresFollow(lines []source.Line, i int) bool {
	pieces := 0
	for j := i + 1; j < len(lines) && j <= i+4+pieces; j++ {
		kinds := map[layout.Kind]int{}
		header, cut := true, false
		for _, c := range layout.SplitLine(lines[j]) {
			k := layout.Classify(c.Text, r.isUnit)
			if k == layout.Label && r.spacedFigures(c.Text) {
				k = layout.Value // 10 14 63: figures a space apart
			}
			kinds[k]++
			for _, w := range strings.Fields(c.Text) { // 其他结 尚未审: two cells a space apart
				piece, whole := r.reviewsHeaderPiece(w)
				header = header && k == layout.Label && piece
				cut = cut || piece && !whole
			}
		}
		switch {
		case kinds[layout.Label] > 0 && header && (cut || pieces > 0) && kinds[layout.Value] == 0 && pieces < maxHeaderPieceLines:
			pieces++
		case kinds[layout.Label] > 0:
			return false
		case kinds[layout.Value] > 0:
			return true
		}
	}
	return false
}

// spacedFigures reports whether text is figures a space apart.
func (r *reader) spacedFigures(text string) bool {
	ws := strings.Fields(text)
	for _, w := range ws {
		if layout.Classify(w, r.isUnit) != layout.Value {
			return false
		}
	}
	return len(ws) > 1
}

// maxHeaderPieceLines bounds the lines of a wrapped header of table 4.
const maxHeaderPieceLines = 10

// reviewsHeaderPiece reports whether text is a piece of a wording of table
// 4's header: a block (行政复议 …), a cell spanning blocks (行政诉讼) or a
// result column (结果维持 … 总计); whole, whether it is the whole wording.
func (r *reader) reviewsHeaderPiece(text string) (piece, whole bool) {
	key := label.Key(text)
	if key == "" {
		return false, false
	}
	for _, k := range r.s.reviewsHeaderKeys {
		piece = piece || strings.Contains(k, key)
		whole = whole || k == key
	}
	return piece, whole
}
