package db

import (
	"encoding/json"
	"strconv"
	"strings"
)

// where accumulates the conditions and arguments of a WHERE clause, so that a
// filter struct can be turned into SQL without string concatenation of values.
type where struct {
	conds []string
	args  []any
}

// add appends a condition with its arguments.
func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

// in appends "col IN (?, …)" for a non-empty list; one value is an equality.
func (w *where) in(col string, vals []string) {
	switch len(vals) {
	case 0:
	case 1:
		w.add(col+" = ?", vals[0])
	default:
		args := make([]any, len(vals))
		for i, v := range vals {
			args[i] = v
		}
		w.add(col+" IN ("+placeholders(len(vals))+")", args...)
	}
}

// indicators appends the condition that col, an indicator id, is the id of
// one of codes. The ids are looked up in the indicators table within the
// query: an uncorrelated subquery is a constant, which an index seeks like
// a bound value (migration 011).
func (w *where) indicators(col string, codes []string) {
	switch len(codes) {
	case 0:
	case 1:
		w.add(col+" = "+indicatorIDOf, codes[0])
	default:
		ids := &where{}
		ids.in("code", codes)
		w.add(col+" IN (SELECT id FROM indicators"+ids.String()+")", ids.args...)
	}
}

// indicatorIDOf is the id of the indicator whose code is bound to it.
const indicatorIDOf = "(SELECT id FROM indicators WHERE code = ?)"

// prefix appends a range condition selecting the values of col that start
// with p. Unlike LIKE 'p%', a range is served by an ordinary index.
func (w *where) prefix(col, p string) {
	if p == "" {
		return
	}
	w.add(col+" >= ? AND "+col+" < ?", p, prefixEnd(p))
}

// region appends the condition that o.publisher_id is a publisher of the
// division with code prefix p, read through the indexes that end with
// (publisher_id, year), in their order: observations need no copy of the
// division code, nor an index of it (migration 010).
func (w *where) region(p string) {
	if p == "" {
		return
	}
	w.add("o.publisher_id IN (SELECT id FROM publishers WHERE admin_code >= ? AND admin_code < ?)", p, prefixEnd(p))
}

// years appends the condition of a YearFilter on col.
func (w *where) years(col string, y YearFilter) {
	switch {
	case len(y.List) == 1:
		w.add(col+" = ?", y.List[0])
	case len(y.List) > 1:
		args := make([]any, len(y.List))
		for i, v := range y.List {
			args[i] = v
		}
		w.add(col+" IN ("+placeholders(len(y.List))+")", args...)
	case y.From != 0 && y.To != 0:
		w.add(col+" BETWEEN ? AND ?", y.From, y.To)
	case y.From != 0:
		w.add(col+" >= ?", y.From)
	case y.To != 0:
		w.add(col+" <= ?", y.To)
	}
}

// String returns " WHERE c1 AND c2 …", or "" without conditions.
func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// prefixEnd returns the smallest string greater than every string starting
// with p (p is ASCII: division codes are digits).
func prefixEnd(p string) string {
	b := []byte(p)
	b[len(b)-1]++
	return string(b)
}

// YearFilter selects years: a list (2015,2017), or a closed range From–To
// (either end may be open with 0). The zero value selects every year.
type YearFilter struct {
	List     []int
	From, To int
}

// IsZero reports whether y selects every year.
func (y YearFilter) IsZero() bool { return len(y.List) == 0 && y.From == 0 && y.To == 0 }

// jsonStrings decodes a JSON array of strings stored in a TEXT column.
// A malformed value decodes as empty: the column is written by this package.
func jsonStrings(s string) []string {
	var out []string
	if s != "" {
		_ = json.Unmarshal([]byte(s), &out)
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// quote returns s in double quotes for a user-facing message, shortened so
// that an absurd parameter does not come back whole.
func quote(s string) string {
	if r := []rune(s); len(r) > 64 {
		s = string(r[:64]) + "…"
	}
	return strconv.Quote(s)
}
