package ingest

import (
	"bytes"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/source"
	"github.com/gongkai/gongkai/ingest/source/pdf"
)

// isPDF reports whether data is a PDF file: it starts with its signature.
func isPDF(data []byte) bool { return bytes.HasPrefix(data, []byte("%PDF-")) }

// readPDF turns a PDF into the lines of its extracted text, narrative as
// plain lines and tables as pipe rows, each line with its page.
func readPDF(data []byte) (*source.Document, error) {
	extracted, err := pdf.Read(data)
	if err != nil {
		return nil, err
	}
	lines := make([]source.Line, len(extracted))
	for i, l := range extracted {
		lines[i] = source.Line{N: l.N, Page: l.Page, Text: l.Text}
	}
	return &source.Document{Lines: lines}, nil
}

// citePages gives each figure and unplaced row the page of its line, for
// documents read from a paged source.
func citePages(d *source.Document, r *gongkai.Report) {
	pages := map[int]int{}
	for _, l := range d.Lines {
		if l.Page > 0 {
			pages[l.N] = l.Page
		}
	}
	if len(pages) == 0 {
		return
	}
	for i := range r.Observations {
		r.Observations[i].Page = pages[r.Observations[i].Line]
	}
	for i := range r.Unplaced {
		r.Unplaced[i].Page = pages[r.Unplaced[i].Line]
	}
}
