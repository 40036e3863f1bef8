package form

import (
	"strings"

	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// Table 4's header names its blocks side by side, and a narrow cell wraps
// a name at the line's end: pdf.js, printing the header a line at a time,
// gives 行政 / 复议 行政诉讼. Neither piece names a block, 行政 alone on
// its line opens no table, and 复议 joins 行政诉讼 into no wording: the
// block is lost and table 4 read with ten columns. A line that is only
// the head of a block's or span's name, and the first word of the next
// line its tail, word for word, are joined into that name, the rest of
// the next line after it in its columns (widen, as for table 2's heads).

// joinWrappedBlockNames joins the names of table 4's blocks and spans cut
// at a line's end (see above).
func (r *reader) joinWrappedBlockNames(lines []source.Line) []source.Line {
	var out []source.Line
	for i := 0; i < len(lines); i++ {
		head := source.Trim(lines[i].Text)
		if i+1 < len(lines) && head != "" && !strings.ContainsAny(head, " \t|\u3000") {
			next := strings.Fields(lines[i+1].Text)
			if len(next) > 0 && r.reviewsNameCut(head, next[0]) {
				joined := lines[i]
				at := strings.Index(lines[i+1].Text, next[0])
				joined.Text = widen(lines[i+1].Text, at, next[0], head+next[0])
				out = append(out, joined)
				i++
				continue
			}
		}
		out = append(out, lines[i])
	}
	return out
}

// reviewsNameCut reports whether head and tail, joined, are word for word
// the name of a block of table 4 or of a span over blocks (行政诉讼), and
// neither alone is one.
func (r *reader) reviewsNameCut(head, tail string) bool {
	whole := func(text string) bool {
		k := label.Key(text)
		if k == "" {
			return false
		}
		for _, b := range r.s.reviewsBlocks {
			if b.score(k) >= label.Exact {
				return true
			}
		}
		for _, sp := range r.s.spans[tableReviews] {
			if sp.score(k) >= label.Exact {
				return true
			}
		}
		return false
	}
	return whole(head+tail) && !whole(head) && !whole(tail)
}
