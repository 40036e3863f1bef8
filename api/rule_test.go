package api_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/api"
	"github.com/gongkai/gongkai/catalog"
)

// The rules, as a journalist who reads a rule id in a check asks what it means.
func TestRules(t *testing.T) {
	ts := newTestServer(t, api.Options{})
	for _, sc := range []scenario{
		{
			name:   "a journalist: the applications received are the sum of the five forms of application",
			path:   "/v1/rules",
			status: 200, ctype: "application/json",
			check: func(t *testing.T, _ *http.Response, body []byte) {
				var list api.RuleList
				mustDecode(t, body, &list)
				if n := len(catalog.MustRules()); len(list.Data) != n {
					t.Errorf("%d rules, want the catalogue's %d", len(list.Data), n)
				}
				r := findRule(t, list.Data, "legacy.requests.received.sum")
				var parts []string
				for _, p := range r.Parts {
					parts = append(parts, p.Code)
					if p.Optional != (p.Code == "requests.received.other") || p.Subtracted {
						t.Errorf("part %+v: only requests.received.other is optional, none is subtracted", p)
					}
				}
				want := []string{"requests.received.in_person", "requests.received.fax", "requests.received.online",
					"requests.received.letter", "requests.received.other"}
				if r.Severity != "error" || r.Kind != "sum" || r.PerBreakdown || !slices.Equal(r.Templates, []string{"legacy2014"}) ||
					len(r.Whole) != 1 || r.Whole[0].Code != "requests.received" || !slices.Equal(parts, want) ||
					r.Indicators[0] != "requests.received" || len(r.Indicators) != 6 ||
					!strings.Contains(r.DescriptionZh, "收到申请数") || !strings.Contains(r.DescriptionEn, "in person") ||
					len(r.Patterns) != 0 {
					t.Errorf("got %+v, want an error-level sum of requests.received over its five forms", r)
				}
			},
		},
		{
			name:   "the rules of the 2021 form leave out the legacy ones",
			path:   "/v1/rules?template=form2021",
			status: 200,
			check: func(t *testing.T, _ *http.Response, body []byte) {
				var list api.RuleList
				mustDecode(t, body, &list)
				ids := map[string]bool{}
				for _, r := range list.Data {
					ids[r.ID] = true
					if !slices.Contains(r.Templates, "form2021") {
						t.Errorf("%s applies to %v, not form2021", r.ID, r.Templates)
					}
				}
				if ids["legacy.requests.received.sum"] || !ids["form.requests.balance"] || !ids["form2021.requests.answered.sum"] ||
					!ids["narrative.requests.received"] {
					t.Errorf("rules %v: want the form's and the narrative's, none of legacy2014 alone", ids)
				}
			},
		},
		{
			name:   "an editor: what the narrative rule of the applications received reads",
			path:   "/v1/rules/narrative.requests.received",
			status: 200, ctype: "application/json",
			check: func(t *testing.T, _ *http.Response, body []byte) {
				var r api.Rule
				mustDecode(t, body, &r)
				if r.Kind != "narrative" || r.Severity != "warning" || len(r.Templates) != 3 ||
					len(r.Whole) != 1 || r.Whole[0].Code != "requests.received" || len(r.Parts) != 0 ||
					!strings.Contains(r.DescriptionZh, "收到申请数") || len(r.Patterns) < 2 {
					t.Fatalf("got %+v, want a warning comparing the narrative's requests.received with the table, with its wordings", r)
				}
				zero := slices.IndexFunc(r.Patterns, func(p api.RulePattern) bool { return p.Value != nil })
				if zero < 0 || *r.Patterns[zero].Value != 0 || strings.Contains(r.Patterns[zero].Pattern, "{n}") {
					t.Errorf("no wording stating 0 applications (未收到…申请): %+v", r.Patterns)
				}
				if p := r.Patterns[0]; p.Value != nil || !strings.Contains(p.Pattern, "{n}") || !strings.Contains(p.Regexp, "件") {
					t.Errorf("first wording %+v: want {n} spelled out with its counting words", p)
				}
			},
		},
		{
			name:   "the rule a failing check names",
			path:   "/v1/rules/legacy.proactive.channels.at_least",
			status: 200, has: []string{`"kind":"at_least","severity":"warning"`, `"whole":[{"code":"proactive.items","subtracted":false,"optional":false}]`},
		},
		{
			name:   "a researcher: the identities of the forms as CSV, in English, for Excel",
			path:   "/v1/rules?format=csv&lang=en&bom=true&severity=error&kind=identity,row_sum",
			status: 200, ctype: "text/csv",
			check: func(t *testing.T, resp *http.Response, body []byte) {
				want := []string{
					"\uFEFFid,templates,kind,severity,per_breakdown,whole,parts,description",
					"form.requests.balance,form2019|form2021,identity,error,yes,requests.received + requests.carried_over,requests.answered + requests.carried_forward,",
					"form.requests.row_sum,form2019|form2021,row_sum,error,no,total,natural_person + commercial_enterprise + ",
				}
				ls := lines(body)
				if len(ls) != len(want) {
					t.Fatalf("CSV\n%s\nwant %d lines", body, len(want))
				}
				for i := range want {
					if !strings.HasPrefix(ls[i], want[i]) {
						t.Errorf("line %d\n%s\nwant it to start with\n%s", i, ls[i], want[i])
					}
				}
				if strings.ContainsFunc(strings.Join(ls[1:], ""), func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
					t.Errorf("Chinese in the English CSV:\n%s", body)
				}
				cd := resp.Header.Get("Content-Disposition")
				if !strings.Contains(cd, `filename="gongkai-rules_severity-error_kind-identity-row_sum.csv"`) {
					t.Errorf("Content-Disposition %q", cd)
				}
			},
		},
		{
			name:    "a subtracted term in CSV as in catalog/rules.csv",
			path:    "/v1/rules?kind=previous_year&template=form2021",
			headers: []string{"Accept", "text/csv"},
			status:  200, ctype: "text/csv",
			has: []string{"form2021.regulations.in_force.previous_year,form2021,previous_year,warning,no,regulations.in_force - regulations.issued + regulations.repealed,regulations.in_force,规章"},
		},
		{name: "no narrative rule is an error", path: "/v1/rules?kind=narrative&severity=error", status: 200, has: []string{`{"data":[]}`}},
		{name: "the dataset links to the rules", path: "/v1", status: 200, has: []string{`"rules":"/v1/rules"`}},
	} {
		sc.run(t, ts)
	}

	t.Run("the rules are revalidated by their ETag", func(t *testing.T) {
		resp, _ := ts.get(t, "/v1/rules/narrative.requests.received")
		etag := resp.Header.Get("ETag")
		if etag == "" || resp.Header.Get("Cache-Control") != "public, max-age=300" {
			t.Fatalf("ETag %q, Cache-Control %q", etag, resp.Header.Get("Cache-Control"))
		}
		if resp, _ := ts.get(t, "/v1/rules/narrative.requests.received", "If-None-Match", etag); resp.StatusCode != http.StatusNotModified {
			t.Errorf("status %d, want 304", resp.StatusCode)
		}
	})

	t.Run("every rule of a check is served", func(t *testing.T) {
		var checks api.ReportCheckList
		ts.getJSON(t, "/v1/reports/1/checks", http.StatusOK, &checks)
		for _, c := range checks.Data {
			var r api.Rule
			ts.getJSON(t, "/v1/rules/"+c.Rule, http.StatusOK, &r)
			if r.ID != c.Rule || r.Severity != c.Severity {
				t.Errorf("check %s (%s) is served as %s (%s)", c.Rule, c.Severity, r.ID, r.Severity)
			}
		}
	})
}

// findRule returns the rule of id in rules, failing the test when there is none.
func findRule(t *testing.T, rules []api.Rule, id string) api.Rule {
	t.Helper()
	i := slices.IndexFunc(rules, func(r api.Rule) bool { return r.ID == id })
	if i < 0 {
		t.Fatalf("no rule %s", id)
	}
	return rules[i]
}
