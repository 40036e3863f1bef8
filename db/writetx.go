package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"sync"
	"time"
)

// The writer's statements go to the driver's own prepared statements, not
// through database/sql: for a report's dozen statements and ~2,000 bound
// values, database/sql's per-call work (a statement of the transaction
// made from the pool's for each call, every argument converted and
// checked, the connection locked and the result wrapped) is a cost SQLite
// does not need. The transaction is BEGIN IMMEDIATE and COMMIT run as
// statements on one connection held with sql.Conn (a sql.Tx holds its
// connection, and sql.Conn.Raw waits for it: they deadlock), and each
// statement reaches the driver's connection through sql.Conn.Raw, the
// one documented way to it. Queries, few in a report (most of what the
// writer reads it remembers, writecache.go), stay with database/sql on
// the same connection: they return *sql.Rows to code shared with other
// transactions.

// writeTx is a transaction of the single writer: what storeReport and the
// steps of storing (dbtx) run their statements in.
type writeTx struct {
	conn  *sql.Conn
	stmts *driverStmts
	cache *txCache // what the writer knows of the committed database
	done  bool     // committed or rolled back
}

// beginWrite takes the write connection and starts a transaction on it
// (IMMEDIATE, as the write pool's transactions: a second writing process
// waits at BEGIN, not at its first write).
func (d *DB) beginWrite(ctx context.Context) (*writeTx, error) {
	conn, err := d.write.Conn(ctx)
	if err != nil {
		return nil, err
	}
	t := &writeTx{conn: conn, stmts: d.stmts}
	if _, err := t.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		conn.Close()
		return nil, err
	}
	return t, nil
}

// commit commits the transaction and gives the connection back.
func (t *writeTx) commit(ctx context.Context) error {
	if _, err := t.ExecContext(ctx, `COMMIT`); err != nil {
		return err // end rolls back
	}
	t.done = true
	return t.conn.Close()
}

// end rolls the transaction back unless it committed, and gives the
// connection back. A connection whose rollback failed may still be in the
// transaction: it is discarded, not given to the next writer.
func (t *writeTx) end() {
	if t.done {
		return
	}
	t.done = true
	// The rollback must run even when ctx ended the transaction.
	if _, err := t.ExecContext(context.Background(), `ROLLBACK`); err != nil {
		t.conn.Raw(func(dc any) error {
			t.stmts.closeOn(dc)
			return driver.ErrBadConn // database/sql closes the connection
		})
	}
	t.conn.Close()
}

// ExecContext runs query with args as a prepared statement of the driver,
// prepared once on the connection. args must be of the types a driver
// takes (int64, float64, bool, []byte, string, time.Time, nil) or convert
// to one as database/sql converts them (int, other integer kinds, Valuer).
func (t *writeTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	named, err := namedValues(args)
	if err != nil {
		return nil, fmt.Errorf("%w in %.60q", err, query)
	}
	var res driver.Result
	err = t.conn.Raw(func(dc any) error {
		s, err := t.stmts.get(ctx, dc, query)
		if err != nil {
			return err
		}
		res, err = s.ExecContext(ctx, named)
		return err
	})
	return res, err // a driver.Result is a sql.Result
}

// QueryContext runs a query on the transaction's connection through
// database/sql.
func (t *writeTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return t.conn.QueryContext(ctx, query, args...)
}

// QueryRowContext runs a query of one row on the transaction's connection
// through database/sql.
func (t *writeTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return t.conn.QueryRowContext(ctx, query, args...)
}

// PrepareContext prepares a statement of database/sql on the
// transaction's connection.
func (t *writeTx) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return t.conn.PrepareContext(ctx, query)
}

// namedValues are args as a driver takes them, numbered from 1.
func namedValues(args []any) ([]driver.NamedValue, error) {
	named := make([]driver.NamedValue, len(args))
	for i, a := range args {
		v, err := driverValue(a)
		if err != nil {
			return nil, fmt.Errorf("argument %d: %w", i+1, err)
		}
		named[i] = driver.NamedValue{Ordinal: i + 1, Value: v}
	}
	return named, nil
}

// driverValue is a as a driver takes it: the writer's values (int64,
// float64, string, nil) as they are, anything else as database/sql
// converts it.
func driverValue(a any) (driver.Value, error) {
	switch v := a.(type) {
	case nil, int64, float64, string, []byte, bool, time.Time:
		return v, nil
	case int:
		return int64(v), nil
	}
	return driver.DefaultParameterConverter.ConvertValue(a)
}

// execer is the statement of a driver that the writer needs.
type execer interface {
	driver.Stmt
	driver.StmtExecContext
}

// driverStmts are the writer's statements prepared on the driver's
// connection of the write pool, by their text: a report's statements are
// the same for every report, and SQLite's parsing of them cost as much as
// writing its rows.
type driverStmts struct {
	mu    sync.Mutex
	conn  any // the driver's connection they were prepared on
	stmts map[string]execer
}

// get returns query prepared on the driver's connection dc, preparing it
// the first time. Statements of an earlier connection, which database/sql
// has closed since (a failed or interrupted one is not given back to the
// pool), are dropped: a statement of a closed connection cannot be
// finalized.
func (s *driverStmts) get(ctx context.Context, dc any, query string) (execer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if dc != s.conn {
		s.conn, s.stmts = dc, map[string]execer{}
	}
	if st, ok := s.stmts[query]; ok {
		return st, nil
	}
	prep, ok := dc.(driver.ConnPrepareContext)
	if !ok {
		return nil, errors.New("db: the SQLite driver prepares no statement with a context")
	}
	st, err := prep.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	ex, ok := st.(execer)
	if !ok {
		st.Close()
		return nil, errors.New("db: the SQLite driver's statements run with no context")
	}
	s.stmts[query] = ex
	return ex, nil
}

// closeOn closes the statements prepared on the driver's connection dc,
// before it is closed.
func (s *driverStmts) closeOn(dc any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if dc != s.conn {
		return
	}
	for _, st := range s.stmts {
		st.Close()
	}
	s.conn, s.stmts = nil, nil
}

// close closes the statements, on the write pool's connection, before
// the pool is closed.
func (s *driverStmts) close(ctx context.Context, pool *sql.DB) error {
	conn, err := pool.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		s.closeOn(dc)
		return nil
	})
}
