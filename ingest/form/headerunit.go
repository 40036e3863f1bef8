package form

import (
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// A narrow header cell of table 3 wraps 自然人 before its last character,
// and the character left alone on its line (人) is a unit: a unit in a
// cell of its own says nothing the form does not, and is dropped. The
// piece before it (自然, or 自 然 as a justified cell prints it) names no
// column alone, so the header lost 自然人 and read 法人或其他组织 as
// printed before every column, leaving the table unplaced. A unit that
// completes the header cell before it into a column's whole name is that
// cell's last character.

// readHeaderUnit takes unit cell c as the last piece of table 3's header
// cell before it when the two, joined, name a column word for word and the
// piece alone names none; otherwise c is dropped, as units alone are.
func (r *reader) readHeaderUnit(c layout.Cell) {
	h := r.applications.header
	if r.table != tableApplications || r.applications.started || len(h) == 0 {
		return
	}
	last := source.Trim(h[len(h)-1].Text)
	if r.applicationsColumn(label.Key(last)) != nil {
		return
	}
	k := label.Key(last + source.Trim(c.Text))
	if col := r.applicationsColumn(k); col != nil && col.score(k) >= label.Exact {
		r.applications.header = append(h, c)
	}
}
