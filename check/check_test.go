package check

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
)

func rules(tb testing.TB) []catalog.Rule {
	tb.Helper()
	r, err := catalog.Rules()
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// results returns the results of one rule, in one breakdown unless bd is "".
func results(checks []gongkai.Check, rule, bd string) []gongkai.Check {
	var out []gongkai.Check
	for _, c := range checks {
		if c.Rule == rule && (bd == "" || c.Breakdown == bd) {
			out = append(out, c)
		}
	}
	return out
}

func val(p *float64) string {
	if p == nil {
		return "null"
	}
	return num(*p)
}

// The seed contradicts itself twice, and its every sum holds.
func TestSeed(t *testing.T) {
	r := seed(t)
	checks := Apply(r, rules(t), nil)
	for _, c := range checks {
		t.Logf("%-7s %-52s %s", c.Status, c.Rule, c.Message)
	}

	t.Run("the channels publish fewer items than the total", func(t *testing.T) {
		got := results(checks, "legacy.proactive.channels.at_least", "")
		if len(got) != 1 || got[0].Status != StatusFail || val(got[0].Expected) != "18361" || val(got[0].Actual) != "18159" ||
			got[0].Severity != catalog.SeverityWarning {
			t.Errorf("got %+v, want a failing warning, expected 18361, actual 18159", got)
		}
	})
	t.Run("the narrative says 16 applications, the table 13", func(t *testing.T) {
		got := results(checks, "narrative.requests.received", "")
		if len(got) != 1 || got[0].Status != StatusFail || val(got[0].Expected) != "13" || val(got[0].Actual) != "16" ||
			got[0].Evidence != "2017年，全区收到依申请公开政府信息的申请16件，答复率为100%。" {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("the narrative's 8734 items on the website agree with the table", func(t *testing.T) {
		got := results(checks, "narrative.proactive.channels.website", "")
		if len(got) != 1 || got[0].Status != StatusPass || val(got[0].Actual) != "8734" ||
			!strings.Contains(got[0].Evidence, "在区政府信息公开网站公开各类政府信息8734条") {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("every sum identity holds", func(t *testing.T) {
		n := 0
		for _, c := range checks {
			if c.Severity == catalog.SeverityError {
				n++
				if c.Status != StatusPass {
					t.Errorf("%s: %s %s", c.Rule, c.Status, c.Message)
				}
			}
		}
		if n != 15 {
			t.Errorf("%d error-severity results, want 15 (12 sums, 3 subsets)", n)
		}
		if ErrorFailed(checks) {
			t.Error("ErrorFailed = true")
		}
	})
	t.Run("only the rules of the legacy form apply", func(t *testing.T) {
		for _, c := range checks {
			if !strings.HasPrefix(c.Rule, "legacy.") && !strings.HasPrefix(c.Rule, "narrative.") {
				t.Errorf("%s applied to a legacy report", c.Rule)
			}
		}
	})
	t.Run("the figures contradicted are flagged", func(t *testing.T) {
		for _, code := range []string{"proactive.items", "proactive.channels.website", "requests.received",
			"responses.hot_topics", "responses.channels.other"} {
			if o := find(r, code, "total"); o == nil || !contains(o.Flags, gongkai.FlagCheckFailed) {
				t.Errorf("%s not flagged: %+v", code, o)
			}
		}
		for _, code := range []string{"requests.received.online", "requests.answered", "capacity.staff"} {
			if o := find(r, code, "total"); o == nil || contains(o.Flags, gongkai.FlagCheckFailed) {
				t.Errorf("%s flagged: %+v", code, o)
			}
		}
		if o := find(r, "responses.hot_topics", "total"); len(o.Flags) != 2 || o.Flags[0] != gongkai.FlagOddFormat {
			t.Errorf("responses.hot_topics flags %v, want odd_format kept and check_failed added", o.Flags)
		}
		Mark(r, checks, rules(t))
		if o := find(r, "proactive.items", "total"); len(o.Flags) != 1 {
			t.Errorf("marking twice: flags %v", o.Flags)
		}
	})
}

// Each rule fails when one figure of a consistent report is changed, with the
// expected and actual values that a journalist would compute by hand. Rules
// that the seed breaks as printed fail with no change.
func TestEachRuleFails(t *testing.T) {
	type report struct{ r, prev *gongkai.Report }
	bases := map[string]func(t *testing.T) report{
		"seed": func(t *testing.T) report { return report{r: seed(t)} },
		"2019": func(t *testing.T) report {
			return report{formReport(gongkai.Template2019), previousReport(gongkai.Template2019)}
		},
		"2021": func(t *testing.T) report {
			return report{formReport(gongkai.Template2021), previousReport(gongkai.Template2021)}
		},
	}
	say := func(text string) func(t *testing.T, r, prev *gongkai.Report) {
		return func(t *testing.T, r, prev *gongkai.Report) {
			r.Sections = []gongkai.Section{{Heading: "六、政府信息公开申请的办理情况", Text: text}}
		}
	}
	change := func(code, bd string, v float64) func(t *testing.T, r, prev *gongkai.Report) {
		return func(t *testing.T, r, prev *gongkai.Report) { set(t, r, code, bd, v) }
	}
	changeLastYear := func(code, bd string, v float64) func(t *testing.T, r, prev *gongkai.Report) {
		return func(t *testing.T, r, prev *gongkai.Report) { set(t, prev, code, bd, v) }
	}
	const np, ce, total, all = "natural_person", "commercial_enterprise", "total", AllBreakdowns
	tests := []struct {
		name, rule, base string
		alter            func(t *testing.T, r, prev *gongkai.Report)
		bd               string
		expected, actual string
	}{
		{"3 applications by fax", "legacy.requests.received.sum", "seed", change("requests.received.fax", total, 3), total, "13", "16"},
		{"2 completed after an extension", "legacy.requests.completed.sum", "seed", change("requests.completed.extended", total, 2), total, "13", "14"},
		{"1 answer: information does not exist", "legacy.requests.answered.sum", "seed", change("requests.nonexistent", total, 1), total, "13", "14"},
		{"1 refusal for privacy", "legacy.requests.refused.sum", "seed", change("requests.refused.privacy", total, 1), total, "0", "1"},
		{"2 reconsiderations without outcome", "legacy.reconsiderations.sum", "seed", change("reconsiderations.total", total, 2), total, "2", "0"},
		{"1 lawsuit upheld of none", "legacy.lawsuits.sum", "seed", change("lawsuits.upheld", total, 1), total, "0", "1"},
		{"1 complaint with another outcome of none", "legacy.complaints.sum", "seed", change("complaints.other", total, 1), total, "0", "1"},
		{"31 items on paper", "legacy.archives.submitted.sum", "seed", change("archives.submitted.paper", total, 31), total, "355", "356"},
		{"1 township website", "legacy.websites.sum", "seed", change("websites.township", total, 1), total, "2", "3"},
		{"68 reading points", "legacy.reading_points.sum", "seed", change("reading_points.total", total, 68), total, "68", "67"},
		{"1843 visits to government reading points", "legacy.reading_points.visitors.sum", "seed", change("reading_points.visitors.government", total, 1843), total, "3911", "3912"},
		{"80 part-time staff", "legacy.capacity.staff.sum", "seed", change("capacity.staff.part_time", total, 80), total, "140", "138"},
		{"20000 normative documents among 18361 items", "legacy.proactive.items.normative_documents.subset", "seed", change("proactive.items.normative_documents", total, 20000), total, "18361", "20000"},
		{"3 press conferences with leaders of 2", "legacy.responses.press_conferences.by_leaders.subset", "seed", change("responses.channels.press_conferences.by_leaders", total, 3), total, "2", "3"},
		{"10 interviews with leaders of 9", "legacy.responses.online_interviews.by_leaders.subset", "seed", change("responses.channels.online_interviews.by_leaders", total, 10), total, "9", "10"},
		{"channels as printed", "legacy.proactive.channels.at_least", "seed", nil, total, "18361", "18159"},
		{"response channels as printed", "legacy.responses.channels.at_least", "seed", nil, total, "1802", "336"},
		{"60 reading points under 十二", "legacy.capacity.reading_points.equal", "seed", change("capacity.reading_points", total, 60), total, "60", "67"},
		{"500 gazette copies, circulation 0", "legacy.gazette.circulation.equal", "seed", change("gazette.copies", total, 500), total, "0", "500"},
		{"12 answered of 13 completed", "legacy.requests.answered.completed.equal", "seed", change("requests.answered", total, 12), total, "13", "12"},

		{"narrative: 16 applications, as printed", "narrative.requests.received", "seed", nil, total, "13", "16"},
		{"narrative: 14 completed", "narrative.requests.completed", "seed", say("全年共办结申请14件。"), total, "13", "14"},
		{"narrative: 1.8万 items", "narrative.proactive.items", "seed", say("全年主动公开政府信息1.8万条。"), total, "18361", "18000"},
		{"narrative: 8000 items on the website", "narrative.proactive.channels.website", "seed", say("在政府网站公开政府信息8000条。"), total, "8734", "8000"},
		{"narrative: 九百 Weibo items", "narrative.proactive.channels.weibo", "seed", say("通过政务微博发布信息九百条。"), total, "905", "900"},
		{"narrative: 600 WeChat items", "narrative.proactive.channels.wechat", "seed", say("政务微信推送信息600条。"), total, "655", "600"},
		{"narrative: 3 press conferences", "narrative.responses.channels.press_conferences", "seed", say("召开新闻发布会3次。"), total, "2", "3"},
		{"narrative: 10 online interviews", "narrative.responses.channels.online_interviews", "seed", say("开展在线访谈10期。"), total, "9", "10"},
		{"narrative: 20 interpretations", "narrative.responses.channels.interpretations", "seed", say("发布政策解读稿件20篇。"), total, "19", "20"},
		{"narrative: 2 reconsiderations", "narrative.reconsiderations.total", "seed", say("发生行政复议2起。"), total, "0", "2"},
		{"narrative: 1 lawsuit", "narrative.lawsuits.total", "seed", say("发生行政诉讼案件1件。"), total, "0", "1"},
		{"narrative: 3 complaints", "narrative.complaints.total", "seed", say("收到举报投诉3件。"), total, "0", "3"},
		{"narrative: 360 items to the archives", "narrative.archives.submitted", "seed", say("向区档案馆报送信息360条。"), total, "355", "360"},
		{"narrative: 70 reading points", "narrative.reading_points.total", "seed", say("设置政府信息查阅点70个。"), total, "67", "70"},
		{"narrative: 12 training courses", "narrative.meetings.trainings", "seed", say("举办培训班12期。"), total, "10", "12"},
		{"narrative: 500 trainees", "narrative.meetings.trainees", "seed", say("培训人员500人次。"), total, "482", "500"},
		{"narrative: 20 carried over", "narrative.requests.carried_over", "2019", say("上年结转政府信息公开申请20件。"), total, "18", "20"},
		{"narrative: 80 carried forward", "narrative.requests.carried_forward", "2019", say("结转下年度继续办理80件。"), total, "76", "80"},

		{"73 carried forward for natural persons", "form.requests.balance", "2019", change("requests.carried_forward", np, 73), np, "839", "840"},
		{"2021: 73 carried forward for natural persons", "form.requests.balance", "2021", change("requests.carried_forward", np, 73), np, "839", "840"},
		{"860 received in the total column", "form.requests.row_sum", "2019", change("requests.received", total, 860), all, "860", "859"},
		{"2 enterprises refused for third parties", "form2019.requests.answered.sum", "2019", change("requests.refused.third_party_rights", ce, 2), ce, "18", "19"},
		{"2 natural persons who did not pay", "form2021.requests.answered.sum", "2021", change("requests.other_handling.no_fee", np, 2), np, "767", "768"},
		{"5 reconsiderations of 4 outcomes", "form.reconsiderations.sum", "2019", change("reconsiderations.total", total, 5), total, "5", "4"},
		{"2 direct lawsuits pending", "form.lawsuits.direct.sum", "2019", change("lawsuits.direct.pending", total, 2), total, "2", "3"},
		{"no lawsuit after reconsideration in the total", "form.lawsuits.after_reconsideration.sum", "2021", change("lawsuits.after_reconsideration.total", total, 0), total, "0", "1"},
		{"2 regulations in all, 3 new", "form2019.regulations.published_total.at_least", "2019", change("regulations.published_total", total, 2), total, "3", "2"},
		{"4 normative documents in all, 5 new", "form2019.normative_documents.published_total.at_least", "2019", change("normative_documents.published_total", total, 4), total, "5", "4"},
		{"17 carried forward last year, 18 carried over", "form.requests.carried_over.previous_year", "2019", changeLastYear("requests.carried_forward", np, 17), np, "18", "17"},
		{"licensing items grew by 12", "form2019.licensing.items.previous_year", "2019", changeLastYear("licensing.items_change", total, 12), total, "100", "102"},
		{"other services started from 95", "form2019.other_services.items.previous_year", "2019", changeLastYear("other_services.items_last_year", total, 95), total, "100", "105"},
		{"penalty items 101", "form2019.penalties.items.previous_year", "2019", change("penalties.items_last_year", total, 101), total, "101", "100"},
		{"coercion items fell by 1", "form2019.enforcement.items.previous_year", "2019", changeLastYear("enforcement.items_change", total, -1), total, "100", "89"},
		{"fee items 0", "form2019.fees.items.previous_year", "2019", change("fees.items_last_year", total, 0), total, "0", "100"},
		{"no regulation repealed", "form2021.regulations.in_force.previous_year", "2021", change("regulations.repealed", total, 0), total, "10", "11"},
		{"13 normative documents in force", "form2021.normative_documents.in_force.previous_year", "2021", change("normative_documents.in_force", total, 13), total, "12", "11"},
	}
	rs := rules(t)
	tested := map[string]bool{}
	for _, tt := range tests {
		tested[tt.rule] = true
		t.Run(tt.name, func(t *testing.T) {
			b := bases[tt.base](t)
			if tt.alter != nil {
				tt.alter(t, b.r, b.prev)
			}
			got := results(Run(b.r, rs, b.prev), tt.rule, tt.bd)
			if len(got) == 0 {
				t.Fatalf("no result of %s in breakdown %s", tt.rule, tt.bd)
			}
			failed := false
			for _, c := range got {
				if c.Status == StatusFail {
					failed = true
					if val(c.Expected) != tt.expected || val(c.Actual) != tt.actual {
						t.Errorf("expected %s, actual %s; want %s, %s (%s)", val(c.Expected), val(c.Actual), tt.expected, tt.actual, c.Message)
					}
					t.Logf("%s [%s]: %s %s", c.Rule, c.Breakdown, c.Message, c.Evidence)
				}
			}
			if !failed {
				t.Errorf("%s did not fail: %+v", tt.rule, got)
			}
		})
	}
	for _, r := range rs {
		if !tested[r.ID] {
			t.Errorf("rule %s has no test that makes it fail", r.ID)
		}
	}
}

// Every rule holds on a consistent report of its template, so that the
// failures above come from the one figure changed.
func TestConsistentReportsPass(t *testing.T) {
	for _, template := range []string{gongkai.Template2019, gongkai.Template2021} {
		t.Run(template, func(t *testing.T) {
			checks := Run(formReport(template), rules(t), previousReport(template))
			if len(checks) == 0 {
				t.Fatal("no result")
			}
			for _, c := range checks {
				if c.Status != StatusPass {
					t.Errorf("%s [%s]: %s %s", c.Rule, c.Breakdown, c.Status, c.Message)
				}
			}
			if got := len(results(checks, "form.requests.balance", "")); got != 7 {
				t.Errorf("I1 gave %d results, want one per column (7)", got)
			}
			if got := len(results(checks, "form.requests.row_sum", "")); got != len(table3Rows(template)) {
				t.Errorf("I2 gave %d results, want one per row (%d)", got, len(table3Rows(template)))
			}
		})
	}
}

// A blank is not a zero: a rule with a blank term is skipped, and says which.
func TestBlankTermSkips(t *testing.T) {
	names := names()
	for _, rule := range rules(t) {
		if rule.Kind == catalog.KindNarrative {
			continue
		}
		t.Run(rule.ID, func(t *testing.T) {
			var r, prev *gongkai.Report
			switch {
			case rule.AppliesTo(gongkai.TemplateLegacy):
				r = seed(t)
			case rule.AppliesTo(gongkai.Template2019):
				r, prev = formReport(gongkai.Template2019), previousReport(gongkai.Template2019)
			default:
				r, prev = formReport(gongkai.Template2021), previousReport(gongkai.Template2021)
			}
			term := rule.Parts[0].Code
			bd, want := gongkai.BreakdownTotal, names(term)
			switch rule.Kind {
			case catalog.KindRowSum:
				bd, want = AllBreakdowns, "column "+term
				blank(t, r, "requests.received", term)
			case catalog.KindPrevious:
				blank(t, prev, term, bd)
			default:
				blank(t, r, term, bd)
			}
			got := results(Run(r, rules(t), prev), rule.ID, bd)
			if len(got) == 0 {
				t.Fatal("no result")
			}
			c := got[0]
			if c.Status != StatusSkipped || !strings.Contains(c.Message, want) || !strings.Contains(c.Message, "blank") {
				t.Errorf("got %s %q, want skipped naming %s as blank", c.Status, c.Message, want)
			}
		})
	}
}

func TestAbsentTerms(t *testing.T) {
	t.Run("a row the report does not print", func(t *testing.T) {
		r := seed(t)
		remove(r, "requests.completed.extended")
		got := results(Run(r, rules(t), nil), "legacy.requests.completed.sum", "")
		if len(got) != 1 || got[0].Status != StatusSkipped || got[0].Message != "skipped: 延期办结数 is not in the report" {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("an optional row the national form may lack", func(t *testing.T) {
		r := seed(t)
		remove(r, "requests.received.other")
		got := results(Run(r, rules(t), nil), "legacy.requests.received.sum", "")
		if len(got) != 1 || got[0].Status != StatusPass || strings.Contains(got[0].Message, "其他形式") {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("no report of the year before", func(t *testing.T) {
		got := results(Run(formReport(gongkai.Template2019), rules(t), nil), "form.requests.carried_over.previous_year", "")
		if len(got) != 1 || got[0].Status != StatusSkipped || got[0].Message != "skipped: no report of 2019 by the same publisher" {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("a legacy report the year before", func(t *testing.T) {
		prev := seed(t)
		prev.Year = 2019
		got := results(Run(formReport(gongkai.Template2019), rules(t), prev), "form.requests.carried_over.previous_year", "")
		if len(got) != 1 || got[0].Status != StatusSkipped || !strings.Contains(got[0].Message, "the 2019 report (legacy2014) has no 结转下年度继续办理") {
			t.Errorf("got %+v", got)
		}
	})
	t.Run("the narrative names a figure the table leaves blank", func(t *testing.T) {
		r := seed(t)
		blank(t, r, "requests.received", "total")
		got := results(Run(r, rules(t), nil), "narrative.requests.received", "")
		if len(got) != 1 || got[0].Status != StatusSkipped || val(got[0].Actual) != "16" || got[0].Expected != nil {
			t.Errorf("got %+v", got)
		}
	})
}

func TestMarkPerBreakdown(t *testing.T) {
	r, prev := formReport(gongkai.Template2019), previousReport(gongkai.Template2019)
	set(t, r, "requests.refused.third_party_rights", "commercial_enterprise", 2)
	set(t, prev, "requests.carried_forward", "natural_person", 17)
	rs := rules(t)
	checks := Apply(r, rs, prev)
	if !ErrorFailed(checks) {
		t.Error("ErrorFailed = false")
	}
	flagged := map[string]bool{}
	for _, o := range r.Observations {
		if contains(o.Flags, gongkai.FlagCheckFailed) {
			flagged[o.Indicator+"/"+o.Breakdown] = true
		}
	}
	for _, want := range []string{
		"requests.refused.third_party_rights/commercial_enterprise", // I3 in its column
		"requests.answered/commercial_enterprise",
		"requests.refused.third_party_rights/total", // I2: its row
		"requests.refused.third_party_rights/natural_person",
		"requests.carried_over/natural_person", // across years: this year's figure only
	} {
		if !flagged[want] {
			t.Errorf("%s not flagged", want)
		}
	}
	for _, not := range []string{"requests.answered/natural_person", "requests.carried_forward/natural_person",
		"requests.disclosed/total"} {
		if flagged[not] {
			t.Errorf("%s flagged", not)
		}
	}
}

func TestDecimals(t *testing.T) {
	for _, tt := range []struct {
		kind         string
		whole, parts float64
		want         bool
		name         string
	}{
		{catalog.KindSum, 160.5964, 100.2 + 60.3964, true, "rounding of 万元 sums"},
		{catalog.KindSum, 1.5, 1.51, false, "a cent too many"},
		{catalog.KindSubset, 10, 10.001, true, "a part equal to its parent"},
		{catalog.KindAtLeast, 10, 9.999, true, "channels equal to the total"},
	} {
		if got := holds(tt.kind, tt.whole, tt.parts); got != tt.want {
			t.Errorf("%s: holds = %v", tt.name, got)
		}
	}
}

// Rows a report adds under an outcome heading (地方增列) share one code:
// they count together in I3, and the total counts them.
func TestLocalRows(t *testing.T) {
	r := formReport(gongkai.Template2019)
	for _, v := range []float64{1, 2} {
		add(r, "requests.refused.local", "natural_person", v)
		r.Observations[len(r.Observations)-1].Flags = []string{gongkai.FlagLocalRow}
	}
	set(t, r, "requests.answered", "natural_person", 770)
	set(t, r, "requests.carried_forward", "natural_person", 69)
	got := results(Run(r, rules(t), nil), "form2019.requests.answered.sum", "natural_person")
	if len(got) != 1 || got[0].Status != StatusPass || !strings.Contains(got[0].Message, "不予公开（地方增列） 3") {
		t.Errorf("got %+v", got)
	}
}
