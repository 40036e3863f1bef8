package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// deferrable lists the indexes a bulk load may drop: the secondary indexes
// of the observations, checks and reports, which only the API's queries
// use. Unique indexes (they enforce the data's rules; reports_current is
// how the ingest finds a publisher's report of a year) and those led by
// report_id (the ingest reads and replaces a report's rows through them)
// stay.
const deferrable = `
	SELECT m.name, m.sql FROM sqlite_master m
	WHERE m.type = 'index' AND m.tbl_name IN ('observations', 'checks', 'reports') AND m.sql IS NOT NULL
		AND m.sql NOT LIKE 'CREATE UNIQUE%'
		AND (SELECT i.name FROM pragma_index_info(m.name) i WHERE i.seqno = 0) <> 'report_id'
	ORDER BY m.name`

// DeferIndexes drops the secondary indexes of the observations, checks and
// reports for a bulk load, recording in the same transaction how to create them
// again, and marks the search documents deferred and the province summary
// stale (metaProvincesStale) in it too, and sets the write connection for a bulk load (bulkPragmas:
// synchronous=OFF, see below, and fewer checkpoints);
// RestoreIndexes creates them. Queries answer the same in between, only
// slower. It returns the number of indexes dropped, and ErrReadOnly on
// a read-only database.
func (d *DB) DeferIndexes(ctx context.Context) (int, error) {
	if d.ReadOnly || d.write == nil {
		return 0, ErrReadOnly
	}
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	indexes, err := namedSQL(ctx, tx, deferrable)
	if err != nil {
		return 0, err
	}
	for _, ix := range indexes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO deferred_indexes (name, sql) VALUES (?, ?)`, ix.name, ix.sql); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+quoteIdent(ix.name)); err != nil {
			return 0, err
		}
	}
	for _, key := range []string{metaSearchDeferred, metaProvincesStale} {
		if err := setMeta(ctx, tx, key, "1"); err != nil {
			return 0, err
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	d.cache.reset() // it knew the meta keys before
	return len(indexes), d.pragmas(ctx, bulkPragmas)
}

// The write connection's settings during a bulk load, and after it.
var (
	bulkPragmas = []string{
		`synchronous = OFF`,
		// The page cache stays at 2 MB: one of 256 MB cost 1.4 ms of CPU
		// a report more at 240 reports and 1.5 ms more over the first
		// 12,000 of 50,000 (docs/performance.md, "Ingest"), each page of
		// it allocated and freed one by one in modernc.org/sqlite, and
		// the 50,000-report load kept its rate with 2 MB: the pages read
		// again come from the memory map and the operating system's cache.
		//
		// A checkpoint every 10,000 pages of WAL (40 MB) instead of 1,000:
		// the pages every report changes (the ends of the tables, the
		// summaries) are copied into the database once a checkpoint.
		`wal_autocheckpoint = 10000`,
		// No foreign-key lookups: three a figure (its report, indicator
		// and label), a tenth of the writer's time. The writer's own
		// statements satisfy them: storeReport refuses an unknown
		// indicator code by name (checkIndicators) before any insert,
		// takes label ids from the labels table and report ids from the
		// insert of the report. Back on when the indexes are built.
		`foreign_keys = OFF`,
	}
	normalPragmas = []string{`synchronous = NORMAL`, `wal_autocheckpoint = 1000`, `foreign_keys = ON`}
)

// pragmas sets the write connection's pragmas.
func (d *DB) pragmas(ctx context.Context, list []string) error {
	for _, p := range list {
		if _, err := d.write.ExecContext(ctx, `PRAGMA `+p); err != nil {
			return err
		}
	}
	return nil
}

// The search index of the reports' titles and narratives (FTS5) is
// deferred too: each report's transaction wrote a new segment of it, and
// its documents, a tenth of the writer's time. While the meta key
// search_deferred is set, reports are stored without those documents
// (their publisher's names are indexed as before), and search does not
// find them; RestoreIndexes indexes every current report that has none,
// in the order of their ids, and clears the key in the same transaction.

// A bulk load writes with synchronous=OFF: SQLite then never waits for the
// disk (fsync), at each checkpoint of the WAL, which at national scale is
// thousands of waits. It stays safe if the process is killed at any moment:
// every page is handed to the operating system in order before a commit
// returns, the operating system keeps what it was handed when a process
// dies, and the next opener recovers the WAL up to the last whole commit
// (checksums stop it at a torn one). Only a crash of the machine itself (a
// power failure, a kernel panic) can lose the last commits or damage the
// file during a bulk load; keep a copy of a database before a bulk load
// into it, and rebuild a new one from its sources. RestoreIndexes returns
// to synchronous=NORMAL and the other settings of normalPragmas.

// RestoreIndexes creates the indexes DeferIndexes dropped, one transaction
// each, so that a restore cut short keeps the indexes already built,
// indexes for search the reports stored meanwhile, and counts the province
// summary again. Open calls it on a writable database; it returns the
// number of indexes created (the search index and the summary counting as
// one each).
func (d *DB) RestoreIndexes(ctx context.Context) (int, error) {
	if d.ReadOnly || d.write == nil {
		return 0, ErrReadOnly
	}
	indexes, err := namedSQL(ctx, d.write, `SELECT name, sql FROM deferred_indexes ORDER BY name`)
	if err != nil {
		return 0, err
	}
	for _, ix := range indexes {
		if err := restoreIndex(ctx, d.write, ix); err != nil {
			return 0, fmt.Errorf("restore index %s: %w", ix.name, err)
		}
	}
	n := len(indexes)
	searched, err := d.restoreSearch(ctx)
	if err != nil {
		return 0, fmt.Errorf("restore the search index: %w", err)
	}
	if searched {
		n++
	}
	// After the indexes: the count reads the covering observations_indicator.
	counted, err := d.restoreProvinces(ctx)
	if err != nil {
		return 0, fmt.Errorf("count the province summary again: %w", err)
	}
	if counted {
		n++
	}
	return n, d.pragmas(ctx, normalPragmas)
}

// restoreSearch indexes the texts of the reports stored while the search
// index was deferred, if it was, and reports whether it was.
func (d *DB) restoreSearch(ctx context.Context) (bool, error) {
	return d.restoreMarked(ctx, metaSearchDeferred, func(tx *sql.Tx) error {
		return indexTexts(ctx, tx, unindexedReports)
	})
}

// restoreMarked does the work a bulk load left undone, marked by the meta
// key, if the key is set, and reports whether it was: the work and the end
// of the mark commit together, so that a restore cut short leaves the mark
// for the next writable open.
func (d *DB) restoreMarked(ctx context.Context, key string, work func(tx *sql.Tx) error) (bool, error) {
	defer d.cache.reset() // it knew the meta keys before
	tx, err := d.write.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	marked, err := getMeta(ctx, tx, key)
	if err != nil || marked == "" {
		return false, err
	}
	if err := work(tx); err != nil {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM meta WHERE key = ?`, key); err != nil {
		return false, err
	}
	return true, tx.Commit()
}

func restoreIndex(ctx context.Context, pool *sql.DB, ix named) error {
	tx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, ix.sql); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM deferred_indexes WHERE name = ?`, ix.name); err != nil {
		return err
	}
	return tx.Commit()
}

// named is a schema object's name and the statement that creates it.
type named struct{ name, sql string }

func namedSQL(ctx context.Context, q querier, query string) ([]named, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []named
	for rows.Next() {
		var n named
		if err := rows.Scan(&n.name, &n.sql); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// quoteIdent quotes an SQL identifier.
func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
