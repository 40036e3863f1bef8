package doc

import (
	"encoding/binary"
	"testing"
	"unicode/utf16"
)

// TestPieces reads the text through a piece table of a property modifier
// and two pieces: one compressed (8-bit Windows-1252, as [MS-DOC] 2.4.1
// says), one UTF-16LE, stored in the stream in the other order.
func TestPieces(t *testing.T) {
	word := make([]byte, 64)
	for i, u := range utf16.Encode([]rune("报告")) {
		binary.LittleEndian.PutUint16(word[8+2*i:], u)
	}
	copy(word[40:], "Caf\xe9 \x93x\x94\r")
	le := binary.LittleEndian
	clx := []byte{1, 2, 0, 0xAA, 0xBB, 2} // a Prc of 2 bytes, then the Pcdt
	plc := le.AppendUint32(nil, 0)
	plc = le.AppendUint32(plc, 9)
	plc = le.AppendUint32(plc, 11)
	plc = append(plc, 0, 0)
	plc = le.AppendUint32(plc, 40*2|1<<30) // compressed: fc is twice the offset
	plc = append(plc, 0, 0, 0, 0)
	plc = le.AppendUint32(plc, 8)
	plc = append(plc, 0, 0)
	clx = le.AppendUint32(clx, uint32(len(plc)))
	clx = append(clx, plc...)
	f := &file{fib: &fib{ccpText: 11, lcbClx: uint32(len(clx))}, word: word, table: clx}
	text, err := f.mainText()
	if err != nil {
		t.Fatal(err)
	}
	if got := string(text.runes); got != "Café “x”\r报告" {
		t.Errorf("text %q", got)
	}
	if text.ends[0] != 41 || text.ends[9] != 10 || text.ends[10] != 12 {
		t.Errorf("offsets past the characters %v", text.ends)
	}
	f.fib.ccpText = 5
	if text, _ := f.mainText(); string(text.runes) != "Café " {
		t.Errorf("main text of 5 characters: %q", string(text.runes))
	}
	f.table = clx[:len(clx)-3]
	if _, err := f.mainText(); err == nil {
		t.Error("a piece table cut off: no error")
	}
}
