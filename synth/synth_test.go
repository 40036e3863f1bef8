package synth

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/check"
	"github.com/gongkai/gongkai/ingest"
)

// sampleSize is how many reports of a corpus the tests parse: every
// format and layout of every template comes up among them.
var sampleSize = flag.Int("synth.sample", 150, "how many reports of a corpus the tests parse")

func TestCorpusParses(t *testing.T) {
	c, err := New(Options{Reports: *sampleSize, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	rules := catalog.MustRules()
	formats := map[string]int{}
	broken := 0
	for i := range c.Len() {
		want, err := c.Report(i)
		if err != nil {
			t.Fatal(err)
		}
		formats[want.Template+" "+want.Format]++
		got, err := ingest.Parse(want.Name, want.Data)
		if err != nil {
			t.Errorf("%s: %v", want.Name, err)
			continue
		}
		if msg := compare(want, got); msg != "" {
			t.Errorf("%s: %s", want.Name, msg)
			continue
		}
		failed := failingIdentities(got, rules)
		switch {
		case want.Broken == "" && len(failed) > 0:
			t.Errorf("%s: identities fail: %v", want.Name, failed)
		case want.Broken != "" && len(failed) == 0:
			t.Errorf("%s: %s was changed, yet every identity holds", want.Name, want.Broken)
		}
		if want.Broken != "" {
			broken++
		}
	}
	for _, tpl := range []string{gongkai.TemplateLegacy, gongkai.Template2019, gongkai.Template2021} {
		layouts := formLayouts
		if tpl == gongkai.TemplateLegacy {
			layouts = legacyLayouts
		}
		for _, f := range append(layoutNames(layouts), "html", "docx") {
			if formats[tpl+" "+f] == 0 {
				t.Errorf("no %s report printed as %s among %d", tpl, f, c.Len())
			}
		}
	}
	if broken == 0 || broken > c.Len()/4 {
		t.Errorf("%d of %d reports broken, want about a tenth", broken, c.Len())
	}
}

// compare returns what differs between the report synth wrote and the
// report parsed from it, "" when nothing does.
func compare(want *Report, got *gongkai.Report) string {
	var b bytes.Buffer
	if got.Template != want.Template || got.Year != want.Year || got.Publisher.AdminCode != want.AdminCode ||
		got.Publisher.NameZh != want.Publisher {
		fmt.Fprintf(&b, "read %s %d %s (%s), wrote %s %d %s (%s); ", got.Template, got.Year, got.Publisher.NameZh,
			got.Publisher.AdminCode, want.Template, want.Year, want.Publisher, want.AdminCode)
	}
	for _, u := range got.Unplaced {
		fmt.Fprintf(&b, "unplaced line %d %q %v: %s; ", u.Line, u.Label, u.Cells, u.Reason)
	}
	read := map[string]bool{}
	for _, o := range got.Observations {
		key := o.Indicator + "/" + o.Breakdown
		v, ok := want.Figures[key]
		if !ok {
			continue // derived by the parser, printed nowhere
		}
		read[key] = true
		if o.Value == nil || *o.Value != v {
			fmt.Fprintf(&b, "%s = %q, wrote %v; ", key, o.Raw, v)
		}
	}
	for key := range want.Figures {
		if !read[key] {
			fmt.Fprintf(&b, "%s not read; ", key)
		}
	}
	return b.String()
}

// failingIdentities runs the error rules of the table (not the narrative,
// not the years before) on r and returns those that fail.
func failingIdentities(r *gongkai.Report, rules []catalog.Rule) []string {
	var out []string
	for _, c := range check.Run(r, rules, nil) {
		if c.Status == check.StatusFail && c.Severity == catalog.SeverityError {
			out = append(out, c.Rule+" "+c.Breakdown+": "+c.Message)
		}
	}
	return out
}

// TestSameSeedSameFiles writes a corpus twice with one seed and once with
// another: the first two are the same files byte for byte, the third not.
func TestSameSeedSameFiles(t *testing.T) {
	write := func(seed uint64) map[string]string {
		c, err := New(Options{Reports: 40, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		if n, err := c.Write(context.Background(), dir); err != nil || n != 40 {
			t.Fatalf("Write: %d files, %v", n, err)
		}
		files := map[string]string{}
		err = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			b, err := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			files[rel] = string(b)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	a, b, other := write(7), write(7), write(8)
	if len(a) != 40 {
		t.Fatalf("%d files, want 40", len(a))
	}
	for name, content := range a {
		if b[name] != content {
			t.Errorf("%s differs between two corpora of seed 7", name)
		}
	}
	same := 0
	for name, content := range a {
		if other[name] == content {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d files of seed 7 are also files of seed 8", same)
	}
}

func TestTooManyReports(t *testing.T) {
	if _, err := New(Options{Reports: 100_000_000}); err == nil {
		t.Error("New accepted 100 million reports")
	}
}

// TestZeros makes a corpus as sparse as published tables are: most of its
// figures are 0, every identity still holds (but in the broken reports),
// and every file parses to the figures it prints.
func TestZeros(t *testing.T) {
	c, err := New(Options{Reports: 48, Seed: 3, Zeros: 0.7})
	if err != nil {
		t.Fatal(err)
	}
	rules := catalog.MustRules()
	zeros, all := 0, 0
	for i := range c.Len() {
		want, err := c.Report(i)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range want.Figures {
			all++
			if v == 0 {
				zeros++
			}
		}
		got, err := ingest.Parse(want.Name, want.Data)
		if err != nil {
			t.Errorf("%s: %v", want.Name, err)
			continue
		}
		if msg := compare(want, got); msg != "" {
			t.Errorf("%s: %s", want.Name, msg)
		}
		if failed := failingIdentities(got, rules); want.Broken == "" && len(failed) > 0 {
			t.Errorf("%s: identities fail: %v", want.Name, failed)
		}
	}
	// Sums of zeros are zeros; a sum of parts of which one is not is not.
	if share := float64(zeros) / float64(all); share < 0.5 {
		t.Errorf("%d of %d figures are 0 (%.2f), fewer than half with Zeros 0.7", zeros, all, share)
	}
	for _, z := range []float64{-0.1, 1, 2} {
		if _, err := New(Options{Reports: 1, Zeros: z}); err == nil {
			t.Errorf("New accepted a share of zeros of %g", z)
		}
	}
}
