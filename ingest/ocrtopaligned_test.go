package ingest_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest"
)

// Word prints table 3 top-aligned under a narrow label column: each row's
// figures on the line of its label's first piece (一、本 991 166 …, the
// rest of the label on the lines below). OCR of such a print
// (testdata/ocr/topaligned, held-out prints of scripts/heldout.py --ocr)
// misreads the pieces, drops row numbers' dots (2 其他, 3危及), glues a
// figure to a label (6.属于“28, 1本机11) and reads a 1 as 工 or 】:
// form/ocrtopaligned.go reads the rows by their numbers in the form's
// order, and takes a row's figures only where its seven add up.

// topAlignedExpected is a held-out print's figures: the parse of the
// synthetic report it was printed from (scripts/heldout.py).
type topAlignedExpected struct {
	Template     string `json:"template"`
	Observations []struct {
		Indicator string   `json:"indicator"`
		Column    string   `json:"column"`
		Value     *float64 `json:"value"`
	} `json:"observations"`
}

// scoreTopAligned parses text and compares each figure placed with the
// expected ones by indicator and column: the number found, and the
// figures placed wrong or not expected at all.
func scoreTopAligned(t *testing.T, name, text, expected string) (found int, bad []string, r *gongkai.Report) {
	t.Helper()
	b, err := os.ReadFile(expected)
	if err != nil {
		t.Fatal(err)
	}
	var want topAlignedExpected
	if err := json.Unmarshal(b, &want); err != nil {
		t.Fatal(err)
	}
	values := map[string]*float64{}
	for _, o := range want.Observations {
		values[o.Indicator+"|"+o.Column] = o.Value
	}
	r, err = ingest.Parse(name, []byte(text))
	if err != nil {
		t.Fatalf("refused: %v", err)
	}
	for _, o := range r.Observations {
		if slices.Contains(o.Flags, gongkai.FlagDerived) {
			continue
		}
		col := ""
		if o.Column != nil {
			col = *o.Column
		}
		v, ok := values[o.Indicator+"|"+col]
		switch {
		case !ok:
			bad = append(bad, "invented: "+o.Indicator+" "+col+" "+o.Raw)
		case v == nil && o.Value == nil, v != nil && o.Value != nil && *v == *o.Value:
			found++
		default:
			bad = append(bad, "wrong: "+o.Indicator+" "+col+" "+o.Raw)
		}
	}
	return found, bad, r
}

func readTopAligned(t *testing.T, file string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "ocr", "topaligned", file))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// figureOf is the figure placed for indicator under column, or "".
func figureOf(r *gongkai.Report, indicator, column string) string {
	for _, o := range r.Observations {
		if o.Indicator == indicator && o.Column != nil && *o.Column == column && o.Value != nil {
			return strconv.FormatFloat(*o.Value, 'f', -1, 64)
		}
	}
	return ""
}

// countOf is the number of figures placed for indicator.
func countOf(r *gongkai.Report, indicator string) int {
	n := 0
	for _, o := range r.Observations {
		if o.Indicator == indicator {
			n++
		}
	}
	return n
}

