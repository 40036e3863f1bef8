package form

import (
	"regexp"
	"strings"
	"sync"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/label"
)

// spec is the 2019 and 2021 formats merged for reading: a report may
// print one table in one format and the next in the other, or even mix the
// columns of table 2 block by block, so every table is read against the
// entries of both, and each entry remembers which format it comes from.
type spec struct {
	blocks          map[string]*blockSpec // by ID: table 2 blocks, table 4 blocks, and "3" for table 3
	proactiveBlocks []*blockSpec          // table 2 blocks in printed order
	reviewsBlocks   []*blockSpec          // table 4 blocks in printed order
	applications    *blockSpec
	// reviewsResults holds the result columns of table 4, shared by its blocks
	// (结果维持 … 总计).
	reviewsResults *blockSpec
	// otherHandling is （六）其他处理, a row in 2019 and a heading of three
	// rows in 2021; carriedForward is 四、结转下年度继续办理, the last row of
	// table 3.
	otherHandling, carriedForward *rowSpec
	spans                         map[int][]*entry   // header cells that span others, by table
	rows                          map[int][]*rowSpec // rows and groups of tables 2 and 3, by table
	rowByID                       map[string]*rowSpec
	derived                       []catalog.FormEntry
	// reviewsHeaderKeys are the keys of table 4's header wordings: its
	// blocks, the cells spanning blocks and its result columns.
	reviewsHeaderKeys []string
}

// entry is a label of the catalogue with the keys it is matched by.
type entry struct {
	id, parent, label string
	keys              []string
	grams             []label.Gram // keys prepared for matching, one each
	templates         []string
}

// score is how well key matches the entry's best wording.
func (e *entry) score(key string) float64 {
	var buf [64]uint64 // most keys are shorter: no allocation
	return e.scoreGram(label.GramIn(key, buf[:0]))
}

// scoreGram is score of a key prepared once, for the loops that match one
// label against every entry.
func (e *entry) scoreGram(q label.Gram) float64 {
	best := 0.0
	for _, g := range e.grams {
		if s := label.GramSimilarity(q, g); s > best {
			best = s
		}
	}
	return best
}

// columnSpec is a column of a block in one template.
type columnSpec struct {
	entry
	key      string
	template string
	pos      int // position among the block's columns in that template
}

// blockSpec is a block of table 2 (第二十条第（X）项), table 3 as a whole, or a
// block of table 4.
type blockSpec struct {
	entry
	table   int
	columns []*columnSpec // of both templates, in catalogue order
	rows    []*rowSpec
	locals  map[string]string // column key → indicator of a local row (table 2)
	cells   map[string]string // table 4: column key → indicator
}

// templateColumns is the block's column list in one template.
func (b *blockSpec) templateColumns(template string) []*columnSpec {
	var out []*columnSpec
	for _, c := range b.columns {
		if c.template == template {
			out = append(out, c)
		}
	}
	return out
}

// rowSpec is a row or group of table 2 or 3 (of table 4 the blocks are rows).
type rowSpec struct {
	entry
	table     int
	block     *blockSpec
	group     bool              // a heading in some template
	depth     int               // table 3: 1 for 一、 rows, 2 for (一), 3 for 1.
	indicator string            // table 3: the row's indicator; group: the figures printed on it
	cells     map[string]string // tables 2 and 4: column key → indicator
	local     string            // indicator for a row the national form lacks under this group
}

// The indicators of the rows of table 3 that the reader treats apart: the
// rows are found by what they count, not by their place in the catalogue.
const (
	otherHandlingIndicator  = "requests.other_handling"
	carriedForwardIndicator = "requests.carried_forward"
)

var templates = []string{gongkai.Template2019, gongkai.Template2021}

// specs holds the spec of each catalogue, made once: the readers only
// read it.
var specs sync.Map // *catalog.Catalog → *spec

// specOf is the spec of cat, made on first use.
func specOf(cat *catalog.Catalog) *spec {
	if s, ok := specs.Load(cat); ok {
		return s.(*spec)
	}
	s, _ := specs.LoadOrStore(cat, newSpec(cat))
	return s.(*spec)
}

func newSpec(cat *catalog.Catalog) *spec {
	s := &spec{blocks: map[string]*blockSpec{}, spans: map[int][]*entry{}, rows: map[int][]*rowSpec{}, rowByID: map[string]*rowSpec{}}
	s.applications = &blockSpec{entry: entry{id: "3"}, table: tableApplications}
	s.blocks["3"] = s.applications
	for _, tpl := range templates {
		pos := map[string]int{} // next column position, by block and template
		for _, e := range cat.Forms[tpl] {
			s.add(e, tpl, pos)
		}
	}
	for _, r := range s.rows[tableApplications] {
		switch r.indicator {
		case otherHandlingIndicator:
			s.otherHandling = r
		case carriedForwardIndicator:
			s.carriedForward = r
		}
	}
	if s.otherHandling == nil || s.carriedForward == nil || s.reviewsResults == nil {
		panic("catalog: the forms lack a row of table 3 (" + otherHandlingIndicator + ", " + carriedForwardIndicator + ") or the result columns of table 4")
	}
	for _, b := range s.reviewsBlocks {
		s.reviewsHeaderKeys = append(s.reviewsHeaderKeys, b.keys...)
	}
	for _, c := range s.reviewsResults.columns {
		s.reviewsHeaderKeys = append(s.reviewsHeaderKeys, c.keys...)
	}
	for _, e := range s.spans[tableReviews] {
		s.reviewsHeaderKeys = append(s.reviewsHeaderKeys, e.keys...)
	}
	return s
}

