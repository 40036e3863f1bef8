package ingest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// huaian-hongze-2023.pdf through plain pdftotext prints table 2's 行政许可
// after its figure (本年处理决定数量 / 550 / 行政许可): the row whose label
// follows takes the figure only when it is a row of the block whose header
// came before the figure and prints no figure of its own.
func TestFigureBeforeItsLabel(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", "huaian-hongze-2023.plain.txt"))
	const printed = "本年处理决定数量\n550\n\n行政许可\n"
	if !strings.Contains(text, printed) {
		t.Fatalf("the fixture does not print %q", printed)
	}
	r := parseText(t, "plain.txt", text)
	checkCells(t, r, []cellCase{{indicator: "licensing.decisions", breakdown: "total", value: "550", flags: []string{gongkai.FlagPlacedByFormOrder}}})

	for _, tc := range []struct{ name, text string }{
		// the row prints a figure of its own: which is its figure is not certain
		{"the row prints its own figure", "本年处理决定数量\n550\n\n行政许可\n551\n"},
		// the label that follows is of another block
		{"a row of another block follows", "本年处理决定数量\n550\n\n行政处罚\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseText(t, "plain.txt", strings.Replace(text, printed, tc.text, 1))
			for _, o := range r.Observations {
				if o.Raw == "550" {
					t.Errorf("the figure before the label placed: %+v", o)
				}
			}
			if !unplacedBecause(r, "", "a figure with no row label before it") {
				t.Errorf("the figure not unplaced with the reason: %+v", r.Unplaced)
			}
		})
	}
}
