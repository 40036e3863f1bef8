package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gongkai/gongkai"
)

// ErrReadOnly is returned by the methods that write when the database was
// opened read-only.
var ErrReadOnly = errors.New("db: database opened read-only")

// StoreOptions tunes StoreReport.
type StoreOptions struct {
	// Replace lets a different file supersede the current report of the same
	// publisher and year, instead of being refused as a conflict.
	Replace bool
}

// Outcome statuses.
const (
	StatusStored    = "stored"    // a new report
	StatusUnchanged = "unchanged" // the same file is already the current report: nothing written
	StatusReplaced  = "replaced"  // a new report superseding the previous one
	// StatusSourced: the same file is already the current report, stored
	// from disk; what is written is where it was fetched from.
	StatusSourced = "sourced"
)

// Outcome says what StoreReport did.
type Outcome struct {
	Status   string // StatusStored, StatusUnchanged, StatusSourced or StatusReplaced
	ReportID int64
	Previous int64 // the replaced report's id, for StatusReplaced
}

// StoreReport stores r, its source bytes, sections, observations, unplaced
// rows and checks in one transaction: on any error nothing of r is written.
//
// Storing the file that is already the current report of its publisher and
// year does nothing and reports StatusUnchanged; when the stored report
// says nowhere where it came from and r does (a report ingested from disk,
// fetched later), r's provenance is added and it reports StatusSourced. A different file for a
// publisher and year that has a current report is refused with an ECONFLICT
// error unless opt.Replace is set; then the previous report and its
// observations stay stored but are no longer current.
//
// It returns an EINVALID error when r lacks a publisher id or name, a year, a
// template, its source bytes or their sha256, or when an observation names an
// indicator the database does not know; ErrReadOnly on a read-only database.
// The embedded catalogue is synced first if no catalogue ever was.
func (d *DB) StoreReport(ctx context.Context, r *gongkai.Report, opt StoreOptions) (Outcome, error) {
	return d.writeReport(ctx, r, func(tx dbtx, now time.Time) (Outcome, error) {
		cur, err := currentReports(ctx, tx, r.Publisher.ID, r.Year, r.Year)
		if err != nil {
			return Outcome{}, err
		}
		return storeReport(ctx, tx, r, opt, now, cur[r.Year])
	})
}

// writeReport validates r and runs store, the work of storing it, in one
// transaction of the write connection, which also records the change in the
// dataset's version; nothing is written when store fails or leaves r
// unchanged.
func (d *DB) writeReport(ctx context.Context, r *gongkai.Report, store func(tx dbtx, now time.Time) (Outcome, error)) (Outcome, error) {
	if err := validateReport(r); err != nil {
		return Outcome{}, err
	}
	if d.ReadOnly || d.write == nil {
		return Outcome{}, ErrReadOnly
	}
	tx, err := d.beginWrite(ctx)
	if err != nil {
		return Outcome{}, err
	}
	defer tx.end()

	if tx.cache, err = d.cache.begin(ctx, tx); err != nil {
		return Outcome{}, err
	}
	now := d.now()
	out, err := store(tx, now)
	if err != nil || out.Status == StatusUnchanged {
		return out, err
	}
	change := fmt.Sprintf("%s %s %d %s", out.Status, r.Publisher.ID, r.Year, r.SHA256)
	if err := bumpVersion(ctx, tx, change, now); err != nil {
		return Outcome{}, err
	}
	if err := tx.commit(ctx); err != nil {
		return Outcome{}, err
	}
	tx.cache.commit()
	return out, nil
}

// addProvenance gives the stored report id, whose file is r's, r's
// provenance when it has none: StatusSourced; otherwise nothing is written
// (StatusUnchanged).
func addProvenance(ctx context.Context, tx dbtx, id int64, r *gongkai.Report) (Outcome, error) {
	unchanged := Outcome{Status: StatusUnchanged, ReportID: id}
	if r.SourceURL == "" && len(r.Files) == 0 {
		return unchanged, nil
	}
	var sourced bool
	if err := tx.QueryRowContext(ctx, `
		SELECT source_url != '' OR EXISTS (SELECT 1 FROM report_files WHERE report_id = ?1)
		FROM reports WHERE id = ?1`, id).Scan(&sourced); err != nil || sourced {
		return unchanged, err
	}
	if err := insertProvenance(ctx, tx, id, r); err != nil {
		return Outcome{}, err
	}
	return Outcome{Status: StatusSourced, ReportID: id}, nil
}

