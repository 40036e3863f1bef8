package api

import (
	"math"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/check"
	"github.com/gongkai/gongkai/db"
)

// Check is one consistency rule evaluated on one report: the report against
// its own arithmetic, against the report of the year before, or against the
// figures its narrative states.
type Check struct {
	ReportID        int64  `json:"report_id" example:"1"`
	PublisherID     string `json:"publisher_id" example:"370403"`
	PublisherNameZh string `json:"publisher_name_zh" example:"薛城区人民政府"`
	PublisherNameEn string `json:"publisher_name_en" example:"Xuecheng District People's Government"`
	Year            int    `json:"year" example:"2017"`
	// Rule is the id of the rule (catalog/rules.csv, catalog/narrative.csv).
	Rule string `json:"rule" example:"narrative.requests.received"`
	// Severity is error for a broken identity of the form, warning for a plausibility rule.
	Severity string `json:"severity" example:"warning" enums:"error,warning"`
	// Status is skipped when a term is blank or absent: a blank is not a zero.
	Status string `json:"status" example:"fail" enums:"pass,fail,skipped"`
	// Breakdown is the column the rule was evaluated on, "total" where there is none, "*" for a whole row.
	Breakdown string `json:"breakdown" example:"total"`
	// Indicators are the codes of the figures involved.
	Indicators []string `json:"indicators" example:"requests.received"`
	// Expected is the whole side of the rule: a total, the parent of a 其中
	// row, or the table's figure that a narrative states. Null when a term of
	// it is blank or absent.
	Expected *float64 `json:"expected" example:"13" extensions:"x-nullable"`
	// Actual is the other side: the sum of the parts, or the figure the
	// narrative states. Null when a term of it is blank or absent.
	Actual *float64 `json:"actual" example:"16" extensions:"x-nullable"`
	// Message states the rule with the report's figures.
	Message string `json:"message" example:"narrative 16 ≠ table 13: 收到申请数"`
	// Evidence is the narrative's sentence a narrative rule read, "" for the rules of the tables.
	Evidence string `json:"evidence" example:"2017年，全区收到依申请公开政府信息的申请16件，答复率为100%。"`
}

// CheckList is a page of checks.
type CheckList struct {
	Data []Check `json:"data"`
	Page
}

// ReportCheckList is every check of one report, with their numbers by status.
type ReportCheckList struct {
	Data   []Check     `json:"data"`
	Counts CheckCounts `json:"counts"`
}

// CheckCounts are the numbers of checks by status.
type CheckCounts struct {
	Pass    int `json:"pass" example:"21"`
	Fail    int `json:"fail" example:"3"`
	Skipped int `json:"skipped" example:"0"`
}

func checkOf(r *db.CheckRow) Check {
	return Check{ReportID: r.ReportID, PublisherID: r.PublisherID, PublisherNameZh: r.PublisherNameZh,
		PublisherNameEn: r.PublisherNameEn, Year: r.Year, Rule: r.Rule, Severity: r.Severity, Status: r.Status,
		Breakdown: r.Breakdown, Indicators: nonNil(r.Indicators), Expected: r.Expected, Actual: r.Actual,
		Message: r.Message, Evidence: r.Evidence}
}

// checkCSVHeader are the columns of checks in CSV; publisher_name is in the
// language of lang, indicators are separated by |.
var checkCSVHeader = []string{"report_id", "publisher_id", "publisher_name", "year", "rule", "severity", "status",
	"breakdown", "indicators", "expected", "actual", "message", "evidence"}

func checkCSV(rep representation, r *db.CheckRow) []string {
	return []string{i64toa(r.ReportID), r.PublisherID, rep.label(r.PublisherNameZh, r.PublisherNameEn), itoa(r.Year),
		r.Rule, r.Severity, r.Status, r.Breakdown, list(r.Indicators), number(r.Expected), number(r.Actual),
		r.Message, r.Evidence}
}

var (
	checkStatuses   = []string{check.StatusPass, check.StatusFail, check.StatusSkipped}
	checkSeverities = []string{catalog.SeverityError, catalog.SeverityWarning}
	checkParams     = append([]string{"rule", "status", "severity", "publisher", "region", "year", "report",
		"limit", "cursor"}, formatParams...)
)

