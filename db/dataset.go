package db

import (
	"context"

	"github.com/gongkai/gongkai"
)

// Dataset returns the dataset's version, when it was last loaded, and the
// numbers of current reports, their publishers and their observations, read
// from the summaries kept at ingest (db/summary.go).
func (d *DB) Dataset(ctx context.Context) (*gongkai.Dataset, error) {
	ds := &gongkai.Dataset{}
	var err error
	if ds.Version, ds.LoadedAt, err = d.Version(ctx); err != nil {
		return nil, err
	}
	err = d.read.QueryRowContext(ctx, `SELECT
		(SELECT coalesce(sum(reports), 0) FROM summary_years),
		(SELECT count(*) FROM summary_publishers WHERE reports > 0),
		(SELECT coalesce(sum(observations), 0) FROM summary_years)`).
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
// their counts, read from the summaries kept at ingest. A publisher has at
// most one current report a year: a year's publishers are its reports.
func (d *DB) FindYears(ctx context.Context) ([]YearSummary, error) {
	rows, err := d.read.QueryContext(ctx, `
		SELECT year, sum(reports), sum(reports), sum(observations) FROM summary_years
		GROUP BY year HAVING sum(reports) > 0 ORDER BY year`)
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
