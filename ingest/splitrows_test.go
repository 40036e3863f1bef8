package ingest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// pdftotext -layout of Chromium's print of pingtan-2025 prints two rows of
// table 3 with their first figure on the line of the label's first piece
// and the rest below (form/splitrows.go): `（二）部分公开（区分处理的，只计这一
// 38` / `情形，不计其他情形） 0 0 0 0 0 38`, and `本机关不掌握相关政府信 49` /
// `1.` / `息 1 0 0 0 0 50`. The pieces are joined: their counts make the
// form's seven and 总计 is the sum of the applicant columns.
func TestRowFiguresOnTwoLines(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", "pingtan-2025.chromium.layout.txt"))
	r := parseText(t, "layout.txt", text)
	arith := []string{gongkai.FlagPlacedByArithmetic}
	checkCells(t, r, []cellCase{
		{indicator: "requests.partially_disclosed", breakdown: "natural_person", value: "38", flags: arith},
		{indicator: "requests.partially_disclosed", breakdown: "other_org", value: "0", flags: arith},
		{indicator: "requests.partially_disclosed", breakdown: "total", value: "38", flags: arith},
		{indicator: "requests.unavailable.not_held", breakdown: "natural_person", value: "49", flags: arith},
		{indicator: "requests.unavailable.not_held", breakdown: "commercial_enterprise", value: "1", flags: arith},
		{indicator: "requests.unavailable.not_held", breakdown: "total", value: "50", flags: arith},
	})
	for _, o := range r.Observations {
		if o.Indicator == "requests.partially_disclosed" && o.Label != "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" {
			t.Errorf("the joined row's label is %q, not its two pieces joined", o.Label)
		}
	}
}

// The pieces are not joined, and the row is unplaced, when the joined
// figures do not add up, when the second piece bears another row's number,
// or when a piece joins both the line before and the line after.
func TestRowFiguresOnTwoLinesRefused(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", "pingtan-2025.chromium.layout.txt"))
	const second = "        息                    1   0   0   0   0   50\n"
	if !strings.Contains(text, second) {
		t.Fatalf("the fixture does not print %q", second)
	}
	for _, tc := range []struct{ name, text string }{
		{"the joined figures do not add up", strings.Replace(second, "50", "51", 1)},
		{"the second piece is numbered as another row", strings.Replace(second, "息", "2.息", 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := parseText(t, "layout.txt", strings.Replace(text, second, tc.text, 1))
			if hasObs(r, "requests.unavailable.not_held", "natural_person") {
				t.Errorf("the pieces were joined: %+v", obs(t, r, "requests.unavailable.not_held", "natural_person"))
			}
			if !unplacedBecause(r, "本机关不掌握相关政府信", "") {
				t.Errorf("the first piece is not unplaced: %+v", r.Unplaced)
			}
		})
	}

	t.Run("a piece joins the lines before and after", func(t *testing.T) {
		text := readText(t, filepath.Join("..", "testdata", "real", "pingtan-2021.chromium.layout.txt"))
		const pieces = "      （ 三 ） 5.属于三类内部事 1\n      不 予 公 务信息               0   0   0       0   0       1\n"
		if !strings.Contains(text, pieces) {
			t.Fatalf("the fixture does not print %q", pieces)
		}
		// The second piece names the first's row, so a third piece
		// below it may be its row's rest as well as the first is.
		three := "      （ 三 ） 5.属于三类内部事 1\n            属于三类内部事务信息 0   0   0       0   0       1\n            务信息 1\n"
		r := parseText(t, "layout.txt", strings.Replace(text, pieces, three, 1))
		if hasObs(r, "requests.refused.internal_affairs", "natural_person") {
			t.Errorf("a piece joined: %+v", obs(t, r, "requests.refused.internal_affairs", "natural_person"))
		}
		if !unplacedBecause(r, "", "join both the figures on the line before and those on the line after") {
			t.Errorf("the middle piece is not unplaced with the reason: %+v", r.Unplaced)
		}
	})
}

// TestRowFiguresOnTwoLinesNextRowsPiece: a short row (属于行政查询事项 8.,
// its 总计 lost: 3 0 0 0 0 0) is never joined to the first piece of the
// next row's wrapped label (本机关不掌握相关政府信 3), a label no row
// matches: that piece starts another row's wording, and its 3 would come
// out as 8.'s 总计 — zeros add up whatever they are joined to. Found by
// review: the pieces were joined when the next row's last piece stood two
// lines further down.
func TestRowFiguresOnTwoLinesNextRowsPiece(t *testing.T) {
	text := readText(t, filepath.Join("..", "testdata", "real", "pingtan-2025.chromium.layout.txt"))
	const rows = "        8.             3     0   0   0   0   0   3\n\n\n         本机关不掌握相关政府信 49\n        1.\n        息                    1   0   0   0   0   50\n"
	if !strings.Contains(text, rows) {
		t.Fatalf("the fixture does not print %q", rows)
	}
	damaged := "        8.             3     0   0   0   0   0\n         本机关不掌握相关政府信 3\n        1.\n\n        息                    1   0   0   0   0   4\n"
	r := parseText(t, "layout.txt", strings.Replace(text, rows, damaged, 1))
	if hasObs(r, "requests.refused.administrative_query", "total") {
		t.Errorf("8.属于行政查询事项 took the next row's first figure as its 总计: %+v", obs(t, r, "requests.refused.administrative_query", "total"))
	}
	if !unplacedBecause(r, "属于行政查询事项", "") {
		t.Errorf("8.属于行政查询事项 is not unplaced: %+v", r.Unplaced)
	}
}
