package db

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
)

// PublisherFilter selects publishers, ordered by id. Empty fields select
// everything.
type PublisherFilter struct {
	Region string // prefix of the GB/T 2260 division code ("3704": all of 枣庄市)
	Level  string // province, prefecture, county, township, department
	Q      string // substring of the Chinese or English name

	After string // keyset pagination: only publishers with an id greater than After
	Limit int    // at most this many; 0 for all
}

// PublisherSummary is a publisher with the years of its current reports.
type PublisherSummary struct {
	gongkai.Publisher
	Years []int
}

// PublisherDetail is a publisher with its current reports.
type PublisherDetail struct {
	gongkai.Publisher
	Reports []ReportRef
}

// ReportRef names one report of a publisher.
type ReportRef struct {
	ID       int64
	Year     int
	Template string
	Title    string
}

const publisherColumns = `p.id, p.name_zh, p.name_en, p.level, p.admin_code, p.parent_code,
	coalesce((SELECT group_concat(year) FROM
		(SELECT year FROM reports WHERE publisher_id = p.id AND superseded_by IS NULL ORDER BY year)), '')`

func publisherWhere(f PublisherFilter) *where {
	w := &where{}
	w.prefix("p.admin_code", f.Region)
	if f.Level != "" {
		w.add("p.level = ?", f.Level)
	}
	if f.Q != "" {
		// A scan of the publishers table: thousands of rows, not millions.
		q := "%" + escapeLike(f.Q) + "%"
		w.add(`(p.name_zh LIKE ? ESCAPE '\' OR p.name_en LIKE ? ESCAPE '\')`, q, q)
	}
	return w
}

// CountPublishers returns the number of publishers matching f, ignoring
// f.After and f.Limit.
func (d *DB) CountPublishers(ctx context.Context, f PublisherFilter) (int, error) {
	w := publisherWhere(f)
	var n int
	err := d.read.QueryRowContext(ctx, `SELECT count(*) FROM publishers p`+w.String(), w.args...).Scan(&n)
	return n, err
}

// EachPublisher calls fn for each publisher matching f, streaming from the
// database. It stops at the first error of fn and returns it.
func (d *DB) EachPublisher(ctx context.Context, f PublisherFilter, fn func(*PublisherSummary) error) error {
	w := publisherWhere(f)
	if f.After != "" {
		w.add("p.id > ?", f.After)
	}
	query := `SELECT ` + publisherColumns + ` FROM publishers p` + w.String() + ` ORDER BY p.id`
	if f.Limit > 0 {
		query += ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	rows, err := d.read.QueryContext(ctx, query, w.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p PublisherSummary
		var years string
		if err := rows.Scan(&p.ID, &p.NameZh, &p.NameEn, &p.Level, &p.AdminCode, &p.ParentCode, &years); err != nil {
			return err
		}
		p.Years = splitInts(years)
		if err := fn(&p); err != nil {
			return err
		}
	}
	return rows.Err()
}

// FindPublisher returns the publisher with the given id and its current
// reports, or an ENOTFOUND error.
func (d *DB) FindPublisher(ctx context.Context, id string) (*PublisherDetail, error) {
	p := &PublisherDetail{Reports: []ReportRef{}}
	err := d.read.QueryRowContext(ctx, `
		SELECT id, name_zh, name_en, level, admin_code, parent_code FROM publishers WHERE id = ?`, id).
		Scan(&p.ID, &p.NameZh, &p.NameEn, &p.Level, &p.AdminCode, &p.ParentCode)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &gongkai.Error{Code: gongkai.ENOTFOUND, Message: "no publisher with id " + quote(id)}
	}
	if err != nil {
		return nil, err
	}
	rows, err := d.read.QueryContext(ctx, `
		SELECT id, year, template, title FROM reports
		WHERE publisher_id = ? AND superseded_by IS NULL ORDER BY year`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var r ReportRef
		if err := rows.Scan(&r.ID, &r.Year, &r.Template, &r.Title); err != nil {
			return nil, err
		}
		p.Reports = append(p.Reports, r)
	}
	return p, rows.Err()
}

// checkPublishers returns an EINVALID error for param naming the first id
// of ids that no publisher has.
func (d *DB) checkPublishers(ctx context.Context, param string, ids []string) error {
	return d.checkCodes(ctx, "publishers", "id", param, "publisher id", ids)
}

// checkCodes returns an EINVALID error for param naming the first of codes
// absent from column col of table (a primary key: one probe per code).
func (d *DB) checkCodes(ctx context.Context, table, col, param, what string, codes []string) error {
	for _, c := range codes {
		var n int
		if err := d.read.QueryRowContext(ctx,
			`SELECT count(*) FROM `+table+` WHERE `+col+` = ?`, c).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return &gongkai.Error{Code: gongkai.EINVALID, Param: param, Message: "unknown " + what + " " + quote(c)}
		}
	}
	return nil
}

// splitInts parses "2015,2017" (a group_concat of integers).
func splitInts(s string) []int {
	out := []int{}
	for f := range strings.SplitSeq(s, ",") {
		if n, err := strconv.Atoi(f); err == nil {
			out = append(out, n)
		}
	}
	return out
}
