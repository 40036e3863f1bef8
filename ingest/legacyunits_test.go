package ingest

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/gongkai/gongkai"
)

// pdfminer of a legacy table printed by Chromium from a web page styled as
// Word exports it (scripts/webstyle.py) prints a page's labels, then each
// row's unit and figure on a line of their own (次 0): no row's line holds
// a unit beside its label. The units apart show that the table prints a
// unit column, so a label with no cell is no blank cell but a row whose
// cells were printed elsewhere (legacy/rows.go, printsUnits): before, 67
// rows were read as blank where the table printed 0s and figures. Since
// the header's em spaces are read as spaces (统 计 指 标, ingest/radicals.go)
// and the column after the footer goes on over a unit wrapped a piece a
// line (legacy/readingorder.go, columnAfter), the form's order places
// every figure of the column (0 before).
func TestLegacyUnitsApartNoBlanks(t *testing.T) {
	file := filepath.Join("..", "testdata", "pdftext", "heldout", "hz3142-12.chromium-word.pdfminer.txt")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(file, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.Observations {
		if slices.Contains(o.Flags, gongkai.FlagBlank) {
			t.Errorf("%s read as blank (line %d): its cells are printed apart from it", o.Indicator, o.Line)
		}
	}
	ratchetTruthFile(t, filepath.Join("..", "testdata", "pdftext", "heldout"), "hz3142-12.chromium-word.pdfminer.txt", 76, 0)
}
