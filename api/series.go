package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai/db"
)

// SeriesList is the time series of one indicator for several publishers,
// shaped for charts: one line per publisher, its points in year order.
type SeriesList struct {
	Indicator       string `json:"indicator" example:"requests.received"`
	IndicatorNameZh string `json:"indicator_name_zh" example:"收到申请数"`
	IndicatorNameEn string `json:"indicator_name_en" example:"Applications received"`
	Breakdown       string `json:"breakdown" example:"total"`
	Unit            string `json:"unit" example:"case"`
	UnitSymbol      string `json:"unit_symbol" example:"件"`
	Data            []Line `json:"data"`
}

// Line is the series of one publisher.
type Line struct {
	PublisherID     string  `json:"publisher_id" example:"370403"`
	PublisherNameZh string  `json:"publisher_name_zh" example:"薛城区人民政府"`
	PublisherNameEn string  `json:"publisher_name_en" example:""`
	AdminCode       string  `json:"admin_code" example:"370403"`
	Points          []Point `json:"points"`
}

// Point is the value of one year.
type Point struct {
	Year int `json:"year" example:"2017"`
	// Value is null where the report's cell is blank or not applicable.
	Value    *float64 `json:"value" example:"13" extensions:"x-nullable"`
	ReportID int64    `json:"report_id" example:"1"`
	Flags    []string `json:"flags"`
}

var seriesParams = append([]string{"indicator", "publisher", "region", "year", "breakdown"}, formatParams...)

// listSeries godoc
//
// @Summary      Time series of one indicator
// @Description  The values of one indicator and breakdown by year, one line per publisher (given by id, or all publishers of a region with data, at most 100), ready to plot. CSV has one row per point.
// @ID           listSeries
// @Tags         observations
// @Produce      json
// @Produce      text/csv
// @Param        indicator  query     string  true   "Indicator code"  example(requests.received)
// @Param        publisher  query     string  false  "Publisher id, or several separated by commas (publisher or region is required)"  example(370403)
// @Param        region     query     string  false  "Prefix of the GB/T 2260 division code, 2 to 6 digits"  example(3704)
// @Param        year       query     string  false  "Year (2017), range (2015:2019, 2015:, :2019) or list (2015,2017)"  example(2015:2019)
// @Param        breakdown  query     string  false  "Breakdown code"  default(total)
// @Param        format     query     string  false  "Representation; CSV also with Accept: text/csv"  Enums(json, csv)
// @Param        bom        query     bool    false  "Start CSV with a byte order mark, for Excel"
// @Param        lang       query     string  false  "Language of the CSV *_name columns"  Enums(zh, en)
// @Success      200        {object}  api.SeriesList
// @Failure      400        {object}  api.Problem  "A parameter is missing, unknown or malformed, names an unknown indicator or publisher, or the region has more than 100 publishers"
// @Failure      429        {object}  api.Problem
// @Failure      500        {object}  api.Problem
// @Router       /v1/series [get]
func (s *Server) listSeries(c echo.Context) error {
	p := newParams(c, seriesParams...)
	f := p.seriesFilter()
	rep := p.representation()
	if p.err != nil {
		return p.err
	}
	set, err := s.db.FindSeries(c.Request().Context(), f)
	if err != nil {
		return err
	}
	out := SeriesList{Indicator: set.Indicator.Code, IndicatorNameZh: set.Indicator.NameZh,
		IndicatorNameEn: set.Indicator.NameEn, Breakdown: set.Breakdown, Unit: set.Indicator.Unit,
		Data: make([]Line, len(set.Lines))}
	unitEn := ""
	if set.Unit != nil {
		out.UnitSymbol, unitEn = set.Unit.Symbol, set.Unit.NameEn
	}
	if rep.csv {
		w := newCSV(c, rep, fileName(c, "series", "indicator", "publisher", "region", "year", "breakdown"),
			"indicator", "indicator_name", "breakdown", "publisher_id", "publisher_name", "admin_code",
			"year", "value", "unit", "unit_name", "flags", "report_id")
		for _, l := range set.Lines {
			for _, pt := range l.Points {
				if err := w.row(out.Indicator, rep.label(out.IndicatorNameZh, out.IndicatorNameEn), out.Breakdown,
					l.Publisher.ID, rep.label(l.Publisher.NameZh, l.Publisher.NameEn), l.Publisher.AdminCode,
					itoa(pt.Year), number(pt.Value), out.Unit, rep.label(out.UnitSymbol, unitEn),
					list(pt.Flags), i64toa(pt.ReportID)); err != nil {
					return err
				}
			}
		}
		return w.close()
	}
	for i, l := range set.Lines {
		line := Line{PublisherID: l.Publisher.ID, PublisherNameZh: l.Publisher.NameZh,
			PublisherNameEn: l.Publisher.NameEn, AdminCode: l.Publisher.AdminCode, Points: make([]Point, len(l.Points))}
		for j, pt := range l.Points {
			line.Points[j] = Point{Year: pt.Year, Value: pt.Value, ReportID: pt.ReportID, Flags: nonNil(pt.Flags)}
		}
		out.Data[i] = line
	}
	return c.JSON(http.StatusOK, out)
}

// seriesFilter reads the parameters that select a series, shared by
// /v1/series and /v1/series.svg.
func (p *params) seriesFilter() db.SeriesFilter {
	f := db.SeriesFilter{
		Indicator:  p.code("indicator", "n indicator"),
		Publishers: p.codes("publisher", " publisher"),
		Region:     p.region("region"),
		Years:      p.years("year"),
		Breakdown:  p.code("breakdown", " breakdown"),
	}
	switch {
	case f.Indicator == "":
		p.fail(invalidParam("indicator", "required: the code of one indicator (see /v1/indicators)"))
	case len(f.Publishers) == 0 && f.Region == "":
		p.fail(invalidParam("publisher", "give publisher ids (separated by commas) or a region"))
	}
	return f
}
