// Package db stores gongkai's data in SQLite (modernc.org/sqlite, no cgo) and
// answers the queries of the API. It knows nothing of HTTP.
//
// A DB holds two pools on one file: a read pool for queries and a single
// connection for writes, so that writers never contend with each other and
// readers never wait for a writer (WAL).
package db

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is an open gongkai database.
type DB struct {
	Path     string
	ReadOnly bool

	read  *sql.DB
	write *sql.DB      // nil when ReadOnly
	stmts *driverStmts // the writer's statements (db/writetx.go)
	cache *writerCache // what the writer knows of what it committed (db/writecache.go)

	exporting sync.Mutex // held by the one export read in parallel (AppendObservations)

	// Now returns the current time; tests replace it.
	Now func() time.Time
}

// Open opens (and, unless readOnly, creates and migrates) the database at path.
func Open(ctx context.Context, path string, readOnly bool) (*DB, error) {
	d := &DB{Path: path, ReadOnly: readOnly, Now: time.Now}
	var err error
	if !readOnly {
		if d.write, err = sql.Open("sqlite", dsn(path, false)); err != nil {
			return nil, err
		}
		d.write.SetMaxOpenConns(1)
		d.stmts = &driverStmts{}
		d.cache = newWriterCache()
		if err := d.migrate(ctx); err != nil {
			d.write.Close()
			return nil, fmt.Errorf("migrate %s: %w", path, err)
		}
		// A bulk load killed before its end left indexes to build.
		if _, err := d.RestoreIndexes(ctx); err != nil {
			d.write.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	if d.read, err = sql.Open("sqlite", dsn(path, readOnly)); err != nil {
		d.Close()
		return nil, err
	}
	d.read.SetMaxOpenConns(8)
	if err := d.read.PingContext(ctx); err != nil {
		d.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return d, nil
}

// Close closes both pools.
func (d *DB) Close() error {
	var err error
	if d.read != nil {
		err = d.read.Close()
	}
	if d.write != nil {
		if serr := d.stmts.close(context.Background(), d.write); err == nil {
			err = serr
		}
		if werr := d.write.Close(); err == nil {
			err = werr
		}
	}
	return err
}

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	// Pages are read from a memory map of the file rather than copied in by
	// a read system call each: a page of 1,000 figures scattered over 1,000
	// pages spent most of its time in pread (scripts/latency.sh at 10 million
	// observations). The size is capped at SQLite's compile-time maximum
	// (2 GB in modernc's build); pages beyond it are read as before.
	q.Add("_pragma", "mmap_size(2147418112)")
	if readOnly {
		q.Add("mode", "ro")
		q.Add("_pragma", "query_only(1)")
	} else {
		// IMMEDIATE: a second writing process waits (busy_timeout) at BEGIN
		// instead of failing with SQLITE_BUSY at its first write.
		q.Add("_txlock", "immediate")
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
	}
	return "file:" + path + "?" + q.Encode()
}

// migrate applies the embedded migrations not yet recorded, one transaction each.
func (d *DB) migrate(ctx context.Context) error {
	if _, err := d.write.ExecContext(ctx,
		`CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return err
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		if err := d.migrateFile(ctx, name); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return d.indexSearch(ctx) // reports stored before the search index existed
}

func (d *DB) migrateFile(ctx context.Context, name string) error {
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	body, err := fs.ReadFile(migrations, name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied_at) VALUES (?, ?)`,
		name, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}
