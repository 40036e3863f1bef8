// Package check evaluates the consistency rules of the catalogue on a
// report: its table against its own arithmetic (a total and its parts, a 其中
// row and its parent, the identities printed on the 2019 form), against the
// same publisher's report of the year before, and against the figures its
// narrative states. It knows nothing of the database.
//
// A blank cell is not a zero: a rule with a blank or absent term is skipped,
// never failed, and the result says which term.
package check

import (
	"math"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
)

// Statuses of a result.
const (
	StatusPass    = "pass"
	StatusFail    = "fail"
	StatusSkipped = "skipped"
)

// AllBreakdowns is the breakdown of a result about a whole row of a
// two-dimensional table (a row_sum rule): every observation of the row is involved.
const AllBreakdowns = "*"

// Tolerance is the largest difference that still counts as equal: figures
// with decimals (万元) are rounded in print, counts are whole numbers.
const Tolerance = 0.005

// Run evaluates the rules that apply to r's template and returns one result
// per rule and breakdown (per row for row_sum rules, per statement found for
// narrative rules), in the order of the rules. previous is the same
// publisher's report of the year before, nil when none is stored: the rules
// across years are then skipped. Run does not modify r; see Mark and Apply.
func Run(r *gongkai.Report, rules []catalog.Rule, previous *gongkai.Report) []gongkai.Check {
	return run(r, rules, previous, func(*catalog.Rule) bool { return true }, nil)
}

// run is Run of the rules that keep selects, which read no figures but
// those of the indicators in only (nil: any).
func run(r *gongkai.Report, rules []catalog.Rule, previous *gongkai.Report, keep func(*catalog.Rule) bool, only map[string]bool) []gongkai.Check {
	if r == nil {
		return nil
	}
	e := &evaluator{t: index(r, only), r: r, names: names()}
	if previous != nil {
		e.prev = index(previous, only)
	}
	out := []gongkai.Check{}
	for i := range rules {
		rule := &rules[i]
		if !rule.AppliesTo(r.Template) || !keep(rule) {
			continue
		}
		switch rule.Kind {
		case catalog.KindRowSum:
			out = append(out, e.rowSums(rule)...)
		case catalog.KindPrevious:
			out = append(out, e.previousYear(rule)...)
		case catalog.KindNarrative:
			out = append(out, e.narrative(rule)...)
		default:
			out = append(out, e.arithmetic(rule)...)
		}
	}
	return out
}

// Apply runs the rules on r, stores the results in r.Checks, flags the
// observations of the failing ones (see Mark) and returns the results.
func Apply(r *gongkai.Report, rules []catalog.Rule, previous *gongkai.Report) []gongkai.Check {
	checks := Run(r, rules, previous)
	if r != nil {
		r.Checks = checks
		Mark(r, checks, rules)
	}
	return checks
}

// ApplyWithin is the first half of Apply: it runs the rules that read r
// alone (every rule but those across years), stores their results in
// r.Checks and flags r's observations. ApplyAcross is the second half.
// The two in turn give r what Apply gives it, so that the larger half can
// run where the report of the year before is not at hand yet: the ingest
// runs it on another core while the single writer stores the reports
// before r.
func ApplyWithin(r *gongkai.Report, rules []catalog.Rule) []gongkai.Check {
	if r == nil {
		return nil
	}
	r.Checks = run(r, rules, nil, isWithin, nil)
	Mark(r, r.Checks, rules)
	return r.Checks
}

// ApplyAcross is the second half of Apply, after ApplyWithin: it runs the
// rules across years on r against previous (nil when none is stored),
// inserts their results among r.Checks in the order of the rules, flags
// r's observations and returns all of r's results.
func ApplyAcross(r *gongkai.Report, rules []catalog.Rule, previous *gongkai.Report) []gongkai.Check {
	if r == nil {
		return nil
	}
	// The rules across years read a few indicators of the two reports:
	// the tables of those alone are what the single writer builds.
	only := map[string]bool{}
	for i := range rules {
		if !isWithin(&rules[i]) {
			for _, code := range rules[i].Indicators() {
				only[code] = true
			}
		}
	}
	across := run(r, rules, previous, func(rule *catalog.Rule) bool { return !isWithin(rule) }, only)
	r.Checks = inRuleOrder(rules, r.Checks, across)
	Mark(r, across, rules)
	return r.Checks
}

