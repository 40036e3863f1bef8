package check

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
)

// narrative compares every figure that a pattern of the rule finds in the
// report's narrative with the table's figure for the same indicator. Each
// statement found is one result, carrying its sentence as evidence; a
// narrative that states nothing gives no result.
func (e *evaluator) narrative(rule *catalog.Rule) []gongkai.Check {
	code := rule.Whole[0].Code
	name := e.names(code)
	o := e.t.obs[key{code, gongkai.BreakdownTotal}]
	var out []gongkai.Check
	seen := map[string]bool{}
	for _, sentence := range e.sentences() {
		for _, p := range rule.Patterns {
			if p.Literal != "" && !strings.Contains(sentence, p.Literal) {
				continue
			}
			for _, m := range p.Regexp.FindAllStringSubmatch(sentence, -1) {
				var v float64
				if p.Value != nil {
					v = *p.Value
				} else if n, ok := ParseNumber(m[1]); ok {
					v = n
				} else {
					continue
				}
				k := sentence + "\x00" + num(v)
				if seen[k] {
					continue
				}
				seen[k] = true
				c := gongkai.Check{Rule: rule.ID, Severity: rule.Severity, Breakdown: gongkai.BreakdownTotal,
					Indicators: []string{code}, Actual: &v, Evidence: sentence}
				switch {
				case o == nil:
					c.Status = StatusSkipped
					c.Message = "skipped: the narrative says " + num(v) + ", the table has no " + name
				case o.Value == nil:
					c.Status = StatusSkipped
					c.Message = "skipped: the narrative says " + num(v) + ", " + name + " is blank in the table"
				default:
					c.Expected = o.Value
					if holds(catalog.KindEqual, *o.Value, v) {
						c.Status = StatusPass
						c.Message = "narrative " + num(v) + " = table " + num(*o.Value) + ": " + name
					} else {
						c.Status = StatusFail
						c.Message = "narrative " + num(v) + " ≠ table " + num(*o.Value) + ": " + name
					}
				}
				out = append(out, c)
			}
		}
	}
	return out
}

// sentences returns the sentences of the report's narrative, split once.
func (e *evaluator) sentences() []string {
	if e.sent == nil {
		e.sent = []string{}
		for _, s := range e.r.Sections {
			e.sent = append(e.sent, Sentences(s.Text)...)
		}
	}
	return e.sent
}

// Sentences splits a narrative into sentences, each with its closing mark
// (。！？；), trimmed of space.
func Sentences(text string) []string {
	var out []string
	start := 0
	emit := func(end int) {
		if s := strings.TrimSpace(text[start:end]); s != "" {
			out = append(out, s)
		}
		start = end
	}
	for i, r := range text {
		switch r {
		case '。', '！', '？', '；', '!', '?', ';':
			emit(i + utf8.RuneLen(r))
		case '\n', '\r':
			emit(i)
		}
	}
	emit(len(text))
	return out
}

var chineseDigits = map[rune]float64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

var chineseUnits = map[rune]float64{'十': 10, '百': 100, '千': 1000}

// ParseNumber reads a figure as narratives print it: 16, 1,234, 8734,
// full-width ８７３４, 1.2万, 3千, or in Chinese numerals (十六, 一百零五,
// 两万三千). It reports false for anything else.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		case r == ',':
		default:
			b.WriteRune(r)
		}
	}
	s = b.String()
	if s[0] >= '0' && s[0] <= '9' {
		factor := 1.0
		switch {
		case strings.HasSuffix(s, "万"):
			factor, s = 10000, strings.TrimSuffix(s, "万")
		case strings.HasSuffix(s, "千"):
			factor, s = 1000, strings.TrimSuffix(s, "千")
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return 0, false
		}
		return v * factor, true
	}
	return parseChinese(s)
}

// parseChinese reads Chinese numerals up to the 万s.
func parseChinese(s string) (float64, bool) {
	var total, section, digit float64
	lastDigit := false // a digit other than 零 waits for its unit
	first := true
	for _, r := range s {
		if d, ok := chineseDigits[r]; ok {
			if lastDigit {
				return 0, false // 一二: digit by digit, not a count
			}
			digit, lastDigit = d, d != 0
			first = false
			continue
		}
		if u, ok := chineseUnits[r]; ok {
			if first && u != 10 {
				return 0, false
			}
			if digit == 0 && u == 10 {
				digit = 1 // 十六 = 16
			}
			section += digit * u
			digit, lastDigit, first = 0, false, false
			continue
		}
		if r == '万' && !first {
			total += (section + digit) * 10000
			section, digit, lastDigit = 0, 0, false
			continue
		}
		return 0, false
	}
	return total + section + digit, !first
}
