package api_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/api"
)

// scenario is one request as a user would send it and what they must get.
type scenario struct {
	name    string
	path    string
	headers []string // pairs of name and value
	status  int
	ctype   string   // prefix of the Content-Type
	has     []string // substrings of the body
	check   func(t *testing.T, resp *http.Response, body []byte)
}

func (sc scenario) run(t *testing.T, ts *testServer) {
	t.Run(sc.name, func(t *testing.T) {
		resp, body := ts.get(t, sc.path, sc.headers...)
		if resp.StatusCode != sc.status {
			t.Fatalf("GET %s: status %d, want %d\n%.800s", sc.path, resp.StatusCode, sc.status, body)
		}
		if ct := resp.Header.Get("Content-Type"); sc.ctype != "" && !strings.HasPrefix(ct, sc.ctype) {
			t.Errorf("Content-Type %q, want %s…", ct, sc.ctype)
		}
		for _, s := range sc.has {
			if !bytes.Contains(body, []byte(s)) {
				t.Errorf("body lacks %q:\n%.800s", s, body)
			}
		}
		if sc.check != nil {
			sc.check(t, resp, body)
		}
	})
}

// The questions of the README, as its readers ask them.
func TestUsersQuestions(t *testing.T) {
	ts := newTestServer(t, api.Options{})
	for _, sc := range []scenario{
		{
			name:   "a journalist: applications 薛城区 received in 2017 are 13 件",
			path:   "/v1/observations?indicator=requests.received&publisher=370403&year=2017",
			status: 200, ctype: "application/json",
			check: func(t *testing.T, _ *http.Response, body []byte) {
				var list api.ObservationList
				mustDecode(t, body, &list)
				if list.Total != 1 || len(list.Data) != 1 {
					t.Fatalf("total %d, %d rows, want 1", list.Total, len(list.Data))
				}
				o := list.Data[0]
				if o.Value == nil || *o.Value != 13 || o.Unit != "case" || o.UnitSymbol != "件" ||
					o.Indicator != "requests.received" || o.PublisherNameZh != "薛城区人民政府" || o.Year != 2017 ||
					o.Label == "" || o.Raw != "13" || o.Line == 0 || o.ReportID == 0 || o.AdminCode != "370403" {
					t.Errorf("got %+v, want 13 件 with its label, raw text, line and report", o)
				}
				if list.Next != "" || list.NextCursor != "" {
					t.Errorf("a single page has a next link: %q", list.Next)
				}
			},
		},
		{
			name:   "a researcher: the CSV of the whole 2017 report holds its 76 figures",
			path:   "/v1/observations?publisher=370403&year=2017&format=csv",
			status: 200, ctype: "text/csv",
			check: func(t *testing.T, resp *http.Response, body []byte) {
				ls := lines(body)
				if len(ls) != 77 {
					t.Errorf("%d lines, want a header and 76 rows", len(ls))
				}
				want := "indicator,indicator_name,publisher_id,publisher_name,admin_code,year,breakdown,value,unit,unit_name,label,column,raw,line,page,flags,report_id"
				if ls[0] != want {
					t.Errorf("header %q\nwant   %q", ls[0], want)
				}
				if !strings.Contains(string(body), "requests.received,收到申请数,370403,薛城区人民政府,370403,2017,total,13,case,件,") {
					t.Errorf("no row of 13 applications received:\n%.600s", body)
				}
				cd := resp.Header.Get("Content-Disposition")
				if !strings.Contains(cd, `filename="gongkai-observations_publisher-370403_year-2017.csv"`) {
					t.Errorf("Content-Disposition %q", cd)
				}
			},
		},
		{
			name:    "a researcher: the same CSV for Excel, in English, asked by Accept",
			path:    "/v1/observations?report=1&bom=true&lang=en",
			headers: []string{"Accept", "text/csv"},
			status:  200, ctype: "text/csv",
			has: []string{"requests.received,Applications received,370403,"},
			check: func(t *testing.T, _ *http.Response, body []byte) {
				if !bytes.HasPrefix(body, []byte("\uFEFFindicator,")) {
					t.Errorf("no BOM before the header: %.40q", body)
				}
				if n := len(lines(body)); n != 77 {
					t.Errorf("%d lines, want 77", n)
				}
			},
		},
		{
			name:   "a dashboard: the series of applications received by 薛城区",
			path:   "/v1/series?indicator=requests.received&publisher=370403",
			status: 200, ctype: "application/json",
			check: func(t *testing.T, _ *http.Response, body []byte) {
				var s api.SeriesList
				mustDecode(t, body, &s)
				if s.UnitSymbol != "件" || len(s.Data) != 1 || len(s.Data[0].Points) != 1 ||
					s.Data[0].Points[0].Year != 2017 || *s.Data[0].Points[0].Value != 13 {
					t.Errorf("got %+v, want one line with 2017: 13 件", s)
				}
			},
		},
		{name: "the series of a region, as CSV", path: "/v1/series?indicator=requests.received&region=3704&format=csv",
			status: 200, ctype: "text/csv", has: []string{"requests.received,收到申请数,total,370403,薛城区人民政府,370403,2017,13,case,件,check_failed,1"}},
		{name: "the dataset", path: "/v1", status: 200, has: []string{`"observations":76`, `"reports":1`, "政府信息公开工作年度报告"}},
		{name: "years", path: "/v1/years", status: 200, has: []string{`{"year":2017,"reports":1,"publishers":1,"observations":76}`}},
		{name: "years as CSV", path: "/v1/years?format=csv", status: 200, has: []string{"year,reports,publishers,observations\r\n2017,1,1,76\r\n"}},
		{name: "units", path: "/v1/units", status: 200, has: []string{`"code":"wan_yuan","symbol":"万元"`, `"factor":10000`}},
		{name: "a unit", path: "/v1/units/case", status: 200, has: []string{`"symbol":"件"`}},
		{name: "indicators about applications", path: "/v1/indicators?q=申请&unit=case", status: 200, has: []string{`"code":"requests.received"`}},
		{name: "the indicator tree", path: "/v1/indicators?shape=tree", status: 200,
			has: []string{`"code":"requests","parent":"","relation":"none","unit":"","name_zh":"依申请公开情况"`, `"children":[{"code":"requests.received"`}},
		{name: "indicators as CSV", path: "/v1/indicators?format=csv&template=legacy2014", status: 200, ctype: "text/csv",
			has: []string{"code,parent,relation,unit,name,definition,mapping,breakdowns,templates,source_labels\r\n"}},
		{name: "an indicator with its children and years", path: "/v1/indicators/requests.received", status: 200,
			has: []string{`"years":[2017]`, `"code":"requests.received.online"`, `"unit_info":{"code":"case"`}},
		{name: "publishers of 枣庄市", path: "/v1/publishers?region=3704", status: 200, has: []string{`"id":"370403"`, `"years":[2017]`, `"total":1`}},
		{name: "publishers as CSV", path: "/v1/publishers?format=csv&lang=en", status: 200, has: []string{"id,name,level,admin_code,parent_code,years\r\n370403,Xuecheng District People's Government,county,370403,370400,2017\r\n"}},
		{name: "a publisher and its reports", path: "/v1/publishers/370403", status: 200, has: []string{`"reports":[{"id":1,"year":2017,"template":"legacy2014"`}},
		{name: "reports of 2015 to 2019", path: "/v1/reports?year=2015:2019&template=legacy2014", status: 200, has: []string{`"observation_count":76`, `"total":1`}},
		{name: "reports as CSV", path: "/v1/reports?format=csv", status: 200, has: []string{"id,publisher_id,publisher_name,admin_code,year,template,"}},
		{name: "a report with its narrative and contact", path: "/v1/reports/1", status: 200,
			has: []string{`"email":"xczwgk416@163.com"`, `"sections":[{"heading":`, `"source":"/v1/reports/1/source"`}},
		{name: "the original file of a report", path: "/v1/reports/1/source", status: 200, ctype: "text/plain",
			has: []string{"薛城区人民政府2017年政府信息公开"},
			check: func(t *testing.T, resp *http.Response, _ []byte) {
				if len(resp.Header.Get("X-Content-SHA256")) != 64 {
					t.Errorf("X-Content-SHA256 %q", resp.Header.Get("X-Content-SHA256"))
				}
			}},
		{name: "the largest figures first", path: "/v1/observations?year=2017&sort=-value&limit=2", status: 200,
			has: []string{`"value":18361`, `"total":76`, `"next":"http://`}},
		{name: "health", path: "/healthz", status: 200, has: []string{`"status":"ok"`}},
		{name: "the OpenAPI 3 document", path: "/openapi.json", status: 200, has: []string{`"openapi":"3.0.3"`, `"/v1/observations"`}},
		{name: "swag's document", path: "/swagger/doc.json", status: 200, has: []string{`"swagger": "2.0"`}},
		{name: "Swagger UI", path: "/swagger/index.html", status: 200, ctype: "text/html"},
		{name: "metrics", path: "/metrics", status: 200, has: []string{"go_goroutines"}},
	} {
		sc.run(t, ts)
	}
}

