package legacy

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/label"
)

// A run of figures under 本年度 | 历年累计 that several splits fit
// (主动公开文件数条294981916: 2|94981916, 29|4981916, 294|981916,
// 2949|81916) is settled, when it can be, by what the rest of the table
// and the report say of it, never by guess:
//
//   - the rows of a 其中 are parts of the row before it: each of their
//     figures is at most the row's own, column by column, and the parts
//     the catalogue counts as distinct summands of it (当面, 网上,
//     信函、传真申请数 of 受理依申请公开信息总数) add up to at most it. A split
//     that stands in no reading of the 其中 meeting these bounds is
//     dropped; a row left with one split takes it (split_by_arithmetic);
//   - the report's own text may state the year's figure of the row's
//     indicator, worded as the row's label in the catalogue (主动公开政府信息
//     2949条 for 主动公开政府信息数, the row 主动公开文件数 prints). Only as a
//     confirmation: when exactly one split left gives a figure the text
//     states, the row takes it (split_by_narrative); when none or several
//     do, the row stays unplaced and the reason says so.

// settle splits the rows of every table whose runs several splits fit,
// where the 其中 bounds or the report's text single one out.
func (t *runOnTable) settle(cat *catalog.Catalog) {
	if len(t.tables) == 0 {
		return
	}
	text := t.narrativeText()
	for _, tb := range t.tables {
		s := newSettler(cat, tb)
		s.bound()
		t.take(tb, s, false)
		if s.narrate(cat, text, t.refused) {
			s.bound()
			t.take(tb, s, true)
		}
	}
}

// narrativeText is the report's text outside its tables, folded: the lines
// that are not pipe rows.
func (t *runOnTable) narrativeText() string {
	var b strings.Builder
	for _, l := range t.lines {
		if !strings.HasPrefix(l.Text, "|") {
			b.WriteString(label.Fold(l.Text))
			b.WriteString("\n")
		}
	}
	return b.String()
}

// take rewrites the rows of tb the settler decided: their pipe rows get
// the split's figures, and the split is no longer refused.
func (t *runOnTable) take(tb runOnRows, s *settler, byNarrative bool) {
	for i, r := range tb.rows {
		if r.splits == nil || s.taken[i] || len(s.cands[i]) != 1 {
			continue
		}
		s.taken[i] = true
		cells := append(append([]string(nil), r.cells[:len(r.cells)-1]...), s.cands[i][0]...)
		t.lines[tb.lines[i]].Text = pipeRow(cells)
		delete(t.refused, r.cells[0])
		t.split[r.cells[0]] = true
		if byNarrative {
			t.narrative[r.cells[0]] = true
		}
	}
}

// settler weighs the splits of the rows of one table.
type settler struct {
	cat     *catalog.Catalog
	catRows []catalog.Row
	rows    []cutRow
	columns []string
	cands   [][][]string // each row's splits still possible; nil when its figures are not known
	parent  []int        // the row a 其中 row is part of, -1 for none
	taken   []bool
}

func newSettler(cat *catalog.Catalog, tb runOnRows) *settler {
	s := &settler{cat: cat, catRows: cat.Legacy, rows: tb.rows, columns: tb.columns, cands: make([][][]string, len(tb.rows)),
		parent: subsetParents(tb.rows), taken: make([]bool, len(tb.rows))}
	for i, r := range tb.rows {
		switch {
		case r.splits != nil:
			s.cands[i] = r.splits
		case r.refused == "" && len(r.cells) >= len(tb.columns)+1 && wholeFigures(r.cells[len(r.cells)-len(tb.columns):]):
			s.cands[i] = [][]string{r.cells[len(r.cells)-len(tb.columns):]}
		}
	}
	return s
}

// subsetParents finds the row each row of a 其中 is part of: a row that
// opens with 其中 is part of the row before it, and so are the rows after
// it numbered on from it (其中：1、… 2、… 3、…); any other row ends them.
func subsetParents(rows []cutRow) []int {
	parent := make([]int, len(rows))
	open, last := -1, 0
	for i, r := range rows {
		parent[i] = -1
		switch {
		case r.subset && i > 0:
			open, last = i-1, r.num
			parent[i] = open
		case open >= 0 && r.num > 0 && r.num == last+1:
			last = r.num
			parent[i] = open
		default:
			open = -1
		}
	}
	return parent
}

// wholeFigures reports whether every cell is a whole number.
func wholeFigures(cells []string) bool {
	for _, c := range cells {
		if _, err := strconv.ParseInt(c, 10, 64); err != nil {
			return false
		}
	}
	return true
}

// bound keeps, of each row's splits, those that stand in some reading of
// its 其中 (the row before and its parts) that meets the bounds: each part
// at most the whole, column by column, and the parts that the catalogue
// counts as distinct summands of the whole (relation sum) together at most
// the whole. It goes over the 其中 until none loses a split. A 其中 no
// reading meets, or too many readings to weigh, settles nothing.
func (s *settler) bound() {
	for changed := true; changed; {
		changed = false
		for w := range s.rows {
			if s.cands[w] != nil && s.boundSubset(w) {
				changed = true
			}
		}
	}
}

// maxReadings bounds the readings of one 其中 weighed by bound.
const maxReadings = 100000

