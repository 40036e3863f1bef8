package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// wantFigure is one expected observation of a fixture.
type wantFigure struct {
	indicator, breakdown string
	value                *float64
	column, label        string
}

func key(indicator, breakdown string) string { return indicator + "|" + breakdown }

// readExpected reads a fixture directory's expected.csv: every figure of
// the form, with the row and column it is printed under.
func readExpected(t *testing.T, path string) []wantFigure {
	t.Helper()
	recs := readCSV(t, path)
	var out []wantFigure
	for _, r := range recs[1:] {
		out = append(out, wantFigure{indicator: r[0], breakdown: r[1], value: parseExpectedValue(t, r[2]), column: r[3], label: r[4]})
	}
	return out
}

// parseExpectedValue reads an expected figure: nil for a blank cell.
func parseExpectedValue(t *testing.T, s string) *float64 {
	t.Helper()
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatal(err)
	}
	return &v
}

func parseFile(t *testing.T, path string) *gongkai.Report {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(filepath.Base(path), b)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r
}

func byKey(r *gongkai.Report) map[string]gongkai.Observation {
	m := map[string]gongkai.Observation{}
	for _, o := range r.Observations {
		m[key(o.Indicator, o.Breakdown)] = o
	}
	return m
}

func show(v *float64) string {
	if v == nil {
		return "null"
	}
	return fmt.Sprint(*v)
}

// assertFigures checks that r holds exactly the expected figures, each
// under its row and column, and nothing else.
func assertFigures(t *testing.T, r *gongkai.Report, want []wantFigure) {
	t.Helper()
	got := byKey(r)
	if len(got) != len(r.Observations) {
		t.Errorf("%d observations but %d distinct indicator × breakdown", len(r.Observations), len(got))
	}
	for _, w := range want {
		o, ok := got[key(w.indicator, w.breakdown)]
		if !ok {
			t.Errorf("%s [%s] (%s / %s): missing", w.indicator, w.breakdown, w.label, w.column)
			continue
		}
		delete(got, key(w.indicator, w.breakdown))
		if show(o.Value) != show(w.value) {
			t.Errorf("%s [%s] = %s (raw %q, line %d), want %s", w.indicator, w.breakdown, show(o.Value), o.Raw, o.Line, show(w.value))
		}
		if o.Column == nil || *o.Column != w.column {
			t.Errorf("%s [%s]: column %v, want %q", w.indicator, w.breakdown, strOrNil(o.Column), w.column)
		}
		if o.Label != w.label {
			t.Errorf("%s [%s]: label %q, want %q", w.indicator, w.breakdown, o.Label, w.label)
		}
	}
	for k, o := range got {
		t.Errorf("unexpected observation %s = %s (label %q, line %d)", k, show(o.Value), o.Label, o.Line)
	}
}

func strOrNil(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// TestFormLayouts parses the same 2019 and 2021 reports printed in every
// layout and finds every figure of tables 2, 3 and 4 under its row and column.
func TestFormLayouts(t *testing.T) {
	for _, tc := range []struct {
		dir, template string
	}{
		{"../testdata/form2019", gongkai.Template2019},
		{"../testdata/form2021", gongkai.Template2021},
	} {
		want := readExpected(t, filepath.Join(tc.dir, "expected.csv"))
		files, _ := filepath.Glob(filepath.Join(tc.dir, "*"))
		layouts := 0
		for _, f := range files {
			if st, err := os.Stat(f); err != nil || st.IsDir() || strings.HasSuffix(f, ".csv") {
				continue
			}
			layouts++
			t.Run(filepath.Base(tc.dir)+"/"+filepath.Base(f), func(t *testing.T) {
				r := parseFile(t, f)
				if r.Template != tc.template {
					t.Errorf("template %q, want %q", r.Template, tc.template)
				}
				if r.Truncated != "" {
					t.Errorf("truncated: %s", r.Truncated)
				}
				for _, u := range r.Unplaced {
					t.Errorf("unplaced line %d %q %v: %s", u.Line, u.Label, u.Cells, u.Reason)
				}
				assertFigures(t, r, want)
			})
		}
		if layouts < 3 {
			t.Errorf("%s: %d layouts, want at least 3", tc.dir, layouts)
		}
	}
}
