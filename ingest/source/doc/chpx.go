package doc

import (
	"encoding/binary"
	"fmt"
	"sort"
)

// Text deleted with revisions tracked stays in the text, marked by its
// character properties: Word shows it struck through, and a reader that
// printed it would join the old figure to the new one ("12" changed to
// "15" read as "1215"). The DOCX reader skips w:delText alike.
const sprmCFRMarkDel = 0x0800

// spans are byte ranges [start, end) of WordDocument, in stream order.
type spans [][2]uint32

// holds reports whether the character ending at offset end lies in a span.
func (s spans) holds(end uint32) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i][1] >= end })
	return i < len(s) && s[i][0] < end
}

// deletedText reads the bin table of character properties (PlcBteChpx)
// and each of its pages (ChpxFkp), and returns the runs of text deleted
// with revisions tracked.
func (f *file) deletedText() (spans, error) {
	plc, err := slice(f.table, f.fib.tableStream(), "table of character properties (PlcBteChpx)", f.fib.fcBteChpx, f.fib.lcbBteChpx)
	if err != nil {
		return nil, err
	}
	pages, err := binTable(plc, f.word, "character properties")
	if err != nil {
		return nil, err
	}
	var out spans
	for i, page := range pages {
		deleted, err := deletedRuns(page)
		if err != nil {
			return nil, fmt.Errorf("a damaged Word document: page %d of its character properties: %w", i+1, err)
		}
		out = append(out, deleted...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out, nil
}

// deletedRuns reads one page of character properties ([MS-DOC] ChpxFkp):
// crun runs, their boundaries, and for each the offset of its Chpx (a
// size byte and the modifiers) in words.
func deletedRuns(page []byte) (spans, error) {
	crun := int(page[fkpSize-1])
	if 4*(crun+1)+crun > fkpSize-1 {
		return nil, fmt.Errorf("%d runs do not fit in a page", crun)
	}
	fc := func(i int) uint32 { return binary.LittleEndian.Uint32(page[4*i:]) }
	var out spans
	for i := range crun {
		off := 2 * int(page[4*(crun+1)+i])
		if off == 0 {
			continue
		}
		if off >= fkpSize-1 || off+1+int(page[off]) > fkpSize-1 {
			return nil, fmt.Errorf("properties of run %d at %d do not fit in the page", i+1, off)
		}
		deleted := false
		eachSprm(page[off+1:off+1+int(page[off])], func(op uint16, arg []byte) {
			if op == sprmCFRMarkDel {
				deleted = arg[0] == 1 || arg[0] == 0x81 // on, or the opposite of a style that is off
			}
		})
		if deleted && fc(i+1) > fc(i) {
			out = append(out, [2]uint32{fc(i), fc(i + 1)})
		}
	}
	return out, nil
}
