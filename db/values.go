package db

import (
	"context"
	"database/sql/driver"
	"fmt"
	"math/bits"
	"strings"
	"sync"
)

// A report's rows (figures, checks, sections, unplaced rows) go to SQLite
// as multi-row INSERT … VALUES statements with bound parameters: one
// statement per table and report in the common case, instead of one per
// row, which at 200 rows a report was most of the time of storing it. Each
// statement holds a power of two of rows (maxValuesRows at most), so that
// few statement shapes exist and each is prepared once (driverStmts). Rows
// sent as one JSON array unpacked by json_each, as before, cost twice as
// much: SQLite parsed every row's JSON again for each of its columns.

// maxValuesRows is the most rows one statement inserts: 128 rows of the
// widest table (16 columns) bind 2,048 parameters, far below SQLite's
// limit of 32,766.
const maxValuesRows = 128

// values collects the rows of one table, flattened: width parameters a row.
type values struct {
	width int
	args  []any
	// lead is bound before the rows of every statement: the values all the
	// rows share (a report's id, publisher and year), numbered ?1, ?2, … in
	// the statement's head, so that they are bound once, not once a row.
	lead []any
	// group is a row's text in the statement: "(?, ?, …)" of width
	// placeholders unless withLead set it.
	group string
}

// newValues makes room for n rows of width columns.
func newValues(n, width int) *values {
	return &values{width: width, args: make([]any, 0, n*width), group: "(?" + strings.Repeat(", ?", width-1) + ")"}
}

// withLead binds lead before the rows of every statement and makes group,
// which numbers lead's values ?1, ?2, … and the row's width values with a
// bare ?, the text of a row.
func (v *values) withLead(group string, lead ...any) *values {
	v.group, v.lead = group, lead
	return v
}

// add appends a row; its values must be of the types the driver binds
// without conversion (int64, float64, string, []byte, nil).
func (v *values) add(row ...any) {
	v.args = append(v.args, row...)
}

// insert runs head ("INSERT INTO t (a, b) VALUES ") and tail (what follows
// the rows' groups, "" for nothing) for every row added, in order, in as
// few statements as the powers of two allow. The rows' placeholders are
// numbered after lead's (SQLite numbers a bare ? one above the largest
// number before it).
func (v *values) insert(ctx context.Context, tx dbtx, head, tail string) error {
	t, writer := tx.(*writeTx)
	var named []driver.NamedValue // the writer's arguments, one buffer for every statement
	if writer && len(v.args) > 0 {
		named = make([]driver.NamedValue, 0, len(v.lead)+chunkRows(len(v.args)/v.width)*v.width)
	}
	for args := v.args; len(args) > 0; {
		n := chunkRows(len(args) / v.width)
		query, rows := valuesSQL(head, v.group, tail, n), args[:n*v.width]
		var err error
		if writer {
			if named, err = namedValues(named[:0], v.lead, rows); err != nil {
				return fmt.Errorf("%w in %.60q", err, query)
			}
			_, err = t.execNamed(ctx, query, named)
		} else {
			_, err = tx.ExecContext(ctx, query, append(v.lead[:len(v.lead):len(v.lead)], rows...)...)
		}
		if err != nil {
			return err
		}
		args = args[n*v.width:]
	}
	return nil
}

// chunkRows is the number of rows of the next statement for rows left: the
// largest power of two not above them, at most maxValuesRows.
func chunkRows(rows int) int {
	if rows >= maxValuesRows {
		return maxValuesRows
	}
	return 1 << (bits.Len(uint(rows)) - 1)
}

// valuesStatements caches the text of the statements valuesSQL builds, so
// that the writer does not build the same long strings for every report.
var valuesStatements sync.Map // valuesShape → string

type valuesShape struct {
	head, group, tail string
	rows              int
}

// valuesSQL is head followed by rows times group, separated by commas, and tail.
func valuesSQL(head, group, tail string, rows int) string {
	shape := valuesShape{head, group, tail, rows}
	if q, ok := valuesStatements.Load(shape); ok {
		return q.(string)
	}
	var b strings.Builder
	b.WriteString(head)
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(group)
	}
	b.WriteString(tail)
	valuesStatements.Store(shape, b.String())
	return b.String()
}

// nullable is *p to bind, or nil (NULL) when p is nil.
func nullable[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
