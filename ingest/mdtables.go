package ingest

import (
	"regexp"
	"slices"
	"strings"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
	"golang.org/x/text/width"
)

// PDF-to-Markdown and OCR-to-Markdown converters print a statistics table
// as Markdown tables damaged in two ways that the lines themselves show,
// before any template is read:
//
//   - a header they could not read is printed as generic column names
//     (数据1 … 数据6, Column1 …): these name no column of any form, and are
//     read as a header of empty cells, so that the form's own header rules
//     (its order, its arithmetic) decide; in a header row that names some
//     of its cells, the generic names alone are blanked;
//   - a table cut by a page break leaves a row's label as the last row of
//     one table and its figures as the first row of the next, with the
//     page's footer and the next page's title between them. The two are
//     joined only when nothing else can be meant: the label row prints no
//     figure and its last label is no heading of a form; the figure row
//     prints no label and all its cells stand right of the label row's;
//     both have the same number of cells; and only blank lines, table
//     rules, page numbers, Markdown headings that name no section of the
//     report, and a header row that names nothing (empty or generic cells)
//     lie between them.
//
// Within a row's cells, the line breaks a converter kept (<br>) and the
// spaces OCR puts between Han characters go first.
//
// Then the marks of Markdown headings (## 表三：…) go: their words are
// read as those of any other line.

// genericColumn is a name a converter gives a column whose header it
// could not read.
var genericColumn = regexp.MustCompile(`^(?i:数据|列|column|col|字段|field)\s*\d{1,2}$`)

// tableRule is the line under a Markdown table's header row.
var tableRule = regexp.MustCompile(`^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$`)

// markdownHeading is the mark of a Markdown heading line: the heading's
// words are read as any line's once the table pieces are joined.
var markdownHeading = regexp.MustCompile(`^\s*#{1,6}\s+`)

// pageNumber is a line that holds only a page number (— 4 —, -3-, 第3页).
var pageNumber = regexp.MustCompile(`^(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?)$`)

// mendMarkdownTables returns lines with the damages above undone; other
// lines are returned as they are, with their numbers.
func mendMarkdownTables(lines []source.Line, cat *catalog.Catalog) []source.Line {
	m := markdownMender{cat: cat, isUnit: func(s string) bool { _, ok := cat.UnitBySymbol(s); return ok }}
	lines = pandocTables(boxTables(innerTextRows(domCellRows(lines))))
	out := make([]source.Line, 0, len(lines))
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		cells, ok := pipeCells(l.Text)
		if !ok {
			out = append(out, l)
			continue
		}
		if clean := cleanCells(cells); clean != nil {
			cells, l.Text = clean, pipeRow(clean)
		}
		if m.generic(cells) {
			l.Text = pipeRow(make([]string, len(cells)))
			out = append(out, l)
			continue
		}
		if i+1 < len(lines) && tableRule.MatchString(source.Trim(lines[i+1].Text)) {
			if named, ok := blankGeneric(cells); ok {
				l.Text = pipeRow(named)
			}
		}
		if j, labels := m.apart(lines, i, cells); j > 0 {
			l.Text = pipeRow(labels)
			out = append(out, l, lines[j])
			if j+1 < len(lines) && tableRule.MatchString(source.Trim(lines[j+1].Text)) {
				j++ // the rule under the figures, printed as the next table's header
			}
			i = j
			continue
		}
		out = append(out, l)
	}
	for i, l := range out {
		out[i].Text = markdownHeading.ReplaceAllString(l.Text, "")
	}
	return out
}

type markdownMender struct {
	cat    *catalog.Catalog
	isUnit func(string) bool
}

// generic reports whether every cell of a row that names anything is a
// generic column name.
func (m markdownMender) generic(cells []string) bool {
	named := false
	for _, c := range cells {
		c = source.Trim(c)
		switch {
		case c == "":
		case genericColumn.MatchString(c):
			named = true
		default:
			return false
		}
	}
	return named
}

// blankGeneric returns a header row's cells with its generic column names
// blanked, and whether there were any: a converter that reads some of a
// header's cells (第二十条第（一）项) names the others Col2, Col3, which a
// reader would otherwise take for a label and a figure.
func blankGeneric(cells []string) ([]string, bool) {
	out := slices.Clone(cells)
	found := false
	for k, c := range out {
		if genericColumn.MatchString(source.Trim(c)) {
			out[k], found = "", true
		}
	}
	return out, found
}

