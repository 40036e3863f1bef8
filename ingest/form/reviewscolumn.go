package form

import "github.com/gongkai/gongkai/ingest/layout"

// PyMuPDF's text of the same print (get_text() in the page's order) puts
// each of table 4's figures on a line of its own, one line after the
// other: the row as printed, left to right, a figure a line. Such a run
// is cut as a row on one line is (reviewscut.go), with the same checks.

// consecutiveLines reports whether the cells stand one on each line, on lines
// that follow one another with nothing between them.
func consecutiveLines(cells []layout.Cell) bool {
	for i := 1; i < len(cells); i++ {
		if cells[i].Line != cells[i-1].Line+1 {
			return false
		}
	}
	return len(cells) > 1
}
