package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every figure of a text, HTML or DOCX report cites a line that Lines
// returns, and that line holds the figure as printed: the source page
// can show the line a figure came from in any format.
func TestLinesHoldTheCitedFigures(t *testing.T) {
	files := []string{"../samples/xuecheng-2017.txt"}
	for _, pattern := range []string{"../testdata/html/*", "../testdata/docx/*.docx"} {
		more, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, more...)
	}
	parsed := 0
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		r, err := Parse(name, data)
		if err != nil {
			continue // the bad files among the fixtures
		}
		parsed++
		lines, err := Lines(name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		text := map[int]string{}
		for _, l := range lines {
			text[l.N] += l.Text + "\n"
		}
		for _, o := range r.Observations {
			if o.Raw == "" {
				continue
			}
			if got, ok := text[o.Line]; !ok || !strings.Contains(got, o.Raw) {
				t.Errorf("%s: %s %s = %q cites line %d, which reads %q", name, o.Indicator, o.Breakdown, o.Raw, o.Line, got)
				break
			}
		}
	}
	if parsed < 6 {
		t.Errorf("%d reports parsed of %d files: the fixtures are missing", parsed, len(files))
	}
}

func TestLinesOfTheSample(t *testing.T) {
	data, err := os.ReadFile("../samples/xuecheng-2017.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines, err := Lines("xuecheng-2017.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if l := lines[134]; l.N != 135 || l.Text != "\t13" {
		t.Errorf("line 135 = %+v, want the 13 of 收到申请数", l)
	}
	if _, err := Lines("x.pdf", []byte("%PDF-1.4\x00\x01\x02")); err == nil {
		t.Error("binary data: no error")
	}
}
