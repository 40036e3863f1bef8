package db

import "context"

// RecentReports returns the n current reports stored last, newest first:
// what the home page lists.
func (d *DB) RecentReports(ctx context.Context, n int) ([]ReportSummary, error) {
	rows, err := d.read.QueryContext(ctx, `SELECT `+reportColumns+`
		FROM reports r LEFT JOIN publishers p ON p.id = r.publisher_id
		WHERE r.superseded_by IS NULL ORDER BY r.id DESC LIMIT ?`, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReportSummary
	for rows.Next() {
		var r ReportSummary
		if err := scanReport(rows, &r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
