package ingest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// pingtan-2021's web page printed by Chromium, as plain pdftotext takes it
// out: table 4's header is printed one character a line in narrow cells,
// and a piece of it (`持 正 果 结`, the foot of 复议后起诉's header, at the
// top of the next page) comes after nine of the fifteen figures. The piece
// is no row: the figures are read past it, by the form's order only
// (form/plainreviews.go), and placed when all fifteen are printed and each
// block adds up. A figure lost, one more, or two exchanged so that a block
// no longer adds up leave the table unplaced with the reason.
func TestReviewsHeaderAmongFigures(t *testing.T) {
	const tail = "3\n\n12\n\n0\n\n0\n\n0\n\n持 正 果 结\n12\n\n0\n\n0\n\n0\n\n0\n\n0\n"
	for _, c := range []struct {
		name   string
		tail   string
		placed bool
	}{
		{"as printed", tail, true},
		{"a figure lost", strings.Replace(tail, "12\n\n0\n\n0\n\n0\n\n0\n\n0\n", "12\n\n0\n\n0\n\n0\n\n0\n", 1), false},
		{"a figure more", strings.Replace(tail, "持 正 果 结\n", "持 正 果 结\n5\n\n", 1), false},
		{"3 and 12 exchanged", strings.Replace(tail, "3\n\n12\n\n", "12\n\n3\n\n", 1), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			text := readText(t, filepath.Join("..", "testdata", "real", "pingtan-2021.chromium.plain.txt"))
			if !strings.Contains(text, tail) {
				t.Fatalf("the text does not print %q", tail)
			}
			r := parseText(t, "pingtan-2021.chromium.plain.txt", strings.Replace(text, tail, c.tail, 1))
			want := map[string]float64{}
			for i, res := range []string{"upheld", "corrected", "other", "pending", "total"} {
				want["reconsiderations."+res] = []float64{1, 0, 2, 0, 3}[i]
				want["lawsuits.direct."+res] = []float64{12, 0, 0, 0, 12}[i]
				want["lawsuits.after_reconsideration."+res] = 0
			}
			checkReviews(t, r, want, c.placed, true)
			if !c.placed && !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
				return strings.Contains(u.Reason, "table 4")
			}) {
				t.Errorf("table 4 not unplaced with the reason: %v", r.Unplaced)
			}
		})
	}
}
