package form

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// reviewsTable is what the reader keeps of table 4, administrative reviews
// and lawsuits: its cells are read whole when the table ends.
type reviewsTable struct {
	cells []layout.Cell
	marks []reviewsMark // block labels met after the figures began
	// pieceAt holds, for each piece of the header printed among the
	// figures, the number of cells before it (plainreviews.go).
	pieceAt  []int
	pieceKey []string // each piece's folded text, beside pieceAt
	// named maps each figure printed just after a whole result column's
	// name among the figures to that column (namedreviews.go).
	named    map[layout.Cell]string
	values   map[string]*float64 // by block/column, for the derived sums
	obsIndex map[string]int      // index in the observations, by block/column
}

type reviewsMark struct {
	at    int // index into the reviews cells of the first cell after the label
	block *blockSpec
	label string
}

func (r *reader) reviewsHaveFigures() bool {
	for _, c := range r.reviews.cells {
		if layout.Classify(c.Text, r.isUnit) == layout.Value {
			return true
		}
	}
	return false
}

// isReviewsHeader reports whether l is a header cell of table 4: a block
// (行政复议, 行政诉讼, 未经复议直接起诉, 复议后起诉) or a result column. 总计 is one
// only inside table 4, where table 3's row （七）总计 cannot be.
func (r *reader) isReviewsHeader(l label.Label) bool {
	if l.Enum != "" {
		return false
	}
	if r.reviewsBlock(l.Key) != nil {
		return true
	}
	for _, sp := range r.s.spans[tableReviews] {
		if sp.score(l.Key) >= label.Close {
			return true
		}
	}
	for _, c := range r.s.reviewsResults.columns {
		if c.score(l.Key) >= label.Close && (c.key != "total" || r.table == tableReviews) {
			return true
		}
	}
	return false
}

func (r *reader) reviewsBlock(key string) *blockSpec {
	var best *blockSpec
	bs := 0.0
	for _, b := range r.s.reviewsBlocks {
		if s := b.score(key); s >= label.Close && s > bs {
			best, bs = b, s
		}
	}
	return best
}

// reviewsComplete reports whether all fifteen figures of table 4 were read.
func (r *reader) reviewsComplete() bool {
	n := 0
	for k := range r.seen {
		if strings.HasPrefix(k, "4:") {
			n++
		}
	}
	return n >= 15
}

// closeReviews reads the cells of table 4: its header cells (blocks and
// results, in printed order) and then its figures, block by block. A block
// label met after the figures began starts that block again (a layout that
// prints one row per block).
func (r *reader) closeReviews() {
	if len(r.reviews.cells) == 0 && len(r.reviews.marks) == 0 && len(r.reviews.pieceAt) == 0 {
		return
	}
	cells, marks := r.reviews.cells, r.reviews.marks
	r.reviews.cells, r.reviews.marks = nil, nil
	if pieceAt, pieceKey := r.reviews.pieceAt, r.reviews.pieceKey; len(pieceAt) > 0 {
		r.reviews.pieceAt, r.reviews.pieceKey = nil, nil
		r.closeScatteredReviews(cells, pieceAt, pieceKey)
		return
	}
	limit := len(cells)
	if len(marks) > 0 {
		limit = marks[0].at
	}
	lastLabel := -1
	for i, c := range cells[:limit] {
		if layout.Classify(c.Text, r.isUnit) == layout.Label {
			lastLabel = i
		}
	}
	header, data := cells[:lastLabel+1], cells[lastLabel+1:limit]
	blocks, results := r.reviewsHeader(header)
	printed := len(results)
	results, ok := r.reviewsResultColumns(results)
	if !ok || !r.resultsInOneOrder(header) || r.reviewsHeaderOutOfFormOrder(header, blocks, results) {
		if figures, form := r.reviewsByPosition(header, data); form != nil {
			r.emitReviews(figures, form, func(b *blockSpec) string { return b.label })
			return
		}
		// The results are printed in an order not the form's, and
		// incompletely: only the form's own order and arithmetic may place
		// the figures.
		r.reviewsByFormOrder(data, r.blocksInFormOrder(header))
		return
	}
	var slots []slot
	for _, bl := range blocks {
		slots = append(slots, blockSlots(bl.block, results)...)
	}
	if len(marks) == 0 && r.headerMiscountsReviews(data, slots) {
		r.reviewsByFormOrder(data, false)
		return
	}
	switch formSlots, why := r.blocksInPart(blocks, results, data); {
	case why != "":
		r.unplaceReviews(data, why)
		data = nil
	case formSlots != nil:
		r.emitReviewsByFormOrder(data, formSlots)
		data = nil
	}
	if why := r.completedHeaderProblem(data, printed); why != "" && printed < len(results) {
		r.unplaceReviews(data, why)
		data = nil
	}
	if _, problem := fitValues(data, nil, slots, r.isUnit); problem != "" && len(marks) == 0 && r.reviewsCut(data, slots) {
		data = nil
	}
	r.emitReviews(data, slots, func(b *blockSpec) string {
		for _, bl := range blocks {
			if bl.block == b {
				return bl.printed
			}
		}
		return b.label
	})
	for i, m := range marks {
		end := len(cells)
		if i+1 < len(marks) {
			end = marks[i+1].at
		}
		var run []layout.Cell // the figures printed after the block's label
		for _, c := range cells[m.at:end] {
			if layout.Classify(c.Text, r.isUnit) != layout.Label {
				run = append(run, c)
			}
		}
		if why := r.completedHeaderProblem(run, printed); why != "" && printed < len(results) {
			r.unplaceReviews(run, why)
			continue
		}
		label := source.Trim(m.label)
		r.emitReviews(run, blockSlots(m.block, results), func(*blockSpec) string { return label })
	}
}

