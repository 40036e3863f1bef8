package ingest

import (
	"path/filepath"
	"testing"
)

func TestFoldSpaces(t *testing.T) {
	for in, want := range map[string]string{
		"统\u2003计\u2003指\u2003标": "统 计 指 标", // em spaces of a justified cell
		"规章\u2002\u2009555":      "规章  555",
		"行政许可 53":                "行政许可 53",
		"一、\u3000本年":             "一、\u3000本年", // U+3000 is label.Fold's
	} {
		if got := foldSpaces(in); got != want {
			t.Errorf("foldSpaces(%q) = %q, want %q", in, got, want)
		}
	}
}

// The legacy table's header, 统 计 指 标 spaced with em spaces as a web
// page justifies it, printed by Chromium and taken out by pdfminer: read
// as a space, the em space is squeezed out and the header starts the
// table; kept, the table started at the first label followed by a
// figure, and the rows of the block before it were lost (68 of 76).
func TestTypographicSpacesInHeader(t *testing.T) {
	ratchetTruthFile(t, filepath.Join("..", "testdata", "pdftext", "heldout"), "ho1601-1.chromium.pdfminer.txt", 76, 0)
}
