package form

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// OCR loses cells of table 3 (`(七) 总计 217 |1 |0 0 0 |218`: six figures
// for seven columns; `1.本机关不学握相关政府信息 zx | 0 0 |`), and a row
// that lost one cannot say which by itself. The table's identities can,
// once the rows around it are read:
//
//   - I1, in every column: 一 + 二 = （七）总计 + 四, so three of them
//     read give the fourth;
//   - I3, in every column: （七）总计 is the sum of the outcome rows. Where
//     the outcome rows read already make （七）总计 in a column, every
//     outcome row not read is 0 there (no count is below 0); where one
//     outcome row alone is not read in a column, it holds the rest;
//   - I2, in every row: 总计 is the sum of the six applicant columns.
//
// A row whose label was read and whose figures were not (lost or run
// together by OCR) keeps what OCR printed for it: its figures, in the
// order of the columns, each in a column of its own, some columns lost
// (`0 0` may stand under any two). Each way of setting them under the
// columns that the figures known so far and I2 allow is kept; where all
// of them give a column the same figure, the column takes it, and the
// identities are applied again, until nothing more follows.
//
// A figure so deduced is placed (flag placed_by_arithmetic, the row's
// label the form's wording) only on a row whose label was read and only
// where OCR's reading and the arithmetic agree: some way of setting its
// printed figures under the columns fits every figure known, and a figure
// other than 0 stands, in every such way, where OCR printed it. A 0 the
// sums leave no room for anything else (the outcome rows read already
// make （七）总计 in that column) is placed under a row whose printed
// figures fit, even where OCR printed none for the cell: no count is
// below 0. A row whose printed figures fit no way (`1 1 1 1` where the
// sums leave only 0s) places nothing, and an identity that the figures
// known break (a figure placed that OCR misread) places nothing at all.
// Only in a text showing OCR's signs, and only when the rows read tell
// the template (the outcome rows the sums add).

// lostCellsRow is a row of table 3 whose label was read and whose
// figures were not placed: what OCR printed for it.
type lostCellsRow struct {
	row *rowSpec
	cur *openRow
}

// noteLostCells keeps a row of table 3 just unplaced, its label a row of
// the form's and its figures its own (not two rows' labels joined), for
// completeBySums.
func (r *reader) noteLostCells(cur *openRow) {
	if cur.table != tableApplications || cur.row == nil || cur.row.indicator == "" || len(cur.labels) == 0 {
		return
	}
	if r.twoRowsReason(cur) != "" {
		return
	}
	r.lostCells = append(r.lostCells, lostCellsRow{row: cur.row, cur: cur})
}

// sumsTable is table 3 as the identities complete it: the figures known,
// by row and column, and the rows with what OCR printed for them.
type sumsTable struct {
	columns []slot   // the seven columns, 总计 last
	leaves  []string // the outcome rows, whose sum is （七）总计
	balance []string // 一, 二, （七）总计, 四
	known   grid3
	read    grid3 // the figures placed before: known, not deduced
	// ways holds, for each row read with lost cells, the ways of setting
	// its printed figures under the columns that still fit.
	ways map[string][][]*float64
	// whole holds the rows whose ways are the readings of their seven
	// printed figures that add up, rules read as 1s (ocrrules.go): where
	// one alone fits the figures known, the row is read so.
	whole map[string]bool
}

// maxSumsRounds bounds the rounds of deduction: each round that goes on
// knows one figure more, and table 3 has at most 25 rows of seven.
const maxSumsRounds = 200

// completeBySums places what the identities of table 3 deduce for the rows
// OCR lost cells of (see above). Where the rows read do not tell the
// template (no row under （六）其他处理 read, nor the row itself), the
// identities are applied under both forms' outcome rows, and only what
// both deduce alike is placed.
func (r *reader) completeBySums() {
	lost := r.lostCells
	r.lostCells = nil
	if r.misread == 0 || len(lost) == 0 {
		return
	}
	templates := []string{r.applicationsTemplate()}
	if templates[0] == "" {
		templates = []string{gongkai.Template2019, gongkai.Template2021}
	}
	var tables []*sumsTable
	for _, tpl := range templates {
		t := r.solveSums(tpl, lost)
		if t == nil {
			return
		}
		tables = append(tables, t)
	}
	for _, e := range lost {
		r.placeDeduced(tables, e)
	}
}

