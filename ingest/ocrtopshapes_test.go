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

// A bar alone in a cell is a 1 OCR misread (`8  21  0  0  |  1  31`) in a
// text that prints no rule, and a shape among a figure's digits is the
// digit it is shaped like (1工7 for 117), where the row adds up so; where
// the text prints its rules (bars glued to figures) a bar alone is a rule.
func TestOCRTopAlignedBarsAndShapedDigits(t *testing.T) {
	file := "form2019-word.ocr-psm6.txt"
	text := readTopAligned(t, file)
	exp := filepath.Join("..", "testdata", "ocr", "topaligned", "form2019-word.expected.json")
	edit := func(t *testing.T, text string, pairs ...string) string {
		t.Helper()
		for k := 0; k < len(pairs); k += 2 {
			if strings.Count(text, pairs[k]) != 1 {
				t.Fatalf("%q is not once in the reading", pairs[k])
			}
			text = strings.Replace(text, pairs[k], pairs[k+1], 1)
		}
		return text
	}
	notHeld := map[string]string{"自然人": "3", "商业企业": "5", "科研机构": "1", "社会公益组织": "1", "法律服务机构": "1", "其他": "2", "总计": "13"}
	creation := map[string]string{"自然人": "117", "商业企业": "8", "科研机构": "1", "社会公益组织": "0", "法律服务机构": "3", "其他": "0", "总计": "129"}
	for _, c := range []struct {
		name      string
		edits     []string
		indicator string
		want      map[string]string // nil: nothing placed
	}{
		{"a bar alone", []string{"3  5  工  工  工  2  13", "3  5  |  工  工  2  13"}, "requests.unavailable.not_held", notHeld},
		{"a bar alone where rules are printed", []string{"3  5  工  工  工  2  13", "3  5  |  工  工  2  13",
			"117  8  1  0  3  0  129", "117 |8  1  0  3  0  129", "76  1  0  0  0  2  79", "76 |1  0  0  0  2  79"}, "requests.unavailable.not_held", nil},
		{"a shape among digits", []string{"117  8  1  0  3  0  129", "1工7  8  1  0  3  0  129"}, "requests.unavailable.needs_creation", creation},
		{"a shape among digits, the row not adding up", []string{"117  8  1  0  3  0  129", "1工7  8  1  0  3  0  130"}, "requests.unavailable.needs_creation", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, bad, r := scoreTopAligned(t, "edited.txt", edit(t, text, c.edits...), exp)
			for _, m := range bad {
				if c.want != nil || !strings.Contains(m, c.indicator) {
					t.Error(m)
				}
			}
			if c.want == nil {
				if n := countOf(r, c.indicator); n != 0 {
					t.Errorf("%s: %d figures placed", c.indicator, n)
				}
				return
			}
			for column, want := range c.want {
				if got := figureOf(r, c.indicator, column); got != want {
					t.Errorf("%s [%s] = %q, want %s", c.indicator, column, got, want)
				}
			}
		})
	}
}
