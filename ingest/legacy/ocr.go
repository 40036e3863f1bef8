package legacy

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/ocrsign"
	"github.com/gongkai/gongkai/ingest/source"
)

// A table OCR recognised from page images shows it (ocrsign: a bracket
// with no pair, 〈一) for （一）, figures glued to letters), and in such a
// text any figure may hold a digit misread (140 read as 2, 0 as 1) and any
// label may be garbled: a heading lost leaves its sub-rows under the
// heading before, two rows' labels run together, a figure glued to the
// next row's unit. The legacy reader then places nothing it cannot
// confirm:
//
//   - a figure under a printed unit not its row's is unplaced (the unit is
//     the row's the figure belongs to, another one);
//   - a row whose label holds a second row's number and wording (（一）政府
//     信息公开工作专门机构数人二) 设置政府信息公) is unplaced: two rows' labels
//     run together, and whose figure it prints is not certain;
//   - a row read out of the form's order (乡镇政府 before 区(市)政府, or
//     a row after another of its section read twice) is unplaced: its
//     section's heading, or its own label, was misread;
//   - a figure is placed only when an identity of the form confirms it:
//     the row is a sum of sub-rows (收到申请数 = 当面 + 传真 + 网络 + 信函 +
//     其他) or one of them, and the figures read add up exactly (sub-rows
//     not read add nothing). Where they contradict it (the sub-rows read
//     add up to more than the row, or all are read and add up to another
//     figure) every figure of the identity is unplaced: a digit is
//     misread and nothing shows which. A figure no identity confirms is
//     placed only when the report's own text states it for its row
//     (主动公开政府信息18361条), as the form reader does with table 2.

// ocrSigns counts the signs of OCR on lines: those ocrsign finds; the
// figures with a bar or an exclamation mark glued to an end outside a pipe
// row (次 |11!), whose count it also returns as rules; and the table's
// rules OCR printed as bars glued to the figures that end its lines (件
// |64, 条 ||46) when two lines or more show one. A typed table sets a bar
// apart from a figure, or glues it on both sides (件|64, | 64 |).
func ocrSigns(lines []source.Line) (n, rules int) {
	ruled := 0
	for _, l := range lines {
		signs, _ := ocrsign.Find(l.Text)
		n += len(signs)
		if ruleBeforeFigure.MatchString(l.Text) {
			ruled++
		}
		if !strings.HasPrefix(strings.TrimSpace(l.Text), "|") && barGlued.MatchString(label.Fold(l.Text)) {
			n++
			rules++
		}
	}
	if ruled >= minRuledLines {
		n += ruled
	}
	return n, rules
}

// barGlued matches a figure that ends a line, a space before it, with a
// bar or an exclamation mark glued to either end (次 |11!, 件 64|): not the
// cells of a row parted by bars (规章|0|0|0, | 64 |).
var barGlued = regexp.MustCompile(`(?:^|\s)(?:[|!]+[0-9]+[|!]*|[0-9]+[|!]+)\s*$`)

// ruleBeforeFigure matches a figure that ends a line with bars glued
// before it and a space before them: OCR's reading of a rule beside the
// figure's cell.
var ruleBeforeFigure = regexp.MustCompile(`\s\|+[0-9]+(?:\.[0-9]+)?\s*$`)

// minRuledLines is how many lines must show a rule glued to their figure
// for the table to be taken as read by OCR with its rules.
const minRuledLines = 2

// reround gives back, on the table's lines [start, end), the round
// brackets OCR misread as angle ones (《一) for （一）), so that a row's
// number reads as one; the lines given are not changed.
func reround(lines []source.Line, start, end int) []source.Line {
	out := slices.Clone(lines)
	for i := start; i < end; i++ {
		out[i].Text = ocrsign.Reround(out[i].Text)
	}
	return out
}

// gluedFigure matches a figure OCR glued into a label, a quote it read
// for a rule perhaps before it, the rest of the label after it: 个48及其部门,
// 次”3911点接待人数.
var gluedFigure = regexp.MustCompile(`[“”"]?\s*([0-9]+(?:\.[0-9]+)?)\s*\p{Han}`)

