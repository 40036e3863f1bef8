package ingest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/ingest"
)

// A figure too wide for the legacy table's narrow figure column wraps its
// last digits onto the next line, beside the label's next piece (a
// held-out Word print: （四） 万元 1524.7 / 政府信 4). The rebuilt rows would
// give the row the 4; the table is refused instead.
func TestLegacyWrappedFigureRefused(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "pdftext", "fresh", "s26-legacy2014-docx.layout.txt"))
	if err != nil {
		t.Fatal(err)
	}
	const printed = "（四）    万元   4.56\n政府信\n"
	if !strings.Contains(string(data), printed) {
		t.Fatal("the fixture's row （四） changed")
	}
	text := strings.Replace(string(data), printed, "（四）    万元   4.5\n政府信         6\n", 1)
	r, err := ingest.Parse("wrapped.txt", []byte(text))
	if err != nil {
		if !strings.Contains(err.Error(), "too narrow") {
			t.Errorf("refused for another reason: %v", err)
		}
		return
	}
	for _, o := range r.Observations {
		if o.Value != nil && (*o.Value == 6 || *o.Value == 4.5) && strings.Contains(o.Label, "经费") {
			t.Errorf("%s read as %v", o.Label, *o.Value)
		}
	}
}
