package ingest

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// The legacy table printed from a Word file with a narrow label column
// (统 计 / 指 标, labels a few characters a line, the figures beside a piece)
// is read from its rows rebuilt whole where the extractor keeps each row's
// pieces together (-layout, -raw, pdf.js, PyMuPDF, pdf2md: TestFreshTexts
// scores them); where it prints the label column apart from the cells
// (pdfminer, plain pdftotext) it is refused with that reason, unless
// the form's order reads it (plain pdftotext: each unit and figure on a
// line of its own, beside its row's unit, legacy/wrappedorder.go;
// TestFreshTexts scores it, TestWrappedInOrder refuses its shapes). A
// table whose header is printed whole is read as before.
func TestNarrowLegacyRefused(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "fresh")
	for _, kind := range []string{"pdfminer.txt"} {
		file := "s26-legacy2014-docx." + kind
		_, err := Parse(file, []byte(readText(t, filepath.Join(dir, file))))
		var e *gongkai.Error
		if !errors.As(err, &e) || !strings.Contains(e.Message, "label column is too narrow") {
			t.Errorf("%s: %v, want refused for its narrow label column", file, err)
		}
	}
	r := parseText(t, "pdfminer.txt", readText(t, filepath.Join(dir, "s26-legacy2014-html.pdfminer.txt")))
	if len(r.Observations) == 0 {
		t.Errorf("the web page's legacy table, its header whole, read no figure")
	}
}