func TestOCRTopAligned(t *testing.T) {
	for _, c := range []struct {
		file, expected string
		found          int
	}{
		{"form2021-word.ocr-psm6.txt", "form2021-word.expected.json", 164},
		{"form2019-word.ocr-psm6.txt", "form2019-word.expected.json", 94},
	} {
		t.Run(c.file, func(t *testing.T) {
			found, bad, _ := scoreTopAligned(t, c.file, readTopAligned(t, c.file), filepath.Join("..", "testdata", "ocr", "topaligned", c.expected))
			for _, m := range bad {
				t.Error(m)
			}
			if found < c.found {
				t.Errorf("found %d figures, fewer than the %d found before", found, c.found)
			} else if found > c.found {
				t.Logf("found %d figures, more than the %d in the table: raise it", found, c.found)
			}
		})
	}
	_, _, r := scoreTopAligned(t, "form2021-word.ocr-psm6.txt", readTopAligned(t, "form2021-word.ocr-psm6.txt"),
		filepath.Join("..", "testdata", "ocr", "topaligned", "form2021-word.expected.json"))
	for _, c := range []struct{ indicator, column, want string }{
		{"requests.received", "自然人", "991"},                   // 一、本 991 …
		{"requests.disclosed", "社会公益组织", "1"},                 // 44 2 1 工 6 0 54: 工 is the 1 the sum leaves
		{"requests.refused.prohibited_by_law", "总计", "188"},   // 2 其他: the dot lost
		{"requests.refused.process_information", "自然人", "28"}, // 6.属于“28
		{"requests.unavailable.not_held", "自然人", "11"},        // 1本机11
		{"requests.other_handling.other", "总计", "90"},         // 3.其他, under （六）
		{"requests.answered", "自然人", "1041"},                  // (七) alone, 总计 on the next line
		{"requests.carried_forward", "总计", "0"},
	} {
		if got := figureOf(r, c.indicator, c.column); got != c.want {
			t.Errorf("%s [%s] = %q, want %s", c.indicator, c.column, got, c.want)
		}
	}
	// 3.补正 41 2 0 】 46: cells lost, nothing placed.
	if n := countOf(r, "requests.unavailable.unclear"); n != 0 {
		t.Errorf("requests.unavailable.unclear: %d figures placed from five printed cells", n)
	}
}

// TestOCRTopAlignedRefuses: what the read of top-aligned rows refuses.
func TestOCRTopAlignedRefuses(t *testing.T) {
	text := readTopAligned(t, "form2021-word.ocr-psm6.txt")
	exp := filepath.Join("..", "testdata", "ocr", "topaligned", "form2021-word.expected.json")
	edit := func(t *testing.T, old, new string) string {
		t.Helper()
		if strings.Count(text, old) != 1 {
			t.Fatalf("%q is not once in the reading", old)
		}
		return strings.Replace(text, old, new, 1)
	}
	t.Run("a row number misread takes no other row's place", func(t *testing.T) {
		// 5属于 read as 6属于: the line takes 5.'s place unread, and
		// 6.'s own line is read as 6.
		found, bad, r := scoreTopAligned(t, "misnumbered.txt", edit(t, "5属于 7  10", "6属于 7  10"), exp)
		for _, m := range bad {
			t.Error(m)
		}
		if n := countOf(r, "requests.refused.internal_affairs"); n != 0 {
			t.Errorf("5.属于三类内部事务信息: %d figures placed from a line numbered 6", n)
		}
		if got := figureOf(r, "requests.refused.process_information", "自然人"); got != "28" {
			t.Errorf("6.属于四类过程性信息 [自然人] = %q, want 28 from its own line", got)
		}
		if found == 0 {
			t.Error("nothing read")
		}
	})
	for _, c := range []struct {
		name, old, new, indicator string
	}{
		// 44 2 1 工 6 0 55: the sum leaves 2 where 工 is a 1's shape.
		{"a shape the sum does not make its digit", "44  2  1  工  6  0  54", "44  2  1  工  6  0  55", "requests.disclosed"},
		// 1本机11 … 28: 11 glued to the label, and the sum broken.
		{"a glued figure the sum does not confirm", "1本机11  8  0  2  6  0  27", "1本机11  8  0  2  6  0  28", "requests.unavailable.not_held"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, bad, r := scoreTopAligned(t, "edited.txt", edit(t, c.old, c.new), exp)
			for _, m := range bad {
				if !strings.Contains(m, c.indicator) {
					t.Error(m)
				}
			}
			if n := countOf(r, c.indicator); n != 0 {
				t.Errorf("%s: %d figures placed from %q", c.indicator, n, c.new)
			}
		})
	}
	t.Run("a cell misread within its digits", func(t *testing.T) {
		// 1工12 for 1312: the cell is read as no figure (the column sums
		// may give the row's figures), and the read goes on to the rows
		// below; a bar glued to a figure (11|) is a rule, no digit.
		text := edit(t, "32     1312", "32     1工12")
		text = strings.Replace(text, "(二)    2  11  0", "(二)    2  11|  0", 1)
		_, bad, r := scoreTopAligned(t, "cell.txt", text, exp)
		for _, m := range bad {
			t.Error(m)
		}
		for _, o := range r.Observations {
			// 一 + 二 = （七）总计 + 四 gives its columns, not 1工12
			if o.Indicator == "requests.received" && !slices.Contains(o.Flags, gongkai.FlagPlacedByArithmetic) {
				t.Errorf("本年新收 [%s] = %s placed as printed (flags %v), 1工12 read", o.Breakdown, o.Raw, o.Flags)
			}
		}
		if got := figureOf(r, "requests.partially_disclosed", "商业企业"); got != "11" {
			t.Errorf("（二）部分公开 [商业企业] = %q, want 11 (11| a rule after it)", got)
		}
	})
	t.Run("figures beside no row number are not this layout", func(t *testing.T) {
		// A line of figures whose label bears no number (a label centred
		// beside its figures) leaves the whole table as printed.
		_, bad, r := scoreTopAligned(t, "unnumbered.txt", edit(t, "二、上          50", "年结转          50"), exp)
		for _, m := range bad {
			t.Error(m)
		}
		if n := countOf(r, "requests.received"); n != 0 {
			t.Errorf("本年新收: %d figures placed from a table read in a layout it does not have", n)
		}
	})
	t.Run("no OCR signs: left to the strict reader", func(t *testing.T) {
		clean := text
		for _, s := range []string{"】", "工", "“", "”", "《", "〈", "ON", "CN"} {
			clean = strings.ReplaceAll(clean, s, "")
		}
		r, err := ingest.Parse("clean.txt", []byte(clean))
		if err != nil {
			return
		}
		if n := countOf(r, "requests.received"); n != 0 {
			t.Errorf("本年新收: %d figures placed by OCR's reader in a text without OCR's signs", n)
		}
	})
}

