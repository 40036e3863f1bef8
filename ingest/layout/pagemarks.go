package layout

import (
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/gongkai/gongkai/ingest/source"
)

// pageMark matches a line that holds only a page number, as text taken from
// a PDF prints them between the rows of a table: -3-, — 4 —, 第3页, 第3页共5页,
// 3/5, and the marks text extractors put between pages (pdf.js through
// pdf-parse: -- 3 of 5 --; Page 3 of 5). Read as cells they would be
// figures of the row around them.
var pageMark = regexp.MustCompile(`^(?:[-—–]{1,2}\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*[-—–]{1,2}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3}|(?i:page)\s*\d{1,3}(?:\s*(?i:of)\s*\d{1,3})?)$`)

// DropPageMarks removes the page numbers and form feeds that a PDF's text
// prints between the rows of its tables; the other lines keep their
// numbers.
func DropPageMarks(lines []source.Line) []source.Line {
	bare := barePageNumbers(lines)
	out := lines[:0:0]
	for i, l := range lines {
		if bare[i] {
			continue
		}
		if strings.ContainsRune(l.Text, '\f') {
			l.Text = strings.ReplaceAll(l.Text, "\f", "")
		}
		if pageMark.MatchString(folded(l.Text)) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// folded is a line trimmed, its full-width digits and signs narrow (－２－,
// 第３页): the marks are matched on ASCII digits.
func folded(text string) string {
	return width.Fold.String(source.Trim(text))
}

// minBarePages is how many pages must end with their own number, printed
// bare (3), before such numbers are taken for page numbers: a figure
// equal to its page's number is common, one on every page in turn is not.
const minBarePages = 3

// barePage is a page number printed bare, a number alone on its line.
var barePage = regexp.MustCompile(`^\d{1,3}$`)

// barePageNumbers finds the page numbers printed bare (3) as the last line
// of each page of a PDF's text (pages end at form feeds): only when every
// page but the first and the last ends with a bare number, at least
// minBarePages of them, each one more than the page's before. A number
// that breaks the run leaves every line as it is. It returns the indexes
// of those lines.
func barePageNumbers(lines []source.Line) map[int]bool {
	var ends []int // index of the last non-empty line of each page
	last := -1
	for i, l := range lines {
		if strings.ContainsRune(l.Text, '\f') && last >= 0 {
			ends = append(ends, last)
			last = -1
		}
		if source.Trim(strings.ReplaceAll(l.Text, "\f", "")) != "" {
			last = i
		}
	}
	if last >= 0 {
		ends = append(ends, last)
	}
	found := map[int]bool{}
	prev := -1
	for k, i := range ends {
		t := folded(strings.ReplaceAll(lines[i].Text, "\f", ""))
		if !barePage.MatchString(t) {
			if k == 0 || k == len(ends)-1 {
				continue // a cover, or a last page with no number
			}
			return nil
		}
		n, _ := strconv.Atoi(t)
		if prev >= 0 && n != prev+1 {
			return nil
		}
		prev = n
		found[i] = true
	}
	if len(found) < minBarePages {
		return nil
	}
	return found
}
