package api

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

// Dataset describes the data served: its version, when it was loaded, what
// it counts, and whom to credit.
type Dataset struct {
	// Version changes with every change of the data; ETags derive from it.
	Version string `json:"version" example:"3-5f1c2a9e0b7d"`
	// LoadedAt is when the data last changed.
	LoadedAt     time.Time   `json:"loaded_at" example:"2024-03-01T00:00:00Z"`
	Reports      int         `json:"reports" example:"1"`
	Publishers   int         `json:"publishers" example:"1"`
	Observations int         `json:"observations" example:"76"`
	Attribution  Attribution `json:"attribution"`
	// Links lists the collections of the API.
	Links map[string]string `json:"links"`
}

// Attribution is the credit users of the data must give.
type Attribution struct {
	TextZh string `json:"text_zh" example:"数据来源：各级人民政府及其部门发布的政府信息公开工作年度报告，经 gongkai 整理。"`
	TextEn string `json:"text_en" example:"Source: the annual reports on government information disclosure published by the Chinese government bodies named in each record, compiled by gongkai."`
	// Publishers is the URL listing the publishing bodies.
	Publishers string `json:"publishers" example:"/v1/publishers"`
}

var attribution = Attribution{
	TextZh:     "数据来源：各级人民政府及其部门发布的政府信息公开工作年度报告，经 gongkai 整理。",
	TextEn:     "Source: the annual reports on government information disclosure published by the Chinese government bodies named in each record, compiled by gongkai.",
	Publishers: "/v1/publishers",
}

// dataset godoc
//
// @Summary      The dataset: version, counts and attribution
// @Description  The version changes with every change of the data (ETags derive from it); loaded_at is when the data last changed. Users of the data credit the publishing governments as the attribution says.
// @ID           getDataset
// @Tags         dataset
// @Produce      json
// @Success      200  {object}  api.Dataset
// @Failure      400  {object}  api.Problem  "A query parameter was given"
// @Failure      429  {object}  api.Problem
// @Failure      500  {object}  api.Problem
// @Router       /v1 [get]
func (s *Server) dataset(c echo.Context) error {
	if p := newParams(c); p.err != nil {
		return p.err
	}
	ds, err := s.db.Dataset(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, Dataset{Version: ds.Version, LoadedAt: ds.LoadedAt.UTC(), Reports: ds.Reports,
		Publishers: ds.Publishers, Observations: ds.Observations, Attribution: attribution,
		Links: map[string]string{
			"years": "/v1/years", "units": "/v1/units", "indicators": "/v1/indicators",
			"publishers": "/v1/publishers", "reports": "/v1/reports",
			"observations": "/v1/observations", "series": "/v1/series", "checks": "/v1/checks", "rules": "/v1/rules",
			"openapi": "/openapi.json", "docs": "/swagger/index.html",
		}})
}

// Year counts the data of one reporting year.
type Year struct {
	Year         int `json:"year" example:"2017"`
	Reports      int `json:"reports" example:"1"`
	Publishers   int `json:"publishers" example:"1"`
	Observations int `json:"observations" example:"76"`
}

// YearList is the list of reporting years.
type YearList struct {
	Data []Year `json:"data"`
}

// listYears godoc
//
// @Summary      Reporting years with data
// @Description  Each year with current reports, with the numbers of its reports, publishers and observations.
// @ID           listYears
// @Tags         dataset
// @Produce      json
// @Produce      text/csv
// @Param        format  query     string  false  "Representation; CSV also with Accept: text/csv"  Enums(json, csv)
// @Param        bom     query     bool    false  "Start CSV with a byte order mark, for Excel"
// @Param        lang    query     string  false  "Language of CSV label columns"  Enums(zh, en)
// @Success      200     {object}  api.YearList
// @Failure      400     {object}  api.Problem
// @Failure      429     {object}  api.Problem
// @Failure      500     {object}  api.Problem
// @Router       /v1/years [get]
func (s *Server) listYears(c echo.Context) error {
	p := newParams(c, formatParams...)
	rep := p.representation()
	if p.err != nil {
		return p.err
	}
	years, err := s.db.FindYears(c.Request().Context())
	if err != nil {
		return err
	}
	if rep.csv {
		w := newCSV(c, rep, "gongkai-years", "year", "reports", "publishers", "observations")
		for _, y := range years {
			if err := w.row(itoa(y.Year), itoa(y.Reports), itoa(y.Publishers), itoa(y.Observations)); err != nil {
				return err
			}
		}
		return w.close()
	}
	out := YearList{Data: make([]Year, len(years))}
	for i, y := range years {
		out.Data[i] = Year(y)
	}
	return c.JSON(http.StatusOK, out)
}