// unitGluedToFigure matches a unit and the figure after it as one word,
// perhaps with a quote OCR read for a rule between them (次”3911, 个48).
var unitGluedToFigure = regexp.MustCompile(`(^|\s)(\p{Han}{1,2})\s*[“”"]?\s*([0-9]+(?:\.[0-9]+)?)(\s|$)`)

// ungluedFigures puts back in their place the unit and figure OCR read
// into the middle of a label wrapped around them, on the table's lines
// [start, end): 十一、查阅次”3911点接待人数 is 十一、查阅点接待人数 次 3911;
// and parts a unit and a figure OCR read as one word (次”3911 is 次 3911).
// Only a figure after a unit (one of the catalogue's) and before more of
// the label is moved; a count in a note (计1次) follows no unit.
func ungluedFigures(lines []source.Line, start, end int, isUnit func(string) bool) []source.Line {
	for i := start; i < end; i++ {
		lines[i].Text = ungluedFigure(lines[i].Text, isUnit)
	}
	return lines
}

func ungluedFigure(text string, isUnit func(string) bool) string {
	text = unitGluedToFigure.ReplaceAllStringFunc(text, func(m string) string {
		sub := unitGluedToFigure.FindStringSubmatch(m)
		if !isUnit(sub[2]) {
			return m
		}
		return sub[1] + sub[2] + " " + sub[3] + sub[4]
	})
	for _, m := range gluedFigure.FindAllStringSubmatchIndex(text, -1) {
		before := []rune(strings.TrimRight(text[:m[0]], " \u3000"))
		for n := 2; n >= 1; n-- {
			if len(before) <= n || !isUnit(string(before[len(before)-n:])) || !unicode.Is(unicode.Han, before[len(before)-n-1]) && !strings.ContainsRune(")） \u3000", before[len(before)-n-1]) {
				continue
			}
			head := strings.TrimRight(string(before[:len(before)-n]), " \u3000")
			return head + strings.TrimLeft(text[m[3]:], " \u3000") + " " + string(before[len(before)-n:]) + " " + text[m[2]:m[3]]
		}
	}
	return text
}

// misreadText is the clause every reason of this file ends with.
func (t *legacyTable) misreadText() string {
	return fmt.Sprintf("in a text that shows OCR's misreadings (%d)", t.ocr)
}

// innerNumber matches a row's number inside a label, where another row's
// label begins: （二）, 二) or 二、 (OCR drops or garbles the bracket, 人二)),
// or 2. before Han text.
var innerNumber = regexp.MustCompile(`[(（《〈]?[一二三四五六七八九十]{1,3}[)）、]|[0-9]{1,2}[.．]\s*\p{Han}`)

// runTogether tells why the label of row r, placed on a row of the form,
// is two rows' labels run together, or "": the label holds a row's number
// after its start, and the text before it and the text after it each fit
// a row of the form that prints a figure, two different rows.
func (t *legacyTable) runTogether(r *logicalRow) string {
	text := label.Fold(r.text())
	for _, loc := range innerNumber.FindAllStringIndex(text, -1) {
		before, after := text[:loc[0]], text[loc[0]:]
		if strings.TrimSpace(label.Parse(before).Key) == "" {
			continue // the label's own number
		}
		first := t.m.place(label.Parse(before), r.section, r.prev)
		second := t.m.place(label.Parse(strings.TrimLeft(after[len(innerNumber.FindString(after)):], " ")), r.section, r.prev)
		// A heading's words before a row's label (议和培训情况（一）召开…)
		// print no figure of their own: the figure is the row's.
		if first.row >= 0 && second.row >= 0 && first.row != second.row && !t.cat.Legacy[first.row].Group && !t.cat.Legacy[second.row].Group {
			return fmt.Sprintf("the labels of two rows run together, %s (%s) and %s (%s), %s: whose figure the row prints is not certain",
				t.cat.Legacy[first.row].ID, t.cat.Legacy[first.row].Label, t.cat.Legacy[second.row].ID, t.cat.Legacy[second.row].Label, t.misreadText())
		}
	}
	return ""
}

