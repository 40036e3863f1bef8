package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/gongkai/gongkai"
)

// ReportFilter selects current reports, ordered by id. Empty fields select
// everything.
type ReportFilter struct {
	Publishers []string
	Region     string // prefix of the publisher's division code
	Years      YearFilter
	Templates  []string

	After int64 // keyset pagination: only reports with an id greater than After
	Limit int   // at most this many; 0 for all
}

// ReportSummary is a report as listed: its metadata without the text.
type ReportSummary struct {
	ID           int64
	Publisher    gongkai.Publisher
	Year         int
	Template     string
	Title        string
	PublishedOn  string
	FileName     string
	SHA256       string
	IngestedAt   time.Time
	Observations int
	Unplaced     int

	// Provenance of a fetched report; empty for a file ingested from disk.
	SourceURL  string    // the URL of the file whose table was read
	ListingURL string    // the listing page that led to it
	FetchedAt  time.Time // when that file was fetched
}

// ReportDetail is a report with its contact block, narrative and the rows
// the parser could not place.
type ReportDetail struct {
	ReportSummary
	Contact      gongkai.Contact
	Missing      []string
	Sections     []gongkai.Section
	UnplacedRows []gongkai.Unplaced
	Files        []ReportFile // the files of a fetched report: its page and attachments
}

// Source is the original file of a report, byte for byte.
type Source struct {
	ReportID int64
	FileName string
	SHA256   string
	Bytes    []byte
}

const reportColumns = `r.id, r.publisher_id, coalesce(p.name_zh, ''), coalesce(p.name_en, ''),
	coalesce(p.level, ''), coalesce(p.admin_code, ''), coalesce(p.parent_code, ''),
	r.year, r.template, r.title, r.published_on, r.file_name, r.sha256, r.ingested_at,
	(SELECT count(*) FROM observations WHERE report_id = r.id),
	(SELECT count(*) FROM unplaced WHERE report_id = r.id),
	r.source_url, r.listing_url, r.fetched_at`

func (d *DB) reportWhere(ctx context.Context, f ReportFilter) (*where, error) {
	if err := d.checkPublishers(ctx, "publisher", f.Publishers); err != nil {
		return nil, err
	}
	w := &where{}
	w.add("r.superseded_by IS NULL")
	w.in("r.publisher_id", f.Publishers)
	if f.Region != "" {
		w.add(`r.publisher_id IN (SELECT id FROM publishers WHERE admin_code >= ? AND admin_code < ?)`,
			f.Region, prefixEnd(f.Region))
	}
	w.years("r.year", f.Years)
	w.in("r.template", f.Templates)
	return w, nil
}

// CountReports returns the number of current reports matching f, ignoring
// f.After and f.Limit. It returns an EINVALID error naming an unknown publisher.
func (d *DB) CountReports(ctx context.Context, f ReportFilter) (int, error) {
	query, args, err := d.countReportsQuery(ctx, f)
	if err != nil {
		return 0, err
	}
	var n int
	err = d.read.QueryRowContext(ctx, query, args...).Scan(&n)
	return n, err
}

// countReportsQuery returns the count of f: from the summaries kept at
// ingest when f filters by nothing but years and templates (counting a
// year's 13,200 reports read each one to see whether it is current: 45 ms),
// otherwise from reports.
func (d *DB) countReportsQuery(ctx context.Context, f ReportFilter) (string, []any, error) {
	if len(f.Publishers) == 0 && f.Region == "" {
		w := &where{}
		w.years("year", f.Years)
		w.in("template", f.Templates)
		return `SELECT coalesce(sum(reports), 0) FROM summary_years` + w.String(), w.args, nil
	}
	w, err := d.reportWhere(ctx, f)
	if err != nil {
		return "", nil, err
	}
	return `SELECT count(*) FROM reports r` + w.String(), w.args, nil
}

