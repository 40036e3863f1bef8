package ingest

import (
	"strings"
	"testing"
)

// turnedReviewsFigures is table 4 of pingtan 2024 (行政复议 2 1 3 1 7,
// 未经复议直接起诉 0 0 0 0 0, 复议后起诉 13 2 4 0 19) by indicator.
func turnedReviewsFigures() map[string]float64 {
	want := map[string]float64{}
	for i, res := range []string{"upheld", "corrected", "other", "pending", "total"} {
		want["reconsiderations."+res] = []float64{2, 1, 3, 1, 7}[i]
		want["lawsuits.direct."+res] = 0
		want["lawsuits.after_reconsideration."+res] = []float64{13, 2, 4, 0, 19}[i]
	}
	return want
}

// reviewsFigureLines is the indexes of the lines of text that hold table
// 4's figures: the lines after its heading, up to the next section, that
// print a figure alone.
func reviewsFigureLines(lines []string) []int {
	var at []int
	in := false
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "四、政府信息公开行政复议"):
			in = true
		case strings.HasPrefix(l, "五、"):
			in = false
		case in && l != "" && strings.Trim(l, "0123456789") == "":
			at = append(at, i)
		}
	}
	return at
}

// Plain pdftotext of pingtan 2024 printed through Word prints table 4's
// last block's four figures after 结果维持 first, under their header's
// pieces, then the rest of the header and the other eleven figures
// (`2 4 0 19` / pieces / `2 1 3 1 7 0 0 0 0 0 13`). Where the form's order
// places tables 3 and 4, the figures are read from the run after the
// pieces first, when that reading, not the printed one, adds up block by
// block (form/turnedreviews.go). A figure changed so that the turned
// reading does not add up, or a label printed at a second place among the
// figures, leaves the figures as printed, and no block of them adds up:
// none is placed.
func TestTurnedReviewsInFormOrder(t *testing.T) {
	lines := fixtureLines(t, "real", "pingtan-2024.word.plain.txt")
	text := strings.Join(lines, "\n")
	at := reviewsFigureLines(lines)
	if len(at) != 15 || lines[at[0]] != "2" || lines[at[3]] != "19" || lines[at[14]] != "13" {
		t.Fatalf("table 4's figures not found as printed: %v", at)
	}
	changed := func(edit func([]string)) string {
		return edited(lines, func(l []string) []string { edit(l); return l })
	}
	for _, c := range []struct {
		name   string
		text   string
		placed bool
	}{
		{"as printed", text, true},
		{"the turned reading does not add up", changed(func(l []string) { l[at[14]] = "14" }), false},
		// A piece of the header between 7 and 0, the ends of the first
		// two blocks turned: parted at two places.
		{"labels part the figures at two places", changed(func(l []string) { l[at[8]] += "\n\n总\n计" }), false},
		// The same piece between the run of four and the rest only (the
		// place the header already parts them) changes nothing.
		{"a second piece at the same place", changed(func(l []string) { l[at[3]] += "\n\n总\n计" }), true},
	} {
		t.Run(c.name, func(t *testing.T) {
			checkReviews(t, parseText(t, "pingtan-2024.word.plain.txt", c.text), turnedReviewsFigures(), c.placed, true)
		})
	}
}