// solveSums applies the identities of table 3 under template tpl's
// outcome rows until nothing more follows; nil when the figures known
// break them, or the columns are not the form's.
func (r *reader) solveSums(tpl string, lost []lostCellsRow) *sumsTable {
	grid, ok := r.table3Grid()
	if !ok {
		return nil
	}
	t := &sumsTable{columns: r.applications.columns, leaves: r.outcomeLeavesOf(tpl), balance: r.balanceRows(), known: grid,
		ways: map[string][][]*float64{}, whole: map[string]bool{}, read: grid3{}}
	if !completeApplicants(t.columns) {
		t.columns = r.formOrderSlots()
	}
	if len(t.balance) != 4 || t.columns[len(t.columns)-1].key != "total" {
		return nil
	}
	for id, m := range grid {
		t.read[id] = maps.Clone(m)
	}
	t.evidence(lost, len(r.ruledLines)+len(r.ruledDoubts) > 0)
	t.wholeReadings(lost, r.ruledReadings)
	for range maxSumsRounds {
		more, holds := t.round()
		if !holds {
			return nil // a figure known is misread, or the report's sums do not hold
		}
		if !more && !t.probeWhole() {
			break
		}
	}
	return t
}

// outcomeLeavesOf is the outcome rows of template tpl, whose sum is
// （七）总计.
func (r *reader) outcomeLeavesOf(tpl string) []string {
	var out []string
	for _, row := range r.applicationsLeaves(tpl) {
		if r.underOutcomes(row) && row.indicator != answeredIndicator {
			out = append(out, row.id)
		}
	}
	return out
}

// evidence keeps the rows read with lost cells that the identities bind,
// each read once and not placed whole, with the ways of setting their
// printed figures under the columns. ruled says the text prints the
// table's rules among the figures (ocrrules.go): a 1, l or o beside a
// figure may be a rule.
func (t *sumsTable) evidence(lost []lostCellsRow, ruled bool) {
	terms := map[string]bool{}
	for _, id := range append(slices.Clone(t.leaves), t.balance...) {
		terms[id] = true
	}
	count := map[string]int{}
	for _, l := range lost {
		count[l.row.id]++
	}
	for _, l := range lost {
		id := l.row.id
		if !terms[id] || count[id] > 1 || len(t.known[id]) == len(t.columns) {
			continue
		}
		fields, ok := printedFields(l.cur.values, ruled)
		if !ok {
			continue
		}
		t.ways[id] = settings(fields, len(t.columns))
	}
}

// wholeReadings takes, for each row of the identities unplaced because
// its seven figures add up read several ways (the table's rules read as
// 1s: `5 0 |0 lo lo lo 15`, 5 … 5 or 5 0 0 10 0 0 15), those readings as
// its ways: the figures known then drop those they break, and where one
// is left the row is read so (byWays).
func (t *sumsTable) wholeReadings(lost []lostCellsRow, readings map[int][][]float64) {
	for _, l := range lost {
		id := l.row.id
		if _, bound := t.ways[id]; !bound || len(t.columns) != applicantColumns+1 {
			continue
		}
		for _, v := range l.cur.values {
			rs, ok := readings[v.Line]
			if !ok {
				continue
			}
			var ways [][]*float64
			for _, reading := range rs {
				w := make([]*float64, len(reading))
				for c := range reading {
					w[c] = &reading[c]
				}
				ways = append(ways, w)
			}
			t.ways[id], t.whole[id] = ways, true
			break
		}
	}
}

// printedFields gives the figures OCR printed for a row, each with the
// readings it may have: a plain number, or in a ruled text each reading
// its rule shapes allow (fieldReadings), plain digits too (`10` is a rule
// and a 0 as often as ten: `0 0 |0 10 0 0 10`, where the sums leave only
// 0s, is seven 0s); a run of zeros (`00`, narrow
// cells whose space OCR lost) may be one 0 or one for each. Marks with no
// digit (a bar, a comma, `o` alone) are no figure. False when a field
// holds digits it cannot read (`1]4`).
func printedFields(values []layout.Cell, ruled bool) ([][][]float64, bool) {
	var out [][][]float64
	for _, v := range values {
		for _, f := range strings.FieldsFunc(v.Raw, func(c rune) bool { return c == ' ' || c == '|' }) {
			core := strings.Trim(f, ruleMarks+"，,、。.;；:：")
			if !strings.ContainsAny(core, "0123456789") && !(ruled && ruleGluedToO(core)) {
				continue
			}
			var readings [][]float64
			switch {
			case strings.Trim(core, "0") == "":
				for k := 1; k <= len(core); k++ {
					readings = append(readings, make([]float64, k))
				}
			case ruled:
				for _, n := range fieldReadings(core) {
					readings = append(readings, []float64{n})
				}
			case plainDigits.MatchString(core) && figureDigits(core):
				n, _ := strconv.ParseFloat(core, 64)
				readings = [][]float64{{n}}
			}
			if len(readings) == 0 {
				return nil, false
			}
			out = append(out, readings)
		}
	}
	return out, true
}

