package legacy

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

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
	// head is maybe the first line of a unit wrapped under its figure's
	// line (万 9.61, 元 on a line after it), before the figure cell; rest
	// is the label text before it. unitHeads reads them so when it finds
	// the unit's end.
	head, rest, cell string
}

// orderFigure is a figure of the table's column, with the unit printed
// before it (or "").
type orderFigure struct {
	line int
	raw  string
	unit string
}

// orderTokens reads each line of the table: a figure (or a mark for
// nothing to report, —) alone, a unit alone or after a piece of label, a
// unit and its figure after a piece of label or none (条 18361), a row's
// whole label and its figure, or label text. A number after a piece of
// label with no unit between (舆情计 1, in a note) is label text. It
// reports false when the text parts its cells (pipes, tabs) or a line ends
// in two figures: the rows are read by their labels then.
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
		case isCell(last) && n == 1:
			tok.figure = last
		case isCell(last) && isUnit(fields[n-2]):
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
		if isCell(last) && n > 2 && utf8.RuneCountInString(fields[n-2]) == 1 && !isUnit(fields[n-2]) {
			// …等方面 万 9.61: maybe a unit's first line (unitHeads).
			tok.head, tok.rest, tok.cell = fields[n-2], strings.Join(fields[:n-2], ""), last
		}
		out = append(out, tok)
	}
	return joinWrappedUnitTokens(unitHeads(out, isUnit), isUnit), true
}

// unitEnd is the index of the token, one of the two after toks[i] with
// only label text between, that prints a unit alone ending head's unit
// (元 after 万, 次 after 人), or -1.
func unitEnd(toks []orderToken, i int, head string, isUnit func(string) bool) int {
	for j := i + 1; j < len(toks) && j <= i+2; j++ {
		u := toks[j]
		if u.label == "" && u.figure == "" && u.head == "" && u.unit != "" && isUnit(head+u.unit) {
			return j
		}
		if u.figure != "" || u.unit != "" {
			return -1
		}
	}
	return -1
}

// unitHeads completes a unit wrapped under its figure's line, as plain
// pdftotext prints Chromium's narrow unit column: 万 9.61 after the
// label's piece, then the label's last piece (的经费）), then 元 alone; 人
// 14, the label, then 次 alone. The unit's end is a unit alone on one of
// the next two lines (unitEnd), the two pieces a unit together: it is the
// figure's, and its line goes. A unit alone with a figure alone after it
// is that figure's. A line with no such end is read as before.
func unitHeads(toks []orderToken, isUnit func(string) bool) []orderToken {
	out := toks[:0]
	drop := map[int]bool{}
	for i, t := range toks {
		if drop[i] {
			continue
		}
		if t.unit != "" && t.figure != "" && t.head == "" {
			// 人 14 / （三）接受培训人员数 / 次: the unit 人次 wrapped under
			// its figure's line, its end after the label's line.
			if end := unitEnd(toks, i, t.unit, isUnit); end >= 0 && (end+1 >= len(toks) || toks[end+1].figure == "" || toks[end+1].label != "") {
				t.unit += toks[end].unit
				drop[end] = true
			}
		}
		if t.head != "" {
			if end := unitEnd(toks, i, t.head, isUnit); end >= 0 {
				t.label, t.unit, t.figure = t.rest, t.head+toks[end].unit, t.cell
				drop[end] = true
			}
			t.head, t.rest, t.cell = "", "", ""
		}
		out = append(out, t)
	}
	return out
}

