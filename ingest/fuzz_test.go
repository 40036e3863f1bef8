package ingest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai/catalog"
)

// FuzzParse feeds arbitrary bytes to the parser: it must never panic, and
// whatever it returns must name only indicators of the catalogue.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../testdata/*/*")
	files = append(files, "../samples/xuecheng-2017.txt")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	cat := catalog.MustLoad()
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("fuzz.txt", data)
		if err != nil {
			return
		}
		for _, o := range r.Observations {
			if _, ok := cat.Indicator(o.Indicator); !ok {
				t.Fatalf("unknown indicator %q", o.Indicator)
			}
		}
	})
}
