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