// joinWrappedUnitTokens joins a unit wrapped in a narrow column, a piece a
// line (万 / 元 / 15.85, as pdfminer prints the cell), into the unit of the
// line after it: a line that is only a short piece of text, no unit alone,
// before a line that prints a unit and no label, the two a unit together.
// 元 alone is a unit, and 15.85 read under it is ten thousand times less
// than printed: the form's order refuses it, and the whole column with it.
// Two units alone (人 / 次 / 6) are joined only when a lone figure follows
// them: two units before one figure is no column of units and figures,
// and 人次 is what the form's order then checks against its row.
func joinWrappedUnitTokens(toks []orderToken, isUnit func(string) bool) []orderToken {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if i+1 < len(toks) {
			next := toks[i+1]
			if next.label == "" && next.unit != "" && (unitPiece(t, isUnit) || unitBeforeUnit(toks, i)) && isUnit(t.label+t.unit+next.unit) {
				next.unit = t.label + t.unit + next.unit
				next.line = t.line
				out = append(out, next)
				i++
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// unitPiece reports whether t is a short piece of text alone, no unit.
func unitPiece(t orderToken, isUnit func(string) bool) bool {
	return t.unit == "" && t.figure == "" && utf8.RuneCountInString(t.label) <= 2 && !isUnit(t.label)
}

// unitBeforeUnit reports whether toks[i] and toks[i+1] are units alone,
// with a figure alone after them and no unit alone before them (a column
// of units, printed before its figures).
func unitBeforeUnit(toks []orderToken, i int) bool {
	alone := func(t orderToken) bool { return t.label == "" && t.figure == "" && t.unit != "" }
	return i+2 < len(toks) && alone(toks[i]) && alone(toks[i+1]) &&
		toks[i+2].label == "" && toks[i+2].unit == "" && toks[i+2].figure != "" &&
		(i == 0 || !alone(toks[i-1]))
}

// columnAfter is the rest of the table's column of units and figures that
// reading order prints after the table's footer (单位负责人…, 联系方式…):
// the lines up to the last that holds only a unit or a figure (or a piece
// of a unit wrapped a piece a line: 万 / 元 / 38.82), over footer lines and
// blank lines, and nothing else.
func columnAfter(lines []source.Line, isUnit func(string) bool) []source.Line {
	var out []source.Line
	for i, l := range lines {
		t := source.Trim(label.Fold(l.Text))
		fields := strings.Fields(t)
		switch {
		case t == "" || layout.Footer.MatchString(label.Squeeze(t)):
		case len(fields) <= 2 && slices.IndexFunc(fields, func(f string) bool { return !isFigure(f) && !isUnit(f) }) < 0:
			out = append(out, l)
		case len(fields) == 1 && utf8.RuneCountInString(t) <= 2 && wrapsUnit(t, lines[i+1:], isUnit):
			out = append(out, l)
		default:
			return out
		}
	}
	return out
}

// wrapsUnit reports whether piece is the head of a unit whose end opens
// the next line that is not blank (万, then 元 or 元 38.82).
func wrapsUnit(piece string, rest []source.Line, isUnit func(string) bool) bool {
	for _, l := range rest {
		if fields := strings.Fields(source.Trim(label.Fold(l.Text))); len(fields) > 0 {
			return isUnit(piece + fields[0])
		}
	}
	return false
}

// isCell reports whether a field is what a figure's cell prints: a bare
// figure or a mark for nothing to report (—, /, 无).
func isCell(s string) bool {
	return isFigure(s) || figure.NotAvailable[s]
}

// isFigure reports whether a field is a bare figure (no unit glued on).
func isFigure(s string) bool {
	if !strings.ContainsAny(s, "0123456789") { // most fields are words: skip the pattern
		return false
	}
	m := figure.Pattern.FindStringSubmatch(s)
	return m != nil && m[5] == ""
}

// orderBlock is a run of units and the run of figures after it: units
// and figures alternate (条 / 18361, blocks of one each), or a page prints
// its units, then its figures (a block of each column).
type orderBlock struct {
	units []string
	first int // index of its first figure
	n     int // number of its figures
}

// orderFigures reads the figures of the table's column in order and the
// blocks they stand in. A block with as many units as figures pairs them
// in order, and one unit goes with the figure right after it; the other
// figures of a block with fewer units print none, or their units are not
// known (f.unit ""): some rows print none.
func orderFigures(toks []orderToken) ([]orderFigure, []orderBlock) {
	var figs []orderFigure
	var blocks []orderBlock
	open := false // the last block has no figure yet
	for _, t := range toks {
		if t.unit != "" {
			if !open || len(blocks) == 0 {
				blocks = append(blocks, orderBlock{first: len(figs)})
				open = true
			}
			blocks[len(blocks)-1].units = append(blocks[len(blocks)-1].units, t.unit)
		}
		if t.figure == "" {
			continue
		}
		if len(blocks) == 0 {
			blocks = append(blocks, orderBlock{first: len(figs)})
		}
		open = false
		b := &blocks[len(blocks)-1]
		figs = append(figs, orderFigure{line: t.line, raw: t.figure})
		b.n++
	}
	for _, b := range blocks {
		if len(b.units) == b.n || len(b.units) == 1 && b.n > 0 {
			for k, u := range b.units {
				figs[b.first+k].unit = u
			}
		}
	}
	return figs, blocks
}

// columnWise reports whether a page prints its units apart from their
// figures (a block of several units, then several figures): no label there
// stands next to its own figure.
func columnWise(blocks []orderBlock) bool {
	for _, b := range blocks {
		if len(b.units) > 1 && b.n > 1 {
			return true
		}
	}
	return false
}

// pieces are the distinct keys of the label text printed in the table,
// each without its enumerator or 其中, by their first rune.
func pieces(toks []orderToken) map[rune][]string {
	seen := map[string]bool{}
	out := map[rune][]string{}
	for _, t := range toks {
		k := label.Parse(t.label).Key
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		r, _ := utf8.DecodeRuneInString(k)
		out[r] = append(out[r], k)
	}
	return out
}

// spelled reports whether key is the pieces joined, each used whole: the
// lines of a label wrapped in its cell.
func spelled(key string, ps map[rune][]string) bool {
	if key == "" {
		return false
	}
	reach := make([]bool, len(key)+1)
	reach[0] = true
	for i, r := range key {
		if !reach[i] {
			continue
		}
		for _, p := range ps[r] {
			if strings.HasPrefix(key[i:], p) {
				reach[i+len(p)] = true
			}
		}
	}
	return reach[len(key)]
}

// namedRows are the form's rows with a figure whose wording (or an alias)
// the pieces spell out, in the form's order.
func namedRows(cat *catalog.Catalog, ps map[rune][]string) []int {
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

// formOrderReading is what reading the table in the form's order gives.
type formOrderReading struct {
	// placed is the figures on the rows the text names, in order; nil,
	// with the reason, when they cannot be placed for certain.
	placed []gongkai.Observation
	reason string
	// columns reports a text that prints units and figures column by
	// column, whose labels stand next to no figure of theirs.
	columns bool
	// paired is the lines of figures printed right after a unit of their
	// own, between blocks that print none: a row's unit and figure where
	// its label stands, though other pages print them column by column.
	paired map[int]bool
	// named is the form's rows (indexes of cat.Legacy) whose wording the
	// label text spells.
	named []int
	// level is the piece of label printed level with a figure, by the
	// figure's line: on the figure's line, or on the line of the unit
	// right before it (5.其他方式 次 / 254).
	level map[int]string
}

// readInFormOrder places the table's figures on the rows the text names,
// in order. ok is false when the text does not print its figures apart
// from the labels (they are read by their labels then).
func readInFormOrder(cat *catalog.Catalog, lines []source.Line, isUnit func(string) bool) (formOrderReading, bool) {
	m := legacyMatcher(cat)
	isRow := func(text string) bool { return m.place(label.Parse(text), -1, -1).score >= label.Exact }
	toks, apart := orderTokens(lines, isUnit, isRow)
	if !apart {
		return formOrderReading{}, false
	}
	figs, blocks := orderFigures(toks)
	if len(figs) == 0 {
		return formOrderReading{}, false
	}
	r := formOrderReading{columns: columnWise(blocks), paired: pairedFigures(figs, blocks), named: namedRows(cat, pieces(toks)), level: levelLabels(toks)}
	if len(r.named) != len(figs) {
		r.reason = fmt.Sprintf("%d figures printed apart from their labels, and the text names %d rows of the form with a figure", len(figs), len(r.named))
		return r, true
	}
	if why := inOrder(cat, figs, blocks, r.named); why != "" {
		unitless, ok := unitlessRows(cat, figs, blocks, r.named)
		if !ok {
			r.reason = why
			return r, true
		}
		figs = unitless
	}
	for k, i := range r.named {
		r.placed = append(r.placed, orderObservation(cat, cat.Legacy[i], figs[k]))
	}
	return r, true
}

// levelLabels is the piece of label printed level with each figure, by
// the figure's line: on its line, or on the line of the unit printed right
// before it.
func levelLabels(toks []orderToken) map[int]string {
	out := map[int]string{}
	for k, t := range toks {
		switch {
		case t.figure == "":
		case t.label != "":
			out[t.line] = t.label
		case t.unit == "" && k > 0 && toks[k-1].unit != "" && toks[k-1].figure == "" && toks[k-1].label != "":
			out[t.line] = toks[k-1].label
		}
	}
	return out
}

// inOrder checks the k-th figure against the k-th row: a figure paired
// with a unit prints its row's, and one printing none stands between
// figures that print their rows' (units and figures alternate). A column
// of units before more figures fails: which of them print none is not
// shown. It returns why not, or "".
func inOrder(cat *catalog.Catalog, figs []orderFigure, blocks []orderBlock, rows []int) string {
	units := rowUnits(cat, rows)
	for _, b := range blocks {
		switch {
		case len(b.units) > b.n:
			at := "the table's end"
			if b.first < len(figs) {
				at = fmt.Sprintf("figure %s at line %d", figs[b.first].raw, figs[b.first].line)
			}
			return fmt.Sprintf("%d units printed before %d figures at %s: reading order does not show which figure each is", len(b.units), b.n, at)
		case len(b.units) <= 1 || len(b.units) == b.n:
			for k := b.first; k < b.first+b.n; k++ {
				row := cat.Legacy[rows[k]]
				if figs[k].unit != "" && figs[k].unit != units[k] {
					return fmt.Sprintf("figure %s at line %d, the %d. in order, prints unit %s where row %s (%s) has %s",
						figs[k].raw, figs[k].line, k+1, figs[k].unit, row.ID, row.Label, units[k])
				}
				if figs[k].unit == "" && !anchored(figs, units, k) {
					return fmt.Sprintf("figure %s at line %d, the %d. in order, prints no unit, and the figures beside it do not confirm its row %s (%s) by theirs",
						figs[k].raw, figs[k].line, k+1, row.ID, row.Label)
				}
			}
		default:
			// A column of units over more figures: the figures that print
			// none may stand anywhere in it, or be printed apart from it.
			return fmt.Sprintf("%d units printed as a column before %d figures from line %d: reading order does not show which figures print none",
				len(b.units), b.n, figs[b.first].line)
		}
	}
	return ""
}

// anchored reports whether the figures before and after the k-th, which
// prints no unit, print their rows' units: the order is anchored on both
// sides of it.
func anchored(figs []orderFigure, units []string, k int) bool {
	for _, j := range []int{k - 1, k + 1} {
		if j >= 0 && j < len(figs) && figs[j].unit != units[j] {
			return false
		}
	}
	return true
}

// rowUnits are the unit symbols of rows.
func rowUnits(cat *catalog.Catalog, rows []int) []string {
	out := make([]string, len(rows))
	for k, i := range rows {
		out[k] = rowUnit(cat, cat.Legacy[i]).Symbol
	}
	return out
}

// embeddings counts, up to 2, the ways units are the units of rows in
// order with some rows left out (rows printing no unit).
func embeddings(units, rowUnits []string) int {
	// ways[k][j]: the ways units[j:] fit rowUnits[k:].
	ways := make([][]int, len(rowUnits)+1)
	for k := range ways {
		ways[k] = make([]int, len(units)+1)
	}
	ways[len(rowUnits)][len(units)] = 1
	for k := len(rowUnits) - 1; k >= 0; k-- {
		for j := len(units); j >= 0; j-- {
			n := ways[k+1][j]
			if j < len(units) && units[j] == rowUnits[k] {
				n += ways[k+1][j+1]
			}
			ways[k][j] = min(n, 2) // one or more than one is all that counts
		}
	}
	return ways[0][0]
}

// unitlessRows places a figure that prints no unit where reading order
// prints it apart from the column (a heading row's figure among the
// headings at the page's end: 九、…公报发行量 / 7601), when units and figures
// alternate, each unit right before its figure: the figures with a unit
// must be the rows' in exactly one way, which leaves one row, and exactly
// one figure prints none. It returns the figures in the order of the rows,
// or false.
func unitlessRows(cat *catalog.Catalog, figs []orderFigure, blocks []orderBlock, rows []int) ([]orderFigure, bool) {
	var with, without []orderFigure
	var units []string
	for _, b := range blocks {
		if len(b.units) > 1 || len(b.units) > b.n {
			return nil, false // a column of units, or a unit with no figure: which figure is whose is not shown
		}
		for _, f := range figs[b.first : b.first+b.n] {
			if f.unit != "" {
				with, units = append(with, f), append(units, f.unit)
			} else {
				without = append(without, f)
			}
		}
	}
	want := rowUnits(cat, rows)
	if len(without) != 1 || embeddings(units, want) != 1 {
		return nil, false
	}
	out := make([]orderFigure, 0, len(rows))
	j := 0
	for k := range rows {
		if j < len(with) && with[j].unit == want[k] && embeddings(units[j+1:], want[k+1:]) == 1 {
			out, j = append(out, with[j]), j+1
			continue
		}
		out = append(out, without[0])
	}
	return out, true
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

// readingOrderLabel is the label of the unplaced row that says why the
// table's figures are not placed by the form's order.
const readingOrderLabel = "the table in reading order"

// readingOrder reads the table's body in the form's order when its text
// prints the figures apart from their labels (readInFormOrder), in place
// of the rows read by their labels: a row so read keeps its figure when
// the order gives the same, and is unplaced with both readings when the
// order gives another. When the order places nothing, the rows read by
// their labels stand, with the reason it did not; in a text that prints
// its units and figures column by column, where no label stands next to
// its figure, they are unplaced too.
func (t *legacyTable) readingOrder(obs []gongkai.Observation, unplaced []gongkai.Unplaced, body []source.Line) ([]gongkai.Observation, []gongkai.Unplaced) {
	reading, ok := readInFormOrder(t.cat, body, t.isUnit)
	if !ok {
		return obs, unplaced
	}
	placed := reading.placed
	if placed == nil {
		refusal := gongkai.Unplaced{Label: readingOrderLabel, Line: body[0].N, Cells: []string{},
			Reason: "its figures are not placed by the form's order: " + reading.reason}
		if reading.columns {
			obs, apart := pairedOnly(obs, reading.paired)
			obs, unplaced = anchoredByLabels(t.cat, obs, unplaced, reading)
			return obs, append(append(unplaced, apart...), refusal)
		}
		obs, unplaced = anchoredByLabels(t.cat, obs, unplaced, reading)
		return obs, append(unplaced, refusal)
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

// pairedFigures is the lines of the figures that are a block of their own
// with one unit: a unit and its figure printed together, as a row prints
// them beside its label, and not a column's.
func pairedFigures(figs []orderFigure, blocks []orderBlock) map[int]bool {
	out := map[int]bool{}
	for _, b := range blocks {
		if len(b.units) == 1 && b.n == 1 {
			out[figs[b.first].line] = true
		}
	}
	return out
}

// pairedOnly keeps, of the rows read by their labels in a text that prints
// some pages' units and figures column by column, those whose figure is
// printed with its unit and alone (paired: a page printed row by row, 条 0
// after each label), and turns the others into unplaced rows: a figure in
// a column stands next to no label of its own.
func pairedOnly(obs []gongkai.Observation, paired map[int]bool) ([]gongkai.Observation, []gongkai.Unplaced) {
	var kept []gongkai.Observation
	var out []gongkai.Unplaced
	for _, o := range obs {
		switch {
		case o.Value == nil:
		case paired[o.Line]:
			kept = append(kept, o)
		default:
			out = append(out, gongkai.Unplaced{Label: o.Label, Line: o.Line, Cells: []string{o.Raw},
				Reason: "read by its label in a text that prints its units and figures column by column, apart from every label"})
		}
	}
	return kept, out
}

// anchoredByLabels keeps, of the figures read by their labels in a text in
// reading order that the form's order does not place, those printed level
// with a piece of their own label (5.其他方式 次 / 254) and those whose
// rows' neighbours in the form (the rows with a figure before and after)
// are named by the text too. Reading order prints a figure apart from its
// label, often before it (政府公报及 人 / 58 / … / 1.专职人员); where the
// label of the row next to it is lost (2.兼职人员 dropped), that row's
// figure stands after this row's label and would be read as its own. The
// others are unplaced with the reason.
func anchoredByLabels(cat *catalog.Catalog, obs []gongkai.Observation, unplaced []gongkai.Unplaced, reading formOrderReading) ([]gongkai.Observation, []gongkai.Unplaced) {
	isNamed := map[int]bool{}
	for _, i := range reading.named {
		isNamed[i] = true
	}
	// A row read by its label, with a figure, is named too, though the
	// pieces of text do not spell its whole wording (OCR lost a character
	// or two of it: 维持具体行政行 for 维持具体行政行为数).
	for _, o := range obs {
		if i := slices.IndexFunc(cat.Legacy, func(r catalog.Row) bool { return r.Indicator == o.Indicator }); i >= 0 && o.Value != nil {
			isNamed[i] = true
		}
	}
	var kept []gongkai.Observation
	for _, o := range obs {
		lost := lostNeighbour(cat, o.Indicator, isNamed)
		if o.Value == nil || lost < 0 || levelWithOwnLabel(o, reading.level[o.Line]) {
			kept = append(kept, o)
			continue
		}
		row := cat.Legacy[lost]
		unplaced = append(unplaced, gongkai.Unplaced{Label: o.Label, Line: o.Line, Cells: []string{o.Raw},
			Reason: fmt.Sprintf("read by its label in a text in reading order, beside row %s (%s) of the form, whose label the text does not print: the figure may be that row's", row.ID, row.Label)})
	}
	return kept, unplaced
}

// lostNeighbour is the row with a figure right before or after the row of
// indicator in the form that the text does not name (an index of
// cat.Legacy), or -1 when both are named or the indicator is no row's.
// The rows of a local variant only (Fujian's 信函、传真申请数) that the
// text does not name are passed over: a national table prints none of
// them.
func lostNeighbour(cat *catalog.Catalog, indicator string, isNamed map[int]bool) int {
	at := slices.IndexFunc(cat.Legacy, func(r catalog.Row) bool { return r.Indicator == indicator && !r.Group })
	if at < 0 {
		return -1
	}
	for _, step := range []int{-1, 1} {
		for i := at + step; i >= 0 && i < len(cat.Legacy); i += step {
			if cat.Legacy[i].Group || !isNamed[i] && localVariantOnly(cat, cat.Legacy[i]) {
				continue
			}
			if !isNamed[i] {
				return i
			}
			break
		}
	}
	return -1
}

// localVariantOnly reports whether a row is printed by a local variant of
// the table only (its indicator's mapping in indicators.csv says so).
func localVariantOnly(cat *catalog.Catalog, row catalog.Row) bool {
	ind, ok := cat.Indicator(row.Indicator)
	return ok && strings.HasPrefix(ind.Mapping, "local variant only")
}

// levelWithOwnLabel reports whether the piece of label printed level with
// a figure read by its label is a piece of that label's own wording.
func levelWithOwnLabel(o gongkai.Observation, piece string) bool {
	k := label.Parse(piece).Key
	return k != "" && strings.Contains(label.Parse(o.Label).Key, k)
}
