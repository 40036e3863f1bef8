package legacy

import (
	"slices"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// A Word table printed with no column widths, taken out by plain
// pdftotext, prints the legacy table's label column wrapped a few
// characters a line (统 计 / 指 标, 1.政府 / 公报公 / 开政府 / 信息数) and each
// row's unit and figure on lines of their own, in the form's order of
// rows, but not beside the pieces of its label (a page's flow prints a
// band of labels, then a band of units and figures: 条 / 34 / 条 / 12 …),
// no piece of label on a line with a unit or a figure. unwrapLabels
// cannot rebuild such rows; the form's order still reads
// them (readInFormOrder), when the rows the text names are told by the
// pieces in the sequence they are printed: a row is named where pieces
// printed one after another (units and figures between them aside) spell
// its wording whole, enumerator and 其中 left out, the longest such run
// from each piece, and only a row after the last one named in the form's
// order (（一）区（市）政府及其部门 is 8.1, 10.1 or 11.1 by the rows named
// before it). Pieces that spell no row (a heading with no figure, a note
// such as 不同渠道和方式公开相同信息计1条) are passed over. The figures are
// placed only when they are exactly as many as the rows named and each
// prints its row's unit right before or right after it (pairedUnits): a
// unit printed after its figure (21 / （一） / 条, the figure above the
// piece level with its unit) is paired so too. Otherwise the table is
// refused as before (wrappedReason).
//
// Spelling a row out of pieces taken anywhere in the text (namedRows)
// would name rows no label prints: 4.信函 / 申请数 and 2.传真 / 申请数 spell
// 信函、传真申请数, a row of local forms, as well.

// maxWrappedPieces bounds the pieces one label is wrapped into.
const maxWrappedPieces = 24

// wrappedInOrder reads the wrapped table whose header opens at lines[hdr]
// in the form's order (see above); ok is false when it places nothing.
func (t *legacyTable) wrappedInOrder(lines []source.Line, hdr int) (obs []gongkai.Observation, end int, ok bool) {
	end, _ = tableEnd(lines, hdr)
	isRow := func(text string) bool { return t.m.place(label.Parse(text), -1, -1).score >= label.Exact }
	toks, apart := orderTokens(lines[hdr:end], t.isUnit, isRow)
	if !apart || slices.ContainsFunc(toks, func(t orderToken) bool { return t.label != "" && (t.unit != "" || t.figure != "") }) {
		return nil, 0, false // a piece beside cells: unwrapLabels's shapes
	}
	named := namedInSequence(t.cat, toks)
	figs, ok := pairedUnits(toks, rowUnits(t.cat, named))
	if !ok || len(figs) == 0 {
		return nil, 0, false
	}
	for k, i := range named {
		obs = append(obs, orderObservation(t.cat, t.cat.Legacy[i], figs[k]))
	}
	return obs, end, true
}

// pairedUnits is the figures of toks, in order, each with its unit, when
// they are exactly as many as units (the units of the rows named, in
// order) and each prints units[k] right before or right after it among
// the units and figures (label text aside): 条 / 34, or 21 / （一） / 条
// where a figure is printed above the piece of label level with its unit.
// A figure may print no unit when the figures on both sides of it print
// theirs (6 between 个 / 1 and 期 / 17: 九、区（市）政府公报发行量 with its
// unit cell empty). A unit left over, a figure with another row's unit,
// two figures with none one after the other, and a row that has no unit
// all fail.
func pairedUnits(toks []orderToken, units []string) ([]orderFigure, bool) {
	type cell struct {
		unit string
		fig  orderFigure
	}
	var cells []cell
	for _, t := range toks {
		if t.unit != "" {
			cells = append(cells, cell{unit: t.unit})
		}
		if t.figure != "" {
			cells = append(cells, cell{fig: orderFigure{line: t.line, raw: t.figure}})
		}
	}
	isFig := func(p int) bool { return p < len(cells) && cells[p].unit == "" }
	isUnit := func(p, k int) bool {
		return p < len(cells) && k < len(units) && units[k] != "" && cells[p].unit == units[k]
	}
	// fits reports whether cells[p:] pair with the figures from the k-th
	// on; bare says the figure before printed no unit. Each pairing of a
	// cell takes two cells or one, so the search is bounded by memo.
	type state struct {
		p, k int
		bare bool
	}
	memo := map[state]bool{}
	next := map[state]state{} // the step fits took from a state
	var fits func(st state) bool
	fits = func(st state) bool {
		if st.p == len(cells) {
			return st.k == len(units) && !st.bare
		}
		if v, ok := memo[st]; ok {
			return v
		}
		memo[st] = false
		steps := []state{}
		p, k := st.p, st.k
		if isUnit(p, k) && isFig(p+1) {
			steps = append(steps, state{p + 2, k + 1, false})
		}
		if isFig(p) && isUnit(p+1, k) {
			steps = append(steps, state{p + 2, k + 1, false})
		}
		if isFig(p) && !st.bare && k > 0 && k < len(units) {
			steps = append(steps, state{p + 1, k + 1, true})
		}
		for _, s := range steps {
			if fits(s) {
				memo[st], next[st] = true, s
				return true
			}
		}
		return false
	}
	st := state{}
	if len(units) == 0 || !fits(st) {
		return nil, false
	}
	var figs []orderFigure
	for st.p < len(cells) {
		s := next[st]
		switch {
		case s.bare:
			figs = append(figs, cells[st.p].fig)
		case isFig(st.p):
			f := cells[st.p].fig
			f.unit = cells[st.p+1].unit
			figs = append(figs, f)
		default:
			f := cells[st.p+1].fig
			f.unit = cells[st.p].unit
			figs = append(figs, f)
		}
		st = s
	}
	return figs, len(figs) == len(units)
}

// namedInSequence is the form's rows with a figure that runs of pieces
// printed one after another spell whole, in the form's order (see above).
func namedInSequence(cat *catalog.Catalog, toks []orderToken) []int {
	var keys []string
	for _, t := range toks {
		if k := label.Parse(t.label).Key; k != "" {
			keys = append(keys, k)
		}
	}
	worded := map[string][]int{} // the rows with a figure by the keys of their wordings, in the form's order
	for i, row := range cat.Legacy {
		if row.Group {
			continue
		}
		for _, w := range append([]string{row.Label}, row.Aliases...) {
			k := label.Key(w)
			if rows := worded[k]; len(rows) == 0 || rows[len(rows)-1] != i {
				worded[k] = append(rows, i)
			}
		}
	}
	// rowWorded is the first row from index from on whose wording has
	// key, or -1.
	rowWorded := func(from int, key string) int {
		for _, i := range worded[key] {
			if i >= from {
				return i
			}
		}
		return -1
	}
	var out []int
	from := 0 // the first row of the form a run may name
	for s := 0; s < len(keys); {
		row, last := -1, -1
		joined := ""
		for e := s; e < len(keys) && e < s+maxWrappedPieces; e++ {
			joined += keys[e]
			if i := rowWorded(from, joined); i >= 0 {
				row, last = i, e
			}
		}
		if row < 0 {
			s++
			continue
		}
		out = append(out, row)
		from, s = row+1, last+1
	}
	return out
}
