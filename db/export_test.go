package db

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/gongkai/gongkai/catalog"
)

// TestAppendObservationsInParallel exports the figures of 6 publishers × 2
// years (2017 and 2018) read in parallel ranges of publishers, and checks
// that the rows and their order are those of one connection reading them
// all.
func TestAppendObservationsInParallel(t *testing.T) {
	ctx := context.Background()
	d := MustOpenDB(t)
	rules, err := catalog.Rules()
	if err != nil {
		t.Fatal(err)
	}
	sample := synthSample(t, 72, func(i int) bool { return i%12 == 3 || i%12 == 4 })
	for _, r := range parseFiles(t, sample) {
		if _, err := d.IngestReport(ctx, r, rules, StoreOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	appendRow := func(dst []byte, r *ObservationRow) []byte {
		return fmt.Appendf(dst, "%d %s %s %d %s %s %v\n", r.ID, r.PublisherID, r.PublisherNameZh, r.Year, r.Indicator, r.Breakdown, r.Flags)
	}
	collect := func(dst *bytes.Buffer) func([]byte) error {
		return func(b []byte) error { dst.Write(b); return nil }
	}
	for _, f := range []ObservationFilter{{}, {Years: YearFilter{List: []int{2018}}}} {
		var one bytes.Buffer
		if err := d.appendRange(ctx, f, appendRow, collect(&one)); err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(one.Bytes(), []byte("\n")); n < 300 {
			t.Fatalf("%+v: %d rows exported, want the figures of many reports", f, n)
		}
		ranges, err := d.publisherRanges(ctx, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(ranges) != 5 {
			t.Errorf("%d ranges of 6 publishers, want 5", len(ranges))
		}
		var parallel bytes.Buffer
		if err := d.appendInParallel(ctx, f, ranges, 3, appendRow, collect(&parallel)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(parallel.Bytes(), one.Bytes()) {
			t.Errorf("%+v: the ranges read in parallel give %d bytes, one connection %d", f, parallel.Len(), one.Len())
		}
		var all bytes.Buffer
		if err := d.AppendObservations(ctx, f, appendRow, collect(&all)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(all.Bytes(), one.Bytes()) {
			t.Errorf("%+v: AppendObservations gives %d bytes, one connection %d", f, all.Len(), one.Len())
		}
	}

	stop := errors.New("client gone")
	emitted := 0
	ranges, _ := d.publisherRanges(ctx, 6)
	err = d.appendInParallel(ctx, ObservationFilter{}, ranges, 3, appendRow, func([]byte) error {
		emitted++
		return stop
	})
	if !errors.Is(err, stop) || emitted != 1 {
		t.Errorf("a failing write: err %v after %d blocks, want %v after 1", err, emitted, stop)
	}
}
