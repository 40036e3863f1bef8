package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// A web page whose table 3 header is Word's (a justified 自 然 / 人 in a
// narrow cell) printed by Chromium and taken out by pdftotext -raw: the
// last character of 自然人, alone on its line, is a unit. Read as the end
// of the header cell before it, the header names 自然人 before
// 法人或其他组织 and every figure is placed (form/headerunit.go); dropped,
// as before, the header printed 法人或其他组织 before every column and the
// table was unplaced (100 of 200 found).
func TestHeaderUnitEndsColumnName(t *testing.T) {
	// A unit that completes no column's name stays dropped: the header
	// then names no 自然人, and table 3 is unplaced with the reason.
	r := heldoutEdited(t, "ho1601-8.chromium-word.raw.txt", 200, "\n自 然\n人\n", "\n自 在\n人\n")
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "requests.") && o.Breakdown == "natural_person" {
			t.Errorf("%s [%s] = %s placed under a header that names no 自然人", o.Indicator, o.Breakdown, o.Raw)
		}
	}
	if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool { return strings.Contains(u.Reason, "before every column") }) {
		t.Errorf("table 3 not unplaced with the header's reason: %+v", r.Unplaced)
	}
}
