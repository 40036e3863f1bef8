package ingest

import (
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// splitCase is a held-out text of form/splitblocks.go and what its
// reading must give.
type splitCase struct {
	file, expected string
	found          int
	// placed is figures of table 3 the blocks must place, by
	// indicator and column.
	placed map[[2]string]float64
	// uncertain is a row whose first two figures must be unplaced.
	uncertain string
	// refused: no figure of table 3 is placed by the form's order.
	refused bool
}

var splitCases = []splitCase{
	{file: "form2021-html-s12-7.chromium.plain.txt", expected: "form2021-html-s12-7", found: 169,
		placed: map[[2]string]float64{
			{"requests.received", "natural_person"}:                         435, // `435 87` on one line
			{"requests.received", gongkai.BreakdownTotal}:                   633,
			{"requests.refused.third_party_rights", "research_institution"}: 0,
			{"requests.refused.third_party_rights", gongkai.BreakdownTotal}: 13,
			{"requests.answered", "natural_person"}:                         436,
			{"requests.carried_forward", gongkai.BreakdownTotal}:            0,
			{"requests.refused.state_secret", "commercial_enterprise"}:      8, // `52 8`
			{"requests.not_processed.petition", "natural_person"}:           44,
		},
		// `3` / `4.保护第三方合法权益 0`: 0 | 3 or 3 | 0 both fit.
		uncertain: "保护第三方合法权益"},
	{file: "form2021-html-s4242-33.chromium.plain.txt", expected: "form2021-html-s4242-33", found: 185,
		placed: map[[2]string]float64{
			// `26` / `3.危及“三安全一稳定” 8`: only 8 | 26 satisfies I1 and I3.
			{"requests.refused.security_stability", "natural_person"}:        8,
			{"requests.refused.security_stability", "commercial_enterprise"}: 26,
			{"requests.answered", gongkai.BreakdownTotal}:                    1107,
		}},
	{file: "form2019-html-s4242-17.chromium.plain.txt", expected: "form2019-html-s4242-17", found: 183,
		placed: map[[2]string]float64{
			// （六）其他处理 prints `5` / `1` `0` `0` `0` `11`, its 商业企业
			// 5 last before 四's label: 11 − 5 − 1 = 5, printed there.
			{"requests.other_handling", "natural_person"}:        5,
			{"requests.other_handling", "commercial_enterprise"}: 5,
			{"requests.other_handling", gongkai.BreakdownTotal}:  11,
			{"requests.answered", gongkai.BreakdownTotal}:        475,
		}},
	{file: "form2021-html-s2626-56.chromium.plain.txt", expected: "form2021-html-s2626-56", found: 17, refused: true},
}

// Plain pdftotext of Chromium's print of an HTML report (testdata/heldout,
// see its README) splits each page of table 3 into the labels with their
// first two figures, then the other five figures of the same rows read
// across (form/splitblocks.go). The blocks are read in the form's order
// when every row adds up and I1 and I3 hold; a row's first two figures
// printed on lines apart, whose order both ways fits the identities, are
// unplaced with the reason; a text whose rows do not add up places nothing
// so.
func TestSplitBlocksHeldOut(t *testing.T) {
	for _, c := range splitCases {
		t.Run(c.file, func(t *testing.T) {
			r := parseHeldOut(t, c.file, c.expected, c.found)
			for k, want := range c.placed {
				i := slices.IndexFunc(r.Observations, func(o gongkai.Observation) bool {
					return o.Indicator == k[0] && o.Breakdown == k[1] && !slices.Contains(o.Flags, gongkai.FlagDerived)
				})
				switch {
				case i < 0 || r.Observations[i].Value == nil:
					t.Errorf("%v not placed, want %v", k, want)
				case *r.Observations[i].Value != want:
					t.Errorf("%v = %v, want %v", k, *r.Observations[i].Value, want)
				case !slices.Contains(r.Observations[i].Flags, gongkai.FlagPlacedByFormOrder):
					t.Errorf("%v not flagged %s", k, gongkai.FlagPlacedByFormOrder)
				}
			}
			if c.uncertain != "" && !unplacedWith(r, c.uncertain, "more than one reading of the blocks") {
				t.Errorf("%s's first two figures not unplaced with the reason: %v", c.uncertain, r.Unplaced)
			}
			if c.refused {
				for _, o := range r.Observations {
					if strings.HasPrefix(o.Indicator, "requests.") && slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
						t.Errorf("%s/%s placed by the form's order in a text whose rows do not add up", o.Indicator, o.Breakdown)
					}
				}
			}
		})
	}
}
