package db

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/gongkai/gongkai"
)

// countProvinces keeps summary_provinces (migration 013) up to date when
// report id, with r's observations, becomes current and report prev (0 for
// none) stops being current: r's figures (ids: the ids of their indicator
// codes) are added to the counts of their indicators in r's year, in its publisher's province and in the country
// ('*'), and prev's taken away. StoreReport calls it in its transaction,
// after the publisher is written. The new figures are counted from r, not read back, so that no
// query of the observations depends on an index (a bulk load may have
// deferred them).
func countProvinces(ctx context.Context, tx dbtx, r *gongkai.Report, prev int64, ids map[string]int64) error {
	perIndicator := make(map[string]int, len(ids))
	for _, o := range r.Observations {
		perIndicator[strconv.FormatInt(ids[o.Indicator], 10)]++
	}
	counts, err := json.Marshal(perIndicator)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO summary_provinces (province, year, indicator_id, observations)
		SELECT p.province, ?, CAST(j.key AS INTEGER), j.value
		FROM (SELECT substr(coalesce(admin_code, ''), 1, 2) AS province FROM publishers WHERE id = ?
			UNION ALL SELECT '*') p, json_each(?) j WHERE true
		`+addToProvince, r.Year, r.Publisher.ID, string(counts))
	if err != nil || prev == 0 {
		return err
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO summary_provinces (province, year, indicator_id, observations)
		SELECT CASE WHEN n.country THEN '*' ELSE substr(coalesce(p.admin_code, ''), 1, 2) END, o.year, o.indicator_id, -count(*)
		FROM observations o LEFT JOIN publishers p ON p.id = o.publisher_id, (SELECT 0 AS country UNION ALL SELECT 1) n
		WHERE o.report_id = ? GROUP BY 1, 2, 3
		`+addToProvince, prev)
	return err
}

// addToProvince ends an insert into summary_provinces that adds to the
// counts already there.
const addToProvince = `ON CONFLICT (province, year, indicator_id) DO UPDATE SET observations = observations + excluded.observations`

// provinceCountable reports whether summary_provinces counts f: it filters
// by nothing but indicators, a region of at most two digits (a province,
// or none) and years.
func (f ObservationFilter) provinceCountable() bool {
	return len(f.Region) <= 2 && len(f.Publishers) == 0 && len(f.Breakdowns) == 0 &&
		len(f.Templates) == 0 && f.Report == 0 && f.publishers == (publisherRange{})
}

// countFromProvinces returns the number of current observations matching f
// (provinceCountable) from summary_provinces: a sum over at most the years
// of each province of each indicator.
func (d *DB) countFromProvinces(ctx context.Context, f ObservationFilter) (Total, error) {
	query, args := provinceCountQuery(f)
	var n int
	err := d.read.QueryRowContext(ctx, query, args...).Scan(&n)
	return Total{N: n}, err
}

// provinceCountQuery is the sum of summary_provinces that counts f: the
// country's counts ('*') or a region's, each year's searched by its key
// (the years of summary_years where f names none).
func provinceCountQuery(f ObservationFilter) (string, []any) {
	w := &where{}
	switch len(f.Region) {
	case 0:
		w.add("province = '*'")
	case 2:
		w.add("province = ?", f.Region)
	default:
		w.prefix("province", f.Region)
	}
	if f.Years.IsZero() && len(f.Indicators) > 0 {
		w.add("year IN (SELECT year FROM summary_years)")
	}
	w.years("year", f.Years)
	w.indicators("indicator_id", f.Indicators)
	return `SELECT coalesce(sum(observations), 0) FROM summary_provinces` + w.String(), w.args
}