// listChecks godoc
//
// @Summary      Consistency checks of the reports
// @Description  The result of every consistency rule on every current report, in the order they were evaluated, report by report: a total against its parts, a 其中 row against its parent, the identities of the form, the report of the year before, and the figures the narrative states (with its sentence as evidence). Filters combine with AND; a list (comma-separated) matches any of its values: status=fail&rule=narrative.requests.received finds every report whose narrative contradicts its table on the applications received.
// @Description  A check is skipped, never failed, when a term is blank: a blank is not a zero. The figures a failing check involves carry the flag check_failed in /v1/observations.
// @Description  JSON is paged: limit (default 100, at most 1000) and the opaque next_cursor of the previous page; the total and the next link come with every page, the link also as a Link header. CSV (format=csv or Accept: text/csv) streams every matching check.
// @ID           listChecks
// @Tags         checks
// @Produce      json
// @Produce      text/csv
// @Param        rule       query     string  false  "Rule id, or several separated by commas"  example(narrative.requests.received)
// @Param        status     query     string  false  "pass, fail or skipped, or several separated by commas"  example(fail)
// @Param        severity   query     string  false  "error or warning, or both separated by a comma"  example(error)
// @Param        publisher  query     string  false  "Publisher id, or several separated by commas"  example(370403)
// @Param        region     query     string  false  "Prefix of the publisher's GB/T 2260 division code, 2 to 6 digits"  example(3704)
// @Param        year       query     string  false  "Year (2017), range (2015:2019, 2015:, :2019) or list (2015,2017)"  example(2017)
// @Param        report     query     int     false  "Report id: the checks of one report"  minimum(1)
// @Param        limit      query     int     false  "Page size (JSON); in CSV, a cap on the rows"  minimum(1)  maximum(1000)  default(100)
// @Param        cursor     query     string  false  "next_cursor of the previous page"
// @Param        format     query     string  false  "Representation; CSV also with Accept: text/csv"  Enums(json, csv)
// @Param        bom        query     bool    false  "Start CSV with a byte order mark, for Excel"
// @Param        lang       query     string  false  "Language of the CSV publisher_name column"  Enums(zh, en)
// @Success      200        {object}  api.CheckList
// @Header       200        {string}  Link  "URL of the next page, rel=\"next\""
// @Failure      400        {object}  api.Problem  "A parameter is unknown or malformed, or names an unknown rule or publisher"
// @Failure      429        {object}  api.Problem
// @Failure      500        {object}  api.Problem
// @Router       /v1/checks [get]
func (s *Server) listChecks(c echo.Context) error {
	p := newParams(c, checkParams...)
	f := db.CheckFilter{
		Rules:      p.codes("rule", " rule"),
		Statuses:   p.oneOfList("status", checkStatuses...),
		Severities: p.oneOfList("severity", checkSeverities...),
		Publishers: p.codes("publisher", " publisher"),
		Region:     p.region("region"),
		Years:      p.years("year"),
		Report:     int64(p.integer("report", 0, 1, math.MaxInt)),
	}
	rep := p.representation()
	limit := p.integer("limit", defaultLimit, 1, maxLimit)
	cur := p.cursor(&f.After)
	if p.err != nil {
		return p.err
	}
	ctx := c.Request().Context()
	if rep.csv {
		if p.get("limit") != "" {
			f.Limit = limit
		}
		w := newCSV(c, rep, fileName(c, "checks", "rule", "status", "severity", "publisher", "region", "year", "report"),
			checkCSVHeader...)
		return errOr(s.db.EachCheck(ctx, f, func(r *db.CheckRow) error {
			return w.row(checkCSV(rep, r)...)
		}), w.close)
	}
	data, pg, err := paged(s, c, cur, limit,
		func() (db.Total, error) { return exact(s.db.CountChecks(ctx, f)) },
		func(n int) ([]db.CheckRow, error) { f.Limit = n; return s.db.ListChecks(ctx, f) },
		checkOf, func(r *db.CheckRow) any { return r.ID })
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, CheckList{Data: data, Page: pg})
}

// getReportChecks godoc
//
// @Summary      Consistency checks of one report
// @Description  Every consistency rule evaluated on the report, in the order they were evaluated, with the numbers that pass, fail and were skipped (a term was blank: a blank is not a zero). A report stored before checks existed has none. CSV (format=csv or Accept: text/csv) has the columns of /v1/checks.
// @ID           getReportChecks
// @Tags         checks
// @Produce      json
// @Produce      text/csv
// @Param        id      path      int     true   "Report id"  example(1)
// @Param        format  query     string  false  "Representation; CSV also with Accept: text/csv"  Enums(json, csv)
// @Param        bom     query     bool    false  "Start CSV with a byte order mark, for Excel"
// @Param        lang    query     string  false  "Language of the CSV publisher_name column"  Enums(zh, en)
// @Success      200     {object}  api.ReportCheckList
// @Failure      400     {object}  api.Problem
// @Failure      404     {object}  api.Problem  "No current report with this id"
// @Failure      429     {object}  api.Problem
// @Failure      500     {object}  api.Problem
// @Router       /v1/reports/{id}/checks [get]
func (s *Server) getReportChecks(c echo.Context) error {
	p := newParams(c, formatParams...)
	id := p.reportID("id")
	rep := p.representation()
	if p.err != nil {
		return p.err
	}
	rows, err := s.db.ReportChecks(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if rep.csv {
		w := newCSV(c, rep, "gongkai-report-"+i64toa(id)+"-checks", checkCSVHeader...)
		for i := range rows {
			if err := w.row(checkCSV(rep, &rows[i])...); err != nil {
				return err
			}
		}
		return w.close()
	}
	out := ReportCheckList{Data: make([]Check, len(rows))}
	for i := range rows {
		out.Data[i] = checkOf(&rows[i])
		switch rows[i].Status {
		case check.StatusPass:
			out.Counts.Pass++
		case check.StatusFail:
			out.Counts.Fail++
		case check.StatusSkipped:
			out.Counts.Skipped++
		}
	}
	return c.JSON(http.StatusOK, out)
}
