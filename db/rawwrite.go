package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// A report's rows (figures, checks, sections) are inserted through
// SQLite's C API on the write connection itself, within the report's
// transaction: statements prepared once, every value bound with
// sqlite3_bind_*, the texts of a statement's rows copied into one block of
// C memory kept from statement to statement. Through database/sql the
// binding of a report's ~1,500 values was 44 % of the figures' insert:
// database/sql converted and copied every argument, and the driver looked
// up each parameter's name and allocated and freed C memory for each text
// (docs/performance.md, "Session 6: ingest").
//
// database/sql gives no access to a connection's sqlite3 handle, and
// modernc.org/sqlite exports none: the handle is read, by reflection, from
// the field db of the driver's connection (sql.Conn.Raw), and used only
// while that connection is held (writeReport), by the one goroutine
// holding it. TestRawWriterHandle fails if a new version of the driver
// moves it; without it, the rows go through database/sql as before.

// rawWriter executes statements with bound values on the write
// connection's sqlite3 handle.
type rawWriter struct {
	tls   *libc.TLS
	db    uintptr            // the sqlite3* the statements belong to
	stmts map[string]uintptr // query → sqlite3_stmt*

	arena     uintptr // C memory holding the texts bound to the statement being run
	arenaSize int
}

func newRawWriter() *rawWriter {
	return &rawWriter{tls: libc.NewTLS(), stmts: map[string]uintptr{}}
}

// attach points w at the sqlite3 handle of conn, the write connection,
// which the caller holds for as long as it uses w. It returns false when
// the handle cannot be found; w is then not to be used.
func (w *rawWriter) attach(ctx context.Context, conn *sql.Conn) bool {
	var handle uintptr
	err := conn.Raw(func(driverConn any) error {
		var err error
		handle, err = sqliteHandle(driverConn)
		return err
	})
	if err != nil || handle == 0 {
		return false
	}
	if handle != w.db {
		// A new connection (the pool replaced a broken one): the old one
		// was closed with sqlite3_close_v2 and lingers until its
		// statements are finalized.
		w.finalize()
		w.db = handle
	}
	return true
}

// sqliteHandle returns the sqlite3* of a modernc.org/sqlite connection:
// its unexported field db.
func sqliteHandle(driverConn any) (uintptr, error) {
	v := reflect.ValueOf(driverConn)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return 0, fmt.Errorf("sqlite: no handle in a driver connection of type %T", driverConn)
	}
	f := v.Elem().FieldByName("db")
	if !f.IsValid() || f.Kind() != reflect.Uintptr {
		return 0, fmt.Errorf("sqlite: no handle in a driver connection of type %T", driverConn)
	}
	return uintptr(f.Uint()), nil
}

// exec runs query with args bound in order: nil, int64, int, float64,
// string or []byte.
func (w *rawWriter) exec(query string, args []any) error {
	s, err := w.prepare(query)
	if err != nil {
		return err
	}
	if err := w.bind(s, args); err != nil {
		sqlite3.Xsqlite3_reset(w.tls, s)
		return err
	}
	rc := sqlite3.Xsqlite3_step(w.tls, s)
	if rc == sqlite3.SQLITE_ROW { // an INSERT … RETURNING: its rows are not wanted
		for rc == sqlite3.SQLITE_ROW {
			rc = sqlite3.Xsqlite3_step(w.tls, s)
		}
	}
	// The error of a failed step is the statement's reset's as well: read
	// the message before the reset clears nothing it needs.
	var stepErr error
	if rc != sqlite3.SQLITE_DONE {
		stepErr = w.error(rc)
	}
	sqlite3.Xsqlite3_reset(w.tls, s)
	return stepErr
}

