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
		n = doc.AddText(t[prev:loc[0]], n)
		frag := t[loc[0]:loc[1]]
		if table := html.Read([]byte(frag), frag); table != nil {
			doc.AddShifted(table, n-1)
		}
		n += strings.Count(frag, "\n")
		prev = loc[1]
	}
	doc.AddText(t[prev:], n)
	return doc
}
