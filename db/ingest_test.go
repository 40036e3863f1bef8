package db

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest"
	"github.com/gongkai/gongkai/synth"
)

// synthYears returns the synthetic reports of one publisher for 2019 and
// 2020 (the 2019 form), parsed.
func synthYears(tb testing.TB) (r2019, r2020 *gongkai.Report) {
	tb.Helper()
	c, err := synth.New(synth.Options{Reports: synth.LastYear - synth.FirstYear + 1, Seed: 3})
	if err != nil {
		tb.Fatal(err)
	}
	parse := func(year int) *gongkai.Report {
		s, err := c.Report(year - synth.FirstYear)
		if err != nil {
			tb.Fatal(err)
		}
		r, err := ingest.Parse(s.Name, s.Data)
		if err != nil {
			tb.Fatal(err)
		}
		return r
	}
	return parse(2019), parse(2020)
}

// acrossYears returns the status of the checks of report id against the
// year before, by rule and breakdown.
func acrossYears(tb testing.TB, d *DB, id int64) map[string]string {
	tb.Helper()
	rows, err := d.ListChecks(context.Background(), CheckFilter{Report: id})
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]string{}
	for _, c := range rows {
		if strings.Contains(c.Rule, "previous_year") {
			out[c.Rule+" "+c.Breakdown] = c.Status
		}
	}
	return out
}

// TestIngestRechecksTheYearAfter stores 2020 before 2019: 2020's checks
// against the year before are skipped, then run when 2019 comes.
func TestIngestRechecksTheYearAfter(t *testing.T) {
	d := MustOpenDB(t)
	ctx := context.Background()
	r2019, r2020 := synthYears(t)
	out2020, err := d.IngestReport(ctx, r2020, catalog.MustRules(), StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	before := acrossYears(t, d, out2020.ReportID)
	if len(before) == 0 {
		t.Fatal("no checks across years stored for 2020")
	}
	for k, status := range before {
		if status != "skipped" {
			t.Errorf("2020 alone: %s is %s, want skipped", k, status)
		}
	}
	version, _, _ := d.Version(ctx)
	if _, err := d.IngestReport(ctx, r2019, catalog.MustRules(), StoreOptions{}); err != nil {
		t.Fatal(err)
	}
	after := acrossYears(t, d, out2020.ReportID)
	for k, status := range after {
		if status == "skipped" {
			t.Errorf("after 2019 is stored, 2020's %s is still skipped", k)
		}
	}
	if after["form.requests.carried_over.previous_year total"] == "" {
		t.Errorf("after 2019 is stored, 2020's checks across years are %v", after)
	}
	next, _, _ := d.Version(ctx)
	if next == version {
		t.Errorf("version %s unchanged by the ingest", next)
	}
}

// TestIngestIsAllOrNothing makes the re-check of the year after fail: the
// report whose storing caused it is not stored either, and the database is
// as it was; once the failure is gone the same report is stored whole.
func TestIngestIsAllOrNothing(t *testing.T) {
	d := MustOpenDB(t)
	ctx := context.Background()
	r2019, r2020 := synthYears(t)
	out2020, err := d.IngestReport(ctx, r2020, catalog.MustRules(), StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	MustExec(t, d, fmt.Sprintf(`CREATE TRIGGER sabotage BEFORE INSERT ON checks
		WHEN NEW.report_id = %d BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`, out2020.ReportID))
	snap := TakeSnapshot(t, d)
	if _, err := d.IngestReport(ctx, r2019, catalog.MustRules(), StoreOptions{}); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("error %v, want the trigger's", err)
	}
	MustBeUnchanged(t, d, snap)
	if n := Count(t, d, "reports", "year = 2019"); n != 0 {
		t.Errorf("%d reports of 2019 stored, want none", n)
	}

	MustExec(t, d, `DROP TRIGGER sabotage`)
	out, err := d.IngestReport(ctx, r2019, catalog.MustRules(), StoreOptions{})
	if err != nil || out.Status != StatusStored {
		t.Fatalf("second try: %+v, %v", out, err)
	}
	if s := acrossYears(t, d, out2020.ReportID)["form.requests.carried_over.previous_year total"]; s == "skipped" || s == "" {
		t.Errorf("2020 re-checked: carried over is %q", s)
	}
}

// TestIngestSeesAnotherWriter: the writer remembers what it stored (the
// figures for the checks of the year after, the dataset version); when
// another process writes the same file, it goes on from what that process
// wrote, not from what it remembers.
func TestIngestSeesAnotherWriter(t *testing.T) {
	d := MustOpenDB(t)
	ctx := context.Background()
	r2019, r2020 := synthYears(t)
	if _, err := d.IngestReport(ctx, r2019, catalog.MustRules(), StoreOptions{}); err != nil {
		t.Fatal(err)
	}

	other, err := Open(ctx, d.Path, false)
	if err != nil {
		t.Fatal(err)
	}
	changed, _ := synthYears(t)
	var forward *float64
	for i, o := range changed.Observations {
		if o.Indicator == "requests.carried_forward" && (o.Breakdown == "" || o.Breakdown == gongkai.BreakdownTotal) && o.Value != nil {
			forward = ptr(*o.Value + 1000)
			changed.Observations[i].Value = forward
		}
	}
	if forward == nil {
		t.Fatal("2019 has no total of requests carried forward")
	}
	withSource(changed, append(changed.Source, "\n(corrected)"...))
	if _, err := other.IngestReport(ctx, changed, catalog.MustRules(), StoreOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	if err := other.Close(); err != nil {
		t.Fatal(err)
	}
	otherVersion, _, _ := d.Version(ctx)

	out, err := d.IngestReport(ctx, r2020, catalog.MustRules(), StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	version, _, _ := d.Version(ctx)
	if counter(t, version) != counter(t, otherVersion)+1 {
		t.Errorf("version %s after the other writer's %s, want the next", version, otherVersion)
	}
	rows, err := d.ListChecks(ctx, CheckFilter{Report: out.ReportID, Rules: []string{"form.requests.carried_over.previous_year"}})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range rows {
		if c.Breakdown != gongkai.BreakdownTotal {
			continue
		}
		found = true
		if c.Actual == nil || *c.Actual != *forward { // Actual: the parts, of the year before
			t.Errorf("2020 checked against carried forward %v, want the other writer's %v", fmtValue(c.Actual), *forward)
		}
	}
	if !found {
		t.Errorf("no check of the total carried over in %+v", rows)
	}
}

func fmtValue(v *float64) string {
	if v == nil {
		return "none"
	}
	return fmt.Sprint(*v)
}

// counter is the counter of a dataset version.
func counter(tb testing.TB, version string) int {
	tb.Helper()
	n, _, _ := strings.Cut(version, "-")
	i, err := strconv.Atoi(n)
	if err != nil {
		tb.Fatalf("version %q: %v", version, err)
	}
	return i
}