// isWithin reports whether rule reads one report alone.
func isWithin(rule *catalog.Rule) bool { return rule.Kind != catalog.KindPrevious }

// inRuleOrder merges the results of the rules within a report (within)
// and across years (across), each in the order of rules, into the order
// Run gives: the results of each rule together, rule after rule.
func inRuleOrder(rules []catalog.Rule, within, across []gongkai.Check) []gongkai.Check {
	if len(across) == 0 {
		return within
	}
	out := make([]gongkai.Check, 0, len(within)+len(across))
	for i := range rules {
		from := &within
		if !isWithin(&rules[i]) {
			from = &across
		}
		n := 0
		for n < len(*from) && (*from)[n].Rule == rules[i].ID {
			n++
		}
		out = append(out, (*from)[:n]...)
		*from = (*from)[n:]
	}
	return append(append(out, within...), across...) // none left when every rule is in rules
}

// Mark adds gongkai.FlagCheckFailed to the observations of r that a failing
// result involves: the terms of the rule in the result's breakdown (the
// whole row for AllBreakdowns), or the table figure a narrative contradicts.
// The terms of the previous year's report are not r's and stay unflagged.
// Marking twice adds the flag once.
func Mark(r *gongkai.Report, checks []gongkai.Check, rules []catalog.Rule) {
	byID := map[string]*catalog.Rule{}
	for i := range rules {
		byID[rules[i].ID] = &rules[i]
	}
	involved := map[key]bool{}
	rows := map[string]bool{}
	for _, c := range checks {
		if c.Status != StatusFail {
			continue
		}
		codes := c.Indicators
		if rule := byID[c.Rule]; rule != nil && rule.Kind == catalog.KindPrevious {
			codes = nil
			for _, t := range rule.Whole {
				codes = append(codes, t.Code)
			}
		}
		for _, code := range codes {
			if c.Breakdown == AllBreakdowns {
				rows[code] = true
			} else {
				involved[key{code, breakdown(c.Breakdown)}] = true
			}
		}
	}
	for i := range r.Observations {
		o := &r.Observations[i]
		if !rows[o.Indicator] && !involved[key{o.Indicator, breakdown(o.Breakdown)}] {
			continue
		}
		if !contains(o.Flags, gongkai.FlagCheckFailed) {
			o.Flags = append(o.Flags, gongkai.FlagCheckFailed)
		}
	}
}

// ErrorFailed reports whether an error-severity result failed: the report
// contradicts its own arithmetic.
func ErrorFailed(checks []gongkai.Check) bool {
	for _, c := range checks {
		if c.Status == StatusFail && c.Severity == catalog.SeverityError {
			return true
		}
	}
	return false
}

// key addresses one figure of a table.
type key struct{ indicator, breakdown string }

// table is a report's figures by indicator and breakdown.
type table struct {
	obs        map[key]*gongkai.Observation
	breakdowns map[string][]string // indicator → its breakdowns in printed order
	indicators []string            // in printed order
	year       int
	template   string
}

// index makes the table of r's figures of the indicators in only (nil:
// all of them).
func index(r *gongkai.Report, only map[string]bool) *table {
	size := len(r.Observations)
	if only != nil {
		size = min(size, 4*len(only))
	}
	t := &table{obs: make(map[key]*gongkai.Observation, size), breakdowns: make(map[string][]string, size),
		year: r.Year, template: r.Template}
	for i := range r.Observations {
		o := &r.Observations[i]
		if only != nil && !only[o.Indicator] {
			continue
		}
		k := key{o.Indicator, breakdown(o.Breakdown)}
		if prev := t.obs[k]; prev != nil {
			if isLocal(prev) && isLocal(o) {
				t.obs[k] = sumLocal(prev, o)
			}
			continue // else the first printing of a figure counts
		}
		t.obs[k] = o
		if len(t.breakdowns[o.Indicator]) == 0 {
			t.indicators = append(t.indicators, o.Indicator)
		}
		t.breakdowns[o.Indicator] = append(t.breakdowns[o.Indicator], k.breakdown)
	}
	return t
}

// isLocal reports whether o is a row the national form lacks. Several such
// rows under one parent share one indicator code.
func isLocal(o *gongkai.Observation) bool { return contains(o.Flags, gongkai.FlagLocalRow) }