// maxSettings bounds the ways of setting a row's printed figures: a row
// printing more readings is left as OCR printed it.
const maxSettings = 5000

// settings gives the ways of setting the printed figures under n columns
// in their order, each column holding at most one: nil where a column
// was lost. None when they are more than n, or too many ways.
func settings(fields [][][]float64, n int) [][]*float64 {
	var out [][]*float64
	var seqs [][]float64
	var walk func(i int, seq []float64)
	walk = func(i int, seq []float64) {
		if len(seq) > n || len(seqs) > maxSettings {
			return
		}
		if i == len(fields) {
			seqs = append(seqs, slices.Clone(seq))
			return
		}
		for _, reading := range fields[i] {
			walk(i+1, append(seq, reading...))
		}
	}
	walk(0, nil)
	for _, seq := range seqs {
		for _, at := range positions(len(seq), n) {
			w := make([]*float64, n)
			for k, c := range at {
				w[c] = &seq[k]
			}
			out = append(out, w)
			if len(out) > maxSettings {
				return nil
			}
		}
	}
	return out
}

// positions gives the ways of choosing k of n columns, in order.
func positions(k, n int) [][]int {
	var out [][]int
	at := make([]int, 0, k)
	var walk func(from int)
	walk = func(from int) {
		if len(at) == k {
			out = append(out, slices.Clone(at))
			return
		}
		for c := from; c <= n-(k-len(at)); c++ {
			at = append(at, c)
			walk(c + 1)
			at = at[:len(at)-1]
		}
	}
	walk(0)
	return out
}

// round applies each identity once, and each row's ways; it reports
// whether a figure more is known, and whether the figures known hold.
func (t *sumsTable) round() (more, holds bool) {
	for _, step := range []func() (bool, bool){t.byWays, t.byRows, t.byBalance, t.byOutcomes} {
		m, h := step()
		if !h {
			return false, false
		}
		more = more || m
	}
	return more, true
}

// set records a figure deduced; false when it is below 0.
func (t *sumsTable) set(id string, c int, v float64) bool {
	if v < 0 {
		return false
	}
	if t.known[id] == nil {
		t.known[id] = map[string]float64{}
	}
	t.known[id][t.columns[c].key] = v
	return true
}

// get is a figure known, and whether it is.
func (t *sumsTable) get(id string, c int) (float64, bool) {
	v, ok := t.known[id][t.columns[c].key]
	return v, ok
}

// byWays drops the ways of each row that the figures known no longer fit,
// and, where the arithmetic checks every way left (checked), sets each
// column they all fill with 0 alike. A row no way fits keeps none: OCR's
// reading of it and the arithmetic disagree. The other figures of a row
// only check it: a stray mark read as a digit (`5 要求行政机关确认或重新出具已颖了
// 0 0 1`, a row of 0s whose cells OCR lost) fits some column as well as
// a figure does, and a figure other than 0 is known only from the other
// rows (I1, I3).
func (t *sumsTable) byWays() (bool, bool) {
	more := false
	for id, ways := range t.ways {
		var kept [][]*float64
		var full [][]*float64
		for _, w := range ways {
			if f, ok := t.fit(id, w); ok {
				kept = append(kept, w)
				full = append(full, f)
			}
		}
		t.ways[id] = kept
		if len(kept) == 1 && t.whole[id] {
			// One reading of the seven figures is left: the row is
			// read so, its figures other than 0 too.
			for c := range t.columns {
				if _, ok := t.get(id, c); !ok {
					if !t.set(id, c, *kept[0][c]) {
						return false, false
					}
					more = true
				}
			}
			continue
		}
		if len(kept) == 0 || !t.checked(id, kept) {
			continue // OCR's figures of the row only check it
		}
		for c := range t.columns {
			if _, ok := t.get(id, c); ok {
				continue
			}
			if v, same := alike(full, c); same && v == 0 {
				if !t.set(id, c, v) {
					return false, false
				}
				more = true
			}
		}
	}
	return more, true
}

