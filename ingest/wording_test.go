package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A row whose label a narrow cell wraps (`行政规范性文` / `件`) bears, when
// only a piece names it, the one wording of its row that holds the piece:
// 行政规范性文件, not the row's other wording 规范性文件 (the 2019 form's).
// Where the row's label is itself a wording holding the piece, it bears
// that label, as before.
func TestWrappedLabelBearsItsWording(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "real", "pingtan-2024.libreoffice.layout.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "        行政规范性文\n") {
		t.Fatal("the fixture no longer wraps 行政规范性文 / 件")
	}
	r, err := Parse("libreoffice.layout.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range []string{"normative_documents.issued", "normative_documents.repealed", "normative_documents.in_force"} {
		if o := obs(t, r, ind, "total"); o.Label != "行政规范性文件" {
			t.Errorf("%s: label %q, want 行政规范性文件", ind, o.Label)
		}
	}
}
