package legacy

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/digitrun"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// A page whose text was taken with the table cells run together prints the
// statistics table on one line, each row its label, its unit and its
// figures with no separator: 主动公开文件数条294981916其中：1、政府网站公开数条2949819162、….
// unglue cuts that line into pipe rows (| label | unit | figures |) at the
// labels of the catalogue; a row's figures, when the header names several
// value columns, are split only where one split is possible (00 and 01 are;
// 294981916 under 本年度 | 历年累计 is not, and stays one cell, which leaves
// the row unplaced). The enumerator of the next row glued to the figures
// (…2949819162、政府公报公开数) is the number after that of the row before.

// minRunOnRunes is the length from which a line may hold a table run
// together: a row of any layout is far shorter.
const minRunOnRunes = 150

// runOnHeader matches the header of a table run together: 指标名称, the unit
// column, and the value columns (本年度 or <year>年度, 历年累计 …).
var runOnHeader = regexp.MustCompile(`(?:统计指标|指标名称)\s*(?:计量单位|单位)\s*((?:(?:\d{4}\s*年度?|本年度?|本期|历年累计|累计|统计数)\s*)+)`)

// valueHeader matches one value column heading in the header's run.
var valueHeader = regexp.MustCompile(`\d{4}\s*年度?|本年度?|本期|历年累计|累计|统计数`)

// unglue returns lines with a line that holds a table run together cut
// into its rows; other lines are returned as they are.
func unglue(lines []source.Line, cat *catalog.Catalog, isUnit func(string) bool) runOnTable {
	var out []source.Line
	var unplaced []gongkai.Unplaced
	split, refused := map[string]bool{}, map[string]string{}
	for _, l := range lines {
		if utf8.RuneCountInString(l.Text) < minRunOnRunes || strings.ContainsAny(l.Text, "|\t") {
			out = append(out, l)
			continue
		}
		loc := runOnHeader.FindStringSubmatchIndex(l.Text)
		if loc == nil {
			out = append(out, l)
			continue
		}
		if pre := strings.TrimSpace(l.Text[:loc[0]]); pre != "" {
			out = append(out, source.Line{N: l.N, Page: l.Page, Text: pre})
		}
		columns := valueHeader.FindAllString(l.Text[loc[2]:loc[3]], -1)
		out = append(out, source.Line{N: l.N, Page: l.Page, Text: "| 指标名称 | 计量单位 | " + strings.Join(columns, " | ") + " |"})
		rows, unknowns, rest := cutRows(l.Text[loc[1]:], labelKeys(cat), isUnit, columnKinds(columns, cat))
		for _, r := range rows {
			if r.split {
				split[r.cells[0]] = true
			}
			if r.refused != "" {
				refused[r.cells[0]] = r.refused
			}
		}
		for _, r := range rows {
			out = append(out, source.Line{N: l.N, Page: l.Page, Text: "| " + strings.Join(r.cells, " | ") + " |"})
		}
		for _, u := range unknowns {
			unplaced = append(unplaced, gongkai.Unplaced{Label: u[0], Cells: u[1:], Line: l.N,
				Reason: "a row run together with the others whose label no row of the form has"})
		}
		if rest = strings.TrimSpace(rest); rest != "" {
			out = append(out, source.Line{N: l.N, Page: l.Page, Text: rest})
		}
	}
	return runOnTable{lines: out, unplaced: unplaced, split: split, refused: refused}
}

// runOnTable is what unglue makes of the lines: the lines with the table
// cut into pipe rows, the rows whose label no row of the form has, and the
// labels of the rows whose figures were split from a run.
type runOnTable struct {
	lines    []source.Line
	unplaced []gongkai.Unplaced
	split    map[string]bool
	refused  map[string]string // why a row's run of figures was not split, by label
}

// cutRow is a row cut from a table run together: its cells, whether its
// figures were split from one run, and why not when they could not be.
type cutRow struct {
	cells   []string
	split   bool
	refused string
}