// checked reports whether every way of a row is one the arithmetic
// checks, so that the 0s all of them set may be taken: each column it
// lost is known from the other rows, I2 then holding as a check, or it
// prints only 0s and lost one column, which I2 makes 0 too (`0 0 |0 0 0
// |0` for 四). A way whose one lost column I2 fills checks nothing: any
// six figures fit, stray marks read as digits too (`1 0 20 101322 0 353`
// for 11 0 20 0 322 0 353).
func (t *sumsTable) checked(id string, ways [][]*float64) bool {
	for _, w := range ways {
		lost, figures := 0, false
		for c, v := range w {
			_, known := t.get(id, c)
			switch {
			case v == nil && !known:
				lost++
			case v != nil && *v != 0:
				figures = true
			}
		}
		if lost > 1 || lost == 1 && figures {
			return false
		}
	}
	return true
}

// alike is the figure every way gives column c, and whether they all give
// one.
func alike(ways [][]*float64, c int) (float64, bool) {
	var v *float64
	for _, w := range ways {
		switch {
		case w[c] == nil:
			return 0, false
		case v == nil:
			v = w[c]
		case *v != *w[c]:
			return 0, false
		}
	}
	return *v, v != nil
}

// fit merges a way of a row with its figures known, completed by I2 where
// it leaves one column open, and reports whether they agree: each figure
// it sets is the one known, no figure is above what the column sums leave
// for it, and I2 holds or can still hold.
func (t *sumsTable) fit(id string, w []*float64) ([]*float64, bool) {
	row := make([]*float64, len(w))
	for c := range w {
		known, ok := t.get(id, c)
		switch {
		case ok && w[c] != nil && *w[c] != known:
			return nil, false
		case ok:
			row[c] = &known
		default:
			row[c] = w[c]
		}
	}
	full, ok := completeRow(row)
	if !ok {
		return nil, false
	}
	for c, v := range full {
		if _, known := t.get(id, c); known || v == nil {
			continue
		}
		if most, bound := t.most(id, c); bound && *v > most {
			return nil, false
		}
	}
	return full, true
}

// completeRow completes a row by I2: the one column it leaves open, or
// its open applicant columns as 0 where the known ones make 总计. False
// when I2 cannot hold.
func completeRow(row []*float64) ([]*float64, bool) {
	last := len(row) - 1
	sum, open := 0.0, []int{}
	for c := range last {
		if row[c] == nil {
			open = append(open, c)
			continue
		}
		sum += *row[c]
	}
	switch total := row[last]; {
	case total == nil && len(open) == 0:
		row[last] = &sum
	case total == nil:
	case sum > *total:
		return nil, false
	case len(open) == 0:
		return row, sum == *total
	case len(open) == 1 || sum == *total:
		rest := *total - sum
		for _, c := range open {
			v := rest
			if len(open) > 1 {
				v = 0
			}
			row[c] = &v
		}
	}
	return row, true
}

// most is the most an outcome row may hold in column c: （七）总计 less the
// other outcome rows known there; false when （七）总计 is not known or
// the row is no outcome row.
func (t *sumsTable) most(id string, c int) (float64, bool) {
	if !slices.Contains(t.leaves, id) {
		return 0, false
	}
	total, ok := t.get(t.balance[2], c)
	if !ok {
		return 0, false
	}
	for _, other := range t.leaves {
		if other == id {
			continue
		}
		if v, ok := t.get(other, c); ok {
			total -= v
		}
	}
	return total, true
}

// byRows completes each row of the identities by I2.
func (t *sumsTable) byRows() (bool, bool) {
	more := false
	for _, id := range append(slices.Clone(t.leaves), t.balance...) {
		row := make([]*float64, len(t.columns))
		known := 0
		for c := range t.columns {
			if v, ok := t.get(id, c); ok {
				row[c] = &v
				known++
			}
		}
		if known == 0 {
			continue
		}
		full, ok := completeRow(row)
		if !ok {
			return false, false
		}
		for c, v := range full {
			if _, was := t.get(id, c); !was && v != nil {
				if !t.set(id, c, *v) {
					return false, false
				}
				more = true
			}
		}
	}
	return more, true
}