// apart returns the index of the figure row that completes the label row
// cells at line i across a table break, and the label row's cells up to
// its last label; 0 when there is none, or when the join is not certain.
func (m markdownMender) apart(lines []source.Line, i int, cells []string) (int, []string) {
	last := -1 // the label row's last non-blank cell
	for k, c := range cells {
		switch layout.Classify(c, m.isUnit) {
		case layout.Value:
			return 0, nil
		case layout.Label, layout.Unit:
			last = k
		}
	}
	if last < 0 || last == len(cells)-1 || m.heading(cells[last]) {
		return 0, nil
	}
	j := i + 1
	for ; j < len(lines); j++ {
		t := source.Trim(lines[j].Text)
		if cells, ok := pipeCells(lines[j].Text); ok && !tableRule.MatchString(t) {
			if m.generic(cells) || blankRow(cells) {
				continue // the next piece's header, which names nothing
			}
			break
		}
		if !m.between(t) {
			return 0, nil
		}
	}
	// Rows of one table follow each other: a label row and a figure row
	// there are the reader's to read, not pieces of a table cut apart.
	if j == len(lines) || j == i+1 {
		return 0, nil
	}
	next, _ := pipeCells(lines[j].Text)
	if len(next) != len(cells) {
		return 0, nil
	}
	figures := false
	for k, c := range next {
		switch kind := layout.Classify(c, m.isUnit); {
		case kind == layout.Label:
			return 0, nil
		case kind != layout.Blank && k <= last:
			return 0, nil
		case kind == layout.Value:
			figures = true
		}
	}
	if !figures {
		return 0, nil
	}
	return j, cells[:last+1]
}

// between reports whether a line may stand between the pieces of a table
// cut by a page: a blank line, a table rule, a page number, or a Markdown
// heading that is no section of the report (the table's title repeated).
func (m markdownMender) between(t string) bool {
	switch {
	case t == "", tableRule.MatchString(t), pageNumber.MatchString(width.Fold.String(t)):
		return true
	case markdownHeading.MatchString(t):
		l := label.Parse(strings.TrimLeft(t, "# "))
		return l.EnumLevel() != 1
	}
	return false
}

// heading reports whether a label is the wording of a heading row of a
// form (三、本年度办理结果, 一、主动公开情况): such a row prints no figure,
// so figures after it belong to a row whose label was lost.
func (m markdownMender) heading(text string) bool {
	key := label.Parse(text).Key
	if key == "" {
		return false
	}
	for _, entries := range m.cat.Forms {
		for _, e := range entries {
			if e.Kind == catalog.FormGroup && label.Similarity(key, label.Key(e.Label)) >= label.Same {
				return true
			}
		}
	}
	for _, r := range m.cat.Legacy {
		if r.Group && label.Similarity(key, label.Key(r.Label)) >= label.Same {
			return true
		}
	}
	return false
}

// lineBreak is a line break kept in a cell (<br>, <br/>).
var lineBreak = regexp.MustCompile(`(?i)<br\s*/?>`)

// hanGap is white space between two Han characters, as OCR prints it
// inside a label (三 、本 年 度办 理 结果): Chinese puts no space there.
var hanGap = regexp.MustCompile(`([\p{Han}、（）“”：/／])[ \t\x{3000}]+([\p{Han}、（）“”：/／])`)

// cleanCells returns the cells of a row with the line breaks a converter
// kept (<br>) and the spaces OCR put between Han characters taken out, as
// the HTML reader joins a cell's lines; nil when there are none.
func cleanCells(cells []string) []string {
	var out []string
	for i, c := range cells {
		d := lineBreak.ReplaceAllString(c, "")
		for prev := ""; prev != d; {
			prev, d = d, hanGap.ReplaceAllString(d, "$1$2")
		}
		if d != c && out == nil {
			out = slices.Clone(cells)
		}
		if out != nil {
			out[i] = d
		}
	}
	return out
}

// blankRow reports whether every cell is empty.
func blankRow(cells []string) bool {
	for _, c := range cells {
		if source.Trim(c) != "" {
			return false
		}
	}
	return true
}

// pipeCells splits a Markdown table row into its cells; false when the
// line is not one.
func pipeCells(text string) ([]string, bool) {
	t := strings.TrimSpace(text)
	if len(t) < 2 || t[0] != '|' || t[len(t)-1] != '|' {
		return nil, false
	}
	return strings.Split(t[1:len(t)-1], "|"), true
}

// pipeRow prints cells as a Markdown table row.
func pipeRow(cells []string) string {
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return "| " + strings.Join(cells, " | ") + " |"
}
