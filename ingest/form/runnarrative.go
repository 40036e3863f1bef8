package form

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/gongkai/gongkai/ingest/digitrun"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// A row of table 2 run together under columns no identity binds
// (行政规范性文件6233440 under 本年制发件数 | 本年废止件数 | 现行有效件数) fits
// several splits. The report's own text may state a figure of the row, in
// the words of its column and of its label (本年度制发行政规范性文件62件):
// as a confirmation only, when exactly one split gives every figure the
// text states for the row's columns, the row takes it (split_by_narrative);
// when none or several do, it stays unplaced and the reason says so.

// setStated keeps the report's text outside its tables, folded, for the
// rows to be confirmed against.
func (r *reader) setStated(lines []source.Line, regions []tableSpan) {
	var b strings.Builder
	next := 0
	for _, g := range regions {
		writeFolded(&b, lines[next:g.start])
		next = g.end
	}
	writeFolded(&b, lines[next:])
	r.stated = b.String()
}

func writeFolded(b *strings.Builder, lines []source.Line) {
	for _, l := range lines {
		b.WriteString(label.Fold(l.Text))
		b.WriteString("\n")
	}
}

// splitByNarrative cuts a row of table 2 whose run of figures several
// splits fit by the one split that gives the figures the text states for
// its columns. It returns the cells; or, when several splits give them and
// fill some cells alike (6233440 with 本年制发件数 62 stated: 62|33|440,
// 62|3|3440, …), those cells (nil in the other columns) and the reason the
// row is unplaced for the rest; or nil and, when the text states figures
// of the row that single out no split, the reason.
func (r *reader) splitByNarrative(cur *openRow, slots []slot) ([]layout.Cell, []*layout.Cell, string) {
	if cur.table != tableProactive || cur.row == nil || len(cur.values) != 1 || !cur.values[0].Glued || len(slots) < 2 || r.stated == "" {
		return nil, nil, ""
	}
	v := cur.values[0]
	res, err := splitRow(v, slots)
	if err != nil || len(res.Splits) < 2 || len(res.Splits) >= maxStatedSplits {
		return nil, nil, ""
	}
	stated := make([][]string, len(slots))
	any := false
	for i, s := range slots {
		stated[i] = r.statedFigures(cur.row, s)
		any = any || len(stated[i]) > 0
	}
	if !any {
		return nil, nil, ""
	}
	var fit [][]string
	for _, split := range res.Splits {
		if givesStated(split, stated) {
			fit = append(fit, split)
		}
	}
	if len(fit) == 1 {
		out := make([]layout.Cell, len(fit[0]))
		for i, p := range fit[0] {
			out[i] = narrativeCell(v, p)
		}
		return out, nil, ""
	}
	var says []string
	for i, s := range slots {
		if len(stated[i]) > 0 {
			says = append(says, s.printed+" "+strings.Join(stated[i], ", "))
		}
	}
	why := fmt.Sprintf("figures run together with no separator, in %d columns: %s: %d splits fit, no identity binds these columns, and the report's text states %s, which %d of the splits give",
		len(slots), v.Raw, len(res.Splits), strings.Join(says, "; "), len(fit))
	agreed, ok := digitrun.Result{Splits: fit}.Agreed()
	if !ok {
		return nil, nil, why
	}
	cells := make([]*layout.Cell, len(slots))
	var placed []string
	for i, a := range agreed {
		if a != "" {
			c := narrativeCell(v, a)
			cells[i] = &c
			placed = append(placed, slots[i].printed+" "+a)
		}
	}
	if placed == nil {
		return nil, nil, why
	}
	return nil, cells, why + "; each of them gives " + strings.Join(placed, ", ") + ", placed"
}

// narrativeCell is a cell of a run's split that the report's text confirms.
func narrativeCell(v layout.Cell, figure string) layout.Cell {
	return layout.Cell{Text: figure, Raw: figure, Line: v.Line, X0: -1, X1: -1, Idx: -1}
}

// maxStatedSplits is the most splits a run may fit to be weighed against
// the text.
const maxStatedSplits = 1000

// givesStated reports whether a split gives, in each column the text
// states figures for, one of them.
func givesStated(split []string, stated [][]string) bool {
	for i, fs := range stated {
		if len(fs) > 0 && !slices.Contains(fs, split[i]) {
			return false
		}
	}
	return true
}

// statedUnits are the units a figure of table 2 is stated in.
const statedUnits = "件项个条"

// statedFigures are the figures the text states for a row of table 2 in
// a column: the column's words (本年制发件数 → 制发), the row's label
// (any of its keys), the figure and a unit right after them (spaces
// between them, and 共, 计 or 合计 before the figure, allowed).
func (r *reader) statedFigures(row *rowSpec, s slot) []string {
	var stems []string
	for _, c := range s.block.columns {
		if c.key != s.key {
			continue
		}
		for _, k := range c.keys {
			if st := columnStem(k); len([]rune(st)) >= 2 && !slices.Contains(stems, st) {
				stems = append(stems, regexp.QuoteMeta(st))
			}
		}
	}
	var labels []string
	for _, k := range row.keys {
		labels = append(labels, regexp.QuoteMeta(k))
	}
	if len(stems) == 0 || len(labels) == 0 {
		return nil
	}
	// Prose may keep spaces around a figure (制发行政规范性文件 62 件, as
	// text taken from a PDF does) and count it (共62件).
	re, err := regexp.Compile(`(?:` + strings.Join(stems, "|") + `)\s*(?:` + strings.Join(labels, "|") + `)\s*(?:共|计|合计)?\s*([0-9]+)\s*[` + statedUnits + `]`)
	if err != nil {
		return nil
	}
	var out []string
	for _, m := range re.FindAllStringSubmatch(r.stated, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

// columnStem is what prose keeps of a column's words: 本年制发件数 →
// 制发, 现行有效件数 → 现行有效, 本年新公开数量 → 新公开.
func columnStem(key string) string {
	k := strings.TrimPrefix(key, "本年度")
	k = strings.TrimPrefix(k, "本年")
	for _, suf := range []string{"件数", "数量", "数"} {
		if t, ok := strings.CutSuffix(k, suf); ok {
			return t
		}
	}
	return k
}
