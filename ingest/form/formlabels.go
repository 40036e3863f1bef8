package form

import (
	"slices"
	"strconv"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
)

// A figure's label and column are the row text and the column header as
// printed. Text taken from a PDF or OCR often breaks them apart: a row's
// number printed after its words (危及“三安全一稳定”3.), pieces of a heading
// printed beside the row joined into it (2.其他法律行政法开), a bracketed
// note cut off, a header's shared word lost (维持 for 结果维持). Once the
// reader has placed the figure under a row and column of the national
// form, that broken text says nothing the indicator and breakdown do not,
// and it reads as no row or column at all to someone searching by label.
// Such a figure takes the form's wording, with the form's number, as its
// label or column, and the flag label_from_form. A label or column that
// reads as the form's (its words, or a wording of the catalogue's,
// whatever its numbering and notes) is kept as printed.

// labelsFromForm gives the figures of the form whose printed label or
// column does not read as their row's or column's the form's wording.
func (r *reader) labelsFromForm() {
	tpl := r.template()
	for i := range r.obs {
		o := &r.obs[i]
		if slices.Contains(o.Flags, gongkai.FlagLocalRow) || slices.Contains(o.Flags, gongkai.FlagDerived) {
			continue
		}
		rows, columns := r.formPlaceOf(o.Indicator, o.Breakdown)
		if wording, ok := formWording(rows, o.Label, tpl); !ok {
			o.Label = wording
			o.Flags = figure.AppendFlag(o.Flags, gongkai.FlagLabelFromForm)
		}
		if o.Column == nil {
			continue
		}
		if wording, ok := formWording(columns, *o.Column, tpl); !ok {
			o.Column = &wording
			o.Flags = figure.AppendFlag(o.Flags, gongkai.FlagLabelFromForm)
		}
	}
}

// formText is a row or column of the national form a figure can stand in:
// its catalogue entry and its wording as the form prints it, numbered.
type formText struct {
	*entry
	wording string
}

// formWording is the form's wording, in template tpl where it has one, for
// printed text that does not read as any of places; ok when it does, or
// when there is no place to read it against.
func formWording(places []formText, printed, tpl string) (string, bool) {
	if len(places) == 0 || slices.ContainsFunc(places, func(p formText) bool { return readsAs(p.entry, printed) }) {
		return printed, true
	}
	for _, p := range places {
		if slices.Contains(p.templates, tpl) {
			return p.wording, false
		}
	}
	return places[0].wording, false
}

// readsAs reports whether printed reads as entry e: its key, without the
// numbering, is the key of e's wording or of one of its aliases, and a
// bracketed note it opens is closed (a note cut off, or with a heading's
// piece inside, is text broken apart).
func readsAs(e *entry, printed string) bool {
	return slices.Contains(e.keys, label.Parse(printed).Key) && bracketsClosed(label.Fold(printed))
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

// formPlaceOf is every row of the form, in either template, whose figures
// include indicator's (a row of table 2 or 3, or a block of table 4), and
// every column its figure under breakdown stands in.
func (r *reader) formPlaceOf(indicator, breakdown string) (rows, columns []formText) {
	for _, row := range r.s.rows[tableApplications] {
		if row.indicator == indicator && !row.group {
			rows = append(rows, formText{&row.entry, r.s.numbered(row)})
			columns = columnsKeyed(r.s.applications, breakdown)
		}
	}
	for _, row := range r.s.rows[tableProactive] {
		if key := keyOf(row.cells, indicator); key != "" {
			rows = append(rows, formText{&row.entry, row.label})
			columns = append(columns, columnsKeyed(row.block, key)...)
		}
	}
	for _, b := range r.s.reviewsBlocks {
		if key := keyOf(b.cells, indicator); key != "" {
			rows = append(rows, formText{&b.entry, b.label})
			columns = append(columns, columnsKeyed(r.s.reviewsResults, key)...)
		}
	}
	return rows, columns
}

// columnsKeyed is block b's columns of key, in either template.
func columnsKeyed(b *blockSpec, key string) []formText {
	var out []formText
	for _, c := range b.columns {
		if c.key == key {
			out = append(out, formText{&c.entry, c.label})
		}
	}
	return out
}

// keyOf is the key under which m holds v, or "".
func keyOf(m map[string]string, v string) string {
	for k, x := range m {
		if x == v {
			return k
		}
	}
	return ""
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
