package db

import (
	"context"
	"strconv"

	"github.com/gongkai/gongkai"
)

// MaxSeriesLines bounds the number of publishers of one FindSeries answer.
const MaxSeriesLines = 100

// SeriesFilter selects the time series of one indicator and breakdown for
// several publishers, given by id or by region.
type SeriesFilter struct {
	Indicator  string // required
	Breakdown  string // "" for gongkai.BreakdownTotal
	Publishers []string
	Region     string
	Years      YearFilter
}

// SeriesSet is the answer of FindSeries: one line per publisher.
type SeriesSet struct {
	Indicator gongkai.Indicator
	Unit      *gongkai.Unit // nil for an indicator without unit
	Breakdown string
	Lines     []Series
}

// Series is the line of one publisher: its values by year.
type Series struct {
	Publisher gongkai.Publisher
	Points    []Point
}

// Point is one value of a series.
type Point struct {
	Year     int
	Value    *float64
	ReportID int64
	Flags    []string
}

// FindSeries returns the series of f.Indicator for each publisher of f that
// has data, ordered by publisher id, each point by year. It returns an
// EINVALID error naming an unknown indicator or publisher, or a region with
// more than MaxSeriesLines publishers with data.
func (d *DB) FindSeries(ctx context.Context, f SeriesFilter) (*SeriesSet, error) {
	ind, err := d.FindIndicator(ctx, f.Indicator)
	if gongkai.ErrorCode(err) == gongkai.ENOTFOUND {
		return nil, &gongkai.Error{Code: gongkai.EINVALID, Param: "indicator", Message: gongkai.ErrorMessage(err)}
	}
	if err != nil {
		return nil, err
	}
	set := &SeriesSet{Indicator: ind.Indicator, Unit: ind.UnitInfo, Breakdown: f.Breakdown, Lines: []Series{}}
	if set.Breakdown == "" {
		set.Breakdown = gongkai.BreakdownTotal
	}
	if err := d.checkPublishers(ctx, "publisher", f.Publishers); err != nil {
		return nil, err
	}
	query, args := seriesQuery(f, set.Breakdown)
	rows, err := d.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var pub gongkai.Publisher
		var pt Point
		var flags string
		if err := rows.Scan(&pub.ID, &pub.NameZh, &pub.NameEn, &pub.Level, &pub.AdminCode, &pub.ParentCode,
			&pt.Year, &pt.Value, &pt.ReportID, &flags); err != nil {
			return nil, err
		}
		pt.Flags = jsonStrings(flags)
		if n := len(set.Lines); n == 0 || set.Lines[n-1].Publisher.ID != pub.ID {
			if n == MaxSeriesLines {
				return nil, &gongkai.Error{Code: gongkai.EINVALID, Param: "region",
					Message: "more than " + strconv.Itoa(MaxSeriesLines) + " publishers have data; narrow the region or name publishers"}
			}
			set.Lines = append(set.Lines, Series{Publisher: pub})
		}
		line := &set.Lines[len(set.Lines)-1]
		line.Points = append(line.Points, pt)
	}
	return set, rows.Err()
}

// seriesQuery returns the SELECT of the points of f for breakdown.
func seriesQuery(f SeriesFilter, breakdown string) (string, []any) {
	w := &where{}
	w.add("o.current = 1")
	w.indicators("o.indicator_id", []string{f.Indicator})
	w.add("+o.breakdown = ?", breakdown) // the indicator's index is the narrower (see observationWhere)
	w.in("o.publisher_id", f.Publishers)
	w.region(f.Region)
	w.years("o.year", f.Years)
	return `
		SELECT o.publisher_id, coalesce(p.name_zh, ''), coalesce(p.name_en, ''), coalesce(p.level, ''),
			coalesce(p.admin_code, ''), coalesce(p.parent_code, ''), o.year, o.value, o.report_id, o.flags
		FROM observations o LEFT JOIN publishers p ON p.id = o.publisher_id` + w.String() + `
		ORDER BY o.publisher_id, o.year, o.id`, w.args
}
