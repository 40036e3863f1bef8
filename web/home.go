package web

import (
	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/db"
)

// recentReports is the number of reports the home page lists.
const recentReports = 20

type homePage struct {
	*Page
	Dataset *gongkai.Dataset
	Years   []db.YearSummary
	Recent  []db.ReportSummary
}

// home shows the search box, the dataset in numbers and the reports stored last.
func (p *Pages) home(c echo.Context) error {
	pg, err := newPage(c, "/v1")
	if err != nil {
		return p.fail(c, pg, err)
	}
	ctx := c.Request().Context()
	data := homePage{Page: pg}
	if data.Dataset, err = memoize(ctx, p, "dataset", func() (*gongkai.Dataset, error) { return p.db.Dataset(ctx) }); err != nil {
		return p.fail(c, pg, err)
	}
	if data.Years, err = memoize(ctx, p, "years", func() ([]db.YearSummary, error) { return p.db.FindYears(ctx) }); err != nil {
		return p.fail(c, pg, err)
	}
	if data.Recent, err = p.db.RecentReports(ctx, recentReports); err != nil {
		return p.fail(c, pg, err)
	}
	pg.Title = pg.T("site")
	return p.render(c, 200, "home", data)
}
