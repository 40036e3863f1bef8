package ingest_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest"
)

// Real reports read by a real OCR engine: the real web pages of
// testdata/real printed to PDF by chromium (headless, no header or
// footer), rendered at 300 dpi in grey (pdftoppm -r 300 -gray) and read by
// tesseract 5.3 with chi_sim, one page at a time, OMP_THREAD_LIMIT=1, as
// scripts/ocr-corpus.sh reads its PDFs: `ocr-r300-psm6` the page as
// rendered, --psm 6; `ocr-r300-psm3` the page as rendered, read as
// tesseract reads a page by default (--psm 3), its table's rules printed
// among the figures; `ocr-clean-psm6` the page with the table's rules
// taken out first (scripts/derule), --psm 6 keeping the spaces between
// words; `ocr-r300-psm3.md` and `ocr-clean-psm6.md` those texts as a
// converter wraps them in Markdown (pandoc, CommonMark to GFM: spaces
// collapsed, bars escaped). `scripts/ocr-corpus.sh -real SLUG...` makes
// them. `libreoffice.ocr-psm6` and `libreoffice.ocr-psm3` read the
// LibreOffice prints of the same reports (SLUG.libreoffice.pdf, laid out
// as Word lays a table out: closer to a scanned report than chromium's
// page) the same way, the page as rendered, --psm 6 and --psm 3
// (`scripts/ocr-corpus.sh -libreoffice SLUG...`). Each reading is
// scored figure by figure against the figures typed by hand
// (<slug>.expected.json): none may be wrong or invented, and the number
// found may only go up.
var ocrRealReadings = []ocrRealReading{
	{"pingtan-2021.ocr-clean-psm6.txt", "pingtan-2021", 119},
	{"pingtan-2021.ocr-r300-psm6.txt", "pingtan-2021", 7},
	{"pingtan-2021.ocr-r300-psm3.txt", "pingtan-2021", 70},
	{"pingtan-2024.ocr-clean-psm6.txt", "pingtan-2024", 170},
	{"pingtan-2024.ocr-r300-psm6.txt", "pingtan-2024", 0},
	{"pingtan-2024.ocr-r300-psm3.txt", "pingtan-2024", 96},
	{"pingtan-2025.ocr-clean-psm6.txt", "pingtan-2025", 178},
	{"pingtan-2025.ocr-r300-psm6.txt", "pingtan-2025", 14},
	{"pingtan-2025.ocr-r300-psm3.txt", "pingtan-2025", 67},
	{"shuyang-fgj-2023.ocr-clean-psm6.txt", "shuyang-fgj-2023", 25},
	{"shuyang-fgj-2023.ocr-r300-psm6.txt", "shuyang-fgj-2023", 0},
	{"shuyang-fgj-2023.ocr-r300-psm3.txt", "shuyang-fgj-2023", 0},
	{"pingtan-2021.ocr-r300-psm3.md", "pingtan-2021", 70},
	{"pingtan-2021.ocr-clean-psm6.md", "pingtan-2021", 119},
	{"pingtan-2024.ocr-r300-psm3.md", "pingtan-2024", 96},
	{"pingtan-2024.ocr-clean-psm6.md", "pingtan-2024", 170},
	{"pingtan-2025.ocr-r300-psm3.md", "pingtan-2025", 67},
	{"pingtan-2025.ocr-clean-psm6.md", "pingtan-2025", 178},
	{"shuyang-fgj-2023.ocr-r300-psm3.md", "shuyang-fgj-2023", 0},
	{"shuyang-fgj-2023.ocr-clean-psm6.md", "shuyang-fgj-2023", 25},
	// The LibreOffice prints (SLUG.libreoffice.pdf), read as a scanner's
	// page is: `scripts/ocr-corpus.sh -libreoffice SLUG...`.
	{"pingtan-2021.libreoffice.ocr-psm6.txt", "pingtan-2021", 0},
	{"pingtan-2021.libreoffice.ocr-psm3.txt", "pingtan-2021", 0},
	{"pingtan-2024.libreoffice.ocr-psm6.txt", "pingtan-2024", 0},
	{"pingtan-2024.libreoffice.ocr-psm3.txt", "pingtan-2024", 137},
	{"pingtan-2025.libreoffice.ocr-psm6.txt", "pingtan-2025", 0},
	{"pingtan-2025.libreoffice.ocr-psm3.txt", "pingtan-2025", 56},
	{"shuyang-fgj-2023.libreoffice.ocr-psm6.txt", "shuyang-fgj-2023", 0},
	{"shuyang-fgj-2023.libreoffice.ocr-psm3.txt", "shuyang-fgj-2023", 0},
	// 洪泽's published PDF read as a scan (300 dpi grey, --psm 6 and 3):
	// the table's small print comes out as garbage, and nothing of it may
	// be read, but for the rows of table 3 whose cells --psm 3 glued with
	// their rules read as 1s (`0  0 |10101010  0`), which the form's
	// arithmetic reads (ocrgluedrules.go), and, at --psm 6, row 二, legible
	// in a text the section headings of the 2019/2021 format tell (its
	// header words all garbled).
	{"huaian-hongze-2023.ocr-psm6.txt", "huaian-hongze-2023", 7},
	{"huaian-hongze-2023.ocr-psm3.txt", "huaian-hongze-2023", 49},
}

