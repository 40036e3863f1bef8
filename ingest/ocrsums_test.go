package ingest

import (
	"testing"

	"github.com/gongkai/gongkai"
)

// placedBySums is the number of figures of the row with indicator that
// the column sums placed (form/ocrsums.go) after the row's own reading
// was refused: each must carry placed_by_arithmetic, none may stand as
// printed.
func placedBySums(t *testing.T, r *gongkai.Report, indicator string) int {
	t.Helper()
	n := 0
	for _, o := range r.Observations {
		if o.Indicator != indicator {
			continue
		}
		n++
		if !hasFlag(o, gongkai.FlagPlacedByArithmetic) {
			t.Errorf("%s [%s] = %s placed as printed (flags %v): want it refused, or placed by the column sums", o.Indicator, o.Breakdown, show(o.Value), o.Flags)
		}
	}
	return n
}
