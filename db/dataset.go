package db

import (
	"context"

	"github.com/gongkai/gongkai"
)

// Dataset returns the dataset's version, when it was last loaded, and the
// numbers of current reports, their publishers and their observations.
// The counts read whole indexes: callers cache the answer per version.
func (d *DB) Dataset(ctx context.Context) (*gongkai.Dataset, error) {
	ds := &gongkai.Dataset{}
	var err error
	if ds.Version, ds.LoadedAt, err = d.Version(ctx); err != nil {
		return nil, err
	}
	err = d.read.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM reports WHERE superseded_by IS NULL),
		(SELECT count(DISTINCT publisher_id) FROM reports WHERE superseded_by IS NULL),
		(SELECT count(*) FROM observations WHERE current = 1)`).
		Scan(&ds.Reports, &ds.Publishers, &ds.Observations)
	if err != nil {
		return nil, err
	}
	return ds, nil
}

// YearSummary counts the data of one reporting year.
type YearSummary struct {
	Year         int
	Reports      int
	Publishers   int
	Observations int
}

// FindYears returns the reporting years with current reports, in order, with
// their counts. The counts read whole indexes: callers cache the answer per
// version.
func (d *DB) FindYears(ctx context.Context) ([]YearSummary, error) {
	rows, err := d.read.QueryContext(ctx, `
		SELECT r.year, r.reports, r.publishers, coalesce(o.observations, 0)
		FROM (SELECT year, count(*) AS reports, count(DISTINCT publisher_id) AS publishers
		      FROM reports WHERE superseded_by IS NULL GROUP BY year) r
		LEFT JOIN (SELECT year, count(*) AS observations
		      FROM observations WHERE current = 1 GROUP BY year) o ON o.year = r.year
		ORDER BY r.year`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	years := []YearSummary{}
	for rows.Next() {
		var y YearSummary
		if err := rows.Scan(&y.Year, &y.Reports, &y.Publishers, &y.Observations); err != nil {
			return nil, err
		}
		years = append(years, y)
	}
	return years, rows.Err()
}
