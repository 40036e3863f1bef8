package pdf

import (
	"slices"
	"testing"
)

// digitGlyphs are the digits of s set 2 points apart (0.2 em of a 10
// point font, closer than a cell gap) from x on the line 100-110.
func digitGlyphs(s string, x float64) []glyph {
	var gs []glyph
	for _, r := range s {
		gs = append(gs, glyph{r: r, x0: x, x1: x + 5, y0: 100, y1: 110})
		x += 7
	}
	return gs
}

func cellTexts(cs []cell) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.text)
	}
	return out
}

// TestCellsPartedByWall: two figures of neighbouring cells set closer than
// a cell gap (10 and 485 of a web page's narrow cells) are two cells when
// a wall runs between them at their height; one cell without the wall, or
// when the wall ends above the line (a header cell's).
func TestCellsPartedByWall(t *testing.T) {
	gs := digitGlyphs("10485", 100)
	between := 100 + 7*2 - 1.0 // between the 0 and the 4
	if got := cellTexts(cells(slices.Clone(gs), 10, []wall{{x: between, y0: 90, y1: 120}})); !slices.Equal(got, []string{"10", "485"}) {
		t.Errorf("with a wall between 10 and 485: cells %q, want 10 and 485", got)
	}
	if got := cellTexts(cells(slices.Clone(gs), 10, nil)); !slices.Equal(got, []string{"10485"}) {
		t.Errorf("without walls: cells %q, want one", got)
	}
	if got := cellTexts(cells(slices.Clone(gs), 10, []wall{{x: between, y0: 60, y1: 95}})); !slices.Equal(got, []string{"10485"}) {
		t.Errorf("with a wall above the line: cells %q, want one", got)
	}
}
