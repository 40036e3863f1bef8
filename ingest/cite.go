package ingest

import (
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/source"
)

// cite gives each figure the page of its line in a paged source, and moves
// each observation from the line of its row to the line of its own cell,
// when the document knows its cells. The cells of a row are taken
// in order, each once, so that equal figures in one row go to their own
// cells.
func cite(d *source.Document, r *gongkai.Report) {
	if d == nil || r == nil {
		return
	}
	citePages(d, r)
	if d.Cells == nil {
		return
	}
	used := map[int][]bool{}
	for i := range r.Observations {
		o := &r.Observations[i]
		cells, ok := d.Cells[o.Line]
		if !ok || o.Raw == "" {
			continue
		}
		u := used[o.Line]
		if u == nil {
			u = make([]bool, len(cells))
			used[o.Line] = u
		}
		for j, c := range cells {
			if !u[j] && strings.Trim(c.Text, " \t") == o.Raw {
				u[j] = true
				o.Line = c.N
				break
			}
		}
	}
}
