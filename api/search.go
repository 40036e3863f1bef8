package api

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai/db"
	"github.com/gongkai/gongkai/web"
)

// SearchList is a page of search hits: publishers and indicators first,
// then report titles and narrative sections, newest report first. It has
// no total: counting every match of a common word would read its whole
// index entry.
type SearchList struct {
	Data []SearchHit `json:"data"`
	// Limit is the page size.
	Limit int `json:"limit" example:"20"`
	// NextCursor continues the search on the next page; absent on the last page.
	NextCursor string `json:"next_cursor,omitempty" example:"t1234"`
	// Next is the URL of the next page (also sent as a Link header); absent on the last page.
	Next string `json:"next,omitempty" example:"https://api.example.org/v1/search?cursor=t1234&q=%E5%A4%8D%E8%AE%AE"`
}

// SearchHit is one text that holds the query.
type SearchHit struct {
	// Kind is publisher, indicator, report (a report's title) or section (a heading of a report's narrative and its text).
	Kind string `json:"kind" example:"section" enums:"publisher,indicator,report,section"`
	// ID is the publisher id, the indicator code, or the report id of a report or section.
	ID    string `json:"id" example:"1"`
	Title string `json:"title" example:"七、因政府信息公开申请提起行政复议、行政诉讼的情况"`
	// Line is the source line of a section's heading, 0 for other kinds.
	Line int `json:"line" example:"19"`
	// Snippet is the text around the first match, HTML-escaped, with the match in <mark>…</mark>.
	Snippet string `json:"snippet" example:"七、因政府信息公开申请提起行政<mark>复议</mark>、行政诉讼的情况"`
	// Link is the page for people that shows the hit.
	Link string `json:"link" example:"/reports/1#section-L19"`
	// API is the API resource of the hit.
	API string `json:"api" example:"/v1/reports/1"`
}

// search godoc
//
// @Summary      Search reports, narrative, publishers and indicators
// @Description  Finds the texts that hold q: publisher and indicator names (Chinese or English), report titles and the narrative sections of reports. Chinese is matched as written, from two characters on (复议 finds every section that holds 复议); words separated by spaces must all occur; the last Latin word may be cut short (xuech). Publishers and indicators come first, then reports and sections, newest report first, each with a snippet around the match.
// @ID           search
// @Tags         search
// @Produce      json
// @Param        q       query     string  true   "Text to search, at least two characters"  example(复议)
// @Param        kind    query     string  false  "Kinds of hits, separated by commas: publisher, indicator, report, section"  example(section)
// @Param        limit   query     int     false  "Page size, 1 to 100"  default(20)
// @Param        cursor  query     string  false  "next_cursor of the previous page"
// @Success      200     {object}  api.SearchList
// @Header       200     {string}  Link  "URL of the next page, rel=\"next\""
// @Failure      400     {object}  api.Problem  "q is missing or shorter than two characters, or a parameter is unknown or malformed"
// @Failure      429     {object}  api.Problem
// @Failure      500     {object}  api.Problem
// @Router       /v1/search [get]
func (s *Server) search(c echo.Context) error {
	p := newParams(c, "q", "kind", "limit", "cursor")
	f := db.SearchFilter{
		Q:     p.text("q"),
		Kinds: p.oneOfList("kind", db.KindPublisher, db.KindIndicator, db.KindReport, db.KindSection),
		Limit: p.integer("limit", db.DefaultSearchLimit, 1, db.MaxSearchLimit),
		After: p.get("cursor"),
	}
	if f.Q == "" {
		p.fail(invalidParam("q", "required: the text to search, at least two characters"))
	}
	if p.err != nil {
		return p.err
	}
	page, err := s.db.Search(c.Request().Context(), f)
	if err != nil {
		return err
	}
	out := SearchList{Data: make([]SearchHit, len(page.Hits)), Limit: f.Limit}
	for i, h := range page.Hits {
		out.Data[i] = searchHit(h)
	}
	if page.Next != "" {
		next := url.Values{}
		for k, v := range c.QueryParams() {
			next[k] = v
		}
		next.Set("cursor", page.Next)
		out.NextCursor = page.Next
		out.Next = s.baseURL(c) + c.Request().URL.Path + "?" + next.Encode()
		c.Response().Header().Add("Link", "<"+out.Next+`>; rel="next"`)
	}
	return c.JSON(http.StatusOK, out)
}

// searchHit is the answer for one hit, with the page and API links of what it found.
func searchHit(h db.SearchHit) SearchHit {
	link, api := web.HitLinks(h)
	return SearchHit{Kind: h.Kind, ID: h.Ref, Title: h.Title, Line: h.Line, Snippet: h.Snippet, Link: link, API: api}
}
