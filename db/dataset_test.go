package db

import (
	"context"
	"testing"

	"github.com/gongkai/gongkai/ingest"
	"github.com/gongkai/gongkai/samples"
)

// mustStoreSample stores the embedded sample report 薛城区 2017 and returns its id.
func mustStoreSample(tb testing.TB, d *DB) int64 {
	tb.Helper()
	b, err := samples.FS.ReadFile("xuecheng-2017.txt")
	if err != nil {
		tb.Fatal(err)
	}
	r, err := ingest.Parse("xuecheng-2017.txt", b)
	if err != nil {
		tb.Fatal(err)
	}
	out, err := d.StoreReport(context.Background(), r, StoreOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	return out.ReportID
}

func TestDatasetCountsTheSample(t *testing.T) {
	d := MustOpenDB(t)
	mustStoreSample(t, d)
	ds, err := d.Dataset(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if ds.Version == "" || ds.Reports != 1 || ds.Publishers != 1 || ds.Observations != 76 {
		t.Errorf("dataset %+v, want a version, 1 report, 1 publisher, 76 observations", ds)
	}
	years, err := d.FindYears(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(years) != 1 || years[0] != (YearSummary{Year: 2017, Reports: 1, Publishers: 1, Observations: 76}) {
		t.Errorf("years %+v, want 2017 with 1 report of 76 observations", years)
	}
}
