package ingest

import (
	"regexp"
	"strings"

	"github.com/gongkai/gongkai/ingest/source"
	"github.com/gongkai/gongkai/ingest/source/html"
)

// htmlTable is a table of HTML markup printed inside a text.
var htmlTable = regexp.MustCompile(`(?is)<table[\s>].*?</table\s*>`)

// markdownWithTables reads a text that is no web page but prints its
// tables as HTML (MinerU's and marker's Markdown): each table is read by
// the HTML reader, merged cells (rowspan, colspan) and line breaks (<br>)
// as in a page, and the text around the tables line by line. Every line
// and cell keeps the number of its line in the file. It returns nil when
// the text prints no HTML table.
func markdownWithTables(t string) *source.Document {
	locs := htmlTable.FindAllStringIndex(t, -1)
	if locs == nil {
		return nil
	}
	doc := &source.Document{Cells: map[int][]source.Cell{}}
	n, prev := 1, 0 // line number of t[prev]
	for _, loc := range locs {
		n = doc.AddText(dropMarkup(t[prev:loc[0]]), n)
		frag := t[loc[0]:loc[1]]
		if table := html.Read([]byte(frag), frag); table != nil {
			doc.AddShifted(table, n-1)
		}
		n += strings.Count(frag, "\n")
		prev = loc[1]
	}
	doc.AddText(dropMarkup(t[prev:]), n)
	return doc
}

// dropMarkup returns the text of Markdown without the marks converters
// leave around its words and figures: inline HTML tags, superscript marks
// and backslash escapes.
func dropMarkup(t string) string {
	return unescapeMarkdown(partRaisedFigures(unwrapSuperscripts(dropInlineTags(t))))
}

// markdownEscape is a backslash escape of Markdown (mammoth and pandoc
// write 7296\.33, 3\.其他, \-6): the character printed is the one after
// the backslash. An escaped pipe (\|) in a row of a pipe table stays, for
// it is a pipe inside a cell, not a cell's edge; on a line of text it is
// the bar printed (pandoc escapes the bars OCR reads for a table's rules:
// `217 \|1 \|0o`), and its backslash is no cell.
var markdownEscape = regexp.MustCompile("\\\\([!\"#$%&'()*+,\\-./:;<=>?@\\[\\]^_`{}~])")

// escapedBarInText is an escaped pipe on a line that is no row of a pipe
// table (one that does not open with a pipe).
var escapedBarInText = regexp.MustCompile(`(?m)^[ \t]*[^|\s].*$`)

// unescapeMarkdown returns the text with the backslashes of Markdown's
// escapes taken out.
func unescapeMarkdown(t string) string {
	if !strings.Contains(t, "\\") {
		return t
	}
	if strings.Contains(t, "\\|") {
		t = escapedBarInText.ReplaceAllStringFunc(t, func(line string) string {
			return strings.ReplaceAll(line, "\\|", "|")
		})
	}
	return markdownEscape.ReplaceAllString(t, "$1")
}

// superscriptRun is a run of figures a PDF-to-Markdown converter marked as
// superscript, (^21 0 0 0 0 0 21): @opendocsg/pdf2md marks so the cells of
// a table row printed in a smaller font than the text around them. Only a
// run of two figures or more, after a space or at the start of a line, is
// a row's cells; one number, (^1), is a footnote's mark and stays.
var superscriptRun = regexp.MustCompile(`(?m)(^|[ \t])\(\^([-+]?\d[\d.,]*(?:[ \t]+[-+]?\d[\d.,]*)+)\)`)

// unwrapSuperscripts returns the text with the superscript marks around
// runs of figures taken out, the figures kept.
func unwrapSuperscripts(t string) string {
	if !strings.Contains(t, "(^") {
		return t
	}
	return superscriptRun.ReplaceAllString(t, "${1}${2}")
}

// inlineTag is an HTML tag a converter kept around the text of Markdown:
// pandoc keeps a page's <span style="…"> and <div align="center">, its
// attributes wrapped over lines, even inside the cells of pipe tables.
// Their attributes hold numbers (font-size:12.0000pt) that are no figures.
var inlineTag = regexp.MustCompile(`(?is)</?(?:span|font|div|p|a|b|i|u|strong|em|sup|sub|o:p|center|section)(?:\s[^<>]*)?>`)

// dropInlineTags returns the text without its inline tags. A tag wrapped
// over lines joins them, as the page shows them; as many empty lines
// follow the joined line, so that every later line keeps its number.
func dropInlineTags(t string) string {
	locs := inlineTag.FindAllStringIndex(t, -1)
	if locs == nil {
		return t
	}
	var b strings.Builder
	pending := 0 // line breaks taken out with tags, owed after the line
	write := func(s string) {
		for pending > 0 {
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				break
			}
			b.WriteString(s[:i+1])
			b.WriteString(strings.Repeat("\n", pending))
			pending, s = 0, s[i+1:]
		}
		b.WriteString(s)
	}
	prev := 0
	for _, loc := range locs {
		write(t[prev:loc[0]])
		pending += strings.Count(t[loc[0]:loc[1]], "\n")
		prev = loc[1]
	}
	write(t[prev:])
	b.WriteString(strings.Repeat("\n", pending))
	return b.String()
}
