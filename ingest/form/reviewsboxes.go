package form

import (
	"slices"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// pdfminer (pdf2txt, markitdown's engine) of a report drafted in Word
// prints a block of table 4 column by column, each column's header and
// its figure in one text box: `行政诉 / 讼 / 未经复 / 议直接 / 起诉 / 结果维 /
// 持 / 18`, then `结果纠 / 正 / 25`, `其他结 / 果 / 6`, `尚未审 / 结 / 25`, and
// 总计 in a box of its own followed by its figure's box, `总计` / `74`.
// The figures no longer follow the header row the reader reads table 4
// by, which is left with no column certain.
//
// A result column's box is a box whose label lines, joined, end with
// exactly one wording of a result column, its last line a plain figure;
// or a box that is only 总计's wording, followed at once by a box that is
// only a plain figure. A block's name spans its five columns and stands
// above one of them, so a box that names a block and is that block's
// 结果维持 column is the block's first column; the block is read when
// the next boxes are its other four columns, in the form's order
// (结果纠正, 其他结果, 尚未审结, 总计), none naming a block, and its 总计
// is the sum of its four results. A block name printed over another
// column (plain pdftotext puts 复议后起诉 in the box of the first block's
// 结果纠正) breaks the run: the block is left as the reader left it, as it
// is when the reader placed a figure of it or the text holds two such
// runs for it.

// reviewsBox is a figure of table 4 read from a box (see above).
type reviewsBox struct {
	block   *blockSpec
	col     *columnSpec
	printed string
	figure  layout.Cell
}

// readReviewsBoxes places the blocks of table 4 that pdfminer printed a
// column a box (see above). lines are the text's lines as given.
func (r *reader) readReviewsBoxes(lines []source.Line) {
	res := r.s.reviewsResults
	if res == nil || len(r.s.reviewsBlocks) == 0 {
		return
	}
	read := map[string]bool{}
	for _, o := range r.obs {
		read[o.Indicator] = true
	}
	boxes := textBoxes(lines)
	found := map[*blockSpec][][]reviewsBox{}
	for i := range boxes {
		first, block, next := r.reviewsBoxAt(boxes, i, res)
		if block == nil || first.col == nil || first.col.key != reviewsOrder[0] {
			continue
		}
		got := []reviewsBox{first}
		for _, want := range reviewsOrder[1:] {
			x, named, after := r.reviewsBoxAt(boxes, next, res)
			if named != nil || x.col == nil || x.col.key != want {
				break
			}
			got, next = append(got, x), after
		}
		for k := range got {
			got[k].block = block
		}
		found[block] = append(found[block], got)
	}
	for _, b := range r.s.reviewsBlocks {
		if len(found[b]) != 1 {
			continue
		}
		got := found[b][0]
		if !reviewsBlockBoxes(got) || slices.ContainsFunc(got, func(x reviewsBox) bool { return read[b.cells[x.col.key]] }) {
			continue
		}
		r.placeReviewsBoxes(got)
	}
}

// reviewsOrder is the form's order of table 4's result columns.
var reviewsOrder = []string{"upheld", "corrected", "other", "pending", "total"}

// reviewsBoxAt reads boxes[i] as a result column's box of table 4: its
// figure, with the column; the block its label lines name, if any; and
// the index of the box after it. x.col is nil when it is no such box.
func (r *reader) reviewsBoxAt(boxes [][]source.Line, i int, res *blockSpec) (x reviewsBox, named *blockSpec, next int) {
	if i >= len(boxes) {
		return reviewsBox{}, nil, i
	}
	box := boxes[i]
	parts := r.boxHead(box)
	j := len(parts)
	key := label.Key(strings.Join(parts, ""))
	named = r.lastReviewsBlockIn(key)
	col := resultColumnAtEnd(res, key)
	if key == "" || col == nil {
		return reviewsBox{}, named, i + 1
	}
	var fig source.Line
	next = i + 1
	switch {
	case j == len(box)-1:
		fig = box[j]
	case j == len(box) && col.key == "total" && i+1 < len(boxes) && len(boxes[i+1]) == 1:
		fig, next = boxes[i+1][0], i+2
	default:
		return reviewsBox{}, named, i + 1
	}
	t := strings.TrimSpace(fig.Text)
	if !plainCount.MatchString(t) {
		return reviewsBox{}, named, i + 1
	}
	printed := strings.Join(parts, "")
	if !slices.Contains(col.keys, key) {
		printed = col.label // the column's wording after the block's
	}
	return reviewsBox{col: col, printed: printed, figure: layout.Cell{Text: t, Raw: t, Line: fig.N}}, named, next
}

// lastReviewsBlockIn is the block of table 4 whose wording stands last
// in key, nil when key names none.
func (r *reader) lastReviewsBlockIn(key string) *blockSpec {
	var out *blockSpec
	at := -1
	for _, b := range r.s.reviewsBlocks {
		for _, k := range b.keys {
			if i := strings.LastIndex(key, k); k != "" && i >= 0 && i+len(k) > at {
				out, at = b, i+len(k)
			}
		}
	}
	return out
}

// resultColumnAtEnd is the result column of table 4 whose wording key
// ends with, nil when none or more than one does.
func resultColumnAtEnd(res *blockSpec, key string) *columnSpec {
	var out *columnSpec
	for _, c := range res.columns {
		for _, k := range c.keys {
			if k == "" || !strings.HasSuffix(key, k) {
				continue
			}
			if out != nil && out.key != c.key {
				return nil
			}
			out = c
		}
	}
	return out
}

// reviewsBlockBoxes reports whether boxes hold each of the five result
// columns once, 总计 the sum of the other four.
func reviewsBlockBoxes(boxes []reviewsBox) bool {
	if len(boxes) != 5 {
		return false
	}
	seen := map[string]bool{}
	var sum, total int64
	for _, x := range boxes {
		if seen[x.col.key] {
			return false
		}
		seen[x.col.key] = true
		v := int64(0)
		for _, c := range x.figure.Raw {
			v = v*10 + int64(c-'0')
		}
		if x.col.key == "total" {
			total = v
		} else {
			sum += v
		}
	}
	return seen["total"] && sum == total
}

// placeReviewsBoxes adds the figures of a block read from its boxes, and
// takes them out of the figures the reader left unplaced.
func (r *reader) placeReviewsBoxes(boxes []reviewsBox) {
	lines := map[int]bool{}
	for _, x := range boxes {
		s := slot{key: x.col.key, printed: x.printed, block: x.block, x0: -1, x1: -1, idx: -1}
		o := r.observation(x.block.cells[x.col.key], gongkai.BreakdownTotal, x.block.label, s, x.figure, nil)
		key := x.block.id + "/" + x.col.key
		r.reviews.values[key] = o.Value
		r.reviews.obsIndex[key] = len(r.obs)
		r.obs = append(r.obs, o)
		lines[x.figure.Line] = true
	}
	for i := range r.unplaced {
		u := &r.unplaced[i]
		if !lines[u.Line] {
			continue
		}
		for _, x := range boxes {
			if k := slices.Index(u.Cells, x.figure.Raw); k >= 0 {
				u.Cells = slices.Delete(u.Cells, k, k+1)
			}
		}
	}
	r.unplaced = slices.DeleteFunc(r.unplaced, func(u gongkai.Unplaced) bool { return lines[u.Line] && len(u.Cells) == 0 })
}
