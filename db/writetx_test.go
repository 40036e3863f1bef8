package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// A transaction of the writer ended by its context midway is rolled back,
// and the writer goes on with the next report on a sound connection.
func TestWriterCancelledMidway(t *testing.T) {
	d := MustOpenDB(t)
	snap := TakeSnapshot(t, d)
	ctx, cancel := context.WithCancel(context.Background())
	tx, err := d.beginWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('half', 'written')`); err != nil {
		t.Fatal(err)
	}
	cancel()
	if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('never', 'written')`); !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	tx.end()
	MustBeUnchanged(t, d, snap)

	out := mustStore(t, d, xuecheng2017(t), StoreOptions{})
	if n := Count(t, d, "observations", "report_id = ?", out.ReportID); n != 5 {
		t.Errorf("observations of the report stored after = %d, want 5", n)
	}
	if n := Count(t, d, "meta", "key IN ('half', 'never')"); n != 0 {
		t.Errorf("%d meta keys of the cancelled transaction stored, want none", n)
	}
}

// The writer binds the values of database/sql's conversions (an int, a
// named integer type) and refuses others, naming the argument.
func TestWriterArguments(t *testing.T) {
	d := MustOpenDB(t)
	ctx := context.Background()
	type year int32
	tx, err := d.beginWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.end()
	if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)`, "int", 2019); err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)`, "year", year(2020)); err != nil {
		t.Fatal(err)
	}
	var got string
	if err := tx.QueryRowContext(ctx, `SELECT group_concat(value, ' ') FROM (SELECT value FROM meta WHERE key IN ('int', 'year') ORDER BY key)`).Scan(&got); err != nil {
		t.Fatal(err)
	}
	if got != "2019 2020" {
		t.Errorf("values read back %q, want 2019 2020", got)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)`, "struct", struct{ n int }{1})
	if err == nil || !strings.Contains(err.Error(), "argument 2") {
		t.Errorf("error %v, want one naming argument 2", err)
	}
}

// The writer's queries read their rows from the driver as database/sql
// would: integers, texts, numbers and NULL, and refuse a destination of
// the wrong type, naming the column.
func TestWriterQueryRows(t *testing.T) {
	d := MustOpenDB(t)
	ctx := context.Background()
	tx, err := d.beginWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.end()
	const query = `SELECT * FROM (VALUES (1, 'one', 1.5, NULL), (2, 'two', 3, 4.25)) WHERE column1 >= ?`
	var got []string
	for range 2 { // the second time from the statement prepared the first
		got = got[:0]
		rows, err := queryRows(ctx, tx, query, 1)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var n int
			var s string
			var f float64
			var nf sql.NullFloat64
			if err := rows.Scan(&n, &s, &f, &nf); err != nil {
				t.Fatal(err)
			}
			got = append(got, fmt.Sprintln(n, s, f, nf.Valid, nf.Float64))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		if want := "1 one 1.5 false 0\n|2 two 3 true 4.25\n"; strings.Join(got, "|") != want {
			t.Errorf("rows %q, want %q", strings.Join(got, "|"), want)
		}
	}
	var one string
	if err := queryRow(ctx, tx, query, []any{3}, &one); !errors.Is(err, sql.ErrNoRows) {
		t.Errorf("a row of none: error %v, want sql.ErrNoRows", err)
	}
	if err := queryRow(ctx, tx, `SELECT column2 FROM (`+query+`)`, []any{2}, &one); err != nil || one != "two" {
		t.Errorf("a row: %q, %v, want two", one, err)
	}

	rows, err := queryRows(ctx, tx, query, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var n, s, f, nf int64
	if !rows.Next() {
		t.Fatal("no row")
	}
	if err := rows.Scan(&n, &s, &f, &nf); err == nil || !strings.Contains(err.Error(), "column 2") {
		t.Errorf("error %v, want one naming column 2", err)
	}
}
