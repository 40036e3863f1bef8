package doc

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// para is what the reader needs of a paragraph's properties: whether it
// is in a table, and whether it ends a row; a row's end carries the row's
// geometry.
type para struct {
	inTable bool // sprmPFInTable
	rowEnd  bool // sprmPFTtp: the paragraph ends a row of the outer table
	depth   int  // sprmPItap: how deep in nested tables, 0 outside; a nested table's cells and rows are read as text of the outer cell
	row     *rowGeometry
}

// rowGeometry is a row's cells as its table definition (sprmTDefTable)
// gives them: their boundaries, in twips from the table's left edge, and
// which continue a vertical merge.
type rowGeometry struct {
	bounds []int  // len(cells)+1, left to right
	cont   []bool // the cell continues the merged cell above it
	broken string // why the geometry cannot be used, "" when it can
}

// run is the text [start, end) of WordDocument whose paragraphs share
// properties: end is just past a paragraph mark.
type run struct {
	start, end uint32
	p          *para
}

// paragraphs are the runs of the main document, in stream order.
type paragraphs []run

// at returns the properties of the paragraph a character ending at offset
// end belongs to, and whether the character is that paragraph's mark.
func (ps paragraphs) at(end uint32) (*para, bool) {
	i := sort.Search(len(ps), func(i int) bool { return ps[i].end >= end })
	if i == len(ps) || ps[i].start >= end {
		return &para{}, false
	}
	return ps[i].p, ps[i].end == end
}

// Single property modifiers (sprms) read ([MS-DOC] 2.6).
const (
	sprmPFInTable    = 0x2416
	sprmPFTtp        = 0x2417
	sprmPItap        = 0x6649
	sprmPHugePapx    = 0x6646
	sprmPHugePapxOld = 0x6645
	sprmPChgTabs     = 0xC615
	sprmTDefTable    = 0xD608
	sprmTVertMerge   = 0xD62B
	sprmTInsert      = 0x7621
	sprmTDelete      = 0x5622
	sprmTDxaCol      = 0x7623
)

// fkpSize is the size of a formatted disk page of properties.
const fkpSize = 512

