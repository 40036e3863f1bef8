package db

import (
	"context"
	"testing"

	"github.com/gongkai/gongkai"
)

// TestSummariesFollowReplacements: the counts kept at ingest equal the
// counts of the tables after a report is stored, then replaced by a
// version with fewer figures.
func TestSummariesFollowReplacements(t *testing.T) {
	ctx := context.Background()
	d := MustOpenDB(t)
	mustStoreSample(t, d)
	r := sampleReport(t, func(r *gongkai.Report) {
		r.Source = append(r.Source, '\n')
		r.Observations = r.Observations[:70]
	})
	if _, err := d.StoreReport(ctx, r, StoreOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}

	years, err := d.FindYears(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(years) != 1 || years[0] != (YearSummary{Year: 2017, Reports: 1, Publishers: 1, Observations: 70}) {
		t.Errorf("years %+v, want 2017 with 1 report of 70 observations", years)
	}
	ds, err := d.Dataset(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ds.Reports != 1 || ds.Publishers != 1 || ds.Observations != 70 {
		t.Errorf("dataset %+v, want 1 report, 1 publisher, 70 observations", ds)
	}
	if n := Count(t, d, "observations", "current = 1"); n != ds.Observations {
		t.Errorf("%d current observations, the summary says %d", n, ds.Observations)
	}
	n, err := d.CountObservations(ctx, ObservationFilter{Templates: []string{"legacy2014"}, Years: YearFilter{List: []int{2017}}})
	if err != nil {
		t.Fatal(err)
	}
	if n != (Total{N: 70}) {
		t.Errorf("legacy2014 in 2017: %+v, want 70", n)
	}
	for _, tt := range []struct {
		f    ReportFilter
		want int
	}{
		{ReportFilter{}, 1},
		{ReportFilter{Years: YearFilter{List: []int{2017}}}, 1},
		{ReportFilter{Years: YearFilter{To: 2016}}, 0},
		{ReportFilter{Templates: []string{"legacy2014"}, Years: YearFilter{From: 2017}}, 1},
		{ReportFilter{Templates: []string{"form2021"}}, 0},
		{ReportFilter{Publishers: []string{"370403"}}, 1},
		{ReportFilter{Region: "3704", Years: YearFilter{List: []int{2017}}}, 1},
	} {
		if n, err := d.CountReports(ctx, tt.f); err != nil || n != tt.want {
			t.Errorf("reports %+v: %d (%v), want %d current of the two stored", tt.f, n, err, tt.want)
		}
	}
}

// TestCountStopsAtCap: a filter matching more than CountCap figures is
// counted up to the cap and says so; a narrower one is exact.
func TestCountStopsAtCap(t *testing.T) {
	ctx := context.Background()
	d := MustOpenDB(t)
	id := mustStoreSample(t, d)
	// 1,400 copies of the report's 76 figures under the same report: 106,400.
	MustExec(t, d, `
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1400)
		INSERT INTO observations (report_id, current, publisher_id, year, indicator_id, breakdown, value, unit, label_id)
		SELECT report_id, 1, publisher_id, year, indicator_id, breakdown, value, unit, label_id
		FROM observations, n WHERE report_id = ?`, id)
	for _, tt := range []struct {
		name string
		f    ObservationFilter
		want Total
	}{
		{"a report's 106,476 figures", ObservationFilter{Report: id}, Total{N: CountCap, Capped: true}},
		{"one indicator's 1,401", ObservationFilter{Indicators: []string{"requests.received"}, Report: id}, Total{N: 1401}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n, err := d.CountObservations(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if n != tt.want {
				t.Errorf("count %+v, want %+v", n, tt.want)
			}
		})
	}
}
