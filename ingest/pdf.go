package ingest

import (
	"bytes"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/source/pdf"
)

// isPDF reports whether data is a PDF file: it starts with its signature.
func isPDF(data []byte) bool { return bytes.HasPrefix(data, []byte("%PDF-")) }

// pdfPages is the page of each line of a PDF's extracted text.
type pdfPages map[int]int

// readPDF turns a PDF into the lines of its extracted text: narrative as
// plain lines, tables as pipe rows.
func readPDF(data []byte) ([]line, pdfPages, string) {
	extracted, err := pdf.Read(data)
	if err != nil {
		return nil, nil, err.Error()
	}
	lines := make([]line, len(extracted))
	pages := make(pdfPages, len(extracted))
	for i, l := range extracted {
		lines[i] = line{n: l.N, text: l.Text}
		pages[l.N] = l.Page
	}
	return lines, pages, ""
}

// cite gives each figure and unplaced row the page of its line.
func (p pdfPages) cite(r *gongkai.Report) {
	if p == nil || r == nil {
		return
	}
	for i := range r.Observations {
		r.Observations[i].Page = p[r.Observations[i].Line]
	}
	for i := range r.Unplaced {
		r.Unplaced[i].Page = p[r.Unplaced[i].Line]
	}
}