// sumLocal returns the figure of two local rows of one code together: the
// outcomes a report adds under one heading count together. It is blank when
// either is.
func sumLocal(a, b *gongkai.Observation) *gongkai.Observation {
	s := *a
	s.Value = nil
	if a.Value != nil && b.Value != nil {
		v := *a.Value + *b.Value
		s.Value = &v
	}
	return &s
}

func breakdown(b string) string {
	if b == "" {
		return gongkai.BreakdownTotal
	}
	return b
}

type evaluator struct {
	r     *gongkai.Report
	t     *table
	prev  *table // the previous year's report; nil without one
	names func(string) string
	sent  []string // the narrative's sentences, once split
}

// side is the evaluation of one side of a rule in one breakdown.
type side struct {
	value *float64 // nil when a term is blank or absent
	text  string   // "name v + name v = sum"
	skip  string   // why value is nil
}

// sum evaluates terms on t in breakdown bd; where names the table in messages
// ("" for the report itself, "the 2018 report" for the previous one).
func (e *evaluator) sum(t *table, terms []catalog.Term, bd, where string) side {
	var s side
	var parts []string
	total := 0.0
	for _, term := range terms {
		name := e.names(term.Code)
		o := t.obs[key{term.Code, bd}]
		sign := ""
		if term.Negative {
			sign = "− "
		}
		switch {
		case o == nil && term.Optional:
			continue
		case o == nil:
			parts = append(parts, sign+name+" (absent)")
			if s.skip == "" {
				s.skip = name + " is not in " + orReport(where)
			}
			continue
		case o.Value == nil:
			parts = append(parts, sign+name+" (blank)")
			if s.skip == "" {
				s.skip = name + " is blank in " + orReport(where) + " (a blank is not a zero)"
			}
			continue
		}
		parts = append(parts, sign+name+" "+num(*o.Value))
		if term.Negative {
			total -= *o.Value
		} else {
			total += *o.Value
		}
	}
	s.text = strings.Join(parts, " + ")
	s.text = strings.ReplaceAll(s.text, " + − ", " − ")
	if s.skip == "" {
		s.value = &total
		if len(parts) > 1 {
			s.text += " = " + num(total)
		}
	}
	if len(parts) == 0 {
		s.text = "(no term)"
	}
	return s
}

func orReport(where string) string {
	if where == "" {
		return "the report"
	}
	return where
}

// arithmetic evaluates a rule between figures of one report.
func (e *evaluator) arithmetic(rule *catalog.Rule) []gongkai.Check {
	var out []gongkai.Check
	for _, bd := range e.ruleBreakdowns(e.t, rule) {
		w := e.sum(e.t, rule.Whole, bd, "")
		p := e.sum(e.t, rule.Parts, bd, "")
		out = append(out, e.result(rule, bd, rule.Indicators(), w, p))
	}
	return out
}

// ruleBreakdowns returns the breakdowns a rule is evaluated in: the total
// alone, or for a per-breakdown rule every breakdown any of its terms has,
// in printed order.
func (e *evaluator) ruleBreakdowns(t *table, rule *catalog.Rule) []string {
	if !rule.PerBreakdown {
		return []string{gongkai.BreakdownTotal}
	}
	var list []string
	for _, code := range rule.Indicators() {
		for _, bd := range t.breakdowns[code] {
			if !contains(list, bd) {
				list = append(list, bd)
			}
		}
	}
	if len(list) == 0 {
		list = []string{gongkai.BreakdownTotal}
	}
	return list
}

// result compares the whole and the parts of a rule.
func (e *evaluator) result(rule *catalog.Rule, bd string, indicators []string, w, p side) gongkai.Check {
	c := gongkai.Check{Rule: rule.ID, Severity: rule.Severity, Breakdown: bd, Indicators: indicators,
		Expected: w.value, Actual: p.value}
	if w.skip != "" || p.skip != "" {
		c.Status = StatusSkipped
		c.Message = "skipped: " + firstOf(w.skip, p.skip)
		return c
	}
	ok := holds(rule.Kind, *w.value, *p.value)
	c.Status = StatusFail
	if ok {
		c.Status = StatusPass
	}
	switch rule.Kind {
	case catalog.KindSubset:
		c.Message = p.text + pick(ok, " ≤ ", " > ") + w.text
	case catalog.KindAtLeast:
		c.Message = p.text + pick(ok, " ≥ ", " < ") + w.text
	default:
		c.Message = w.text + pick(ok, " = ", " ≠ ") + p.text
	}
	return c
}

