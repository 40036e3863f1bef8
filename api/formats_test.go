package api_test

import (
	"testing"

	"github.com/gongkai/gongkai/api"
)

// TestSeriesAcrossFormats serves one publisher's reports of 2017 (legacy
// table), 2019 and 2021 (the new formats) and asks what a dashboard asks.
func TestSeriesAcrossFormats(t *testing.T) {
	ts := newTestServerOn(t, seriesDB, api.Options{})
	for _, sc := range []scenario{
		{name: "one line across the change of format", path: "/v1/series?indicator=requests.received&publisher=370403",
			status: 200, has: []string{`"points":[{"year":2017,"value":13,`, `{"year":2019,"value":49,`, `{"year":2021,"value":74,`}},
		{name: "an applicant type of the new tables", path: "/v1/observations?indicator=requests.received&publisher=370403&breakdown=natural_person",
			status: 200, has: []string{`"total":2`, `"year":2019,"breakdown":"natural_person"`, `"column":"自然人"`}},
		{name: "the breakdowns an indicator has", path: "/v1/indicators/requests.received",
			status: 200, has: []string{`"natural_person"`, `"legacy2014"`, `"form2019"`, `"form2021"`}},
		{name: "the three templates", path: "/v1/reports?publisher=370403",
			status: 200, has: []string{`"template":"legacy2014"`, `"template":"form2019"`, `"template":"form2021"`, `"total":3`}},
		{name: "a table-4 cell keeps its block and result", path: "/v1/observations?indicator=reconsiderations.upheld&year=2019",
			status: 200, has: []string{`"label":"行政复议","column":"结果维持"`}},
	} {
		t.Run(sc.name, func(t *testing.T) { sc.run(t, ts) })
	}
}
