package legacy

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/source"
)

// A row read by its label keeps its figure when the form's order gives the
// same; when the order gives another, or places no figure on its row, it is
// unplaced with the reason.
func TestReadingOrderAgainstLabels(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pdftext", "legacy2014-a.plain.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var lines []source.Line
	for i, l := range strings.Split(string(data), "\n") {
		lines = append(lines, source.Line{N: i + 1, Text: l})
	}
	start, end := Bounds(catalog.MustLoad(), lines)
	tbl := newLegacyTable(catalog.MustLoad())
	num := func(v float64) *float64 { return &v }
	byLabel := []gongkai.Observation{
		{Indicator: "proactive.items", Value: num(18361), Raw: "18361", Line: 121, Label: "（一）主动公开政府信息数"},
		{Indicator: "proactive.channels.website", Value: num(8743), Raw: "8743", Line: 160, Label: "2.政府网站公开政府信息数"},
		{Indicator: "requests.received.letter_or_fax", Value: num(2), Raw: "2", Line: 300, Label: "信函、传真申请数"},
	}
	obs, unplaced := tbl.readingOrder(byLabel, nil, lines[start:end])
	if len(obs) != 75 {
		t.Errorf("%d figures placed, want 75 (the 76 rows named less the one its label reads otherwise)", len(obs))
	}
	for _, o := range obs {
		switch o.Indicator {
		case "proactive.items":
			if slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
				t.Errorf("proactive.items: the figure read by its label, which the order confirms, is flagged %v", o.Flags)
			}
		case "proactive.channels.website", "requests.received.letter_or_fax":
			t.Errorf("%s = %s placed", o.Indicator, o.Raw)
		}
	}
	for _, want := range []string{
		"read by its label as 8743 (line 160), by the form's order as 8734",
		"read by its label, on a row the form's order finds no figure for",
	} {
		if !slices.ContainsFunc(unplaced, func(u gongkai.Unplaced) bool { return strings.Contains(u.Reason, want) }) {
			t.Errorf("no row unplaced with reason %q: %v", want, unplaced)
		}
	}
}

// A row's wording is found in the pieces of a label wrapped over lines,
// each piece used whole; a row the pieces cannot spell is not named.
func TestSpelledByPieces(t *testing.T) {
	ps := pieces([]orderToken{{label: "1.政府公报"}, {label: "公开政府信"}, {label: "息数"}, {label: "（三）其他情"}, {label: "形数"}})
	for key, want := range map[string]bool{
		"政府公报公开政府信息数": true,
		"其他情形数":       true,
		"其他形式":        false, // 其他 is no piece of its own
		"政府网站公开政府信息数": false,
	} {
		if got := spelled(key, ps); got != want {
			t.Errorf("%s spelled: %v, want %v", key, got, want)
		}
	}
}

// A figure that prints no unit, printed apart from the column (a heading
// row's figure among the headings), is placed only when units and figures
// alternate and the figures with a unit fit the rows' units in exactly one
// way, which leaves its row.
func TestUnitlessFigureApart(t *testing.T) {
	cat := catalog.MustLoad()
	rowsOf := func(ids ...string) []int {
		var out []int
		for _, id := range ids {
			i := slices.IndexFunc(cat.Legacy, func(r catalog.Row) bool { return r.ID == id })
			if i < 0 {
				t.Fatalf("no row %s", id)
			}
			out = append(out, i)
		}
		return out
	}
	tokens := func(s string) []orderToken { // 个 296 期 0 7601: units and figures in order
		var out []orderToken
		for i, f := range strings.Fields(s) {
			if isUnit(f) {
				out = append(out, orderToken{line: i + 1, unit: f})
			} else {
				out = append(out, orderToken{line: i + 1, figure: f})
			}
		}
		return out
	}
	// 八's 乡镇 row (个), 九 (份, printed with no unit, after the rest), 九's 期数 (期).
	rows := rowsOf("8.2", "9", "9.1")
	figs, blocks := orderFigures(tokens("个 296 期 0 7601"))
	if why := inOrder(cat, figs, blocks, rows); why == "" {
		t.Fatal("the figures in their printed order fit the rows")
	}
	got, ok := unitlessRows(cat, figs, blocks, rows)
	if !ok || got[1].raw != "7601" || got[2].raw != "0" {
		t.Errorf("got %v (%v), want 7601 under row 9 and 0 under 9.1", got, ok)
	}
	// The same printed as columns: which figure prints no unit is not shown.
	figs, blocks = orderFigures(tokens("个 期 296 0 7601"))
	if got, ok := unitlessRows(cat, figs, blocks, rows); ok {
		t.Errorf("placed %v, want it refused: the units are a column", got)
	}
	// Three rows of 件: the figure with a unit fits any of them.
	rows = rowsOf("3.1.1", "3.1.2", "3.1.3")
	figs, blocks = orderFigures(tokens("件 5 3 4"))
	if got, ok := unitlessRows(cat, figs, blocks, rows); ok {
		t.Errorf("placed %v, want it refused: three rows fit the figure with a unit", got)
	}
}

// BenchmarkReadInFormOrder reads the legacy table of a plain text by the
// form's order alone: its part of a parse.
func BenchmarkReadInFormOrder(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "pdftext", "legacy2014-a.plain.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var lines []source.Line
	for i, l := range strings.Split(string(data), "\n") {
		lines = append(lines, source.Line{N: i + 1, Text: l})
	}
	cat := catalog.MustLoad()
	start, end := Bounds(cat, lines)
	for b.Loop() {
		if r, _ := readInFormOrder(cat, lines[start:end], isUnit); len(r.placed) != 76 {
			b.Fatalf("%d placed: %s", len(r.placed), r.reason)
		}
	}
}
