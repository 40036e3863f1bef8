package ingest

import (
	"testing"
)

// In the 2021 held-out Word print (testdata/heldout) the label of
// （六）2.申请人逾期未按收费通知要求缴纳费用… is wrapped in a band of
// labels before the figures (2.申请 / 人逾期 / … / 纳费) and ends after them
// (用、行 / … / 请), where the reader reads it as the row. Its start, the
// row's number and first characters, which begin no other row's wording,
// shows the label begun before the figures: the row read seven a row is
// placed (form/labelstart.go). A start another row's number would give,
// or one character only, shows nothing, and the row stays unplaced.
func TestLabelStartsBefore(t *testing.T) {
	lines := fixtureLines(t, "heldout", "form2021-docx-s12-11.word.plain.txt")
	if lines[416] != "2.申请" {
		t.Fatalf("line 417 is %q, not 2.申请", lines[416])
	}
	want := map[string]float64{}
	for i, col := range []string{"natural_person", "commercial_enterprise", "research_institution", "public_interest_org", "legal_service_org", "other_org", "total"} {
		want[col] = []float64{26, 0, 1, 0, 7, 2, 36}[i]
	}
	for _, c := range []struct {
		start  string
		placed bool
	}{
		{"2.申请", true},
		{"3.申请", false}, // （六）3. is 其他
		{"2.申", false},
	} {
		t.Run(c.start, func(t *testing.T) {
			text := edited(lines, func(l []string) []string { l[416] = c.start; return l })
			r := parseText(t, "word.plain.txt", text)
			for col, v := range want {
				ok := hasObs(r, "requests.other_handling.no_fee", col)
				switch {
				case ok && !c.placed:
					t.Errorf("%s placed, though the row's label is printed only after its figures", col)
				case !ok && c.placed:
					t.Errorf("%s not placed", col)
				case ok && *obs(t, r, "requests.other_handling.no_fee", col).Value != v:
					t.Errorf("%s = %v, want %v", col, *obs(t, r, "requests.other_handling.no_fee", col).Value, v)
				}
			}
		})
	}
}
