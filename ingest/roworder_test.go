package ingest

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// TestRowOrder: a row of table 3 whose label a converter lost, or printed
// only in part, is placed by the form's row order only when nothing else
// can be meant: as many unread rows of the form as rows of figures between
// the rows placed around them, each adding up (总计 = the six others), its
// label a piece of the row's wording or none, and （七）总计 then the sum of
// the outcome rows in every column. Each case that breaks one of these
// leaves the row unplaced.
func TestRowOrder(t *testing.T) {
	b, err := os.ReadFile("../testdata/form2021/pipes-report.md")
	if err != nil {
		t.Fatal(err)
	}
	const (
		repeated     = "|  |  | 2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"
		publications = "|  |  | 3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
		answered     = "|  | （七）总计 |  | 62 | 7 | 0 | 1 | 3 | 1 | 74 |"
	)
	for _, tc := range []struct {
		name    string
		replace []string // pairs: printed, printed instead
		placed  bool
	}{
		{"label lost", []string{repeated, "|  |  |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"}, true},
		{"label lost, figures in the first cell", []string{repeated, "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |"}, true},
		// 总计 of (七) not printed: the order is not confirmed, and a row
		// with no label at all is placed only when it is.
		{"label lost, (七)总计 blank", []string{repeated, "|  |  |  | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
			answered, "|  | （七）总计 |  | 62 | 7 | 0 | 1 | 3 | 1 |  |"}, false},
		{"label lost, outcomes do not add up", []string{repeated, "|  |  |  | 2 | 0 | 0 | 0 | 0 | 0 | 2 |"}, false},
		{"label lost, row does not add up", []string{repeated, "|  |  |  | 1 | 0 | 0 | 0 | 0 | 0 | 2 |"}, false},
		{"label lost, six figures", []string{repeated, "|  |  |  | 1 | 0 | 0 | 0 | 0 | 1 |"}, false},
		// Two rows of the form unread, one row of figures: which is it?
		{"two rows lost, one printed", []string{repeated + "\n", "", publications, "|  |  |  | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"}, false},
		// OCR misread the wording past recognition: its number and place
		// say which row it is; another number says it is not.
		{"label misread, its number", []string{repeated, "|  |  | 2.重口囗请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"}, true},
		{"label misread, another number", []string{repeated, "|  |  | 6.重口囗请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"}, false},
		// A wording of its own: a row the national form lacks, kept as a
		// local row under its heading, not 2.重复申请.
		{"label of another wording", []string{repeated, "|  |  | 备注说明情况 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := string(b)
			for i := 0; i < len(tc.replace); i += 2 {
				if !strings.Contains(text, tc.replace[i]) {
					t.Fatalf("the fixture does not print %q", tc.replace[i])
				}
				text = strings.Replace(text, tc.replace[i], tc.replace[i+1], 1)
			}
			r, err := Parse("roworder.md", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			placed := 0
			for _, o := range r.Observations {
				if o.Indicator != "requests.not_processed.repeated" {
					continue
				}
				want := 0.0
				if o.Breakdown == "natural_person" || o.Breakdown == "total" {
					want = 1
				}
				switch {
				case !tc.placed:
					t.Errorf("%s [%s] = %v placed (flags %v), want unplaced", o.Indicator, o.Breakdown, show(o.Value), o.Flags)
				case o.Value == nil || *o.Value != want:
					t.Errorf("%s [%s] = %v, want %v", o.Indicator, o.Breakdown, show(o.Value), want)
				case tc.placed && !slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder):
					t.Errorf("%s [%s] placed without the flag %s: %v", o.Indicator, o.Breakdown, gongkai.FlagPlacedByFormOrder, o.Flags)
				default:
					placed++
				}
			}
			if tc.placed && placed != 7 {
				t.Errorf("%d figures of 2.重复申请 placed, want 7; unplaced: %+v", placed, r.Unplaced)
			}
			kept := len(r.Unplaced) > 0 || slices.ContainsFunc(r.Observations, func(o gongkai.Observation) bool {
				return slices.Contains(o.Flags, gongkai.FlagLocalRow)
			})
			if !tc.placed && !kept {
				t.Errorf("nothing unplaced or kept as a local row, want the row with its reason")
			}
		})
	}
}

// TestTitleIsNoRowLabel: a line of text before a table row whose label
// cells are empty (a table's title repeated on a new page, a note) is not
// the label of its figures: they are no row the national form lacks, and
// stay unplaced with the reason.
func TestTitleIsNoRowLabel(t *testing.T) {
	b, err := os.ReadFile("../testdata/form2021/pipes-report.md")
	if err != nil {
		t.Fatal(err)
	}
	const repeated = "|  |  | 2.重复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
	text := strings.Replace(string(b), repeated, repeated+"\n表：政府信息公开申请办理情况（续）\n\n|  |  |  | 9 | 0 | 0 | 0 | 0 | 0 | 9 |\n|---|---|---|---|---|---|---|---|---|---|\n", 1)
	r, err := Parse("title.md", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range r.Observations {
		if o.Value != nil && *o.Value == 9 {
			t.Errorf("%s [%s] = 9 placed under %q, flags %v", o.Indicator, o.Breakdown, o.Label, o.Flags)
		}
	}
	found := false
	for _, u := range r.Unplaced {
		found = found || strings.Contains(u.Reason, "printed apart from the table row")
	}
	if !found {
		t.Errorf("the row is not unplaced with its reason: %+v", r.Unplaced)
	}
}
