package ingest

import (
	"slices"
	"strings"
	"testing"
)

// Plain pdftotext of the legacy table printed from a Word file with a
// narrow label column prints the labels' pieces in bands and each row's
// unit and figure on lines of their own, in the form's order
// (testdata/pdftext/synth2014-word.plain.txt). The rows the pieces name
// in sequence take the figures in order when every figure prints its
// row's unit right before or after it, or prints none between two that
// do (legacy/wrappedorder.go). A unit not its row's, a figure missing, a
// unit left over or a piece of label beside a figure leaves the table
// refused as wrapped, as before.
func TestWrappedInOrder(t *testing.T) {
	lines := fixtureLines(t, "pdftext", "synth2014-word.plain.txt")
	text := strings.Join(lines, "\n")
	article := slices.Index(lines, "篇") // 3.政策解读稿件发布数, the one row in 篇
	if article < 0 || lines[article+2] != "2" {
		t.Fatalf("篇 / 2 not found in the fixture")
	}
	changed := func(edit func([]string) []string) string { return edited(lines, edit) }
	want := map[string]float64{"responses.channels.interpretations": 2, "requests.received": 87}
	for _, c := range []struct {
		name string
		text string
		read bool
	}{
		{"as printed", text, true},
		{"a unit not its row's", changed(func(l []string) []string { l[article] = "次"; return l }), false},
		{"a figure missing", changed(func(l []string) []string { return slices.Delete(l, article+2, article+3) }), false},
		{"a unit left over", changed(func(l []string) []string { return slices.Insert(l, article, "件", "") }), false},
		{"a piece of label beside a figure", changed(func(l []string) []string { l[article+2] = "稿件 2"; return l }), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			readInOrderOrRefused(t, "synth2014-word.plain.txt", c.text, c.read, 76, want)
		})
	}
}
