package synth

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
)

// figures are the values of a report's slots.
type figures map[slot]float64

// breakdownWeight is the share of a table's applicants each column has:
// most applicants of disclosure requests are natural persons.
var breakdownWeight = map[string]float64{
	"natural_person":        1,
	"commercial_enterprise": 0.2,
	"research_institution":  0.03,
	"public_interest_org":   0.03,
	"legal_service_org":     0.08,
	"other_org":             0.05,
}

// fixPasses is how often the identities are enforced in turn: a sum feeds
// the identity that uses it as a part, and the reverse, so one pass is not
// enough; three settle every template's chains.
const fixPasses = 3

// newFigures draws the figures of a report of sk for a publisher whose
// counts are about size, each drawn as 0 with probability zeros, then makes
// them satisfy the template's rules.
func newFigures(rng *rand.Rand, sk *skeleton, size, zeros float64, rules []catalog.Rule) figures {
	cat := catalog.MustLoad()
	f := figures{}
	for _, s := range sk.slots {
		// A zero is drawn before the figure, and only when asked for, so
		// that a corpus of no extra zeros is the same as before they were.
		if zeros > 0 && rng.Float64() < zeros {
			f[s] = 0
			continue
		}
		f[s] = draw(rng, cat, s, size)
	}
	var errs, warnings []catalog.Rule
	for _, r := range rules {
		if !r.AppliesTo(sk.template) {
			continue
		}
		if r.Severity == catalog.SeverityError {
			errs = append(errs, r)
		} else {
			warnings = append(warnings, r)
		}
	}
	for range fixPasses {
		f.enforce(rng, errs)
	}
	// Plausibility rules hold where they do not contradict an identity,
	// which is enforced last.
	f.enforce(rng, warnings)
	f.enforce(rng, errs)
	return f
}

// draw is a random figure of slot s: counts spread like real ones (many
// small, a few large), amounts in 万元 with two decimals, changes signed.
func draw(rng *rand.Rand, cat *catalog.Catalog, s slot, size float64) float64 {
	w := 1.0
	if bw, ok := breakdownWeight[s.Breakdown]; ok {
		w = bw
	}
	v := size * w * rng.ExpFloat64()
	switch {
	case strings.HasSuffix(s.Indicator, "_change"):
		return float64(rng.IntN(7) - 3)
	case unitOf(cat, s.Indicator) == "wan_yuan":
		return math.Round(v*100) / 100
	}
	return math.Round(v)
}

func unitOf(cat *catalog.Catalog, code string) string {
	if ind, ok := cat.Indicator(code); ok {
		return ind.Unit
	}
	return ""
}

// enforce changes figures so that each rule holds, in the order given.
func (f figures) enforce(rng *rand.Rand, rules []catalog.Rule) {
	for i := range rules {
		r := &rules[i]
		if r.Kind == catalog.KindRowSum {
			f.rowSum(r)
			continue
		}
		for _, bd := range f.breakdowns(r) {
			f.hold(rng, r, bd)
		}
	}
}

// breakdowns are those a rule is evaluated on: every column printed for
// its indicators when it holds per breakdown, else the total.
func (f figures) breakdowns(r *catalog.Rule) []string {
	if !r.PerBreakdown {
		return []string{gongkai.BreakdownTotal}
	}
	var out []string
	for _, code := range r.Indicators() {
		for s := range f {
			if s.Indicator == code && !slices.Contains(out, s.Breakdown) {
				out = append(out, s.Breakdown)
			}
		}
	}
	slices.Sort(out)
	return out
}

// hold makes rule r hold on breakdown bd, changing the one figure the kind
// of rule makes the dependent one.
func (f figures) hold(rng *rand.Rand, r *catalog.Rule, bd string) {
	whole, parts := f.sum(r.Whole, bd), f.sum(r.Parts, bd)
	switch r.Kind {
	case catalog.KindSum, catalog.KindEqual:
		// The whole is the total of the rows under it.
		f.set(r.Whole[0], bd, parts)
	case catalog.KindIdentity:
		// The last part (carried forward) balances the identity; a
		// shortfall is received, not a negative count.
		last := r.Parts[len(r.Parts)-1]
		rest := parts - f.get(last, bd)
		if v := whole - rest; v >= 0 {
			f.set(last, bd, v)
		} else {
			f.set(last, bd, 0)
			f.set(r.Whole[0], bd, f.get(r.Whole[0], bd)-v)
		}
	case catalog.KindSubset:
		for _, t := range r.Parts {
			if f.get(t, bd) > whole {
				f.set(t, bd, math.Floor(whole*rng.Float64()))
			}
		}
	case catalog.KindAtLeast:
		if parts < whole && len(r.Parts) > 0 {
			f.set(r.Parts[0], bd, f.get(r.Parts[0], bd)+whole-parts)
		}
	}
}

// rowSum makes the whole column of every row the sum of the parts columns.
func (f figures) rowSum(r *catalog.Rule) {
	total := r.Whole[0].Code
	for s := range f {
		if s.Breakdown != total {
			continue
		}
		sum, found := 0.0, false
		for _, p := range r.Parts {
			if v, ok := f[slot{s.Indicator, p.Code}]; ok {
				sum += v
				found = true
			}
		}
		if found {
			f[s] = sum
		}
	}
}

// sum adds the terms of a side of a rule on breakdown bd.
func (f figures) sum(terms []catalog.Term, bd string) float64 {
	total := 0.0
	for _, t := range terms {
		v := f.get(t, bd)
		if t.Negative {
			v = -v
		}
		total += v
	}
	return total
}

func (f figures) get(t catalog.Term, bd string) float64 { return f[slot{t.Code, bd}] }

// set changes a figure the report prints; one it does not print stays unprinted.
func (f figures) set(t catalog.Term, bd string, v float64) {
	if _, ok := f[slot{t.Code, bd}]; ok {
		f[slot{t.Code, bd}] = math.Round(v*100) / 100
	}
}

// breakOne adds a small error to one figure that an identity of the form
// involves, as a mistyped cell would; it returns the slot changed.
func (f figures) breakOne(rng *rand.Rand, sk *skeleton, rules []catalog.Rule) slot {
	var candidates []slot
	for _, s := range sk.slots {
		if involved(s, sk.template, rules) {
			candidates = append(candidates, s)
		}
	}
	s := candidates[rng.IntN(len(candidates))]
	f[s] += float64(1 + rng.IntN(9))
	return s
}

// involved reports whether an identity (a sum, an equation of the form, not
// a 其中 bound) of template involves slot s, so that changing it breaks one.
func involved(s slot, template string, rules []catalog.Rule) bool {
	for i := range rules {
		r := &rules[i]
		if !r.AppliesTo(template) || r.Severity != catalog.SeverityError {
			continue
		}
		if r.Kind != catalog.KindSum && r.Kind != catalog.KindIdentity {
			continue
		}
		if !r.PerBreakdown && s.Breakdown != gongkai.BreakdownTotal {
			continue
		}
		if slices.Contains(r.Indicators(), s.Indicator) {
			return true
		}
	}
	return false
}
