package web

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/db"
)

// HitLinks returns the page that shows a search hit and its API resource.
func HitLinks(h db.SearchHit) (page, api string) {
	switch h.Kind {
	case db.KindPublisher:
		return "/publishers/" + url.PathEscape(h.Ref), "/v1/publishers/" + url.PathEscape(h.Ref)
	case db.KindIndicator:
		return "/indicators/" + url.PathEscape(h.Ref), "/v1/indicators/" + url.PathEscape(h.Ref)
	case db.KindSection:
		return "/reports/" + h.Ref + "#section-L" + strconv.Itoa(h.Line), "/v1/reports/" + h.Ref
	}
	return "/reports/" + h.Ref, "/v1/reports/" + h.Ref
}

type searchPage struct {
	*Page
	Hits []searchHit
	More string // the next page of hits, "" on the last
}

// searchHit is a hit as the page shows it.
type searchHit struct {
	db.SearchHit
	Link    string
	Snippet template.HTML // escaped by db.Search, but for its <mark>
}

// search shows the hits of the search box's query, from the same search
// as /v1/search.
func (p *Pages) search(c echo.Context) error {
	q := strings.TrimSpace(c.QueryParam("q"))
	cursor := c.QueryParam("cursor")
	pg, err := newPage(c, "/v1/search?"+query("q", q, "cursor", cursor))
	if err != nil {
		return p.fail(c, pg, err)
	}
	pg.Query = q
	if len([]rune(q)) > 100 {
		return p.fail(c, pg, &gongkai.Error{Code: gongkai.EINVALID, Param: "q", Message: "longer than 100 characters"})
	}
	res, err := p.db.Search(c.Request().Context(), db.SearchFilter{Q: q, After: cursor})
	if err != nil {
		return p.fail(c, pg, err)
	}
	data := searchPage{Page: pg}
	for _, h := range res.Hits {
		link, _ := HitLinks(h)
		data.Hits = append(data.Hits, searchHit{SearchHit: h, Link: pg.Link(link), Snippet: template.HTML(h.Snippet)})
	}
	if res.Next != "" {
		data.More = pg.Link("/search?" + query("q", q, "cursor", res.Next))
	}
	pg.Title = pg.T("search_results") + ": " + q
	return p.render(c, 200, "search", data)
}
