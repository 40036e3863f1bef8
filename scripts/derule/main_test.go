package main

import (
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// page draws a white page with ink where the rectangles are.
func page(w, h int, ink ...image.Rectangle) *image.Gray {
	g := image.NewGray(image.Rect(0, 0, w, h))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	for _, r := range ink {
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				g.Pix[y*g.Stride+x] = 0
			}
		}
	}
	return g
}

func inked(g *image.Gray, x, y int) bool { return g.Pix[y*g.Stride+x] < dark }

// A cell of a table: two long rules across, two short ones down between
// them (a row one line high), a glyph's stroke inside and one crossing the
// bottom rule. The rules go, the strokes stay whole.
func TestRemoveRules(t *testing.T) {
	g := page(400, 200,
		image.Rect(10, 20, 390, 23),   // rule across, 380 long
		image.Rect(10, 80, 390, 83),   // rule across
		image.Rect(10, 20, 13, 83),    // rule down, 63 long: ends on both rules
		image.Rect(200, 20, 203, 83),  // rule down
		image.Rect(50, 40, 120, 43),   // a glyph's stroke across, 70 long
		image.Rect(140, 30, 143, 75),  // a glyph's stroke down, 45 long, on no rule
		image.Rect(300, 60, 303, 110), // a stroke crossing the bottom rule
	)
	removeRules(g, 150, 30)
	for _, c := range []struct {
		name string
		x, y int
		ink  bool
	}{
		{"rule across", 100, 21, false},
		{"rule down between rules", 11, 50, false},
		{"second rule down", 201, 50, false},
		{"crossing of rules", 11, 21, false},
		{"stroke across, shorter than a rule", 80, 41, true},
		{"stroke down, on no rule", 141, 50, true},
		{"stroke crossing a rule, above", 301, 70, true},
		{"stroke crossing a rule, on the rule", 301, 81, true},
		{"stroke crossing a rule, below", 301, 100, true},
		{"rule beside the crossing stroke", 290, 81, false},
	} {
		if got := inked(g, c.x, c.y); got != c.ink {
			t.Errorf("%s (%d,%d): ink %v, want %v", c.name, c.x, c.y, got, c.ink)
		}
	}
}

// A run down that ends on a rule at one end only is a glyph's stroke
// touching a rule (a character on the rule), not a rule.
func TestShortRunOnOneRuleStays(t *testing.T) {
	g := page(400, 200,
		image.Rect(10, 20, 390, 23),
		image.Rect(100, 20, 103, 70), // touches the rule above only
	)
	removeRules(g, 150, 30)
	if !inked(g, 101, 50) {
		t.Error("a stroke ending on one rule was taken out")
	}
	if inked(g, 50, 21) {
		t.Error("the rule stayed")
	}
}

// The command reads a PNG and writes the page without its rules.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.png"), filepath.Join(dir, "out.png")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, page(300, 100, image.Rect(0, 50, 300, 52), image.Rect(20, 10, 60, 13))); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := run(in, out, 150, 30); err != nil {
		t.Fatal(err)
	}
	f, err = os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	g := toGray(img)
	if inked(g, 150, 50) || !inked(g, 30, 11) {
		t.Errorf("rule ink %v (want none), stroke ink %v (want some)", inked(g, 150, 50), inked(g, 30, 11))
	}
	if err := run(filepath.Join(dir, "missing.png"), out, 150, 30); err == nil {
		t.Error("a missing page gave no error")
	}
}
