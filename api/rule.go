package api

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
)

// The rules are served from the catalogue embedded in the binary, not from
// the database: they are reference data of the code, like the parser's
// templates, and the same catalogue validates the rule filter of
// /v1/checks. Their digest is part of every ETag (see buildKey).

// Rule is a consistency rule the checks apply: what a check's rule id means.
type Rule struct {
	ID string `json:"id" example:"legacy.requests.received.sum"`
	// Templates are the report templates the rule applies to.
	Templates []string `json:"templates" example:"legacy2014"`
	// Kind says how the two sides compare: sum (whole = parts added up), identity
	// (the sum of whole = the sum of parts, an identity printed on the form),
	// equal (two rows reporting the same quantity), subset (其中 rows: parts ≤ whole),
	// at_least (channels that each count an item once: parts ≥ whole), row_sum (on
	// every row, the whole column = the parts columns added up), previous_year
	// (whole in this report = parts in the same publisher's report of the year
	// before), narrative (the figure the report's own words state = the table's).
	Kind string `json:"kind" example:"sum" enums:"sum,identity,equal,subset,at_least,row_sum,previous_year,narrative"`
	// Severity is error for a broken identity of the form, warning for a plausibility rule.
	Severity string `json:"severity" example:"error" enums:"error,warning"`
	// PerBreakdown is true when the rule is evaluated once per breakdown
	// (column) of the table, false when on the total only.
	PerBreakdown bool `json:"per_breakdown" example:"false"`
	// Whole is one side of the rule: a total, the parent of a 其中 row, the
	// figure of the table a narrative states.
	Whole []RuleTerm `json:"whole"`
	// Parts is the other side; empty for a narrative rule.
	Parts []RuleTerm `json:"parts"`
	// Indicators are the codes of the indicators involved, whole first, as
	// the checks of the rule list them; empty for a row_sum rule, whose terms
	// are breakdowns.
	Indicators    []string `json:"indicators" example:"requests.received,requests.received.in_person"`
	DescriptionZh string   `json:"description_zh" example:"收到申请数等于当面、传真、网络、信函和其他形式申请数之和"`
	DescriptionEn string   `json:"description_en" example:"Applications received equal the applications received in person, by fax, online, by letter and in other forms together"`
	// Patterns are the wordings a narrative rule finds in the report's
	// sentences; empty for the rules of the tables.
	Patterns []RulePattern `json:"patterns"`
}

// RuleTerm is one term of a side of a rule.
type RuleTerm struct {
	// Code is an indicator code; in a row_sum rule, a breakdown (column) code.
	Code string `json:"code" example:"requests.received.other"`
	// Subtracted is true for a term taken away from its side rather than added.
	Subtracted bool `json:"subtracted" example:"false"`
	// Optional is true for a term left out when the report does not print
	// the row at all; a blank cell is never left out (the check is skipped).
	Optional bool `json:"optional" example:"true"`
}

// RulePattern is one wording of a figure in a report's narrative.
type RulePattern struct {
	// Pattern is the regular expression as written in the catalogue, {n}
	// standing for the number and its counting word.
	Pattern string `json:"pattern" example:"(?:未|没有)[^，。；,;：:]{0,24}?行政诉讼"`
	// Regexp is the expression matched, {n} spelled out.
	Regexp string `json:"regexp" example:"(?:未|没有)[^，。；,;：:]{0,24}?行政诉讼"`
	// Value is the figure a wording without a number states (未发生行政诉讼: 0);
	// null for a wording with {n}.
	Value *float64 `json:"value" example:"0" extensions:"x-nullable"`
}

// RuleList is the list of rules.
type RuleList struct {
	Data []Rule `json:"data"`
}

// ruleKinds are the values the kind parameter accepts.
var ruleKinds = []string{catalog.KindSum, catalog.KindIdentity, catalog.KindEqual, catalog.KindSubset,
	catalog.KindAtLeast, catalog.KindRowSum, catalog.KindPrevious, catalog.KindNarrative}

// rules are the catalogue's rules rendered once, in catalogue order
// (catalog/rules.csv, then catalog/narrative.csv).
var rules = sync.OnceValues(func() ([]Rule, error) {
	cat, err := catalog.Rules()
	if err != nil {
		return nil, err
	}
	out := make([]Rule, len(cat))
	for i := range cat {
		out[i] = ruleOf(&cat[i])
	}
	return out, nil
})

func ruleOf(r *catalog.Rule) Rule {
	out := Rule{ID: r.ID, Templates: nonNil(r.Templates), Kind: r.Kind, Severity: r.Severity,
		PerBreakdown: r.PerBreakdown, Whole: termsOf(r.Whole), Parts: termsOf(r.Parts),
		Indicators: nonNil(r.Indicators()), DescriptionZh: r.DescZh, DescriptionEn: r.DescEn,
		Patterns: make([]RulePattern, len(r.Patterns))}
	for i, p := range r.Patterns {
		out.Patterns[i] = RulePattern{Pattern: p.Source, Regexp: p.Regexp.String(), Value: p.Value}
	}
	return out
}

func termsOf(terms []catalog.Term) []RuleTerm {
	out := make([]RuleTerm, len(terms))
	for i, t := range terms {
		out[i] = RuleTerm{Code: t.Code, Subtracted: t.Negative, Optional: t.Optional}
	}
	return out
}

