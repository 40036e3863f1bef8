package db

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/check"
	"github.com/gongkai/gongkai/ingest"
	"github.com/gongkai/gongkai/samples"
)

// seedReport returns the sample report 薛城区 2017 as the parser reads it,
// with its checks run.
func seedReport(tb testing.TB) *gongkai.Report {
	tb.Helper()
	b, err := samples.FS.ReadFile("xuecheng-2017.txt")
	if err != nil {
		tb.Fatal(err)
	}
	r, err := ingest.Parse("xuecheng-2017.txt", b)
	if err != nil {
		tb.Fatal(err)
	}
	check.Apply(r, catalog.MustRules(), nil)
	return r
}

// mustStoreChecked stores r with its checks, as StoreReport does once it
// calls insertChecks; until then the checks are inserted here.
func mustStoreChecked(tb testing.TB, d *DB, r *gongkai.Report, opt StoreOptions) Outcome {
	tb.Helper()
	out := mustStore(tb, d, r, opt)
	if Count(tb, d, "checks", "report_id = ?", out.ReportID) > 0 {
		return out
	}
	ctx := context.Background()
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	if err := insertChecks(ctx, tx, out.ReportID, r.Publisher.ID, r.Year, r.Checks); err != nil {
		tb.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
	return out
}

func TestReportChecks(t *testing.T) {
	d := MustOpenDB(t)
	r := seedReport(t)
	out := mustStoreChecked(t, d, r, StoreOptions{})

	rows, err := d.ReportChecks(context.Background(), out.ReportID)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]gongkai.Check, len(rows))
	for i, row := range rows {
		got[i] = row.Check
		if row.ReportID != out.ReportID || row.PublisherID != "370403" || row.PublisherNameZh != "薛城区人民政府" || row.Year != 2017 {
			t.Errorf("check %d: report %d, publisher %s %s, year %d", i, row.ReportID, row.PublisherID, row.PublisherNameZh, row.Year)
		}
	}
	if !reflect.DeepEqual(got, r.Checks) {
		t.Errorf("stored checks differ from those run:\n got %+v\nwant %+v", got, r.Checks)
	}

	t.Run("the flags of the contradicted figures are stored", func(t *testing.T) {
		var flags string
		MustQueryRow(t, d, `SELECT flags FROM observations WHERE report_id = ? AND indicator_id = (SELECT id FROM indicators WHERE code = 'requests.received')`,
			[]any{out.ReportID}, &flags)
		if flags != `["check_failed"]` {
			t.Errorf("flags %s", flags)
		}
	})
	t.Run("no such report", func(t *testing.T) {
		_, err := d.ReportChecks(context.Background(), out.ReportID+1)
		if gongkai.ErrorCode(err) != gongkai.ENOTFOUND {
			t.Errorf("error %v, want not found", err)
		}
	})
}