// outOfOrder finds the rows read out of the form's order: a row placed on
// a row of the form that does not come after the row placed before it,
// or before the row placed after it (a row read twice is out of order
// too). Each such pair is doubtful, so both are.
func (t *legacyTable) outOfOrder() map[*logicalRow]string {
	var placed []*logicalRow
	for _, r := range t.rows {
		if r.match.row >= 0 {
			placed = append(placed, r)
		}
	}
	out := map[*logicalRow]string{}
	for i := 1; i < len(placed); i++ {
		a, b := placed[i-1], placed[i]
		if a.match.row < b.match.row {
			continue
		}
		ra, rb := t.cat.Legacy[a.match.row], t.cat.Legacy[b.match.row]
		why := fmt.Sprintf("read as row %s (%s) at line %d, after row %s (%s) at line %d, out of the form's order, %s: a heading or a label is misread, and which row is which is not certain",
			rb.ID, rb.Label, b.labels[0].Line, ra.ID, ra.Label, a.labels[0].Line, t.misreadText())
		out[a], out[b] = why, why
	}
	return out
}

// distrusted tells why a row placed on a row of the form cannot be taken
// in a text that shows OCR's misreadings, or "" (and always "" in other
// text): its label runs two rows together, or it is read out of order.
func (t *legacyTable) distrusted(r *logicalRow, disorder map[*logicalRow]string) string {
	if t.ocr == 0 {
		return ""
	}
	if why := t.runTogether(r); why != "" {
		return why
	}
	return disorder[r]
}

// identity is a rule of the legacy form that ties printed figures: a sum
// (收到申请数 = 当面 + 传真 + 网络 + 信函 + 其他形式) or two rows that report
// the same quantity (设置政府信息公开查阅点数 = 设置政府信息查阅点数), by
// indicator.
type identity struct {
	sum   bool // a sum, which its figures contradict when its parts read add up to more than the whole
	whole string
	parts []string
}

// identities are the sum and equal rules of the legacy form (rules.csv).
var identities = sync.OnceValue(func() []identity {
	var out []identity
	for _, r := range catalog.MustRules() {
		if !r.AppliesTo(gongkai.TemplateLegacy) || r.Kind != catalog.KindSum && r.Kind != catalog.KindEqual || len(r.Whole) != 1 {
			continue
		}
		id := identity{sum: r.Kind == catalog.KindSum, whole: r.Whole[0].Code}
		for _, p := range r.Parts {
			if !p.Negative {
				id.parts = append(id.parts, p.Code)
			}
		}
		if len(id.parts) == len(r.Parts) {
			out = append(out, id)
		}
	}
	return out
})

// confirmOCR keeps, in a text that shows OCR's misreadings, the figures an
// identity of the form or the report's own text (narrative: the lines
// outside the table, folded) confirms, and unplaces the others with the
// reason. Other text is returned as it is.
func (t *legacyTable) confirmOCR(obs []gongkai.Observation, unplaced []gongkai.Unplaced, narrative string) ([]gongkai.Observation, []gongkai.Unplaced) {
	if t.ocr == 0 {
		return obs, unplaced
	}
	w := t.weighIdentities(obs)
	kept := obs[:0]
	for i, o := range obs {
		why, bad := w.contradicted[i]
		switch {
		case o.Value == nil && layout.Classify(o.Raw, t.isUnit) == layout.Blank:
			// A rule OCR read as a bar, or a figure it lost, leaves a
			// cell that reads as blank (件 |): no blank is certain.
			why = fmt.Sprintf("read as blank %s: OCR may have lost the figure (a table's rule reads as a bar beside an empty cell)", t.misreadText())
		case t.ruleGlyphs > 0 && o.Value != nil && strings.HasPrefix(o.Raw, "1"):
			// The rule before the figure column reads as a bar glued to
			// some figures (次 |76), and as a 1 before others (个 119 for
			// 19, 个 115 for 15: the sums still hold): a figure that
			// starts with 1 may start with the rule.
			why = fmt.Sprintf("starts with 1, where the table's rule before the figures reads as a glyph on other rows %s: the 1 may be the rule", t.misreadText())
		case o.Value == nil || !bad && w.confirmed[i]:
			kept = append(kept, o)
			continue
		case !bad:
			stated := t.statedFor(o, narrative)
			if slices.Contains(stated, strconv.FormatFloat(*o.Value, 'f', -1, 64)) {
				kept = append(kept, o)
				continue
			}
			why = w.short[i]
			if why == "" {
				why = fmt.Sprintf("no identity of the form confirms it (it is no sum of sub-rows read, nor one), %s: a digit may be misread", t.misreadText())
			}
			if len(stated) > 0 {
				why += fmt.Sprintf(", and the report's text states %s", strings.Join(stated, ", "))
			}
		}
		unplaced = append(unplaced, gongkai.Unplaced{Label: o.Label, Line: o.Line, Cells: []string{o.Raw}, Reason: why})
	}
	return kept, unplaced
}

