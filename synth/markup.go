package synth

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"strings"
)

// A block of a report document: a paragraph, or a table of rows.
type block struct {
	text  string
	table [][]string
}

// htmlPage prints a report as a page of a government website: the title,
// the narrative as paragraphs, each table as a <table> with one <td> a cell.
func htmlPage(title, date string, blocks []block) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>%s</title>
</head>
<body>
<div class="main">
<div class="title">%s</div>
<div class="meta">发布时间：%s</div>
<div id="zoom">
`, html.EscapeString(title), html.EscapeString(title), date)
	for _, bl := range blocks {
		if bl.table == nil {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(bl.text))
			continue
		}
		b.WriteString("<table border=\"1\">\n")
		for _, r := range bl.table {
			b.WriteString("<tr>")
			for _, c := range r {
				fmt.Fprintf(&b, "<td>%s</td>", html.EscapeString(c))
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</table>\n")
	}
	b.WriteString("</div>\n</div>\n</body>\n</html>\n")
	return []byte(b.String())
}

// docxFile prints a report as a Word document: paragraphs and tables in
// word/document.xml, with the parts a reader needs to open it.
func docxFile(blocks []block) ([]byte, error) {
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, bl := range blocks {
		if bl.table == nil {
			doc.WriteString(docxParagraph(bl.text))
			continue
		}
		doc.WriteString("<w:tbl><w:tblPr><w:tblBorders/></w:tblPr>" + docxGrid(bl.table))
		for _, r := range bl.table {
			doc.WriteString("<w:tr>")
			for _, c := range r {
				doc.WriteString("<w:tc>" + docxParagraph(c) + "</w:tc>")
			}
			doc.WriteString("</w:tr>")
		}
		doc.WriteString("</w:tbl>")
	}
	doc.WriteString("</w:body></w:document>")

	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, part := range []struct{ name, content string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRels},
		{"word/document.xml", doc.String()},
	} {
		w, err := z.Create(part.name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(part.content)); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// docxGrid is a table's w:tblGrid, a column for each cell of its widest
// row, as Word writes it: readers such as pandoc take a table's columns
// from it and print nothing of a table whose grid is empty.
func docxGrid(rows [][]string) string {
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	return "<w:tblGrid>" + strings.Repeat(`<w:gridCol w:w="1000"/>`, n) + "</w:tblGrid>"
}

func docxParagraph(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + html.EscapeString(text) + `</w:t></w:r></w:p>`
}

const docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`</Types>`

const docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`</Relationships>`