func TestListChecks(t *testing.T) {
	d := MustOpenDB(t)
	r := seedReport(t)
	out := mustStoreChecked(t, d, r, StoreOptions{})
	ctx := context.Background()

	for _, tt := range []struct {
		name  string
		f     CheckFilter
		rules []string // the rules of the rows, in order
	}{
		{"every report failing the channel rule",
			CheckFilter{Rules: []string{"legacy.proactive.channels.at_least"}, Statuses: []string{"fail"}},
			[]string{"legacy.proactive.channels.at_least"}},
		{"every failure",
			CheckFilter{Statuses: []string{"fail"}},
			[]string{"legacy.proactive.channels.at_least", "legacy.responses.channels.at_least", "narrative.requests.received"}},
		{"failing errors", CheckFilter{Statuses: []string{"fail"}, Severities: []string{"error"}}, nil},
		{"a publisher's failing warnings in 2017",
			CheckFilter{Publishers: []string{"370403"}, Years: YearFilter{List: []int{2017}}, Statuses: []string{"fail"}, Severities: []string{"warning"}},
			[]string{"legacy.proactive.channels.at_least", "legacy.responses.channels.at_least", "narrative.requests.received"}},
		{"another year", CheckFilter{Years: YearFilter{From: 2018, To: 2020}}, nil},
		{"the failures of 枣庄市", CheckFilter{Region: "3704", Statuses: []string{"fail"}},
			[]string{"legacy.proactive.channels.at_least", "legacy.responses.channels.at_least", "narrative.requests.received"}},
		{"another region", CheckFilter{Region: "3705"}, nil},
		{"one report, two rules",
			CheckFilter{Report: out.ReportID, Rules: []string{"narrative.proactive.channels.website", "legacy.requests.received.sum"}},
			[]string{"legacy.requests.received.sum", "narrative.proactive.channels.website"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rows, err := d.ListChecks(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, row := range rows {
				got = append(got, row.Rule)
				if row.PublisherNameZh != "薛城区人民政府" || row.Year != 2017 || row.ReportID != out.ReportID {
					t.Errorf("row %+v", row)
				}
			}
			if !reflect.DeepEqual(got, tt.rules) {
				t.Errorf("rules %v, want %v", got, tt.rules)
			}
			n, err := d.CountChecks(ctx, tt.f)
			if err != nil || n != len(tt.rules) {
				t.Errorf("CountChecks = %d, %v; want %d", n, err, len(tt.rules))
			}
		})
	}

	t.Run("the narrative's sentence and the values", func(t *testing.T) {
		rows, err := d.ListChecks(ctx, CheckFilter{Rules: []string{"narrative.requests.received"}})
		if err != nil || len(rows) != 1 {
			t.Fatalf("%v, %v", rows, err)
		}
		c := rows[0]
		if *c.Expected != 13 || *c.Actual != 16 || c.Severity != "warning" || c.Status != "fail" ||
			!strings.Contains(c.Evidence, "申请16件") || !reflect.DeepEqual(c.Indicators, []string{"requests.received"}) {
			t.Errorf("%+v", c)
		}
	})

	t.Run("pages", func(t *testing.T) {
		all, err := d.ListChecks(ctx, CheckFilter{})
		if err != nil {
			t.Fatal(err)
		}
		var paged []CheckRow
		f := CheckFilter{Limit: 7}
		for {
			page, err := d.ListChecks(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			paged = append(paged, page...)
			f.After = page[len(page)-1].ID
		}
		if len(all) != len(r.Checks) || !reflect.DeepEqual(paged, all) {
			t.Errorf("%d checks in pages, %d at once, %d run", len(paged), len(all), len(r.Checks))
		}
	})

	t.Run("the checks of a replaced report are not listed", func(t *testing.T) {
		next := corrected(r)
		next.Checks = check.Run(next, catalog.MustRules(), nil)
		out2 := mustStoreChecked(t, d, next, StoreOptions{Replace: true})
		rows, err := d.ListChecks(ctx, CheckFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows {
			if row.ReportID != out2.ReportID {
				t.Fatalf("check %d of report %d listed", row.ID, row.ReportID)
			}
		}
		if len(rows) != len(next.Checks) {
			t.Errorf("%d checks listed, want %d", len(rows), len(next.Checks))
		}
		if _, err := d.ReportChecks(ctx, out.ReportID); gongkai.ErrorCode(err) != gongkai.ENOTFOUND {
			t.Errorf("checks of the replaced report: %v, want not found", err)
		}
	})
}

func TestListChecksInvalid(t *testing.T) {
	d := MustOpenDB(t)
	for _, tt := range []struct {
		f     CheckFilter
		param string
	}{
		{CheckFilter{Rules: []string{"legacy.requests.recieved.sum"}}, "rule"},
		{CheckFilter{Statuses: []string{"failed"}}, "status"},
		{CheckFilter{Severities: []string{"fatal"}}, "severity"},
		{CheckFilter{Publishers: []string{"999999"}}, "publisher"},
	} {
		_, err := d.ListChecks(context.Background(), tt.f)
		var e *gongkai.Error
		if !errors.As(err, &e) || e.Code != gongkai.EINVALID || e.Param != tt.param {
			t.Errorf("%+v: error %v, want invalid %s", tt.f, err, tt.param)
		}
	}
}

// Every filter of /v1/checks reads checks through an index.
func TestCheckQueriesUseIndexes(t *testing.T) {
	d := MustOpenDB(t)
	out := mustStoreChecked(t, d, seedReport(t), StoreOptions{})
	for _, tt := range []struct {
		name string
		f    CheckFilter
	}{
		{"rule", CheckFilter{Rules: []string{"legacy.requests.received.sum"}}},
		{"rule failing", CheckFilter{Rules: []string{"legacy.requests.received.sum"}, Statuses: []string{"fail"}, Limit: 50}},
		{"failing errors", CheckFilter{Statuses: []string{"fail"}, Severities: []string{"error"}, Limit: 50, After: 10}},
		{"publisher", CheckFilter{Publishers: []string{"370403"}}},
		{"publisher and year", CheckFilter{Publishers: []string{"370403"}, Years: YearFilter{List: []int{2017}}}},
		{"years", CheckFilter{Years: YearFilter{From: 2015, To: 2019}}},
		{"region", CheckFilter{Region: "3704"}},
		{"region failing", CheckFilter{Region: "37", Rules: []string{"legacy.requests.received.sum"}, Statuses: []string{"fail"}}},
		{"report", CheckFilter{Report: out.ReportID}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			query, args, err := d.checkQuery(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			joined := queryPlan(t, d, query, args)
			t.Logf("%s", joined)
			if !strings.Contains(joined, "SEARCH c USING INDEX checks_") || strings.Contains(joined, "SCAN") {
				t.Errorf("plan: %s", joined)
			}
		})
	}
}

func TestPreviousReport(t *testing.T) {
	d := MustOpenDB(t)
	mustStoreChecked(t, d, seedReport(t), StoreOptions{})
	ctx := context.Background()
	prev, err := d.PreviousReport(ctx, "370403", 2018)
	if err != nil || prev == nil {
		t.Fatalf("%v, %v", prev, err)
	}
	if prev.Year != 2017 || prev.Template != gongkai.TemplateLegacy || len(prev.Observations) != 76 {
		t.Errorf("year %d, template %s, %d observations", prev.Year, prev.Template, len(prev.Observations))
	}
	if prev, err := d.PreviousReport(ctx, "370403", 2019); prev != nil || err != nil {
		t.Errorf("2018: %v, %v; want none", prev, err)
	}
}
