package form

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// applicationsTable is what the reader keeps of table 3, applications
// received and handled: one set of columns (the applicant types) and rows
// nested under headings.
type applicationsTable struct {
	header  []layout.Cell
	columns []slot
	// columnsProblem says why the header gives no columns for certain, ""
	// when it does: the rows are then unplaced with it.
	columnsProblem string
	// outOfOrder: the header printed its columns out of the form's order
	// (outOfFormOrder), the problem given; it tells nothing of the
	// figures' order, so the form's order may place them still.
	outOfOrder bool
	started    bool // a row of table 3 was read
	// beforeRows is the figures of table 3 printed after its header and
	// before its first row's label (figuresfirst.go).
	beforeRows []layout.Cell
	group      *rowSpec // innermost heading row in force
	// otherHandlingRows: a row under （六）其他处理 was read, the 2021 layout.
	otherHandlingRows bool
	otherHandlingObs  []int         // observations of （六）其他处理 itself
	last              *rowSpec      // the last row (not heading) opened
	figuresAfter      *figuresAfter // figures after a row's own, held until the next row read
	bareRows          []*openRow    // rows closed with no cell since the last that printed cells (streamrows.go)
	lastCount         int           // cells of the last row of table 3 closed (piecefigure.go)
	// order is the rows read, placed or not, for the form's row order to
	// place what their labels could not (roworder.go); filling is set
	// while it does.
	order   []orderItem
	filling bool
	// countRefused holds the rows (by ID) that printed a count of figures
	// other than the form's seven under the form's order, with the line of
	// their label: a piece of such a row's label read again with seven
	// figures is not placed by the order (formorder.go).
	countRefused map[string]int
}

// isApplicationsHeader reports whether l is a header cell of table 3. 其他 and 总计
// are headers only before the first row of the table; after it they are
// rows (（六）3.其他, （七）总计).
func (r *reader) isApplicationsHeader(l label.Label) bool {
	if l.Enum != "" {
		return false
	}
	for _, sp := range r.s.spans[tableApplications] {
		if sp.score(l.Key) >= label.Contained {
			return true
		}
	}
	for _, c := range r.s.applications.columns {
		generic := c.key == "other_org" || c.key == "total"
		if c.score(l.Key) >= label.Contained && (!generic || r.table == tableApplications && !r.applications.started) {
			return true
		}
	}
	return false
}

// applicationsColumns reads the header cells of table 3 into its seven
// columns. A spanning heading (申请人情况, 法人或其他组织) is never a column.
// A line of the header that names every column decides their order as it
// prints them, whatever spanning lines come before or after it (a PDF
// reader prints the spans on lines of their own above the flat row);
// otherwise the header's cells are read together, over lines. With no
// header at all the form's order is taken. A header whose order is not
// certain gives no columns and the reason.
func (r *reader) applicationsColumns(header []layout.Cell) ([]slot, string) {
	for _, line := range cellsByLine(header) {
		if cols, problem := r.applicationsColumnsPrinted(line); problem == "" && r.namesEveryApplicationsColumn(cols) {
			return cols, ""
		}
	}
	out, problem := r.applicationsColumnsPrinted(header)
	if problem != "" {
		return nil, problem
	}
	if problem := r.outOfFormOrder(out); problem != "" && onePerLine(header) {
		r.applications.outOfOrder = true
		return nil, problem
	}
	if len(out) == 0 {
		for _, c := range r.s.applications.templateColumns(gongkai.Template2019) {
			out = append(out, slot{key: c.key, printed: c.label, block: r.s.applications, x0: -1, x1: -1, idx: -1})
		}
	}
	return out, ""
}

