package web

import (
	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/db"
)

// maxChecks is the number of failing checks the checks page lists; the
// API pages through all of them.
const maxChecks = 200

type checksPage struct {
	*Page
	Rules  []catalog.Rule
	Rule   string
	Checks []db.CheckRow
	More   bool
	Max    int
}

// checks lists the failing checks of the dataset: the reports that
// contradict themselves, filterable by rule.
func (p *Pages) checks(c echo.Context) error {
	rule := c.QueryParam("rule")
	api := "/v1/checks?" + query("status", "fail", "rule", rule)
	pg, err := newPage(c, api)
	if err != nil {
		return p.fail(c, pg, err)
	}
	rules, err := catalog.Rules()
	if err != nil {
		return p.fail(c, pg, err)
	}
	f := db.CheckFilter{Statuses: []string{"fail"}, Limit: maxChecks + 1}
	if rule != "" {
		f.Rules = []string{rule}
	}
	list, err := p.db.ListChecks(c.Request().Context(), f)
	if err != nil {
		return p.fail(c, pg, err)
	}
	data := checksPage{Page: pg, Rules: rules, Rule: rule, Checks: list, Max: maxChecks}
	if len(list) > maxChecks {
		data.Checks, data.More = list[:maxChecks], true
	}
	pg.Title = pg.T("checks")
	return p.render(c, 200, "checks", data)
}
