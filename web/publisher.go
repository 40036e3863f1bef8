package web

import (
	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai/db"
)

// keyIndicators are the figures a publisher's page shows year by year:
// what journalists ask first (published, requested, disputed).
var keyIndicators = []string{
	"proactive.items", "requests.received", "requests.disclosed",
	"reconsiderations.total", "lawsuits.total",
}

type publisherPage struct {
	*Page
	Publisher *db.PublisherDetail
	Years     []int
	Key       []keyRow
	ChartURL  string
}

// keyRow is one key indicator over the publisher's years.
type keyRow struct {
	Code, NameZh, NameEn, Unit string
	Cells                      []*db.ObservationRow // by Years; nil where the year has no figure
}

// publisher shows a publisher's reports by year and its key figures.
func (p *Pages) publisher(c echo.Context) error {
	id := c.Param("id")
	pg, err := newPage(c, "/v1/publishers/"+id)
	if err != nil {
		return p.fail(c, pg, err)
	}
	ctx := c.Request().Context()
	pub, err := p.db.FindPublisher(ctx, id)
	if err != nil {
		return p.fail(c, pg, err)
	}
	data := publisherPage{Page: pg, Publisher: pub,
		ChartURL: "/v1/series.svg?" + query("indicator", "requests.received", "publisher", pub.ID, "lang", pg.langParam())}
	yearIndex := map[int]int{}
	for _, r := range pub.Reports {
		yearIndex[r.Year] = len(data.Years)
		data.Years = append(data.Years, r.Year)
	}
	rows := map[string]*keyRow{}
	for _, code := range keyIndicators {
		rows[code] = &keyRow{Code: code, Cells: make([]*db.ObservationRow, len(data.Years))}
	}
	err = p.db.EachObservation(ctx, db.ObservationFilter{Publishers: []string{id}, Indicators: keyIndicators,
		Breakdowns: []string{"total"}}, func(o *db.ObservationRow) error {
		row := rows[o.Indicator]
		row.NameZh, row.NameEn, row.Unit = o.IndicatorNameZh, o.IndicatorNameEn, o.UnitSymbol
		if i, ok := yearIndex[o.Year]; ok {
			o := *o
			row.Cells[i] = &o
		}
		return nil
	})
	if err != nil {
		return p.fail(c, pg, err)
	}
	for _, code := range keyIndicators {
		if rows[code].NameZh != "" {
			data.Key = append(data.Key, *rows[code])
		}
	}
	pg.Title = pg.Pick(pub.NameZh, pub.NameEn)
	return p.render(c, 200, "publisher", data)
}
