package api

import (
	"net/http"
	"net/url"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai/db"
)

// Report is one publisher's report for one year, as listed.
type Report struct {
	ID              int64  `json:"id" example:"1"`
	PublisherID     string `json:"publisher_id" example:"370403"`
	PublisherNameZh string `json:"publisher_name_zh" example:"薛城区人民政府"`
	PublisherNameEn string `json:"publisher_name_en" example:""`
	AdminCode       string `json:"admin_code" example:"370403"`
	Year            int    `json:"year" example:"2017"`
	// Template is the national form its tables follow.
	Template string `json:"template" example:"legacy2014" enums:"legacy2014,form2019,form2021"`
	Title    string `json:"title" example:"薛城区人民政府2017年政府信息公开工作年度报告"`
	// PublishedOn is the date the report gives: ISO date, or year-month when the day is blank.
	PublishedOn string `json:"published_on" example:"2018-02"`
	FileName    string `json:"file_name" example:"xuecheng-2017.txt"`
	// SHA256 is the digest of the original file (see /v1/reports/{id}/source).
	SHA256     string    `json:"sha256" example:"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"`
	IngestedAt time.Time `json:"ingested_at" example:"2024-03-01T00:00:00Z"`
	// ObservationCount is the number of figures read from its tables.
	ObservationCount int `json:"observation_count" example:"76"`
	// UnplacedCount is the number of table rows that could not be matched to the catalogue.
	UnplacedCount int `json:"unplaced_count" example:"0"`
	// SourceURL is the URL of the file the figures were read from (the report's page, or its attachment), for a report collected by gongkai fetch; "" for a file ingested from disk.
	SourceURL string `json:"source_url" example:"http://www.xuecheng.gov.cn/zwgk/ndbg/201802/t20180201_1.html"`
	// ListingURL is the listing page whose link led to the report; "" when its URL was given directly.
	ListingURL string `json:"listing_url" example:"http://www.xuecheng.gov.cn/zwgk/ndbg/index.html"`
	// FetchedAt is when the file the figures were read from was fetched; null for a file ingested from disk.
	FetchedAt *time.Time `json:"fetched_at" example:"2024-03-01T08:30:00Z" extensions:"x-nullable"`
}

// ReportList is a page of reports.
type ReportList struct {
	Data []Report `json:"data"`
	Page
}

// Contact is the contact block a report prints.
type Contact struct {
	Organization string `json:"organization" example:"薛城区政府信息和政务公开办公室"`
	Address      string `json:"address" example:"山东省枣庄市薛城区永福中路2号"`
	Postcode     string `json:"postcode" example:"277000"`
	Phone        string `json:"phone" example:"0632—4441199"`
	Email        string `json:"email" example:"xczwgk416@163.com"`
}

// Section is one heading of a report's narrative with the text under it.
type Section struct {
	Heading string `json:"heading" example:"六、政府信息公开申请的办理情况"`
	Text    string `json:"text" example:"2017年，全区收到依申请公开政府信息的申请16件，答复率为100%。"`
	// Line is the line of the heading in the source.
	Line int `json:"line" example:"27"`
}

// Unplaced is a table row that could not be matched to the catalogue: kept,
// never guessed.
type Unplaced struct {
	Label  string   `json:"label"`
	Cells  []string `json:"cells"`
	Line   int      `json:"line"`
	Page   int      `json:"page,omitempty"` // in a PDF source
	Reason string   `json:"reason"`
}

// ReportDetail is one report with its contact block, narrative and unplaced rows.
type ReportDetail struct {
	Report
	Contact Contact `json:"contact"`
	// Missing lists metadata the text did not give (publisher, year …).
	Missing  []string   `json:"missing"`
	Sections []Section  `json:"sections"`
	Unplaced []Unplaced `json:"unplaced"`
	// Files are the files of a fetched report: its web page and attachments, one of which was read; empty for a file ingested from disk.
	Files []ReportFile `json:"files"`
	// Links point to the report's figures and original file.
	Links ReportLinks `json:"links"`
}

// ReportFile is one file of a fetched report: its web page or an attachment.
type ReportFile struct {
	URL  string `json:"url" example:"http://www.xuecheng.gov.cn/zwgk/ndbg/201802/P020180201.docx"`
	Role string `json:"role" example:"attachment" enums:"page,attachment,file"`
	// SHA256 is the digest of the file's bytes as fetched.
	SHA256 string `json:"sha256" example:"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"`
	Size   int64  `json:"size" example:"48213"`
	// Read is true for the file the figures were read from.
	Read      bool      `json:"read" example:"true"`
	FetchedAt time.Time `json:"fetched_at" example:"2024-03-01T08:30:00Z"`
}

