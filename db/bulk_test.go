package db

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
)

// indexSQL returns the statements of the indexes of the observations,
// checks and reports, by name.
func indexSQL(tb testing.TB, d *DB) map[string]string {
	tb.Helper()
	rows, err := namedSQL(context.Background(), d.read, `SELECT name, sql FROM sqlite_master
		WHERE type = 'index' AND tbl_name IN ('observations', 'checks', 'reports') AND sql IS NOT NULL`)
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows {
		out[r.name] = r.sql
	}
	return out
}

// TestBulkLoadKilled defers the indexes, stores reports and stops without
// building them, as a killed ingest would: the figures answer queries in
// between, and the next writable open builds every index again.
func TestBulkLoadKilled(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bulk.db")
	d, err := Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	before := indexSQL(t, d)
	n, err := d.DeferIndexes(ctx)
	if err != nil || n == 0 {
		t.Fatalf("DeferIndexes: %d, %v", n, err)
	}
	during := indexSQL(t, d)
	if len(during) != len(before)-n || during["observations_report"] == "" || during["checks_report"] == "" || during["reports_current"] == "" {
		t.Errorf("indexes left during the load: %v", during)
	}
	r2019, r2020 := synthYears(t)
	for _, r := range []*gongkai.Report{r2019, r2020} {
		if _, err := d.IngestReport(ctx, r, catalog.MustRules(), StoreOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	obs, err := d.FindObservations(ctx, ObservationFilter{Indicators: []string{"requests.received"}, Breakdowns: []string{"total"}})
	if err != nil || len(obs) != 2 {
		t.Fatalf("requests.received without indexes: %d rows, %v", len(obs), err)
	}
	if hits := searchTexts(t, d); len(hits) != 0 {
		t.Errorf("search finds %d texts of the reports stored while it is deferred, want none yet", len(hits))
	}

	d.Close() // killed: nothing built
	d2, err := Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Close()
	after := indexSQL(t, d2)
	for name, sql := range before {
		if after[name] != sql {
			t.Errorf("index %s after the reopen: %q, want %q", name, after[name], sql)
		}
	}
	if n := Count(t, d2, "deferred_indexes", ""); n != 0 {
		t.Errorf("%d indexes still deferred", n)
	}
	if _, err := d2.RestoreIndexes(ctx); err != nil {
		t.Errorf("RestoreIndexes with nothing deferred: %v", err)
	}

	// The search index built after the load is the one built report by report.
	one := MustOpenDB(t)
	for _, r := range []*gongkai.Report{r2019, r2020} {
		if _, err := one.IngestReport(ctx, r, catalog.MustRules(), StoreOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	want := searchTexts(t, one)
	if len(want) < 4 {
		t.Fatalf("search finds %d texts of two reports, want their titles and sections", len(want))
	}
	if got := searchTexts(t, d2); !reflect.DeepEqual(got, want) {
		t.Errorf("search after the load:\n%+v\nwant, as stored report by report:\n%+v", got, want)
	}
}

// searchTexts returns the hits among the reports' titles and sections of
// a word every synth report prints.
func searchTexts(tb testing.TB, d *DB) []SearchHit {
	tb.Helper()
	page, err := d.Search(context.Background(), SearchFilter{Q: "信息", Kinds: []string{KindReport, KindSection}, Limit: MaxSearchLimit})
	if err != nil {
		tb.Fatal(err)
	}
	return page.Hits
}

// TestBulkLoadKeepsReferences: a bulk load writes without SQLite's
// foreign-key lookups, and what it stores still refers only to rows that
// exist: an unknown indicator code is refused by name with nothing
// stored, PRAGMA foreign_key_check finds no broken reference, and the
// lookups are on again once the indexes are built.
func TestBulkLoadKeepsReferences(t *testing.T) {
	ctx := context.Background()
	d := MustOpenDB(t)
	if _, err := d.DeferIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	if on := foreignKeys(t, d); on {
		t.Fatal("foreign keys are checked during the bulk load; the load was to skip the lookups")
	}
	r2019, r2020 := synthYears(t)
	bad := *r2019
	bad.Observations = slices.Clone(r2019.Observations)
	bad.Observations[2].Indicator = "requests.recieved"
	if _, err := d.IngestReport(ctx, &bad, catalog.MustRules(), StoreOptions{}); err == nil || !strings.Contains(err.Error(), "requests.recieved") {
		t.Fatalf("an unknown indicator code in a bulk load: %v, want it refused by name", err)
	}
	if n := Count(t, d, "reports", ""); n != 0 {
		t.Fatalf("%d reports stored after the refusal, want none", n)
	}
	for _, r := range []*gongkai.Report{r2019, r2020} {
		if _, err := d.IngestReport(ctx, r, catalog.MustRules(), StoreOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := d.RestoreIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	if !foreignKeys(t, d) {
		t.Error("foreign keys are still off after the indexes were built")
	}
	rows, err := d.write.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, parent string
		var rowid, fk sql.NullInt64
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			t.Fatal(err)
		}
		t.Errorf("%s row %d refers to a missing row of %s", table, rowid.Int64, parent)
	}
	if n := Count(t, d, "observations", ""); n != len(r2019.Observations)+len(r2020.Observations) {
		t.Errorf("%d figures stored, want %d", n, len(r2019.Observations)+len(r2020.Observations))
	}
}

// foreignKeys reports whether the write connection checks foreign keys.
func foreignKeys(tb testing.TB, d *DB) bool {
	tb.Helper()
	var on bool
	if err := d.write.QueryRowContext(context.Background(), `PRAGMA foreign_keys`).Scan(&on); err != nil {
		tb.Fatal(err)
	}
	return on
}

// provinceStores is a sequence of stores that changes every kind of count
// of summary_provinces: the sample report, its replacement with fewer
// figures, and the next year's report after its publisher moved to
// another province.
func provinceStores(t *testing.T) []struct {
	r   *gongkai.Report
	opt StoreOptions
} {
	t.Helper()
	sample := sampleReport(t, func(*gongkai.Report) {})
	replacement := sampleReport(t, func(r *gongkai.Report) {
		r.Source = append(r.Source, '\n')
		r.Observations = r.Observations[:70]
	})
	moved := sampleReport(t, func(r *gongkai.Report) {
		r.Year = 2018
		r.Source = append(r.Source, '\n', '\n')
		r.Publisher.AdminCode = "110105"
	})
	return []struct {
		r   *gongkai.Report
		opt StoreOptions
	}{{sample, StoreOptions{}}, {replacement, StoreOptions{Replace: true}}, {moved, StoreOptions{}}}
}

// provinceRows returns summary_provinces, a line a row, in key order.
func provinceRows(t *testing.T, d *DB) []string {
	t.Helper()
	rows, err := d.read.QueryContext(context.Background(), `
		SELECT province || ' ' || year || ' ' || indicator_id || ' ' || observations FROM summary_provinces
		WHERE observations <> 0 ORDER BY province, year, indicator_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// provinceTotals are the totals of the filters that summary_provinces
// counts, with the figures each should find in provinceStores: the
// publisher's move takes its figures of every year to province 11.
var provinceTotals = []struct {
	name string
	f    ObservationFilter
	want int
}{
	{"requests.received", ObservationFilter{Indicators: []string{"requests.received"}}, 2},
	{"requests.received in 37", ObservationFilter{Indicators: []string{"requests.received"}, Region: "37"}, 0},
	{"two indicators in 1, 2018", ObservationFilter{Indicators: []string{"requests.received", "requests.completed"}, Region: "1",
		Years: YearFilter{List: []int{2018}}}, 2},
	{"region 37", ObservationFilter{Region: "37"}, 0},
	{"region 11 to 2017", ObservationFilter{Region: "11", Years: YearFilter{To: 2017}}, 70},
	{"region 11", ObservationFilter{Region: "11"}, 146},
}

// checkProvinceTotals asserts the totals of provinceTotals.
func checkProvinceTotals(t *testing.T, d *DB, stage string) {
	t.Helper()
	for _, tt := range provinceTotals {
		if !tt.f.provinceCountable() {
			t.Fatalf("%s: not counted from the provinces", tt.name)
		}
		n, err := d.CountObservations(context.Background(), tt.f)
		if err != nil {
			t.Fatal(err)
		}
		if n != (Total{N: tt.want}) {
			t.Errorf("%s, %s: %+v, want %d", stage, tt.name, n, tt.want)
		}
	}
}

// TestBulkLoadCountsProvincesAtTheEnd: a bulk load keeps summary_provinces
// stale instead of counting each report; the totals answer the same while
// it is stale (counted from the figures), and the summary counted again
// at the end, or by the next open after a load killed before its end, is
// the one kept report by report.
func TestBulkLoadCountsProvincesAtTheEnd(t *testing.T) {
	ctx := context.Background()
	kept := MustOpenDB(t)
	for _, s := range provinceStores(t) {
		if _, err := kept.StoreReport(ctx, s.r, s.opt); err != nil {
			t.Fatal(err)
		}
	}
	want := provinceRows(t, kept)
	if len(want) == 0 {
		t.Fatal("no province counts kept report by report")
	}
	checkProvinceTotals(t, kept, "kept report by report")

	for _, killed := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "bulk.db")
		d, err := Open(ctx, path, false)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.DeferIndexes(ctx); err != nil {
			t.Fatal(err)
		}
		for _, s := range provinceStores(t) {
			if _, err := d.StoreReport(ctx, s.r, s.opt); err != nil {
				t.Fatal(err)
			}
		}
		if rows := provinceRows(t, d); len(rows) != 0 {
			t.Errorf("killed %v: summary_provinces kept during the bulk load: %v", killed, rows)
		}
		checkProvinceTotals(t, d, "stale, during the bulk load")
		if killed {
			d.Close()
			if d, err = Open(ctx, path, false); err != nil {
				t.Fatal(err)
			}
		} else if _, err := d.RestoreIndexes(ctx); err != nil {
			t.Fatal(err)
		}
		if got := provinceRows(t, d); !slices.Equal(got, want) {
			t.Errorf("killed %v: summary_provinces counted at the end:\n%v\nwant, as kept report by report:\n%v", killed, got, want)
		}
		if n := Count(t, d, "meta", "key = ?", metaProvincesStale); n != 0 {
			t.Errorf("killed %v: the summary is still marked stale", killed)
		}
		checkProvinceTotals(t, d, "counted at the end")
		d.Close()
	}
}
