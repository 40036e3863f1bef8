package form

import (
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
	started bool     // a row of table 3 was read
	group   *rowSpec // innermost heading row in force
	// otherHandlingRows: a row under （六）其他处理 was read, the 2021 layout.
	otherHandlingRows bool
	otherHandlingObs  []int    // observations of （六）其他处理 itself
	last              *rowSpec // the last row (not heading) opened
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

// applicationsColumns reads the header cells of table 3 into its seven columns. The
// columns under 法人或其他组织 take its place, wherever the layout prints
// them; with no header at all the form's order is taken.
func (r *reader) applicationsColumns(header []layout.Cell) []slot {
	var out []slot
	marker := -1
	var pending []layout.Cell
	for _, c := range header {
		k := label.Key(c.Text)
		if len(pending) > 0 {
			k = label.Key(r.labelText(pending) + c.Text)
		}
		var col *columnSpec
		for _, cc := range r.s.applications.columns {
			if cc.score(k) >= label.Contained {
				col = cc
				break
			}
		}
		if col == nil {
			isSpan := false
			for _, sp := range r.s.spans[tableApplications] {
				if sp.score(k) >= label.Contained {
					isSpan = true
					if sp.id == "legal_persons" {
						marker = len(out)
					}
				}
			}
			if isSpan {
				pending = nil
			} else if len(pending) < 2 {
				pending = append(pending, c)
			} else {
				pending = nil
			}
			continue
		}
		pending = nil
		if containsSlot(out, col.key) {
			continue
		}
		s := slot{key: col.key, printed: source.Trim(c.Text), block: r.s.applications, x0: c.X0, x1: c.X1, idx: c.Idx}
		if col.parent == "legal_persons" && marker >= 0 {
			out = append(out[:marker], append([]slot{s}, out[marker:]...)...)
			marker++
			continue
		}
		out = append(out, s)
	}
	if len(out) == 0 {
		for _, c := range r.s.applications.templateColumns(gongkai.Template2019) {
			out = append(out, slot{key: c.key, printed: c.label, block: r.s.applications, x0: -1, x1: -1, idx: -1})
		}
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
