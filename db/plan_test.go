package db

import (
	"context"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// TestObservationPlans: every filter and sort of the API reaches the
// observations through an index search, constrained by one of its filters:
// no plan scans the table, and none reads an index whole to test each row
// (at 10 million rows either takes seconds). The only read in index order
// without a constraint is the one without any filter, where there is
// nothing to test: it stops at the page size. These are the plans of a
// database without ANALYZE statistics, as gongkai ingest builds it.
//
// A page in another order than the default sorts the ids of every match
// from index entries alone (a covering index: every index ends with the
// value), then reads its rows by id. The default order may sort the
// entries of one publisher and year by id ("LAST TERM OF ORDER BY"): a
// page still stops at its size.
//
// observations_indicator holds every column of a page (migration 011): one
// indicator over a region or of a publisher reads no row of the table.
func TestObservationPlans(t *testing.T) {
	d := MustOpenDB(t)
	id := mustStoreSample(t, d)
	// 2017 has reports of two templates: a template filter looks reports up.
	other := xuecheng2017(t)
	other.Publisher = gongkai.Publisher{ID: "370402", NameZh: "市中区人民政府", AdminCode: "370402"}
	other.Template = gongkai.Template2019
	mustStore(t, d, other, StoreOptions{})
	after := &ObservationKey{PublisherID: "370403", Year: 2017, ID: 10}
	indicator := []string{"requests.received"}
	byValue := []SortField{{Field: "value", Desc: true}}
	// The questions of issue 10 search with every one of their filters.
	searches := map[string]string{
		"one indicator over a region, all years":    "COVERING INDEX observations_indicator (indicator_id=? AND publisher_id=?)",
		"one publisher's figures for one indicator": "COVERING INDEX observations_indicator (indicator_id=? AND publisher_id=?)",
		"one report's table":                        "observations_publisher_year (publisher_id=? AND year=?)",
		"report":                                    "observations_report (report_id=?)",
		"year":                                      "observations_publisher_year (publisher_id=? AND year=?)",
		"breakdown and indicator":                   "observations_indicator (indicator_id=?)",
	}
	// Broad filters in the default order read it from the index: a page
	// stops at its size instead of sorting every match first.
	inOrder := map[string]bool{"indicator": true, "region": true, "year": true, "years": true, "year range": true,
		"years from": true, "breakdown": true, "template": true, "next page of a year": true}
	for _, tt := range []struct {
		name string
		f    ObservationFilter
	}{
		{"indicator", ObservationFilter{Indicators: indicator}},
		{"indicators", ObservationFilter{Indicators: []string{"requests.received", "requests.answered"}}},
		{"publisher", ObservationFilter{Publishers: []string{"370403"}}},
		{"region", ObservationFilter{Region: "3704"}},
		{"year", ObservationFilter{Years: YearFilter{List: []int{2017}}}},
		{"years", ObservationFilter{Years: YearFilter{List: []int{2015, 2017}}}},
		{"year range", ObservationFilter{Years: YearFilter{From: 2015, To: 2019}}},
		{"years from", ObservationFilter{Years: YearFilter{From: 2015}}},
		{"breakdown", ObservationFilter{Breakdowns: []string{"total"}}},
		{"template", ObservationFilter{Templates: []string{"legacy2014"}}},
		{"report", ObservationFilter{Report: id}},
		{"one indicator over a region, all years", ObservationFilter{Indicators: indicator, Region: "11", Limit: 1000}},
		{"one publisher's figures for one indicator", ObservationFilter{Indicators: indicator, Publishers: []string{"370403"}}},
		{"one report's table", ObservationFilter{Publishers: []string{"370403"}, Years: YearFilter{List: []int{2017}}}},
		{"indicator and year", ObservationFilter{Indicators: indicator, Years: YearFilter{List: []int{2017}}}},
		{"indicator, region and years", ObservationFilter{Indicators: indicator, Region: "3704", Years: YearFilter{From: 2015, To: 2019}}},
		{"breakdown and indicator", ObservationFilter{Indicators: indicator, Breakdowns: []string{"total"}}},
		{"template and year", ObservationFilter{Templates: []string{"legacy2014"}, Years: YearFilter{List: []int{2017}}}},
		{"next page of a year", ObservationFilter{Years: YearFilter{List: []int{2017}}, After: after, Limit: 100}},
		{"next page of an indicator", ObservationFilter{Indicators: indicator, After: after, Limit: 100}},
		{"indicator by value", ObservationFilter{Indicators: indicator, Years: YearFilter{List: []int{2017}}, Sort: byValue, Limit: 10}},
		{"region by value", ObservationFilter{Region: "3704", Sort: byValue, Limit: 10}},
		{"publisher by indicator", ObservationFilter{Publishers: []string{"370403"}, Sort: []SortField{{Field: "indicator"}}}},
		{"year by breakdown", ObservationFilter{Years: YearFilter{List: []int{2017}}, Sort: []SortField{{Field: "breakdown"}}}},
		{"indicator by year, descending", ObservationFilter{Indicators: indicator, Sort: []SortField{{Field: "year", Desc: true}}}},
		{"indicator and year range by value", ObservationFilter{Indicators: indicator, Years: YearFilter{From: 2015, To: 2017}, Sort: byValue, Limit: 100}},
		{"indicator over a region by value", ObservationFilter{Indicators: indicator, Region: "37", Sort: byValue, Limit: 100}},
		{"indicator and breakdown by value", ObservationFilter{Indicators: indicator, Breakdowns: []string{"total"}, Sort: byValue, Limit: 100}},
		{"region and year by value", ObservationFilter{Region: "37", Years: YearFilter{List: []int{2017}}, Sort: byValue, Limit: 100}},
		{"publisher by value", ObservationFilter{Publishers: []string{"370403"}, Sort: byValue, Limit: 100}},
		{"breakdown and year by value", ObservationFilter{Breakdowns: []string{"total"}, Years: YearFilter{From: 2016}, Sort: byValue, Limit: 100}},
		{"template and indicator by value", ObservationFilter{Templates: []string{"legacy2014"}, Indicators: indicator, Sort: byValue, Limit: 100}},
		{"template and region by value", ObservationFilter{Templates: []string{"legacy2014"}, Region: "3704", Sort: byValue, Limit: 100}},
		{"next page by value", ObservationFilter{Indicators: indicator, Years: YearFilter{From: 2015}, Sort: byValue, Limit: 100,
			After: &ObservationKey{Value: ptr(13.0), ID: 10}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			query, args, err := d.observationQuery(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			plan := mustSearch(t, d, query, args)
			if want := searches[tt.name]; !strings.Contains(plan, want) {
				t.Errorf("plan: %s\nwant a search of %s", plan, want)
			}
			if inOrder[tt.name] && strings.Contains(plan, "TEMP B-TREE FOR ORDER BY") {
				t.Errorf("plan: %s\nsorts every match", plan)
			}
			if tt.f.Sort != nil && tt.f.Limit > 0 && !strings.Contains(plan, "SEARCH o USING COVERING INDEX observations_") {
				t.Errorf("plan: %s\nsorts rows, not index entries", plan)
			}
			w, err := d.observationWhere(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			mustSearch(t, d, `SELECT count(*) FROM observations o`+w.String(), w.args)
		})
	}
	for _, tt := range []struct {
		name string
		f    SeriesFilter
	}{
		{"series of publishers", SeriesFilter{Indicator: indicator[0], Publishers: []string{"370403"}}},
		{"series of a region", SeriesFilter{Indicator: indicator[0], Region: "3704", Years: YearFilter{From: 2015}}},
		{"series of everyone", SeriesFilter{Indicator: indicator[0]}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			query, args := seriesQuery(tt.f, "total")
			if plan := mustSearch(t, d, query, args); !strings.Contains(plan, "observations_indicator (indicator_id=?") {
				t.Errorf("plan: %s\nwant a search of observations_indicator", plan)
			}
		})
	}
	t.Run("no filter reads in index order", func(t *testing.T) {
		for _, f := range []ObservationFilter{{Limit: 100}, {Limit: 100, After: after}} {
			query, args, err := d.observationQuery(context.Background(), f)
			if err != nil {
				t.Fatal(err)
			}
			plan := queryPlan(t, d, query, args)
			if !strings.Contains(plan, " o USING INDEX observations_publisher_year") || strings.Contains(plan, "TEMP B-TREE FOR ORDER BY") {
				t.Errorf("plan: %s", plan)
			}
		}
	})
}

// mustSearch fails unless every step of the query's plan that reads the
// observations searches an index with a constraint, and returns the plan.
func mustSearch(t *testing.T, d *DB, query string, args []any) string {
	t.Helper()
	plan := queryPlan(t, d, query, args)
	for step := range strings.SplitSeq(plan, " | ") {
		reads := strings.HasPrefix(step, "SCAN o") || strings.HasPrefix(step, "SEARCH o ") ||
			strings.Contains(step, " observations")
		searches := strings.HasPrefix(step, "SEARCH o USING ") && strings.Contains(step, "INDEX observations_") &&
			strings.Contains(step, "(")
		// The rows of a sorted page, read by id after the sort (observationQuery).
		byID := step == "SEARCH o USING INTEGER PRIMARY KEY (rowid=?)"
		if reads && !searches && !byID {
			t.Errorf("reads observations without searching an index: %s\nplan: %s\nquery: %s", step, plan, query)
		}
	}
	t.Logf("%s", plan)
	return plan
}

// queryPlan returns the steps of EXPLAIN QUERY PLAN, separated by " | ".
func queryPlan(t *testing.T, d *DB, query string, args []any) string {
	t.Helper()
	rows, err := d.read.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, " | ")
}

// TestReportCountPlans: a count of reports by years and templates reads the
// summaries; one by publisher or region searches the current reports.
func TestReportCountPlans(t *testing.T) {
	d := MustOpenDB(t)
	mustStoreSample(t, d)
	for _, tt := range []struct {
		f    ReportFilter
		want string
	}{
		{ReportFilter{Years: YearFilter{List: []int{2017}}}, "summary_years"},
		{ReportFilter{Templates: []string{"legacy2014"}, Years: YearFilter{From: 2015}}, "summary_years"},
		{ReportFilter{Publishers: []string{"370403"}}, "SEARCH r USING INDEX reports_current (publisher_id=?)"},
		{ReportFilter{Region: "3704", Years: YearFilter{List: []int{2017}}}, "SEARCH r USING INDEX reports_current (publisher_id=? AND year=?)"},
	} {
		query, args, err := d.countReportsQuery(context.Background(), tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if plan := queryPlan(t, d, query, args); !strings.Contains(plan, tt.want) || strings.Contains(plan, "SCAN r") {
			t.Errorf("%+v: plan %s, want %s", tt.f, plan, tt.want)
		}
	}
}

// TestProvinceRecountPlan: counting summary_provinces again after a bulk
// load reads the figures from the covering observations_indicator in its
// order (no row of the table, no sort of every figure): only the counts
// by publisher are sorted.
func TestProvinceRecountPlan(t *testing.T) {
	d := MustOpenDB(t)
	mustStoreSample(t, d)
	plan := queryPlan(t, d, provincesFromObservations, nil)
	if !strings.Contains(plan, "SCAN observations USING COVERING INDEX observations_indicator") ||
		strings.Count(plan, "TEMP B-TREE") != 1 {
		t.Errorf("plan %s, want the covering index read in its order and one sort", plan)
	}
}