// labelKeys are the keys of the catalogue's row labels and their aliases.
func labelKeys(cat *catalog.Catalog) [][]rune {
	var out [][]rune
	for _, r := range cat.Legacy {
		for _, l := range append([]string{r.Label}, r.Aliases...) {
			if k := label.Key(l); utf8.RuneCountInString(k) >= 2 {
				out = append(out, []rune(k))
			}
		}
	}
	return out
}

// enumLead matches the numbering before a sub-row label: 其中：1、 or 2.
var enumLead = regexp.MustCompile(`^(?:其中[:：]?)?\d{1,2}[、.．]`)

// cutRows cuts the text after the header into pipe rows; it stops at a
// full stop or at text that is neither a label, a unit nor figures, and
// returns the rest. Rows whose label the catalogue does not name are
// returned apart, as their cells, to be reported unplaced.
func cutRows(text string, keys [][]rune, isUnit func(string) bool, columns []string) (rows []cutRow, unknowns [][]string, rest string) {
	rs := []rune(text)
	nextEnum := 1
	carry := "" // an enumerator cut off the figures of the row before
	i := 0
	for i < len(rs) {
		for i < len(rs) && unicode.IsSpace(rs[i]) {
			i++
		}
		if i >= len(rs) || rs[i] == '。' {
			return rows, unknowns, string(rs[i:])
		}
		start := i
		lead := carry
		carry = ""
		if m := enumLead.FindString(string(rs[i:min(len(rs), i+8)])); m != "" && lead == "" {
			lead = m
			i += utf8.RuneCountInString(m)
			if n, err := strconv.Atoi(strings.TrimRight(strings.TrimLeft(m, "其中:："), "、.．")); err == nil {
				nextEnum = n
			}
		} else if lead == "" {
			nextEnum = 0
		}
		end := labelEnd(rs, i, keys)
		unknown := end == i
		if unknown {
			end = unknownLabelEnd(rs, i, isUnit)
		}
		if end == i {
			return rows, unknowns, string(rs[start:])
		}
		// The numbers of the sub-rows are the variant's own, not the
		// national form's (2、政府公报公开数 is its 1.2.1): the row is
		// matched by its words, and only 其中 is kept.
		row := []string{subsetOnly(lead) + string(rs[i:end])}
		i = end
		if i < len(rs) {
			if u := string(rs[i]); isUnit(u) {
				row = append(row, u)
				i++
			}
		}
		j := i
		for j < len(rs) && (rs[j] >= '0' && rs[j] <= '9' || rs[j] == '.' && j+1 < len(rs) && rs[j+1] >= '0' && rs[j+1] <= '9') {
			j++
		}
		run := string(rs[i:j])
		if j < len(rs) && strings.ContainsRune("、.．", rs[j]) && nextEnum > 0 {
			// the next row's number, glued to this row's figures
			if n := strconv.Itoa(nextEnum + 1); strings.HasSuffix(run, n) && len(run) > len(n) {
				run = strings.TrimSuffix(run, n)
				carry = n + string(rs[j])
				j++
			}
		}
		figures, refused := splitFigures(run, columns)
		row = append(row, figures...)
		if unknown {
			// A label the catalogue does not know, cut only by the figures
			// after it: no row of the form is certain (信函、传真申请数 is
			// neither 信函申请数 nor 传真申请数).
			unknowns = append(unknowns, row)
		} else {
			rows = append(rows, cutRow{cells: row, split: len(figures) > 1, refused: refused})
		}
		if carry != "" {
			nextEnum++
		}
		i = j
	}
	return rows, unknowns, string(rs[i:])
}

// maxUnknownLabel is the longest label not in the catalogue that a row
// run together may have: longer text is prose.
const maxUnknownLabel = 30