// byBalance sets, in each column, the one row of I1 not known from the
// three others.
func (t *sumsTable) byBalance() (bool, bool) {
	sign := []float64{1, 1, -1, -1}
	more := false
	for c := range t.columns {
		open, rest := -1, 0.0
		for k, id := range t.balance {
			v, ok := t.get(id, c)
			if !ok {
				if open >= 0 {
					open = -2
					break
				}
				open = k
				continue
			}
			rest += sign[k] * v
		}
		switch {
		case open == -1 && rest != 0:
			return false, false
		case open >= 0:
			if !t.set(t.balance[open], c, -rest/sign[open]) {
				return false, false
			}
			more = true
		}
	}
	return more, true
}

// byOutcomes sets, in each column where （七）总计 is known, the outcome
// rows not known: each 0 where those known make it, the one left the rest.
func (t *sumsTable) byOutcomes() (bool, bool) {
	more := false
	for c := range t.columns {
		total, ok := t.get(t.balance[2], c)
		if !ok {
			continue
		}
		var open []string
		for _, id := range t.leaves {
			if v, ok := t.get(id, c); ok {
				total -= v
			} else {
				open = append(open, id)
			}
		}
		switch {
		case total < 0 || len(open) == 0 && total != 0:
			return false, false
		case len(open) == 1 || len(open) > 1 && total == 0:
			for _, id := range open {
				v := total
				if len(open) > 1 {
					v = 0
				}
				t.set(id, c, v)
			}
			more = more || len(open) > 0
		}
	}
	return more, true
}

// placeDeduced places the figures deduced for a row read with lost cells
// where OCR's reading agrees (see above), in every table solved alike: a
// way of its printed figures fits, and every figure other than 0 stands
// where OCR printed it in every way left. The row's entry among the rows
// unplaced goes when all its figures are placed.
func (r *reader) placeDeduced(tables []*sumsTable, e lostCellsRow) {
	id := e.row.id
	// A row that printed half its cells or fewer takes nothing from the
	// sums: a table that leaves cells blank prints as few (沭阳's `0 0`
	// under 自然人 and 总计), and a blank is no 0. Only a row that printed
	// most of its cells is taken to have lost the others.
	ways := tables[0].ways[id]
	traced := len(ways) > 0 && printedCells(ways[0]) > len(tables[0].columns)/2
	printed := e.cur.printedLabel()
	flags := []string{gongkai.FlagPlacedByArithmetic}
	if label.Parse(printed).Key != label.Parse(e.row.label).Key {
		flags = append(flags, gongkai.FlagLabelFromForm)
	}
	line := e.cur.labels[0].Line
	whole := true
	for c, s := range tables[0].columns {
		if _, placed := tables[0].read[id][s.key]; placed {
			continue
		}
		v, ok := deducedAlike(tables, id, c)
		if !traced {
			v, ok = printedAlike(tables, id, c)
		}
		if !ok {
			whole = false
			continue
		}
		raw := strconv.FormatFloat(v, 'f', -1, 64)
		r.obs = append(r.obs, r.observation(e.row.indicator, s.key, e.row.label, s, layout.Cell{Text: raw, Raw: raw, Line: line}, flags))
	}
	if whole {
		r.unplaced = slices.DeleteFunc(r.unplaced, func(u gongkai.Unplaced) bool { return u.Line == line && u.Label == printed })
	}
}

// printedAlike is, for a row that printed half its cells or fewer (a
// table that leaves cells blank prints as few), a figure OCR printed that
// every way of its printed figures left in every table sets in column c,
// where those figures add up as printed (总计 the sum of the others, the
// cells not printed blank or 0): `5.属于三类内部事务信息 |3 3` under
// columns whose （七）总计 leaves room for 3 only under 自然人 gives 3 there
// and 3 under 总计. Its other cells are not placed: a blank is no 0.
func printedAlike(tables []*sumsTable, id string, c int) (float64, bool) {
	var v *float64
	for _, t := range tables {
		ways, evidence := t.ways[id]
		if !evidence || len(ways) == 0 {
			return 0, false
		}
		for _, w := range ways {
			if w[c] == nil || v != nil && *w[c] != *v || !addsAsPrinted(w) {
				return 0, false
			}
			v = w[c]
		}
		if x, known := t.get(id, c); v == nil || known && x != *v {
			return 0, false
		}
	}
	if v == nil {
		return 0, false
	}
	return *v, true
}

// addsAsPrinted reports whether a way of a row's printed figures sets its
// 总计 and makes it the sum of the applicant columns it sets.
func addsAsPrinted(w []*float64) bool {
	last := len(w) - 1
	if w[last] == nil {
		return false
	}
	sum := 0.0
	for _, v := range w[:last] {
		if v != nil {
			sum += *v
		}
	}
	return sum == *w[last]
}