// storeReport does StoreReport's work within tx; current is the current
// report of r's publisher and year.
func storeReport(ctx context.Context, tx dbtx, r *gongkai.Report, opt StoreOptions, now time.Time, current storedReport) (Outcome, error) {
	prev, prevSHA := current.id, current.sha
	switch {
	case prev != 0 && prevSHA == r.SHA256:
		return addProvenance(ctx, tx, prev, r)
	case prev != 0 && !opt.Replace:
		return Outcome{}, conflictError(r, prevSHA)
	}

	if err := ensureCatalog(ctx, tx); err != nil {
		return Outcome{}, fmt.Errorf("sync catalogue: %w", err)
	}
	indicators, err := checkIndicators(ctx, tx, r)
	if err != nil {
		return Outcome{}, err
	}
	if err := upsertPublisher(ctx, tx, r.Publisher); err != nil {
		return Outcome{}, err
	}
	if err := insertSource(ctx, tx, r.SHA256, r.Source); err != nil {
		return Outcome{}, err
	}
	if prev != 0 {
		if err := retireReport(ctx, tx, prev); err != nil {
			return Outcome{}, err
		}
	}
	id, err := insertReport(ctx, tx, r, now)
	if err != nil {
		return Outcome{}, err
	}
	if err := insertContents(ctx, tx, id, prev, r, indicators); err != nil {
		return Outcome{}, err
	}
	if err := insertProvenance(ctx, tx, id, r); err != nil {
		return Outcome{}, err
	}
	if err := countReport(ctx, tx, id, len(r.Observations), prev); err != nil {
		return Outcome{}, err
	}
	if err := countProvinces(ctx, tx, r, prev, indicators); err != nil { // db/provinces.go
		return Outcome{}, err
	}
	if cache := cacheOf(tx); cache != nil {
		cache.figures[id] = storedFigures(r) // the year before of the next report
	}
	if prev == 0 {
		return Outcome{Status: StatusStored, ReportID: id}, nil
	}
	if _, err := tx.ExecContext(ctx, `UPDATE reports SET superseded_by = ? WHERE id = ?`, id, prev); err != nil {
		return Outcome{}, err
	}
	return Outcome{Status: StatusReplaced, ReportID: id, Previous: prev}, nil
}

// validateReport checks that r has what the database needs to store it.
func validateReport(r *gongkai.Report) error {
	if r == nil {
		return gongkai.Errorf(gongkai.EINVALID, "no report to store")
	}
	var missing []string
	for _, f := range []struct {
		name string
		ok   bool
	}{
		{"publisher id", r.Publisher.ID != ""},
		{"publisher name", r.Publisher.NameZh != ""},
		{"year", r.Year > 0},
		{"template", r.Template != ""},
		{"sha256", r.SHA256 != ""},
		{"source bytes", len(r.Source) > 0},
	} {
		if !f.ok {
			missing = append(missing, f.name)
		}
	}
	if len(missing) > 0 {
		return invalid(r, 0, "cannot store the report: missing %s", strings.Join(missing, ", "))
	}
	if sum := sha256.Sum256(r.Source); r.SHA256 != hex.EncodeToString(sum[:]) {
		return invalid(r, 0, "sha256 %s does not match the source bytes", short(r.SHA256))
	}
	for _, o := range r.Observations {
		if o.Indicator == "" {
			return invalid(r, o.Line, "an observation has no indicator code")
		}
	}
	return nil
}

// invalid is an EINVALID error located in r's file.
func invalid(r *gongkai.Report, line int, format string, args ...any) *gongkai.Error {
	e := gongkai.Errorf(gongkai.EINVALID, format, args...)
	e.File, e.Line = r.FileName, line
	return e
}

// conflictError refuses r because another file is the current report of its
// publisher and year.
func conflictError(r *gongkai.Report, storedSHA string) *gongkai.Error {
	e := gongkai.Errorf(gongkai.ECONFLICT,
		"%s (%s) %d: a different report is already stored (sha256 %s…, this file %s…); replace it to store this one",
		r.Publisher.NameZh, r.Publisher.ID, r.Year, short(storedSHA), short(r.SHA256))
	e.File = r.FileName
	return e
}

// short is the prefix of a sha256 that people read.
func short(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}

