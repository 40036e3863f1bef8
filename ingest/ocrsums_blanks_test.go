package ingest_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest"
)

// The column sums of table 3 in OCR text (form/ocrsums.go) complete rows
// whose cells OCR lost. A table that leaves cells blank prints as few
// figures a row as OCR loses (沭阳's `0 0` under 自然人 and 总计): a row
// that printed half its cells or fewer takes nothing from the sums, so no
// blank is read as 0. A report whose own sums break (a 1 its （七）总计
// does not add) gets no 0 over the figure it prints.
func TestOCRSumsLeaveBlanks(t *testing.T) {
	cat := catalog.MustLoad()
	dir := filepath.Join("..", "testdata", "ocr", "blanks")
	for file, expected := range map[string]string{
		"shuyang-totalsfull.ocr-clean-psm6.txt":       "shuyang-totalsfull.expected.json",
		"shuyang-mixedblank.ocr-clean-psm6.txt":       "shuyang-mixedblank.expected.json",
		"pingtan-2024.ocr-r300-psm3.inconsistent.txt": "pingtan-2024.inconsistent.expected.json",
	} {
		t.Run(file, func(t *testing.T) {
			want := readRealExpected(t, filepath.Join(dir, expected))
			data, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Fatal(err)
			}
			r, err := ingest.Parse(file, data)
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
			if s.found == 0 {
				t.Error("nothing read")
			}
		})
	}
}
