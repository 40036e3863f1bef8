package db

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// An export of whole reports reads millions of rows, and through
// database/sql each cost more in the driver than in SQLite: every column
// of every row taken under the connection's mutex (modernc opens its
// connections FULLMUTEX), boxed in an interface and copied into a Go
// string, the text columns packed into one by concat_ws and cut apart
// again to spare the locks. A rawConn reads them with SQLite's own C
// functions (modernc.org/sqlite/lib, the same SQLite the driver runs): a
// connection of its own, opened read-only without a mutex (it is used by
// one goroutine), sqlite3_step and sqlite3_column_* with the texts read
// in place, not copied.

// rawConn is a read-only SQLite connection used through SQLite's C API by
// one goroutine at a time.
type rawConn struct {
	tls   *libc.TLS
	db    uintptr             // sqlite3*
	stmts map[string]*rawStmt // prepared by statement, kept for the next run
}

// openRaw opens the database file at path read-only, with the pragmas of
// the read pool that matter to reading (busy_timeout, mmap_size).
func openRaw(path string) (*rawConn, error) {
	c := &rawConn{tls: libc.NewTLS()}
	name, err := libc.CString("file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=ro")
	if err != nil {
		c.tls.Close()
		return nil, err
	}
	defer libc.Xfree(c.tls, name)
	pdb := c.tls.Alloc(int(unsafe.Sizeof(uintptr(0))))
	defer c.tls.Free(int(unsafe.Sizeof(uintptr(0))))
	rc := sqlite3.Xsqlite3_open_v2(c.tls, name, pdb, sqlite3.SQLITE_OPEN_READONLY|sqlite3.SQLITE_OPEN_NOMUTEX|sqlite3.SQLITE_OPEN_URI, 0)
	c.db = *(*uintptr)(cPointer(pdb))
	if rc != sqlite3.SQLITE_OK {
		err := fmt.Errorf("open %s: %w", path, c.error(rc))
		c.close()
		return nil, err
	}
	for _, pragma := range []string{"PRAGMA busy_timeout = 10000", "PRAGMA mmap_size = 2147418112", "PRAGMA query_only = 1"} {
		if err := c.exec(pragma); err != nil {
			c.close()
			return nil, err
		}
	}
	return c, nil
}

// cPointer is the pointer of an address in modernc's C memory, which is
// outside Go's heap: the garbage collector neither moves nor frees it.
func cPointer(p uintptr) unsafe.Pointer { return unsafe.Add(unsafe.Pointer(nil), p) }

// close closes the connection.
func (c *rawConn) close() {
	for _, s := range c.stmts {
		s.close()
	}
	c.stmts = nil
	if c.db != 0 {
		sqlite3.Xsqlite3_close_v2(c.tls, c.db)
		c.db = 0
	}
	c.tls.Close()
}

// error is the error of result code rc, with SQLite's message.
func (c *rawConn) error(rc int32) error {
	msg := "sqlite: result code " + fmt.Sprint(rc)
	if c.db != 0 {
		msg += ": " + libc.GoString(sqlite3.Xsqlite3_errmsg(c.tls, c.db))
	}
	return errors.New(msg)
}

// exec runs a statement without results.
func (c *rawConn) exec(query string) error {
	s, err := c.prepare(query, nil)
	if err != nil {
		return err
	}
	defer s.close()
	for {
		more, err := s.step()
		if err != nil || !more {
			return err
		}
	}
}

// rawStmt is a prepared statement of a rawConn.
type rawStmt struct {
	c    *rawConn
	stmt uintptr // sqlite3_stmt*
}

