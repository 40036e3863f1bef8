package legacy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// Text taken from a PDF in reading order (plain pdftotext, a viewer's copy)
// prints the legacy table's figures apart from their labels: a label
// wrapped in a narrow column comes out in pieces, the piece level with the
// unit and figure pulled out of the rest (公开政府信 条 / 0 before 1.政府公报
// and 息数), so that no label reliably stands next to its figure. What
// reading order keeps is the column of units and figures from top to
// bottom: the k-th figure printed is the k-th row of the table that has
// one. The rows the table has are the form's rows whose wording the pieces
// of label text spell out; the figures are placed in their order only when
// there are exactly as many as those rows, and every unit printed is its
// row's.

// orderToken is what one line of the table's text holds in reading order.
type orderToken struct {
	line   int
	label  string // the label text of the line, without unit and figure
	unit   string // a unit printed on the line, folded
	figure string // a figure printed on the line, as printed
}

// orderFigure is a figure of the table's column, with the unit printed
// before it (or "").
type orderFigure struct {
	line int
	raw  string
	unit string
}

// orderTokens reads each line of the table: a figure alone, a unit alone or
// after a piece of label, a unit and its figure after a piece of label or
// none (条 18361), a row's whole label and its figure, or label text. A
// number after a piece of label with no unit between (舆情计 1, in a
// note) is label text. It reports false when the
// text parts its cells (pipes, tabs) or a line ends in two figures: the
// rows are read by their labels then.
func orderTokens(lines []source.Line, isUnit, isRow func(string) bool) ([]orderToken, bool) {
	var out []orderToken
	for _, l := range lines {
		t := source.Trim(label.Fold(l.Text))
		if t == "" {
			continue
		}
		if strings.ContainsAny(t, "|\t") {
			return nil, false
		}
		fields := strings.Fields(t)
		tok := orderToken{line: l.N}
		n := len(fields)
		last := fields[n-1]
		switch {
		case isFigure(last) && n > 1 && isFigure(fields[n-2]):
			return nil, false
		case isFigure(last) && n == 1:
			tok.figure = last
		case isFigure(last) && isUnit(fields[n-2]):
			tok.unit, tok.figure = fields[n-2], last
			tok.label = strings.Join(fields[:n-2], "")
		case isFigure(last) && isRow(strings.Join(fields[:n-1], "")):
			// A row's whole label and a figure, with no unit printed
			// (九、区（市）政府公报发行量 0): not a number in a note.
			tok.label, tok.figure = strings.Join(fields[:n-1], ""), last
		case isUnit(last):
			tok.unit, tok.label = last, strings.Join(fields[:n-1], "")
		default:
			tok.label = strings.Join(fields, "")
		}
		out = append(out, tok)
	}
	return out, true
}

// columnAfter is the rest of the table's column of units and figures that
// reading order prints after the table's footer (单位负责人…, 联系方式…):
// the lines up to the last that holds only a unit or a figure, over footer
// lines and blank lines, and nothing else.
func columnAfter(lines []source.Line, isUnit func(string) bool) []source.Line {
	var out []source.Line
	for _, l := range lines {
		t := source.Trim(label.Fold(l.Text))
		fields := strings.Fields(t)
		switch {
		case t == "" || layout.Footer.MatchString(label.Squeeze(t)):
		case len(fields) <= 2 && slices.IndexFunc(fields, func(f string) bool { return !isFigure(f) && !isUnit(f) }) < 0:
			out = append(out, l)
		default:
			return out
		}
	}
	return out
}

// isFigure reports whether a field is a bare figure (no unit glued on).
func isFigure(s string) bool {
	m := figure.Pattern.FindStringSubmatch(s)
	return m != nil && m[5] == ""
}

// orderFigures pairs each figure with the unit printed before it since the
// figure before: units and figures alternate (条 / 18361), or a block of
// units precedes a block of as many figures, each unit the first not yet
// taken. It reports false when units are left over.
func orderFigures(toks []orderToken) ([]orderFigure, bool) {
	var out []orderFigure
	var units []string
	for _, t := range toks {
		if t.unit != "" {
			units = append(units, t.unit)
		}
		if t.figure == "" {
			continue
		}
		f := orderFigure{line: t.line, raw: t.figure}
		if len(units) > 0 {
			f.unit, units = units[0], units[1:]
		}
		out = append(out, f)
	}
	return out, len(units) == 0
}