// prepare returns query prepared on the connection, preparing it the first
// time.
func (w *rawWriter) prepare(query string) (uintptr, error) {
	if s, ok := w.stmts[query]; ok {
		return s, nil
	}
	text, err := libc.CString(query)
	if err != nil {
		return 0, err
	}
	defer libc.Xfree(w.tls, text)
	ps := w.tls.Alloc(int(unsafe.Sizeof(uintptr(0))))
	defer w.tls.Free(int(unsafe.Sizeof(uintptr(0))))
	if rc := sqlite3.Xsqlite3_prepare_v3(w.tls, w.db, text, -1, sqlite3.SQLITE_PREPARE_PERSISTENT, ps, 0); rc != sqlite3.SQLITE_OK {
		return 0, w.error(rc)
	}
	s := *(*uintptr)(cPointer(ps))
	w.stmts[query] = s
	return s, nil
}

// bind binds args to the parameters of s, 1 to len(args). Texts and blobs
// are copied into the arena, which stays unchanged until the next bind:
// SQLite reads them in place (SQLITE_STATIC) when the statement steps.
func (w *rawWriter) bind(s uintptr, args []any) error {
	size := 0
	for _, a := range args {
		switch v := a.(type) {
		case string:
			size += len(v)
		case []byte:
			size += len(v)
		}
	}
	if err := w.reserve(size + 1); err != nil { // +1: an empty text still needs an address
		return err
	}
	at := w.arena
	for i, a := range args {
		n := int32(i + 1)
		var rc int32
		switch v := a.(type) {
		case nil:
			rc = sqlite3.Xsqlite3_bind_null(w.tls, s, n)
		case int64:
			rc = sqlite3.Xsqlite3_bind_int64(w.tls, s, n, v)
		case int:
			rc = sqlite3.Xsqlite3_bind_int64(w.tls, s, n, int64(v))
		case float64:
			rc = sqlite3.Xsqlite3_bind_double(w.tls, s, n, v)
		case string:
			copy(unsafe.Slice((*byte)(cPointer(at)), len(v)), v)
			rc = sqlite3.Xsqlite3_bind_text(w.tls, s, n, at, int32(len(v)), 0)
			at += uintptr(len(v))
		case []byte:
			copy(unsafe.Slice((*byte)(cPointer(at)), len(v)), v)
			rc = sqlite3.Xsqlite3_bind_blob(w.tls, s, n, at, int32(len(v)), 0)
			at += uintptr(len(v))
		default:
			return fmt.Errorf("sqlite: cannot bind %T", a)
		}
		if rc != sqlite3.SQLITE_OK {
			return w.error(rc)
		}
	}
	return nil
}

// reserve makes the arena at least size bytes. Statements bound to the
// old arena are rebound before they step again.
func (w *rawWriter) reserve(size int) error {
	if size <= w.arenaSize {
		return nil
	}
	size = max(size, 2*w.arenaSize, 64<<10)
	p := sqlite3.Xsqlite3_malloc64(w.tls, uint64(size))
	if p == 0 {
		return errors.New("sqlite: out of memory for the values of a statement")
	}
	if w.arena != 0 {
		sqlite3.Xsqlite3_free(w.tls, w.arena)
	}
	w.arena, w.arenaSize = p, size
	return nil
}

// error is the error of result code rc, with SQLite's message.
func (w *rawWriter) error(rc int32) error {
	return fmt.Errorf("sqlite: %s (%d)", libc.GoString(sqlite3.Xsqlite3_errmsg(w.tls, w.db)), rc)
}

// finalize finalizes the statements.
func (w *rawWriter) finalize() {
	for q, s := range w.stmts {
		sqlite3.Xsqlite3_finalize(w.tls, s)
		delete(w.stmts, q)
	}
}

// close finalizes the statements and frees the arena; the connection must
// not be closed yet, or be closed with sqlite3_close_v2.
func (w *rawWriter) close() {
	w.finalize()
	if w.arena != 0 {
		sqlite3.Xsqlite3_free(w.tls, w.arena)
		w.arena, w.arenaSize = 0, 0
	}
	w.tls.Close()
}