// statedFor are the figures the report's text states for the row of an
// observation of the year (breakdown total).
func (t *legacyTable) statedFor(o gongkai.Observation, narrative string) []string {
	if o.Breakdown != gongkai.BreakdownTotal {
		return nil
	}
	i := slices.IndexFunc(t.cat.Legacy, func(r catalog.Row) bool { return r.Indicator == o.Indicator })
	ind, ok := t.cat.Indicator(o.Indicator)
	if i < 0 || !ok {
		return nil
	}
	unit, ok := t.cat.Unit(ind.Unit)
	if !ok {
		return nil
	}
	return statedFigures(t.cat.Legacy[i], unit.Symbol, narrative)
}

// weighing is what the identities of the form say of the figures of a
// table, by index: those an identity that holds confirms, those one that
// fails contradicts (the sub-rows read add up to more than the row: a
// digit is misread), and those of an identity whose sub-rows read add up
// to less (a sub-row not read, or a digit misread), with the reasons.
type weighing struct {
	confirmed    map[int]bool
	contradicted map[int]string
	short        map[int]string
}

// weighIdentities weighs each identity of the form, breakdown by
// breakdown, on the figures of obs. Sub-rows not read add nothing, so an
// identity holds when the row is the sum of the sub-rows read.
func (t *legacyTable) weighIdentities(obs []gongkai.Observation) weighing {
	at := map[[2]string]int{}
	var breakdowns []string
	for i, o := range obs {
		if o.Value == nil {
			continue
		}
		at[[2]string{o.Indicator, o.Breakdown}] = i
		if !slices.Contains(breakdowns, o.Breakdown) {
			breakdowns = append(breakdowns, o.Breakdown)
		}
	}
	w := weighing{confirmed: map[int]bool{}, contradicted: map[int]string{}, short: map[int]string{}}
	for _, id := range identities() {
		for _, b := range breakdowns {
			total, ok := at[[2]string{id.whole, b}]
			if !ok {
				continue
			}
			var parts []int
			var sum float64
			for _, p := range id.parts {
				if i, ok := at[[2]string{p, b}]; ok {
					parts = append(parts, i)
					sum += *obs[i].Value
				}
			}
			if len(parts) == 0 {
				continue
			}
			whole := *obs[total].Value
			involved := append([]int{total}, parts...)
			for _, i := range involved {
				switch {
				case sum == whole:
					w.confirmed[i] = true
				case !id.sum:
					// Two rows that report the same quantity need not print
					// the same figure: only their agreeing tells.
				case sum > whole:
					w.contradicted[i] = t.identityReason(obs, total, parts, sum, "more than it: a digit is misread and nothing shows which")
				default:
					w.short[i] = t.identityReason(obs, total, parts, sum, "less than it: a sub-row not read, or a digit misread, and nothing shows which")
				}
			}
		}
	}
	return w
}

// identityReason says why the figures of an identity that does not hold
// are unplaced.
func (t *legacyTable) identityReason(obs []gongkai.Observation, total int, parts []int, sum float64, outcome string) string {
	var terms []string
	for _, i := range parts {
		terms = append(terms, obs[i].Raw)
	}
	return fmt.Sprintf("the row %q prints %s, and its sub-rows read, which the form adds up to it, %s = %s, %s, %s",
		obs[total].Label, obs[total].Raw, strings.Join(terms, " + "), strconv.FormatFloat(sum, 'f', -1, 64), outcome, t.misreadText())
}
