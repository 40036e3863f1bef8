package ingest

import (
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// columnBoxesFile is pdfminer's text of a held-out Word print whose
// table 2 first block is printed column by column, each column a box of
// its header and its two figures, before the report's title.
const columnBoxesFile = "form2021-docx-s4242-11.word.pdfminer.txt"

// Each box's figures go to 规章 and 行政规范性文件, read down, under the
// column its header names (form/columnboxes.go); the rows' labels are the
// form's.
func TestPDFMinerColumnBoxes(t *testing.T) {
	r := parseText(t, columnBoxesFile, fixtureWith(t, "heldout", columnBoxesFile))
	flags := []string{gongkai.FlagLabelFromForm}
	checkCells(t, r, []cellCase{
		{indicator: "regulations.issued", breakdown: "total", value: "0", column: "本年制发件数", flags: flags},
		{indicator: "regulations.repealed", breakdown: "total", value: "102", column: "本年废止件数", flags: flags},
		{indicator: "regulations.in_force", breakdown: "total", value: "4", column: "现行有效件数", flags: flags},
		{indicator: "normative_documents.issued", breakdown: "total", value: "48", flags: flags},
		{indicator: "normative_documents.repealed", breakdown: "total", value: "74", flags: flags},
		{indicator: "normative_documents.in_force", breakdown: "total", value: "72", flags: flags},
	})
	for _, o := range r.Observations {
		if o.Indicator == "normative_documents.in_force" && o.Label != "行政规范性文件" {
			t.Errorf("label %q, want the 2021 form's 行政规范性文件", o.Label)
		}
	}
	n := 0
	for _, o := range r.Observations {
		if !strings.HasPrefix(o.Indicator, "lawsuits.") && !identityBoxRow(o.Indicator) { // table 4: reviewsboxes_test.go; table 3's: identityboxes_test.go
			n++
		}
	}
	if n != 6 {
		t.Errorf("%d figures of tables 2 and 3 placed, want the six of the boxes", n)
	}
}

// The boxes are not read when one breaks the shape: a third figure in a
// box of a two-row block, or two boxes of one column; the file then holds
// no figure placed. A box whose header only resembles a column's wording
// is not read (the other boxes are).
func TestPDFMinerColumnBoxesRefused(t *testing.T) {
	for name, edit := range map[string][2]string{
		"three figures":    {"现行有\n效件数\n4\n72\n", "现行有\n效件数\n4\n72\n9\n"},
		"column twice":     {"本年制\n发件数\n0\n48\n", "本年废\n止件数\n0\n48\n"},
		"header not exact": {"现行有\n效件数\n4\n72\n", "现行有\n效件\n4\n72\n"},
	} {
		t.Run(name, func(t *testing.T) {
			r, err := Parse(columnBoxesFile, []byte(fixtureWith(t, "heldout", columnBoxesFile, edit)))
			if err != nil {
				if !strings.Contains(err.Error(), "hold no figure") {
					t.Fatal(err)
				}
				return
			}
			for _, o := range r.Observations {
				if strings.HasPrefix(o.Indicator, "regulations.") || strings.HasPrefix(o.Indicator, "normative_documents.") {
					if name != "header not exact" || strings.HasSuffix(o.Indicator, ".in_force") {
						t.Errorf("%s = %s placed", o.Indicator, o.Raw)
					}
				}
			}
		})
	}
}
