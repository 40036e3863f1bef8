package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/form"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/legacy"
	"github.com/gongkai/gongkai/ingest/meta"
	"github.com/gongkai/gongkai/ingest/source"
	"github.com/gongkai/gongkai/ingest/source/doc"
	"github.com/gongkai/gongkai/ingest/source/docx"
	"github.com/gongkai/gongkai/ingest/source/html"
	"github.com/gongkai/gongkai/ingest/source/text"
)

// Parse reads one report file. It returns the figures it found and says in
// Report.Missing which metadata the text lacks; it fails, with an error that
// names the file and line, only when there is no statistics table of a
// national template to read.
func Parse(name string, data []byte) (*gongkai.Report, error) {
	fail := func(n int, format string, args ...any) error {
		return &gongkai.Error{Code: gongkai.EINVALID, File: name, Line: n, Message: fmt.Sprintf(format, args...)}
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, fail(1, "empty file")
	}
	doc, err := read(data)
	if err != nil {
		return nil, fail(1, "%s", err)
	}
	foldDocument(doc)
	cat, err := catalog.Load()
	if err != nil {
		return nil, err
	}
	text, lines := doc.Text(), doc.Lines
	r := &gongkai.Report{
		FileName:     name,
		Source:       data,
		Observations: []gongkai.Observation{},
		Unplaced:     []gongkai.Unplaced{},
		Missing:      []string{},
		Sections:     []gongkai.Section{},
	}
	sum := sha256.Sum256(data)
	r.SHA256 = hex.EncodeToString(sum[:])

	var start, end int
	switch detectForm(text, cat) {
	case formNone:
		return nil, fail(1, "no statistics table of a national template found (政府信息公开情况统计表, or the tables of the 2019/2021 format)")
	case formOld:
		return nil, fail(layout.LineOf(lines, cat.Words(catalog.WordsDetectPre2014)), "a pre-2014 local statistics form (columns 本期实际/本年累计), not one of the national templates")
	case formNew:
		narrative, err := form.Read(r, cat, lines)
		if err != nil {
			return nil, inFile(err, name)
		}
		meta.Read(r, narrative, text)
		cite(doc, r)
		return r, nil
	case formLegacy:
		if start, end, err = legacy.Read(r, cat, lines); err != nil {
			return nil, inFile(err, name)
		}
	}
	meta.Read(r, lines[:start], text)
	// Narrative printed after the table (a report that attaches its table
	// in the middle) has headings of its own.
	if more := meta.Sections(lines[end:]); len(more) > 0 {
		r.Sections = append(r.Sections, more...)
		r.Missing = slices.DeleteFunc(r.Missing, func(m string) bool { return m == "sections" })
	}
	cite(doc, r)
	return r, nil
}

// read turns a file's bytes into a document: the lines a text export of
// it would have. The format is told by the content, never by the file's
// name: an attachment named .doc is often a DOCX or an HTML page. An HTML
// page's lines are numbered by the lines of its source, a Word file's
// (DOCX or .doc) by the place of their paragraph or table row, a PDF's in
// the order of its extracted text, each with its page.
func read(data []byte) (*source.Document, error) {
	if isPDF(data) {
		return readPDF(data)
	}
	if docx.Is(data) {
		return docx.Read(data)
	}
	if doc.Is(data) {
		return doc.Read(data)
	}
	if bytes.HasPrefix(data, []byte(`{\rtf`)) {
		return nil, errors.New("an RTF document: gongkai reads PDF, DOCX, DOC, HTML and text; save it as DOCX or PDF")
	}
	t, err := text.Decode(data)
	if err != nil {
		return nil, err
	}
	if doc := html.Read(data, t); doc != nil {
		return doc, nil
	}
	doc := markdownWithTables(t)
	if doc == nil {
		doc = &source.Document{Lines: dropParagraphBreaks(source.SplitLines(dropMarkup(t)))}
	}
	cat, err := catalog.Load()
	if err != nil {
		return nil, err
	}
	doc.Lines = mendMarkdownTables(doc.Lines, cat)
	return doc, nil
}

// Publisher describes the body called name: its division code, level and
// stable id. context (the report's text) breaks ties between places of the
// same name.
func Publisher(name, context string) gongkai.Publisher { return meta.Publisher(name, context) }

// inFile names the file in an error of a template reader, which knows
// the line but not the file.
func inFile(err error, name string) error {
	var e *gongkai.Error
	if errors.As(err, &e) && e.File == "" {
		named := *e
		named.File = name
		return &named
	}
	return err
}
