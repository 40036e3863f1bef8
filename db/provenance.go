package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"time"

	"github.com/gongkai/gongkai"
)

// insertProvenance stores where a fetched report came from: its URLs, when
// it was fetched, and every file of it (page and attachments) with their
// bytes. A report ingested from disk has none of these, and nothing is written.
func insertProvenance(ctx context.Context, tx *sql.Tx, reportID int64, r *gongkai.Report) error {
	if r.SourceURL == "" && len(r.Files) == 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `
		UPDATE reports SET source_url = ?, listing_url = ?, fetched_at = ? WHERE id = ?`,
		r.SourceURL, r.ListingURL, timeText(r.FetchedAt), reportID); err != nil {
		return err
	}
	for i, f := range r.Files {
		if sum := sha256.Sum256(f.Bytes); f.SHA256 != hex.EncodeToString(sum[:]) {
			return invalid(r, 0, "file %s: sha256 %s does not match its bytes", f.URL, short(f.SHA256))
		}
		if err := insertSource(ctx, tx, f.SHA256, f.Bytes); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO report_files (report_id, position, url, role, sha256, read, fetched_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			reportID, i+1, f.URL, f.Role, f.SHA256, f.Read, timeText(f.FetchedAt)); err != nil {
			return err
		}
	}
	return nil
}

// ReportFile is one file of a fetched report, as stored.
type ReportFile struct {
	URL       string
	Role      string // gongkai.RolePage, gongkai.RoleAttachment
	SHA256    string
	Size      int64
	Read      bool // the figures were read from this file
	FetchedAt time.Time
}

// reportFiles returns the files of a fetched report in the order stored;
// none for a report ingested from disk.
func (d *DB) reportFiles(ctx context.Context, reportID int64) ([]ReportFile, error) {
	rows, err := d.read.QueryContext(ctx, `
		SELECT f.url, f.role, f.sha256, s.size, f.read, f.fetched_at
		FROM report_files f JOIN sources s ON s.sha256 = f.sha256
		WHERE f.report_id = ? ORDER BY f.position`, reportID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	files := []ReportFile{}
	for rows.Next() {
		var f ReportFile
		var fetched string
		if err := rows.Scan(&f.URL, &f.Role, &f.SHA256, &f.Size, &f.Read, &fetched); err != nil {
			return nil, err
		}
		f.FetchedAt = parseTime(fetched)
		files = append(files, f)
	}
	return files, rows.Err()
}

// timeText is t as stored: RFC 3339 in UTC, "" for the zero time.
func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// parseTime reads a time written by timeText; "" is the zero time.
func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s) // written by timeText
	return t
}