// printedBlock is a block of table 4 as its header prints it.
type printedBlock struct {
	block   *blockSpec
	printed string
}

// reviewsHeader reads the header cells of table 4: its blocks and its
// result columns, in printed order. With no block printed, the form's
// blocks are taken in the form's order.
func (r *reader) reviewsHeader(header []layout.Cell) ([]printedBlock, []slot) {
	var blocks []printedBlock
	var results []slot
	for _, c := range header {
		if layout.Classify(c.Text, r.isUnit) != layout.Label {
			continue
		}
		k := label.Key(c.Text)
		if b := r.reviewsBlock(k); b != nil {
			if len(blocks) == 0 || blocks[len(blocks)-1].block != b { // a merged cell may repeat in each cell it spans
				blocks = append(blocks, printedBlock{b, source.Trim(c.Text)})
			}
			continue
		}
		for _, col := range r.s.reviewsResults.columns {
			if col.score(k) >= label.Close {
				if len(results) < r.reviewsResultCount() && !containsSlot(results, col.key) {
					results = append(results, slot{key: col.key, printed: source.Trim(c.Text), x0: c.X0, x1: c.X1, idx: -1})
				}
				break
			}
		}
	}
	if len(blocks) == 0 {
		for _, b := range r.s.reviewsBlocks {
			blocks = append(blocks, printedBlock{b, b.label})
		}
	}
	return blocks, results
}

// reviewsResultCount is the number of result columns of each block of
// table 4 (结果维持 … 总计).
func (r *reader) reviewsResultCount() int {
	return len(r.s.reviewsResults.templateColumns(gongkai.Template2019))
}

// reviewsResultColumns completes the result columns a header prints, when
// it prints fewer than the form has, with the form's: only when those it
// prints are the form's first ones, in order; otherwise nothing is certain
// and ok is false.
func (r *reader) reviewsResultColumns(results []slot) (_ []slot, ok bool) {
	if len(results) >= r.reviewsResultCount() {
		return results, true
	}
	var out []slot
	for i, c := range r.s.reviewsResults.templateColumns(gongkai.Template2019) {
		if i < len(results) && results[i].key != c.key {
			return nil, false
		}
		out = append(out, slot{key: c.key, printed: c.label, x0: -1, x1: -1, idx: -1})
	}
	return out, true
}

// blockSlots are the result columns under one block.
func blockSlots(b *blockSpec, results []slot) []slot {
	out := make([]slot, len(results))
	for i, res := range results {
		out[i] = res
		out[i].block = b
	}
	return out
}

func (r *reader) emitReviews(data []layout.Cell, slots []slot, blockLabel func(*blockSpec) string) {
	if len(data) == 0 {
		return
	}
	values, problem := fitValues(data, nil, slots, r.isUnit)
	if agreed, why := agreedReviews(data, slots); problem != "" && agreed != nil {
		values, problem = agreed, ""
		r.unplaceReviews(data, why)
	}
	if problem != "" {
		u := gongkai.Unplaced{Label: "行政复议、行政诉讼", Line: data[0].Line, Reason: problem, Cells: []string{}}
		for _, v := range data {
			u.Cells = append(u.Cells, v.Raw)
		}
		r.unplaced = append(r.unplaced, u)
		return
	}
	for i, v := range values {
		if v == nil {
			continue
		}
		s := slots[i]
		key := s.block.id + "/" + s.key
		if at, dup := r.seen["4:"+key]; dup {
			r.unplaced = append(r.unplaced, gongkai.Unplaced{Label: blockLabel(s.block), Cells: []string{v.Raw}, Line: v.Line,
				Reason: fmt.Sprintf("%s %s was already read at line %d", s.block.label, s.printed, at)})
			continue
		}
		r.seen["4:"+key] = v.Line
		o := r.observation(s.block.cells[s.key], gongkai.BreakdownTotal, blockLabel(s.block), s, *v, nil)
		r.reviews.values[key] = o.Value
		r.reviews.obsIndex[key] = len(r.obs)
		r.obs = append(r.obs, o)
	}
}

// derived adds the harmonised figures the form does not print (行政诉讼 =
// 未经复议直接起诉 + 复议后起诉), only where every term is printed.
func (r *reader) derived() {
	for _, d := range r.s.derived {
		var terms []string
		for _, b := range r.s.reviewsBlocks {
			if b.parent == d.Parent {
				terms = append(terms, b.id+"/"+d.Column)
			}
		}
		sort.Strings(terms)
		sum, ok := 0.0, len(terms) > 0
		var labels []string
		line := 0
		var col *string
		for _, t := range terms {
			v := r.reviews.values[t]
			if v == nil {
				ok = false
				break
			}
			sum += *v
			o := r.obs[r.reviews.obsIndex[t]]
			labels = append(labels, o.Label)
			if line == 0 {
				line, col = o.Line, o.Column
			}
		}
		if !ok {
			continue
		}
		ind, _ := r.cat.Indicator(d.Indicator)
		x := sum
		r.obs = append(r.obs, gongkai.Observation{Indicator: d.Indicator, Breakdown: gongkai.BreakdownTotal, Value: &x,
			Unit: ind.Unit, Label: strings.Join(labels, "+"), Column: col, Raw: "", Line: line,
			Flags: []string{gongkai.FlagDerived}})
	}
}
