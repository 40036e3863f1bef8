package ingest

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// A web page whose tables are marked up as Word exports them
// (pingtan-2021.html's shape: scripts/webstyle.py word), printed by Chrome
// and taken out by plain pdftotext, prints table 3 in bands of rows: each
// row's label with the figures of its first columns, then the other
// columns of the band's rows, row by row (form/splitbands.go). The two
// fixtures are reports 8 (2021 form) and 6 (2019 form) of
// `python3 scripts/heldout.py --webstyle --seed 1401 --reports 120`
// (session 14), the chromium-word print's plain text; truth by
// scripts/expected-to-truth.py. Report 8 prints rows 一 to 7.属于行政执法案卷
// three columns at the label (`一、本年新收政府信息公开申请数量 570 137
// 16`), then 26 69 49 867 / 1 1 1 92 / …, and rows 8. to （六）3. a
// column at the label; its table 4 loses four figures to the page's end.

const (
	splitBands2021 = "ws1401-8.chromium-word.plain.txt"
	splitBands2019 = "ws1401-6.chromium-word.plain.txt"
)

func TestSplitBandsPlaced(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	ratchetTruthFile(t, dir, splitBands2021, 185, 0)
	ratchetTruthFile(t, dir, splitBands2019, 165, 0)
	r := parseText(t, splitBands2021, readText(t, filepath.Join(dir, splitBands2021)))
	order := []string{gongkai.FlagPlacedByFormOrder}
	checkCells(t, r, []cellCase{
		// at the label
		{indicator: "requests.received", breakdown: "natural_person", value: "570", flags: order},
		{indicator: "requests.received", breakdown: "research_institution", value: "16", flags: order},
		// the band's other columns, after its last row
		{indicator: "requests.received", breakdown: "public_interest_org", value: "26", flags: order},
		{indicator: "requests.received", breakdown: "total", value: "867", flags: order},
		{indicator: "requests.carried_over", breakdown: "public_interest_org", value: "1", flags: order},
		{indicator: "requests.carried_over", breakdown: "total", value: "92", flags: order},
		{indicator: "requests.refused.enforcement_files", breakdown: "total", value: "17", flags: order},
		// the second band: a column at the label
		{indicator: "requests.refused.administrative_query", breakdown: "natural_person", value: "16", flags: order},
		{indicator: "requests.refused.administrative_query", breakdown: "commercial_enterprise", value: "6", flags: order},
		{indicator: "requests.refused.administrative_query", breakdown: "total", value: "30", flags: order},
	})
	if n := len(tableThreePlacedByOrder(r)); n != 25*7 {
		t.Errorf("%d figures of table 3 placed by the order, want 175", n)
	}
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "reconsiderations") || strings.HasPrefix(o.Indicator, "lawsuits") {
			t.Errorf("table 4 placed from 11 of its 15 figures: %s [%s] = %s", o.Indicator, o.Breakdown, o.Raw)
		}
	}
}

// The bands are read only when every row adds up and the identities hold:
// 一's 总计 867 made 868 leaves no reading, and no figure of table 3 is
// placed by the order.
func TestSplitBandsRefused(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	text := readText(t, filepath.Join(dir, splitBands2021))
	r := parseText(t, splitBands2021, withLines(t, text, map[int]string{98: "868"}))
	if got := tableThreePlacedByOrder(r); len(got) != 0 {
		t.Errorf("%d figures placed by the order where no reading adds up, e.g. %s [%s] = %s", len(got), got[0].Indicator, got[0].Breakdown, got[0].Raw)
	}
}
