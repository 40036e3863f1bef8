package form

import (
	"slices"
	"strconv"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
)

// A figure's label is the row text as printed. Text taken from a PDF or
// OCR often breaks a row's label apart: the number printed after the
// words (危及“三安全一稳定”3.), pieces of a heading printed beside the row
// joined into it (2.其他法律行政法开), a bracketed note cut off. Once the
// reader has placed the figure under a row of the national form, that
// broken text says nothing the row's indicator does not, and it reads as
// no row at all to someone searching by label. Such a figure takes the
// form's wording, with the form's number, as its label and the flag
// label_from_form. A label that reads as the row (its words, or a wording
// of the catalogue's, whatever its numbering and notes) is kept as printed.

// labelsFromForm gives the figures of the form's rows whose printed label
// does not read as their row the form's wording.
func (r *reader) labelsFromForm() {
	tpl := r.template()
	for i := range r.obs {
		o := &r.obs[i]
		if slices.Contains(o.Flags, gongkai.FlagLocalRow) || slices.Contains(o.Flags, gongkai.FlagDerived) {
			continue
		}
		rows := r.formRowsOf(o.Indicator)
		if len(rows) == 0 || slices.ContainsFunc(rows, func(row *formRow) bool { return row.readsAs(o.Label) }) {
			continue
		}
		row := rows[0]
		for _, x := range rows {
			if slices.Contains(x.templates, tpl) {
				row = x
				break
			}
		}
		o.Label = row.wording
		o.Flags = figure.AppendFlag(o.Flags, gongkai.FlagLabelFromForm)
	}
}

// formRow is a row of the national form a figure can stand in: its
// catalogue entry and its wording as the form prints it, numbered.
type formRow struct {
	*entry
	wording string
}

// readsAs reports whether printed reads as the row: its key, without the
// numbering, is the key of the row's wording or of one of its aliases, and
// a bracketed note it opens is closed (a note cut off, or with a heading's
// piece inside, is text broken apart).
func (row *formRow) readsAs(printed string) bool {
	return slices.Contains(row.keys, label.Parse(printed).Key) && bracketsClosed(label.Fold(printed))
}

// bracketsClosed reports whether every bracket opened in folded text is
// closed after it.
func bracketsClosed(folded string) bool {
	depth := 0
	for _, c := range folded {
		switch c {
		case '(', '【', '〔', '[':
			depth++
		case ')', '】', '〕', ']':
			depth = max(depth-1, 0)
		}
	}
	return depth == 0
}

// formRowsOf is every row of the form, in either template, whose figures
// include indicator's: a row of table 2 or 3, or a block of table 4.
func (r *reader) formRowsOf(indicator string) []*formRow {
	var out []*formRow
	for _, table := range []int{tableProactive, tableApplications} {
		for _, row := range r.s.rows[table] {
			if row.indicator == indicator && !row.group || holds(row.cells, indicator) {
				out = append(out, &formRow{entry: &row.entry, wording: r.s.numbered(row)})
			}
		}
	}
	for _, b := range r.s.reviewsBlocks {
		if holds(b.cells, indicator) {
			out = append(out, &formRow{entry: &b.entry, wording: b.label})
		}
	}
	return out
}

// holds reports whether v is one of m's values.
func holds(m map[string]string, v string) bool {
	for _, x := range m {
		if x == v {
			return true
		}
	}
	return false
}

// numbered is the row's wording with the number the form prints before
// it: 一、 for the first level of table 3, （一） for the second, 1. for the
// third; a row of table 2 has none.
func (s *spec) numbered(row *rowSpec) string {
	n := s.ordinal(row)
	numerals := []rune("一二三四五六七八九十")
	if n < 1 || n > len(numerals) {
		return row.label
	}
	switch row.depth {
	case 1:
		return string(numerals[n-1]) + "、" + row.label
	case 2:
		return "（" + string(numerals[n-1]) + "）" + row.label
	case 3:
		return strconv.Itoa(n) + "." + row.label
	}
	return row.label
}