// pieces are the distinct keys of the label text printed in the table,
// each without its enumerator or 其中.
func pieces(toks []orderToken) map[string]bool {
	out := map[string]bool{}
	for _, t := range toks {
		if k := label.Parse(t.label).Key; k != "" {
			out[k] = true
		}
	}
	return out
}

// spelled reports whether key is the pieces joined, each used whole: the
// lines of a label wrapped in its cell.
func spelled(key string, ps map[string]bool) bool {
	if key == "" {
		return false
	}
	reach := make([]bool, len(key)+1)
	reach[0] = true
	for i := range key {
		if !reach[i] {
			continue
		}
		for p := range ps {
			if strings.HasPrefix(key[i:], p) {
				reach[i+len(p)] = true
			}
		}
	}
	return reach[len(key)]
}

// namedRows are the form's rows with a figure whose wording (or an alias)
// the pieces spell out, in the form's order.
func namedRows(cat *catalog.Catalog, ps map[string]bool) []int {
	var out []int
	for i, row := range cat.Legacy {
		if row.Group {
			continue
		}
		for _, w := range append([]string{row.Label}, row.Aliases...) {
			if spelled(label.Key(w), ps) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// readInFormOrder places the table's figures on the rows the text names,
// in order. ok is false when the text does not print its figures apart
// from the labels (they are read by their labels then); placed is nil,
// with the reason, when the figures cannot be placed for certain.
func readInFormOrder(cat *catalog.Catalog, lines []source.Line, isUnit func(string) bool) (placed []gongkai.Observation, reason string, ok bool) {
	m := legacyMatcher(cat)
	isRow := func(text string) bool { return m.place(label.Parse(text), -1, -1).score >= label.Exact }
	toks, apart := orderTokens(lines, isUnit, isRow)
	if !apart {
		return nil, "", false
	}
	figs, paired := orderFigures(toks)
	if len(figs) == 0 {
		return nil, "", false
	}
	if !paired {
		return nil, "the units printed are more than the figures, and reading order does not show which figure each is", true
	}
	rows := namedRows(cat, pieces(toks))
	if len(rows) != len(figs) {
		return nil, fmt.Sprintf("%d figures printed apart from their labels, and the text names %d rows of the form with a figure", len(figs), len(rows)), true
	}
	why := inOrder(cat, figs, rows)
	if why != "" {
		unitless, ok := unitlessRows(cat, figs, rows)
		if !ok {
			return nil, why, true
		}
		figs = unitless
	}
	for k, i := range rows {
		placed = append(placed, orderObservation(cat, cat.Legacy[i], figs[k]))
	}
	return placed, "", true
}

// inOrder checks the k-th figure against the k-th row: its unit is the
// row's, or it prints none and the figures beside it print theirs. It
// returns why not, or "".
func inOrder(cat *catalog.Catalog, figs []orderFigure, rows []int) string {
	for k, i := range rows {
		row := cat.Legacy[i]
		want := rowUnit(cat, row)
		if figs[k].unit != "" && figs[k].unit != want.Symbol {
			return fmt.Sprintf("figure %s at line %d, the %d. in order, prints unit %s where row %s (%s) has %s",
				figs[k].raw, figs[k].line, k+1, figs[k].unit, row.ID, row.Label, want.Symbol)
		}
		if figs[k].unit == "" && !unitsAround(figs, rows, k, cat) {
			return fmt.Sprintf("figure %s at line %d, the %d. in order, prints no unit, and the figures beside it do not confirm its row %s (%s) by theirs",
				figs[k].raw, figs[k].line, k+1, row.ID, row.Label)
		}
	}
	return ""
}

// unitlessRows places the figures that print no unit, which reading order
// may print apart from the column (as a heading row's figure, 九、…公报发行量
// 7601, comes out with the headings at the page's end): the figures with a
// unit must match the rows' units in order in exactly one way, which
// leaves as many rows as figures without one; those take them in their
// order. It returns the figures in the order of the rows, or false.
func unitlessRows(cat *catalog.Catalog, figs []orderFigure, rows []int) ([]orderFigure, bool) {
	var with, without []orderFigure
	for _, f := range figs {
		if f.unit == "" {
			without = append(without, f)
		} else {
			with = append(with, f)
		}
	}
	if len(without) == 0 {
		return nil, false
	}
	units := make([]string, len(rows))
	for k, i := range rows {
		units[k] = rowUnit(cat, cat.Legacy[i]).Symbol
	}
	// ways[k][j]: the ways the figures with a unit from j on fit the rows
	// from k on, each row left over taking a figure without one.
	ways := make([][]int, len(rows)+1)
	for k := range ways {
		ways[k] = make([]int, len(with)+1)
	}
	ways[len(rows)][len(with)] = 1
	for k := len(rows) - 1; k >= 0; k-- {
		for j := len(with); j >= 0; j-- {
			n := ways[k+1][j] // row k takes a figure without a unit
			if j < len(with) && with[j].unit == units[k] {
				n += ways[k+1][j+1]
			}
			ways[k][j] = min(n, 2) // one or more than one is all that counts
		}
	}
	if ways[0][0] != 1 {
		return nil, false
	}
	out := make([]orderFigure, 0, len(rows))
	j, w := 0, 0
	for k := range rows {
		if j < len(with) && with[j].unit == units[k] && ways[k+1][j+1] == 1 {
			out, j = append(out, with[j]), j+1
			continue
		}
		out, w = append(out, without[w]), w+1
	}
	return out, true
}

// unitsAround reports whether the figures before and after the k-th, which
// prints no unit, print their rows' units: the order is anchored on both
// sides of it.
func unitsAround(figs []orderFigure, rows []int, k int, cat *catalog.Catalog) bool {
	for _, j := range []int{k - 1, k + 1} {
		if j < 0 || j >= len(figs) {
			continue
		}
		if figs[j].unit == "" || figs[j].unit != rowUnit(cat, cat.Legacy[rows[j]]).Symbol {
			return false
		}
	}
	return true
}

// rowUnit is the unit of a row's indicator.
func rowUnit(cat *catalog.Catalog, row catalog.Row) *gongkai.Unit {
	ind, _ := cat.Indicator(row.Indicator)
	u, _ := cat.Unit(ind.Unit)
	return u
}

// orderObservation is the observation of a figure placed on row by the
// form's order.
func orderObservation(cat *catalog.Catalog, row catalog.Row, f orderFigure) gongkai.Observation {
	u := rowUnit(cat, row)
	v := figure.Parse(f.raw)
	o := gongkai.Observation{
		Indicator: row.Indicator,
		Breakdown: gongkai.BreakdownTotal,
		Unit:      u.Code,
		Label:     row.Label,
		Line:      f.line,
		Raw:       f.raw,
		Value:     v.Number,
		Flags:     append([]string{gongkai.FlagPlacedByFormOrder}, v.Flags...),
	}
	if f.unit == "" {
		o.Flags = append(o.Flags, gongkai.FlagUnitMissing)
	}
	return o
}

// readingOrder reads the table's body in the form's order when its text
// prints the figures apart from their labels (readInFormOrder), in place
// of the rows read by their labels: a row so read keeps its figure when
// the order gives the same, and is unplaced with both readings when the
// order gives another. When the order places nothing, the rows read by
// their labels stand, with the reason it did not.
func (t *legacyTable) readingOrder(obs []gongkai.Observation, unplaced []gongkai.Unplaced, body []source.Line) ([]gongkai.Observation, []gongkai.Unplaced) {
	placed, reason, ok := readInFormOrder(t.cat, body, t.isUnit)
	if !ok {
		return obs, unplaced
	}
	if placed == nil {
		return obs, append(unplaced, gongkai.Unplaced{Label: "the table in reading order", Line: body[0].N, Cells: []string{},
			Reason: "its figures are not placed by the form's order: " + reason})
	}
	byLabel := map[string]gongkai.Observation{}
	for _, o := range obs {
		if o.Value != nil {
			byLabel[o.Indicator] = o
		}
	}
	var out []gongkai.Observation
	var refused []gongkai.Unplaced
	inOrder := map[string]bool{}
	for _, o := range placed {
		inOrder[o.Indicator] = true
	}
	for _, l := range obs {
		if l.Value != nil && !inOrder[l.Indicator] {
			refused = append(refused, gongkai.Unplaced{Label: l.Label, Line: l.Line, Cells: []string{l.Raw},
				Reason: "read by its label, on a row the form's order finds no figure for"})
		}
	}
	for _, o := range placed {
		l, read := byLabel[o.Indicator]
		switch {
		case !read:
			out = append(out, o)
		case *l.Value == *o.Value:
			out = append(out, l)
		default:
			refused = append(refused, gongkai.Unplaced{Label: l.Label, Line: l.Line, Cells: []string{l.Raw, o.Raw},
				Reason: fmt.Sprintf("read by its label as %s (line %d), by the form's order as %s (line %d)", l.Raw, l.Line, o.Raw, o.Line)})
		}
	}
	return out, refused
}
