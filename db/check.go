package db

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/check"
)

// CheckFilter selects the checks of current reports, in id order (report by
// report, each in the order of evaluation). Empty fields select everything;
// a list selects any of its values.
type CheckFilter struct {
	Rules      []string // rule ids, e.g. legacy.requests.received.sum
	Statuses   []string // pass, fail, skipped
	Severities []string // error, warning
	Publishers []string
	Region     string // prefix of the publisher's division code
	Years      YearFilter
	Report     int64 // one report's checks

	After int64 // keyset pagination: only checks with an id greater than After
	Limit int   // at most this many; 0 for all
}

// CheckRow is a stored check with its report's publisher and year.
type CheckRow struct {
	gongkai.Check
	ID              int64
	ReportID        int64
	PublisherID     string
	PublisherNameZh string
	PublisherNameEn string
	Year            int
}

// insertChecks stores the checks of report reportID (of publisherID and
// year), which tx has just inserted, in their order, with the ids of
// their indicator lists (migration 012).
func insertChecks(ctx context.Context, tx dbtx, reportID int64, publisherID string, year int, checks []gongkai.Check) error {
	lists := make([]string, len(checks))
	for i, c := range checks {
		lists[i] = jsonArray(c.Indicators)
	}
	listIDs, err := textIDs(ctx, tx, indicatorListTexts, lists)
	if err != nil {
		return err
	}
	rows := newValues(len(checks), 9).withLead(`(?1, ?2, ?3, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		reportID, publisherID, int64(year)) // bound once a statement
	for i, c := range checks {
		bd := c.Breakdown
		if bd == "" {
			bd = gongkai.BreakdownTotal
		}
		rows.add(c.Rule, c.Severity, c.Status, bd, listIDs[lists[i]],
			nullable(c.Expected), nullable(c.Actual), c.Message, c.Evidence)
	}
	return rows.insert(ctx, tx, `
		INSERT INTO checks (report_id, publisher_id, year, rule, severity, status, breakdown, indicator_list_id,
			expected, actual, message, evidence) VALUES `, "")
}

// ReportChecks returns the checks of the current report with the given id,
// in the order they were evaluated, or an ENOTFOUND error (also for a
// report replaced by a newer file). A report stored before checks existed
// has none.
func (d *DB) ReportChecks(ctx context.Context, reportID int64) ([]CheckRow, error) {
	var n int
	if err := d.read.QueryRowContext(ctx,
		`SELECT count(*) FROM reports WHERE id = ? AND superseded_by IS NULL`, reportID).Scan(&n); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, reportNotFound(reportID)
	}
	return d.ListChecks(ctx, CheckFilter{Report: reportID})
}

// checkWhere turns f's filters (not its cursor) into a WHERE clause. It
// returns an EINVALID error naming the parameter of an unknown rule, status,
// severity or publisher.
func (d *DB) checkWhere(ctx context.Context, f CheckFilter) (*where, error) {
	if err := checkRules(f.Rules); err != nil {
		return nil, err
	}
	if err := oneOf("status", f.Statuses, check.StatusPass, check.StatusFail, check.StatusSkipped); err != nil {
		return nil, err
	}
	if err := oneOf("severity", f.Severities, catalog.SeverityError, catalog.SeverityWarning); err != nil {
		return nil, err
	}
	if err := d.checkPublishers(ctx, "publisher", f.Publishers); err != nil {
		return nil, err
	}
	w := &where{}
	w.in("c.rule", f.Rules)
	w.in("c.status", f.Statuses)
	w.in("c.severity", f.Severities)
	w.in("c.publisher_id", f.Publishers)
	if f.Region != "" {
		w.add(`c.publisher_id IN (SELECT id FROM publishers WHERE admin_code >= ? AND admin_code < ?)`,
			f.Region, prefixEnd(f.Region))
	}
	w.years("c.year", f.Years)
	if f.Report != 0 {
		w.add("c.report_id = ?", f.Report)
	}
	w.add("r.superseded_by IS NULL")
	return w, nil
}

// checkRules returns an EINVALID error naming the first id of ids that is
// not a rule of the catalogue.
func checkRules(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	rules, err := catalog.Rules()
	if err != nil {
		return err
	}
	known := map[string]bool{}
	for _, r := range rules {
		known[r.ID] = true
	}
	for _, id := range ids {
		if !known[id] {
			return &gongkai.Error{Code: gongkai.EINVALID, Param: "rule", Message: "unknown rule " + quote(id)}
		}
	}
	return nil
}

// oneOf returns an EINVALID error for param naming the first of vals that
// is not one of allowed.
func oneOf(param string, vals []string, allowed ...string) error {
	for _, v := range vals {
		ok := false
		for _, a := range allowed {
			ok = ok || v == a
		}
		if !ok {
			return &gongkai.Error{Code: gongkai.EINVALID, Param: param,
				Message: "unknown " + param + " " + quote(v) + "; want " + strings.Join(allowed, ", ")}
		}
	}
	return nil
}

// The checks are the outer loop (CROSS JOIN keeps SQLite from reordering),
// read through the index of the filter in id order; each probes its
// report's primary key to skip those of replaced reports.
const checkFrom = ` FROM checks c CROSS JOIN reports r ON r.id = c.report_id
	LEFT JOIN publishers p ON p.id = c.publisher_id`

const checkColumns = `c.id, c.report_id, c.publisher_id, coalesce(p.name_zh, ''), coalesce(p.name_en, ''), c.year,
	c.rule, c.severity, c.status, c.breakdown, (SELECT codes FROM indicator_lists WHERE id = c.indicator_list_id),
	c.expected, c.actual, c.message, c.evidence`

// CountChecks returns the number of checks matching f, ignoring its cursor
// and limit, with ListChecks' errors.
func (d *DB) CountChecks(ctx context.Context, f CheckFilter) (int, error) {
	w, err := d.checkWhere(ctx, f)
	if err != nil {
		return 0, err
	}
	var n int
	err = d.read.QueryRowContext(ctx, `SELECT count(*) FROM checks c CROSS JOIN reports r ON r.id = c.report_id`+
		w.String(), w.args...).Scan(&n)
	return n, err
}

// ListChecks returns the checks of current reports matching f, at most
// f.Limit of them, in id order after f.After. It returns an EINVALID error
// naming the parameter of an unknown rule, status, severity or publisher.
func (d *DB) ListChecks(ctx context.Context, f CheckFilter) ([]CheckRow, error) {
	rows := []CheckRow{}
	err := d.EachCheck(ctx, f, func(r *CheckRow) error {
		rows = append(rows, *r)
		return nil
	})
	return rows, err
}

// EachCheck calls fn for each check matching f, in id order, streaming from
// the database. It returns ListChecks' errors or the first error of fn.
func (d *DB) EachCheck(ctx context.Context, f CheckFilter, fn func(*CheckRow) error) error {
	query, args, err := d.checkQuery(ctx, f)
	if err != nil {
		return err
	}
	rows, err := d.read.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r CheckRow
		var indicators string
		var expected, actual sql.NullFloat64
		if err := rows.Scan(&r.ID, &r.ReportID, &r.PublisherID, &r.PublisherNameZh, &r.PublisherNameEn, &r.Year,
			&r.Rule, &r.Severity, &r.Status, &r.Breakdown, &indicators, &expected, &actual,
			&r.Message, &r.Evidence); err != nil {
			return err
		}
		r.Indicators = jsonStrings(indicators)
		if expected.Valid {
			r.Expected = &expected.Float64
		}
		if actual.Valid {
			r.Actual = &actual.Float64
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (d *DB) checkQuery(ctx context.Context, f CheckFilter) (string, []any, error) {
	w, err := d.checkWhere(ctx, f)
	if err != nil {
		return "", nil, err
	}
	if f.After > 0 {
		w.add("c.id > ?", f.After)
	}
	query := `SELECT ` + checkColumns + checkFrom + w.String() + ` ORDER BY c.id`
	if f.Limit > 0 {
		query += ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	return query, w.args, nil
}
