package ingest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest"
)

// markedPages are real web pages printed as a report that leaves its empty
// cells blank or prints a dash in them would be (scripts/marks-fixtures.sh):
// each 0 of the real page is a dash or nothing. A dash or a blank is never
// a figure: parsed as one, it counts as invented. found is the number of
// the page's figures the parser places today, which may only go up; -1 is
// all of them.
var markedPages = []struct {
	file  string
	found int
}{
	{"pingtan-2021-dash.html", -1},
	{"pingtan-2021-dash.pdf", -1},
	{"pingtan-2021-dash.layout.txt", -1},
	{"pingtan-2021-dash.raw.txt", -1},
	{"pingtan-2021-dash.lynx.txt", -1},
	{"pingtan-2021-dash.w3m.txt", -1},
	{"pingtan-2021-blank.html", -1},
	{"pingtan-2021-blank.pdf", 31},
	{"pingtan-2021-blank.layout.txt", 17},
	{"pingtan-2021-blank.raw.txt", 17},
	{"pingtan-2021-blank.lynx.txt", 17},
	{"pingtan-2021-blank.w3m.txt", -1},
	{"pingtan-2024-dash.html", -1},
	{"pingtan-2024-dash.pdf", -1},
	{"pingtan-2024-dash.layout.txt", -1},
	{"pingtan-2024-dash.raw.txt", -1},
	{"pingtan-2024-dash.lynx.txt", -1},
	{"pingtan-2024-dash.w3m.txt", -1},
	{"pingtan-2024-blank.html", -1},
	{"pingtan-2024-blank.pdf", 34},
	{"pingtan-2024-blank.layout.txt", 23},
	{"pingtan-2024-blank.raw.txt", 23},
	{"pingtan-2024-blank.lynx.txt", 18},
	{"pingtan-2024-blank.w3m.txt", -1},
	{"pingtan-2025-dash.html", -1},
	{"pingtan-2025-dash.pdf", -1},
	{"pingtan-2025-dash.layout.txt", 46},
	{"pingtan-2025-dash.raw.txt", -1},
	{"pingtan-2025-dash.lynx.txt", -1},
	{"pingtan-2025-dash.w3m.txt", -1},
	{"pingtan-2025-blank.html", -1},
	{"pingtan-2025-blank.pdf", 38},
	{"pingtan-2025-blank.layout.txt", 22},
	{"pingtan-2025-blank.raw.txt", 22},
	{"pingtan-2025-blank.lynx.txt", 22},
	{"pingtan-2025-blank.w3m.txt", -1},
}

func TestMarkedRealPages(t *testing.T) {
	cat := catalog.MustLoad()
	for _, p := range markedPages {
		t.Run(p.file, func(t *testing.T) {
			slug, kind := markedSlug(p.file)
			want := readRealExpected(t, filepath.Join("..", "testdata", "real", slug+".expected.json"))
			for i, f := range want.Observations {
				if f.Value != nil && *f.Value == 0 {
					want.Observations[i].Value = nil
					if kind == "dash" {
						want.Observations[i].Printed = "—"
					}
				}
			}
			data, err := os.ReadFile(filepath.Join("..", "testdata", "marks", p.file))
			if err != nil {
				t.Fatal(err)
			}
			r, err := ingest.Parse(p.file, data)
			if err != nil {
				t.Fatal(err)
			}
			s := scoreReal(t, cat, want, r)
			for _, m := range s.wrong {
				t.Errorf("wrong: %s", m)
			}
			for _, m := range s.invented {
				t.Errorf("invented: %s", m)
			}
			printed := want.printed()
			switch {
			case p.found < 0 && s.found != printed:
				t.Errorf("found %d of %d figures, want all; missing:\n%s", s.found, printed, strings.Join(s.missing, "\n"))
			case p.found >= 0 && s.found < p.found:
				t.Errorf("found %d of %d figures, fewer than the %d found before", s.found, printed, p.found)
			case p.found >= 0 && s.found > p.found:
				t.Logf("found %d of %d figures, more than the %d in the table: raise it", s.found, printed, p.found)
			}
		})
	}
}

// markedSlug is the real page a file of testdata/marks was made from, and
// how its zeros were printed (dash or blank).
func markedSlug(file string) (slug, kind string) {
	name, _, _ := strings.Cut(file, ".")
	i := strings.LastIndex(name, "-")
	return name[:i], name[i+1:]
}