// holds reports whether whole and parts satisfy a rule of the kind.
func holds(kind string, whole, parts float64) bool {
	switch kind {
	case catalog.KindSubset:
		return parts <= whole+Tolerance
	case catalog.KindAtLeast:
		return parts >= whole-Tolerance
	}
	return math.Abs(whole-parts) <= Tolerance
}

// rowSums evaluates a row_sum rule on every row that has one of its part
// columns: the whole column equals the sum of the part columns.
func (e *evaluator) rowSums(rule *catalog.Rule) []gongkai.Check {
	var out []gongkai.Check
	for _, code := range e.t.indicators {
		has := false
		for _, term := range rule.Parts {
			if contains(e.t.breakdowns[code], term.Code) {
				has = true
				break
			}
		}
		if !has {
			continue
		}
		w := e.row(code, rule.Whole)
		p := e.row(code, rule.Parts)
		c := e.result(rule, AllBreakdowns, []string{code}, w, p)
		c.Message = e.names(code) + ": " + c.Message
		out = append(out, c)
	}
	return out
}

// row sums the columns of one row.
func (e *evaluator) row(code string, columns []catalog.Term) side {
	var s side
	var parts []string
	total := 0.0
	for _, col := range columns {
		o := e.t.obs[key{code, col.Code}]
		switch {
		case o == nil && col.Optional:
			continue
		case o == nil:
			parts = append(parts, col.Code+" (absent)")
			if s.skip == "" {
				s.skip = e.names(code) + " has no column " + col.Code
			}
			continue
		case o.Value == nil:
			parts = append(parts, col.Code+" (blank)")
			if s.skip == "" {
				s.skip = e.names(code) + " is blank in column " + col.Code + " (a blank is not a zero)"
			}
			continue
		}
		parts = append(parts, col.Code+" "+num(*o.Value))
		total += *o.Value
	}
	s.text = strings.Join(parts, " + ")
	if s.skip == "" {
		s.value = &total
		if len(parts) > 1 {
			s.text += " = " + num(total)
		}
	}
	return s
}

// previousYear evaluates a rule whose whole is read in this report and whose
// parts in the previous year's.
func (e *evaluator) previousYear(rule *catalog.Rule) []gongkai.Check {
	skip := func(why string) []gongkai.Check {
		return []gongkai.Check{{Rule: rule.ID, Severity: rule.Severity, Status: StatusSkipped,
			Breakdown: AllBreakdowns, Indicators: rule.Indicators(), Message: "skipped: " + why}}
	}
	last := e.t.year - 1
	if e.prev == nil {
		return skip("no report of " + strconv.Itoa(last) + " by the same publisher")
	}
	found := false
	for _, term := range rule.Parts {
		if len(e.prev.breakdowns[term.Code]) > 0 {
			found = true
		}
	}
	where := "the " + strconv.Itoa(e.prev.year) + " report"
	if !found {
		return skip(where + " (" + e.prev.template + ") has no " + e.names(rule.Parts[0].Code))
	}
	var out []gongkai.Check
	for _, bd := range e.ruleBreakdowns(e.t, rule) {
		w := e.sum(e.t, rule.Whole, bd, "")
		p := e.sum(e.prev, rule.Parts, bd, where)
		p.text = where + ": " + p.text
		out = append(out, e.result(rule, bd, rule.Indicators(), w, p))
	}
	return out
}

// names returns a function giving an indicator's Chinese name, or its code
// when the catalogue lacks it.
func names() func(string) string {
	c, err := catalog.Load()
	return func(code string) string {
		if err == nil {
			if ind, ok := c.Indicator(code); ok && ind.NameZh != "" {
				return ind.NameZh
			}
		}
		return code
	}
}

// num prints a figure without trailing zeros.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func pick(ok bool, yes, no string) string {
	if ok {
		return yes
	}
	return no
}

func firstOf(list ...string) string {
	for _, s := range list {
		if s != "" {
			return s
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
