package ingest

import (
	"errors"
	"path/filepath"
	"regexp"
	"slices"
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
// pdfminer: the cells as boxes, their count, units and the form's sums
// checked, legacy/minerorder.go; TestFreshTexts scores them,
// TestWrappedInOrder and TestMinerLegacyInOrder refuse their shapes). A
// table whose header is printed whole is read as before.
// plainDigits matches a line that is a figure alone.
var plainDigits = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?$`)

func TestNarrowLegacyRefused(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "fresh")
	file := "s26-legacy2014-docx.pdfminer.txt"
	r, err := Parse(file, []byte(readText(t, filepath.Join(dir, file))))
	if err != nil || len(r.Observations) != 73 {
		t.Errorf("%s: %v, want the table's 76 figures read in the form's order but the first three", file, err)
	}
	lines := strings.Split(readText(t, filepath.Join(dir, file)), "\n")
	// The last figure lost: the figures are one fewer than the rows.
	last := len(lines) - 1
	for last >= 0 && !plainDigits.MatchString(lines[last]) {
		last--
	}
	short := strings.Join(slices.Delete(lines, last, last+1), "\n")
	_, err = Parse(file, []byte(short))
	var e *gongkai.Error
	if !errors.As(err, &e) || !strings.Contains(e.Message, "label column is too narrow") {
		t.Errorf("%s with its last figure lost: %v, want refused for its narrow label column", file, err)
	}
	r = parseText(t, "pdfminer.txt", readText(t, filepath.Join(dir, "s26-legacy2014-html.pdfminer.txt")))
	if len(r.Observations) == 0 {
		t.Errorf("the web page's legacy table, its header whole, read no figure")
	}
}