// EachReport calls fn for each current report matching f, streaming from the
// database. It returns an EINVALID error naming an unknown publisher, or the
// first error of fn.
func (d *DB) EachReport(ctx context.Context, f ReportFilter, fn func(*ReportSummary) error) error {
	w, err := d.reportWhere(ctx, f)
	if err != nil {
		return err
	}
	if f.After > 0 {
		w.add("r.id > ?", f.After)
	}
	query := `SELECT ` + reportColumns + ` FROM reports r LEFT JOIN publishers p ON p.id = r.publisher_id` +
		w.String() + ` ORDER BY r.id`
	if f.Limit > 0 {
		query += ` LIMIT ` + strconv.Itoa(f.Limit)
	}
	rows, err := d.read.QueryContext(ctx, query, w.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r ReportSummary
		if err := scanReport(rows, &r); err != nil {
			return err
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return rows.Err()
}

func scanReport(row interface{ Scan(...any) error }, r *ReportSummary) error {
	var ingested, fetched string
	p := &r.Publisher
	if err := row.Scan(&r.ID, &p.ID, &p.NameZh, &p.NameEn, &p.Level, &p.AdminCode, &p.ParentCode,
		&r.Year, &r.Template, &r.Title, &r.PublishedOn, &r.FileName, &r.SHA256, &ingested,
		&r.Observations, &r.Unplaced, &r.SourceURL, &r.ListingURL, &fetched); err != nil {
		return err
	}
	r.IngestedAt = parseTime(ingested)
	r.FetchedAt = parseTime(fetched)
	return nil
}

// FindReport returns the current report with the given id, with its
// contact, narrative sections and unplaced rows, or an ENOTFOUND error
// (also for a report superseded by a newer file).
func (d *DB) FindReport(ctx context.Context, id int64) (*ReportDetail, error) {
	r := &ReportDetail{Sections: []gongkai.Section{}, UnplacedRows: []gongkai.Unplaced{}}
	var contact, missing string
	row := d.read.QueryRowContext(ctx, `SELECT `+reportColumns+`, r.contact, r.missing
		FROM reports r LEFT JOIN publishers p ON p.id = r.publisher_id
		WHERE r.id = ? AND r.superseded_by IS NULL`, id)
	err := scanReport(scanFunc(func(dest ...any) error {
		return row.Scan(append(dest, &contact, &missing)...)
	}), &r.ReportSummary)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, reportNotFound(id)
	}
	if err != nil {
		return nil, err
	}
	_ = json.Unmarshal([]byte(contact), &r.Contact) // written by StoreReport from a gongkai.Contact
	r.Missing = jsonStrings(missing)

	rows, err := d.read.QueryContext(ctx,
		`SELECT heading, text, line FROM sections WHERE report_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var s gongkai.Section
		if err := rows.Scan(&s.Heading, &s.Text, &s.Line); err != nil {
			return nil, err
		}
		r.Sections = append(r.Sections, s)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}

	urows, err := d.read.QueryContext(ctx,
		`SELECT label, cells, line, page, reason FROM unplaced WHERE report_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer urows.Close()
	for urows.Next() {
		var u gongkai.Unplaced
		var cells string
		if err := urows.Scan(&u.Label, &cells, &u.Line, &u.Page, &u.Reason); err != nil {
			return nil, err
		}
		u.Cells = jsonStrings(cells)
		r.UnplacedRows = append(r.UnplacedRows, u)
	}
	if err := urows.Err(); err != nil {
		return nil, err
	}
	r.Files, err = d.reportFiles(ctx, id)
	return r, err
}

// FindSource returns the original file of the current report with the given
// id, or an ENOTFOUND error.
func (d *DB) FindSource(ctx context.Context, id int64) (*Source, error) {
	s := &Source{ReportID: id}
	err := d.read.QueryRowContext(ctx, `
		SELECT r.file_name, r.sha256, s.bytes FROM reports r JOIN sources s ON s.sha256 = r.sha256
		WHERE r.id = ? AND r.superseded_by IS NULL`, id).Scan(&s.FileName, &s.SHA256, &s.Bytes)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, reportNotFound(id)
	}
	if err != nil {
		return nil, err
	}
	return s, nil
}

func reportNotFound(id int64) error {
	return &gongkai.Error{Code: gongkai.ENOTFOUND, Message: "no current report with id " + strconv.FormatInt(id, 10)}
}

// scanFunc adapts a function to the Scan method of sql.Row and sql.Rows.
type scanFunc func(dest ...any) error

func (f scanFunc) Scan(dest ...any) error { return f(dest...) }
