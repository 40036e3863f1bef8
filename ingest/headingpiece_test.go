package ingest

import (
	"path/filepath"
	"strings"
	"testing"
)

// pdftotext -layout of LibreOffice's print of pingtan-2025 prints a piece
// of heading （四）无法提供 beside the figures of the row whose wrapped label
// it cuts (`2.没有现成信息需要另行制` / `法提供 3 0 0 0 0 0 3` / `作`): the
// figures are that row's (form/headingpiece.go).
func TestHeadingPieceInWrappedRowLabel(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", "pingtan-2025.libreoffice.layout.txt"))
	const figures = "      法提供                3      0   0   0    0    0    3\n"
	if !strings.Contains(text, figures) {
		t.Fatalf("the fixture does not print %q", figures)
	}
	r := parseText(t, "layout.txt", text)
	checkCells(t, r, []cellCase{
		{indicator: "requests.unavailable.needs_creation", breakdown: "natural_person", value: "3"},
		{indicator: "requests.unavailable.needs_creation", breakdown: "other_org", value: "0"},
		{indicator: "requests.unavailable.needs_creation", breakdown: "total", value: "3"},
	})

	for _, tc := range []struct{ name, from, to string }{
		// 总计 is not the sum of the applicant columns
		{"the figures do not add up", figures, strings.Replace(figures, "    3\n", "    4\n", 1)},
		// the row's label is whole: the figures may be the next row's
		{"the row before has its whole label", "2.没有现成信息需要另行制\n", "2.没有现成信息需要另行制作\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseText(t, "layout.txt", strings.Replace(text, tc.from, tc.to, 1))
			if hasObs(r, "requests.unavailable.needs_creation", "natural_person") {
				t.Errorf("the figures were given to the row before: %+v", obs(t, r, "requests.unavailable.needs_creation", "natural_person"))
			}
			if !unplacedBecause(r, "法提供", "a piece of heading 无法提供 beside figures") {
				t.Errorf("the heading's piece is not unplaced with the reason: %+v", r.Unplaced)
			}
		})
	}
}

// pdftotext -layout of LibreOffice's print of pingtan-2021 prints the end
// of a wrapped label after the row's figures (`一、本年新收政府信息公开申请数`
// / `64 0 0 2 0 4 70` / `量`). The label before it is a wording of the
// row too (申请数), but the end makes the form's wording word for word:
// it is joined, so the figures bear the label as printed.
func TestLabelRestMakesTheWording(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", "pingtan-2021.libreoffice.layout.txt"))
	const rest = "\n量\n  二、上年结转"
	if !strings.Contains(text, rest) {
		t.Fatalf("the fixture does not print %q", rest)
	}
	for _, tc := range []struct{ name, rest, label string }{
		{"the rest makes the wording", rest, "一、本年新收政府信息公开申请数量"},
		// 额 makes no wording of the row: not its label's rest
		{"the rest makes no wording", strings.Replace(rest, "量", "额", 1), "一、本年新收政府信息公开申请数"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseText(t, "layout.txt", strings.Replace(text, rest, tc.rest, 1))
			if o := obs(t, r, "requests.received", "total"); o.Label != tc.label || show(o.Value) != "70" {
				t.Errorf("requests.received [total] = %s under %q, want 70 under %q", show(o.Value), o.Label, tc.label)
			}
		})
	}
}

// pdftotext -raw of Chromium's print of pingtan-2021 prints heading
// （四）无法提供 with a space between its characters (`无 法 提` / `供`):
// 无, alone a mark of no figure, is a character of that label, one space
// before another character (layout/spaced.go), not a cell of the row
// above (8.属于行政查询事 / 项 1 0 0 0 0 0 1), which keeps its seven figures.
func TestSpacedLabelStartingWithAMark(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", "pingtan-2021.chromium.raw.txt"))
	const heading = "\n无 法 提\n"
	if !strings.Contains(text, heading) {
		t.Fatalf("the fixture does not print %q", heading)
	}
	r := parseText(t, "raw.txt", text)
	checkCells(t, r, []cellCase{
		{indicator: "requests.refused.administrative_query", breakdown: "natural_person", value: "1"},
		{indicator: "requests.refused.administrative_query", breakdown: "total", value: "1"},
	})

	// Two spaces part 无 from the words after it: read against the form's
	// wordings, a piece a line (form/topstream.go), 无 is the heading's
	// first piece, and the row keeps its seven figures.
	r = parseText(t, "raw.txt", strings.Replace(text, heading, "\n无  法 提\n", 1))
	checkCells(t, r, []cellCase{{indicator: "requests.refused.administrative_query", breakdown: "natural_person", value: "1"}})
	// Where the pieces are not read so (table 3's last row lost), 无 is a
	// cell of its own: the row above prints eight cells and is unplaced.
	const last = "四、结转下年度继续办理 1 0 0 0 0 0 1\n"
	if !strings.Contains(text, last) {
		t.Fatalf("the fixture does not print %q", last)
	}
	r = parseText(t, "raw.txt", strings.Replace(strings.Replace(text, heading, "\n无  法 提\n", 1), last, "", 1))
	if hasObs(r, "requests.refused.administrative_query", "natural_person") {
		t.Errorf("the row took 无 and was placed: %+v", obs(t, r, "requests.refused.administrative_query", "natural_person"))
	}
	if !unplacedBecause(r, "8.属于行政查询事", "8 cells") {
		t.Errorf("the row is not unplaced for its eight cells: %+v", r.Unplaced)
	}
}

// pdftotext -layout of LibreOffice's print of pingtan-2021 prints the same
// heading's piece beside the figures of 2. 没 有 现 成 信 息, whose
// heading's number （ 四 ） stands on a line of its own before it: the row's
// number and the start of a wording under the heading make it the row
// the figures are given to.
func TestHeadingPieceAfterANumberedLabel(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", "pingtan-2021.libreoffice.layout.txt"))
	const row = "          2. 没 有 现 成 信 息\n"
	if !strings.Contains(text, row) {
		t.Fatalf("the fixture does not print %q", row)
	}
	r := parseText(t, "layout.txt", text)
	checkCells(t, r, []cellCase{
		{indicator: "requests.unavailable.needs_creation", breakdown: "natural_person", value: "0"},
		{indicator: "requests.unavailable.needs_creation", breakdown: "total", value: "0"},
	})
	// Three characters are too few to tell the start of a wording.
	r = parseText(t, "layout.txt", strings.Replace(text, row, "          2. 没 有 现\n", 1))
	if hasObs(r, "requests.unavailable.needs_creation", "natural_person") {
		t.Errorf("the figures were given to the row: %+v", obs(t, r, "requests.unavailable.needs_creation", "natural_person"))
	}
	if !unplacedBecause(r, "无 法 提", "a piece of heading 无法提供 beside figures") {
		t.Errorf("the heading's piece is not unplaced with the reason: %+v", r.Unplaced)
	}
}
