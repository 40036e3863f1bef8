package api

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai/chart"
	"github.com/gongkai/gongkai/db"
)

// listSeriesSVG godoc
//
// @Summary      Time series of one indicator as an SVG chart
// @Description  The series of /v1/series drawn as an SVG line chart to embed in an <img> tag or print: title, unit, axes and years, one labelled line per publisher, blank years as gaps (never zeros), flagged figures ringed in red, a source line, and <title>/<desc> for screen readers. Labels are Chinese, or English with lang=en; the fonts are the reader's own CJK fonts.
// @ID           listSeriesSVG
// @Tags         observations
// @Produce      image/svg+xml
// @Param        indicator  query     string  true   "Indicator code"  example(requests.received)
// @Param        publisher  query     string  false  "Publisher id, or several separated by commas (publisher or region is required)"  example(370403)
// @Param        region     query     string  false  "Prefix of the GB/T 2260 division code, 2 to 6 digits"  example(3704)
// @Param        year       query     string  false  "Year (2017), range (2015:2019, 2015:, :2019) or list (2015,2017)"  example(2015:2019)
// @Param        breakdown  query     string  false  "Breakdown code"  default(total)
// @Param        lang       query     string  false  "Language of the labels"  Enums(zh, en)
// @Success      200        {string}  string  "An SVG document"
// @Failure      400        {object}  api.Problem  "A parameter is missing, unknown or malformed, names an unknown indicator or publisher, or the region has more than 100 publishers"
// @Failure      429        {object}  api.Problem
// @Failure      500        {object}  api.Problem
// @Router       /v1/series.svg [get]
func (s *Server) listSeriesSVG(c echo.Context) error {
	p := newParams(c, "indicator", "publisher", "region", "year", "breakdown", "lang")
	f := p.seriesFilter()
	lang := p.oneOf("lang", "zh", "zh", "en")
	if p.err != nil {
		return p.err
	}
	set, err := s.db.FindSeries(c.Request().Context(), f)
	if err != nil {
		return err
	}
	dataURL := s.baseURL(c) + "/v1/series?" + c.Request().URL.RawQuery
	var buf bytes.Buffer
	if err := chart.SVG(&buf, SeriesChart(set, lang, dataURL)); err != nil {
		return err
	}
	return c.Blob(http.StatusOK, "image/svg+xml; charset=utf-8", buf.Bytes())
}

// SeriesChart is the chart of a series set with its labels in lang (zh or
// en); dataURL, the address of its numbers, goes in the source line.
func SeriesChart(set *db.SeriesSet, lang, dataURL string) chart.Chart {
	en := lang == "en"
	pick := func(zh, e string) string {
		if en && e != "" {
			return e
		}
		return zh
	}
	c := chart.Chart{
		Title:    pick(set.Indicator.NameZh, set.Indicator.NameEn),
		XLabel:   pick("年份", "Year"),
		FlagNote: pick("有标记的数字（如与报告自身矛盾），见数据", "flagged figure (e.g. contradicted by its own report): see the data"),
		Empty:    pick("没有数据", "No data"),
	}
	if set.Unit != nil {
		c.Unit = pick(set.Unit.Symbol, set.Unit.NameEn)
	}
	if set.Breakdown != "" && set.Breakdown != "total" {
		c.Title += " · " + set.Breakdown
	}
	var publishers string
	for i, l := range set.Lines {
		line := chart.Line{Label: pick(shortName(l.Publisher.NameZh), l.Publisher.NameEn)}
		for _, pt := range l.Points {
			line.Points = append(line.Points, chart.Point{Year: pt.Year, Value: pt.Value, Flagged: len(pt.Flags) > 0})
		}
		c.Lines = append(c.Lines, line)
		if i == 0 {
			publishers = pick(l.Publisher.NameZh, l.Publisher.NameEn)
		}
	}
	if len(set.Lines) > 1 {
		publishers = pick(strconv.Itoa(len(set.Lines))+"个发布机关", strconv.Itoa(len(set.Lines))+" publishers")
	}
	c.Source = pick("来源："+publishers+"政府信息公开工作年度报告；gongkai 整理",
		"Source: annual government information disclosure reports of "+publishers+"; compiled by gongkai")
	c.SourceURL = pick("数据：", "Data: ") + unescape(dataURL)
	return c
}

// shortName drops the 人民政府 every county government's name ends with,
// so that line labels stay short.
func shortName(name string) string {
	const suffix = "人民政府"
	if r := []rune(name); len(r) > 4 && string(r[len(r)-4:]) == suffix {
		return string(r[:len(r)-4])
	}
	return name
}

// unescape shows a URL as people read it (薛城 rather than %E8%96%9B…).
func unescape(u string) string {
	if s, err := url.QueryUnescape(u); err == nil {
		return s
	}
	return u
}
