// Package doc reads Word 97-2003 (.doc) reports, and the WPS Office files
// saved in the same format, as the DOCX reader reads Word files: turned
// into the lines a text export of them would have, paragraphs as lines and
// each table row as a pipe row, one cell per column of the table's grid,
// merged cells printed as empty cells. A line's number is the place of its
// paragraph or table row in the document, counted from 1, as for DOCX, so
// a figure cites its row.
//
// The format is [MS-DOC]: a compound file (CFB) whose WordDocument stream
// holds the text and a table stream (0Table or 1Table) the piece table
// that says where each run of the text is, and the paragraph properties
// that tell a table cell from a row's end and give each row's column
// boundaries.
package doc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/richardlehane/mscfb"

	"github.com/gongkai/gongkai/ingest/source"
)

// Limits, so that a small file cannot make the reader work without end.
const (
	maxStream = 64 << 20 // bytes of one stream read
	maxPieces = 1 << 16  // pieces of the piece table
	maxText   = 4 << 20  // characters of the main document (a report has some 10 000)
	maxFKPs   = 1 << 16  // pages of paragraph properties
)

// sectorSize divides the size of every whole compound file.
const sectorSize = 512

// signature starts every compound file: .doc, .xls, .ppt, and the
// files of WPS Office.
var signature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Is reports whether data are a compound file, as Word 97-2003 files are.
// Read tells a Word document from the other kinds.
func Is(data []byte) bool {
	return bytes.HasPrefix(data, signature)
}

// Read returns the lines of a Word 97-2003 document's main text, or an
// error that says why it cannot: another kind of compound file (a
// spreadsheet, a presentation), an encrypted document, or a damaged one,
// naming the part that is.
func Read(data []byte) (*source.Document, error) {
	f, err := open(data)
	if err != nil {
		return nil, err
	}
	chars, err := f.mainText()
	if err != nil {
		return nil, err
	}
	paras, err := f.paragraphProperties()
	if err != nil {
		return nil, err
	}
	deleted, err := f.deletedText()
	if err != nil {
		return nil, err
	}
	return &source.Document{Lines: convert(chars, paras, deleted)}, nil
}

// open reads the streams of a Word document and its header.
func open(data []byte) (*file, error) {
	if !Is(data) {
		return nil, errors.New("not a Word 97-2003 file: no compound file signature (D0 CF 11 E0 A1 B1 1A E1)")
	}
	streams, err := openStreams(data)
	if err != nil {
		return nil, err
	}
	word, err := streams.read("WordDocument")
	if err != nil {
		return nil, err
	}
	fib, err := readFIB(word)
	if err != nil {
		return nil, err
	}
	table, err := streams.read(fib.tableStream())
	if err != nil {
		return nil, err
	}
	return &file{fib: fib, word: word, table: table, data: func() ([]byte, error) { return streams.read("Data") }}, nil
}

// file is a Word document's streams and header.
type file struct {
	fib   *fib
	word  []byte                 // the WordDocument stream
	table []byte                 // 0Table or 1Table
	data  func() ([]byte, error) // the Data stream, read when a paragraph's properties are kept there
}

// streams are the streams at the root of a compound file, by name.
type streams struct {
	byName map[string]*mscfb.File
	cache  map[string][]byte
	size   int64 // of the file: no stream is longer
}

// openStreams lists a compound file's root streams, and refuses a file
// that is not a Word document, naming what it is.
func openStreams(data []byte) (s *streams, err error) {
	defer func() {
		// The container library indexes by the sector numbers it reads;
		// a damaged file must give an error, never stop the program.
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("a damaged compound file (.doc): %v", r)
		}
	}()
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		if len(data)%sectorSize != 0 {
			return nil, fmt.Errorf("a damaged compound file (.doc), cut off: %d bytes, not a whole number of %d-byte sectors (%v)", len(data), sectorSize, err)
		}
		return nil, fmt.Errorf("a damaged compound file (.doc): %v", err)
	}
	s = &streams{byName: map[string]*mscfb.File{}, cache: map[string][]byte{}, size: int64(len(data))}
	for _, f := range r.File {
		if len(f.Path) == 0 && !f.FileInfo().IsDir() {
			s.byName[f.Name] = f
		}
	}
	if s.byName["WordDocument"] == nil {
		return nil, errors.New(s.kind())
	}
	return s, nil
}

// otherKinds name the compound files that are not Word documents by a
// stream only they have.
var otherKinds = []struct{ stream, kind string }{
	{"Workbook", "an Excel workbook (.xls), not a Word document"},
	{"Book", "an Excel 5/95 workbook (.xls), not a Word document"},
	{"PowerPoint Document", "a PowerPoint presentation (.ppt), not a Word document"},
	{"EncryptedPackage", "an encrypted (password-protected) Office file: save it without a password"},
	{"CONTENTS", "a Microsoft Works or other compound document, not a Word document"},
}

// kind says what a compound file without a WordDocument stream is.
func (s *streams) kind() string {
	for _, k := range otherKinds {
		if s.byName[k.stream] != nil {
			return k.kind
		}
	}
	names := make([]string, 0, len(s.byName))
	for n := range s.byName {
		names = append(names, fmt.Sprintf("%q", n))
	}
	slices.Sort(names)
	if len(names) > 8 {
		names = append(names[:8], "…")
	}
	return "a compound file without a WordDocument stream, not a Word document (streams: " + strings.Join(names, ", ") + ")"
}

// read returns the whole of a root stream.
func (s *streams) read(name string) (b []byte, err error) {
	if b, ok := s.cache[name]; ok {
		return b, nil
	}
	f := s.byName[name]
	if f == nil {
		return nil, fmt.Errorf("a Word document without its %s stream", name)
	}
	if f.Size > maxStream || f.Size > s.size {
		return nil, fmt.Errorf("a Word document whose %s stream claims %d bytes, more than the file or the limit of %d MiB", name, f.Size, maxStream>>20)
	}
	defer func() {
		if r := recover(); r != nil {
			b, err = nil, fmt.Errorf("a damaged Word document: its %s stream cannot be read: %v", name, r)
		}
	}()
	b = make([]byte, f.Size)
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, fmt.Errorf("a damaged Word document: its %s stream cannot be read (%v)", name, err)
	}
	s.cache[name] = b
	return b, nil
}