// checkIndicators returns the ids of the indicator codes of r's figures
// (indicatorIDs), or an EINVALID error naming the first code the
// indicators table lacks. The foreign key would refuse it too, but without
// saying which code.
func checkIndicators(ctx context.Context, tx dbtx, r *gongkai.Report) (map[string]int64, error) {
	ids, err := indicatorIDs(ctx, tx, r.Observations)
	if err != nil {
		return nil, err
	}
	var unknown []string
	line := map[string]int{} // code → line of its first observation
	for _, o := range r.Observations {
		if _, seen := line[o.Indicator]; !seen && ids[o.Indicator] == 0 {
			line[o.Indicator] = o.Line
			unknown = append(unknown, o.Indicator)
		}
	}
	switch len(unknown) {
	case 0:
		return ids, nil
	case 1:
		return nil, invalid(r, line[unknown[0]], "unknown indicator code %s", unknown[0])
	}
	return nil, invalid(r, line[unknown[0]], "unknown indicator codes %s", strings.Join(unknown, ", "))
}

// indicatorIDs returns the ids of the indicator codes of obs (migration
// 011), 0 for a code the indicators table lacks. The writer knows them
// once it has stored a report of each.
func indicatorIDs(ctx context.Context, tx dbtx, obs []gongkai.Observation) (map[string]int64, error) {
	cache := cacheOf(tx)
	ids := make(map[string]int64, 64)
	var missing []string
	for _, o := range obs {
		if _, ok := ids[o.Indicator]; ok {
			continue
		}
		id, ok := int64(0), false
		if cache != nil {
			id, ok = cache.indicator(o.Indicator)
		}
		ids[o.Indicator] = id
		if !ok {
			missing = append(missing, o.Indicator)
		}
	}
	if len(missing) == 0 {
		return ids, nil
	}
	rows, err := queryRows(ctx, tx, `SELECT i.code, i.id FROM json_each(?) j JOIN indicators i ON i.code = j.value`,
		jsonArray(missing))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var code string
		var id int64
		if err := rows.Scan(&code, &id); err != nil {
			return nil, err
		}
		ids[code] = id
		if cache != nil {
			cache.indicators[code] = id
		}
	}
	return ids, rows.Err()
}

// upsertPublisher stores p, keeping the stored English name, level and codes
// where p leaves them empty. Observations do not copy the division code: a
// region filter and the code printed read it from publishers.
func upsertPublisher(ctx context.Context, tx dbtx, p gongkai.Publisher) error {
	cache := cacheOf(tx)
	if cache != nil {
		if stored, ok := cache.publisher(p.ID); ok && stored == p {
			return nil // stored as it is, and indexed (indexReport)
		}
	}
	var other string
	err := tx.QueryRowContext(ctx, `SELECT id FROM publishers WHERE name_zh = ? AND id <> ?`,
		p.NameZh, p.ID).Scan(&other)
	switch {
	case err == nil:
		return gongkai.Errorf(gongkai.ECONFLICT,
			"publisher %s: the name %s already belongs to publisher %s", p.ID, p.NameZh, other)
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}

	_, err = tx.ExecContext(ctx, `
		INSERT INTO publishers (id, name_zh, name_en, level, admin_code, parent_code)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET
			name_zh     = excluded.name_zh,
			name_en     = coalesce(nullif(excluded.name_en, ''), name_en),
			level       = coalesce(nullif(excluded.level, ''), level),
			admin_code  = coalesce(nullif(excluded.admin_code, ''), admin_code),
			parent_code = coalesce(nullif(excluded.parent_code, ''), parent_code)`,
		p.ID, p.NameZh, p.NameEn, p.Level, p.AdminCode, p.ParentCode)
	return err
}

// insertSource stores a file's bytes once, however many reports cite them.
func insertSource(ctx context.Context, tx dbtx, sha string, b []byte) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO sources (sha256, size, bytes) VALUES (?, ?, ?)
		ON CONFLICT (sha256) DO NOTHING`, sha, len(b), b)
	return err
}

// retireReport takes report id out of the current ones, with its
// observations. It points superseded_by at the report itself for the moment:
// the unique index of current reports must let the successor in, and the
// foreign key needs an existing id; storeReport sets the successor's id.
func retireReport(ctx context.Context, tx dbtx, id int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE reports SET superseded_by = id WHERE id = ?`, id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE observations SET current = 0 WHERE report_id = ?`, id)
	return err
}

func insertReport(ctx context.Context, tx dbtx, r *gongkai.Report, now time.Time) (int64, error) {
	contact, err := json.Marshal(r.Contact)
	if err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `
		INSERT INTO reports (publisher_id, year, template, title, published_on, contact, missing,
			file_name, sha256, ingested_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Publisher.ID, r.Year, r.Template, r.Title, r.PublishedOn, string(contact),
		jsonArray(r.Missing), r.FileName, r.SHA256, now.UTC().Format(time.RFC3339))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// insertContents stores what report id, replacing prev (0 for none),