// add adds one entry of template tpl's catalogue.
func (s *spec) add(e catalog.FormEntry, tpl string, pos map[string]int) {
	fe := entry{id: e.ID, parent: e.Parent, label: e.Label, templates: []string{tpl}}
	if e.Kind == catalog.FormRow && e.Table == tableReviews {
		fe.id = e.Block
	}
	for _, l := range append([]string{e.Label}, e.Aliases...) {
		fe.keys = append(fe.keys, label.Key(l))
		fe.grams = append(fe.grams, label.NewGram(fe.keys[len(fe.keys)-1]))
	}
	blk := s.blocks[e.Block]
	if e.Table == tableApplications {
		blk = s.applications
	}
	switch e.Kind {
	case catalog.FormBlock:
		s.addBlock(e, fe, tpl)
	case catalog.FormSpan:
		s.addSpan(e.Table, fe, tpl)
	case catalog.FormColumn:
		if e.Table == tableReviews { // shared by the three blocks
			if s.reviewsResults == nil {
				s.reviewsResults = &blockSpec{entry: entry{id: "4"}, table: tableReviews}
				s.blocks["4"] = s.reviewsResults
			}
			blk = s.reviewsResults
		}
		k := e.Block + "/" + tpl
		blk.columns = append(blk.columns, &columnSpec{entry: fe, key: e.ID, template: tpl, pos: pos[k]})
		pos[k]++
	case catalog.FormGroup, catalog.FormRow:
		if e.Table == tableReviews { // the blocks are the rows
			if e.Kind == catalog.FormRow {
				blk.cells[e.Column] = e.Indicator
			}
			return
		}
		s.addRow(e, fe, tpl, blk)
	case catalog.FormLocal:
		if e.Table == tableProactive {
			blk.locals[e.Column] = e.Indicator
		} else if p := s.rowByID[e.Parent]; p != nil {
			p.local = e.Indicator
		}
	case catalog.FormDerived:
		if tpl == templates[0] {
			s.derived = append(s.derived, e)
		}
	}
}

// addBlock adds a block of table 2 or 4, or merges the wordings of the
// other template's.
func (s *spec) addBlock(e catalog.FormEntry, fe entry, tpl string) {
	if b := s.blocks[e.ID]; b != nil {
		b.merge(fe, tpl)
		return
	}
	b := &blockSpec{entry: fe, table: e.Table, locals: map[string]string{}, cells: map[string]string{}}
	s.blocks[e.ID] = b
	if e.Table == tableProactive {
		s.proactiveBlocks = append(s.proactiveBlocks, b)
	} else {
		s.reviewsBlocks = append(s.reviewsBlocks, b)
	}
}

// addRow adds a row or heading of table 2 or 3 under block blk, or merges
// the wordings and indicators of the other template's.
func (s *spec) addRow(e catalog.FormEntry, fe entry, tpl string, blk *blockSpec) {
	r := s.rowByID[e.ID]
	if r == nil {
		r = &rowSpec{entry: fe, table: e.Table, block: blk, cells: map[string]string{}}
		s.rowByID[e.ID] = r
		blk.rows = append(blk.rows, r)
		s.rows[e.Table] = append(s.rows[e.Table], r)
		r.depth = strings.Count(e.ID, ".")
	} else {
		r.merge(fe, tpl)
	}
	if e.Kind == catalog.FormGroup {
		r.group = true // （六）其他处理 is a heading in 2021 only; the reader settles it
	}
	if e.Indicator != "" {
		if e.Table == tableApplications {
			r.indicator = e.Indicator
		} else {
			r.cells[e.Column] = e.Indicator
		}
	}
}

func (e *entry) merge(o entry, tpl string) {
	for _, k := range o.keys {
		if !contains(e.keys, k) {
			e.keys = append(e.keys, k)
			e.grams = append(e.grams, label.NewGram(k))
		}
	}
	if !contains(e.templates, tpl) {
		e.templates = append(e.templates, tpl)
	}
}

func (s *spec) addSpan(table int, fe entry, tpl string) {
	for _, sp := range s.spans[table] {
		if sp.id == fe.id {
			sp.merge(fe, tpl)
			return
		}
	}
	e := fe
	s.spans[table] = append(s.spans[table], &e)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// articleBlock matches the heading of a block of table 2: 第二十条第（一）项.
var articleBlock = regexp.MustCompile(`第二十条第?\(?([一二三四五六七八九十]+)\)?项`)

// isSection reports whether key is the key of a section heading of the
// 2019/2021 report format (words.csv, form_section). Met among table cells
// it closes the table before it and is no row of it.
func (r *reader) isSection(key string) bool {
	for _, h := range r.cat.Words(catalog.WordsFormSection) {
		if label.Similarity(key, h) >= label.Contained {
			return true
		}
	}
	return false
}

// encloses reports whether heading g is an ancestor of row x.
func (s *spec) encloses(g, x *rowSpec) bool {
	for x != nil && x.parent != "" {
		if x = s.rowByID[x.parent]; x == g {
			return true
		}
	}
	return false
}

// ordinal is the 1-based place of row among the rows under its heading.
func (s *spec) ordinal(row *rowSpec) int {
	n := 0
	for _, r := range s.rows[row.table] {
		if r.parent == row.parent {
			n++
		}
		if r == row {
			return n
		}
	}
	return 0
}
