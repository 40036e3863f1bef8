// Package region holds the Chinese administrative divisions of GB/T 2260
// (provinces, prefecture-level and county-level divisions with their 6-digit
// codes) and resolves the name of a report's publisher to its division.
//
// The table is embedded from divisions.csv (see README.md for its sources):
// the current divisions, plus those abolished or renamed since the end of
// 2007, flagged as obsolete.
package region

import (
	_ "embed"
	"encoding/csv"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed divisions.csv
var divisionsCSV string

// Division is one entry of GB/T 2260.
type Division struct {
	Code   string // "370403"
	Name   string // "薛城区"
	Level  string // "province", "prefecture", "county"
	Parent string // "370400", "" for provinces
	// Obsolete is set for a division abolished or renamed since 2007:
	// its code or its name is no longer in use.
	Obsolete bool
}

// rank orders the levels from the broadest (0) to the most specific (2).
var rank = map[string]int{"province": 0, "prefecture": 1, "county": 2}

type table struct {
	rows   []Division       // sorted by code, the current row of a code first
	byCode map[string]int   // code → its current row, else its first obsolete one
	byName map[string][]int // full name → rows
	short  map[string][]int // short name of a province (北京, 广西) → rows
	names  map[string][]string
	maxLen int // longest key of byName and short, in runes
}

var load = sync.OnceValue(func() *table {
	recs, err := csv.NewReader(strings.NewReader(divisionsCSV)).ReadAll()
	if err != nil {
		panic("region: divisions.csv: " + err.Error())
	}
	t := &table{
		byCode: map[string]int{},
		byName: map[string][]int{},
		short:  map[string][]int{},
		names:  map[string][]string{},
	}
	for _, r := range recs[1:] {
		d := Division{Code: r[0], Name: r[1], Level: r[2], Parent: r[3], Obsolete: r[4] == "1"}
		i := len(t.rows)
		t.rows = append(t.rows, d)
		if _, ok := t.byCode[d.Code]; !ok {
			t.byCode[d.Code] = i
		}
		t.byName[d.Name] = append(t.byName[d.Name], i)
		t.names[d.Code] = append(t.names[d.Code], d.Name)
		t.maxLen = max(t.maxLen, utf8.RuneCountInString(d.Name))
		if d.Level == "province" {
			s := shortName(d.Name)
			t.short[s] = append(t.short[s], i)
		}
	}
	return t
})

// shortName returns the name a province is commonly called by:
// 山东省 → 山东, 北京市 → 北京, 广西壮族自治区 → 广西, 香港特别行政区 → 香港.
func shortName(name string) string {
	for _, suffix := range []string{"壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "特别行政区", "省", "市"} {
		if s, ok := strings.CutSuffix(name, suffix); ok {
			return s
		}
	}
	return name
}

// ByCode returns the division with the given 6-digit code. For a code that
// was renamed, it returns the current name.
func ByCode(code string) (Division, bool) {
	t := load()
	i, ok := t.byCode[code]
	if !ok {
		return Division{}, false
	}
	return t.rows[i], true
}

// Divisions returns the current divisions (none abolished or renamed), in
// code order: provinces, then the prefectures and counties under each.
func Divisions() []Division {
	var out []Division
	for _, d := range load().rows {
		if !d.Obsolete {
			out = append(out, d)
		}
	}
	return out
}

// Ancestors returns the chain of divisions above code, nearest first:
// the prefecture (if any), then the province. It returns nil for a province
// or an unknown code.
func Ancestors(code string) []Division {
	var out []Division
	d, ok := ByCode(code)
	for ok && d.Parent != "" {
		d, ok = ByCode(d.Parent)
		if ok {
			out = append(out, d)
		}
	}
	return out
}

// match is a division name found in a publisher's name, at bytes [start,end).
type match struct {
	start, end int
	rows       []int
}

// find returns the division names occurring in s, leaving out those inside
// a longer one (城区 in 薛城区, 山东 in 山东省). Short names of provinces count
// only at the start of s, and not when they begin the name of a lower
// division (河南县, 海南州). Two-character names (和县, 城区, 南县) count only at
// the start of s or right after another name (马鞍山市和县), since elsewhere
// they are mostly the tail of something else (河南县).
func (t *table) find(s string) []match {
	var all []match
	for i := range s { // i walks rune boundaries
		j, n := i, 0
		for j < len(s) && n < t.maxLen {
			_, size := utf8.DecodeRuneInString(s[j:])
			j += size
			n++
			if rows, ok := t.byName[s[i:j]]; ok {
				all = append(all, match{i, j, rows})
			}
			if rows, ok := t.short[s[i:j]]; ok && i == 0 && !lowerSuffix(s[j:]) {
				all = append(all, match{i, j, rows})
			}
		}
	}
	var kept []match
	for _, m := range all {
		if !slices.ContainsFunc(all, func(o match) bool {
			return o.start <= m.start && m.end <= o.end && o.end-o.start > m.end-m.start
		}) {
			kept = append(kept, m)
		}
	}
	var out []match
	for _, m := range kept {
		if m.start == 0 || utf8.RuneCountInString(s[m.start:m.end]) > 2 ||
			slices.ContainsFunc(kept, func(o match) bool { return o.end == m.start }) {
			out = append(out, m)
		}
	}
	return out
}

// lowerSuffix reports whether rest starts with a character that ends the
// name of a prefecture or county.
func lowerSuffix(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune("市州县旗盟", r)
}

// candidates returns the rows a match may stand for: the current divisions
// of that name, or the obsolete ones when no current division has it.
func (t *table) candidates(m match) []int {
	var cur, old []int
	for _, i := range m.rows {
		if t.rows[i].Obsolete {
			old = append(old, i)
		} else {
			cur = append(cur, i)
		}
	}
	if len(cur) > 0 {
		return cur
	}
	return old
}

// Resolve finds the division a publisher belongs to, from the publisher's name
// (e.g. "薛城区人民政府", "枣庄市薛城区人民政府办公室", "山东省人民政府", "北京市朝阳区人民政府",
// "薛城区政府信息和政务公开办公室") and optional context text (the report's whole text) used
// only to break ties between equal names (there are several 朝阳区, 城关区, 鼓楼区, 新华区 ...):
// prefer the candidate whose parent/grandparent names occur in the name first, then in the context.
// It returns ok=false when no division name occurs, or when a tie cannot be broken (never guess).
//
// Among the divisions named in the publisher, those contradicted by a
// broader division also named there but not among their ancestors are
// dropped (北京市朝阳区 is not 长春市's 朝阳区); of the rest, the most specific
// level wins. An obsolete division is considered only for a name that no
// consistent current division bears (襄樊市, 居巢区).
func Resolve(publisher, context string) (d Division, ok bool) {
	t := load()
	matches := t.find(strings.TrimSpace(publisher))
	named := map[string]bool{} // codes of every division named in publisher
	for _, m := range matches {
		for _, i := range m.rows {
			named[t.rows[i].Code] = true
		}
	}

	// Keep the candidates consistent with the broader names, at the most
	// specific level found.
	var best []int
	bestRank := -1
	for mi := range matches {
		for _, i := range t.consistentCandidates(mi, matches) {
			r := rank[t.rows[i].Level]
			switch {
			case r > bestRank:
				best, bestRank = []int{i}, r
			case r == bestRank && !slices.Contains(best, i):
				best = append(best, i)
			}
		}
	}

	// Break ties by the ancestors named in publisher, then in context.
	best = t.mostSupported(best, func(code string) bool { return named[code] })
	if len(best) > 1 && context != "" {
		best = t.mostSupported(best, func(code string) bool {
			for _, name := range t.names[code] {
				if strings.Contains(context, name) {
					return true
				}
			}
			return false
		})
	}
	if len(best) != 1 {
		return Division{}, false
	}
	return t.rows[best[0]], true
}

// consistentCandidates returns the candidates of matches[mi] that are
// consistent with the other matches; when no current division qualifies,
// the obsolete ones of that name are tried (长治市城区: 城区 of 长治市 was
// renamed in 2018, the current ones are in other prefectures).
func (t *table) consistentCandidates(mi int, matches []match) []int {
	var cur, old []int
	for _, i := range matches[mi].rows {
		if !t.consistent(i, mi, matches) {
			continue
		}
		if t.rows[i].Obsolete {
			old = append(old, i)
		} else {
			cur = append(cur, i)
		}
	}
	if len(cur) > 0 {
		return cur
	}
	return old
}

// consistent reports whether row i, found by match self, agrees with every
// other match made only of broader divisions: one of them must be its
// ancestor.
func (t *table) consistent(i, self int, matches []match) bool {
	anc := map[string]bool{}
	for _, a := range Ancestors(t.rows[i].Code) {
		anc[a.Code] = true
	}
	r := rank[t.rows[i].Level]
	for mi, m := range matches {
		if mi == self {
			continue
		}
		broader, related := true, false
		for _, j := range t.candidates(m) {
			broader = broader && rank[t.rows[j].Level] < r
			related = related || anc[t.rows[j].Code]
		}
		if broader && !related {
			return false
		}
	}
	return true
}

// mostSupported keeps the rows having the most ancestors for which has is
// true.
func (t *table) mostSupported(rows []int, has func(code string) bool) []int {
	if len(rows) < 2 {
		return rows
	}
	var out []int
	top := -1
	for _, i := range rows {
		n := 0
		for _, a := range Ancestors(t.rows[i].Code) {
			if has(a.Code) {
				n++
			}
		}
		switch {
		case n > top:
			out, top = []int{i}, n
		case n == top:
			out = append(out, i)
		}
	}
	return out
}