// consists of: its narrative, figures, unplaced rows and checks;
// indicators are the ids of its figures' indicator codes.
func insertContents(ctx context.Context, tx dbtx, id, prev int64, r *gongkai.Report, indicators map[string]int64) error {
	if err := insertSections(ctx, tx, id, r.Sections); err != nil {
		return err
	}
	if err := insertObservations(ctx, tx, id, r, indicators); err != nil {
		return err
	}
	if err := insertUnplaced(ctx, tx, id, r.Unplaced); err != nil {
		return err
	}
	if err := indexReport(ctx, tx, id, prev, r); err != nil { // db/search.go
		return err
	}
	return insertChecks(ctx, tx, id, r.Publisher.ID, r.Year, r.Checks)
}

// insertSections stores a report's narrative; positions count from 1.
func insertSections(ctx context.Context, tx dbtx, reportID int64, sections []gongkai.Section) error {
	rows := newValues(len(sections), 5)
	for i, s := range sections {
		rows.add(reportID, int64(i+1), s.Heading, s.Text, int64(s.Line))
	}
	return rows.insert(ctx, tx, `INSERT INTO sections (report_id, position, heading, text, line) VALUES `, "")
}

// insertObservations stores a report's figures with copies of its
// publisher and year, which the API's indexes filter on, their labels
// once in labels (migration 010) and their indicators by id (011,
// indicators: by code). An empty breakdown is stored as
// gongkai.BreakdownTotal.
func insertObservations(ctx context.Context, tx dbtx, reportID int64, r *gongkai.Report, indicators map[string]int64) error {
	labels, err := labelIDs(ctx, tx, r.Observations)
	if err != nil {
		return err
	}
	// The report's id, publisher and year are bound once a statement (?1,
	// ?2, ?3), and no flag as NULL: binding a text copies it.
	rows := newValues(len(r.Observations), 10).withLead(
		`(?1, 1, ?2, ?3, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, '[]'))`, reportID, r.Publisher.ID, int64(r.Year))
	for _, o := range r.Observations {
		breakdown := o.Breakdown
		if breakdown == "" {
			breakdown = gongkai.BreakdownTotal
		}
		var flags any
		if len(o.Flags) > 0 {
			flags = jsonArray(o.Flags)
		}
		rows.add(indicators[o.Indicator], breakdown, nullable(o.Value), o.Unit, labels[o.Label], nullable(o.Column),
			o.Raw, int64(o.Line), int64(o.Page), flags)
	}
	return rows.insert(ctx, tx, `
		INSERT INTO observations (report_id, current, publisher_id, year, indicator_id,
			breakdown, value, unit, label_id, column_label, raw, line, page, flags) VALUES `, ``)
}

// labelIDs returns the ids of the labels of obs in the labels table,
// storing those it lacks.
func labelIDs(ctx context.Context, tx dbtx, obs []gongkai.Observation) (map[string]int64, error) {
	texts := make([]string, len(obs))
	for i, o := range obs {
		texts[i] = o.Label
	}
	return textIDs(ctx, tx, labelTexts, texts)
}

// textTable is a table of texts stored once each, by id: the labels of
// the figures (migration 010) and the indicator lists of the checks (012).
type textTable struct{ name, column string }

var (
	labelTexts         = textTable{"labels", "text"}
	indicatorListTexts = textTable{"indicator_lists", "codes"}
)

// textIDs returns the ids of texts in table, storing those it lacks. The
// writer knows most of them: a template's rows are printed alike in every
// report, and its rules name the same indicators.
func textIDs(ctx context.Context, tx dbtx, table textTable, texts []string) (map[string]int64, error) {
	cache := cacheOf(tx)
	ids := make(map[string]int64, len(texts))
	var missing []string
	for _, text := range texts {
		if _, ok := ids[text]; ok {
			continue
		}
		id, ok := int64(0), false
		if cache != nil {
			id, ok = cache.textID(table.name, text)
		}
		ids[text] = id
		if !ok {
			missing = append(missing, text)
		}
	}
	if len(missing) == 0 {
		return ids, nil
	}
	add := newValues(len(missing), 1)
	for _, text := range missing {
		add.add(text)
	}
	if err := add.insert(ctx, tx, `INSERT OR IGNORE INTO `+table.name+` (`+table.column+`) VALUES `, ""); err != nil {
		return nil, err
	}
	rows, err := queryRows(ctx, tx, `SELECT t.id, t.`+table.column+` FROM json_each(?) j JOIN `+table.name+` t ON t.`+
		table.column+` = j.value`, jsonArray(missing))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			return nil, err
		}
		ids[text] = id
		if cache != nil {
			cache.rememberText(table.name, text, id)
		}
	}
	return ids, rows.Err()
}

