package db

import (
	"context"
	"database/sql"
)

// countReport keeps the summaries (summary_years, summary_publishers) of
// migration 009 up to date when report id becomes current, and report prev
// (0 for none) stops being current: one report and its observations are
// added to the counts of its year, template and publisher, and prev's
// taken away.
// StoreReport calls it in its transaction, after the observations are
// stored, so that the counts commit with the data or not at all.
func countReport(ctx context.Context, tx *sql.Tx, id, prev int64) error {
	if err := addToSummaries(ctx, tx, id, 1); err != nil {
		return err
	}
	if prev == 0 {
		return nil
	}
	return addToSummaries(ctx, tx, prev, -1)
}

// addToSummaries adds sign times report id and its observations to the
// summary of its year and template and to that of its publisher.
func addToSummaries(ctx context.Context, tx *sql.Tx, id int64, sign int) error {
	for _, table := range []struct{ name, key string }{
		{"summary_years", "year, template"},
		{"summary_publishers", "publisher_id"},
	} {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO `+table.name+` (`+table.key+`, reports, observations)
			SELECT `+table.key+`, ?1, ?1 * (SELECT count(*) FROM observations o WHERE o.report_id = r.id)
			FROM reports r WHERE r.id = ?2
			ON CONFLICT (`+table.key+`) DO UPDATE SET
				reports      = reports + excluded.reports,
				observations = observations + excluded.observations`, sign, id)
		if err != nil {
			return err
		}
	}
	return nil
}
