package form

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// The rows of table 3 are fixed by national rule, in a fixed order. A
// converter may lose a row's label, or print only a piece of it, or cut
// it from its figures: such a row is unplaced while it is read. Once the
// table is read, the form's row order may still place it, when nothing
// else can be meant:
//
//   - the rows placed by their labels before and after it (the anchors)
//     leave exactly as many rows of the form unread between them as there
//     are unplaced rows of figures between them, in the same order;
//   - each such row prints exactly the form's seven figures under the
//     header's columns, and its 总计 is the sum of the six others (I2);
//   - each row's label, when it prints one, is a piece of the wording of
//     the row it would take (行政机关不再处理其政府信息公 in （六）1.) or
//     bears its number (3.危口“三安全一囗定”, misread by OCR, read at first
//     as a row the form lacks);
//   - no label bears another number than its row's, at the row's depth;
//   - once placed, (七)总计 is the sum of every outcome row in each column
//     (I3). A gap holding a row with no label at all is placed only then.
//
// The header must show table 3's seven columns, except in a text showing
// OCR's signs, where the rows are read under the form's order of columns
// (formorder.go) and the misread labels of ocrroworder.go may say which row
// a candidate is. When table 3's rows do not tell the template (no row
// under （六）, nor a single （六）其他处理 read), a gap is filled only with
// the same rows under both forms' orders.
//
// Such figures carry the flag placed_by_form_order and the row's wording
// as the form prints it (what the file printed is none of it or a piece);
// otherwise the rows stay unplaced with their reasons.

// orderItem is a row of table 3 as read, in printed order: placed under a
// row of the form, or a candidate: a row with figures and no row of the
// form, unplaced or kept as a local row (a label OCR misread past
// recognition, 3.危口“三安全一囗定”, is no row the form lacks).
type orderItem struct {
	row      *rowSpec // placed; nil for a candidate
	cand     *openRow
	unplaced int // index of the candidate's entry in reader.unplaced, -1 for a local row
	// obsFrom, obsTo: the observations of a candidate kept as a local row
	obsFrom, obsTo int
}

// noteOrder records a row of table 3 read, placed or not. （六）其他处理
// is a row of the 2019 form, a heading of the 2021 one: placed, it is a row.
// obsFrom is the number of observations before the row's.
func (r *reader) noteOrder(cur *openRow, placed bool, obsFrom int) {
	if r.applications.filling || cur.table != tableApplications {
		return
	}
	switch {
	case placed && cur.row != nil && (!cur.row.group || cur.row == r.s.otherHandling):
		r.applications.order = append(r.applications.order, orderItem{row: cur.row})
	case placed && cur.row == nil:
		r.applications.order = append(r.applications.order, orderItem{cand: cur, unplaced: -1, obsFrom: obsFrom, obsTo: len(r.obs)})
	case !placed && cur.row == nil && cur.hasFigures(r.isUnit):
		r.applications.order = append(r.applications.order, orderItem{cand: cur, unplaced: len(r.unplaced) - 1})
	}
}

// fillByRowOrder places the candidates of table 3 that the form's row
// order leaves no doubt about (see above).
func (r *reader) fillByRowOrder() {
	if !completeApplicants(r.applications.columns) && r.misread == 0 {
		return
	}
	orders := r.candidateOrders()
	items := r.applications.order
	obsBefore, unplacedBefore := len(r.obs), len(r.unplaced)
	var filled []*rowSpec
	unlabeled := false
	drop, dropObs := map[int]bool{}, map[int]bool{}
	r.applications.filling = true
	defer func() { r.applications.filling = false }()
	for a := 0; a < len(items); a++ {
		if items[a].row == nil {
			continue
		}
		b := a + 1
		for b < len(items) && items[b].row == nil {
			b++
		}
		if b == len(items) || b == a+1 {
			continue
		}
		gap := items[a+1 : b]
		rows := r.gapRows(orders, gap, items[a].row, items[b].row)
		if rows == nil {
			a = b - 1
			continue
		}
		for k, it := range gap {
			unlabeled = unlabeled || label.Parse(it.cand.printedLabel()).Key == ""
			r.placeCandidate(it.cand, rows[k])
			drop[it.unplaced] = true
			for i := it.obsFrom; i < it.obsTo; i++ {
				dropObs[i] = true
			}
			filled = append(filled, rows[k])
		}
		a = b - 1
	}
	if len(filled) == 0 {
		return
	}
	if holds, known := r.outcomesAddUpIn(orders); !holds && (known || unlabeled) {
		// The form's arithmetic does not confirm the order: undo.
		r.obs, r.unplaced = r.obs[:obsBefore], r.unplaced[:unplacedBefore]
		for _, row := range filled {
			delete(r.seen, row.id)
		}
		return
	}
	kept := r.unplaced[:0]
	for i, u := range r.unplaced {
		if !drop[i] {
			kept = append(kept, u)
		}
	}
	r.unplaced = kept
	obs := r.obs[:0]
	for i, o := range r.obs {
		if !dropObs[i] {
			obs = append(obs, o)
		}
	}
	r.obs = obs
}

