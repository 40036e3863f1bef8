package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/check"
)

// IngestReport does all that storing a parsed report involves, in one
// transaction: it runs the consistency checks of r (rules) against the
// publisher's current report of the year before, stores r with them as
// StoreReport does, and checks the publisher's current report of the year
// after again against r, replacing its results of the rules across years
// and flagging its figures. Either all of it is written or, on any error,
// none of it.
//
// It returns StoreReport's outcomes and errors. r's Checks and its
// observations' flags are set by the checks even when nothing is stored.
func (d *DB) IngestReport(ctx context.Context, r *gongkai.Report, rules []catalog.Rule, opt StoreOptions) (Outcome, error) {
	check.ApplyWithin(r, rules)
	return d.IngestChecked(ctx, r, rules, opt)
}

// IngestChecked is IngestReport of a report on which check.ApplyWithin(r,
// rules) has run: it runs only the rules across years, which need the
// stored report of the year before. A bulk load runs the rest, most of the
// checks' work, on other cores while the single writer stores the reports
// before r.
func (d *DB) IngestChecked(ctx context.Context, r *gongkai.Report, rules []catalog.Rule, opt StoreOptions) (Outcome, error) {
	return d.writeReport(ctx, r, func(tx dbtx, now time.Time) (Outcome, error) {
		near, err := currentReports(ctx, tx, r.Publisher.ID, r.Year-1, r.Year+1)
		if err != nil {
			return Outcome{}, err
		}
		prev, err := figuresOf(ctx, tx, r.Publisher.ID, r.Year-1, near[r.Year-1])
		if err != nil {
			return Outcome{}, err
		}
		check.ApplyAcross(r, rules, prev)
		out, err := storeReport(ctx, tx, r, opt, now, near[r.Year])
		if err != nil || out.Status == StatusUnchanged || out.Status == StatusSourced {
			return out, err // the figures stored are unchanged
		}
		if err := recheckNext(ctx, tx, r, rules, near[r.Year+1]); err != nil {
			return Outcome{}, fmt.Errorf("re-check %s %d against %d: %w", r.Publisher.ID, r.Year+1, r.Year, err)
		}
		return out, nil
	})
}

// recheckNext runs the rules across years again on the publisher's current
// report of the year after r, next, if one is stored: its checks against r
// were skipped, or made against the report r replaces.
func recheckNext(ctx context.Context, tx dbtx, r *gongkai.Report, rules []catalog.Rule, after storedReport) error {
	stored, err := figuresOf(ctx, tx, r.Publisher.ID, r.Year+1, after)
	if err != nil || stored == nil {
		return err
	}
	id := after.id
	next := copyFigures(stored) // the checks flag its figures
	var across []catalog.Rule
	var ids []string
	for _, rule := range rules {
		if rule.Kind == catalog.KindPrevious && rule.AppliesTo(next.Template) {
			across = append(across, rule)
			ids = append(ids, rule.ID)
		}
	}
	if len(across) == 0 {
		return nil
	}
	checks := check.Run(next, across, r)
	check.Mark(next, checks, across)
	if err := replaceChecks(ctx, tx, id, ids, checks, next); err != nil {
		return err
	}
	if cache := cacheOf(tx); cache != nil {
		cache.figures[id] = next
	}
	return nil
}

