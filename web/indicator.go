package web

import (
	"regexp"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/db"
)

var (
	publishersParam = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}(,[A-Za-z0-9][A-Za-z0-9._-]{0,63})*$`)
	regionParam     = regexp.MustCompile(`^[0-9]{2,6}$`)
)

type indicatorPage struct {
	*Page
	Indicator *db.IndicatorDetail
	Publisher string // the publisher parameter
	Region    string
	Series    *db.SeriesSet
	Years     []int
	Problem   string // why there is no series, when there is none
	ChartURL  string
}

// indicator shows an indicator's definition, unit and mapping, and its
// series over the years for ?publisher= or ?region= (every publisher with
// data when neither is given and they are few enough) as a chart and a table.
func (p *Pages) indicator(c echo.Context) error {
	code := c.Param("code")
	pg, err := newPage(c, "/v1/indicators/"+code)
	if err != nil {
		return p.fail(c, pg, err)
	}
	data := indicatorPage{Page: pg, Publisher: c.QueryParam("publisher"), Region: c.QueryParam("region")}
	switch {
	case data.Publisher != "" && (!publishersParam.MatchString(data.Publisher) || strings.Count(data.Publisher, ",") >= db.MaxSeriesLines):
		return p.fail(c, pg, &gongkai.Error{Code: gongkai.EINVALID, Param: "publisher", Message: "give at most 100 publisher ids separated by commas"})
	case data.Region != "" && !regionParam.MatchString(data.Region):
		return p.fail(c, pg, &gongkai.Error{Code: gongkai.EINVALID, Param: "region", Message: "give 2 to 6 digits of a GB/T 2260 code"})
	}
	ctx := c.Request().Context()
	if data.Indicator, err = p.db.FindIndicator(ctx, code); err != nil {
		return p.fail(c, pg, err)
	}
	f := db.SeriesFilter{Indicator: code, Region: data.Region}
	if data.Publisher != "" {
		f.Publishers = strings.Split(data.Publisher, ",")
	}
	data.Series, err = p.db.FindSeries(ctx, f)
	switch gongkai.ErrorCode(err) {
	case gongkai.EINVALID:
		data.Problem, data.Series = err.Error(), nil
	case gongkai.EINTERNAL:
		if err != nil {
			return p.fail(c, pg, err)
		}
	}
	if data.Series != nil && len(data.Series.Lines) > 0 {
		data.Years = seriesYears(data.Series)
		var ids []string
		for _, l := range data.Series.Lines {
			ids = append(ids, l.Publisher.ID)
		}
		q := query("indicator", code, "publisher", strings.Join(ids, ","), "lang", pg.langParam())
		data.ChartURL = "/v1/series.svg?" + q
		pg.API = "/v1/series?" + query("indicator", code, "publisher", strings.Join(ids, ","))
	}
	pg.Title = pg.Pick(data.Indicator.NameZh, data.Indicator.NameEn)
	return p.render(c, 200, "indicator", data)
}

// seriesYears are the years from the first to the last of a series set,
// every year in between included, so that a blank year shows as a gap.
func seriesYears(set *db.SeriesSet) []int {
	lo, hi := 0, 0
	for _, l := range set.Lines {
		for _, pt := range l.Points {
			if lo == 0 || pt.Year < lo {
				lo = pt.Year
			}
			hi = max(hi, pt.Year)
		}
	}
	var years []int
	for y := lo; y <= hi && lo > 0; y++ {
		years = append(years, y)
	}
	return years
}

// pointAt returns the point of a line in a year, nil when there is none.
func pointAt(l db.Series, year int) *db.Point {
	for i := range l.Points {
		if l.Points[i].Year == year {
			return &l.Points[i]
		}
	}
	return nil
}
