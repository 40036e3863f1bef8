package db

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// testNow is the clock of test databases: 8 a.m. in Beijing, midnight UTC.
var testNow = time.Date(2024, 3, 1, 8, 0, 0, 0, time.FixedZone("CST", 8*3600))

// MustOpenDB opens a new database in a file of a temporary directory (not
// :memory:, whose connections would not share data), with its clock set to
// testNow. It is closed when the test ends.
func MustOpenDB(tb testing.TB) *DB {
	tb.Helper()
	d, err := Open(context.Background(), filepath.Join(tb.TempDir(), "gongkai.db"), false)
	if err != nil {
		tb.Fatal(err)
	}
	d.Now = func() time.Time { return testNow }
	tb.Cleanup(func() {
		if err := d.Close(); err != nil {
			tb.Error(err)
		}
	})
	return d
}

// MustExec runs a statement on the write pool, for tests that set up or
// sabotage a database by hand.
func MustExec(tb testing.TB, d *DB, query string, args ...any) {
	tb.Helper()
	if _, err := d.write.ExecContext(context.Background(), query, args...); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
}

// MustQueryRow scans the single row of a query into dest.
func MustQueryRow(tb testing.TB, d *DB, query string, args []any, dest ...any) {
	tb.Helper()
	if err := d.read.QueryRowContext(context.Background(), query, args...).Scan(dest...); err != nil {
		tb.Fatalf("%s: %v", query, err)
	}
}

// Count returns the number of rows of table that match where (SQL; "" for all).
func Count(tb testing.TB, d *DB, table, where string, args ...any) int {
	tb.Helper()
	query := "SELECT count(*) FROM " + table
	if where != "" {
		query += " WHERE " + where
	}
	var n int
	MustQueryRow(tb, d, query, args, &n)
	return n
}

// dataTables are the tables that StoreReport and SyncCatalog write.
var dataTables = []string{"units", "indicators", "publishers", "sources", "reports",
	"sections", "observations", "unplaced", "checks", "meta"}

// Snapshot is what a test compares to show that nothing was written: the row
// count of every data table and the dataset version.
type Snapshot struct {
	Rows    map[string]int
	Version string
}

// TakeSnapshot returns the current Snapshot of d.
func TakeSnapshot(tb testing.TB, d *DB) Snapshot {
	tb.Helper()
	s := Snapshot{Rows: map[string]int{}}
	for _, t := range dataTables {
		s.Rows[t] = Count(tb, d, t, "")
	}
	var err error
	if s.Version, _, err = d.Version(context.Background()); err != nil {
		tb.Fatal(err)
	}
	return s
}

// MustBeUnchanged fails the test if d differs from the snapshot before.
func MustBeUnchanged(tb testing.TB, d *DB, before Snapshot) {
	tb.Helper()
	after := TakeSnapshot(tb, d)
	for _, t := range dataTables {
		if after.Rows[t] != before.Rows[t] {
			tb.Errorf("%s: %d rows, want %d as before", t, after.Rows[t], before.Rows[t])
		}
	}
	if after.Version != before.Version {
		tb.Errorf("version %q, want %q as before", after.Version, before.Version)
	}
}

// Read connections, read-only ones included, read the file through a memory map.
func TestReadsAreMapped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gongkai.db")
	for _, readOnly := range []bool{false, true} {
		d, err := Open(context.Background(), path, readOnly)
		if err != nil {
			t.Fatal(err)
		}
		var size int64
		if err := d.read.QueryRow(`PRAGMA mmap_size`).Scan(&size); err != nil {
			t.Fatal(err)
		}
		if size < 1<<30 {
			t.Errorf("read-only %v: mmap_size %d, want the maximum (2 GB)", readOnly, size)
		}
		d.Close()
	}
}
