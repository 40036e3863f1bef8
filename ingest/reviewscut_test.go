package ingest_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest"
)

const cutReviewsRow = "54      1       8 88 151     7     12    7     19    45    12\n"

// Table 4 of a Word table wider than the paper, cut at the page's edge
// (s26-form2021-docx.layout.txt): its header wrapped a few characters a
// line, eleven of its fifteen figures printed. The two whole blocks add
// up (54+1+8+88 = 151, 7+12+7+19 = 45) and are placed by the form's order;
// the twelfth figure's column is not certain.
func TestCutReviewsPlacesWholeBlocks(t *testing.T) {
	text := readFresh2021Layout(t)
	if !strings.Contains(text, cutReviewsRow) {
		t.Fatal("the fixture's table 4 row changed")
	}
	r, err := ingest.Parse("s26-form2021-docx.layout.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]float64{
		"reconsiderations.upheld": 54, "reconsiderations.corrected": 1, "reconsiderations.other": 8,
		"reconsiderations.pending": 88, "reconsiderations.total": 151,
		"lawsuits.direct.upheld": 7, "lawsuits.direct.corrected": 12, "lawsuits.direct.other": 7,
		"lawsuits.direct.pending": 19, "lawsuits.direct.total": 45,
	}
	got := map[string]float64{}
	for _, o := range r.Observations {
		if strings.HasPrefix(o.Indicator, "reconsiderations.") || strings.HasPrefix(o.Indicator, "lawsuits.") {
			if slices.Contains(o.Flags, gongkai.FlagDerived) {
				continue
			}
			got[o.Indicator] = *o.Value
			if !slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
				t.Errorf("%s not flagged placed_by_form_order: %v", o.Indicator, o.Flags)
			}
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("table 4 read %v, want %v", got, want)
	}
	if !slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool {
		return slices.Equal(u.Cells, []string{"12"}) && strings.Contains(u.Reason, "cut off")
	}) {
		t.Errorf("the figure after the whole blocks is not unplaced as cut: %v", r.Unplaced)
	}
}

// No figure of table 4 is placed when the cut leaves whole blocks only
// (ten figures could be two blocks with the first one blank), nor when a
// whole block does not add up.
func TestCutReviewsRefuses(t *testing.T) {
	cases := map[string]string{
		"two whole blocks":        "54      1       8 88 151     7     12    7     19    45\n",
		"a block does not add up": "54      1       8 88 150     7     12    7     19    45    12\n",
	}
	for name, row := range cases {
		t.Run(name, func(t *testing.T) {
			r, err := ingest.Parse("cut.txt", []byte(strings.Replace(readFresh2021Layout(t), cutReviewsRow, row, 1)))
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range r.Observations {
				if strings.HasPrefix(o.Indicator, "reconsiderations.") || strings.HasPrefix(o.Indicator, "lawsuits.") {
					t.Errorf("%s placed: %v", o.Indicator, *o.Value)
				}
			}
		})
	}
}
