// Package text reads plain-text report files: it decodes their bytes
// (UTF-8 with or without BOM, UTF-16 with a BOM, GB18030, which covers GBK
// and GB2312) into numbered lines, and refuses binary data.
package text

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"

	"github.com/gongkai/gongkai/ingest/source"
)

// Read decodes a text file into a document of its lines, numbered from 1.
func Read(data []byte) (*source.Document, error) {
	t, err := Decode(data)
	if err != nil {
		return nil, err
	}
	return &source.Document{Lines: source.SplitLines(t)}, nil
}

// Decode turns a report file's bytes into text with LF line ends. It accepts
// UTF-8 (with or without BOM), UTF-16 with a BOM, and GB18030 (a superset of
// GBK and GB2312). It refuses binary data with an error that says so.
func Decode(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		if out, _, err := transform.Bytes(dec, b); err == nil {
			return source.NormalizeNewlines(string(out)), nil
		}
		return "", errors.New("undecodable UTF-16 text")
	}
	if looksBinary(b) {
		return "", errors.New("binary data, not a text file")
	}
	if utf8.Valid(b) {
		return source.NormalizeNewlines(string(b)), nil
	}
	out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), b)
	if err != nil {
		return "", errors.New("neither UTF-8 nor GB18030 text")
	}
	return source.NormalizeNewlines(string(out)), nil
}

// looksBinary reports whether b holds NUL bytes or many control characters,
// as binary files (PDF, DOC, images) do and text never does.
func looksBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range b {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return ctrl*20 > len(b)
}
