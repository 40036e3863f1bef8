package db

import (
	"context"
)

// countReport keeps the summaries (summary_years, summary_publishers) of
// migration 009 up to date when report id, with its observations, becomes
// current, and report prev (0 for none) stops being current: one report
// and its observations are added to the counts of its year, template and
// publisher, and prev's taken away. StoreReport calls it in its
// transaction, so that the counts commit with the data or not at all. The
// new report's figures are counted by the caller, not read back, so that
// no query of the observations depends on an index (a bulk load may have
// deferred them).
func countReport(ctx context.Context, tx dbtx, id int64, observations int, prev int64) error {
	if err := addToSummaries(ctx, tx, id, 1, observations); err != nil {
		return err
	}
	if prev == 0 {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM observations WHERE report_id = ?`, prev).Scan(&n); err != nil {
		return err
	}
	return addToSummaries(ctx, tx, prev, -1, -n)
}

// addToSummaries adds reports and observations to the summary of report
// id's year and template and to that of its publisher.
func addToSummaries(ctx context.Context, tx dbtx, id int64, reports, observations int) error {
	for _, table := range []struct{ name, key string }{
		{"summary_years", "year, template"},
		{"summary_publishers", "publisher_id"},
	} {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO `+table.name+` (`+table.key+`, reports, observations)
			SELECT `+table.key+`, ?, ? FROM reports WHERE id = ?
			ON CONFLICT (`+table.key+`) DO UPDATE SET
				reports      = reports + excluded.reports,
				observations = observations + excluded.observations`, reports, observations, id)
		if err != nil {
			return err
		}
	}
	return nil
}
