package ingest

import (
	"strings"
	"testing"
)

// pdfminer of Chrome's prints of pingtan-2024's and pingtan-2025's pages
// prints table 2's first block with each row's first figure after its
// label, then the next block's heading, then the other columns read down
// (form/firstcolumn.go; the rows read so: TestPDFMinerHeadingBetweenColumns).
// The block is not read so when the figures after the heading are not
// the other columns: one lost leaves three for two rows of two more
// columns, and a signed figure (+45) is no count of documents; the rows
// stay unplaced, none placed.
func TestPDFMinerFirstColumnBeforeHeadingRefused(t *testing.T) {
	const file = "pingtan-2025.chromium.pdfminer.txt"
	for _, c := range []struct {
		name string
		edit [2]string
	}{
		{"a figure lost", [2]string{"第⼆⼗条第（五）项\n\n0\n\n45\n\n0\n\n546", "第⼆⼗条第（五）项\n\n0\n\n45\n\n546"}},
		{"a signed figure", [2]string{"第⼆⼗条第（五）项\n\n0\n\n45\n", "第⼆⼗条第（五）项\n\n0\n\n+45\n"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := parseText(t, file, realWith(t, file, c.edit))
			for _, o := range r.Observations {
				if strings.HasPrefix(o.Indicator, "regulations.") || strings.HasPrefix(o.Indicator, "normative_documents.") {
					t.Errorf("%s = %s placed", o.Indicator, o.Raw)
				}
			}
			if !unplacedBecause(r, "规章", "1 figures for 3 columns") {
				t.Errorf("规章 not unplaced with its figure alone: %+v", r.Unplaced)
			}
		})
	}
}
