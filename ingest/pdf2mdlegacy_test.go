package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pdf2md of Chromium's print of a legacy-table page marked up as Word
// exports it (heldout.py --webstyle's chromium-word): the unit column is
// narrow, 人次 wrapped a character a line (人 / 次 / 58), and the label of
// （一）回应公众关注热点… wraps inside its note, the note's count at the end
// of the first line (…舆情计 1 / 次） / 次 3). The count was read as the
// row's figure, 1 for 3, a wrong figure the label-keyed score did not see.
const pdf2mdLegacyFile = "ho1601-1.chromium-word.pdf2md.md"

// TestPdf2mdLegacyWrappedUnitAndNote reads the print whole, figure by
// figure against its truth.
func TestPdf2mdLegacyWrappedUnitAndNote(t *testing.T) {
	ratchetTruthFile(t, filepath.Join("..", "testdata", "pdftext", "heldout"), pdf2mdLegacyFile, -1, 0)
}

// TestPdf2mdLegacyNoteCountRefused: the count of a note left open at the
// line's end (…舆情计 1) is no figure of the row, even when the row's own
// figure is lost (次 3 printed as 次): the row gives no figure, not 1.
func TestPdf2mdLegacyNoteCountRefused(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "pdftext", "heldout", pdf2mdLegacyFile))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "## 次 3 \n", "## 次 \n", 1)
	if text == string(data) {
		t.Fatal("the edit changes nothing")
	}
	r, err := Parse(pdf2mdLegacyFile, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.Observations {
		if o.Indicator == "responses.hot_topics" && o.Value != nil {
			t.Errorf("responses.hot_topics = %v, from the note's count", *o.Value)
		}
	}
}