// Each bad parameter is a 400 problem document naming it; an unknown code
// in a path is a 404.
func TestBadRequests(t *testing.T) {
	ts := newTestServer(t, api.Options{})
	for _, tt := range []struct {
		path   string
		status int
		param  string
	}{
		{"/v1/observations?year=20x7", 400, "year"},
		{"/v1/observations?year=2019:2015", 400, "year"},
		{"/v1/observations?year=17", 400, "year"},
		{"/v1/observations?year=2017&year=2018", 400, "year"},
		{"/v1/observations?limit=0", 400, "limit"},
		{"/v1/observations?limit=1001", 400, "limit"},
		{"/v1/observations?limit=ten", 400, "limit"},
		{"/v1/observations?region=枣庄", 400, "region"},
		{"/v1/observations?region=3", 400, "region"},
		{"/v1/observations?indicator=requests.recieved", 400, "indicator"},
		{"/v1/observations?indicator=requests.received,", 400, "indicator"},
		{"/v1/observations?publisher=999999", 400, "publisher"},
		{"/v1/observations?publisher=370403;DROP", 400, "publisher"},
		{"/v1/observations?template=form2000", 400, "template"},
		{"/v1/observations?sort=label", 400, "sort"},
		{"/v1/observations?sort=year,-year", 400, "sort"},
		{"/v1/observations?report=x", 400, "report"},
		{"/v1/observations?format=xml", 400, "format"},
		{"/v1/observations?lang=fr", 400, "lang"},
		{"/v1/observations?bom=yes", 400, "bom"},
		{"/v1/observations?cursor=garbage", 400, "cursor"},
		{"/v1/observations?indicatr=requests.received", 400, "indicatr"},
		{"/v1/observations?page=2", 400, "page"},
		{"/v1/indicators?shape=tree&format=csv", 400, "shape"},
		{"/v1/indicators?template=x", 400, "template"},
		{"/v1/indicators?q=" + strings.Repeat("申", 101), 400, "q"},
		{"/v1/publishers?level=city", 400, "level"},
		{"/v1/reports?year=2017-2019", 400, "year"},
		{"/v1/series?publisher=370403", 400, "indicator"},
		{"/v1/series?indicator=requests.received", 400, "publisher"},
		{"/v1/series?indicator=nope&publisher=370403", 400, "indicator"},
		{"/v1?x=1", 400, "x"},
		{"/v1/units/case?lang=en", 400, "lang"},
		{"/v1/units/nope", 404, ""},
		{"/v1/indicators/nope", 404, ""},
		{"/v1/publishers/999999", 404, ""},
		{"/v1/reports/999", 404, ""},
		{"/v1/reports/abc", 404, ""},
		{"/v1/reports/999/source", 404, ""},
		{"/v1/checks?rule=legacy.requests.recieved.sum", 400, "rule"},
		{"/v1/checks?rule=legacy.requests.received.sum,", 400, "rule"},
		{"/v1/checks?status=failed", 400, "status"},
		{"/v1/checks?status=fail,error", 400, "status"},
		{"/v1/checks?severity=fatal", 400, "severity"},
		{"/v1/checks?publisher=999999", 400, "publisher"},
		{"/v1/checks?region=山东", 400, "region"},
		{"/v1/checks?year=2017-2019", 400, "year"},
		{"/v1/checks?report=0", 400, "report"},
		{"/v1/checks?limit=1001", 400, "limit"},
		{"/v1/checks?cursor=garbage", 400, "cursor"},
		{"/v1/checks?format=xlsx", 400, "format"},
		{"/v1/checks?indicator=requests.received", 400, "indicator"},
		{"/v1/reports/1/checks?status=fail", 400, "status"},
		{"/v1/reports/1/checks?lang=fr", 400, "lang"},
		{"/v1/reports/999/checks", 404, ""},
		{"/v1/reports/abc/checks", 404, ""},
		{"/v1/rules?template=form2000", 400, "template"},
		{"/v1/rules?severity=fatal", 400, "severity"},
		{"/v1/rules?kind=total", 400, "kind"},
		{"/v1/rules?kind=sum,", 400, "kind"},
		{"/v1/rules?rule=legacy.requests.received.sum", 400, "rule"},
		{"/v1/rules?lang=fr", 400, "lang"},
		{"/v1/rules/narrative.requests.received?lang=en", 400, "lang"},
		{"/v1/rules/legacy.requests.recieved.sum", 404, ""},
		{"/v1/nothing", 404, ""},
	} {
		t.Run(tt.path, func(t *testing.T) {
			resp, body := ts.get(t, tt.path)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d\n%.300s", resp.StatusCode, tt.status, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("Content-Type %q, want application/problem+json", ct)
			}
			var p api.Problem
			mustDecode(t, body, &p)
			if p.Param != tt.param || p.Status != tt.status || p.Type == "" || p.Title == "" || p.Detail == "" || p.Instance == "" {
				t.Errorf("problem %+v, want status %d naming %q", p, tt.status, tt.param)
			}
			if resp.Header.Get("ETag") != "" || resp.Header.Get("Cache-Control") != "no-store" {
				t.Errorf("an error is cacheable: ETag %q, Cache-Control %q", resp.Header.Get("ETag"), resp.Header.Get("Cache-Control"))
			}
		})
	}
}

func mustDecode(t *testing.T, body []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("%v\n%.500s", err, body)
	}
}