// ReportLinks are the resources of one report: its figures, original file and consistency checks.
type ReportLinks struct {
	Observations string `json:"observations" example:"/v1/observations?report=1"`
	Source       string `json:"source" example:"/v1/reports/1/source"`
	Checks       string `json:"checks" example:"/v1/reports/1/checks"`
}

func reportOf(r *db.ReportSummary) Report {
	return Report{ID: r.ID, PublisherID: r.Publisher.ID, PublisherNameZh: r.Publisher.NameZh,
		PublisherNameEn: r.Publisher.NameEn, AdminCode: r.Publisher.AdminCode, Year: r.Year,
		Template: r.Template, Title: r.Title, PublishedOn: r.PublishedOn, FileName: r.FileName,
		SHA256: r.SHA256, IngestedAt: r.IngestedAt.UTC(), ObservationCount: r.Observations, UnplacedCount: r.Unplaced,
		SourceURL: r.SourceURL, ListingURL: r.ListingURL, FetchedAt: timeOrNil(r.FetchedAt)}
}

// timeOrNil is t in UTC, nil for the zero time (null in JSON).
func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

// timeCSV is t in RFC 3339 for a CSV cell, "" for the zero time.
func timeCSV(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

var reportListParams = append([]string{"publisher", "region", "year", "template", "limit", "cursor"}, formatParams...)

// listReports godoc
//
// @Summary      Reports
// @Description  The current reports (a report replaced by a corrected file is no longer listed), ordered by id. JSON is paged (limit, cursor); CSV holds every match.
// @ID           listReports
// @Tags         reports
// @Produce      json
// @Produce      text/csv
// @Param        publisher  query     string  false  "Publisher id, or several separated by commas"  example(370403)
// @Param        region     query     string  false  "Prefix of the publisher's GB/T 2260 division code, 2 to 6 digits"  example(3704)
// @Param        year       query     string  false  "Year (2017), range (2015:2019, 2015:, :2019) or list (2015,2017)"  example(2017)
// @Param        template   query     string  false  "Template, or several separated by commas (legacy2014, form2019, form2021)"  example(legacy2014)
// @Param        limit      query     int     false  "Page size (JSON)"  minimum(1)  maximum(1000)  default(100)
// @Param        cursor     query     string  false  "next_cursor of the previous page"
// @Param        format     query     string  false  "Representation; CSV also with Accept: text/csv"  Enums(json, csv)
// @Param        bom        query     bool    false  "Start CSV with a byte order mark, for Excel"
// @Param        lang       query     string  false  "Language of the CSV publisher_name column"  Enums(zh, en)
// @Success      200        {object}  api.ReportList
// @Header       200        {string}  Link  "URL of the next page, rel=\"next\""
// @Failure      400        {object}  api.Problem
// @Failure      429        {object}  api.Problem
// @Failure      500        {object}  api.Problem
// @Router       /v1/reports [get]
func (s *Server) listReports(c echo.Context) error {
	p := newParams(c, reportListParams...)
	f := db.ReportFilter{
		Publishers: p.codes("publisher", " publisher"),
		Region:     p.region("region"),
		Years:      p.years("year"),
		Templates:  p.oneOfList("template", templates...),
	}
	rep := p.representation()
	limit := p.integer("limit", defaultLimit, 1, maxLimit)
	cur := p.cursor(&f.After)
	if p.err != nil {
		return p.err
	}
	ctx := c.Request().Context()
	if rep.csv {
		w := newCSV(c, rep, fileName(c, "reports", "publisher", "region", "year", "template"),
			"id", "publisher_id", "publisher_name", "admin_code", "year", "template", "title", "published_on",
			"file_name", "sha256", "ingested_at", "observation_count", "unplaced_count",
			"source_url", "listing_url", "fetched_at")
		return errOr(s.db.EachReport(ctx, f, func(r *db.ReportSummary) error {
			return w.row(i64toa(r.ID), r.Publisher.ID, rep.label(r.Publisher.NameZh, r.Publisher.NameEn),
				r.Publisher.AdminCode, itoa(r.Year), r.Template, r.Title, r.PublishedOn, r.FileName, r.SHA256,
				r.IngestedAt.UTC().Format(time.RFC3339), itoa(r.Observations), itoa(r.Unplaced),
				r.SourceURL, r.ListingURL, timeCSV(r.FetchedAt))
		}), w.close)
	}
	data, pg, err := paged(s, c, cur, limit,
		func() (db.Total, error) { return exact(s.db.CountReports(ctx, f)) },
		func(n int) ([]db.ReportSummary, error) {
			f.Limit = n
			return collect(func(fn func(*db.ReportSummary) error) error { return s.db.EachReport(ctx, f, fn) })
		},
		reportOf, func(r *db.ReportSummary) any { return r.ID })
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, ReportList{Data: data, Page: pg})
}

