package db

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
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
// one documented way to it. The writer's own steps read through the
// driver's statements too (queryRows); the queries of code shared with
// the write pool's transactions (QueryContext, QueryRowContext: a
// *sql.Rows, a *sql.Row) stay with database/sql on the same connection,
// few in a report: most of what the writer reads it remembers
// (writecache.go).
//
// The driver watches a context that can end with a goroutine and a
// progress handler for every statement it runs; the writer's statements
// are short, and it checks the context before each instead (driverContext).

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
	named, err := namedValues(nil, args)
	if err != nil {
		return nil, fmt.Errorf("%w in %.60q", err, query)
	}
	return t.execNamed(ctx, query, named)
}

// execNamed runs query with named, arguments as the driver takes them
// (namedValues), as a prepared statement of the driver.
func (t *writeTx) execNamed(ctx context.Context, query string, named []driver.NamedValue) (sql.Result, error) {
	dctx, err := driverContext(ctx)
	if err != nil {
		return nil, err
	}
	var res driver.Result
	err = t.conn.Raw(func(dc any) error {
		s, err := t.stmts.get(dctx, dc, query)
		if err != nil {
			return err
		}
		res, err = s.ExecContext(dctx, named)
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

// driverContext is ctx for a statement of the writer, or ctx's error
// when it has ended: ctx's values without its end, so that the driver
// does not watch it while the statement runs.
func driverContext(ctx context.Context) (context.Context, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return context.WithoutCancel(ctx), nil
}

// statementArgs is what a driver statement of query runs with: the
// context it is given (driverContext) and args as the driver takes them.
func statementArgs(ctx context.Context, query string, args []any) (context.Context, []driver.NamedValue, error) {
	named, err := namedValues(nil, args)
	if err != nil {
		return nil, nil, fmt.Errorf("%w in %.60q", err, query)
	}
	dctx, err := driverContext(ctx)
	return dctx, named, err
}

// namedValues appends args to named as a driver takes them, numbered
// from len(named)+1.
func namedValues(named []driver.NamedValue, args ...[]any) ([]driver.NamedValue, error) {
	for _, list := range args {
		for _, a := range list {
			v, err := driverValue(a)
			if err != nil {
				return nil, fmt.Errorf("argument %d: %w", len(named)+1, err)
			}
			named = append(named, driver.NamedValue{Ordinal: len(named) + 1, Value: v})
		}
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

// driverStmt is the statement of a driver that the writer needs.
type driverStmt interface {
	driver.Stmt
	driver.StmtExecContext
	driver.StmtQueryContext
}

// driverStmts are the writer's statements prepared on the driver's
// connection of the write pool, by their text: a report's statements are
// the same for every report, and SQLite's parsing of them cost as much as
// writing its rows.
type driverStmts struct {
	mu    sync.Mutex
	conn  any // the driver's connection they were prepared on
	stmts map[string]driverStmt
}

// get returns query prepared on the driver's connection dc, preparing it
// the first time. Statements of an earlier connection, which database/sql
// has closed since (a failed or interrupted one is not given back to the
// pool), are dropped: a statement of a closed connection cannot be
// finalized.
func (s *driverStmts) get(ctx context.Context, dc any, query string) (driverStmt, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if dc != s.conn {
		s.conn, s.stmts = dc, map[string]driverStmt{}
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
	ex, ok := st.(driverStmt)
	if !ok {
		st.Close()
		return nil, errors.New("db: the SQLite driver's statements run or query with no context")
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

// rows is what the writer's steps read a query's rows through: *sql.Rows,
// or the driver's rows of a query of the writer (driverRows).
type rows interface {
	Next() bool
	Scan(dest ...any) error
	Close() error
	Err() error
}

// queryRows runs query on q: on the writer's transaction as one of its
// prepared statements (a report's transaction asks for the publisher's
// reports of three years, and parsing the query each time cost as much as
// running it), otherwise through database/sql.
func queryRows(ctx context.Context, q querier, query string, args ...any) (rows, error) {
	t, ok := q.(*writeTx)
	if !ok {
		return q.QueryContext(ctx, query, args...)
	}
	dctx, named, err := statementArgs(ctx, query, args)
	if err != nil {
		return nil, err
	}
	r := &driverRows{t: t}
	err = t.conn.Raw(func(dc any) error {
		s, err := t.stmts.get(dctx, dc, query)
		if err != nil {
			return err
		}
		r.rows, err = s.QueryContext(dctx, named)
		if err == nil {
			r.row = make([]driver.Value, len(r.rows.Columns()))
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return r, nil
}

// queryRow reads the one row of query (queryRows) into dest;
// sql.ErrNoRows when there is none.
func queryRow(ctx context.Context, q querier, query string, args []any, dest ...any) error {
	rows, err := queryRows(ctx, q, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	return rows.Scan(dest...)
}

// driverRows are the rows of a query of the writer, read from the driver
// on the transaction's connection.
type driverRows struct {
	t    *writeTx
	rows driver.Rows
	row  []driver.Value // the current row
	err  error
}

// Next moves to the next row; false at the end or on an error (Err).
func (r *driverRows) Next() bool {
	if r.err != nil {
		return false
	}
	err := r.t.conn.Raw(func(any) error { return r.rows.Next(r.row) })
	if err != nil {
		if err != io.EOF {
			r.err = err
		}
		return false
	}
	return true
}

// Scan copies the current row's columns into dest: *string, *int64,
// *int, *float64 or *sql.NullFloat64, one for each column.
func (r *driverRows) Scan(dest ...any) error {
	if len(dest) != len(r.row) {
		return fmt.Errorf("db: %d destinations for %d columns", len(dest), len(r.row))
	}
	for i, v := range r.row {
		if err := assign(dest[i], v); err != nil {
			return fmt.Errorf("db: column %d: %w", i+1, err)
		}
	}
	return nil
}

// Close ends the query; the statement stays prepared for the next.
func (r *driverRows) Close() error {
	return r.t.conn.Raw(func(any) error { return r.rows.Close() })
}

// Err is the error that ended Next early, if any.
func (r *driverRows) Err() error { return r.err }

// assign stores the driver's value v in dest as database/sql would for
// the types the writer reads.
func assign(dest any, v driver.Value) error {
	switch d := dest.(type) {
	case *string:
		switch x := v.(type) {
		case string:
			*d = x
			return nil
		case []byte:
			*d = string(x)
			return nil
		}
	case *int64:
		if x, ok := v.(int64); ok {
			*d = x
			return nil
		}
	case *int:
		if x, ok := v.(int64); ok {
			*d = int(x)
			return nil
		}
	case *float64:
		if f, ok := number(v); ok {
			*d = f
			return nil
		}
	case *sql.NullFloat64:
		if v == nil {
			*d = sql.NullFloat64{}
			return nil
		}
		if f, ok := number(v); ok {
			*d = sql.NullFloat64{Float64: f, Valid: true}
			return nil
		}
	}
	return fmt.Errorf("cannot store %T (%v) in %T", v, v, dest)
}

// number is a driver's integer or real value as a float64.
func number(v driver.Value) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case int64:
		return float64(x), true
	}
	return 0, false
}
