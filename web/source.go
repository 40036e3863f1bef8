package web

import (
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/db"
	"github.com/gongkai/gongkai/ingest"
)

type sourcePage struct {
	*Page
	ReportID  int64
	Report    *db.ReportDetail
	Lines     []sourceLine
	Extracted bool // the lines are text extracted from a page or document, numbered as its figures cite them
}

// sourceLine is one line of the source text with its number.
type sourceLine struct {
	ingest.Line
	Anchor bool // the first line with its number, which #L<n> points at
	Cited  bool // a figure or heading of the report cites it
}

// source shows the report's text with the line numbers its figures cite;
// #L135 highlights line 135 (CSS :target, no script needed).
func (p *Pages) source(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	pg, perr := newPage(c, "/v1/reports/"+c.Param("id")+"/source")
	if perr != nil {
		return p.fail(c, pg, perr)
	}
	if err != nil || id <= 0 {
		return p.fail(c, pg, gongkai.Errorf(gongkai.ENOTFOUND, "no report with id %q: report ids are positive integers", c.Param("id")))
	}
	ctx := c.Request().Context()
	r, err := p.db.FindReport(ctx, id)
	if err != nil {
		return p.fail(c, pg, err)
	}
	src, err := p.db.FindSource(ctx, id)
	if err != nil {
		return p.fail(c, pg, err)
	}
	lines, err := ingest.Lines(src.FileName, src.Bytes)
	if err != nil {
		return p.fail(c, pg, err)
	}
	cited, err := p.citedLines(c, r)
	if err != nil {
		return p.fail(c, pg, err)
	}
	data := sourcePage{Page: pg, ReportID: id, Report: r, Lines: make([]sourceLine, len(lines))}
	seen := map[int]bool{}
	for i, l := range lines {
		data.Lines[i] = sourceLine{Line: l, Anchor: !seen[l.N], Cited: cited[l.N]}
		seen[l.N] = true
		data.Extracted = data.Extracted || l.N != i+1
	}
	pg.Title = pg.T("source_of") + " · " + r.Title
	return p.render(c, 200, "source", data)
}

// citedLines are the lines the report's figures and headings cite.
func (p *Pages) citedLines(c echo.Context, r *db.ReportDetail) (map[int]bool, error) {
	cited := map[int]bool{}
	err := p.db.EachObservation(c.Request().Context(), db.ObservationFilter{Report: r.ID}, func(o *db.ObservationRow) error {
		cited[o.Line] = true
		return nil
	})
	for _, s := range r.Sections {
		cited[s.Line] = true
	}
	return cited, err
}
