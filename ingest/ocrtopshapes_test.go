package ingest_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// OCR of a Word print reads several 1s of a row as shapes (`1.本机 3  5  工
// 工  工  2  13` for 3 5 1 1 1 2 13): each shape is read as its digit where
// the identity gives exactly their sum (总计 less the figures printed); a
// sum the shapes do not make leaves the row unread.
func TestOCRTopAlignedShapes(t *testing.T) {
	file := "form2019-word.ocr-psm6.txt"
	text := readTopAligned(t, file)
	exp := filepath.Join("..", "testdata", "ocr", "topaligned", "form2019-word.expected.json")
	const row = "3  5  工  工  工  2  13"
	if strings.Count(text, row) != 1 {
		t.Fatalf("%q is not once in the reading", row)
	}
	_, bad, r := scoreTopAligned(t, file, text, exp)
	for _, m := range bad {
		t.Error(m)
	}
	for column, want := range map[string]string{"自然人": "3", "商业企业": "5", "科研机构": "1", "社会公益组织": "1", "法律服务机构": "1", "其他": "2", "总计": "13"} {
		if got := figureOf(r, "requests.unavailable.not_held", column); got != want {
			t.Errorf("1.本机关不掌握相关政府信息 [%s] = %q, want %s", column, got, want)
		}
	}
	for _, c := range []struct{ name, printed string }{
		{"the sum leaves more than the shapes", "3  5  工  工  工  2  14"},
		{"a shape of another digit", "3  5  工  o  工  2  13"},
		{"总计 a shape among others", "3  5  工  工  工  2  工"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, bad, r := scoreTopAligned(t, "edited.txt", strings.Replace(text, row, c.printed, 1), exp)
			for _, m := range bad {
				if !strings.Contains(m, "requests.unavailable.not_held") {
					t.Error(m)
				}
			}
			if n := countOf(r, "requests.unavailable.not_held"); n != 0 {
				t.Errorf("1.本机关不掌握相关政府信息: %d figures placed from %q", n, c.printed)
			}
		})
	}
}
