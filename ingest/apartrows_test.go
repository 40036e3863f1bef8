package ingest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// pdfminer's text of a held-out Chrome print (report 11 of
// scripts/heldout.py --seed 212) prints `7.属于行政执法案卷 10` and then six
// figures a line each, 3 2 4 2 8 1, that are a column of the rows below
// and do not add up: they were placed as the row's, six wrong. A row of
// table 3 whose seven figures stand on lines of their own and do not add
// up is unplaced (form/misread.go, apartNotAddingUp); a row printed side by
// side that does not add up is kept as published.
func TestApartRowNotAddingUp(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	const file = "ho212-11.chromium.pdfminer.txt"
	ratchetTruthFile(t, dir, file, 16, 0)
	r := parseText(t, file, readText(t, filepath.Join(dir, file)))
	for _, o := range r.Observations {
		if o.Indicator == "requests.refused.enforcement_files" {
			t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, o.Raw)
		}
	}
	if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
		return strings.Contains(u.Reason, "lines of their own") && slices.Equal(u.Cells, []string{"10", "3", "2", "4", "2", "8", "1"})
	}) {
		t.Errorf("7.属于行政执法案卷 not unplaced with its figures and the reason: %+v", r.Unplaced)
	}
}
