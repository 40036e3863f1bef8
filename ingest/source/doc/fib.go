package doc

import (
	"encoding/binary"
	"fmt"
)

// fib is what the reader needs of the File Information Block that starts
// the WordDocument stream ([MS-DOC] 2.5.1).
type fib struct {
	nFib       uint16
	whichTable bool   // fWhichTblStm: the table stream is 1Table
	ccpText    uint32 // characters of the main document
	fcClx      uint32 // the piece table (Clx) in the table stream
	lcbClx     uint32
	fcBtePapx  uint32 // the bin table of paragraph properties
	lcbBtePapx uint32
	fcBteChpx  uint32 // the bin table of character properties
	lcbBteChpx uint32
}

// Offsets in the FIB ([MS-DOC] 2.5.2 to 2.5.6).
const (
	offIdent      = 0x0000
	offNFib       = 0x0002
	offFlags      = 0x000A
	offCcpText    = 0x004C
	offFcBteChpx  = 0x00FA
	offLcbBteChpx = 0x00FE
	offFcBtePapx  = 0x0102
	offLcbBtePapx = 0x0106
	offFcClx      = 0x01A2
	offLcbClx     = 0x01A6
	fibLength     = 0x01AA // the FIB up to lcbClx

	wIdent      = 0xA5EC
	nFibWord95  = 0x0068 // Word 6 and Word 95 files have a FIB of their own
	fEncrypted  = 0x0100
	fWhichTbl   = 0x0200
	fObfuscated = 0x8000
)

// readFIB reads the FIB, and refuses encrypted documents and the older
// Word formats, whose FIB is laid out otherwise.
func readFIB(word []byte) (*fib, error) {
	if len(word) < fibLength {
		return nil, fmt.Errorf("a damaged Word document: its WordDocument stream has %d bytes, too short for the header (FIB) of %d", len(word), fibLength)
	}
	u16 := func(off int) uint16 { return binary.LittleEndian.Uint16(word[off:]) }
	u32 := func(off int) uint32 { return binary.LittleEndian.Uint32(word[off:]) }
	if id := u16(offIdent); id != wIdent {
		return nil, fmt.Errorf("a damaged Word document: its header (FIB) starts with %#04x, not %#04x", id, wIdent)
	}
	f := &fib{
		nFib:       u16(offNFib),
		ccpText:    u32(offCcpText),
		fcClx:      u32(offFcClx),
		lcbClx:     u32(offLcbClx),
		fcBtePapx:  u32(offFcBtePapx),
		lcbBtePapx: u32(offLcbBtePapx),
		fcBteChpx:  u32(offFcBteChpx),
		lcbBteChpx: u32(offLcbBteChpx),
	}
	flags := u16(offFlags)
	switch {
	case flags&(fEncrypted|fObfuscated) != 0:
		return nil, fmt.Errorf("an encrypted (password-protected) Word document: save it without a password")
	case f.nFib <= nFibWord95:
		return nil, fmt.Errorf("a Word 6 or Word 95 document (nFib %#x), older than the Word 97-2003 format read: save it as .doc or .docx in a later Word or LibreOffice", f.nFib)
	case f.ccpText > maxText:
		return nil, fmt.Errorf("a Word document whose main text claims %d characters, more than the limit of %d", f.ccpText, maxText)
	}
	f.whichTable = flags&fWhichTbl != 0
	return f, nil
}

// tableStream names the stream that holds the piece table.
func (f *fib) tableStream() string {
	if f.whichTable {
		return "1Table"
	}
	return "0Table"
}

// slice returns table[fc:fc+lcb], or an error naming the structure when
// the header points outside the stream.
func slice(stream []byte, streamName, what string, fc, lcb uint32) ([]byte, error) {
	end := uint64(fc) + uint64(lcb)
	if end > uint64(len(stream)) {
		return nil, fmt.Errorf("a damaged Word document: its %s (%d bytes at %d) lies outside the %s stream of %d bytes", what, lcb, fc, streamName, len(stream))
	}
	return stream[fc:end], nil
}
