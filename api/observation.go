package api

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai/db"
)

// Observation is one figure of a report: the value of one indicator for one
// breakdown, with its publisher and year, and where in the report it came from.
type Observation struct {
	Indicator       string `json:"indicator" example:"requests.received"`
	IndicatorNameZh string `json:"indicator_name_zh" example:"收到申请数"`
	IndicatorNameEn string `json:"indicator_name_en" example:"Applications received"`
	PublisherID     string `json:"publisher_id" example:"370403"`
	PublisherNameZh string `json:"publisher_name_zh" example:"薛城区人民政府"`
	PublisherNameEn string `json:"publisher_name_en" example:""`
	// AdminCode is the GB/T 2260 code of the publisher's region.
	AdminCode string `json:"admin_code" example:"370403"`
	Year      int    `json:"year" example:"2017"`
	// Breakdown is the category of the figure (applicant type …), "total" where there is none.
	Breakdown string `json:"breakdown" example:"total"`
	// Value is null where the cell is blank or says not applicable (see flags).
	Value *float64 `json:"value" example:"13" extensions:"x-nullable"`
	// Unit is the unit code; UnitSymbol its Chinese symbol.
	Unit       string `json:"unit" example:"case"`
	UnitSymbol string `json:"unit_symbol" example:"件"`
	// Label is the row text as printed in the report; for a row of the
	// national form whose printed text came out of the source broken, the
	// form's wording (flag label_from_form).
	Label string `json:"label" example:"（一）收到申请数"`
	// Column is the column header of a two-dimensional table, null otherwise.
	Column *string `json:"column" extensions:"x-nullable"`
	// Raw is the cell text as printed.
	Raw string `json:"raw" example:"13"`
	// Line is the line of the cell in the report's source file (for a PDF,
	// in its extracted text).
	Line int `json:"line" example:"134"`
	// Page is the page of the cell in a PDF source, omitted for other sources.
	Page int `json:"page,omitempty" example:"3"`
	// Flags are quality flags: blank, not_available, odd_format, unit_mismatch, unit_missing, converted, local_row, check_failed, derived, split_by_arithmetic (cut from figures printed run together by the only split the form's arithmetic admits), split_by_narrative (cut from figures printed run together that several splits fit, by the one split that gives the figure the report's own text states for the same indicator), placed_by_form_order (placed by the national form's column order where the header could not be read), label_from_form (the label or column is the national form's wording, the text printed for it having come out of the source broken), placed_by_arithmetic (a figure of a row printed with fewer figures than columns, its blank cells leaving no trace, placed in the one column the form's arithmetic admits).
	Flags    []string `json:"flags"`
	ReportID int64    `json:"report_id" example:"1"`
}

// ObservationList is a page of observations.
type ObservationList struct {
	Data []Observation `json:"data"`
	Page
}

// observationOf is r as an Observation: what observationPage encodes
// without it (TestObservationJSONAsEncodingJSON compares the two).
func observationOf(r *db.ObservationRow) Observation {
	return Observation{Indicator: r.Indicator, IndicatorNameZh: r.IndicatorNameZh, IndicatorNameEn: r.IndicatorNameEn,
		PublisherID: r.PublisherID, PublisherNameZh: r.PublisherNameZh, PublisherNameEn: r.PublisherNameEn,
		AdminCode: r.AdminCode, Year: r.Year, Breakdown: r.Breakdown, Value: r.Value, Unit: r.Unit,
		UnitSymbol: r.UnitSymbol, Label: r.Label, Column: r.Column, Raw: r.Raw, Line: r.Line,
		Page: r.Page, Flags: nonNil(r.Flags), ReportID: r.ReportID}
}

// observationCSVHeader are the columns of observations in CSV; the *_name
// columns are in the language of lang.
var observationCSVHeader = []string{"indicator", "indicator_name", "publisher_id", "publisher_name", "admin_code",
	"year", "breakdown", "value", "unit", "unit_name", "label", "column", "raw", "line", "page", "flags", "report_id"}

// observationFileFilters are the filters that name a CSV of observations
// (fileName), in the order they appear in the name.
var observationFileFilters = []string{"indicator", "publisher", "region", "year", "breakdown", "template", "report"}

