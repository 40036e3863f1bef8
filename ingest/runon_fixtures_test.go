package ingest

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/synth"
)

// testdata/runon holds reports that synth made and printed with their
// table cells run together, as web pages' text prints them (synth.RunOn:
// every template, every style), each beside its truth: every printed
// figure, by indicator and breakdown, and the label of its row. Regenerate
// with go test ./ingest -run TestRunOnFixtures -update-runon.
var updateRunOn = flag.Bool("update-runon", false, "write testdata/runon again from synth.RunOn")

const runOnDir = "testdata/runon"

// runOnSeeds are the seeds of the reports of each template and style.
var runOnSeeds = []uint64{1, 2, 3, 4}

var runOnTemplates = []string{gongkai.TemplateLegacy, synth.TemplateFujian, gongkai.Template2019, gongkai.Template2021}

// runOnRecall is the share of the printed figures that must be read, by
// template: the rest are rows whose runs several splits fit. It may only go
// up.
var runOnRecall = map[string]float64{
	gongkai.TemplateLegacy: 1,
	synth.TemplateFujian:   0.912,
	gongkai.Template2019:   0.959,
	gongkai.Template2021:   0.982,
}

// runOnTruth is what a fixture prints.
type runOnTruth struct {
	Template string             `json:"template"`
	Figures  map[string]float64 `json:"figures"` // by "indicator/breakdown"
	Rows     map[string]string  `json:"rows"`    // the label of each figure's row
}

func writeRunOnFixtures(t *testing.T) {
	if err := os.MkdirAll(runOnDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tpl := range runOnTemplates {
		for _, style := range synth.RunOnStyles(tpl) {
			for _, seed := range runOnSeeds {
				r, err := synth.RunOn(tpl, style, seed)
				if err != nil {
					t.Fatal(err)
				}
				truth, err := json.MarshalIndent(runOnTruth{Template: tpl, Figures: r.Figures, Rows: r.Rows}, "", " ")
				if err != nil {
					t.Fatal(err)
				}
				base := filepath.Join(runOnDir, strings.TrimSuffix(r.Name, ".txt"))
				if err := os.WriteFile(base+".txt", r.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(base+".truth.json", append(truth, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// runOnScore counts the figures of one template's fixtures, and the rows
// that print them: all, and those left unplaced because several splits of
// their figures fit.
type runOnScore struct {
	printed, found, unplaced int
	rows, undecided          map[string]bool // by file and row label
}

func TestRunOnFixtures(t *testing.T) {
	if *updateRunOn {
		writeRunOnFixtures(t)
	}
	files, err := filepath.Glob(filepath.Join(runOnDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s: %v", runOnDir, err)
	}
	scores := map[string]*runOnScore{}
	for _, f := range files {
		truth := readRunOnTruth(t, strings.TrimSuffix(f, ".txt")+".truth.json")
		if scores[truth.Template] == nil {
			scores[truth.Template] = &runOnScore{rows: map[string]bool{}, undecided: map[string]bool{}}
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			scoreRunOn(t, f, truth, scores[truth.Template])
		})
	}
	for _, tpl := range runOnTemplates {
		s := scores[tpl]
		if s == nil {
			t.Errorf("no fixture of %s", tpl)
			continue
		}
		recall := float64(s.found) / float64(s.printed)
		t.Logf("%s: %d of %d figures read (recall %.3f), %d in rows unplaced because several splits fit; %d of %d rows undecided",
			tpl, s.found, s.printed, recall, s.unplaced, len(s.undecided), len(s.rows))
		if recall < runOnRecall[tpl] {
			t.Errorf("%s: recall %.3f, below the %.3f reached before", tpl, recall, runOnRecall[tpl])
		}
	}
}

func readRunOnTruth(t *testing.T, name string) runOnTruth {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var truth runOnTruth
	if err := json.Unmarshal(b, &truth); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return truth
}

// scoreRunOn parses one fixture and checks every figure: read right, or in
// a row unplaced with a reason; never wrong, never invented.
func scoreRunOn(t *testing.T, file string, truth runOnTruth, s *runOnScore) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(filepath.Base(file), data)
	if err != nil {
		t.Fatal(err)
	}
	want := gongkai.TemplateLegacy
	if truth.Template != synth.TemplateFujian {
		want = truth.Template
	}
	if r.Template != want {
		t.Errorf("template %s, want %s", r.Template, want)
	}
	got := map[string]gongkai.Observation{}
	for _, o := range r.Observations {
		key := o.Indicator + "/" + o.Breakdown
		if _, printed := truth.Figures[key]; !printed && !hasFlag(o, gongkai.FlagDerived) && !hasFlag(o, gongkai.FlagBlank) {
			t.Errorf("%s = %s invented: the report prints no such figure (row %q)", key, show(o.Value), o.Label)
		}
		got[key] = o
	}
	before := *s
	defer func() { t.Logf("%d of %d figures read", s.found-before.found, s.printed-before.printed) }()
	keys := make([]string, 0, len(truth.Figures))
	for k := range truth.Figures {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, key := range keys {
		v := truth.Figures[key]
		s.printed++
		row := file + "|" + strings.Split(key, "/")[0] // a row is an indicator, its columns breakdowns
		s.rows[row] = true
		if o, ok := got[key]; ok {
			if o.Value == nil || *o.Value != v {
				t.Errorf("%s = %s, want %v (row %q)", key, show(o.Value), v, truth.Rows[key])
				continue
			}
			s.found++
			continue
		}
		u, ok := unplacedRow(r, truth.Rows[key])
		switch {
		case !ok:
			t.Errorf("%s (row %q, %v) neither read nor unplaced", key, truth.Rows[key], v)
		case splitRefusal.MatchString(u.Reason) && !splitsNamed.MatchString(u.Reason):
			t.Errorf("%s (row %q): a split refused without the splits that fit: %s", key, truth.Rows[key], u.Reason)
		case splitRefusal.MatchString(u.Reason):
			s.unplaced++
			s.undecided[row] = true
			fallthrough
		default:
			t.Logf("%s (%v) unplaced: %s", key, v, u.Reason)
		}
	}
}

// A reason that refuses to split a run of figures names how many splits
// fit (none, one of several, the choices the column sums leave), or what
// in the run is no figure.
var (
	splitRefusal = regexp.MustCompile(`run together|split`)
	splitsNamed  = regexp.MustCompile(`\d+ splits|no split|choices|not a run of digits|next row's number, \d+ or \d+`)
)

// unplacedRow finds the unplaced row printed with label: its key holds the
// label's, or the label holds its. Table 4 prints its figures under no label
// of their own: the row unplaced is then the table's (行政复议、行政诉讼).
func unplacedRow(r *gongkai.Report, printed string) (gongkai.Unplaced, bool) {
	want := label.Parse(printed).Key
	for _, u := range r.Unplaced {
		got := label.Parse(u.Label).Key
		switch {
		case u.Reason == "":
		case want == "" && (strings.Contains(got, "行政复议") || strings.Contains(got, "行政诉讼")):
			return u, true
		case want != "" && got != "" && (strings.Contains(got, want) || strings.Contains(want, got)):
			return u, true
		}
	}
	return gongkai.Unplaced{}, false
}
