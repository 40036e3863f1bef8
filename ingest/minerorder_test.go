package ingest

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// pdfminer of the legacy table printed from a Word file with a narrow
// label column (testdata/pdftext/synth2014-word.pdfminer.txt) prints each
// cell as a box of its own: the labels' pieces in runs, between them runs
// of units and figures apart from their labels, the header's cells and the
// first row's before the report's title (条 / 14 / 单位 / 统计数). The
// figures are read in the form's order when they are exactly as many as
// the rows the pieces name, the units printed are the rows' in order and
// every sum of the form holds (legacy/minerorder.go), and the head's
// figures all come before the next row's unit; the three rows above
// the first sub-heading, whose boxes come in no fixed order beside the
// header's, are unplaced with the reason. A figure missing, a total printed
// after one of its parts, a unit not its row's or a figure of the head
// after the next row's unit leaves the table refused as wrapped, as before.
func TestMinerLegacyInOrder(t *testing.T) {
	lines := fixtureLines(t, "pdftext", "synth2014-word.pdfminer.txt")
	at := func(from int, s string) int {
		i := slices.Index(lines[from:], s)
		if i < 0 {
			t.Fatalf("%q not found in the fixture after line %d", s, from+1)
		}
		return from + i
	}
	received := at(0, "87") // 收到申请数, then 当面申请数 37
	if lines[received+2] != "37" {
		t.Fatalf("87 / 37 not found in the fixture")
	}
	article := at(0, "篇")    // 3.政策解读稿件发布数, the one row in 篇
	lawsuits := at(0, "145") // 五、行政诉讼数量
	issued := at(0, "44")    // 制发规范性文件总数, then 条 and 件, the head's last units
	if lines[issued+2] != "条" || lines[issued+4] != "件" {
		t.Fatalf("44 / 条 / 件 not found in the fixture")
	}
	changed := func(edit func([]string) []string) string { return edited(lines, edit) }
	for _, c := range []struct {
		name string
		text string
		read bool
	}{
		{"as printed", strings.Join(lines, "\n"), true},
		{"a figure missing", changed(func(l []string) []string { return slices.Delete(l, lawsuits, lawsuits+1) }), false},
		{"a total after one of its parts", changed(func(l []string) []string {
			l[received], l[received+2] = l[received+2], l[received]
			return l
		}), false},
		{"a unit not its row's", changed(func(l []string) []string { l[article] = "人"; return l }), false},
		{"a figure of the head among the next rows' cells", changed(func(l []string) []string {
			l = slices.Delete(l, issued, issued+1) // 44 after the first 条 of the rows after the head
			next := issued + slices.Index(l[issued+3:], "条") + 3
			return slices.Insert(l, next+1, "", "44")
		}), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := readInOrderOrRefused(t, "synth2014-word.pdfminer.txt", c.text, c.read, 73, map[string]float64{
				"requests.received": 87, "requests.received.in_person": 37, "responses.channels.interpretations": 2,
				"proactive.channels.gazette": 2, "lawsuits.total": 145, "lawsuits.upheld": 48, "meetings.trainees": 0, "capacity.budget": 42.13,
			})
			if r == nil {
				return
			}
			for _, ind := range []string{"proactive.items", "proactive.items.normative_documents", "normative_documents.issued"} {
				if o, ok := observation(r, ind); ok {
					t.Errorf("%s = %+v, want it unplaced", ind, o)
				}
			}
			for _, row := range []string{"主动公开政府信息数", "主动公开规范性文件数", "制发规范性文件总数"} {
				if u, ok := unplacedRow(r, row); !ok || !strings.Contains(u.Reason, "14, 12, 44") {
					t.Errorf("%s: %+v, want it unplaced with the figures it may have", row, u)
				}
			}
		})
	}
}

// readInOrderOrRefused parses text: when read, it wants n figures and those
// of want placed by the form's order, and returns the report; otherwise it
// wants the table refused as wrapped, and returns nil.
func readInOrderOrRefused(t *testing.T, name, text string, read bool, n int, want map[string]float64) *gongkai.Report {
	t.Helper()
	r, err := Parse(name, []byte(text))
	if !read {
		var e *gongkai.Error
		if !errors.As(err, &e) || !strings.Contains(e.Message, "label column is too narrow") {
			t.Errorf("read %d figures, %v; want the table refused as wrapped", len(r.Observations), err)
		}
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Observations) != n {
		t.Errorf("read %d figures, want %d", len(r.Observations), n)
	}
	for ind, v := range want {
		o, ok := observation(r, ind)
		if !ok || o.Value == nil || *o.Value != v || !slices.Contains(o.Flags, gongkai.FlagPlacedByFormOrder) {
			t.Errorf("%s = %+v, want %v placed by the form's order", ind, o, v)
		}
	}
	return r
}
