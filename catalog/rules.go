package catalog

import (
	"fmt"
	"io/fs"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"
	"sync"

	"github.com/gongkai/gongkai"
)

// The consistency rules are data, in two files a domain expert can edit:
//
// rules.csv holds the arithmetic of the tables, one rule a line:
//
//	id             stable name, e.g. legacy.requests.received.sum (results and the API filter on it)
//	templates      the templates it applies to, separated by |
//	kind           sum, identity, equal, subset, at_least, row_sum or previous_year (see the Kind constants)
//	severity       error (a broken identity) or warning (a plausibility rule)
//	per_breakdown  yes: evaluated once per breakdown (column) of the table; no: on the total only
//	whole, parts   the two sides, indicator codes joined by +; a code prefixed with - is
//	               subtracted; a code suffixed with ? is optional: left out when the report
//	               does not print the row at all (a blank cell is never left out)
//	description_zh, description_en
//
// narrative.csv holds the patterns that find, in the report's own words, a
// figure the table also gives: id, templates, indicator, unit (the counting
// words accepted after the number, separated by |), pattern (a regular
// expression in which {n} stands for the number and its unit) and value (for
// a pattern without {n} that states a figure in words, such as 未发生行政复议
// for 0).
//
// Every code is checked against the catalogue when the rules are loaded: a
// rule naming an unknown indicator is an error, not a rule that never fails.

// Rule kinds. Whole and Parts are sums of their terms.
const (
	KindSum      = "sum"           // whole = Σ parts: a total and the rows under it
	KindIdentity = "identity"      // Σ whole = Σ parts: an identity printed on the form (I1)
	KindEqual    = "equal"         // whole = parts: two rows that report the same quantity
	KindSubset   = "subset"        // parts ≤ whole: 其中 rows
	KindAtLeast  = "at_least"      // Σ parts ≥ whole: channels that count an item once each
	KindRowSum   = "row_sum"       // on every row: the whole column = Σ the parts columns (whole, parts are breakdowns)
	KindPrevious = "previous_year" // whole (this report) = parts (the same publisher's report of the year before)
	// KindNarrative rules compare a figure the narrative states with the table
	// (Whole holds the one indicator, Patterns the wordings).
	KindNarrative = "narrative"
)

// Severities of rules and of their results.
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// Rule is one consistency rule of a template.
type Rule struct {
	ID           string
	Templates    []string
	Kind         string
	Severity     string
	PerBreakdown bool
	Whole        []Term
	Parts        []Term
	DescZh       string
	DescEn       string
	Patterns     []Pattern // narrative rules only
}

// Term is one indicator (or, in a row_sum rule, one breakdown) of a side of a rule.
type Term struct {
	Code     string
	Negative bool // subtracted from its side
	Optional bool // left out when the report has no such row at all
}

// Pattern is one wording of a figure in a narrative.
type Pattern struct {
	Source string         // as written in narrative.csv
	Regexp *regexp.Regexp // with one group, the number, unless Value is set
	Value  *float64       // the figure a pattern without a number states
	// Literal is a text every match contains ("" if none is known), so that
	// sentences without it are passed over without running the expression.
	Literal string
}

// AppliesTo reports whether the rule applies to reports of the template.
func (r *Rule) AppliesTo(template string) bool {
	for _, t := range r.Templates {
		if t == template {
			return true
		}
	}
	return false
}

// Indicators returns the indicator codes of the rule, whole first; none for
// a row_sum rule, whose terms are breakdowns.
func (r *Rule) Indicators() []string {
	if r.Kind == KindRowSum {
		return nil
	}
	var codes []string
	for _, t := range append(append([]Term{}, r.Whole...), r.Parts...) {
		if !contains(codes, t.Code) {
			codes = append(codes, t.Code)
		}
	}
	return codes
}

// Number is the regular expression that {n} stands for in narrative.csv:
// Arabic digits (full-width too, with thousands separators and decimals,
// optionally in 万 or 千) or Chinese numerals (十六).
const Number = `([0-9０-９]+(?:,[0-9]{3})*(?:\.[0-9]+)?(?:万|千)?|[零〇一二两三四五六七八九十百千万]+)`

// ruleFiles are the files of table rules, loaded in order.
var ruleFiles = []string{"rules.csv"}

