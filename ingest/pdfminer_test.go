package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// realWith is testdata/real/name with each edit applied once.
func realWith(t *testing.T, name string, edits ...[2]string) string {
	t.Helper()
	return fixtureWith(t, "real", name, edits...)
}

// pdfminer prints the next block's heading of table 2 between the boxes
// of a block's columns: 规章 / 行政规范性文件 / 0 / 62 / 第二十条第（五）项 / 0 /
// 33 / 0 / 440 (form/pdfminerheading.go). The first column printed before
// the heading says the block is printed column by column: read down, and
// 行政许可's own figure is its, not one held before its label.
// Chrome's prints print each row's first figure after its own label
// instead: 规章 / 0 / 行政规范性文件 62 / 第二十条第（五）项 / 0 / 33 / 0 / 440
// (form/firstcolumn.go), read the same way.
func TestPDFMinerHeadingBetweenColumns(t *testing.T) {
	for _, c := range []struct {
		file     string
		document []string // 行政规范性文件's three figures
		licences string
	}{
		{"pingtan-2024.word.pdfminer.txt", []string{"62", "33", "440"}, "4529"},
		{"pingtan-2025.libreoffice.pdfminer.txt", []string{"58", "45", "546"}, "2418"},
		{"pingtan-2024.chromium.pdfminer.txt", []string{"62", "33", "440"}, "4529"},
		{"pingtan-2025.chromium.pdfminer.txt", []string{"58", "45", "546"}, "2418"},
	} {
		t.Run(c.file, func(t *testing.T) {
			r := parseText(t, c.file, realWith(t, c.file))
			flags := []string{gongkai.FlagPlacedByFormOrder}
			checkCells(t, r, []cellCase{
				{indicator: "regulations.issued", breakdown: "total", value: "0", flags: flags},
				{indicator: "regulations.repealed", breakdown: "total", value: "0", flags: flags},
				{indicator: "regulations.in_force", breakdown: "total", value: "0", flags: flags},
				{indicator: "normative_documents.issued", breakdown: "total", value: c.document[0], flags: flags},
				{indicator: "normative_documents.repealed", breakdown: "total", value: c.document[1], flags: flags},
				{indicator: "normative_documents.in_force", breakdown: "total", value: c.document[2], flags: flags},
				{indicator: "licensing.decisions", breakdown: "total", value: c.licences},
			})
		})
	}
}

// The block is not read when the figures after the heading are not the
// block's other columns: one lost leaves five for two rows of three, and
// the rows are unplaced with the reason, none placed.
func TestPDFMinerHeadingBetweenColumnsRefused(t *testing.T) {
	const file = "pingtan-2024.word.pdfminer.txt"
	r := parseText(t, file, realWith(t, file, [2]string{"第二十条第（五）项\n\n0\n\n33\n\n0\n\n440", "第二十条第（五）项\n\n0\n\n33\n\n440"}))
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "regulations.") || strings.HasPrefix(o.Indicator, "normative_documents.") {
			t.Errorf("%s = %s placed with a figure lost", o.Indicator, o.Raw)
		}
	}
	if !unplacedBecause(r, "行政规范性文", "5 cells where the block has 3 columns") {
		t.Errorf("the row not unplaced with the reason: %+v", r.Unplaced)
	}
}

// Chrome's A5 print of pingtan-2021 through pdfminer wraps table 3's
// labels three characters a line, and a row's label swallows the next
// row's (`7. 属 于` … `8. 属 于` / `⾏ 政 查` / `询事项`, read as 7. alone;
// `AM平潭…_…1. 信 访…`, a page's footer joined to 信访's label): the runs
// of sevens printed after 3.补正后申请内容仍不明确 and 8.属于行政查询事项
// are the rows' before them as well as after (form/pdfminerlostrow.go).
// Counting from where the walk back stopped put 7.'s and 8.'s figures
// under the rows after them: eight figures wrong. Now those rows are
// unplaced with the reason. Runs whose rows before are whole are placed
// as before (TestStreamRowsPlacedByFormOrder).
func TestPDFMinerLostRowRefused(t *testing.T) {
	const file = "pingtan-2021.chromium-a5.pdfminer.txt"
	for _, c := range []struct {
		name   string
		edits  [][2]string
		reason string
	}{
		{"8. swallowed by 7.", nil, "a row between them lost"},
		{"7. before 8.'s five sevens", [][2]string{{"8. 属 于\n⾏ 政 查\n\n询事项", "8.属于行政查询事项"}}, "its sevens fit it and the rows after it, but its label joins pieces of two rows"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := parseText(t, file, realWith(t, file, c.edits...))
			want := map[string]string{"requests.unavailable.not_held": "22", "requests.unavailable.needs_creation": "1", "requests.unavailable.unclear": "0"}
			for _, o := range r.Observations {
				if v, ok := want[o.Indicator]; ok && o.Breakdown == "natural_person" && o.Raw != v {
					t.Errorf("%s [natural_person] = %s, want %s or unplaced", o.Indicator, o.Raw, v)
				}
			}
			if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool { return strings.Contains(u.Reason, c.reason) }) {
				t.Errorf("no row unplaced with the reason %q: %+v", c.reason, r.Unplaced)
			}
		})
	}
}
