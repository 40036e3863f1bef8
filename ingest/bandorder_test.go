package ingest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// pdfminer prints table 3 of the national template's print (held-out
// report 34 of scripts/heldout.py --seed 12 --reports 40, its LibreOffice
// print of the template's Word shape, through pdf2txt; truth from its
// expected.json by scripts/expected-to-truth.py) in bands of rows cut at
// their labels: `5.属于三类内部事务信息 8` / `6.属于四类过程性信息` / `6` /
// `7.属于行政执法案卷` / `15` / `8.属于行政查询事项` / the band's other
// figures (form/bandorder.go). The bands' fillings combined so that I1 and
// I3 hold place every cell they agree on; where two outcome rows of a band
// may swap a 0 and a 1 in two columns each (every identity still holds),
// those cells are unplaced with both figures.
func TestPDFMinerBands(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	const file = "ho12-34.template.pdfminer.txt"
	ratchetTruthFile(t, dir, file, 183, 0)
	r := parseText(t, file, readText(t, filepath.Join(dir, file)))
	flags := []string{gongkai.FlagPlacedByFormOrder}
	checkCells(t, r, []cellCase{
		{indicator: "requests.refused.internal_affairs", breakdown: "natural_person", value: "8", flags: flags},
		{indicator: "requests.refused.internal_affairs", breakdown: "total", value: "10", flags: flags},
		{indicator: "requests.not_processed.repeated", breakdown: "natural_person", value: "27", flags: flags},
		{indicator: "requests.not_processed.repeated", breakdown: "commercial_enterprise", value: "5", flags: flags},
		{indicator: "requests.not_processed.repeated", breakdown: "total", value: "34", flags: flags},
	})
	for _, o := range r.Observations {
		if o.Indicator == "requests.refused.internal_affairs" && slices.Contains([]string{"public_interest_org", "legal_service_org", "other_org"}, o.Breakdown) {
			t.Errorf("%s [%s] = %s placed, where the readings give 0 or 1", o.Indicator, o.Breakdown, o.Raw)
		}
	}
	if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
		return strings.Contains(u.Reason, "give 社会公益组织、法律服务机构、其他 different figures") && strings.Contains(u.Label, "内部事务") &&
			slices.Equal(u.Cells, []string{"0|1", "0|1", "0|1"})
	}) {
		t.Errorf("5.属于三类内部事务信息 not unplaced with the readings' figures: %+v", r.Unplaced)
	}
}

// The bands are read only when their fillings satisfy the identities: in
// pingtan-2021's template print through pdfminer, （一）予以公开's 27 and
// its 总计 30 made 28 and 31 (the row still adds up, （七）总计 no longer
// sums the outcome rows) leave no reading, and none of the band readings'
// figures is placed; as printed, the rows are placed (ratchet in
// real_test.go).
func TestPDFMinerBandsRefused(t *testing.T) {
	const file = "pingtan-2021.template.pdfminer.txt"
	for _, c := range []struct {
		name  string
		edits [][2]string
		want  string // requests.disclosed [natural_person], "" when not placed
	}{
		{"as printed", nil, "27"},
		{"I3 broken", [][2]string{{"（一）予以公开\n\n27\n", "（一）予以公开\n\n28\n"}, {"\n1\n\n30\n", "\n1\n\n31\n"}}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := parseText(t, file, realWith(t, file, c.edits...))
			got := ""
			for _, o := range r.Observations {
				if o.Indicator == "requests.disclosed" && o.Breakdown == "natural_person" {
					got = o.Raw
				}
			}
			if got != c.want {
				t.Errorf("requests.disclosed [natural_person] = %q, want %q", got, c.want)
			}
			if c.want != "" {
				return
			}
			for _, o := range r.Observations {
				if strings.HasPrefix(o.Indicator, "requests.") && slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) &&
					!strings.HasPrefix(o.Indicator, "requests.other_handling.") && !strings.HasPrefix(o.Indicator, "requests.unavailable.") {
					t.Errorf("%s [%s] = %s placed by the form's order with the identities broken", o.Indicator, o.Breakdown, o.Raw)
				}
			}
		})
	}
}

// In pdfminer's text of a web page printed by Chromium, figures glued one
// a label (`6.属于四类过程性信息 11`), the seven figures after a label may
// be other rows' as well: `4.⽆正当理由⼤量反复` / `申请` / 18 4 3 2 5 2 1
// (held-out report 11 of seed 1012; 18 is the row's, 4 3 2 5 2 1 the
// 商业企业 column of other rows) were placed as the row's, six wrong. A
// row there whose figures do not add up is unplaced with the reason
// (form/readingorder.go, distrustRowsInReadingOrder).
func TestPDFMinerGluedRowNotAddingUp(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	const file = "ho1012-11.chromium.pdfminer.txt"
	ratchetTruthFile(t, dir, file, 16, 0)
	r := parseText(t, file, readText(t, filepath.Join(dir, file)))
	for _, o := range r.Observations {
		if o.Indicator == "requests.not_processed.excessive" {
			t.Errorf("%s [%s] = %s placed", o.Indicator, o.Breakdown, o.Raw)
		}
	}
	if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
		return strings.Contains(u.Reason, "do not add up to its 总计") && slices.Equal(u.Cells, []string{"18", "4", "3", "2", "5", "2", "1"})
	}) {
		t.Errorf("4.无正当理由大量反复申请 not unplaced with its figures and the reason: %+v", r.Unplaced)
	}
}
