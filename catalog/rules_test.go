package catalog

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func TestRules(t *testing.T) {
	rules, err := Rules()
	if err != nil {
		t.Fatal(err)
	}
	byKind := map[string]int{}
	for _, r := range rules {
		byKind[r.Kind]++
		if r.DescZh == "" || r.DescEn == "" {
			t.Errorf("%s: no description", r.ID)
		}
		if r.Kind == KindNarrative && len(r.Patterns) == 0 {
			t.Errorf("%s: no pattern", r.ID)
		}
	}
	// The rules templates.md §1a and §1c list.
	for _, id := range []string{
		"legacy.requests.received.sum", "legacy.requests.completed.sum", "legacy.requests.answered.sum",
		"legacy.requests.refused.sum", "legacy.reconsiderations.sum", "legacy.lawsuits.sum", "legacy.complaints.sum",
		"legacy.archives.submitted.sum", "legacy.websites.sum", "legacy.reading_points.sum",
		"legacy.reading_points.visitors.sum", "legacy.capacity.staff.sum",
		"legacy.proactive.items.normative_documents.subset", "legacy.proactive.channels.at_least",
		"legacy.responses.channels.at_least", "legacy.capacity.reading_points.equal", "legacy.gazette.circulation.equal",
		"form.requests.balance", "form.requests.row_sum", "form2019.requests.answered.sum",
		"form2021.requests.answered.sum", "form.reconsiderations.sum", "form.lawsuits.direct.sum",
		"form.lawsuits.after_reconsideration.sum", "form.requests.carried_over.previous_year",
		"narrative.requests.received", "narrative.proactive.channels.website",
	} {
		if !hasRule(rules, id) {
			t.Errorf("rule %s is missing", id)
		}
	}
	for _, k := range []string{KindSum, KindIdentity, KindEqual, KindSubset, KindAtLeast, KindRowSum, KindPrevious, KindNarrative} {
		if byKind[k] == 0 {
			t.Errorf("no rule of kind %s", k)
		}
	}
	t.Logf("%d rules: %v", len(rules), byKind)
}

func hasRule(rules []Rule, id string) bool {
	for _, r := range rules {
		if r.ID == id {
			return true
		}
	}
	return false
}

func TestParseTerms(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []Term
	}{
		{"a", []Term{{Code: "a"}}},
		{"a + b? + c", []Term{{Code: "a"}, {Code: "b", Optional: true}, {Code: "c"}}},
		{"a.in_force - a.issued + a.repealed", []Term{{Code: "a.in_force"}, {Code: "a.issued", Negative: true}, {Code: "a.repealed"}}},
		{"-a+b", []Term{{Code: "a", Negative: true}, {Code: "b"}}},
	} {
		got, err := parseTerms(tt.in)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseTerms(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "a +", "a + + b", "?"} {
		if _, err := parseTerms(bad); err == nil {
			t.Errorf("parseTerms(%q): no error", bad)
		}
	}
}

// Rules are checked data: a typo in a code or a kind is an error when the
// rules are loaded, with the file and line, never a rule that silently
// never fails.
func TestRulesRefuseMistakes(t *testing.T) {
	c := MustLoad()
	const header = "id,templates,kind,severity,per_breakdown,whole,parts,description_zh,description_en\n"
	const nheader = "id,templates,indicator,unit,pattern,value\n"
	good := "r,legacy2014,sum,error,no,requests.received,requests.received.online,中,en\n"
	for _, tt := range []struct {
		name, rules, narrative, want string
	}{
		{"unknown indicator", "r,legacy2014,sum,error,no,requests.recieved,requests.received.online,中,en\n", "",
			`rules.csv:2: rule r: unknown indicator "requests.recieved"`},
		{"unknown kind", "r,legacy2014,total,error,no,requests.received,requests.received.online,中,en\n", "", `kind "total"`},
		{"unknown template", "r,legacy2015,sum,error,no,requests.received,requests.received.online,中,en\n", "", `template "legacy2015"`},
		{"unknown severity", "r,legacy2014,sum,fatal,no,requests.received,requests.received.online,中,en\n", "", `severity "fatal"`},
		{"unknown breakdown", "r,form2019,row_sum,error,no,total,natural_persons,中,en\n", "", `unknown breakdown "natural_persons"`},
		{"no description", "r,legacy2014,sum,error,no,requests.received,requests.received.online,,\n", "", "description"},
		{"id twice", good + good, "", "id used twice"},
		{"pattern without number", good, "n,legacy2014,requests.received,件,收到申请,\n", "want {n} exactly once"},
		{"pattern with a group", good, "n,legacy2014,requests.received,件,(收到)申请{n},\n", "only {n} may capture"},
		{"bad pattern", good, "n,legacy2014,requests.received,件,收到(申请{n},\n", "pattern"},
		{"narrative unknown indicator", good, "n,legacy2014,requests.recieved,件,收到申请{n},\n", `unknown indicator "requests.recieved"`},
		{"narrative id of a table rule", good, "r,legacy2014,requests.received,件,收到申请{n},\n", "id used twice"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"rules.csv":     {Data: []byte(header + tt.rules)},
				"narrative.csv": {Data: []byte(nheader + tt.narrative)},
			}
			_, err := c.parseRules(fsys, []string{"rules.csv"}, "narrative.csv")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestNarrativePatternsMerge(t *testing.T) {
	c := MustLoad()
	fsys := fstest.MapFS{
		"rules.csv": {Data: []byte("id,templates,kind,severity,per_breakdown,whole,parts,description_zh,description_en\n")},
		"narrative.csv": {Data: []byte("id,templates,indicator,unit,pattern,value\n" +
			"n,legacy2014,requests.received,件,收到申请{n},\n" +
			"n,legacy2014,requests.received,,未收到申请,0\n")},
	}
	rules, err := c.parseRules(fsys, []string{"rules.csv"}, "narrative.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 1 || len(rules[0].Patterns) != 2 || *rules[0].Patterns[1].Value != 0 {
		t.Fatalf("rules = %+v", rules)
	}
	m := rules[0].Patterns[0].Regexp.FindStringSubmatch("共收到申请1,234件")
	if m == nil || m[1] != "1,234" {
		t.Errorf("match = %q", m)
	}
}
