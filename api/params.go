package api

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/db"
)

// Bounds on parameters, so that no request can ask for an unbounded query.
const (
	maxListValues = 100 // values of a comma-separated list
	maxTextLength = 100 // characters of a search string
	minYear       = 1990
	maxYear       = 2100
	defaultLimit  = 100
	maxLimit      = 1000
)

// params reads the query parameters of a request strictly: an unknown
// parameter, a repeated one, or a malformed value is an error naming it.
// Like bufio.Scanner, it keeps the first error; the handler checks err once
// after reading every parameter.
type params struct {
	c   echo.Context
	err error
}

// formatParams are accepted by every collection: the representation.
var formatParams = []string{"format", "bom", "lang"}

// newParams checks that the request has no parameter but the allowed ones,
// each at most once.
func newParams(c echo.Context, allowed ...string) *params {
	p := &params{c: c}
	if err := checkRawQuery(c.Request().URL.RawQuery); err != nil {
		p.fail(err)
		return p
	}
	q := c.QueryParams()
	names := make([]string, 0, len(q))
	for name := range q {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		switch {
		case !slices.Contains(allowed, name) && len(allowed) == 0:
			p.fail(invalidParam(name, "unknown parameter; this resource takes no parameters"))
		case !slices.Contains(allowed, name):
			p.fail(invalidParam(name, "unknown parameter; this resource takes %s", strings.Join(allowed, ", ")))
		case len(q[name]) > 1:
			p.fail(invalidParam(name, "given %d times; give it once, with several values separated by commas where it takes a list", len(q[name])))
		}
	}
	return p
}

// checkRawQuery finds the pairs of a query that Go's parser would drop
// silently (a semicolon, a bad escape), so that they are refused instead
// of ignored.
func checkRawQuery(raw string) error {
	for pair := range strings.SplitSeq(raw, "&") {
		key, value, _ := strings.Cut(pair, "=")
		name, kerr := url.QueryUnescape(key)
		if kerr != nil {
			name = key
		}
		_, verr := url.QueryUnescape(value)
		switch {
		case strings.Contains(pair, ";"):
			return invalidParam(name, "contains a semicolon; separate parameters with & and values with commas")
		case kerr != nil || verr != nil:
			return invalidParam(name, "malformed percent-encoding")
		}
	}
	return nil
}

func (p *params) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}

// get returns the raw value of a parameter, "" when absent.
func (p *params) get(name string) string { return p.c.QueryParam(name) }

// text returns a free-text parameter, bounded in length.
func (p *params) text(name string) string {
	v := strings.TrimSpace(p.get(name))
	if utf8.RuneCountInString(v) > maxTextLength {
		p.fail(invalidParam(name, "longer than %d characters", maxTextLength))
	}
	return v
}

// codePattern is the shape of codes and ids: indicator and unit codes,
// publisher ids, breakdowns.
var codePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

// code returns a parameter holding one code, "" when absent.
func (p *params) code(name, what string) string {
	v := p.get(name)
	if v != "" && !codePattern.MatchString(v) {
		p.fail(invalidParam(name, "%s is not a%s code: letters, digits, '.', '_' and '-'", quote(v), what))
	}
	return v
}

// codes returns a comma-separated list of codes, nil when absent.
func (p *params) codes(name, what string) []string {
	v := p.get(name)
	if v == "" {
		return nil
	}
	list := strings.Split(v, ",")
	if len(list) > maxListValues {
		p.fail(invalidParam(name, "more than %d values", maxListValues))
		return nil
	}
	seen := map[string]bool{}
	out := list[:0]
	for _, c := range list {
		c = strings.TrimSpace(c)
		if !codePattern.MatchString(c) {
			p.fail(invalidParam(name, "%s is not a%s code; give one or several separated by commas", quote(c), what))
			return nil
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// oneOf returns a parameter that takes one of the given values, def when absent.
func (p *params) oneOf(name, def string, values ...string) string {
	v := p.get(name)
	if v == "" {
		return def
	}
	if !slices.Contains(values, v) {
		p.fail(invalidParam(name, "%s is not accepted; give %s", quote(v), strings.Join(values, " or ")))
		return def
	}
	return v
}

// oneOfList returns a comma-separated list of values taken from a fixed set.
func (p *params) oneOfList(name string, values ...string) []string {
	list := p.codes(name, "")
	for _, v := range list {
		if !slices.Contains(values, v) {
			p.fail(invalidParam(name, "%s is not accepted; give %s (several separated by commas)", quote(v), strings.Join(values, ", ")))
			return nil
		}
	}
	return list
}

// boolean returns a true/false parameter.
func (p *params) boolean(name string) bool {
	return p.oneOf(name, "false", "true", "false") == "true"
}

// integer returns a positive integer parameter, def when absent.
func (p *params) integer(name string, def, lo, hi int) int {
	v := p.get(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		p.fail(invalidParam(name, "%s is not accepted; give an integer from %d to %d", quote(v), lo, hi))
		return def
	}
	return n
}

// region returns a division code prefix: 2 to 6 digits.
func (p *params) region(name string) string {
	v := p.get(name)
	if v != "" && !regionPattern.MatchString(v) {
		p.fail(invalidParam(name, "%s is not a division code prefix; give 2 to 6 digits of a GB/T 2260 code (37: 山东省, 3704: 枣庄市, 370403: 薛城区)", quote(v)))
		return ""
	}
	return v
}

var regionPattern = regexp.MustCompile(`^[0-9]{2,6}$`)

// years parses 2017, 2015:2019 (either end may be left open: 2015:) or
// 2015,2017.
func (p *params) years(name string) db.YearFilter {
	v := p.get(name)
	if v == "" {
		return db.YearFilter{}
	}
	bad := func() db.YearFilter {
		p.fail(invalidParam(name, "%s is not accepted; give a year (2017), a range (2015:2019, 2015:, :2019) or a list (2015,2017), years %d–%d", quote(v), minYear, maxYear))
		return db.YearFilter{}
	}
	year := func(s string) (int, bool) {
		n, err := strconv.Atoi(s)
		return n, err == nil && n >= minYear && n <= maxYear && len(s) == 4
	}
	if from, to, ok := strings.Cut(v, ":"); ok {
		var y db.YearFilter
		var ok1, ok2 = true, true
		if from != "" {
			y.From, ok1 = year(from)
		}
		if to != "" {
			y.To, ok2 = year(to)
		}
		if !ok1 || !ok2 || y.IsZero() || y.From != 0 && y.To != 0 && y.From > y.To {
			return bad()
		}
		return y
	}
	parts := strings.Split(v, ",")
	if len(parts) > maxListValues {
		return bad()
	}
	var y db.YearFilter
	for _, s := range parts {
		n, ok := year(strings.TrimSpace(s))
		if !ok {
			return bad()
		}
		if !slices.Contains(y.List, n) {
			y.List = append(y.List, n)
		}
	}
	return y
}

// id returns a path parameter holding a report id.
func (p *params) reportID(name string) int64 {
	v := p.c.Param(name)
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		p.fail(&gongkai.Error{Code: gongkai.ENOTFOUND, Message: fmt.Sprintf("no report with id %s: report ids are positive integers", quote(v))})
	}
	return n
}

// templates are the codes a template parameter accepts.
var templates = []string{gongkai.TemplateLegacy, gongkai.Template2019, gongkai.Template2021}

// quote returns s quoted for a message, shortened.
func quote(s string) string {
	if r := []rune(s); len(r) > 64 {
		s = string(r[:64]) + "…"
	}
	return strconv.Quote(s)
}