// deducedAlike is the figure every table deduces for row id in column c,
// where each keeps a way of the row's printed figures and, for a figure
// other than 0, sets it where OCR printed it in every way.
func deducedAlike(tables []*sumsTable, id string, c int) (float64, bool) {
	var v float64
	for i, t := range tables {
		ways, evidence := t.ways[id]
		x, ok := t.get(id, c)
		if !evidence || len(ways) == 0 || !ok || i > 0 && x != v || x != 0 && !printedIn(ways, c, x) {
			return 0, false
		}
		v = x
	}
	return v, true
}

// printedCells is the number of columns a way of a row's printed figures
// sets.
func printedCells(way []*float64) int {
	n := 0
	for _, v := range way {
		if v != nil {
			n++
		}
	}
	return n
}

// printedIn reports whether every way sets figure v in column c.
func printedIn(ways [][]*float64, c int, v float64) bool {
	for _, w := range ways {
		if w[c] == nil || *w[c] != v {
			return false
		}
	}
	return true
}

// maxProbeWays bounds the readings of a row tried one by one (probeWhole).
const maxProbeWays = 8

// probeWhole drops, for each row read several whole ways (wholeReadings),
// the readings under which the table cannot hold: the identities then
// break, or a column's （七）总计 is below what its outcome rows hold at
// least (each row's figures known, and where a row's 总计 is not known,
// the largest figure OCR printed for it in every way that still fits: no
// count is below 0, so 总计 is at least each of its terms). `1l151 |3 10
// 10 0 0 |154` (151 … 154 or 51 … 54) is 151 … 154 where 51 would make
// （七）总计 48 below outcome rows printing 3 3, 49 50, 8 8 …. It reports
// whether a reading was dropped.
func (t *sumsTable) probeWhole() bool {
	more := false
	for id := range t.whole {
		ways := t.ways[id]
		if len(ways) < 2 || len(ways) > maxProbeWays {
			continue
		}
		var kept [][]*float64
		for _, w := range ways {
			if t.tryWay(id, w) {
				kept = append(kept, w)
			}
		}
		if len(kept) > 0 && len(kept) < len(ways) {
			t.ways[id] = kept
			more = true
		}
	}
	return more
}

// tryWay reports whether the table holds with row id read as way w: the
// identities applied until nothing more follows, and each column's
// （七）总计 at least what its outcome rows hold.
func (t *sumsTable) tryWay(id string, w []*float64) bool {
	c := t.clone()
	c.ways[id] = [][]*float64{w}
	for range maxSumsRounds {
		more, holds := c.round()
		if !holds {
			return false
		}
		if !more {
			break
		}
	}
	return c.outcomesWithinTotals(t)
}

// clone copies the figures known and the ways, for a trial.
func (t *sumsTable) clone() *sumsTable {
	c := *t
	c.known = grid3{}
	for id, m := range t.known {
		c.known[id] = maps.Clone(m)
	}
	c.ways = maps.Clone(t.ways)
	return &c
}

// outcomesWithinTotals reports whether, in each column whose （七）总计 is
// known, the outcome rows hold no more than it at least: their figures
// known, and in the 总计 column the largest figure every way of a row's
// printed figures sets, as base (the table before the trial) keeps them.
func (t *sumsTable) outcomesWithinTotals(base *sumsTable) bool {
	last := len(t.columns) - 1
	for c := range t.columns {
		total, ok := t.get(t.balance[2], c)
		if !ok {
			continue
		}
		least := 0.0
		for _, id := range t.leaves {
			if v, ok := t.get(id, c); ok {
				least += v
			} else if c == last {
				least += base.leastTotal(id) // the ways before the trial dropped any
			}
		}
		if least > total {
			return false
		}
	}
	return true
}

// leastTotal is the least 总计 the ways of row id allow: in each way its
// largest figure set (总计 is at least each of its terms); 0 where the row
// has no way.
func (t *sumsTable) leastTotal(id string) float64 {
	ways := t.ways[id]
	if len(ways) == 0 {
		return 0
	}
	least := -1.0
	for _, w := range ways {
		top := 0.0
		for _, v := range w {
			if v != nil && *v > top {
				top = *v
			}
		}
		if least < 0 || top < least {
			least = top
		}
	}
	return least
}
