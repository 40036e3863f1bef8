package form

import (
	"slices"
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
)

// A heading of table 3 merged over its rows is printed level with their
// middle, and pdftotext -layout sets its lines beside the lines of the row
// there, each line's two pieces one after the other: `（四）无法 2.没有现成
// 信息需要另行制` / `提供    作   3 0 0 0 0 0 3`. Read line by line, the
// row's label interleaves the heading's pieces with the row's own, and
// holds a row's number inside (2.), which leaves it unplaced as the labels
// of several rows run together. The pieces are sorted back: when exactly
// one row of the form is spelt whole by some of them in order, its number
// first, and the others spell whole, number first, the heading that row
// stands under, the figures are that row's, and its label is its own
// pieces. Nothing else may be left, and no reading of the pieces may spell
// another row.

// maxInterleavedPieces bounds the pieces tried: a row and its heading
// wrapped over a few lines each.
const maxInterleavedPieces = 8

// interleavedHeadingRow is the row of table 3 whose label the row's pieces
// spell once the pieces of the heading over it are taken out, and those
// pieces; nil when there is none or more than one.
func (r *reader) interleavedHeadingRow(cur *openRow) (*rowSpec, []layout.Cell) {
	n := len(cur.labels)
	if cur.table != tableApplications || n < 2 || n > maxInterleavedPieces {
		return nil, nil
	}
	var found *rowSpec
	var pieces []layout.Cell
	for mask := 1; mask < 1<<n-1; mask += 2 { // the heading's number opens the label
		var heading, row strings.Builder
		var own []layout.Cell
		for i, c := range cur.labels {
			if mask>>i&1 == 1 {
				heading.WriteString(c.Text)
			} else {
				row.WriteString(c.Text)
				own = append(own, c)
			}
		}
		g := r.wholeNumberedRow(label.Parse(heading.String()), nil)
		if g == nil || !g.group {
			continue
		}
		x := r.wholeNumberedRow(label.Parse(row.String()), g)
		switch {
		case x == nil:
		case found != nil && x != found:
			return nil, nil
		default:
			found, pieces = x, own
		}
	}
	if found == nil || r.seen[found.id] > 0 {
		return nil, nil
	}
	return found, pieces
}

// wholeNumberedRow is the row of table 3 that l names whole, number and
// wording, standing directly under heading parent (nil: any row).
func (r *reader) wholeNumberedRow(l label.Label, parent *rowSpec) *rowSpec {
	if l.Enum == "" || l.Key == "" {
		return nil
	}
	for _, row := range r.s.rows[tableApplications] {
		if parent != nil && row.parent != parent.id {
			continue
		}
		if row.depth == l.EnumLevel() && r.s.ordinal(row) == l.Ordinal() && slices.Contains(row.keys, l.Key) {
			return row
		}
	}
	return nil
}
