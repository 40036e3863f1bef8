package db

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/catalog"
)

// TestAppendObservationsInParallel exports the figures of 7 publishers × 3
// years (2017 and 2018 legacy, 2021 with the applicants' breakdowns), one of
// them replaced by a corrected report, for
// every kind of filter: read on one connection, in parallel ranges of
// publishers (by 1 or 3 workers, ranges of one publisher or several), and
// by AppendObservations, with the labels held in memory or joined. Each
// gives the rows of EachObservation (database/sql, the names joined row by
// row), in its order, field for field.
func TestAppendObservationsInParallel(t *testing.T) {
	ctx := context.Background()
	d := MustOpenDB(t)
	rules, err := catalog.Rules()
	if err != nil {
		t.Fatal(err)
	}
	sample := synthSample(t, 72, func(i int) bool { return i%12 == 3 || i%12 == 4 || i%12 == 7 })
	for _, r := range parseFiles(t, sample) {
		if _, err := d.IngestReport(ctx, r, rules, StoreOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	mustStore(t, d, xuecheng2017(t), StoreOptions{})
	mustStore(t, d, corrected(xuecheng2017(t)), StoreOptions{Replace: true})
	appendRow := func(dst []byte, r *ObservationRow) []byte {
		return fmt.Appendf(dst, "%d %d %s %s %s %s %d %s %s %s %s %s %s %v %q %v %d %d %v\n", r.ID, r.ReportID, r.PublisherID, r.PublisherNameZh,
			r.PublisherNameEn, r.AdminCode, r.Year, r.Indicator, r.IndicatorNameZh, r.IndicatorNameEn, r.Breakdown, r.Unit, r.Label,
			orNil(r.Value), r.Raw, orNil(r.Column), r.Line, r.Page, r.Flags)
	}
	collect := func(dst *bytes.Buffer) func([]byte) error {
		return func(b []byte) error { dst.Write(b); return nil }
	}
	var first, region, breakdown string
	var report int64
	if err := d.read.QueryRow(`SELECT id, substr(admin_code, 1, 2) FROM publishers ORDER BY id LIMIT 1`).Scan(&first, &region); err != nil {
		t.Fatal(err)
	}
	if err := d.read.QueryRow(`SELECT breakdown FROM observations WHERE breakdown != 'total' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`).Scan(&breakdown); err != nil {
		t.Fatal(err)
	}
	if err := d.read.QueryRow(`SELECT max(report_id) FROM observations WHERE current = 1`).Scan(&report); err != nil {
		t.Fatal(err)
	}
	received := []string{"requests.received"}
	filters := []ObservationFilter{{}, {Years: YearFilter{List: []int{2018}}}, {Years: YearFilter{From: 2017, To: 2017}},
		{Region: region}, {Region: "37", Years: YearFilter{List: []int{2017}}}, {Publishers: []string{"370403", first}},
		{Publishers: []string{first}, Years: YearFilter{From: 2018}}, {Templates: []string{"legacy2014"}},
		{Templates: []string{"form2019", "legacy2014"}, Years: YearFilter{List: []int{2017, 2018}}},
		{Templates: []string{"form2021"}}, {Years: YearFilter{From: 2018}, Region: region},
		{Indicators: received}, {Indicators: []string{"requests.received", "requests.carried_over"}},
		{Indicators: received, Region: region}, {Indicators: received, Years: YearFilter{List: []int{2018}}},
		{Indicators: received, Publishers: []string{first}}, {Indicators: received, Templates: []string{"form2021"}},
		{Breakdowns: []string{"total"}}, {Breakdowns: []string{breakdown}}, {Breakdowns: []string{"total", breakdown}, Region: region},
		{Breakdowns: []string{breakdown}, Indicators: received}, {Breakdowns: []string{breakdown}, Years: YearFilter{List: []int{2021}}},
		{Report: report}}
	for _, labelsHeld := range []bool{true, false} {
		if !labelsHeld {
			// The labels joined: one filter of each path is enough.
			defer func(n int) { maxExportLabels = n }(maxExportLabels)
			maxExportLabels = 0
			filters = []ObservationFilter{{Region: region}, {Indicators: received}, {Breakdowns: []string{breakdown}}, {Report: report}}
		}
		for _, f := range filters {
			var want bytes.Buffer
			err := d.EachObservation(ctx, f, func(r *ObservationRow) error {
				want.Write(appendRow(nil, r))
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if n := bytes.Count(want.Bytes(), []byte("\n")); n == 0 {
				t.Fatalf("%+v: %d rows, want some", f, n)
			}
			e, err := d.newExport(ctx, f, appendRow)
			if err != nil {
				t.Fatal(err)
			}
			if (e.names.labels != nil) != labelsHeld {
				t.Errorf("labels held %v, want %v", e.names.labels != nil, labelsHeld)
			}
			var alone bytes.Buffer
			if err := e.readAlone(ctx, collect(&alone)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(alone.Bytes(), want.Bytes()) {
				t.Errorf("%+v: one connection gives %d bytes, database/sql %d", f, alone.Len(), want.Len())
			}
			for _, split := range []struct{ rows, workers int }{{76, 1}, {76, 3}, {300, 2}} {
				ranges, err := d.publisherRanges(ctx, ObservationFilter{}, split.rows)
				if err != nil {
					t.Fatal(err)
				}
				if len(ranges) < 3 {
					t.Errorf("%d ranges of %d figures for 7 publishers of 3 reports, want 3 or more", len(ranges), split.rows)
				}
				var parallel bytes.Buffer
				if err := e.readInParallel(ctx, ranges, split.workers, collect(&parallel)); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(parallel.Bytes(), want.Bytes()) {
					t.Errorf("%+v: %d ranges read by %d workers give %d bytes, database/sql %d", f, len(ranges), split.workers, parallel.Len(), want.Len())
				}
			}
			var all bytes.Buffer
			if err := d.AppendObservations(ctx, f, appendRow, collect(&all)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(all.Bytes(), want.Bytes()) {
				t.Errorf("%+v: AppendObservations gives %d bytes, database/sql %d", f, all.Len(), want.Len())
			}
		}
	}

	// The ranges follow the filter: a year is a part of the figures, and
	// the ranges of a region hold its publishers only.
	count := func(f ObservationFilter) int {
		ranges, err := d.publisherRanges(ctx, f, 300)
		if err != nil {
			t.Fatal(err)
		}
		return len(ranges)
	}
	var inRegion int
	if err := d.read.QueryRow(`SELECT count(*) FROM publishers WHERE admin_code LIKE ? || '%'`, region).Scan(&inRegion); err != nil {
		t.Fatal(err)
	}
	all, year, ofRegion := count(ObservationFilter{}), count(ObservationFilter{Years: YearFilter{List: []int{2021}}}), count(ObservationFilter{Region: region})
	if year >= all || ofRegion > inRegion || year < 1 || ofRegion < 1 {
		t.Errorf("ranges of 300 figures: %d of everything, %d of 2021, %d of region %s (%d publishers)", all, year, ofRegion, region, inRegion)
	}

	stop := errors.New("client gone")
	emitted := 0
	ranges, _ := d.publisherRanges(ctx, ObservationFilter{}, 76)
	e, err := d.newExport(ctx, ObservationFilter{}, appendRow)
	if err != nil {
		t.Fatal(err)
	}
	err = e.readInParallel(ctx, ranges, 3, func([]byte) error {
		emitted++
		return stop
	})
	if !errors.Is(err, stop) || emitted != 1 {
		t.Errorf("a failing write: err %v after %d blocks, want %v after 1", err, emitted, stop)
	}

	// A range that fails to read ends the export with its error, after
	// the ranges before it, while the workers are ahead of the writer.
	query := e.query
	e.query = func(r publisherRange) (string, []any) {
		if r == ranges[2] {
			return "SELECT x FROM nowhere", nil
		}
		return query(r)
	}
	var before bytes.Buffer
	err = e.readInParallel(ctx, ranges, 2, collect(&before))
	if err == nil || !strings.Contains(err.Error(), "no such table: nowhere") || before.Len() == 0 {
		t.Errorf("a range failing: err %v after %d bytes, want SQLite's error after the first two ranges", err, before.Len())
	}
}

// orNil is what p points to, or nil.
func orNil[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestExportPlans: an export of whole reports reads the current reports in
// the default order from reports_current, searched by publisher (and year)
// when publishers, a region or years are given, and each report's rows as
// one range of ids of the table: no observation index read row by row, and
// nothing sorted. An export by indicator reads observations_indicator alone,
// from the range's first publisher; by breakdown, report by report too.
func TestExportPlans(t *testing.T) {
	d := MustOpenDB(t)
	mustStoreSample(t, d)
	for _, tt := range []struct {
		f       ObservationFilter
		reports string
	}{
		{ObservationFilter{}, "SCAN r USING INDEX reports_current"},
		{ObservationFilter{publishers: publisherRange{From: "370403", To: "370500"}}, "SEARCH r USING INDEX reports_current (publisher_id>? AND publisher_id<?)"},
		{ObservationFilter{Years: YearFilter{List: []int{2017}}}, "SEARCH r USING INDEX reports_current (publisher_id=? AND year=?)"},
		{ObservationFilter{Years: YearFilter{From: 2015, To: 2017}, publishers: publisherRange{From: "370403"}},
			"SEARCH r USING INDEX reports_current (publisher_id=? AND year>? AND year<?)"},
		{ObservationFilter{Region: "3704"}, "SEARCH r USING INDEX reports_current (publisher_id=?)"},
		{ObservationFilter{Publishers: []string{"370403", "370402"}, Years: YearFilter{List: []int{2017}}},
			"SEARCH r USING INDEX reports_current (publisher_id=? AND year=?)"},
		{ObservationFilter{Templates: []string{"legacy2014"}}, "SCAN r USING INDEX reports_current"},
	} {
		for _, labelsJoined := range []bool{false, true} {
			f := tt.f
			columns, labels := rawColumns, ""
			if labelsJoined {
				columns, labels = rawColumnsJoined, " LEFT JOIN labels l ON l.id = o.label_id"
			}
			query, args := reportsInOrderOf(f, columns, labels)
			plan := queryPlan(t, d, query, args)
			if !strings.Contains(plan, tt.reports+" | ") || !strings.Contains(plan, "SEARCH o USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)") ||
				strings.Contains(plan, "TEMP B-TREE") || strings.Contains(plan, "SCAN o") {
				t.Errorf("%+v: plan %s\nwant %s, then each report's rows by a range of ids, unsorted", f, plan, tt.reports)
			}
		}
	}
	// A range of an export by indicator reads the covering index alone, in
	// its order (the ids of a publisher's year are put in order in Go); by
	// breakdown, report by report.
	indicator := "SEARCH o USING COVERING INDEX observations_indicator (indicator_id=? AND publisher_id>? AND publisher_id<?)"
	byReports := "SEARCH o USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"
	for _, tt := range []struct {
		f    ObservationFilter
		want string
	}{
		{ObservationFilter{Indicators: []string{"requests.received"}}, indicator},
		{ObservationFilter{Indicators: []string{"requests.received"}, Years: YearFilter{List: []int{2017}}}, indicator},
		{ObservationFilter{Indicators: []string{"requests.received"}, Breakdowns: []string{"total"}}, indicator},
		{ObservationFilter{Breakdowns: []string{"total"}}, byReports},
		{ObservationFilter{Breakdowns: []string{"total"}, Region: "37"}, byReports},
	} {
		e, err := d.newExport(context.Background(), tt.f, nil)
		if err != nil {
			t.Fatal(err)
		}
		query, args := e.query(publisherRange{From: "370403", To: "370500"})
		if plan := queryPlan(t, d, query, args); !strings.Contains(plan, tt.want) || strings.Contains(plan, "SCAN o") ||
			strings.Contains(plan, "TEMP B-TREE") {
			t.Errorf("%+v: plan %s\nwant %s, unsorted", tt.f, plan, tt.want)
		}
	}
}

// TestRawConnErrors: a connection of SQLite's C API names the file it
// cannot open, and a statement that does not prepare gives SQLite's message.
func TestRawConnErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.db")
	if _, err := openRaw(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("opening a missing file: %v, want an error naming it", err)
	}
	d := MustOpenDB(t)
	c, err := openRaw(d.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	if _, err := c.prepare("SELECT x FROM nowhere", nil); err == nil || !strings.Contains(err.Error(), "no such table: nowhere") {
		t.Errorf("a bad statement: %v", err)
	}
	s, err := c.prepare("SELECT ?, ? || 'b', NULL", []any{7, "a"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	if more, err := s.step(); !more || err != nil || s.int64(0) != 7 || s.text(1) != "ab" || !s.null(2) {
		t.Errorf("a row of bound values: %v %v %d %q %v", more, err, s.int64(0), s.text(1), s.null(2))
	}
}