// candidateOrders is the orders of rows table 3 may follow: its
// template's, or both forms' when its rows do not tell (the 2019 form's
// single （六）其他处理, or the 2021 form's three rows, none read).
func (r *reader) candidateOrders() [][]*rowSpec {
	if tpl := r.applicationsTemplate(); tpl != "" {
		return [][]*rowSpec{r.applicationsLeaves(tpl)}
	}
	return [][]*rowSpec{r.applicationsLeaves(gongkai.Template2019), r.applicationsLeaves(gongkai.Template2021)}
}

// gapRows is the rows of the form the candidates of a gap between rows a
// and b are, one for one: the same in every order they fit (the forms
// differ only in （六）), nil when they fit none or orders that differ.
func (r *reader) gapRows(orders [][]*rowSpec, gap []orderItem, a, b *rowSpec) []*rowSpec {
	var rows []*rowSpec
	for _, order := range orders {
		between := r.unreadBetween(order, a, b)
		switch {
		case !r.gapFits(gap, between):
		case rows == nil:
			rows = between
		case !slices.Equal(rows, between):
			return nil
		}
	}
	return rows
}

// outcomesAddUpIn is outcomesAddUp in the first order that holds, or else
// whether any order's figures were all known.
func (r *reader) outcomesAddUpIn(orders [][]*rowSpec) (holds, known bool) {
	for _, order := range orders {
		h, k := r.outcomesAddUp(order)
		if h {
			return true, true
		}
		known = known || k
	}
	return false, known
}

// applicationsLeaves is the rows of table 3 that print figures in
// template tpl, in the form's order.
func (r *reader) applicationsLeaves(tpl string) []*rowSpec {
	var out []*rowSpec
	for _, e := range r.cat.Forms[tpl] {
		if e.Table == tableApplications && e.Kind == catalog.FormRow {
			if row := r.s.rowByID[e.ID]; row != nil {
				out = append(out, row)
			}
		}
	}
	return out
}

// unreadBetween is the rows of order strictly between rows a and b, when
// a comes before b and none of them was read; nil otherwise.
func (r *reader) unreadBetween(order []*rowSpec, a, b *rowSpec) []*rowSpec {
	ia, ib := indexOf(order, a), indexOf(order, b)
	if ia < 0 || ib <= ia+1 {
		return nil
	}
	rows := order[ia+1 : ib]
	for _, row := range rows {
		if r.seen[row.id] > 0 {
			return nil
		}
	}
	return rows
}

func indexOf(rows []*rowSpec, x *rowSpec) int {
	for i, row := range rows {
		if row == x {
			return i
		}
	}
	return -1
}

// placeCandidate reads a candidate of table 3 as row of the form: the
// label printed is none or a piece, or garbled; the row bears the form's
// wording, and its figures the flag placed_by_form_order.
func (r *reader) placeCandidate(cand *openRow, row *rowSpec) {
	filling := r.applications.filling
	r.applications.filling = true
	defer func() { r.applications.filling = filling }()
	n := len(r.obs)
	first := cand.labels[0]
	first.Text, first.Raw = row.label, row.label
	cand.labels = []layout.Cell{first}
	cand.row, cand.table = row, tableApplications
	r.cur = cand
	r.closeRow()
	for i := n; i < len(r.obs); i++ {
		r.obs[i].Flags = figure.AppendFlag(r.obs[i].Flags, gongkai.FlagPlacedByFormOrder)
	}
}

