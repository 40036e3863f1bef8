package legacy

import (
	"fmt"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// Read reads the legacy table into r and returns the lines it spans.
func Read(r *gongkai.Report, cat *catalog.Catalog, lines []source.Line, fail func(int, string, ...any) error) (start, end int, err error) {
	t := newLegacyTable(cat)
	start, _ = TableStart(lines, t.m)
	if start < 0 {
		return 0, 0, fail(layout.LineOf(lines, cat.Words(catalog.WordsDetectLegacy)), "the text names rows of the statistics table but holds no table with figures")
	}
	end, closed := TableEnd(lines, start)
	body := lines[start:end]
	cells, cols := stripHeaders(layout.Detect(body).Split(body))
	if sequenceColumn(cols) {
		cells = dropSequence(cells, t.isUnit)
		cols = cols[1:]
	}
	t.setColumns(cols)
	for _, raw := range assemble(cells, t.isUnit) {
		t.add(raw)
	}
	r.Template = gongkai.TemplateLegacy
	r.Observations, r.Unplaced = t.observations()
	if len(r.Observations) == 0 {
		return 0, 0, fail(lines[start].N, "the statistics table has no row of the 2014 form with a figure")
	}
	if !closed {
		if last := t.lastSection(); last >= 0 && last < len(cat.Legacy)-1 && t.m.section[last] != t.m.section[len(cat.Legacy)-1] {
			row := cat.Legacy[t.m.section[last]]
			r.Truncated = fmt.Sprintf("the table ends with the file at line %d, in section %s (%s); the rows after it are missing",
				lines[len(lines)-1].N, row.ID, row.Label)
		}
	}
	return start, end, nil
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