// prepare prepares query with args (strings and integers) bound.
func (c *rawConn) prepare(query string, args []any) (*rawStmt, error) {
	sql, err := libc.CString(query)
	if err != nil {
		return nil, err
	}
	defer libc.Xfree(c.tls, sql)
	pstmt := c.tls.Alloc(int(unsafe.Sizeof(uintptr(0))))
	defer c.tls.Free(int(unsafe.Sizeof(uintptr(0))))
	if rc := sqlite3.Xsqlite3_prepare_v2(c.tls, c.db, sql, -1, pstmt, 0); rc != sqlite3.SQLITE_OK {
		return nil, c.error(rc)
	}
	s := &rawStmt{c: c, stmt: *(*uintptr)(cPointer(pstmt))}
	if err := s.bindAll(args); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

// run returns query prepared on c with args bound, ready to step: prepared
// once, then reset and bound again for each run. The statement stays c's;
// the caller resets it when done with it (an export reads many ranges of
// publishers with one statement).
func (c *rawConn) run(query string, args []any) (*rawStmt, error) {
	if s := c.stmts[query]; s != nil {
		if err := s.bindAll(args); err != nil {
			return nil, err
		}
		return s, nil
	}
	s, err := c.prepare(query, args)
	if err != nil {
		return nil, err
	}
	if c.stmts == nil {
		c.stmts = map[string]*rawStmt{}
	}
	c.stmts[query] = s
	return s, nil
}

// reset makes the statement ready to run again, ending its read.
func (s *rawStmt) reset() { sqlite3.Xsqlite3_reset(s.c.tls, s.stmt) }

// bindAll binds args to the parameters, in order.
func (s *rawStmt) bindAll(args []any) error {
	for i, arg := range args {
		if err := s.bind(int32(i+1), arg); err != nil {
			return err
		}
	}
	return nil
}

// bind binds arg to the parameter i. SQLite copies a text
// (SQLITE_TRANSIENT): the C copy made for the call is freed after it.
func (s *rawStmt) bind(i int32, arg any) error {
	var rc int32
	switch v := arg.(type) {
	case string:
		p, err := libc.CString(v)
		if err != nil {
			return err
		}
		rc = sqlite3.Xsqlite3_bind_text(s.c.tls, s.stmt, i, p, int32(len(v)), sqlite3.SQLITE_TRANSIENT)
		libc.Xfree(s.c.tls, p)
	case int:
		rc = sqlite3.Xsqlite3_bind_int64(s.c.tls, s.stmt, i, int64(v))
	case int64:
		rc = sqlite3.Xsqlite3_bind_int64(s.c.tls, s.stmt, i, v)
	default:
		return fmt.Errorf("sqlite: cannot bind %T", arg)
	}
	if rc != sqlite3.SQLITE_OK {
		return s.c.error(rc)
	}
	return nil
}

// step moves to the next row; false at the end.
func (s *rawStmt) step() (bool, error) {
	switch rc := sqlite3.Xsqlite3_step(s.c.tls, s.stmt); rc {
	case sqlite3.SQLITE_ROW:
		return true, nil
	case sqlite3.SQLITE_DONE:
		return false, nil
	default:
		return false, s.c.error(rc)
	}
}

// null reports whether column i of the row is NULL.
func (s *rawStmt) null(i int32) bool {
	return sqlite3.Xsqlite3_column_type(s.c.tls, s.stmt, i) == sqlite3.SQLITE_NULL
}

// int64 is column i of the row as an integer.
func (s *rawStmt) int64(i int32) int64 { return sqlite3.Xsqlite3_column_int64(s.c.tls, s.stmt, i) }

// float64 is column i of the row as a number.
func (s *rawStmt) float64(i int32) float64 {
	return sqlite3.Xsqlite3_column_double(s.c.tls, s.stmt, i)
}

// text is column i of the row as text, in place: it is valid until the
// next step, and must be copied to be kept.
func (s *rawStmt) text(i int32) string {
	p := sqlite3.Xsqlite3_column_text(s.c.tls, s.stmt, i)
	n := sqlite3.Xsqlite3_column_bytes(s.c.tls, s.stmt, i)
	if p == 0 || n == 0 {
		return ""
	}
	return unsafe.String((*byte)(cPointer(p)), n)
}

// close finalizes the statement.
func (s *rawStmt) close() { sqlite3.Xsqlite3_finalize(s.c.tls, s.stmt) }

// rawColumns are what eachObservation reads of a row, one column each:
// the label's id in the place of its text, which the export holds
// (exportNames). rawColumnsJoined read the text, from the labels joined.
const (
	rawColumns = `o.value, o.column_label, o.id, o.report_id, o.year, o.line, o.page,
	o.publisher_id, o.indicator_id, o.breakdown, o.unit, o.label_id, o.raw, o.flags`
	rawColumnsJoined = `o.value, o.column_label, o.id, o.report_id, o.year, o.line, o.page,
	o.publisher_id, o.indicator_id, o.breakdown, o.unit, coalesce(l.text, ''), o.raw, o.flags`
)

// eachObservation calls fn for each row of query (of rawColumns or
// rawColumnsJoined) with args, read on c, its names filled from names. The
// row's texts are valid only during the call.
func (c *rawConn) eachObservation(ctx context.Context, query string, args []any, names *exportNames, fn func(*ObservationRow) error) error {
	s, err := c.run(query, args)
	if err != nil {
		return err
	}
	defer s.reset()
	var r ObservationRow
	var value float64
	var column string
	var publisher publisherNames
	emptyFlags := []string{}
	for n := 0; ; n++ {
		if n%4096 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		more, err := s.step()
		if err != nil || !more {
			return err
		}
		r = ObservationRow{}
		if !s.null(0) {
			value = s.float64(0)
			r.Value = &value
		}
		if !s.null(1) {
			column = s.text(1)
			r.Column = &column
		}
		r.ID, r.ReportID, r.Year, r.Line, r.Page = s.int64(2), s.int64(3), int(s.int64(4)), int(s.int64(5)), int(s.int64(6))
		r.PublisherID, r.Breakdown, r.Unit = s.text(7), s.text(9), s.text(10)
		r.Label, r.Raw = s.text(11), s.text(12)
		if flags := s.text(13); flags == "[]" {
			r.Flags = emptyFlags
		} else {
			r.Flags = jsonStrings(flags)
		}
		names.fill(&r, s.text(8))
		if r.PublisherID != publisher.id {
			if publisher, err = c.publisherNamesOf(r.PublisherID); err != nil {
				return err
			}
		}
		r.PublisherNameZh, r.PublisherNameEn, r.AdminCode = publisher.zh, publisher.en, publisher.adminCode
		if err := fn(&r); err != nil {
			return err
		}
	}
}

// publisherNames are a publisher's id, Chinese and English names and
// division code.
type publisherNames struct{ id, zh, en, adminCode string }

// publisherNamesOf returns the names of the publisher id, empty for an
// unknown one (as the join of the publishers leaves them).
func (c *rawConn) publisherNamesOf(id string) (publisherNames, error) {
	s, err := c.run(`SELECT name_zh, name_en, admin_code FROM publishers WHERE id = ?`, []any{id})
	if err != nil {
		return publisherNames{}, err
	}
	defer s.reset()
	p := publisherNames{id: strings.Clone(id)}
	more, err := s.step()
	if more {
		p.zh, p.en, p.adminCode = strings.Clone(s.text(0)), strings.Clone(s.text(1)), strings.Clone(s.text(2))
	}
	return p, err
}
