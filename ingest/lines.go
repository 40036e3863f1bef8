package ingest

import (
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/source"
)

// Line is one line of a report's text as the parser reads it: N is the
// number its figures cite (the line of a text file; for an HTML page, the
// source line where the text starts; for a DOCX file, the place of the
// paragraph or table row; for a PDF, the line of its extracted text, on
// Page).
type Line = source.Line

// Lines returns the text of a report file as the parser reads it, each
// line with the number that its figures cite, so that a reader can be
// shown the line a figure came from in any format. It returns an EINVALID
// error for a file that is not text, HTML or DOCX.
//
// A table row of an HTML page whose cells stand on source lines of their
// own is given as those cells, one line each, since its figures cite the
// line of their cell; a row written on one source line stays one line.
func Lines(name string, data []byte) ([]Line, error) {
	doc, err := read(data)
	if err != nil {
		return nil, &gongkai.Error{Code: gongkai.EINVALID, File: name, Line: 1, Message: err.Error()}
	}
	out := make([]Line, 0, len(doc.Lines))
	expanded := map[int]bool{}
	for _, l := range doc.Lines {
		cells := cellLines(doc, l.N)
		switch {
		case cells == nil:
			out = append(out, l)
		case !expanded[l.N]:
			expanded[l.N] = true
			out = append(out, cells...)
		}
	}
	return out, nil
}

// cellLines returns the cells of the table rows printed at line n, one line
// per cell with its own source line, or nil when the document does not
// know its cells, n is not a row, or every cell stands on the row's line.
// Cells repeated from a row above (rowspan) and empty ones are left out.
func cellLines(doc *source.Document, n int) []Line {
	cells, ok := doc.Cells[n]
	if !ok {
		return nil
	}
	var out []Line
	own := false
	for _, c := range cells {
		if c.N < n || strings.TrimSpace(c.Text) == "" {
			continue
		}
		own = own || c.N != n
		out = append(out, Line{N: c.N, Text: c.Text})
	}
	if !own {
		return nil
	}
	return out
}