var loadRules = sync.OnceValues(func() ([]Rule, error) {
	c, err := Load()
	if err != nil {
		return nil, err
	}
	return c.parseRules(files, ruleFiles, "narrative.csv")
})

// Rules returns the embedded consistency rules: those of rules.csv, then
// those of narrative.csv. It fails only if a file is malformed or names an
// unknown code, which the tests rule out.
func Rules() ([]Rule, error) { return loadRules() }

// MustRules is Rules for callers that cannot proceed without the rules.
func MustRules() []Rule {
	r, err := Rules()
	if err != nil {
		panic(err)
	}
	return r
}

// templates are the template codes rules may name.
var templates = []string{gongkai.TemplateLegacy, gongkai.Template2019, gongkai.Template2021}

var kinds = []string{KindSum, KindIdentity, KindEqual, KindSubset, KindAtLeast, KindRowSum, KindPrevious}

// parseRules reads the table rules of tableFiles, then the narrative rules
// of narrativeFile, and checks every code against c.
func (c *Catalog) parseRules(fsys fs.FS, tableFiles []string, narrativeFile string) ([]Rule, error) {
	var rules []Rule
	seen := map[string]bool{}
	for _, name := range tableFiles {
		err := readCSV(fsys, name, func(r record) error {
			rule, err := c.tableRule(r)
			if err != nil {
				return err
			}
			if seen[rule.ID] {
				return fmt.Errorf("rule %s: id used twice", rule.ID)
			}
			seen[rule.ID] = true
			rules = append(rules, rule)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	narrative := map[string]int{} // id → index in rules
	err := readCSV(fsys, narrativeFile, func(r record) error {
		rule, err := c.narrativeRule(r)
		if err != nil {
			return err
		}
		if i, ok := narrative[rule.ID]; ok {
			prev := &rules[i]
			if prev.Whole[0].Code != rule.Whole[0].Code || strings.Join(prev.Templates, "|") != strings.Join(rule.Templates, "|") {
				return fmt.Errorf("rule %s: each line of one id must name the same indicator and templates", rule.ID)
			}
			prev.Patterns = append(prev.Patterns, rule.Patterns...)
			return nil
		}
		if seen[rule.ID] {
			return fmt.Errorf("rule %s: id used twice", rule.ID)
		}
		seen[rule.ID] = true
		narrative[rule.ID] = len(rules)
		rules = append(rules, rule)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return rules, nil
}

func (c *Catalog) tableRule(r record) (Rule, error) {
	rule := Rule{ID: r.get("id"), Kind: r.get("kind"), Severity: r.get("severity"),
		DescZh: r.get("description_zh"), DescEn: r.get("description_en")}
	if rule.ID == "" {
		return rule, fmt.Errorf("a rule has no id")
	}
	fail := func(format string, args ...any) (Rule, error) {
		return rule, fmt.Errorf("rule %s: %s", rule.ID, fmt.Sprintf(format, args...))
	}
	var err error
	if rule.Templates, err = parseTemplates(r.get("templates")); err != nil {
		return fail("%v", err)
	}
	if !contains(kinds, rule.Kind) {
		return fail("kind %q: want one of %s", rule.Kind, strings.Join(kinds, ", "))
	}
	if rule.Severity != SeverityError && rule.Severity != SeverityWarning {
		return fail("severity %q: want error or warning", rule.Severity)
	}
	switch per := r.get("per_breakdown"); per {
	case "yes":
		rule.PerBreakdown = true
	case "no", "":
	default:
		return fail("per_breakdown %q: want yes or no", per)
	}
	if rule.Whole, err = parseTerms(r.get("whole")); err != nil {
		return fail("whole: %v", err)
	}
	if rule.Parts, err = parseTerms(r.get("parts")); err != nil {
		return fail("parts: %v", err)
	}
	if rule.DescZh == "" || rule.DescEn == "" {
		return fail("a description in Chinese and in English is required")
	}
	for _, t := range append(append([]Term{}, rule.Whole...), rule.Parts...) {
		if rule.Kind == KindRowSum {
			if !c.knownBreakdown(t.Code) {
				return fail("unknown breakdown %q", t.Code)
			}
			continue
		}
		if _, ok := c.Indicator(t.Code); !ok {
			return fail("unknown indicator %q", t.Code)
		}
	}
	return rule, nil
}

func (c *Catalog) narrativeRule(r record) (Rule, error) {
	rule := Rule{ID: r.get("id"), Kind: KindNarrative, Severity: SeverityWarning}
	fail := func(format string, args ...any) (Rule, error) {
		return rule, fmt.Errorf("rule %s: %s", rule.ID, fmt.Sprintf(format, args...))
	}
	if rule.ID == "" {
		return rule, fmt.Errorf("a rule has no id")
	}
	var err error
	if rule.Templates, err = parseTemplates(r.get("templates")); err != nil {
		return fail("%v", err)
	}
	code := r.get("indicator")
	ind, ok := c.Indicator(code)
	if !ok {
		return fail("unknown indicator %q", code)
	}
	rule.DescZh = "报告正文所述" + ind.NameZh + "应与统计表一致"
	rule.DescEn = "The figure the narrative gives for " + ind.NameZh + " (" + ind.NameEn + ") equals the table's"
	rule.Whole = []Term{{Code: code}}
	p := Pattern{Source: r.get("pattern")}
	expr := p.Source
	if v := r.get("value"); v != "" {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return fail("value %q: %v", v, err)
		}
		p.Value = &f
		if strings.Contains(expr, "{n}") {
			return fail("a pattern with a value states no number: remove {n} or the value")
		}
	} else {
		if strings.Count(expr, "{n}") != 1 {
			return fail("pattern %q: want {n} exactly once", expr)
		}
		unit := r.get("unit")
		if unit == "" {
			return fail("no unit: the counting words after the number (件|起)")
		}
		expr = strings.Replace(expr, "{n}", Number+`\s*(?:`+unit+`)`, 1)
	}
	if p.Regexp, err = regexp.Compile(expr); err != nil {
		return fail("pattern %q: %v", p.Source, err)
	}
	p.Literal = requiredLiteral(expr)
	if p.Value == nil && p.Regexp.NumSubexp() != 1 {
		return fail("pattern %q: use (?:…) for groups: only {n} may capture", p.Source)
	}
	if p.Value != nil && p.Regexp.NumSubexp() != 0 {
		return fail("pattern %q: use (?:…) for groups", p.Source)
	}
	rule.Patterns = []Pattern{p}
	return rule, nil
}

// requiredLiteral returns the longest literal text that every match of expr
// contains: the longest literal among the terms of its top-level
// concatenation.
func requiredLiteral(expr string) string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return ""
	}
	re = re.Simplify()
	terms := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		terms = re.Sub
	}
	best := ""
	for _, t := range terms {
		if t.Op == syntax.OpLiteral && t.Flags&syntax.FoldCase == 0 && len(string(t.Rune)) > len(best) {
			best = string(t.Rune)
		}
	}
	return best
}

// knownBreakdown reports whether some indicator of the catalogue is broken
// down by code (the total always is).
func (c *Catalog) knownBreakdown(code string) bool {
	if code == gongkai.BreakdownTotal {
		return true
	}
	for _, ind := range c.Indicators {
		if contains(ind.Breakdowns, code) {
			return true
		}
	}
	return false
}

func parseTemplates(s string) ([]string, error) {
	if s == "" {
		return nil, fmt.Errorf("no template")
	}
	list := strings.Split(s, "|")
	for i, t := range list {
		list[i] = strings.TrimSpace(t)
		if !contains(templates, list[i]) {
			return nil, fmt.Errorf("template %q: want one of %s", t, strings.Join(templates, ", "))
		}
	}
	return list, nil
}

// parseTerms reads "a + b? - c".
func parseTerms(s string) ([]Term, error) {
	var terms []Term
	t := Term{}
	word := strings.Builder{}
	flush := func() error {
		code := strings.TrimSpace(word.String())
		word.Reset()
		if strings.HasSuffix(code, "?") {
			t.Optional, code = true, strings.TrimSpace(strings.TrimSuffix(code, "?"))
		}
		if code == "" {
			return fmt.Errorf("a term is empty in %q", s)
		}
		t.Code = code
		terms = append(terms, t)
		t = Term{}
		return nil
	}
	for i, r := range s {
		switch {
		case r == '-' && i == 0 || r == '-' && strings.TrimSpace(s[:i]) == "":
			t.Negative = true
		case r == '+' || r == '-':
			if err := flush(); err != nil {
				return nil, err
			}
			t.Negative = r == '-'
		default:
			word.WriteRune(r)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return terms, nil
}
