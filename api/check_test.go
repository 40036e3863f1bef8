package api_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/api"
	"github.com/gongkai/gongkai/catalog"
)

// The rules the sample report (薛城区 2017) fails: its channels add up to
// 18159 items against 18361 published, its 336 responses to hot topics
// against 1802, and its narrative's 16 applications against the table's 13.
var sampleFailures = []string{"legacy.proactive.channels.at_least", "legacy.responses.channels.at_least",
	"narrative.requests.received"}

// The consistency checks, as an editor verifying a figure and a researcher
// surveying the reports ask for them.
func TestChecks(t *testing.T) {
	ts := newTestServer(t, api.Options{})
	for _, sc := range []scenario{
		{
			name:   "an editor: the report contradicts itself on the items published and the applications received",
			path:   "/v1/reports/1/checks",
			status: 200, ctype: "application/json",
			check: func(t *testing.T, _ *http.Response, body []byte) {
				var list api.ReportCheckList
				mustDecode(t, body, &list)
				c := findCheck(t, list.Data, "legacy.proactive.channels.at_least")
				if c.Status != "fail" || c.Severity != "warning" || !equals(c.Expected, 18361) || !equals(c.Actual, 18159) ||
					!slices.Contains(c.Indicators, "proactive.items") || !strings.Contains(c.Message, "18159") {
					t.Errorf("channels against items published: %+v, want a failing warning, expected 18361, actual 18159", c)
				}
				c = findCheck(t, list.Data, "narrative.requests.received")
				if c.Status != "fail" || c.Severity != "warning" || !equals(c.Expected, 13) || !equals(c.Actual, 16) ||
					!strings.Contains(c.Evidence, "申请16件") || !slices.Equal(c.Indicators, []string{"requests.received"}) {
					t.Errorf("the narrative's applications: %+v, want a failing warning, expected 13, actual 16, with its sentence", c)
				}
				if c.ReportID != 1 || c.PublisherID != "370403" || c.PublisherNameZh != "薛城区人民政府" || c.Year != 2017 {
					t.Errorf("the check does not say whose report it is: %+v", c)
				}
				if n := list.Counts; n.Fail != len(sampleFailures) || n.Pass+n.Fail+n.Skipped != len(list.Data) {
					t.Errorf("counts %+v for %d checks, want %d failures", n, len(list.Data), len(sampleFailures))
				}
			},
		},
		{
			name:   "an editor: every sum of the 2017 table adds up",
			path:   "/v1/reports/1/checks",
			status: 200,
			check: func(t *testing.T, _ *http.Response, body []byte) {
				var list api.ReportCheckList
				mustDecode(t, body, &list)
				sums := 0
				for _, rule := range catalog.MustRules() {
					if rule.Kind != catalog.KindSum || !rule.AppliesTo(gongkai.TemplateLegacy) {
						continue
					}
					sums++
					if c := findCheck(t, list.Data, rule.ID); c.Status != "pass" || c.Severity != "error" {
						t.Errorf("%s: %s %s: %s", rule.ID, c.Severity, c.Status, c.Message)
					}
				}
				if sums < 10 {
					t.Errorf("%d sum rules for legacy2014 reports, want the dozen of the form", sums)
				}
			},
		},
		{
			name:   "a researcher: every failing check",
			path:   "/v1/checks?status=fail",
			status: 200, ctype: "application/json",
			check: func(t *testing.T, _ *http.Response, body []byte) {
				var list api.CheckList
				mustDecode(t, body, &list)
				var rules []string
				for _, c := range list.Data {
					rules = append(rules, c.Rule)
					if c.Status != "fail" {
						t.Errorf("%s is %s", c.Rule, c.Status)
					}
				}
				if !slices.Equal(rules, sampleFailures) || list.Total != len(sampleFailures) || list.Next != "" {
					t.Errorf("rules %v, total %d, next %q; want %v on one page", rules, list.Total, list.Next, sampleFailures)
				}
			},
		},
		{
			name:   "a researcher: every report whose narrative contradicts its applications received, as CSV",
			path:   "/v1/checks?rule=narrative.requests.received&format=csv",
			status: 200, ctype: "text/csv",
			check: func(t *testing.T, resp *http.Response, body []byte) {
				ls := lines(body)
				want := []string{
					"report_id,publisher_id,publisher_name,year,rule,severity,status,breakdown,indicators,expected,actual,message,evidence",
					"1,370403,薛城区人民政府,2017,narrative.requests.received,warning,fail,total,requests.received,13,16,narrative 16 ≠ table 13: 收到申请数,2017年，全区收到依申请公开政府信息的申请16件，答复率为100%。",
				}
				if !slices.Equal(ls, want) {
					t.Errorf("CSV\n%s\nwant\n%s", strings.Join(ls, "\n"), strings.Join(want, "\n"))
				}
				cd := resp.Header.Get("Content-Disposition")
				if !strings.Contains(cd, `filename="gongkai-checks_rule-narrative.requests.received.csv"`) {
					t.Errorf("Content-Disposition %q", cd)
				}
			},
		},
		{name: "no identity of the form is broken", path: "/v1/checks?status=fail&severity=error", status: 200,
			has: []string{`"data":[]`, `"total":0`}},
		{name: "the checks of one rule in a region and years", path: "/v1/checks?rule=legacy.requests.received.sum&region=3704&year=2015:2019",
			status: 200, has: []string{`"rule":"legacy.requests.received.sum","severity":"error","status":"pass"`, `"expected":13,"actual":13`, `"evidence":""`, `"total":1`}},
		{name: "the checks of a report through /v1/checks", path: "/v1/checks?report=1&publisher=370403&status=pass,skipped&severity=error,warning",
			status: 200, has: []string{`"report_id":1`, `"status":"pass"`}},
		{name: "no checks of another year", path: "/v1/checks?year=2019,2021", status: 200, has: []string{`"data":[]`, `"total":0`}},
		{name: "the checks of a report as CSV for Excel, in English", path: "/v1/reports/1/checks?bom=true&lang=en",
			headers: []string{"Accept", "text/csv"}, status: 200, ctype: "text/csv",
			has: []string{"\uFEFFreport_id,publisher_id,publisher_name,", "1,370403,Xuecheng District People's Government,2017,legacy.requests.received.sum,error,pass,total,requests.received|requests.received.in_person|"},
			check: func(t *testing.T, _ *http.Response, body []byte) {
				rows := lines(body)[1:]
				for _, row := range rows {
					if !strings.HasPrefix(row, "1,370403,Xuecheng District People's Government,2017,") {
						t.Errorf("row %q is not of report 1", row)
					}
				}
				if len(rows) < 20 {
					t.Errorf("%d rows, want every check of the report", len(rows))
				}
			}},
		{
			name:   "a journalist: the 18361 items published carry the flag of the failed check",
			path:   "/v1/observations?indicator=proactive.items&publisher=370403",
			status: 200,
			check: func(t *testing.T, _ *http.Response, body []byte) {
				var list api.ObservationList
				mustDecode(t, body, &list)
				if len(list.Data) != 1 || !equals(list.Data[0].Value, 18361) || !slices.Contains(list.Data[0].Flags, "check_failed") {
					t.Errorf("got %+v, want 18361 flagged check_failed", list.Data)
				}
			},
		},
		{name: "the figures that agree carry no such flag", path: "/v1/observations?indicator=requests.completed&publisher=370403",
			status: 200, has: []string{`"value":13`, `"flags":[]`}},
		{name: "a report links to its checks", path: "/v1/reports/1", status: 200, has: []string{`"checks":"/v1/reports/1/checks"`}},
		{name: "the dataset links to the checks", path: "/v1", status: 200, has: []string{`"checks":"/v1/checks"`}},
	} {
		sc.run(t, ts)
	}
}

