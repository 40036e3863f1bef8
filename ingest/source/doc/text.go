package doc

import (
	"encoding/binary"
	"fmt"

	"golang.org/x/text/encoding/charmap"
)

// text is the main document's characters, each with the offset in the
// WordDocument stream just past it: paragraph properties are found by
// that offset.
type text struct {
	runes []rune
	ends  []uint32
}

// piece is a run of the text stored in one place ([MS-DOC] 2.4.1).
type piece struct {
	cpStart, cpEnd uint32 // characters [cpStart, cpEnd) of the text
	fc             uint32 // byte offset of the first in WordDocument
	compressed     bool   // one byte a character (Windows-1252), else UTF-16LE
}

// mainText reads the characters of the main document through the piece
// table, in document order.
func (f *file) mainText() (*text, error) {
	pieces, err := f.pieces()
	if err != nil {
		return nil, err
	}
	t := &text{}
	for _, p := range pieces {
		if err := t.add(f.word, p, f.fib.ccpText); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// add appends a piece's characters that are of the main document.
func (t *text) add(word []byte, p piece, ccpText uint32) error {
	end := min(p.cpEnd, ccpText)
	if p.cpStart >= end {
		return nil
	}
	n := end - p.cpStart
	width := uint64(2)
	if p.compressed {
		width = 1
	}
	if uint64(p.fc)+uint64(n)*width > uint64(len(word)) {
		return fmt.Errorf("a damaged Word document: a piece of its text (%d characters at %d) lies outside the WordDocument stream of %d bytes", n, p.fc, len(word))
	}
	for i := range n {
		at := p.fc + i*uint32(width)
		if p.compressed {
			// [MS-DOC] 2.4.1: compressed pieces are 8-bit, Windows-1252;
			// Chinese text is always stored in UTF-16 pieces.
			t.runes = append(t.runes, charmap.Windows1252.DecodeByte(word[at]))
		} else {
			t.runes = append(t.runes, rune(binary.LittleEndian.Uint16(word[at:])))
		}
		t.ends = append(t.ends, at+uint32(width))
	}
	return nil
}

// pieces reads the piece table (PlcPcd) from the Clx of the table stream.
func (f *file) pieces() ([]piece, error) {
	clx, err := slice(f.table, f.fib.tableStream(), "piece table (Clx)", f.fib.fcClx, f.fib.lcbClx)
	if err != nil {
		return nil, err
	}
	plc, err := plcPcd(clx)
	if err != nil {
		return nil, err
	}
	if len(plc) < 4 || (len(plc)-4)%12 != 0 {
		return nil, fmt.Errorf("a damaged Word document: its piece table has %d bytes, not 4 + 12 a piece", len(plc))
	}
	n := (len(plc) - 4) / 12
	if n > maxPieces {
		return nil, fmt.Errorf("a Word document of %d pieces, more than the limit of %d", n, maxPieces)
	}
	cp := func(i int) uint32 { return binary.LittleEndian.Uint32(plc[4*i:]) }
	out := make([]piece, n)
	for i := range n {
		if cp(i+1) < cp(i) {
			return nil, fmt.Errorf("a damaged Word document: piece %d of its text ends (character %d) before it starts (%d)", i+1, cp(i+1), cp(i))
		}
		fc := binary.LittleEndian.Uint32(plc[4*(n+1)+8*i+2:])
		p := piece{cpStart: cp(i), cpEnd: cp(i + 1), fc: fc &^ (3 << 30)}
		if fc&(1<<30) != 0 {
			p.compressed, p.fc = true, p.fc/2
		}
		out[i] = p
	}
	return out, nil
}

// plcPcd finds the piece table in a Clx: property modifiers (Prc, clxt 1)
// first, then the Pcdt (clxt 2).
func plcPcd(clx []byte) ([]byte, error) {
	for at := 0; at < len(clx); {
		switch clx[at] {
		case 1:
			if at+3 > len(clx) {
				break
			}
			cb := int(int16(binary.LittleEndian.Uint16(clx[at+1:])))
			if cb < 0 {
				return nil, fmt.Errorf("a damaged Word document: a property modifier of its piece table (at %d) has a negative size", at)
			}
			at += 3 + cb
			continue
		case 2:
			if at+5 > len(clx) {
				break
			}
			lcb := binary.LittleEndian.Uint32(clx[at+1:])
			if uint64(at)+5+uint64(lcb) > uint64(len(clx)) {
				return nil, fmt.Errorf("a damaged Word document: its piece table (%d bytes) runs past the Clx of %d", lcb, len(clx))
			}
			return clx[at+5 : at+5+int(lcb)], nil
		default:
			return nil, fmt.Errorf("a damaged Word document: byte %d of its Clx is %#x, neither a property modifier (1) nor the piece table (2)", at, clx[at])
		}
		return nil, fmt.Errorf("a damaged Word document: its Clx is cut off at byte %d", at)
	}
	return nil, fmt.Errorf("a damaged Word document: its Clx holds no piece table")
}