// ocrRealReading is an OCR reading of a real report, the report whose
// figures it is scored against, and how many it found.
type ocrRealReading struct {
	file, expected string
	found          int
}

func TestOCRRealReports(t *testing.T) {
	cat := catalog.MustLoad()
	dir := filepath.Join("..", "testdata", "real")
	readings, err := filepath.Glob(filepath.Join(dir, "*.ocr-*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	markdown, err := filepath.Glob(filepath.Join(dir, "*.ocr-*.md"))
	if err != nil {
		t.Fatal(err)
	}
	readings = append(readings, markdown...)
	for _, path := range readings {
		if !slices.ContainsFunc(ocrRealReadings, func(r ocrRealReading) bool {
			return r.file == filepath.Base(path)
		}) {
			t.Errorf("%s is not in the table of ocrRealReadings: add it, so that it is scored", filepath.Base(path))
		}
	}
	found, total := 0, 0
	for _, rr := range ocrRealReadings {
		t.Run(rr.file, func(t *testing.T) {
			want := readRealExpected(t, filepath.Join(dir, rr.expected+".expected.json"))
			data, err := os.ReadFile(filepath.Join(dir, rr.file))
			if err != nil {
				t.Fatal(err)
			}
			total += want.printed()
			r, err := ingest.Parse(rr.file, data)
			if err != nil {
				if rr.found > 0 {
					t.Fatalf("refused (%v); %d figures were found before", err, rr.found)
				}
				t.Logf("refused: %v", err)
				return
			}
			s := scoreReal(t, cat, want, r)
			found += s.found
			for _, m := range s.wrong {
				t.Errorf("wrong: %s", m)
			}
			for _, m := range s.invented {
				t.Errorf("invented: %s", m)
			}
			printed := want.printed()
			t.Logf("score: %d of %d figures (%.3f); missing:\n%s", s.found, printed, float64(s.found)/float64(printed), strings.Join(s.missing, "\n"))
			switch {
			case s.found < rr.found:
				t.Errorf("found %d of %d figures, fewer than the %d found before; missing:\n%s", s.found, printed, rr.found, strings.Join(s.missing, "\n"))
			case s.found > rr.found:
				t.Logf("found %d of %d figures, more than the %d in the table: raise it", s.found, printed, rr.found)
			}
		})
	}
	t.Logf("real OCR readings: %d of %d figures (%.3f)", found, total, float64(found)/float64(max(total, 1)))
}
