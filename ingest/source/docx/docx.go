// Package docx reads Word (DOCX) reports as their HTML pages are read:
// turned into the lines a text export of them would have, paragraphs as
// lines and each table row as a pipe row with merged cells printed as empty
// cells. A DOCX file has no source lines; a line's number is the place of
// its paragraph or table row in the document, counted from 1, so a figure
// cites its row.
package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/ingest/source"
)

// maxDocument bounds the size of word/document.xml read, so that a small
// archive cannot inflate without end.
const maxDocument = 64 << 20

// Is reports whether data are a zip archive, as DOCX files are.
func Is(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04"))
}

// Read returns the lines of a DOCX file's main document, or an error
// that says why it is not one.
func Read(data []byte) (*source.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errors.New("a damaged zip archive, not a readable DOCX file")
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, errors.New("a DOCX file whose word/document.xml cannot be read")
		}
		defer rc.Close()
		lines, err := docxLines(io.LimitReader(rc, maxDocument))
		if err != nil {
			return nil, errors.New("a DOCX file whose word/document.xml is malformed: " + err.Error())
		}
		return &source.Document{Lines: lines}, nil
	}
	return nil, errors.New(notDOCX(zr))
}

// notDOCX says what a zip archive without word/document.xml is, when its
// parts tell: an OpenDocument file names its kind in its first part
// (mimetype), an Excel workbook holds xl/workbook.xml.
func notDOCX(zr *zip.Reader) string {
	for _, f := range zr.File {
		switch f.Name {
		case "mimetype":
			rc, err := f.Open()
			if err != nil {
				break
			}
			kind, _ := io.ReadAll(io.LimitReader(rc, 100))
			rc.Close()
			if bytes.Equal(kind, []byte("application/vnd.oasis.opendocument.text")) {
				return "an OpenDocument text (.odt), not a DOCX file: save it as DOCX or PDF"
			}
			if bytes.HasPrefix(kind, []byte("application/vnd.oasis.opendocument.")) {
				return "an OpenDocument file (" + string(kind) + "), not a DOCX file"
			}
		case "xl/workbook.xml":
			return "an Excel workbook (.xlsx), not a Word document"
		}
	}
	return "a zip archive without word/document.xml, not a DOCX file"
}

// docxConv walks the elements of word/document.xml.
type docxConv struct {
	out   []source.Line
	n     int             // paragraphs and rows so far
	para  *source.TextBuf // the open paragraph outside tables
	depth int             // open tables
	row   []source.Cell
	inRow bool
	cell  *source.TextBuf // the open cell
	span  int             // the open cell's gridSpan
	cont  bool            // the open cell continues a vertical merge
	inT   bool            // in a w:t
	skip  int             // depth in elements whose text is not the document's (deleted text, field codes, fallbacks)
}

// wordML reports whether a name is of WordprocessingML (transitional or strict).
func wordML(n xml.Name) bool {
	return strings.HasSuffix(n.Space, "wordprocessingml/2006/main") || strings.HasSuffix(n.Space, "ooxml/wordprocessingml/main")
}

func docxLines(r io.Reader) ([]source.Line, error) {
	d := xml.NewDecoder(r)
	c := &docxConv{}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			c.start(t)
		case xml.EndElement:
			c.end(t)
		case xml.CharData:
			if c.inT && c.skip == 0 {
				c.write(string(t))
			}
		}
	}
	return c.out, nil
}

// skipped are elements whose text is not read: deleted text, field
// instructions, and the fallback copy of content given twice.
var skipped = map[string]bool{"delText": true, "instrText": true, "Fallback": true}

func (c *docxConv) start(e xml.StartElement) {
	if skipped[e.Name.Local] {
		c.skip++
		return
	}
	if !wordML(e.Name) || c.skip > 0 {
		return
	}
	switch e.Name.Local {
	case "p":
		if c.cell != nil {
			c.cell.Break()
			return
		}
		c.flush() // a paragraph in a text box, inside another
		c.n++
		c.para = &source.TextBuf{}
	case "t":
		c.inT = true
	case "tab":
		if c.cell != nil {
			c.write(" ")
		} else {
			c.write("\t")
		}
	case "br", "cr":
		if c.cell != nil {
			c.cell.Break()
		} else {
			c.flush()
		}
	case "noBreakHyphen":
		c.write("-")
	case "tbl":
		c.flush()
		c.depth++
	case "tr":
		c.closeRow()
		c.n++
		c.inRow = true
	case "gridBefore": // grid columns the row leaves empty on its left
		if c.inRow && len(c.row) == 0 {
			for range min(docxVal(e), source.MaxColumns) {
				c.row = append(c.row, source.Cell{N: c.n})
			}
		}
	case "tc":
		c.closeCell()
		if !c.inRow {
			c.n++
			c.inRow = true
		}
		c.cell, c.span, c.cont = &source.TextBuf{}, 1, false
	case "gridSpan":
		if c.cell != nil {
			c.span = min(docxVal(e), source.MaxColspan)
		}
	case "vMerge", "hMerge":
		if c.cell != nil {
			v := attr(e, "val")
			c.cont = v == "" || v == "continue"
		}
	}
}

func (c *docxConv) end(e xml.EndElement) {
	if skipped[e.Name.Local] {
		c.skip = max(c.skip-1, 0)
		return
	}
	if !wordML(e.Name) || c.skip > 0 {
		return
	}
	switch e.Name.Local {
	case "p":
		if c.cell == nil {
			c.flush()
			c.para = nil
		}
	case "t":
		c.inT = false
	case "tc":
		c.closeCell()
	case "tr":
		c.closeRow()
	case "tbl":
		c.closeRow()
		c.depth = max(c.depth-1, 0)
	}
}

// write adds text to the open cell or paragraph. Runs are written as they
// are: Word keeps the spaces it prints.
func (c *docxConv) write(s string) {
	switch {
	case c.cell != nil:
		c.cell.Put(strings.ReplaceAll(s, "\t", " "), c.n)
	case c.para != nil:
		c.para.Put(s, c.n)
	}
}

// flush prints the open paragraph's text so far as a line.
func (c *docxConv) flush() {
	if c.para == nil {
		return
	}
	s, _ := c.para.Take()
	if source.Trim(s) != "" {
		c.out = append(c.out, source.Line{N: c.n, Text: s})
	}
}

func (c *docxConv) closeCell() {
	if c.cell == nil {
		return
	}
	s, _ := c.cell.Take()
	if c.cont {
		s = ""
	}
	s = source.CellBars.Replace(strings.Trim(s, " "))
	if len(c.row)+c.span <= source.MaxColumns {
		c.row = append(c.row, source.Cell{Text: s, N: c.n})
		for k := 1; k < c.span; k++ {
			c.row = append(c.row, source.Cell{N: c.n})
		}
	}
	c.cell = nil
}

// closeRow prints the open row as a pipe row, unless all its cells are blank.
func (c *docxConv) closeRow() {
	c.closeCell()
	if !c.inRow {
		return
	}
	texts := make([]string, len(c.row))
	blank := true
	for i, cl := range c.row {
		texts[i] = cl.Text
		if source.Trim(cl.Text) != "" {
			blank = false
		}
	}
	if !blank {
		c.out = append(c.out, source.Line{N: c.n, Text: "| " + strings.Join(texts, " | ") + " |"})
	}
	c.row, c.inRow = nil, false
}

// docxVal reads an element's w:val as a count: 1 when absent or malformed.
func docxVal(e xml.StartElement) int {
	k, err := strconv.Atoi(attr(e, "val"))
	if err != nil || k < 1 {
		return 1
	}
	return k
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