// OCR of a ruled page (psm 3) prints a rule at the start of the next
// row's line as 1 (`(一) 予以公开 27 |0 0 2 0 1 30` / `1 (二) 部分公开 …`),
// and the reader gives it to the row before: eight figures for seven
// columns. The seven on the row's own line that add up are its own; a
// stray not before a label, or seven that do not add up, leave the row
// unplaced.
func TestOCRStrayBeforeNextLabel(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "real", "pingtan-2021.ocr-r300-psm3.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, c := range []struct {
		name, old, new string
		placed         bool
	}{
		{"as printed", "", "", true},
		{"the seven do not add up", "27 |0 0 2 0 1 30", "27 |0 0 2 0 1 31", false},
		{"the stray before no label", "1 (二) 部分公开 (区分处理", "1\n(二) 部分公开 (区分处理", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			edited := text
			if c.old != "" {
				if strings.Count(text, c.old) != 1 {
					t.Fatalf("%q is not once in the reading", c.old)
				}
				edited = strings.Replace(text, c.old, c.new, 1)
			}
			r, err := ingest.Parse("stray.txt", []byte(edited))
			if err != nil {
				t.Fatal(err)
			}
			got := figureOf(r, "requests.disclosed", "自然人") + " " + figureOf(r, "requests.disclosed", "总计")
			switch {
			case c.placed && got != "27 30":
				t.Errorf("（一）予以公开: 自然人 and 总计 %q, want 27 30", got)
			case !c.placed && countOf(r, "requests.disclosed") != 0:
				t.Errorf("（一）予以公开: %d figures placed, want none", countOf(r, "requests.disclosed"))
			}
		})
	}
}