// boundSubset weighs the readings of the 其中 whose whole is row w and
// reports whether a row lost a split.
func (s *settler) boundSubset(w int) bool {
	vars := []int{w}
	for i, p := range s.parent {
		if p == w && s.cands[i] != nil {
			vars = append(vars, i)
		}
	}
	n := 1
	for _, v := range vars {
		if n *= len(s.cands[v]); n > maxReadings {
			return false
		}
	}
	if len(vars) < 2 || n == 1 {
		return false
	}
	summands := s.summandsOf(w, vars[1:])
	seen := make([]map[int]bool, len(vars))
	for k := range seen {
		seen[k] = map[int]bool{}
	}
	pick := make([]int, len(vars))
	for range n {
		if s.meetsBounds(vars, pick, summands) {
			for k, c := range pick {
				seen[k][c] = true
			}
		}
		next(pick, vars, s.cands)
	}
	if len(seen[0]) == 0 {
		return false
	}
	changed := false
	for k, v := range vars {
		if len(seen[k]) < len(s.cands[v]) {
			var kept [][]string
			for c, split := range s.cands[v] {
				if seen[k][c] {
					kept = append(kept, split)
				}
			}
			s.cands[v], changed = kept, true
		}
	}
	return changed
}

// next steps pick to the next reading, as an odometer over the rows'
// splits.
func next(pick, vars []int, cands [][][]string) {
	for k := range pick {
		if pick[k]++; pick[k] < len(cands[vars[k]]) {
			return
		}
		pick[k] = 0
	}
}

// meetsBounds reports whether a reading of a 其中 (pick: a split of each
// of vars, the whole first) keeps each part at most the whole and the
// summands (indexes into vars) together at most it.
func (s *settler) meetsBounds(vars, pick []int, summands []int) bool {
	whole := s.cands[vars[0]][pick[0]]
	for k := 1; k < len(vars); k++ {
		if !atMost(s.cands[vars[k]][pick[k]], whole) {
			return false
		}
	}
	if len(summands) < 2 {
		return true
	}
	for col := range whole {
		var sum int64
		for _, k := range summands {
			sum += figureOf(s.cands[vars[k]][pick[k]][col])
		}
		if sum > figureOf(whole[col]) {
			return false
		}
	}
	return true
}

// summandsOf are the parts (indexes into vars, counted from 1) whose
// indicators the catalogue counts as distinct summands of the whole's.
func (s *settler) summandsOf(w int, parts []int) []int {
	if s.rows[w].row < 0 {
		return nil
	}
	whole := s.catRows[s.rows[w].row].Indicator
	var out []int
	for k, i := range parts {
		if s.rows[i].row < 0 {
			continue
		}
		if ind, ok := s.cat.Indicator(s.catRows[s.rows[i].row].Indicator); ok && ind.Relation == gongkai.RelationSum && ind.Parent == whole {
			out = append(out, k+1)
		}
	}
	return out
}

func figureOf(c string) int64 {
	n, _ := strconv.ParseInt(c, 10, 64)
	return n
}

// atMost reports whether every figure of part is at most whole's.
func atMost(part, whole []string) bool {
	for k := range part {
		if figureOf(part[k]) > figureOf(whole[k]) {
			return false
		}
	}
	return true
}

// narrate settles, by the figures the report's text states, the rows the
// bounds left with several splits; it reports whether it settled any, and
// says in refused why a row it could not settle stays unplaced.
func (s *settler) narrate(cat *catalog.Catalog, text string, refused map[string]string) bool {
	year := slices.Index(s.columns, gongkai.BreakdownTotal)
	if year < 0 {
		return false
	}
	settled := false
	for i, r := range s.rows {
		if len(s.cands[i]) < 2 || r.row < 0 {
			continue
		}
		stated := statedFigures(cat.Legacy[r.row], r.unit, text)
		if len(stated) == 0 {
			continue
		}
		var fit [][]string
		for _, c := range s.cands[i] {
			if slices.Contains(stated, c[year]) {
				fit = append(fit, c)
			}
		}
		if len(fit) == 1 {
			s.cands[i] = fit
			settled = true
			continue
		}
		refused[r.cells[0]] += fmt.Sprintf("; the report's text states %s, which %d of the splits give", strings.Join(stated, ", "), len(fit))
	}
	return settled
}

// statedFigures are the figures the text states for a row of the
// catalogue: its label or an alias (the count's 数 left out, as prose
// words it: 主动公开政府信息2949条), the figure, and the row's unit right
// after it. A figure said to be cumulative (累计, 历年) is not the year's.
func statedFigures(row catalog.Row, unit, text string) []string {
	if unit == "" {
		return nil
	}
	var out []string
	for _, l := range append([]string{row.Label}, row.Aliases...) {
		k := label.Key(l)
		words := []string{regexp.QuoteMeta(k)}
		if w, ok := strings.CutSuffix(k, "数"); ok && len([]rune(w)) >= 2 {
			words = append(words, regexp.QuoteMeta(w))
		}
		re := regexp.MustCompile(`(.{0,4})(?:` + strings.Join(words, "|") + `)([0-9]+)` + regexp.QuoteMeta(unit))
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			if strings.Contains(m[1], "累计") || strings.Contains(m[1], "历年") {
				continue
			}
			if !slices.Contains(out, m[2]) {
				out = append(out, m[2])
			}
		}
	}
	return out
}
