package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Some reports are typed with full-width digits (１２３, page numbers
// －３－). The published report of 洪泽 with every digit made full-width
// reads as the report itself: the same figures, in the same rows and
// columns, and its page numbers between table 3's rows are still page
// numbers, not figures of the rows around them.
func TestFullWidthDigitsRealReport(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "real", "huaian-hongze-2023.pdftotext.txt"))
	if err != nil {
		t.Fatal(err)
	}
	wide := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r - '0' + '０'
		}
		return r
	}, string(data))
	figures := func(name string, text []byte) []string {
		r, err := Parse(name, text)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, o := range r.Observations {
			if o.Value != nil {
				out = append(out, fmt.Sprintf("%s/%s=%v", o.Indicator, o.Breakdown, *o.Value))
			}
		}
		slices.Sort(out)
		return out
	}
	narrow, full := figures("pdftotext.txt", data), figures("wide.txt", []byte(wide))
	if len(narrow) < 180 {
		t.Fatalf("%d figures from the report itself, want at least 180", len(narrow))
	}
	if !slices.Equal(narrow, full) {
		for _, f := range narrow {
			if !slices.Contains(full, f) {
				t.Errorf("full-width digits: %s not read", f)
			}
		}
		for _, f := range full {
			if !slices.Contains(narrow, f) {
				t.Errorf("full-width digits: %s read, not in the report", f)
			}
		}
	}
}