// getReport godoc
//
// @Summary      One report
// @Description  The report's metadata, contact block, narrative sections and the table rows that could not be placed; for a report collected by gongkai fetch, where it came from (source_url, listing_url, fetched_at, and its files: the page and its attachments). Its figures are at /v1/observations?report={id}, its consistency checks at /v1/reports/{id}/checks.
// @ID           getReport
// @Tags         reports
// @Produce      json
// @Param        id   path      int  true  "Report id"  example(1)
// @Success      200  {object}  api.ReportDetail
// @Failure      400  {object}  api.Problem
// @Failure      404  {object}  api.Problem  "No current report with this id"
// @Failure      429  {object}  api.Problem
// @Failure      500  {object}  api.Problem
// @Router       /v1/reports/{id} [get]
func (s *Server) getReport(c echo.Context) error {
	p := newParams(c)
	id := p.reportID("id")
	if p.err != nil {
		return p.err
	}
	r, err := s.db.FindReport(c.Request().Context(), id)
	if err != nil {
		return err
	}
	out := ReportDetail{Report: reportOf(&r.ReportSummary), Contact: Contact(r.Contact), Missing: r.Missing,
		Sections: make([]Section, len(r.Sections)), Unplaced: make([]Unplaced, len(r.UnplacedRows)),
		Files: make([]ReportFile, len(r.Files)),
		Links: ReportLinks{
			Observations: "/v1/observations?report=" + i64toa(id),
			Source:       "/v1/reports/" + i64toa(id) + "/source",
			Checks:       "/v1/reports/" + i64toa(id) + "/checks",
		}}
	for i, sec := range r.Sections {
		out.Sections[i] = Section(sec)
	}
	for i, u := range r.UnplacedRows {
		out.Unplaced[i] = Unplaced{Label: u.Label, Cells: nonNil(u.Cells), Line: u.Line, Page: u.Page, Reason: u.Reason}
	}
	for i, f := range r.Files {
		out.Files[i] = ReportFile{URL: f.URL, Role: f.Role, SHA256: f.SHA256, Size: f.Size, Read: f.Read, FetchedAt: f.FetchedAt.UTC()}
	}
	return c.JSON(http.StatusOK, out)
}

// getSource godoc
//
// @Summary      The original file of a report
// @Description  The bytes of the file the report was read from, as stored: UTF-8 text is served as text/plain, anything else (GB18030 text) as application/octet-stream. The X-Content-SHA256 header carries the digest listed with the report.
// @ID           getReportSource
// @Tags         reports
// @Produce      plain
// @Produce      octet-stream
// @Param        id   path      int     true  "Report id"  example(1)
// @Success      200  {string}  string  "The file"
// @Header       200  {string}  X-Content-SHA256  "sha256 of the file, hex"
// @Failure      400  {object}  api.Problem
// @Failure      404  {object}  api.Problem  "No current report with this id"
// @Failure      429  {object}  api.Problem
// @Failure      500  {object}  api.Problem
// @Router       /v1/reports/{id}/source [get]
func (s *Server) getSource(c echo.Context) error {
	p := newParams(c)
	id := p.reportID("id")
	if p.err != nil {
		return p.err
	}
	src, err := s.db.FindSource(c.Request().Context(), id)
	if err != nil {
		return err
	}
	ctype := "application/octet-stream"
	if utf8.Valid(src.Bytes) {
		ctype = "text/plain; charset=utf-8"
	}
	name := src.FileName
	if name == "" {
		name = "report-" + strconv.FormatInt(id, 10) + ".txt"
	}
	h := c.Response().Header()
	h.Set("X-Content-SHA256", src.SHA256)
	// An ASCII name for every client, the real (often Chinese) one for those that read RFC 6266.
	h.Set(echo.HeaderContentDisposition, `inline; filename="`+unsafeFileChars.ReplaceAllString(name, "-")+
		`"; filename*=UTF-8''`+url.PathEscape(name))
	return c.Blob(http.StatusOK, ctype, src.Bytes)
}
