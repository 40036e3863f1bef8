package ingest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// Chrome prints the legacy table's unit column too narrow for its header
// (单 / 位): 条 7 in one cell beside each label, 万 9.61 / 元 and 人 14 / 次
// wrapped under the figure. Each row keeps its own label, without the
// unit, and is read in its unit: 万元 and 人次, never 万 or 人. pdf.js
// prints 万 / 元 9.61 under the budget's label, on lines of their own: the
// row is read by the form's order, its label with the unit (not checked).
func TestChromeNarrowUnitColumn(t *testing.T) {
	for _, file := range []string{"s12-legacy2014-html.layout.txt", "s12-legacy2014-html.pdfjs.txt"} {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "testdata", "pdftext", "fresh", file))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(file, data)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]float64{"proactive.items.normative_documents": 7, "normative_documents.issued": 90, "meetings.trainees": 14}
			if file == "s12-legacy2014-html.layout.txt" {
				want["capacity.budget"] = 9.61
			}
			for _, o := range r.Observations {
				if file == "s12-legacy2014-html.pdfjs.txt" && o.Indicator == "capacity.budget" {
					continue
				}
				for _, u := range []string{"条", "件", "次", "篇", "个", "人", "万", "元"} {
					if strings.HasSuffix(o.Label, u) {
						t.Errorf("%s: label %q ends with the unit %s", o.Indicator, o.Label, u)
					}
				}
				if slices.Contains(o.Flags, gongkai.FlagUnitMissing) && o.Indicator != "gazette.circulation" { // synth prints no unit there
					t.Errorf("%s (%s): flagged %v", o.Indicator, o.Label, o.Flags)
				}
				if v, ok := want[o.Indicator]; ok {
					if o.Value == nil || *o.Value != v {
						t.Errorf("%s: %v, want %v", o.Indicator, o.Raw, v)
					}
					delete(want, o.Indicator)
				}
			}
			if len(want) > 0 {
				t.Errorf("not read: %v", want)
			}
		})
	}
}