// paragraphProperties reads the bin table of paragraph properties
// (PlcBtePapx) and each of its pages (PapxFkp).
func (f *file) paragraphProperties() (paragraphs, error) {
	plc, err := slice(f.table, f.fib.tableStream(), "table of paragraph properties (PlcBtePapx)", f.fib.fcBtePapx, f.fib.lcbBtePapx)
	if err != nil {
		return nil, err
	}
	pages, err := binTable(plc, f.word, "paragraph properties")
	if err != nil {
		return nil, err
	}
	var out paragraphs
	for i, page := range pages {
		runs, err := f.fkp(page)
		if err != nil {
			return nil, fmt.Errorf("a damaged Word document: page %d of its paragraph properties: %w", i+1, err)
		}
		out = append(out, runs...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out, nil
}

// binTable returns the pages of properties (FKPs) a bin table
// (PlcBtePapx, PlcBteChpx) lists, each 512 bytes of WordDocument.
func binTable(plc, word []byte, what string) ([][]byte, error) {
	if len(plc) < 4 || (len(plc)-4)%8 != 0 {
		return nil, fmt.Errorf("a damaged Word document: its table of %s has %d bytes, not 4 + 8 a page", what, len(plc))
	}
	n := (len(plc) - 4) / 8
	if n > maxFKPs {
		return nil, fmt.Errorf("a Word document of %d pages of %s, more than the limit of %d", n, what, maxFKPs)
	}
	pages := make([][]byte, n)
	for i := range n {
		pn := binary.LittleEndian.Uint32(plc[4*(n+1)+4*i:]) & 0x3FFFFF
		at := uint64(pn) * fkpSize
		if at+fkpSize > uint64(len(word)) {
			return nil, fmt.Errorf("a damaged Word document: page %d of its %s (at %d) lies outside the WordDocument stream of %d bytes", i+1, what, at, len(word))
		}
		pages[i] = word[at : at+fkpSize]
	}
	return pages, nil
}

// fkp reads one page of paragraph properties ([MS-DOC] 2.9.176 PapxFkp).
func (f *file) fkp(page []byte) ([]run, error) {
	crun := int(page[fkpSize-1])
	rgbx := 4 * (crun + 1)
	if rgbx+13*crun > fkpSize-1 {
		return nil, fmt.Errorf("%d runs do not fit in a page", crun)
	}
	fc := func(i int) uint32 { return binary.LittleEndian.Uint32(page[4*i:]) }
	out := make([]run, 0, crun)
	for i := range crun {
		if fc(i+1) < fc(i) {
			return nil, fmt.Errorf("run %d ends (%d) before it starts (%d)", i+1, fc(i+1), fc(i))
		}
		grpprl, err := papxGrpprl(page, int(page[rgbx+13*i])*2)
		if err != nil {
			return nil, fmt.Errorf("run %d: %w", i+1, err)
		}
		out = append(out, run{start: fc(i), end: fc(i + 1), p: f.para(grpprl)})
	}
	return out, nil
}

// papxGrpprl returns the property modifiers of the PapxInFkp at off,
// past its style index; none for off 0.
func papxGrpprl(page []byte, off int) ([]byte, error) {
	if off == 0 {
		return nil, nil
	}
	if off >= fkpSize-1 {
		return nil, fmt.Errorf("properties at %d, past the page", off)
	}
	start, size := off+1, 2*int(page[off])-1
	if page[off] == 0 {
		start, size = off+2, 2*int(page[off+1])
	}
	if start+size > fkpSize-1 || size < 2 {
		return nil, fmt.Errorf("properties of %d bytes at %d do not fit in the page", size, off)
	}
	return page[start+2 : start+size], nil // past istd
}

// para reads the properties a paragraph's modifiers set.
func (f *file) para(grpprl []byte) *para {
	return f.readPara(grpprl, true)
}

// readPara reads a paragraph's modifiers; those kept in the Data stream
// only when huge is true, so that they cannot point to themselves.
func (f *file) readPara(grpprl []byte, huge bool) *para {
	p := &para{}
	eachSprm(grpprl, func(op uint16, arg []byte) {
		switch op {
		case sprmPFInTable:
			p.inTable = arg[0] != 0
		case sprmPFTtp:
			p.rowEnd = arg[0] != 0
		case sprmPItap:
			p.depth = int(int32(binary.LittleEndian.Uint32(arg)))
		case sprmPHugePapx, sprmPHugePapxOld:
			if huge {
				f.hugePapx(p, binary.LittleEndian.Uint32(arg))
			}
		case sprmTDefTable:
			p.row = tableDefinition(arg)
		case sprmTVertMerge:
			if p.row != nil && len(arg) >= 2 && int(arg[0]) < len(p.row.cont) {
				p.row.cont[arg[0]] = arg[1] == 1
			}
		case sprmTInsert, sprmTDelete, sprmTDxaCol:
			if p.row != nil {
				p.row.broken = fmt.Sprintf("the row's cells are changed after their definition (sprm %#04x)", op)
			}
		}
	})
	if (p.inTable || p.rowEnd) && p.depth == 0 {
		p.depth = 1
	}
	return p
}

// hugePapx reads properties too large for their page, kept in the Data
// stream ([MS-DOC] sprmPHugePapx): a table row of many columns has them.
func (f *file) hugePapx(p *para, fc uint32) {
	data, err := f.data()
	if err != nil || uint64(fc)+2 > uint64(len(data)) {
		return
	}
	cb := uint64(binary.LittleEndian.Uint16(data[fc:]))
	if uint64(fc)+2+cb > uint64(len(data)) {
		return
	}
	more := f.readPara(data[fc+2:uint64(fc)+2+cb], false)
	p.inTable = p.inTable || more.inTable
	p.rowEnd = p.rowEnd || more.rowEnd
	p.depth = max(p.depth, more.depth)
	if more.row != nil {
		p.row = more.row
	}
}

// tableDefinition reads sprmTDefTable's operand past its size: the number
// of cells, their boundaries and their TC80 descriptions, whose flags say
// which cells continue a vertical merge (fVertMerge without fVertRestart).
func tableDefinition(arg []byte) *rowGeometry {
	g := &rowGeometry{}
	if len(arg) < 1 {
		g.broken = "its definition is empty"
		return g
	}
	cells := int(arg[0])
	if cells == 0 || len(arg) < 1+2*(cells+1) {
		g.broken = fmt.Sprintf("its definition of %d cells is cut off", cells)
		return g
	}
	g.bounds = make([]int, cells+1)
	for i := range g.bounds {
		g.bounds[i] = int(int16(binary.LittleEndian.Uint16(arg[1+2*i:])))
	}
	g.cont = make([]bool, cells)
	tcs := arg[1+2*(cells+1):]
	for i := range cells {
		if 20*i+2 > len(tcs) {
			break // the TC80s may be fewer than the cells
		}
		grf := binary.LittleEndian.Uint16(tcs[20*i:])
		g.cont[i] = grf&(1<<5) != 0 && grf&(1<<6) == 0
	}
	return g
}

// eachSprm calls fn with each modifier of a grpprl and its operand,
// stopping at the first it cannot measure.
func eachSprm(grpprl []byte, fn func(op uint16, arg []byte)) {
	for at := 0; at+2 <= len(grpprl); {
		op := binary.LittleEndian.Uint16(grpprl[at:])
		at += 2
		start, size := at, 0
		switch op >> 13 { // spra: the operand's size
		case 0, 1:
			size = 1
		case 2, 4, 5:
			size = 2
		case 3:
			size = 4
		case 7:
			size = 3
		case 6:
			switch {
			case op == sprmTDefTable && at+2 <= len(grpprl):
				start, size = at+2, int(binary.LittleEndian.Uint16(grpprl[at:]))-1
			case op == sprmPChgTabs && at < len(grpprl) && grpprl[at] == 255:
				return // a size of its own, spread over its content
			case at < len(grpprl):
				start, size = at+1, int(grpprl[at])
			default:
				return
			}
		}
		if size < 0 || start+size > len(grpprl) {
			return
		}
		fn(op, grpprl[start:start+size])
		at = start + size
	}
}
