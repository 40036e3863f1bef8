// Package ingest parses report files (政府信息公开工作年度报告) into
// gongkai.Report values: the statistics table's figures, each with its row,
// raw text and line, and what the report says of itself. It knows nothing of
// the database.
package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
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
	text, lines, page, pages, problem := read(data)
	if problem != "" {
		return nil, fail(1, "%s", problem)
	}
	cat, err := catalog.Load()
	if err != nil {
		return nil, err
	}
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
	switch detectForm(text) {
	case formNone:
		return nil, fail(1, "no statistics table of a national template found (政府信息公开情况统计表, or the tables of the 2019/2021 format)")
	case formOld:
		return nil, fail(lineOf(lines, oldSignals), "a pre-2014 local statistics form (columns 本期实际/本年累计), not one of the national templates")
	case formNew:
		narrative, err := parseForm(r, cat, lines, fail)
		if err != nil {
			return nil, err
		}
		meta(r, narrative, text)
		page.cite(r)
		pages.cite(r)
		return r, nil
	case formLegacy:
		if start, end, err = parseLegacy(r, cat, lines, fail); err != nil {
			return nil, err
		}
	}
	meta(r, lines[:start], text)
	// Narrative printed after the table (a report that attaches its table
	// in the middle) has headings of its own.
	if more := sections(lines[end:]); len(more) > 0 {
		r.Sections = append(r.Sections, more...)
		r.Missing = slices.DeleteFunc(r.Missing, func(m string) bool { return m == "sections" })
	}
	page.cite(r)
	pages.cite(r)
	return r, nil
}

// read turns a file's bytes into text and its lines. An HTML page, a
// DOCX or a PDF file becomes the lines a text export of it would have: an
// HTML page's numbered by the lines of its source (page then cites each
// figure's own cell, and is nil for other files), a DOCX file's by the
// place of their paragraph or table row, a PDF's in the order of its
// extracted text (pages then gives each line's page, and is nil for other
// files).
func read(data []byte) (text string, lines []line, page *htmlPage, pages pdfPages, problem string) {
	if isPDF(data) {
		if lines, pages, problem = readPDF(data); problem != "" {
			return "", nil, nil, nil, problem
		}
		return joinLines(lines), lines, nil, pages, ""
	}
	if isDOCX(data) {
		if lines, problem = readDOCX(data); problem != "" {
			return "", nil, nil, nil, problem
		}
		return joinLines(lines), lines, nil, nil, ""
	}
	if text, problem = decode(data); problem != "" {
		return "", nil, nil, nil, problem
	}
	if page = readHTML(data, text); page != nil {
		return joinLines(page.lines), page.lines, page, nil, ""
	}
	return text, splitLines(text), nil, nil, ""
}

// parseLegacy reads the legacy table into r and returns the lines it spans.
func parseLegacy(r *gongkai.Report, cat *catalog.Catalog, lines []line, fail func(int, string, ...any) error) (start, end int, err error) {
	t := newLegacyTable(cat)
	start, _ = legacyStart(lines, t.m)
	if start < 0 {
		return 0, 0, fail(lineOf(lines, legacySignals), "the text names rows of the statistics table but holds no table with figures")
	}
	end, closed := tableEnd(lines, start)
	body := lines[start:end]
	cells, cols := stripHeaders(detectLayout(body).split(body))
	if sequenceColumn(cols) {
		cells = dropSequence(cells, t.isUnit)
		cols = cols[1:]
	}
	t.setColumns(cols)
	for _, raw := range assemble(cells, t.isUnit) {
		t.add(raw)
	}
	r.Template = gongkai.TemplateLegacy
	r.Observations, r.Unplaced = t.observations()
	if len(r.Observations) == 0 {
		return 0, 0, fail(lines[start].n, "the statistics table has no row of the 2014 form with a figure")
	}
	if !closed {
		if last := t.lastSection(); last >= 0 && last < len(cat.Legacy)-1 && t.m.section[last] != t.m.section[len(cat.Legacy)-1] {
			row := cat.Legacy[t.m.section[last]]
			r.Truncated = fmt.Sprintf("the table ends with the file at line %d, in section %s (%s); the rows after it are missing",
				lines[len(lines)-1].n, row.ID, row.Label)
		}
	}
	return start, end, nil
}

// lastSection is the last row placed, -1 when none is.
func (t *legacyTable) lastSection() int {
	last := -1
	for _, r := range t.rows {
		if r.match.row > last {
			last = r.match.row
		}
	}
	return last
}

func splitLines(text string) []line {
	parts := strings.Split(text, "\n")
	out := make([]line, len(parts))
	for i, p := range parts {
		out[i] = line{n: i + 1, text: p}
	}
	return out
}

// lineOf is the line of the first of signals found, or 1.
func lineOf(lines []line, signals []string) int {
	for _, l := range lines {
		t := squeeze(fold(l.text))
		for _, s := range signals {
			if strings.Contains(t, s) {
				return l.n
			}
		}
	}
	return 1
}