// replaceChecks replaces the stored results of the given rules on report
// reportID with checks, and flags check_failed on the observations of r
// (the report's figures, as the checks marked them) that carry it.
func replaceChecks(ctx context.Context, tx dbtx, reportID int64, rules []string, checks []gongkai.Check, r *gongkai.Report) error {
	for _, rule := range rules {
		if _, err := tx.ExecContext(ctx, `DELETE FROM checks WHERE report_id = ? AND rule = ?`, reportID, rule); err != nil {
			return err
		}
	}
	if err := insertChecks(ctx, tx, reportID, r.Publisher.ID, r.Year, checks); err != nil {
		return err
	}
	for _, o := range r.Observations {
		if !slices.Contains(o.Flags, gongkai.FlagCheckFailed) {
			continue
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE observations SET flags = json_insert(flags, '$[#]', ?)
			WHERE report_id = ? AND indicator_id = `+indicatorIDOf+` AND breakdown = ? AND flags NOT LIKE '%"check_failed"%'`,
			gongkai.FlagCheckFailed, reportID, o.Indicator, o.Breakdown); err != nil {
			return err
		}
	}
	return nil
}

// querier is what reading within a transaction or from the pool needs.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// PreviousReport returns the figures (indicator, breakdown, value, flags) of
// the current report of publisherID for the year before year, nil when none
// is stored: what the rules across years compare with.
func (d *DB) PreviousReport(ctx context.Context, publisherID string, year int) (*gongkai.Report, error) {
	r, _, err := reportFigures(ctx, d.read, publisherID, year-1)
	return r, err
}

// reportFigures returns the figures (indicator, breakdown, value, flags) of
// the current report of publisherID for year, with its id; nil and 0 when
// none is stored.
func reportFigures(ctx context.Context, q querier, publisherID string, year int) (*gongkai.Report, int64, error) {
	cur, err := currentReports(ctx, q, publisherID, year, year)
	if err != nil {
		return nil, 0, err
	}
	r, err := figuresOf(ctx, q, publisherID, year, cur[year])
	return r, cur[year].id, err
}

// storedReport is a publisher's current report of a year: its id (0 for
// none), the sha256 of its file and its template.
type storedReport struct {
	id            int64
	sha, template string
}

// currentReports returns the current reports of publisherID of the years
// from first to last, by year: the ingest of a report reads those of its
// year and the years before and after it with one query.
func currentReports(ctx context.Context, q querier, publisherID string, first, last int) (map[int]storedReport, error) {
	rows, err := queryRows(ctx, q, `
		SELECT year, id, sha256, template FROM reports
		WHERE publisher_id = ? AND year BETWEEN ? AND ? AND superseded_by IS NULL`, publisherID, first, last)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]storedReport{}
	for rows.Next() {
		var year int
		var s storedReport
		if err := rows.Scan(&year, &s.id, &s.sha, &s.template); err != nil {
			return nil, err
		}
		out[year] = s
	}
	return out, rows.Err()
}

// figuresOf returns the figures (indicator, breakdown, value, flags) of s,
// the report of publisherID for year; nil when s is none. The writer reads
// them from its cache when it stored or read them lately: the caller must
// not change them.
func figuresOf(ctx context.Context, q querier, publisherID string, year int, s storedReport) (*gongkai.Report, error) {
	if s.id == 0 {
		return nil, nil
	}
	cache := cacheOf(q)
	if cache != nil {
		if cached := cache.reportFigures(s.id); cached != nil {
			return cached, nil
		}
	}
	r := &gongkai.Report{Publisher: gongkai.Publisher{ID: publisherID}, Year: year, Template: s.template}
	if err := readFigures(ctx, q, s.id, r); err != nil {
		return nil, err
	}
	if cache != nil {
		cache.figures[s.id] = r
	}
	return r, nil
}

// readFigures reads the figures of report id into r.
func readFigures(ctx context.Context, q querier, id int64, r *gongkai.Report) error {
	rows, err := queryRows(ctx, q, `
		SELECT (SELECT code FROM indicators WHERE id = o.indicator_id), o.breakdown, o.value, o.flags
		FROM observations o WHERE o.report_id = ? ORDER BY o.id`, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var o gongkai.Observation
		var v sql.NullFloat64
		var flags string
		if err := rows.Scan(&o.Indicator, &o.Breakdown, &v, &flags); err != nil {
			return err
		}
		if v.Valid {
			o.Value = &v.Float64
		}
		if flags != "[]" { // most figures carry no flag: spare decoding them
			_ = json.Unmarshal([]byte(flags), &o.Flags) // written by StoreReport as a JSON array
		}
		r.Observations = append(r.Observations, o)
	}
	return rows.Err()
}

// dbtx is what the steps of storing need of a transaction: a *sql.Tx, or
// the writer's transaction (writeTx).
type dbtx interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	PrepareContext(ctx context.Context, query string) (*sql.Stmt, error)
}
