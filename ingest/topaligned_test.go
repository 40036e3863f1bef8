package ingest

import (
	"path/filepath"
	"strings"
	"testing"
)

// Word top-aligns a table's cells: under a narrow label column each row of
// table 3 prints its figures on the line of its label's first piece and
// the rest of the label below, a heading's pieces beside its rows'
// (form/topaligned.go). Read against the form's wordings, every row takes
// its own figures, cited at the line they print on.
func TestTopAlignedLabels(t *testing.T) {
	r := parseText(t, "layout.txt", pdftextWith(t, "synth2019-word.layout.txt"))
	checkCells(t, r, []cellCase{
		{indicator: "requests.received", breakdown: "total", value: "890"},
		{indicator: "requests.disclosed", breakdown: "natural_person", value: "69"},
		{indicator: "requests.disclosed", breakdown: "total", value: "81"},
		{indicator: "requests.partially_disclosed", breakdown: "commercial_enterprise", value: "11"},
		{indicator: "requests.refused.state_secret", breakdown: "total", value: "11"},
		{indicator: "requests.refused.prohibited_by_law", breakdown: "total", value: "26"},
	})
	if o := obs(t, r, "requests.disclosed", "total"); o.Line != 89 {
		t.Errorf("予以公开's 81 cited at line %d, want 89, the line it prints on", o.Line)
	}
	if n, defects := scoreUndamaged(readTruth(t, filepath.Join("..", "testdata", "pdftext", "synth2019-word.truth.csv")), r); len(defects) > 0 || n < 170 {
		t.Errorf("%d figures, defects %v", n, defects)
	}
}

// The pieces are read only where each line's pieces go to the open
// labels one way, and every label ends as a wording of its row: a piece
// two labels may take (开 after 不予公 and after 禁止公), or a label left
// short (予以公 with its 开 lost), leaves table 3 as printed, to the
// readers that unplace what they cannot place.
func TestTopAlignedRefuses(t *testing.T) {
	truth := readTruth(t, filepath.Join("..", "testdata", "pdftext", "synth2019-word.truth.csv"))
	for name, edit := range map[string][2]string{
		"a piece two labels take": {"      开     密\n            2.其他   15    4    1   1   3   2   26\n            法律行\n            政法规\n            禁止公\n            开\n",
			"            密\n            2.其他   15    4    1   1   3   2   26\n            法律行\n            政法规\n            禁止公\n            开\n"},
		"a label left short": {"理结果   开\n", "理结果\n"},
	} {
		t.Run(name, func(t *testing.T) {
			r := parseText(t, "layout.txt", pdftextWith(t, "synth2019-word.layout.txt", edit))
			if hasFigure(r, "requests.refused.prohibited_by_law", "total") {
				t.Errorf("其他法律行政法规禁止公开 placed: %+v", obs(t, r, "requests.refused.prohibited_by_law", "total"))
			}
			if _, defects := scoreUndamaged(truth, r); len(defects) > 0 {
				t.Errorf("defects: %v", defects)
			}
		})
	}
}

// Text in reading order prints a top-aligned table a piece a line
// (form/topstream.go): a numbered piece opens the form's next heading or
// row it starts, the others go on the one label whose wording they
// continue, and the row's seven figures (on a line, or a figure a line)
// are the innermost label's, even printed before its last pieces.
func TestTopAlignedStream(t *testing.T) {
	for _, file := range []string{"s26-form2021-docx.raw.txt", "s26-form2021-docx.pdfjs.txt", "s26-form2021-docx.pymupdf.txt"} {
		t.Run(file, func(t *testing.T) {
			r := parseText(t, file, readText(t, filepath.Join("..", "testdata", "pdftext", "fresh", file)))
			checkCells(t, r, []cellCase{
				{indicator: "requests.received", breakdown: "total", value: "290"},
				{indicator: "requests.partially_disclosed", breakdown: "commercial_enterprise", value: "4"},
				{indicator: "requests.partially_disclosed", breakdown: "total", value: "10"},
				{indicator: "requests.refused.state_secret", breakdown: "total", value: "42"},
				{indicator: "requests.other_handling.no_fee", breakdown: "total", value: "28"},
				{indicator: "requests.carried_forward", breakdown: "total", value: "0"},
			})
		})
	}
}

// A row whose figures are lost, or printed short of seven, closes with
// none: the text stays as printed, and no row takes another's figures.
func TestTopAlignedStreamRefuses(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "fresh")
	truth := readTruth(t, filepath.Join(dir, "s26-form2021-docx.truth.csv"))
	for name, edit := range map[string][2]string{
		"figures lost":    {"开\n9 0 0 1 0 0 10\n", "开\n"},
		"six figures":     {"开\n9 0 0 1 0 0 10\n", "开\n9 0 0 1 0 10\n"},
		"a piece unknown": {"他情\n形）\n", "他情\n形）\n附注\n"},
	} {
		t.Run(name, func(t *testing.T) {
			text := readText(t, filepath.Join(dir, "s26-form2021-docx.raw.txt"))
			if !strings.Contains(text, edit[0]) {
				t.Fatalf("the text does not print %q", edit[0])
			}
			r := parseText(t, "raw.txt", strings.Replace(text, edit[0], edit[1], 1))
			if hasFigure(r, "requests.refused.state_secret", "total") {
				t.Errorf("属于国家秘密 placed from a text the pieces do not read")
			}
			if _, defects := scoreUndamaged(truth, r); len(defects) > 0 {
				t.Errorf("defects: %v", defects)
			}
		})
	}
}

// Table 3's header a piece a line in the form's own order (申请人 / 情况 /
// 自然人 法人或 / 其他组 / 织 / 总计 / 商业企 / 业 / …) is the form's
// header: its columns are the form's. Printed in another order, it is left
// to the header's reader, which does not tell the columns' order.
func TestTopAlignedHeader(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "pdftext", "fresh", "s26-form2019-docx.raw.txt"))
	r := parseText(t, "raw.txt", text)
	checkCells(t, r, []cellCase{
		{indicator: "requests.received", breakdown: "natural_person", value: "279"},
		{indicator: "requests.received", breakdown: "commercial_enterprise", value: "57"},
		{indicator: "requests.received", breakdown: "other_org", value: "18"},
		{indicator: "requests.received", breakdown: "total", value: "382"},
	})
	const printed = "商业企\n业\n科研机\n构\n"
	if !strings.Contains(text, printed) {
		t.Fatalf("the text does not print %q", printed)
	}
	r = parseText(t, "raw.txt", strings.Replace(text, printed, "科研机\n构\n商业企\n业\n", 1))
	if hasFigure(r, "requests.received", "commercial_enterprise") {
		t.Errorf("a header out of the form's order read as the form's: %+v", obs(t, r, "requests.received", "commercial_enterprise"))
	}
}
