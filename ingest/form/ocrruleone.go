package form

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
)

// OCR of a page that prints the table's rules reads the rule before a
// cell as a 1 glued to the cell's figure as often as it reads it as a bar
// (| 5 or 15). Where the rule before a row's 总计 and the rule before one
// of its applicant cells both read so (其他 11 and 总计 15 for 1 and 5;
// 112 and 178 for 12 and 78, held-out prints of seed 2012), the row still
// adds up: the identity that confirms OCR's figures elsewhere cannot tell
// the two readings apart. In text that shows OCR's misreadings and prints
// the table's rules (bars glued to figures, printsRules), such a pair of
// table 3 is unplaced with both readings, unless
//   - the rule before one of the two figures stands apart from it as a
//     bar (`| 16`): that rule was read as a bar, so its figure's 1 is a
//     digit, and the other's, which must be dropped with it for the row to
//     add up, is too. A bar glued to the figure (`|16`) does not tell: OCR
//     reads one rule as a bar and a 1 (|1325 for 325; in the held-out
//     prints a glued bar stood before a rule's 1 about one time in five);
//   - both columns add up as printed, every term read (I3: the outcome
//     rows to （七）总计; I1: 一 and 二 to （七）总计 and 四): the 1s dropped,
//     neither would.
// Where the text prints no rules (OCR of a page whose rules were taken
// out, or drawn apart from the figures), a 1 is a digit.

// unplaceRuleOnes unplaces, in OCR text that prints the table's rules, the
// cell and the 总计 of a row of table 3 that both start with a 1 whose
// dropping leaves the row adding up as well, unless a bar stands apart
// before either on its line or both columns add up as printed.
func (r *reader) unplaceRuleOnes() {
	if r.misread == 0 || !r.tableLinesPrintRules() {
		return
	}
	rows := map[string][]int{}
	var order []string
	for i, o := range r.obs {
		if o.Value == nil || !strings.HasPrefix(o.Indicator, "requests.") || slices.Contains(o.Flags, gongkai.FlagDerived) {
			continue
		}
		if _, ok := rows[o.Indicator]; !ok {
			order = append(order, o.Indicator)
		}
		rows[o.Indicator] = append(rows[o.Indicator], i)
	}
	g, _ := r.table3Grid()
	drop := map[int]bool{}
	for _, ind := range order {
		total := slices.IndexFunc(rows[ind], func(i int) bool { return r.obs[i].Breakdown == gongkai.BreakdownTotal })
		if total < 0 {
			continue
		}
		t := rows[ind][total]
		dt, ok := ruleOne(r.obs[t].Raw)
		if !ok || r.ruleApart(r.obs[t]) {
			continue
		}
		for _, i := range rows[ind] {
			if i == t || drop[t] {
				continue
			}
			o := r.obs[i]
			if d, ok := ruleOne(o.Raw); !ok || d != dt || r.ruleApart(o) {
				continue
			}
			if r.columnAddsUp(g, ind, o.Breakdown) && r.columnAddsUp(g, ind, gongkai.BreakdownTotal) {
				continue
			}
			drop[i], drop[t] = true, true
			r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: o.Label, Line: o.Line, Cells: []string{o.Raw, r.obs[t].Raw},
				Reason: fmt.Sprintf("OCR text printing the table's rules: %s and its 总计 %s both start with a 1 that may be a rule (%s and %s add up as well): which is printed is not certain", o.Raw, r.obs[t].Raw, o.Raw[1:], r.obs[t].Raw[1:])})
		}
	}
	r.dropObservations(drop)
}

// ruleOne is what a figure loses when its leading 1 is dropped (15: 10),
// and whether it has one to drop: digits only, at least two.
func ruleOne(raw string) (float64, bool) {
	if len(raw) < 2 || raw[0] != '1' {
		return 0, false
	}
	whole, err1 := strconv.Atoi(raw)
	rest, err2 := strconv.Atoi(raw[1:])
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return float64(whole - rest), true
}

// tableLinesPrintRules reports whether the lines of the tables print their
// rules as bars glued to figures, on minRuledLines lines or more
// (printsRules, of the lines as first read).
func (r *reader) tableLinesPrintRules() bool {
	ruled := 0
	for _, text := range r.tableLines {
		if barGluedToFigure.MatchString(text) {
			ruled++
		}
	}
	return ruled >= minRuledLines
}

// ruleApart reports whether, on the line of an observation, the field
// printed as its figure stands after a bar that stands apart from it
// (`| 16`). Where the line ends in the form's seven figures the field is
// the one in the observation's column; else every field printed as the
// figure must so stand, and one must.
func (r *reader) ruleApart(o gongkai.Observation) bool {
	text, ok := r.tableLines[o.Line]
	if !ok {
		return false
	}
	apart := func(start int) bool {
		before := text[:start]
		spaced := strings.TrimRight(before, " ")
		return len(spaced) < len(before) && strings.HasSuffix(spaced, "|")
	}
	if tail := ruledTail(text); len(tail) == applicantColumns+1 {
		for c, col := range r.s.applications.templateColumns(gongkai.Template2019) {
			if col.key == o.Breakdown && c < len(tail) && text[tail[c].start:tail[c].end] == o.Raw {
				return apart(tail[c].start)
			}
		}
	}
	found := false
	for _, s := range fieldSpans(text) {
		if text[s[0]:s[1]] != o.Raw {
			continue
		}
		if !apart(s[0]) {
			return false
		}
		found = true
	}
	return found
}

// columnAddsUp reports whether the column key of table 3 adds up, every
// term read, in a sum the row of indicator is a term of: the outcome rows
// to （七）总计 (I3), or 一 and 二 to （七）总计 and 四 (I1). A figure
// whose leading 1 is a rule misread leaves its column short of adding up
// by as much (unless another misreading makes up for it).
func (r *reader) columnAddsUp(g grid3, indicator, key string) bool {
	if g == nil {
		return false
	}
	var id string
	for _, row := range r.s.rows[tableApplications] {
		if row.indicator == indicator {
			id = row.id
		}
	}
	balance := r.balanceRows()
	if slices.Contains(balance, id) && len(balance) == 4 {
		v := make([]float64, 4)
		read := true
		for k, b := range balance {
			x, ok := g[b][key]
			v[k], read = x, read && ok
		}
		if read && v[0]+v[1] == v[2]+v[3] {
			return true
		}
	}
	if id != balance[2] && !slices.Contains(r.outcomeLeaves(), id) {
		return false
	}
	sum, total, ok := r.outcomeSum(g, key)
	return ok && sum == total
}