var observationParams = append([]string{"indicator", "publisher", "region", "year", "breakdown", "template",
	"report", "sort", "limit", "cursor"}, formatParams...)

// listObservations godoc
//
// @Summary      Observations: the figures of the reports
// @Description  One row per report × indicator × breakdown, with the row label, cell text and line it was read from. Filters combine with AND; a list (comma-separated) matches any of its values.
// @Description  The default order is report by report (publisher, year), each in printed order; sort takes fields publisher, year, indicator, breakdown, value, each with a leading - for descending (sort=-value), nulls last. A JSON page sorts at most 100,000 figures: a broader filter with sort is a 400 (CSV sorts any number).
// @Description  JSON is paged: limit (default 100, at most 1000) and the opaque next_cursor of the previous page; the total and the next link come with every page, the link also as a Link header. The total is exact for no filter, for years and templates alone, for any combination of indicators, a region of at most two digits (a province) and years (counts kept at ingest), and for any filter matching at most 100,000 figures; beyond, counting stops at 100,000 and total_capped is true. CSV (format=csv or Accept: text/csv) streams every matching row.
// @ID           listObservations
// @Tags         observations
// @Produce      json
// @Produce      text/csv
// @Param        indicator  query     string  false  "Indicator code, or several separated by commas"  example(requests.received)
// @Param        publisher  query     string  false  "Publisher id, or several separated by commas"  example(370403)
// @Param        region     query     string  false  "Prefix of the GB/T 2260 division code, 2 to 6 digits"  example(3704)
// @Param        year       query     string  false  "Year (2017), range (2015:2019, 2015:, :2019) or list (2015,2017)"  example(2017)
// @Param        breakdown  query     string  false  "Breakdown code, or several separated by commas"  example(total)
// @Param        template   query     string  false  "Template of the report, or several separated by commas (legacy2014, form2019, form2021)"  example(legacy2014)
// @Param        report     query     int     false  "Report id: the figures of one report"  minimum(1)
// @Param        sort       query     string  false  "Order: fields publisher, year, indicator, breakdown, value separated by commas, - for descending"  example(-value)
// @Param        limit      query     int     false  "Page size (JSON); in CSV, a cap on the rows"  minimum(1)  maximum(1000)  default(100)
// @Param        cursor     query     string  false  "next_cursor of the previous page"
// @Param        format     query     string  false  "Representation; CSV also with Accept: text/csv"  Enums(json, csv)
// @Param        bom        query     bool    false  "Start CSV with a byte order mark, for Excel"
// @Param        lang       query     string  false  "Language of the CSV *_name columns"  Enums(zh, en)
// @Success      200        {object}  api.ObservationList
// @Header       200        {string}  Link  "URL of the next page, rel=\"next\""
// @Failure      400        {object}  api.Problem  "A parameter is unknown or malformed, or names an unknown indicator or publisher"
// @Failure      429        {object}  api.Problem
// @Failure      500        {object}  api.Problem
// @Router       /v1/observations [get]
func (s *Server) listObservations(c echo.Context) error {
	p := newParams(c, observationParams...)
	f := db.ObservationFilter{
		Indicators: p.codes("indicator", "n indicator"),
		Publishers: p.codes("publisher", " publisher"),
		Region:     p.region("region"),
		Years:      p.years("year"),
		Breakdowns: p.codes("breakdown", " breakdown"),
		Templates:  p.oneOfList("template", templates...),
		Report:     int64(p.integer("report", 0, 1, math.MaxInt)),
		Sort:       p.sort("sort", db.ObservationSortFields),
	}
	rep := p.representation()
	limit := p.integer("limit", defaultLimit, 1, maxLimit)
	var after db.ObservationKey
	cur := p.cursor(&after)
	if cur != nil {
		f.After = &after
	}
	if p.err != nil {
		return p.err
	}
	ctx := c.Request().Context()
	if rep.csv {
		if p.get("limit") != "" {
			f.Limit = limit
		}
		w := newCSV(c, rep, fileName(c, "observations", observationFileFilters...), observationCSVHeader...)
		finish := s.teeRelease(c, rep)
		err := errOr(s.db.AppendObservations(ctx, f, func(dst []byte, r *db.ObservationRow) []byte {
			return appendObservationCSV(dst, rep, r)
		}, w.block), w.close)
		finish(err == nil)
		return err
	}
	countToSort := func(n db.Total, err error) (db.Total, error) {
		if err == nil && len(f.Sort) > 0 && (n.Capped || n.N > db.CountCap) {
			// Every matching figure would be sorted for one page.
			return n, invalidParam("sort", "more than %d figures match; narrow the filter (indicator, publisher, region, report) to sort them, or leave sort out",
				db.CountCap)
		}
		return n, err
	}
	count := func() (db.Total, error) { return countToSort(s.db.CountObservations(ctx, f)) }
	fetch := func(ctx context.Context, n int) ([]db.ObservationRow, error) {
		g := f
		g.Limit = n
		return s.db.FindObservations(ctx, g)
	}
	find := func(n int) ([]db.ObservationRow, error) { return fetch(ctx, n) }
	switch {
	case cur == nil && len(f.Sort) == 0:
		// The count and the page read on two connections at once: the count
		// was a fifth of the time of a page of 1,000 figures over a region.
		count = started(ctx, f, s.db.CountObservations)
	case cur == nil:
		// A sorted page and its count each read every match's index entry:
		// they too read at once, and the sort is abandoned when the count
		// refuses to sort too many (at most CountCap entries read).
		sortCtx, cancel := context.WithCancel(ctx)
		defer cancel()
		find = startedFetch(sortCtx, limit+1, fetch)
	}
	data, pg, err := paged(s, c, cur, limit, count, find,
		func(r *db.ObservationRow) *db.ObservationRow { return r }, func(r *db.ObservationRow) any { return r.Key() })
	if err != nil {
		return err
	}
	return observationPage(c, data, pg) // an ObservationList
}

