// Package legacy reads the statistics table of the 2014 form
// (政府信息公开情况统计表, reporting years 2014–2018): one row per
// indicator, a unit column and one value column, or, in local variants,
// several value columns read as breakdowns. Its rows are the catalogue's
// legacy2014.csv.
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

// Read reads the legacy table into r and returns the lines it spans. It
// fails with a *gongkai.Error naming the line when lines name rows of the
// form but hold no table with figures.
func Read(r *gongkai.Report, cat *catalog.Catalog, lines []source.Line) (start, end int, err error) {
	t := newLegacyTable(cat)
	given := lines
	// Page numbers between the rows would be read as their figures.
	lines = layout.DropPageMarks(lines)
	runOn := unglue(lines, cat, t.isUnit)
	lines = runOn.lines
	defer func() { start, end = sameLines(given, lines, start, end) }()
	start, _ = tableStart(lines, t.m)
	if start < 0 {
		if i := wrappedHeader(lines); i >= 0 {
			n := lines[i].N
			rebuilt, ok := unwrapLabels(lines, i, t.isUnit, t.m)
			if !ok {
				if obs, end, ok := t.wrappedInOrder(lines, i); ok { // see wrappedorder.go
					r.Template, r.Observations = gongkai.TemplateLegacy, obs
					return i, end, nil
				}
				if obs, unplaced, end, ok := t.minerInOrder(lines, i); ok { // see minerorder.go
					r.Template, r.Observations, r.Unplaced = gongkai.TemplateLegacy, obs, unplaced
					return i, end, nil
				}
				return 0, 0, invalid(n, wrappedReason)
			}
			lines = rebuilt // the span read is mapped back to the lines given
			if start, end, err = Read(r, cat, rebuilt); err != nil {
				return 0, 0, invalid(n, wrappedReason)
			}
			return start, end, nil
		}
		return 0, 0, invalid(layout.LineOf(lines, cat.Words(catalog.WordsDetectLegacy)), "the text names rows of the statistics table but holds no table with figures")
	}
	end, closed := tableEnd(lines, start)
	if t.ocr, t.ruleGlyphs = ocrSigns(lines[start:end]); t.ocr > 0 {
		lines = ungluedFigures(reround(lines, start, end), start, end, t.isUnit)
	}
	body := lines[start:end]
	cells, cols := stripHeaders(layout.Detect(body).Split(body))
	if sequenceColumn(cols) {
		cells = dropSequence(cells, t.isUnit)
		cols = cols[1:]
	}
	t.setColumns(cols)
	for _, raw := range assemble(cells, t.isUnit, t.ocr > 0) {
		t.add(raw)
	}
	r.Template = gongkai.TemplateLegacy
	r.Observations, r.Unplaced = t.observations()
	for i, u := range r.Unplaced {
		if why, ok := runOn.refused[u.Label]; ok {
			r.Unplaced[i].Reason = why // the split refused, not the count of figures it left
		}
	}
	r.Observations, r.Unplaced = refuseRows(r.Observations, r.Unplaced, runOn.refused)
	r.Unplaced = append(r.Unplaced, runOn.unplaced...)
	for i, o := range r.Observations {
		switch {
		case runOn.narrative[o.Label]:
			r.Observations[i].Flags = figure.AppendFlag(o.Flags, gongkai.FlagSplitByNarrative)
		case runOn.split[o.Label]:
			r.Observations[i].Flags = figure.AppendFlag(o.Flags, gongkai.FlagSplitByArithmetic)
		}
	}
	read := len(r.Observations) > 0
	if t.columns == nil && len(runOn.tables) == 0 {
		// Rows whose labels stand apart from every cell place nothing by
		// their labels: the form's order may still read them, or say why
		// it does not.
		r.Observations, r.Unplaced = t.readingOrder(r.Observations, r.Unplaced, append(body[:len(body):len(body)], columnAfter(lines[end:], t.isUnit)...))
		read = read || len(r.Observations) > 0 || slices.ContainsFunc(r.Unplaced, func(u gongkai.Unplaced) bool { return u.Label == readingOrderLabel })
	}
	if !read {
		return 0, 0, invalid(lines[start].N, "the statistics table has no row of the 2014 form with a figure")
	}
	r.Observations, r.Unplaced = t.confirmOCR(r.Observations, r.Unplaced, narrative(lines, start, end))
	if !closed {
		if last := t.lastSection(); last >= 0 && last < len(cat.Legacy)-1 && t.m.section[last] != t.m.section[len(cat.Legacy)-1] {
			row := cat.Legacy[t.m.section[last]]
			r.Truncated = fmt.Sprintf("the table ends with the file at line %d, in section %s (%s); the rows after it are missing",
				lines[len(lines)-1].N, row.ID, row.Label)
		}
	}
	return start, end, nil
}

// refuseRows moves the observations of rows whose figures the run-on
// cutter refused to read (refused, by label) to the unplaced rows, with
// the reason: one figure of a run cut for certain placed is enough.
func refuseRows(obs []gongkai.Observation, unplaced []gongkai.Unplaced, refused map[string]string) ([]gongkai.Observation, []gongkai.Unplaced) {
	kept := obs[:0]
	seen := map[string]bool{}
	for _, o := range obs {
		why, ok := refused[o.Label]
		if !ok {
			kept = append(kept, o)
			continue
		}
		if !seen[o.Label] {
			unplaced = append(unplaced, gongkai.Unplaced{Label: o.Label, Cells: []string{o.Raw}, Line: o.Line, Reason: why})
			seen[o.Label] = true
		}
	}
	return kept, unplaced
}

// narrative is the report's text outside the table's lines [start, end),
// folded.
func narrative(lines []source.Line, start, end int) string {
	var b strings.Builder
	for i, l := range lines {
		if i < start || i >= end {
			b.WriteString(label.Fold(l.Text))
			b.WriteString("\n")
		}
	}
	return b.String()
}

// sameLines turns the span [start, end) of the cut lines into the span of
// the lines given, which a line cut into many (unglue) counts as one.
func sameLines(given, cut []source.Line, start, end int) (int, int) {
	if len(given) == len(cut) || end <= start {
		return start, end
	}
	first, last := cut[start].N, cut[end-1].N
	s, e := 0, len(given)
	for i, l := range given {
		if l.N < first {
			s = i + 1
		}
		if l.N <= last {
			e = i + 1
		}
	}
	return s, e
}

// lastSection is the last row placed, -1 when none is.
func (t *legacyTable) lastSection() int {
	last := -1
	for _, r := range t.rows {
		if r.match.row > last {
			last = r.match.row
		}
	}
	return last
}

// Bounds finds the legacy table among lines: the index of its first line
// and of the line after its last; start is -1 when there is none.
func Bounds(cat *catalog.Catalog, lines []source.Line) (start, end int) {
	start, _ = tableStart(lines, legacyMatcher(cat))
	if start < 0 {
		return -1, -1
	}
	end, _ = tableEnd(lines, start)
	return start, end
}

// invalid is the error of a file that holds no table to read, at line n.
func invalid(n int, message string) error {
	return &gongkai.Error{Code: gongkai.EINVALID, Line: n, Message: message}
}