// formula writes a side of a rule as catalog/rules.csv does: a + b? - c.
func formula(terms []RuleTerm) string {
	var b strings.Builder
	for i, t := range terms {
		switch {
		case t.Subtracted && i == 0:
			b.WriteString("-")
		case t.Subtracted:
			b.WriteString(" - ")
		case i > 0:
			b.WriteString(" + ")
		}
		b.WriteString(t.Code)
		if t.Optional {
			b.WriteString("?")
		}
	}
	return b.String()
}

// rulesKey is a digest of the rules, so that a binary with other rules
// changes the ETags of answers from the same database.
func rulesKey() string {
	list, err := rules()
	b, _ := json.Marshal(list) // a []Rule always encodes
	if err != nil {
		b = []byte(err.Error())
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// listRules godoc
//
// @Summary      The consistency rules
// @Description  Every rule the checks apply, in catalogue order: the arithmetic of the tables (catalog/rules.csv), then the figures the narrative states (catalog/narrative.csv). The rule of a check in /v1/checks is the id of one of them. Filters combine with AND; a list (comma-separated) matches any of its values.
// @Description  CSV (format=csv or Accept: text/csv) writes whole and parts as catalog/rules.csv does: codes joined by + or -, an optional term suffixed with ?; a narrative rule's whole is its indicator, its wordings are in JSON only.
// @ID           listRules
// @Tags         checks
// @Produce      json
// @Produce      text/csv
// @Param        template  query     string  false  "Template the rule applies to, or several separated by commas (legacy2014, form2019, form2021)"  example(form2021)
// @Param        severity  query     string  false  "error or warning, or both separated by a comma"  example(error)
// @Param        kind      query     string  false  "Kind, or several separated by commas (sum, identity, equal, subset, at_least, row_sum, previous_year, narrative)"  example(sum)
// @Param        format    query     string  false  "Representation; CSV also with Accept: text/csv"  Enums(json, csv)
// @Param        bom       query     bool    false  "Start CSV with a byte order mark, for Excel"
// @Param        lang      query     string  false  "Language of the CSV description column"  Enums(zh, en)
// @Success      200       {object}  api.RuleList
// @Failure      400       {object}  api.Problem
// @Failure      429       {object}  api.Problem
// @Failure      500       {object}  api.Problem
// @Router       /v1/rules [get]
func (s *Server) listRules(c echo.Context) error {
	p := newParams(c, append([]string{"template", "severity", "kind"}, formatParams...)...)
	tmpls := p.oneOfList("template", templates...)
	severities := p.oneOfList("severity", checkSeverities...)
	kinds := p.oneOfList("kind", ruleKinds...)
	rep := p.representation()
	if p.err != nil {
		return p.err
	}
	all, err := rules()
	if err != nil {
		return err
	}
	match := func(r *Rule) bool {
		return (tmpls == nil || slices.ContainsFunc(r.Templates, func(t string) bool { return slices.Contains(tmpls, t) })) &&
			(severities == nil || slices.Contains(severities, r.Severity)) &&
			(kinds == nil || slices.Contains(kinds, r.Kind))
	}
	out := RuleList{Data: []Rule{}}
	for i := range all {
		if match(&all[i]) {
			out.Data = append(out.Data, all[i])
		}
	}
	if rep.csv {
		w := newCSV(c, rep, fileName(c, "rules", "template", "severity", "kind"),
			"id", "templates", "kind", "severity", "per_breakdown", "whole", "parts", "description")
		for _, r := range out.Data {
			per := "no"
			if r.PerBreakdown {
				per = "yes"
			}
			if err := w.row(r.ID, list(r.Templates), r.Kind, r.Severity, per, formula(r.Whole), formula(r.Parts),
				rep.label(r.DescriptionZh, r.DescriptionEn)); err != nil {
				return err
			}
		}
		return w.close()
	}
	return c.JSON(http.StatusOK, out)
}

// getRule godoc
//
// @Summary      One consistency rule
// @Description  The rule a check names: the templates it applies to, how its two sides compare, the indicators involved, its description in Chinese and English, and, for a narrative rule, the wordings it finds in the report's sentences.
// @ID           getRule
// @Tags         checks
// @Produce      json
// @Param        id   path      string  true  "Rule id"  example(legacy.proactive.channels.at_least)
// @Success      200  {object}  api.Rule
// @Failure      400  {object}  api.Problem
// @Failure      404  {object}  api.Problem  "No rule with this id"
// @Failure      429  {object}  api.Problem
// @Failure      500  {object}  api.Problem
// @Router       /v1/rules/{id} [get]
func (s *Server) getRule(c echo.Context) error {
	if p := newParams(c); p.err != nil {
		return p.err
	}
	all, err := rules()
	if err != nil {
		return err
	}
	id := c.Param("id")
	i := slices.IndexFunc(all, func(r Rule) bool { return r.ID == id })
	if i < 0 {
		return gongkai.Errorf(gongkai.ENOTFOUND, "no rule with id %s; the rules are listed at /v1/rules", quote(id))
	}
	return c.JSON(http.StatusOK, all[i])
}
