package check

import (
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest"
	"github.com/gongkai/gongkai/samples"
)

// seed returns the sample report, 薛城区人民政府 2017, as the parser reads it.
func seed(tb testing.TB) *gongkai.Report {
	tb.Helper()
	b, err := samples.FS.ReadFile("xuecheng-2017.txt")
	if err != nil {
		tb.Fatal(err)
	}
	r, err := ingest.Parse("xuecheng-2017.txt", b)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// applicants are the columns of table 3 of the 2019 and 2021 formats, in
// printed order, without the total.
var applicants = []string{"natural_person", "commercial_enterprise", "research_institution",
	"public_interest_org", "legal_service_org", "other_org"}

// outcomes2019 are the outcome rows of table 3 by applicant column. They add
// up to 767, 18, 3, 2, 5, 6 applications answered (801 in all); with the
// applications received and carried over below, 72, 2, 0, 0, 0, 2 (76) are
// carried forward.
var outcomes2019 = map[string][6]float64{
	"requests.disclosed":                    {500, 10, 2, 1, 3, 4},
	"requests.partially_disclosed":          {100, 3, 0, 0, 1, 1},
	"requests.refused.state_secret":         {2, 0, 0, 0, 0, 0},
	"requests.refused.prohibited_by_law":    {1, 0, 0, 0, 0, 0},
	"requests.refused.security_stability":   {0, 0, 0, 0, 0, 0},
	"requests.refused.third_party_rights":   {20, 1, 0, 0, 0, 0},
	"requests.refused.internal_affairs":     {5, 0, 0, 0, 0, 0},
	"requests.refused.process_information":  {10, 1, 0, 0, 0, 0},
	"requests.refused.enforcement_files":    {3, 0, 0, 0, 0, 0},
	"requests.refused.administrative_query": {4, 0, 0, 0, 0, 0},
	"requests.unavailable.not_held":         {60, 2, 1, 1, 1, 1},
	"requests.unavailable.needs_creation":   {10, 0, 0, 0, 0, 0},
	"requests.unavailable.unclear":          {8, 0, 0, 0, 0, 0},
	"requests.not_processed.petition":       {15, 0, 0, 0, 0, 0},
	"requests.not_processed.repeated":       {12, 0, 0, 0, 0, 0},
	"requests.not_processed.publications":   {3, 0, 0, 0, 0, 0},
	"requests.not_processed.excessive":      {2, 0, 0, 0, 0, 0},
	"requests.not_processed.confirmation":   {1, 0, 0, 0, 0, 0},
	"requests.other_handling":               {11, 1, 0, 0, 0, 0},
	"requests.received":                     {821, 20, 3, 2, 5, 8},
	"requests.carried_over":                 {18, 0, 0, 0, 0, 0},
	"requests.answered":                     {767, 18, 3, 2, 5, 6},
	"requests.carried_forward":              {72, 2, 0, 0, 0, 2},
	"requests.other_handling.no_correction": {5, 0, 0, 0, 0, 0}, // 2021 only
	"requests.other_handling.no_fee":        {1, 0, 0, 0, 0, 0}, // 2021 only
	"requests.other_handling.other":         {5, 1, 0, 0, 0, 0}, // 2021 only
}

// table3Rows are the rows of table 3 in printed order, per template.
func table3Rows(template string) []string {
	rows := []string{"requests.received", "requests.carried_over", "requests.disclosed",
		"requests.partially_disclosed", "requests.refused.state_secret", "requests.refused.prohibited_by_law",
		"requests.refused.security_stability", "requests.refused.third_party_rights",
		"requests.refused.internal_affairs", "requests.refused.process_information",
		"requests.refused.enforcement_files", "requests.refused.administrative_query",
		"requests.unavailable.not_held", "requests.unavailable.needs_creation", "requests.unavailable.unclear",
		"requests.not_processed.petition", "requests.not_processed.repeated", "requests.not_processed.publications",
		"requests.not_processed.excessive", "requests.not_processed.confirmation"}
	if template == gongkai.Template2021 {
		rows = append(rows, "requests.other_handling.no_correction", "requests.other_handling.no_fee",
			"requests.other_handling.other")
	} else {
		rows = append(rows, "requests.other_handling")
	}
	return append(rows, "requests.answered", "requests.carried_forward")
}

// formReport returns a consistent report of the 2019 (year 2020) or 2021
// (year 2022) format: every identity holds.
func formReport(template string) *gongkai.Report {
	year := 2020
	if template == gongkai.Template2021 {
		year = 2022
	}
	r := &gongkai.Report{Publisher: gongkai.Publisher{ID: "310000", NameZh: "上海市人民政府办公厅"},
		Year: year, Template: template}
	for _, code := range table3Rows(template) {
		v := outcomes2019[code]
		total := 0.0
		for i, bd := range applicants {
			add(r, code, bd, v[i])
			total += v[i]
		}
		add(r, code, gongkai.BreakdownTotal, total)
	}
	for code, v := range map[string]float64{
		"reconsiderations.upheld": 2, "reconsiderations.corrected": 1, "reconsiderations.other": 0,
		"reconsiderations.pending": 1, "reconsiderations.total": 4,
		"lawsuits.direct.upheld": 1, "lawsuits.direct.corrected": 0, "lawsuits.direct.other": 0,
		"lawsuits.direct.pending": 1, "lawsuits.direct.total": 2,
		"lawsuits.after_reconsideration.upheld": 0, "lawsuits.after_reconsideration.corrected": 0,
		"lawsuits.after_reconsideration.other": 1, "lawsuits.after_reconsideration.pending": 0,
		"lawsuits.after_reconsideration.total": 1,
	} {
		add(r, code, gongkai.BreakdownTotal, v)
	}
	if template == gongkai.Template2019 {
		for code, v := range map[string]float64{
			"regulations.issued": 3, "regulations.published": 3, "regulations.published_total": 10,
			"normative_documents.issued": 6, "normative_documents.published": 5, "normative_documents.published_total": 40,
		} {
			add(r, code, gongkai.BreakdownTotal, v)
		}
		for _, block := range itemBlocks {
			add(r, block+".items_last_year", gongkai.BreakdownTotal, 100)
			add(r, block+".items_change", gongkai.BreakdownTotal, -3)
		}
	} else {
		for _, block := range []string{"regulations", "normative_documents"} {
			add(r, block+".issued", gongkai.BreakdownTotal, 2)
			add(r, block+".repealed", gongkai.BreakdownTotal, 1)
			add(r, block+".in_force", gongkai.BreakdownTotal, 12)
		}
	}
	return r
}

// itemBlocks are the blocks of table 2 of 2019 that count items (项目数量).
var itemBlocks = []string{"licensing", "other_services", "penalties", "enforcement", "fees"}

// previousReport returns the report of the year before formReport(template)'s
// that agrees with it: it carried forward what the later one carried over,
// its items plus their change are the later one's items of the year before
// (90 + 10 = 100), and 11 documents were in force (12 − 2 + 1).
func previousReport(template string) *gongkai.Report {
	cur := formReport(template)
	r := &gongkai.Report{Publisher: cur.Publisher, Year: cur.Year - 1, Template: template}
	over := outcomes2019["requests.carried_over"]
	for i, bd := range applicants {
		add(r, "requests.carried_forward", bd, over[i])
	}
	add(r, "requests.carried_forward", gongkai.BreakdownTotal, 18)
	if template == gongkai.Template2019 {
		for _, block := range itemBlocks {
			add(r, block+".items_last_year", gongkai.BreakdownTotal, 90)
			add(r, block+".items_change", gongkai.BreakdownTotal, 10)
		}
	} else {
		add(r, "regulations.in_force", gongkai.BreakdownTotal, 11)
		add(r, "normative_documents.in_force", gongkai.BreakdownTotal, 11)
	}
	return r
}

func add(r *gongkai.Report, code, bd string, v float64) {
	r.Observations = append(r.Observations, gongkai.Observation{Indicator: code, Breakdown: bd, Value: &v})
}

// set changes a figure of r, which must be there.
func set(tb testing.TB, r *gongkai.Report, code, bd string, v float64) {
	tb.Helper()
	o := find(r, code, bd)
	if o == nil {
		tb.Fatalf("%s [%s] is not in the report", code, bd)
	}
	o.Value = &v
}

// blank empties a figure of r, which must be there.
func blank(tb testing.TB, r *gongkai.Report, code, bd string) {
	tb.Helper()
	o := find(r, code, bd)
	if o == nil {
		tb.Fatalf("%s [%s] is not in the report", code, bd)
	}
	o.Value = nil
}

// remove deletes a figure from r, as if the report did not print the row.
func remove(r *gongkai.Report, code string) {
	var kept []gongkai.Observation
	for _, o := range r.Observations {
		if o.Indicator != code {
			kept = append(kept, o)
		}
	}
	r.Observations = kept
}

func find(r *gongkai.Report, code, bd string) *gongkai.Observation {
	for i := range r.Observations {
		if o := &r.Observations[i]; o.Indicator == code && breakdown(o.Breakdown) == bd {
			return o
		}
	}
	return nil
}
