package legacy

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
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

// pageMark is a line that holds only a page number (-5-, - 10 -, 第3页),
// which the text prints between the table's rows.
var pageMark = regexp.MustCompile(`^(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?)$`)

// orderTokens reads each line of the table: a figure alone, a unit alone or
// after a piece of label, a unit and its figure (条 18361), or label text.
// A number after label text (舆情计 1, in a note) is label text. It reports
// false when a figure shares its line with label text: the layout keeps
// rows together there, and the rows are read by their labels.
func orderTokens(lines []source.Line, isUnit func(string) bool) ([]orderToken, bool) {
	var out []orderToken
	for _, l := range lines {
		t := source.Trim(label.Fold(strings.ReplaceAll(l.Text, "\f", "")))
		if t == "" || pageMark.MatchString(t) {
			continue
		}
		fields := strings.Fields(t)
		tok := orderToken{line: l.N}
		n := len(fields)
		last := fields[n-1]
		switch {
		case isFigure(last) && n == 1:
			tok.figure = last
		case isFigure(last) && isUnit(fields[n-2]):
			if n > 2 {
				return nil, false
			}
			tok.unit, tok.figure = fields[0], last
		case isUnit(last):
			tok.unit, tok.label = last, strings.Join(fields[:n-1], "")
		default:
			tok.label = strings.Join(fields, "")
		}
		out = append(out, tok)
	}
	return out, true
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
	toks, apart := orderTokens(lines, isUnit)
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
	for k, i := range rows {
		row := cat.Legacy[i]
		want := rowUnit(cat, row)
		if figs[k].unit != "" && figs[k].unit != want.Symbol {
			return nil, fmt.Sprintf("figure %s at line %d, the %d. in order, prints unit %s where row %s (%s) has %s",
				figs[k].raw, figs[k].line, k+1, figs[k].unit, row.ID, row.Label, want.Symbol), true
		}
		if figs[k].unit == "" && !unitsAround(figs, rows, k, cat) {
			return nil, fmt.Sprintf("figure %s at line %d, the %d. in order, prints no unit, and the figures beside it do not confirm its row %s (%s) by theirs",
				figs[k].raw, figs[k].line, k+1, row.ID, row.Label), true
		}
	}
	for k, i := range rows {
		placed = append(placed, orderObservation(cat, cat.Legacy[i], figs[k]))
	}
	return placed, "", true
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