// Walking the next links of /v1/checks visits every check of the sample
// once, in id order.
func TestCheckPages(t *testing.T) {
	ts := newTestServer(t, api.Options{})
	var all api.ReportCheckList
	ts.getJSON(t, "/v1/reports/1/checks", http.StatusOK, &all)

	var walked []api.Check
	next, pages := "/v1/checks?limit=5", 0
	for next != "" {
		var list api.CheckList
		resp := ts.getJSON(t, next, http.StatusOK, &list)
		if list.Total != len(all.Data) || list.Limit != 5 {
			t.Fatalf("total %d, limit %d; want %d, 5", list.Total, list.Limit, len(all.Data))
		}
		if link := resp.Header.Get("Link"); link != "" && link != "<"+list.Next+`>; rel="next"` || (link == "") != (list.Next == "") {
			t.Fatalf("Link %q, next %q", link, list.Next)
		}
		walked = append(walked, list.Data...)
		next = strings.TrimPrefix(list.Next, ts.URL)
		if pages++; pages > 20 {
			t.Fatal("more than 20 pages")
		}
	}
	if len(walked) != len(all.Data) || pages != (len(all.Data)+4)/5 {
		t.Fatalf("%d checks in %d pages, want %d", len(walked), pages, len(all.Data))
	}
	for i := range walked {
		if walked[i].Rule != all.Data[i].Rule || walked[i].Breakdown != all.Data[i].Breakdown || walked[i].Evidence != all.Data[i].Evidence {
			t.Errorf("check %d: %s, want %s", i, walked[i].Rule, all.Data[i].Rule)
		}
	}

	t.Run("a cursor of another query is refused", func(t *testing.T) {
		var list api.CheckList
		ts.getJSON(t, "/v1/checks?limit=5", http.StatusOK, &list)
		var p api.Problem
		ts.getJSON(t, "/v1/checks?limit=5&status=fail&cursor="+list.NextCursor, http.StatusBadRequest, &p)
		if p.Param != "cursor" {
			t.Errorf("problem %+v, want one naming cursor", p)
		}
	})
}

// findCheck returns the check of rule in checks, failing the test when there is none.
func findCheck(t *testing.T, checks []api.Check, rule string) api.Check {
	t.Helper()
	i := slices.IndexFunc(checks, func(c api.Check) bool { return c.Rule == rule })
	if i < 0 {
		t.Fatalf("no check of %s", rule)
	}
	return checks[i]
}

func equals(v *float64, want float64) bool { return v != nil && *v == want }