// outOfFormOrder says why columns read from a header that prints them out
// of the form's order are no order of the figures, "" when they keep it.
// The national rule fixes table 3's columns: 自然人, the five of 法人或其他
// 组织 (商业企业 … 其他), 总计. A text that sorts a page's cells by where
// they end (PyMuPDF's sorted blocks) or prints them box by box puts a
// name wrapped over fewer lines first (总计 before 自然人, 其他 before
// 商业企业) while its figures keep the form's order; and a row adds up
// whichever applicant column takes which figure, so no sum would catch
// the figures put under the header's order. Columns missing from the
// header do not count; those read must come in the form's order.
//
// It is asked only of a header printed one piece a line: a table whose
// header shares its lines with its cells (a pipe or tab row, columns
// aligned by spaces) prints its figures in the header's order, which
// stands even when it is not the form's.
func (r *reader) outOfFormOrder(cols []slot) string {
	form := r.formOrderSlots()
	last := -1
	for _, c := range cols {
		at := slices.IndexFunc(form, func(s slot) bool { return s.key == c.key })
		if at < 0 {
			continue
		}
		if at < last {
			return fmt.Sprintf("the header prints %s after %s, out of the form's order of columns, as a text that sorts cells by where they end prints it: which column each figure is is not certain", c.printed, form[last].printed)
		}
		last = at
	}
	return ""
}

// legalPersons is the span of table 3 over the columns of 法人或其他组织.
const legalPersons = "legal_persons"

// applicationsColumnsPrinted reads header cells into columns, joining a
// header cut over cells (商业 / 企业), and puts the columns under
// 法人或其他组织 where the header's shape says (placeUnderSpan).
func (r *reader) applicationsColumnsPrinted(header []layout.Cell) ([]slot, string) {
	var out []slot
	var under []bool // out[i] is a column under 法人或其他组织
	spanAt := -1     // columns printed before 法人或其他组织, at its last printing before any of its columns
	var pending []layout.Cell
	var left []layout.Cell // cells joined into no column or span
	for i, c := range header {
		printed := source.Trim(c.Text) // the column as printed, its pieces joined
		for i := len(pending) - 1; i >= 0; i-- {
			printed = source.Trim(pending[i].Text) + printed
		}
		k := label.Key(printed)
		col := r.applicationsColumn(k)
		if col != nil && len(pending) > 0 && r.namedBetterJoined(col, printed, header[i+1:]) {
			pending = append(pending, c)
			continue
		}
		if col == nil {
			if sp := r.applicationsSpan(k); sp != nil {
				left, pending = append(left, pending...), nil
				if sp.id == legalPersons && !slices.Contains(under, true) {
					spanAt = len(out)
				}
			} else if len(pending) < 2 {
				pending = append(pending, c)
			} else {
				left, pending = append(append(left, pending...), c), nil
			}
			continue
		}
		pending = nil
		if containsSlot(out, col.key) {
			continue
		}
		out = append(out, slot{key: col.key, printed: printed, block: r.s.applications, x0: c.X0, x1: c.X1, idx: c.Idx})
		under = append(under, col.parent == legalPersons)
	}
	if !completeApplicants(out) && onePerLine(header) && r.scatteredNames(append(left, pending...)) {
		return outsideSpan(out, under), ""
	}
	return placeUnderSpan(out, under, spanAt)
}

// scatteredNames reports whether cells joined into no column hold a piece
// of the name of a column under 法人或其他组织 (商业 … 企业 with 科研
// between): a header printed one piece a line (onePerLine) prints its
// names cut in pieces out of their order, as pdfminer prints it box by
// box (the first line of every name, then the second), and its printed
// order is not the columns'.
func (r *reader) scatteredNames(left []layout.Cell) bool {
	for _, c := range left {
		k := label.Key(c.Text)
		if k == "" {
			continue
		}
		for _, col := range r.s.applications.columns {
			if col.parent == legalPersons && strings.Contains(label.Key(col.label), k) {
				return true
			}
		}
	}
	return false
}

// onePerLine reports whether every cell of the header is printed on a
// line of its own, as pdfminer prints a header box by box.
func onePerLine(header []layout.Cell) bool {
	for i := 1; i < len(header); i++ {
		if header[i].Line == header[i-1].Line {
			return false
		}
	}
	return true
}

