package ingest

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestHeadingMarkBeforeFirstRow: pdftotext -layout of a Word print sets the
// heading 三、本年度办理结果 a character a line beside its rows, and its 、
// lands before the first row's number (三   、 （一）予以公开 27 …). A 、
// alone is no end of another row's label: the row is 予以公开's, and its
// label as printed loses the mark. A word after it (、开: the end of a wrapped
// label) leaves the row unplaced, as two rows' labels joined.
func TestHeadingMarkBeforeFirstRow(t *testing.T) {
	const file = "pingtan-2021.word.layout.txt"
	text := readText(t, filepath.Join("..", "testdata", "real", file))
	const printed = "三   、 （一）予以公开 27"
	if !strings.Contains(text, printed) {
		t.Fatalf("%s no longer prints %q", file, printed)
	}
	r := parseText(t, file, text)
	checkCells(t, r, []cellCase{
		{indicator: "requests.disclosed", breakdown: "natural_person", value: "27"},
		{indicator: "requests.disclosed", breakdown: "public_interest_org", value: "2"},
		{indicator: "requests.disclosed", breakdown: "total", value: "30"},
	})
	for _, o := range r.Observations {
		if o.Indicator == "requests.disclosed" && o.Label != "（一）予以公开" {
			t.Errorf("label %q, want （一）予以公开", o.Label)
		}
	}
	r = parseText(t, file, strings.Replace(text, printed, "三   、开（一）予以公开 27", 1))
	if hasObs(r, "requests.disclosed", "natural_person") {
		t.Error("a row whose label joins a word of another row's placed")
	}
	if !unplacedBecause(r, "（一）予以公开", "of a second row after") {
		t.Errorf("not unplaced as two rows' labels joined: %+v", r.Unplaced)
	}
}

// TestInterleavedHeadingPieces: -layout sets a merged heading's lines
// beside its middle row's, `（四）无法 2.没有现成信息需要另行制` / `提供    作
// 3 0 0 0 0 0 3`: the pieces spell （四）无法提供 and 2.没有现成信息需要另行制作,
// a row under it, whose figures they are. Pieces that spell a row under
// another heading, or no row whole, stay unplaced.
func TestInterleavedHeadingPieces(t *testing.T) {
	const file = "pingtan-2025.chromium.layout.txt"
	text := readText(t, filepath.Join("..", "testdata", "real", file))
	const printed = "（四）无法 2.没有现成信息需要另行制\n提供    作"
	if !strings.Contains(text, printed) {
		t.Fatalf("%s no longer prints %q", file, printed)
	}
	r := parseText(t, file, text)
	checkCells(t, r, []cellCase{
		{indicator: "requests.unavailable.needs_creation", breakdown: "natural_person", value: "3"},
		{indicator: "requests.unavailable.needs_creation", breakdown: "total", value: "3"},
	})
	for _, o := range r.Observations {
		if o.Indicator == "requests.unavailable.needs_creation" && o.Label != "2.没有现成信息需要另行制作" {
			t.Errorf("label %q, want the row's own pieces", o.Label)
		}
	}
	for _, edit := range []string{
		"（五）不予 2.没有现成信息需要另行制\n处理    作", // no such row under (五)
		"（四）无法 2.没有现成信息需要另\n提供    作",   // the row's wording not whole
	} {
		r := parseText(t, file, strings.Replace(text, printed, edit, 1))
		if hasObs(r, "requests.unavailable.needs_creation", "natural_person") {
			t.Errorf("%q: placed", edit)
		}
	}
}
