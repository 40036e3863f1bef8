package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// pdfminer of pingtan-2024's page printed by Chrome prints table 3's
// first page (一 to 2.重复申请, seventeen rows) column by column, its
// labels among the 自然人 figures, and the second page's eight rows in
// its recursive order, their figures after table 4's heading
// (form/pagebands.go). Cut at the labels, the first page is one band of
// seventeen rows, read column by column; the second page's fillings are
// searched against the identities; the one reading left places every
// cell both readings give alike (ratchet in real_test.go: 194 of 200).
// Three rows of the second page may hold the 1 of 自然人 and of 总计:
// they are unplaced with both figures.
func TestChromePageBands(t *testing.T) {
	const file = "pingtan-2024.chromium.pdfminer.txt"
	r := parseText(t, file, realWith(t, file))
	flags := []string{gongkai.FlagPlacedByFormOrder}
	checkCells(t, r, []cellCase{
		{indicator: "requests.received", breakdown: "natural_person", value: "217", flags: flags},
		{indicator: "requests.received", breakdown: "commercial_enterprise", value: "1", flags: flags},
		{indicator: "requests.received", breakdown: "total", value: "218", flags: flags},
		{indicator: "requests.refused.internal_affairs", breakdown: "total", value: "32", flags: flags},
		{indicator: "requests.unavailable.not_held", breakdown: "natural_person", value: "75", flags: flags},
		{indicator: "requests.not_processed.repeated", breakdown: "total", value: "1", flags: flags},
		{indicator: "requests.other_handling.other", breakdown: "commercial_enterprise", value: "1", flags: flags},
		{indicator: "requests.other_handling.other", breakdown: "total", value: "2", flags: flags},
		{indicator: "requests.answered", breakdown: "natural_person", value: "217", flags: flags},
		{indicator: "requests.answered", breakdown: "total", value: "218", flags: flags},
		{indicator: "requests.carried_forward", breakdown: "total", value: "0", flags: flags},
	})
	doubts := 0
	for _, u := range r.Unplaced {
		if strings.Contains(u.Reason, "give 自然人、总计 different figures") && slices.Equal(u.Cells, []string{"0|1", "0|1"}) {
			doubts++
		}
	}
	if doubts != 3 {
		t.Errorf("%d rows unplaced with 自然人 and 总计 0|1, want 3: %+v", doubts, r.Unplaced)
	}
}

// The first page is read column by column only when each of its rows
// adds up, and the reading is placed only when the identities hold across
// both pages: 一's 总计 218 made 219 in the first page's 总计 run (一 no
// longer adds up), or （七）总计's 218 made 219 on the second page (I3
// fails), leaves no reading. With 一 not adding up no figure of table 3 is
// placed by the form's order; with I3 broken the first page is read alone
// (form/pagealone.go), and no figure of the second page's rows is placed
// by the order.
func TestChromePageBandsRefused(t *testing.T) {
	const file = "pingtan-2024.chromium.pdfminer.txt"
	for _, c := range []struct {
		name string
		edit [2]string
	}{
		{"一 not adding up", [2]string{"\n218\n\n0\n\n71\n\n29\n", "\n219\n\n0\n\n71\n\n29\n"}},
		{"I3 broken", [2]string{"\n2\n\n218\n\n0\n", "\n2\n\n219\n\n0\n"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := parseText(t, file, realWith(t, file, c.edit))
			secondPage := []string{"requests.not_processed.publications", "requests.not_processed.excessive", "requests.not_processed.confirmation",
				"requests.other_handling.no_correction", "requests.other_handling.no_fee", "requests.other_handling.other", "requests.answered", "requests.carried_forward"}
			for _, o := range r.Observations {
				if !strings.HasPrefix(o.Indicator, "requests.") || !slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
					continue
				}
				if c.name != "I3 broken" || slices.Contains(secondPage, o.Indicator) {
					t.Errorf("%s [%s] = %s placed by the form's order", o.Indicator, o.Breakdown, o.Raw)
				}
			}
		})
	}
}
