package check

import (
	"reflect"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest"
	"github.com/gongkai/gongkai/synth"
)

// TestApplyInTwoHalves: ApplyWithin then ApplyAcross give a report the
// results, in the same order, and the flags that Apply gives it, on the
// synth reports of four publishers over twelve years, each checked against
// its year before.
func TestApplyInTwoHalves(t *testing.T) {
	rules := rules(t)
	c, err := synth.New(synth.Options{Reports: 48, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	parse := func(i int) *gongkai.Report {
		f, err := c.Report(i)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ingest.Parse(f.Name, f.Data)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	var across, failed int
	for i := range c.Len() {
		var prev *gongkai.Report
		if i%12 > 0 { // file i is publisher i/12's report of year 2014 + i%12
			prev = parse(i - 1)
		}
		whole, halves := parse(i), parse(i)
		want := Apply(whole, rules, prev)
		ApplyWithin(halves, rules)
		got := ApplyAcross(halves, rules, prev)
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(halves, whole) {
			t.Fatalf("%s: in two halves %d results, flags differ or not; Apply %d", whole.FileName, len(got), len(want))
		}
		for _, r := range want {
			if !isWithin(ruleByID(t, rules, r.Rule)) && r.Status != StatusSkipped {
				across++
			}
			if r.Status == StatusFail {
				failed++
			}
		}
	}
	if across == 0 || failed == 0 {
		t.Fatalf("the corpus tests too little: %d results across years, %d failed", across, failed)
	}
}

func ruleByID(t *testing.T, rules []catalog.Rule, id string) *catalog.Rule {
	t.Helper()
	for i := range rules {
		if rules[i].ID == id {
			return &rules[i]
		}
	}
	t.Fatalf("no rule %s", id)
	return nil
}
