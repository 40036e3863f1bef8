package ingest

import (
	"testing"
)

// In the 2021 held-out Word print (testdata/heldout) （六）3.其他 and
// （七）总计 interleave a column at a time, 四's zeros stand around table
// 4's heading and 一's figures among the header's pieces: no row of them
// is read seven a row, and the identities give none from the others. The
// one choice of the printed figures that satisfies the identities fills
// them in (form/tailsolve.go). A figure changed so that no choice fits,
// or a second outcome row unknown (（六）2.'s label begun as another
// row's, see TestLabelStartsBefore), fills in nothing.
func TestSolveTail(t *testing.T) {
	lines := fixtureLines(t, "heldout", "form2021-docx-s12-11.word.plain.txt")
	if lines[560] != "730" || lines[416] != "2.申请" {
		t.Fatalf("lines 561 and 417 are %q and %q, not 730 and 2.申请", lines[560], lines[416])
	}
	cols := []string{"natural_person", "commercial_enterprise", "research_institution", "public_interest_org", "legal_service_org", "other_org", "total"}
	want := map[string][]float64{
		"requests.other_handling.other": {47, 0, 2, 3, 0, 1, 53},
		"requests.answered":             {558, 76, 9, 21, 31, 35, 730},
		"requests.carried_forward":      {0, 0, 0, 0, 0, 0, 0},
		"requests.received":             {544, 74, 8, 21, 27, 35, 709},
	}
	for _, c := range []struct {
		name   string
		edit   func([]string) []string
		placed bool
	}{
		{"as printed", func(l []string) []string { return l }, true},
		{"no choice fits", func(l []string) []string { l[560] = "731"; return l }, false},
		{"two outcome rows unknown", func(l []string) []string { l[416] = "3.申请"; return l }, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := parseText(t, "word.plain.txt", edited(lines, c.edit))
			for ind, vs := range want {
				for k, col := range cols {
					ok := hasObs(r, ind, col)
					switch {
					case ok && !c.placed:
						t.Errorf("%s %s = %v placed, though no one choice fits", ind, col, *obs(t, r, ind, col).Value)
					case !ok && c.placed:
						t.Errorf("%s %s not placed", ind, col)
					case ok && *obs(t, r, ind, col).Value != vs[k]:
						t.Errorf("%s %s = %v, want %v", ind, col, *obs(t, r, ind, col).Value, vs[k])
					}
				}
			}
		})
	}
}