// outsideSpan is the columns read that are not under 法人或其他组织: in a
// header whose names are scattered, those under it are in no certain
// order, and the header does not show its columns (the form's order may
// place a row whose figures confirm it, formorder.go).
func outsideSpan(out []slot, under []bool) []slot {
	var kept []slot
	for i, s := range out {
		if !under[i] {
			kept = append(kept, s)
		}
	}
	return kept
}

// placeUnderSpan orders the columns of table 3 read in printed order.
// When every column under 法人或其他组织 (under) is printed after all the
// others, the header is the form's two rows (自然人 | 法人或其他组织 | 总计
// above 商业企业 …): those columns take the place of the span, printed
// after spanAt columns. When a column not under the span follows them, the
// header is flat and its printed order decides, wherever the span was
// printed. A span printed before every column, over columns printed after
// all others, may head the whole row or its own columns: the order is not
// certain, and the reason says so.
func placeUnderSpan(out []slot, under []bool, spanAt int) ([]slot, string) {
	first := slices.Index(under, true)
	if spanAt < 0 || first < 0 || slices.Contains(under[first:], false) {
		return out, ""
	}
	if spanAt == 0 && first > 0 {
		return nil, "the header of table 3 prints 法人或其他组织 before every column and its columns after all the others: the order of the columns is not certain"
	}
	return slices.Concat(out[:spanAt], out[first:], out[spanAt:first]), ""
}

// namedBetterJoined reports whether the header cell after printed, a
// column's name joined from pieces, names column col better joined to it:
// a name cut in three pieces (社会 / 公益 / 组织) is not taken at two.
func (r *reader) namedBetterJoined(col *columnSpec, printed string, next []layout.Cell) bool {
	if len(next) == 0 {
		return false
	}
	k := label.Key(printed + source.Trim(next[0].Text))
	return r.applicationsColumn(k) == col && col.score(k) > col.score(label.Key(printed))
}

// applicationsColumn is the column of table 3 whose header key k names,
// or nil.
func (r *reader) applicationsColumn(k string) *columnSpec {
	for _, c := range r.s.applications.columns {
		if c.score(k) >= label.Contained {
			return c
		}
	}
	return nil
}

// applicationsSpan is the spanning heading of table 3 that key k names,
// or nil.
func (r *reader) applicationsSpan(k string) *entry {
	for _, sp := range r.s.spans[tableApplications] {
		if sp.score(k) >= label.Contained {
			return sp
		}
	}
	return nil
}

// namesEveryApplicationsColumn reports whether cols hold every column of
// table 3 in one of the templates.
func (r *reader) namesEveryApplicationsColumn(cols []slot) bool {
	for _, tpl := range templates {
		want := r.s.applications.templateColumns(tpl)
		every := len(want) > 0 && len(cols) == len(want)
		for _, c := range want {
			every = every && containsSlot(cols, c.key)
		}
		if every {
			return true
		}
	}
	return false
}

// cellsByLine groups cells by the line they are printed on, in order.
func cellsByLine(cells []layout.Cell) [][]layout.Cell {
	var out [][]layout.Cell
	for i, c := range cells {
		if i == 0 || c.Line != cells[i-1].Line {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], c)
	}
	return out
}

func containsSlot(slots []slot, key string) bool {
	for _, s := range slots {
		if s.key == key {
			return true
		}
	}
	return false
}

// applicationsTemplate is the format of table 3: 2021 when （六）其他处理 has its
// three rows, 2019 when it is a row with figures, "" when neither was read.
func (r *reader) applicationsTemplate() string {
	switch {
	case r.applications.otherHandlingRows:
		return gongkai.Template2021
	case r.seen[r.s.otherHandling.id] > 0:
		return gongkai.Template2019
	}
	return ""
}
