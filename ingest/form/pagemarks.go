package form

import (
	"regexp"
	"strings"

	"github.com/gongkai/gongkai/ingest/source"
)

// pageMark matches a line that holds only a page number, as text taken from
// a PDF prints them between the rows of a table: -3-, — 4 —, 第3页, 第3页共5页,
// 3/5. Read as cells they would be figures of the row around them.
var pageMark = regexp.MustCompile(`^(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})$`)

// dropPageMarks removes the page numbers and form feeds that a PDF's text
// prints between the rows of its tables; the other lines keep their
// numbers.
func dropPageMarks(lines []source.Line) []source.Line {
	out := lines[:0:0]
	for _, l := range lines {
		if strings.ContainsRune(l.Text, '\f') {
			l.Text = strings.ReplaceAll(l.Text, "\f", "")
		}
		if pageMark.MatchString(source.Trim(l.Text)) {
			continue
		}
		out = append(out, l)
	}
	return out
}
