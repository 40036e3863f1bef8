package db

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/catalog"
	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// TestRawWriterHandle finds the write connection's sqlite3 handle in the
// driver's connection (a new version of modernc.org/sqlite may move it),
// and checks that a report's rows went through it.
func TestRawWriterHandle(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "raw.db")
	d, err := Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	r2019, _ := synthYears(t)
	if _, err := d.IngestReport(ctx, r2019, catalog.MustRules(), StoreOptions{}); err != nil {
		t.Fatal(err)
	}
	w := d.stmts.raw
	if w == nil || w.db == 0 {
		t.Fatal("no sqlite3 handle found in the write connection")
	}
	main, err := libc.CString("main")
	if err != nil {
		t.Fatal(err)
	}
	defer libc.Xfree(w.tls, main)
	if got := libc.GoString(sqlite3.Xsqlite3_db_filename(w.tls, w.db, main)); got != path {
		t.Errorf("the handle's file is %q, want %q", got, path)
	}
	var figures, checks bool
	for q := range w.stmts {
		figures = figures || strings.Contains(q, "INSERT INTO observations")
		checks = checks || strings.Contains(q, "INSERT INTO checks")
	}
	if !figures || !checks {
		t.Errorf("statements prepared on the C API: figures %v, checks %v; want both", figures, checks)
	}
	if n := Count(t, d, "observations", "report_id = 1"); n != len(r2019.Observations) {
		t.Errorf("%d figures stored, want %d", n, len(r2019.Observations))
	}
}

// TestRawWriterBinds binds every kind of value through the C API, in a
// transaction of the write connection, and reads them back through
// database/sql; a failed step returns SQLite's message and leaves the
// statement usable.
func TestRawWriterBinds(t *testing.T) {
	ctx := context.Background()
	d, err := Open(ctx, filepath.Join(t.TempDir(), "raw.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.write.ExecContext(ctx, `CREATE TABLE kinds (n INTEGER, f REAL, s TEXT NOT NULL, b BLOB, z)`); err != nil {
		t.Fatal(err)
	}
	conn, err := d.write.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w := d.stmts.rawWriter(ctx, conn)
	if w == nil {
		t.Fatal("no sqlite3 handle found in the write connection")
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	insert := `INSERT INTO kinds (n, f, s, b, z) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)`
	long := strings.Repeat("长", 40000) // more than the first arena
	if err := w.exec(insert, []any{int64(-7), 2.5, "", []byte{}, nil, 3, -0.25, long, []byte{0, 1, 2}, "z"}); err != nil {
		t.Fatal(err)
	}
	err = w.exec(insert, []any{int64(1), 1.0, nil, nil, nil, int64(2), 2.0, "s", nil, nil})
	if err == nil || !strings.Contains(err.Error(), "NOT NULL constraint failed: kinds.s") {
		t.Errorf("a NULL in a NOT NULL column: %v, want SQLite's message", err)
	}
	if err := w.exec(insert, []any{int64(8), 8.0, "again", nil, nil, int64(9), 9.0, "and again", nil, nil}); err != nil {
		t.Errorf("the statement after a failed step: %v", err)
	}
	if err := w.exec(insert, []any{true}); err == nil {
		t.Error("a bool was bound; want an error naming its type")
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	conn.Close()

	rows, err := d.read.QueryContext(ctx, `SELECT n, f, s, typeof(b), length(b), quote(z) FROM kinds ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var n, blen any
		var f float64
		var s, btype, z string
		if err := rows.Scan(&n, &f, &s, &btype, &blen, &z); err != nil {
			t.Fatal(err)
		}
		if len(s) > 20 {
			s = s[:6] + "…"
			if len(s) != len("长长")+len("…") {
				t.Errorf("long text cut wrong: %q", s)
			}
		}
		got = append(got, strings.Join([]string{fmtAny(n), fmtAny(f), s, btype, fmtAny(blen), z}, " "))
	}
	want := []string{
		"-7 2.5  blob 0 NULL",
		"3 -0.25 长长… blob 3 'z'",
		"8 8 again null <nil> NULL",
		"9 9 and again null <nil> NULL",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows read back:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var length int
	if err := d.read.QueryRowContext(ctx, `SELECT length(s) FROM kinds WHERE n = 3`).Scan(&length); err != nil || length != 40000 {
		t.Errorf("the long text: %d characters, %v; want 40000", length, err)
	}
}

// fmtAny formats a value read back for comparison.
func fmtAny(v any) string { return strings.TrimSpace(fmt.Sprint(v)) }