// sort parses an order: fields separated by commas, each with an optional
// leading - for descending.
func (p *params) sort(name string, fields []string) []db.SortField {
	v := p.get(name)
	if v == "" {
		return nil
	}
	var out []db.SortField
	for part := range strings.SplitSeq(v, ",") {
		f := db.SortField{Field: strings.TrimSpace(part)}
		if rest, ok := strings.CutPrefix(f.Field, "-"); ok {
			f.Field, f.Desc = rest, true
		}
		if !slices.Contains(fields, f.Field) {
			p.fail(invalidParam(name, "cannot sort by %s; give fields %s separated by commas, each with a leading - for descending",
				quote(f.Field), strings.Join(fields, ", ")))
			return nil
		}
		if slices.ContainsFunc(out, func(o db.SortField) bool { return o.Field == f.Field }) {
			p.fail(invalidParam(name, "%s given twice", quote(f.Field)))
			return nil
		}
		out = append(out, f)
	}
	return out
}

// startedFetch starts fetch(ctx, n) at once, in its own goroutine, and
// returns the function that waits for its rows; it must be asked for n.
// Canceling ctx abandons the fetch.
func startedFetch[R any](ctx context.Context, n int, fetch func(context.Context, int) ([]R, error)) func(int) ([]R, error) {
	type result struct {
		rows []R
		err  error
	}
	done := make(chan result, 1)
	go func() {
		rows, err := fetch(ctx, n)
		done <- result{rows, err}
	}()
	return func(m int) ([]R, error) {
		if m != n {
			return nil, fmt.Errorf("started a fetch of %d rows, asked for %d", n, m)
		}
		r := <-done
		return r.rows, r.err
	}
}

// started starts count(ctx, f) at once, in its own goroutine, and returns
// the function that waits for its result.
func started(ctx context.Context, f db.ObservationFilter, count func(context.Context, db.ObservationFilter) (db.Total, error)) func() (db.Total, error) {
	type result struct {
		n   db.Total
		err error
	}
	done := make(chan result, 1)
	go func() {
		n, err := count(ctx, f)
		done <- result{n, err}
	}()
	return func() (db.Total, error) {
		r := <-done
		return r.n, r.err
	}
}