// unknownLabelEnd is the end of a label the catalogue does not know: the
// text up to the unit and figures that follow it, when they follow soon.
func unknownLabelEnd(rs []rune, i int, isUnit func(string) bool) int {
	for j := i; j < len(rs) && j-i <= maxUnknownLabel; j++ {
		switch {
		case rs[j] == '。' || rs[j] == '，':
			return i
		case rs[j] >= '0' && rs[j] <= '9':
			if j > i+1 && isUnit(string(rs[j-1])) {
				return j - 1
			}
			return i
		}
	}
	return i
}

// subsetOnly keeps the 其中 of a sub-row's numbering, or nothing.
func subsetOnly(lead string) string {
	if strings.HasPrefix(lead, "其中") {
		return "其中："
	}
	return ""
}

// labelEnd is the end of the longest label key that matches at i, i when
// none does.
func labelEnd(rs []rune, i int, keys [][]rune) int {
	best := i
	for _, k := range keys {
		j, ok := i, true
		for n, c := range k {
			for n > 0 && j < len(rs) && strings.ContainsRune("、，,“”《》 ", rs[j]) {
				j++
			}
			if j >= len(rs) || rs[j] != c {
				ok = false
				break
			}
			j++
		}
		if ok && j > best {
			best = j
		}
	}
	return best
}

// columnKinds names each value column of a run-on header by its
// breakdown: the year's (total), 历年累计 (cumulative), or "".
func columnKinds(headers []string, cat *catalog.Catalog) []string {
	kinds := make([]string, len(headers))
	for i, h := range headers {
		k := label.Key(h)
		if yearColumn.MatchString(label.Squeeze(label.Fold(h))) {
			kinds[i] = gongkai.BreakdownTotal
			continue
		}
		for _, c := range cat.LegacyColumns {
			for _, l := range c.Labels {
				if label.Key(l) == k {
					kinds[i] = c.Breakdown
				}
			}
		}
	}
	return kinds
}

// splitFigures cuts a run of figures into the value columns when exactly
// one cut is possible (no figure of two digits or more starts with 0), or
// exactly one of the possible cuts keeps the year's figure at most the
// cumulative one (历年累计 counts every year up to this one). Otherwise it
// returns the run whole and the reason, which names the cuts that fit.
func splitFigures(run string, columns []string) ([]string, string) {
	if run == "" || len(columns) < 2 || strings.Contains(run, ".") {
		return []string{run}, ""
	}
	res, err := digitrun.Split(run, []digitrun.Group{{Cells: len(columns)}})
	if err != nil {
		return []string{run}, fmt.Sprintf("the figures %s cannot be split: %v", run, err)
	}
	if len(res.Splits) > 1 {
		res.Splits = slices.DeleteFunc(res.Splits, func(s []string) bool { return !cumulativeHolds(s, columns) })
	}
	parts, err := res.Unique()
	if err != nil {
		return []string{run}, fmt.Sprintf("%v under %d value columns; %s", err, len(columns), listSplits(res.Splits))
	}
	return parts, ""
}

// cumulativeHolds reports whether the year's figure of a split is at most
// its cumulative figure, when the columns print both.
func cumulativeHolds(split, columns []string) bool {
	year, cum := slices.Index(columns, gongkai.BreakdownTotal), slices.Index(columns, breakdownCumulative)
	if year < 0 || cum < 0 {
		return true
	}
	y, _ := strconv.ParseInt(split[year], 10, 64)
	c, _ := strconv.ParseInt(split[cum], 10, 64)
	return y <= c
}

// breakdownCumulative is the breakdown of 历年累计 (legacy_columns.csv).
const breakdownCumulative = "cumulative"

// maxListedSplits is how many of the splits that fit a reason names.
const maxListedSplits = 6

// listSplits prints the splits that fit, for a reason to name them.
func listSplits(splits [][]string) string {
	if len(splits) == 0 {
		return "the year's figure would exceed the cumulative one in every split"
	}
	var out []string
	for _, s := range splits[:min(len(splits), maxListedSplits)] {
		out = append(out, strings.Join(s, "|"))
	}
	if len(splits) > maxListedSplits {
		out = append(out, "…")
	}
	return "fitting: " + strings.Join(out, ", ")
}
