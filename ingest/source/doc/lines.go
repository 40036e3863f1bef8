package doc

import (
	"strings"

	"github.com/gongkai/gongkai/ingest/source"
)

// Characters of the text that are not printed as they are ([MS-DOC] 2.8).
const (
	paragraphEnd = '\r'
	cellEnd      = 0x07 // a cell's mark, and a row's end
	lineBreak    = 0x0B
	pageBreak    = 0x0C // also ends a section, and then its paragraph
	columnBreak  = 0x0E
	fieldBegin   = 0x13 // field code follows
	fieldSep     = 0x14 // field result follows
	fieldEnd     = 0x15
	noBreakHyph  = 0x1E
	softHyphen   = 0x1F
)

// converter turns the characters of a document into lines, paragraph by
// paragraph.
type converter struct {
	out    []source.Line
	n      int               // paragraphs and rows so far
	segs   []strings.Builder // the open paragraph, split at its line breaks
	fields []bool            // open fields: true once in their result
	table  []tableRow        // the open table's rows so far
	row    *tableRow         // the open row
	cell   *source.TextBuf   // the open cell
}

// tableRow is a row of a table as printed: its cells' texts and, once its
// end is read, its geometry.
type tableRow struct {
	n     int
	cells []string
	geom  *rowGeometry
}

// convert reads the characters of the main document into lines, less the
// text deleted with revisions tracked. Deleted marks of paragraphs, cells
// and rows are kept: a row deleted so is printed with empty cells, and
// left out as every blank row is.
func convert(t *text, ps paragraphs, deleted spans) []source.Line {
	c := &converter{segs: make([]strings.Builder, 1)}
	for i, r := range t.runes {
		p, isMark := ps.at(t.ends[i])
		switch {
		case r == paragraphEnd, r == cellEnd, r == pageBreak && isMark:
			c.endParagraph(r, p)
		case deleted.holds(t.ends[i]):
		case r == fieldBegin:
			c.fields = append(c.fields, false)
		case r == fieldSep:
			if len(c.fields) > 0 {
				c.fields[len(c.fields)-1] = true
			}
		case r == fieldEnd:
			if len(c.fields) > 0 {
				c.fields = c.fields[:len(c.fields)-1]
			}
		case !c.shown():
		case r == lineBreak, r == pageBreak, r == columnBreak:
			c.segs = append(c.segs, strings.Builder{})
		case r == noBreakHyph:
			c.put('-')
		case r == '\t', r >= 0x20:
			c.put(r)
		}
		// Other control characters mark pictures (0x01), drawn objects
		// (0x08), notes and comments: nothing of the text.
	}
	c.endTable()
	return c.out
}

// shown reports whether text read now is printed: outside field codes.
func (c *converter) shown() bool {
	for _, inResult := range c.fields {
		if !inResult {
			return false
		}
	}
	return true
}

func (c *converter) put(r rune) {
	if r == softHyphen {
		return
	}
	c.segs[len(c.segs)-1].WriteRune(r)
}

// endParagraph places the paragraph just read: in a table's cell, as a
// row's end, or as lines of its own.
func (c *converter) endParagraph(mark rune, p *para) {
	segs := make([]string, len(c.segs))
	for i := range c.segs {
		segs[i] = c.segs[i].String()
	}
	c.segs = c.segs[:1]
	c.segs[0].Reset()
	switch {
	case p.depth > 1: // a nested table: its text joins the outer cell's
		c.addToCell(segs)
	case p.rowEnd:
		c.endRow(p.row)
	case p.depth == 1:
		c.addToCell(segs)
		if mark == cellEnd {
			c.endCell()
		}
	default:
		c.endTable()
		c.n++
		for _, s := range segs {
			if source.Trim(s) != "" {
				c.out = append(c.out, source.Line{N: c.n, Text: s})
			}
		}
	}
}

// addToCell adds a paragraph to the open cell, opening the row and cell
// it starts. The paragraphs and lines of a cell are joined as a text
// export joins them (source.TextBuf.Break).
func (c *converter) addToCell(segs []string) {
	if c.row == nil {
		c.n++
		c.row = &tableRow{n: c.n}
	}
	if c.cell == nil {
		c.cell = &source.TextBuf{}
	}
	for _, s := range segs {
		c.cell.Break()
		c.cell.Put(strings.ReplaceAll(s, "\t", " "), c.row.n)
	}
}

func (c *converter) endCell() {
	if c.cell == nil {
		c.addToCell(nil)
	}
	s, _ := c.cell.Take()
	c.row.cells = append(c.row.cells, source.CellBars.Replace(strings.Trim(s, " ")))
	c.cell = nil
}

// endRow closes the open row with its geometry.
func (c *converter) endRow(g *rowGeometry) {
	if c.cell != nil {
		c.endCell()
	}
	if c.row == nil {
		return
	}
	c.row.geom = g
	c.table = append(c.table, *c.row)
	c.row = nil
}

// endTable prints the open table's rows, each cell under its columns of
// the table's grid.
func (c *converter) endTable() {
	if c.cell != nil || c.row != nil {
		c.endRow(nil) // a row whose end is missing: no geometry
	}
	if len(c.table) == 0 {
		return
	}
	g := newGrid(c.table)
	for _, r := range c.table {
		cells := g.place(r)
		if blank(cells) {
			continue
		}
		c.out = append(c.out, source.Line{N: r.n, Text: "| " + strings.Join(cells, " | ") + " |"})
	}
	c.table = nil
}

func blank(cells []string) bool {
	for _, s := range cells {
		if source.Trim(s) != "" {
			return false
		}
	}
	return true
}
