package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// pdfminer of pingtan-2024's Word file printed by LibreOffice prints
// table 3's first page (一 to 2.没有现成信息需要另行制作, fourteen rows)
// column by column, the 自然人 figures among the page's labels and 总计's
// run last; its second page comes in pdfminer's recursive order, which no
// search reads, so no reading of the whole table is found
// (form/pagealone.go). The first page is read alone: 自然人 and 总计
// placed; the five columns of 法人或其他组织 only in rows whose five
// figures are alike, as their order is not told by the arithmetic (一's
// 1 0 0 0 0 is unplaced); the second page's rows are not placed by the
// order (ratchet in real_test.go: 118 of 200).
func TestPageAlone(t *testing.T) {
	const file = "pingtan-2024.libreoffice.pdfminer.txt"
	r := parseText(t, file, realWith(t, file))
	flags := []string{gongkai.FlagPlacedByFormOrder}
	checkCells(t, r, []cellCase{
		{indicator: "requests.received", breakdown: "natural_person", value: "217", flags: flags},
		{indicator: "requests.received", breakdown: "total", value: "218", flags: flags},
		{indicator: "requests.carried_over", breakdown: "commercial_enterprise", value: "0", flags: flags},
		{indicator: "requests.refused.internal_affairs", breakdown: "natural_person", value: "32", flags: flags},
		{indicator: "requests.refused.internal_affairs", breakdown: "other_org", value: "0", flags: flags},
		{indicator: "requests.unavailable.not_held", breakdown: "natural_person", value: "75", flags: flags},
		{indicator: "requests.unavailable.not_held", breakdown: "total", value: "75", flags: flags},
		{indicator: "requests.unavailable.needs_creation", breakdown: "total", value: "0", flags: flags},
	})
	for _, o := range r.Observations {
		if o.Indicator == "requests.received" && o.Breakdown != "natural_person" && o.Breakdown != "total" {
			t.Errorf("requests.received [%s] = %s placed; its five 法人或其他组织 figures differ", o.Breakdown, o.Raw)
		}
		if o.Indicator == "requests.answered" || o.Indicator == "requests.carried_forward" {
			t.Errorf("%s [%s] = %s placed, a row of the page not read", o.Indicator, o.Breakdown, o.Raw)
		}
	}
	unplaced := false
	for _, u := range r.Unplaced {
		if strings.Contains(u.Reason, "read alone: the five columns") && slices.Equal(u.Cells, []string{"1", "0", "0", "0", "0"}) {
			unplaced = true
		}
	}
	if !unplaced {
		t.Errorf("一's 法人或其他组织 figures 1 0 0 0 0 not unplaced: %+v", r.Unplaced)
	}
}

// The page is read alone only when each of its rows adds up (一's 总计
// 218 made 219) and each 自然人 figure is printed after its row's label
// (4.保护第三方合法权益's 3 moved before its label): otherwise no figure
// of table 3 is placed by the form's order.
func TestPageAloneRefused(t *testing.T) {
	const file = "pingtan-2024.libreoffice.pdfminer.txt"
	for _, c := range []struct {
		name string
		edit [2]string
	}{
		{"一 not adding up", [2]string{"\n218\n\n0\n\n71\n\n29\n", "\n219\n\n0\n\n71\n\n29\n"}},
		{"a figure before its label", [2]string{"\n4.保护第三方合法权益\n\n3\n", "\n3\n\n4.保护第三方合法权益\n"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := parseText(t, file, realWith(t, file, c.edit))
			for _, o := range r.Observations {
				if strings.HasPrefix(o.Indicator, "requests.") && slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
					t.Errorf("%s [%s] = %s placed by the form's order", o.Indicator, o.Breakdown, o.Raw)
				}
			}
		})
	}
}

// pdfminer of pingtan-2021's Word file printed by LibreOffice prints the
// first page (一 to （五）1., sixteen rows) so, with 社会公益组织's run
// before 商业企业's (一's 2 printed first of the five: in the form's order
// it would be 商业企业's, wrong) and 其他's figure of 8.属于行政查询事项
// printed in 总计's run beside that row's 1 (`0 1`, chromeorder.go's cell
// out of its run). Read alone with one cell at most out of its run:
// 自然人 and 总计 placed, the rows whose five figures differ unplaced
// (ratchet in real_test.go: 116 of 200, with table 2 read by labelsbefore.go).
func TestPageAloneDisplacedCell(t *testing.T) {
	const file = "pingtan-2021.libreoffice.pdfminer.txt"
	r := parseText(t, file, realWith(t, file))
	flags := []string{gongkai.FlagPlacedByFormOrder}
	checkCells(t, r, []cellCase{
		{indicator: "requests.received", breakdown: "natural_person", value: "64", flags: flags},
		{indicator: "requests.received", breakdown: "total", value: "70", flags: flags},
		{indicator: "requests.refused.administrative_query", breakdown: "other_org", value: "0", flags: flags},
		{indicator: "requests.refused.administrative_query", breakdown: "total", value: "1", flags: flags},
		{indicator: "requests.unavailable.not_held", breakdown: "natural_person", value: "22", flags: flags},
		{indicator: "requests.unavailable.not_held", breakdown: "total", value: "25", flags: flags},
	})
	for _, o := range r.Observations {
		if (o.Indicator == "requests.received" || o.Indicator == "requests.disclosed") && o.Breakdown != "natural_person" && o.Breakdown != "total" {
			t.Errorf("%s [%s] = %s placed; the five 法人或其他组织 runs' order is not told", o.Indicator, o.Breakdown, o.Raw)
		}
	}
	// 一's 总计 70 made 71: 一 adds up in no reading, nothing is placed.
	r = parseText(t, file, realWith(t, file, [2]string{"\n0\n\n70\n\n0\n", "\n0\n\n71\n\n0\n"}))
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "requests.") && slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
			t.Errorf("%s [%s] = %s placed by the form's order", o.Indicator, o.Breakdown, o.Raw)
		}
	}
}