// insertUnplaced stores the rows the parser could not place; positions count from 1.
func insertUnplaced(ctx context.Context, tx dbtx, reportID int64, unplaced []gongkai.Unplaced) error {
	rows := newValues(len(unplaced), 7)
	for i, u := range unplaced {
		rows.add(reportID, int64(i+1), u.Label, jsonArray(u.Cells), int64(u.Line), int64(u.Page), u.Reason)
	}
	return rows.insert(ctx, tx, `INSERT INTO unplaced (report_id, position, label, cells, line, page, reason) VALUES `, "")
}

// Meta keys of the dataset as a whole.
const (
	metaVersion  = "version"
	metaLoadedAt = "loaded_at"
)

// Version returns the dataset's version, an opaque string that changes with
// every change of the data (reports stored or replaced, a new catalogue), for
// ETags, and when the data last changed. Both are zero on a database that was
// never written.
func (d *DB) Version(ctx context.Context) (version string, loadedAt time.Time, err error) {
	rows, err := d.read.QueryContext(ctx,
		`SELECT key, value FROM meta WHERE key IN (?, ?)`, metaVersion, metaLoadedAt)
	if err != nil {
		return "", time.Time{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var key, value string
		if err := rows.Scan(&key, &value); err != nil {
			return "", time.Time{}, err
		}
		switch key {
		case metaVersion:
			version = value
		case metaLoadedAt:
			if loadedAt, err = time.Parse(time.RFC3339, value); err != nil {
				return "", time.Time{}, fmt.Errorf("meta loaded_at: %w", err)
			}
		}
	}
	return version, loadedAt, rows.Err()
}

// bumpVersion records a change of the data: the version becomes the next
// counter value and a digest of the previous version and the change, so that
// two files built by the same ingests carry the same version and files built
// differently do not.
func bumpVersion(ctx context.Context, tx dbtx, change string, now time.Time) error {
	prev, err := getMeta(ctx, tx, metaVersion)
	if err != nil {
		return err
	}
	var n int64
	if counter, _, ok := strings.Cut(prev, "-"); ok {
		n, _ = strconv.ParseInt(counter, 10, 64) // a foreign format restarts the count
	}
	sum := sha256.Sum256([]byte(prev + "\n" + change))
	version := fmt.Sprintf("%d-%s", n+1, hex.EncodeToString(sum[:6]))
	if err := setMeta(ctx, tx, metaVersion, version); err != nil {
		return err
	}
	return setMeta(ctx, tx, metaLoadedAt, now.UTC().Format(time.RFC3339))
}

// getMeta returns the value of a meta key, "" when it is not set.
func getMeta(ctx context.Context, tx dbtx, key string) (string, error) {
	cache := cacheOf(tx)
	if cache != nil {
		if v, ok := cache.metaValue(key); ok {
			return v, nil
		}
	}
	var value string
	err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	if err == nil && cache != nil {
		cache.committed.meta[key] = value // what committed: this transaction has not set it
	}
	return value, err
}

func setMeta(ctx context.Context, tx dbtx, key, value string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO meta (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if cache := cacheOf(tx); err == nil && cache != nil {
		cache.meta[key] = value
	}
	return err
}

// jsonArray encodes a list of strings as a JSON array, [] when it is
// empty, as encoding/json does. The writer encodes the indicator codes of
// every check and the flags of figures: ASCII that needs no escape, which
// it writes as it is, sparing encoding/json's reflection.
func jsonArray(list []string) string {
	if len(list) == 0 {
		return "[]"
	}
	size := 1 + len(list)*3
	for _, s := range list {
		if !plainJSON(s) {
			b, _ := json.Marshal(list) // a []string always encodes
			return string(b)
		}
		size += len(s)
	}
	var b strings.Builder
	b.Grow(size)
	for i, s := range list {
		if i == 0 {
			b.WriteString(`["`)
		} else {
			b.WriteString(`","`)
		}
		b.WriteString(s)
	}
	b.WriteString(`"]`)
	return b.String()
}

// plainJSON reports whether s is printable ASCII that encoding/json writes
// as it is in a string: no quote, backslash, control character, nor the
// <, > and & it escapes for HTML.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c > 0x7e, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return true
}

// now is d.Now, or the clock when a caller left it unset.
func (d *DB) now() time.Time {
	if d.Now == nil {
		return time.Now()
	}
	return d.Now()
}
