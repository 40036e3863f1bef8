package ingest

import (
	"path/filepath"
	"strings"
	"testing"
)

// pdfminer's text of a Word print (held-out report 22 of
// scripts/heldout.py --seed 2012 --reports 60) prints table 2's label
// column apart from its figures: 行政强 / 制 / 第二十 / 条第 / （八） / 项 /
// 信息内 / 容 / 行政事 14.51 万元. The pieces ran together into one label
// that read as 行政强制, which took the fee, 14.51 万元. A label holding
// another block's heading after its start is no row's (form/row.go,
// blockHeadingInside): the figure is not placed. The first block's
// figures, printed column by column before the title, are placed
// (form/columnboxes.go), table 4's 未经复议直接起诉, printed a column a
// box (form/reviewsboxes.go), and table 3's rows the identities tie
// (form/identityboxes.go, TestIdentityBoxes); nothing else of tables 2
// and 4.
func TestLabelRunIntoBlockHeading(t *testing.T) {
	dir := filepath.Join("..", "testdata", "pdftext", "heldout")
	const file = "ho2012-22.word.pdfminer.txt"
	data := readText(t, filepath.Join(dir, file))
	if !strings.Contains(data, "行政事 14.51 万元") {
		t.Fatal("the fixture changed")
	}
	r, err := Parse(file, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.Observations {
		if !strings.HasPrefix(o.Indicator, "regulations.") && !strings.HasPrefix(o.Indicator, "normative_documents.") &&
			!strings.HasPrefix(o.Indicator, "lawsuits.direct.") && !identityBoxRow(o.Indicator) {
			t.Errorf("%s = %s placed", o.Indicator, o.Raw)
		}
	}
	checkCells(t, r, []cellCase{
		{indicator: "regulations.issued", breakdown: "total", value: "6"},
		{indicator: "normative_documents.repealed", breakdown: "total", value: "119"},
		{indicator: "normative_documents.in_force", breakdown: "total", value: "17"},
		{indicator: "lawsuits.direct.pending", breakdown: "total", value: "14"},
		{indicator: "lawsuits.direct.total", breakdown: "total", value: "57"},
	})
}
