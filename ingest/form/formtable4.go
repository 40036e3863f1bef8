package form

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest/figure"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/layout"
	"github.com/gongkai/gongkai/ingest/source"
)

// finishTable4 reads the cells of table 4: its header cells (blocks and
// results, in printed order) and then its figures, block by block. A block
// label met after the figures began starts that block again (a layout that
// prints one row per block).
func (r *formReader) finishTable4() {
	if len(r.cells4) == 0 && len(r.marks4) == 0 {
		return
	}
	cells, marks := r.cells4, r.marks4
	r.cells4, r.marks4 = nil, nil
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
	type blockLabel struct {
		b       *fBlock
		printed string
	}
	var blocks []blockLabel
	var results []slot
	for _, c := range header {
		if layout.Classify(c.Text, r.isUnit) != layout.Label {
			continue
		}
		k := label.Key(c.Text)
		if b := r.block4(k); b != nil {
			if len(blocks) == 0 || blocks[len(blocks)-1].b != b { // a merged cell may repeat in each cell it spans
				blocks = append(blocks, blockLabel{b, source.Trim(c.Text)})
			}
			continue
		}
		for _, col := range r.s.results4.columns {
			if col.score(k) >= label.Close {
				if len(results) < 5 && !containsSlot(results, col.key) {
					results = append(results, slot{key: col.key, printed: source.Trim(c.Text), x0: c.X0, x1: c.X1, idx: -1})
				}
				break
			}
		}
	}
	if len(blocks) == 0 {
		for _, b := range r.s.order4 {
			blocks = append(blocks, blockLabel{b, b.label})
		}
	}
	if len(results) < 5 {
		var keys []string
		for _, s := range results {
			keys = append(keys, s.key)
		}
		results = nil
		for i, c := range r.s.results4.templateColumns(gongkai.Template2019) {
			if i < len(keys) && keys[i] != c.key {
				return // results printed in an order not the form's, and incompletely: nothing certain
			}
			results = append(results, slot{key: c.key, printed: c.label, x0: -1, x1: -1, idx: -1})
		}
	}
	var slots []slot
	for _, bl := range blocks {
		for _, res := range results {
			s := res
			s.block = bl.b
			slots = append(slots, s)
		}
	}
	r.emit4(data, slots, func(b *fBlock) string {
		for _, bl := range blocks {
			if bl.b == b {
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
		var bs []slot
		for _, res := range results {
			s := res
			s.block = m.block
			bs = append(bs, s)
		}
		label := source.Trim(m.label)
		r.emit4(run, bs, func(*fBlock) string { return label })
	}
}

func (r *formReader) emit4(data []layout.Cell, slots []slot, blockLabel func(*fBlock) string) {
	if len(data) == 0 {
		return
	}
	values, problem := fitValues(data, slots, r.isUnit)
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
		r.t4[key] = o.Value
		r.t4Obs[key] = len(r.obs)
		r.obs = append(r.obs, o)
	}
}

// derived adds the harmonised figures the form does not print (行政诉讼 =
// 未经复议直接起诉 + 复议后起诉), only where every term is printed.
func (r *formReader) derived() {
	for _, d := range r.s.derived {
		var terms []string
		for _, b := range r.s.order4 {
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
			v := r.t4[t]
			if v == nil {
				ok = false
				break
			}
			sum += *v
			o := r.obs[r.t4Obs[t]]
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

// finish closes what is open and settles the headings that the layout of
// table 3 turned out to make headings.
func (r *formReader) finish() {
	r.closeRow()
	r.finishTable4()
	r.derived()
	if !r.sub6 || len(r.other6) == 0 {
		return
	}
	// In the 2021 layout （六）其他处理 is a heading: figures printed on it
	// are a local subtotal, and its empty cells are no figures at all.
	printed := false
	for _, i := range r.other6 {
		printed = printed || r.obs[i].Value != nil
	}
	drop := map[int]bool{}
	for _, i := range r.other6 {
		if printed {
			r.obs[i].Flags = figure.AppendFlag(r.obs[i].Flags, gongkai.FlagLocalRow)
		} else {
			drop[i] = true
		}
	}
	kept := r.obs[:0]
	for i, o := range r.obs {
		if !drop[i] {
			kept = append(kept, o)
		}
	}
	r.obs = kept
}

// template3 is the format of table 3: 2021 when （六）其他处理 has its
// three rows, 2019 when it is a row with figures, "" when neither was read.
func (r *formReader) template3() string {
	switch {
	case r.sub6:
		return gongkai.Template2021
	case r.seen[r.s.otherHandling.id] > 0:
		return gongkai.Template2019
	}
	return ""
}

// template2 is the format most blocks of table 2 follow, "" when none
// tells.
func (r *formReader) template2() string {
	a, b := r.votes2[gongkai.Template2019], r.votes2[gongkai.Template2021]
	switch {
	case a > b:
		return gongkai.Template2019
	case b > a:
		return gongkai.Template2021
	}
	return ""
}