// gapFits reports whether the candidates of a gap are the rows of the
// form it leaves, one for one: as many, each with the form's seven
// figures adding up, each label a piece of its row's wording or none.
func (r *reader) gapFits(gap []orderItem, rows []*rowSpec) bool {
	if len(rows) == 0 || len(gap) != len(rows) {
		return false
	}
	for k, it := range gap {
		l := label.Parse(it.cand.printedLabel())
		if !r.sevenAddingUp(it.cand.values) || r.numberedOtherwise(l, rows[k]) ||
			!pieceOf(l.Key, rows[k]) && !r.numberedAs(l, rows[k]) && !r.misreadRowOf(it.cand, rows, k) {
			return false
		}
	}
	return true
}

// numberedAs reports whether label l bears the number of row, at its depth
// (3. for （三）3.): with the row's place, the number says which row a
// label misread past recognition is.
func (r *reader) numberedAs(l label.Label, row *rowSpec) bool {
	return l.Enum != "" && l.EnumLevel() == row.depth && l.Ordinal() == r.s.ordinal(row)
}

// numberedOtherwise reports whether label l bears a number at row's depth
// that is not the row's (2.本机关不掌握相关政府 for （四）1.).
func (r *reader) numberedOtherwise(l label.Label, row *rowSpec) bool {
	return l.Enum != "" && l.EnumLevel() == row.depth && l.Ordinal() != r.s.ordinal(row)
}

// sevenAddingUp reports whether cells are the form's seven figures of a
// row of table 3, 总计 last and the sum of the others.
func (r *reader) sevenAddingUp(cells []layout.Cell) bool {
	figures, _, ok := r.plainFigures(cells)
	if !ok || len(figures) != applicantColumns+1 {
		return false
	}
	var sum float64
	for _, f := range figures[:applicantColumns] {
		sum += f
	}
	return sum == figures[applicantColumns]
}

// minPieceOfRow is the length, in runes, a printed piece of a label needs
// to confirm the row it belongs to: shorter pieces (其他, 申请) are words of
// many rows.
const minPieceOfRow = 4

// pieceOf reports whether key, a row's label as printed, is nothing or a
// piece of the wording of row: contained in it, or in it once the heading
// printed before it is taken away.
func pieceOf(key string, row *rowSpec) bool {
	if key == "" {
		return true
	}
	if utf8.RuneCountInString(key) < minPieceOfRow {
		return false
	}
	for _, k := range row.keys {
		if strings.Contains(k, key) || row.score(key) >= label.Full {
			return true
		}
	}
	return false
}

// outcomesAddUp reports whether （七）总计 is, in every column, the sum of
// the outcome rows (I3), and whether every figure needed was read.
func (r *reader) outcomesAddUp(order []*rowSpec) (holds, known bool) {
	answered, carriedOver := -1, -1
	for i, row := range order {
		switch row.indicator {
		case "requests.answered":
			answered = i
		case "requests.carried_over":
			carriedOver = i
		}
	}
	if answered < 0 || carriedOver < 0 || carriedOver > answered {
		return false, false
	}
	values := map[string]float64{}
	for _, o := range r.obs {
		if o.Value != nil {
			values[o.Indicator+"/"+o.Breakdown] = *o.Value
		}
	}
	columns := r.applications.columns
	if !completeApplicants(columns) {
		columns = r.formOrderSlots()
	}
	if r.misreadTotalRow(order[answered], values, columns) {
		return false, false
	}
	for _, c := range columns {
		total, ok := values[order[answered].indicator+"/"+c.key]
		if !ok {
			return false, false
		}
		var sum float64
		for _, row := range order[carriedOver+1 : answered] {
			v, ok := values[row.indicator+"/"+c.key]
			if !ok {
				return false, false
			}
			sum += v
		}
		if sum != total {
			return false, true
		}
	}
	return true, true
}
