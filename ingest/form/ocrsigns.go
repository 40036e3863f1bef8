package form

// The signs of OCR (ocrsign.Find) on the tables' lines tell the reader
// that any figure may hold a digit misread: see distrustRowsOfMisreadText
// and distrustProactiveOfMisreadText for what it then refuses.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/ocrsign"
	"github.com/gongkai/gongkai/ingest/source"
)

// noteOCRSigns counts the signs of OCR on the lines of the tables, before
// they are read, and keeps the lines where a figure is glued to a mark,
// and the tables' lines as printed.
func (r *reader) noteOCRSigns(lines []source.Line, regions []tableSpan) {
	r.misreadFigures = map[int]string{}
	r.tableLines = map[int]string{}
	r.misread += r.ocrTopSigns
	for _, g := range regions {
		for _, l := range lines[g.start:g.end] {
			r.tableLines[l.N] = l.Text
			signs, figure := ocrsign.Find(l.Text)
			r.misread += len(signs)
			if figure != "" {
				r.misreadFigures[l.N] = figure
			}
		}
	}
}

// misreadFigure tells why a row that prints a figure on a line where OCR
// glued a figure to a mark cannot be read, or "".
func (r *reader) misreadFigure(cur *openRow) string {
	for _, v := range cur.values {
		if tok, ok := r.misreadFigures[v.Line]; ok {
			return fmt.Sprintf("%q on line %d, among the row's figures: a figure glued to what OCR makes of a rule or a digit, the figures are not certain", tok, v.Line)
		}
	}
	return ""
}

// localRowOfMisreadText tells why a row the national form lacks cannot be
// taken in a text that shows OCR's misreadings, or "": OCR garbles labels
// past recognition (（四）无“2 没有现成信息需要另行), and such a row is more
// likely a row of the form misread than one the report adds; its figures
// adding up does not tell whose they are.
func (r *reader) localRowOfMisreadText() string {
	if r.misread == 0 {
		return ""
	}
	return fmt.Sprintf("a row the national form does not have, in a text whose cells show OCR's misreadings (%d): a row of the form whose label was misread, perhaps, and whose figures cannot be placed for certain", r.misread)
}

// distrustProactiveOfMisreadText unplaces the figures of table 2 in a text
// that shows OCR's misreadings: no identity of the form ties them (272
// read as 2, 7296.33 as 7290.33 pass every check), so a digit misread
// would stand. A figure the report's own text states for its row and
// column (本年制发规章3件) is kept: the text confirms it. A mark of no
// figure (`-`, `—`) is unplaced too: OCR loses digits, and a sign left
// of a figure (`-` of -1 under 本年增/减) reads as the mark.
func (r *reader) distrustProactiveOfMisreadText() {
	if r.misread == 0 {
		return
	}
	where := r.proactiveCells()
	drop := map[int]bool{}
	for i, o := range r.obs {
		c, ok := where[o.Indicator]
		if !ok || o.Breakdown != gongkai.BreakdownTotal || o.Value == nil && strings.TrimSpace(o.Raw) == "" {
			continue
		}
		reason := fmt.Sprintf("a figure of table 2, which no identity of the form checks, in a text whose cells show OCR's misreadings (%d): a digit may be misread", r.misread)
		if o.Value == nil {
			reason = fmt.Sprintf("a mark of no figure in table 2, in a text whose cells show OCR's misreadings (%d): a figure's digits may be lost", r.misread)
		}
		if c.row != nil && o.Value != nil {
			stated := r.statedFigures(c.row, slot{key: c.key, block: c.row.block})
			if containsFigure(stated, *o.Value) {
				continue
			}
			if len(stated) > 0 {
				reason += fmt.Sprintf(", and the report's text states %s", strings.Join(stated, ", "))
			}
		}
		drop[i] = true
		col := ""
		if o.Column != nil {
			col = *o.Column
		}
		r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: o.Label, Line: o.Line, Cells: []string{o.Raw},
			Reason: fmt.Sprintf("%s under %s: %s", o.Raw, col, reason)})
	}
	r.dropObservations(drop)
}

// proactiveCell is where an indicator of table 2 is printed: its row of
// the form and column, or no row for a row the form lacks.
type proactiveCell struct {
	row *rowSpec
	key string
}

// proactiveCells maps each indicator of table 2, rows the form lacks
// included, to where it is printed.
func (r *reader) proactiveCells() map[string]proactiveCell {
	out := map[string]proactiveCell{}
	for _, row := range r.s.rows[tableProactive] {
		for key, ind := range row.cells {
			out[ind] = proactiveCell{row: row, key: key}
		}
		if row.block != nil {
			for key, ind := range row.block.locals {
				if _, ok := out[ind]; !ok {
					out[ind] = proactiveCell{key: key}
				}
			}
		}
	}
	return out
}

// containsFigure reports whether one of the figures stated is v.
func containsFigure(stated []string, v float64) bool {
	for _, s := range stated {
		if s == strconv.FormatFloat(v, 'f', -1, 64) {
			return true
		}
	}
	return false
}
