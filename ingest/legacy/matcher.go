package legacy

import (
	"strconv"
	"strings"

	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/label"
)

// matcher places printed labels on the rows of a template, using the section
// being read to tell repeated labels apart (被依法纠错数 under 四 and 五).
type matcher struct {
	rows    []catalog.Row
	keys    [][]label.Gram // label keys of each row: its label and aliases
	section []int          // index of each row's top-level ancestor
	ordinal []int          // 1-based position of each row among its siblings
	byID    map[string]int
	byGram  map[uint64][]int // rows whose keys hold a bigram: the only rows a label sharing none cannot fit
}

// newMatcher prepares the rows of a template for placing labels on them.
func newMatcher(rows []catalog.Row) *matcher {
	m := &matcher{rows: rows, byID: map[string]int{}}
	for i, r := range rows {
		m.byID[r.ID] = i
		keys := []label.Gram{label.NewGram(label.Key(r.Label))}
		for _, a := range r.Aliases {
			keys = append(keys, label.NewGram(label.Key(a)))
		}
		m.keys = append(m.keys, keys)
		top := i
		for rows[top].Parent != "" {
			top = m.byID[rows[top].Parent]
		}
		m.section = append(m.section, top)
		m.ordinal = append(m.ordinal, ordinalOf(rows, i))
	}
	m.byGram = map[uint64][]int{}
	for i, keys := range m.keys {
		for _, k := range keys {
			for _, g := range k.Grams {
				if rows := m.byGram[g]; len(rows) == 0 || rows[len(rows)-1] != i {
					m.byGram[g] = append(rows, i)
				}
			}
		}
	}
	return m
}

// ordinalOf is the number the form prints row i under: the last part of
// its ID (七、 for row 7, which a variant's row 6a printed before it does
// not move), or, for a row whose ID ends in a letter (3.3.4a, rows a 其中
// lists), its place among its siblings.
func ordinalOf(rows []catalog.Row, i int) int {
	id := rows[i].ID
	if n, err := strconv.Atoi(id[strings.LastIndex(id, ".")+1:]); err == nil {
		return n
	}
	n := 0
	for j := range i + 1 {
		if rows[j].Parent == rows[i].Parent {
			n++
		}
	}
	return n
}

// candidates marks the rows that share a bigram with k: every other row
// scores 0 (equal keys, one key inside another, and the Dice coefficient all
// need a shared bigram).
func (m *matcher) candidates(k label.Gram) []bool {
	out := make([]bool, len(m.rows))
	for _, g := range k.Grams {
		for _, i := range m.byGram[g] {
			out[i] = true
		}
	}
	return out
}

// match is the outcome of placing one label.
type match struct {
	row    int     // index into rows, -1 when unplaced
	score  float64 // similarity of the best candidate
	reason string  // why it is unplaced
}

// A label numbered other than the row it fits ((二) for the form's (一))
// fits it less well, so that a row numbered as printed wins: a printed
// variant of the wording (an alias) so numbered by this much, any other
// wording that is not exact by misnumbered.
const (
	misnumberedAlias = 0.7 // takes the best alias (1) below MatchThreshold
	misnumbered      = 0.9
)

// score is how well label l (whose key is k) fits row i, 0 when it cannot
// be that row. A label numbered other than the row ((二) for the form's
// (一)) fits it less well: an alternative wording so numbered does not fit
// at all, so that sibling rows of similar wording are never swapped.
func (m *matcher) score(l label.Label, k label.Gram, i int) float64 {
	top := m.rows[i].Parent == ""
	if lv := l.EnumLevel(); lv == 1 && !top || lv > 1 && top {
		return 0
	}
	best, alias := 0.0, false
	for j, rk := range m.keys[i] {
		if s := label.GramSimilarity(k, rk); s > best {
			best, alias = s, j > 0
		}
	}
	if o := l.Ordinal(); o > 0 && o != m.ordinal[i] {
		switch {
		case alias:
			best *= misnumberedAlias
		case best < 1:
			best *= misnumbered
		}
	}
	return best
}

// place finds the row of label l when the table is in section sec (index of
// a top-level row, -1 before the first) and the previous placed row is prev.
// Rows of the current section and top-level rows compete; a row of another
// section is taken only when no row anywhere else comes close, so a label
// printed in several sections is never placed outside its own.
func (m *matcher) place(l label.Label, sec, prev int) match {
	if l.Key == "" {
		return match{row: -1, reason: "empty label"}
	}
	type cand struct {
		i     int
		score float64
	}
	var local, all []cand
	k := label.NewGram(l.Key)
	for i, ok := range m.candidates(k) {
		if !ok {
			continue
		}
		s := m.score(l, k, i)
		if s < label.MatchThreshold-label.AmbiguityMargin {
			continue
		}
		all = append(all, cand{i, s})
		if m.rows[i].Parent == "" || m.section[i] == sec {
			local = append(local, cand{i, s})
		}
	}
	pick := func(cs []cand) (match, bool) {
		best, second := -1, -1
		for j, c := range cs {
			switch {
			case best < 0 || c.score > cs[best].score || c.score == cs[best].score && m.nearer(c.i, cs[best].i, prev):
				best, second = j, best
			case second < 0 || c.score > cs[second].score:
				second = j
			}
		}
		if best < 0 || cs[best].score < label.MatchThreshold {
			return match{row: -1}, false
		}
		if second >= 0 && cs[best].score-cs[second].score < label.AmbiguityMargin {
			return match{row: -1, score: cs[best].score, reason: "label fits rows " + m.rows[cs[best].i].ID +
				" and " + m.rows[cs[second].i].ID + " equally"}, true
		}
		return match{row: cs[best].i, score: cs[best].score}, true
	}
	if mt, ok := pick(local); ok {
		return mt
	}
	if mt, ok := pick(all); ok {
		if mt.row >= 0 && sec >= 0 && m.section[mt.row] != sec && m.repeated(mt.row) {
			return match{row: -1, score: mt.score, reason: "label is printed in several sections and this one is not in section " + m.rows[sec].ID}
		}
		return mt
	}
	return match{row: -1, reason: "no row of the form has this label"}
}

// nearer reports whether row a follows prev more closely than row b does, so
// that ties go to the row the form prints next.
func (m *matcher) nearer(a, b, prev int) bool {
	da, db := a-prev, b-prev
	if da <= 0 {
		da += len(m.rows)
	}
	if db <= 0 {
		db += len(m.rows)
	}
	return da < db
}

// repeated reports whether row i's label stands in more than one section.
func (m *matcher) repeated(i int) bool {
	for j := range m.rows {
		if j != i && m.section[j] != m.section[i] && m.keys[j][0].Key == m.keys[i][0].Key {
			return true
		}
	}
	return false
}
