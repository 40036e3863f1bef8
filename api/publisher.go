package api

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai/db"
)

// Publisher is a government body that publishes reports.
type Publisher struct {
	ID     string `json:"id" example:"370403"`
	NameZh string `json:"name_zh" example:"薛城区人民政府"`
	NameEn string `json:"name_en" example:""`
	// Level: province, prefecture, county, township or department; "" when unknown.
	Level string `json:"level" example:"county"`
	// AdminCode is the GB/T 2260 code of the region it governs or belongs to.
	AdminCode string `json:"admin_code" example:"370403"`
	// ParentCode is the GB/T 2260 code of the region above.
	ParentCode string `json:"parent_code" example:"370400"`
	// Years are the years of its current reports.
	Years []int `json:"years" example:"2017"`
}

// PublisherList is a page of publishers.
type PublisherList struct {
	Data []Publisher `json:"data"`
	Page
}

// ReportRef names one report of a publisher.
type ReportRef struct {
	ID       int64  `json:"id" example:"1"`
	Year     int    `json:"year" example:"2017"`
	Template string `json:"template" example:"legacy2014"`
	Title    string `json:"title" example:"薛城区人民政府2017年政府信息公开工作年度报告"`
}

// PublisherDetail is one publisher with its current reports.
type PublisherDetail struct {
	Publisher
	Reports []ReportRef `json:"reports"`
}

var publisherListParams = append([]string{"region", "level", "q", "limit", "cursor"}, formatParams...)

var levels = []string{"province", "prefecture", "county", "township", "department"}

// listPublishers godoc
//
// @Summary      Publishers
// @Description  The bodies that publish reports, ordered by id, with the years of their reports. region selects by division code prefix (3704: every publisher of 枣庄市). JSON is paged (limit, cursor); CSV holds every match.
// @ID           listPublishers
// @Tags         publishers
// @Produce      json
// @Produce      text/csv
// @Param        region  query     string   false  "Prefix of the GB/T 2260 division code, 2 to 6 digits"  example(3704)
// @Param        level   query     string   false  "Administrative level"  Enums(province, prefecture, county, township, department)
// @Param        q       query     string   false  "Substring of the Chinese or English name"  example(薛城)
// @Param        limit   query     int      false  "Page size (JSON)"  minimum(1)  maximum(1000)  default(100)
// @Param        cursor  query     string   false  "next_cursor of the previous page"
// @Param        format  query     string   false  "Representation; CSV also with Accept: text/csv"  Enums(json, csv)
// @Param        bom     query     bool     false  "Start CSV with a byte order mark, for Excel"
// @Param        lang    query     string   false  "Language of the CSV name column"  Enums(zh, en)
// @Success      200     {object}  api.PublisherList
// @Header       200     {string}  Link  "URL of the next page, rel=\"next\""
// @Failure      400     {object}  api.Problem
// @Failure      429     {object}  api.Problem
// @Failure      500     {object}  api.Problem
// @Router       /v1/publishers [get]
func (s *Server) listPublishers(c echo.Context) error {
	p := newParams(c, publisherListParams...)
	f := db.PublisherFilter{Region: p.region("region"), Level: p.oneOf("level", "", levels...), Q: p.text("q")}
	rep := p.representation()
	limit := p.integer("limit", defaultLimit, 1, maxLimit)
	cur := p.cursor(&f.After)
	if p.err != nil {
		return p.err
	}
	ctx := c.Request().Context()
	if rep.csv {
		w := newCSV(c, rep, fileName(c, "publishers", "region", "level", "q"),
			"id", "name", "level", "admin_code", "parent_code", "years")
		return errOr(s.db.EachPublisher(ctx, f, func(pub *db.PublisherSummary) error {
			return w.row(pub.ID, rep.label(pub.NameZh, pub.NameEn), pub.Level, pub.AdminCode, pub.ParentCode, ints(pub.Years))
		}), w.close)
	}
	data, pg, err := paged(s, c, cur, limit,
		func() (db.Total, error) { return exact(s.db.CountPublishers(ctx, f)) },
		func(n int) ([]db.PublisherSummary, error) {
			f.Limit = n
			return collect(func(fn func(*db.PublisherSummary) error) error { return s.db.EachPublisher(ctx, f, fn) })
		},
		publisherOf, func(p *db.PublisherSummary) any { return p.ID })
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, PublisherList{Data: data, Page: pg})
}

func publisherOf(p *db.PublisherSummary) Publisher {
	return Publisher{ID: p.ID, NameZh: p.NameZh, NameEn: p.NameEn, Level: p.Level,
		AdminCode: p.AdminCode, ParentCode: p.ParentCode, Years: p.Years}
}

// getPublisher godoc
//
// @Summary      One publisher
// @Description  The publisher with its current reports.
// @ID           getPublisher
// @Tags         publishers
// @Produce      json
// @Param        id   path      string  true  "Publisher id"  example(370403)
// @Success      200  {object}  api.PublisherDetail
// @Failure      400  {object}  api.Problem
// @Failure      404  {object}  api.Problem  "No publisher with this id"
// @Failure      429  {object}  api.Problem
// @Failure      500  {object}  api.Problem
// @Router       /v1/publishers/{id} [get]
func (s *Server) getPublisher(c echo.Context) error {
	if p := newParams(c); p.err != nil {
		return p.err
	}
	pub, err := s.db.FindPublisher(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	out := PublisherDetail{Publisher: Publisher{ID: pub.ID, NameZh: pub.NameZh, NameEn: pub.NameEn, Level: pub.Level,
		AdminCode: pub.AdminCode, ParentCode: pub.ParentCode, Years: []int{}}, Reports: []ReportRef{}}
	for _, r := range pub.Reports {
		out.Years = append(out.Years, r.Year)
		out.Reports = append(out.Reports, ReportRef(r))
	}
	return c.JSON(http.StatusOK, out)
}

// ints formats a list of integers for a CSV cell: 2015|2017.
func ints(ns []int) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return list(s)
}

// errOr returns err, or else the error of then (the close of a CSV stream).
func errOr(err error, then func() error) error {
	if err != nil {
		return err
	}
	return then()
}
