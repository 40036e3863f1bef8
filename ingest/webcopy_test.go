package ingest

import (
	"testing"

	"github.com/gongkai/gongkai"
)

// TestWebCopy2019 reads a 2019 report copied from a web page: every cell on
// a line of its own, no tabs, a header split over two cells (本年新 /
// 制作数量), 15 result cells of table 4 in a row, amounts in 元.
func TestWebCopy2019(t *testing.T) {
	r := mustParse(t, "../testdata/form2019/cases/web-copy-split-headers.txt")
	if r.Template != gongkai.Template2019 || r.Year != 2019 || r.Publisher.AdminCode != "370406" {
		t.Errorf("template %s year %d publisher %+v", r.Template, r.Year, r.Publisher)
	}
	if len(r.Unplaced) != 0 {
		t.Errorf("unplaced: %+v", r.Unplaced)
	}
	obs := byIndicator(r)
	single := map[string]float64{
		"regulations.issued": 0, "regulations.published": 0, "regulations.published_total": 0,
		"normative_documents.issued": 5, "normative_documents.published": 5, "normative_documents.published_total": 120,
		"licensing.items_last_year": 150, "licensing.items_change": 3, "licensing.decisions": 2000,
		"other_services.items_last_year": 30, "other_services.items_change": -2, "other_services.decisions": 500,
		"penalties.items_last_year": 200, "penalties.items_change": 0, "penalties.decisions": 1500,
		"enforcement.items_last_year": 20, "enforcement.items_change": 0, "enforcement.decisions": 30,
		"fees.items_last_year": 10, "fees.items_change": -1,
		"procurement.projects": 12, "procurement.amount": 25.1, // 251000元 in 万元
		"reconsiderations.upheld": 1, "reconsiderations.corrected": 0, "reconsiderations.other": 0,
		"reconsiderations.pending": 0, "reconsiderations.total": 1,
		"lawsuits.direct.upheld": 0, "lawsuits.direct.corrected": 1, "lawsuits.direct.other": 0,
		"lawsuits.direct.pending": 0, "lawsuits.direct.total": 1,
		"lawsuits.after_reconsideration.upheld": 0, "lawsuits.after_reconsideration.corrected": 0,
		"lawsuits.after_reconsideration.other": 0, "lawsuits.after_reconsideration.pending": 1,
		"lawsuits.after_reconsideration.total": 1,
		"lawsuits.total":                       2, // derived: both lawsuit blocks
	}
	for ind, want := range single {
		if o, ok := obs[ind+"/total"]; !ok || o.Value == nil || *o.Value != want {
			t.Errorf("%s = %v, want %v", ind, deref(o.Value), want)
		}
	}
	breakdowns := []string{"natural_person", "commercial_enterprise", "research_institution", "public_interest_org",
		"legal_service_org", "other_org", "total"}
	zero := [7]float64{}
	table3 := map[string][7]float64{
		"requests.received":                     {20, 3, 0, 0, 1, 0, 24},
		"requests.carried_over":                 {2, 0, 0, 0, 0, 0, 2},
		"requests.disclosed":                    {10, 1, 0, 0, 0, 0, 11},
		"requests.partially_disclosed":          {2, 0, 0, 0, 0, 0, 2},
		"requests.refused.state_secret":         zero,
		"requests.refused.prohibited_by_law":    zero,
		"requests.refused.security_stability":   zero,
		"requests.refused.third_party_rights":   {1, 0, 0, 0, 0, 0, 1},
		"requests.refused.internal_affairs":     zero,
		"requests.refused.process_information":  {1, 0, 0, 0, 0, 0, 1},
		"requests.refused.enforcement_files":    zero,
		"requests.refused.administrative_query": zero,
		"requests.unavailable.not_held":         {4, 1, 0, 0, 1, 0, 6},
		"requests.unavailable.needs_creation":   zero,
		"requests.unavailable.unclear":          {1, 0, 0, 0, 0, 0, 1},
		"requests.not_processed.petition":       {1, 0, 0, 0, 0, 0, 1},
		"requests.not_processed.repeated":       zero,
		"requests.not_processed.publications":   zero,
		"requests.not_processed.excessive":      zero,
		"requests.not_processed.confirmation":   zero,
		"requests.other_handling":               zero,
		"requests.answered":                     {20, 2, 0, 0, 1, 0, 23},
		"requests.carried_forward":              {2, 1, 0, 0, 0, 0, 3},
	}
	for ind, want := range table3 {
		for i, b := range breakdowns {
			if o, ok := obs[ind+"/"+b]; !ok || o.Value == nil || *o.Value != want[i] {
				t.Errorf("%s/%s = %v, want %v", ind, b, deref(o.Value), want[i])
			}
		}
	}
	if n, want := len(r.Observations), len(single)+3+7*len(table3); n != want {
		t.Errorf("%d observations, want %d", n, want)
	}
}
