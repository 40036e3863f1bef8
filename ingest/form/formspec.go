package form

import (
	"regexp"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/label"
)

// formSpec is the 2019 and 2021 formats merged for reading: a report may
// print one table in one format and the next in the other, or even mix the
// columns of table 2 block by block, so every table is read against the
// entries of both, and each entry remembers which format it comes from.
type formSpec struct {
	blocks map[string]*fBlock // by ID: table 2 blocks, table 4 blocks, and "3" for table 3
	order2 []*fBlock          // table 2 blocks in printed order
	order4 []*fBlock          // table 4 blocks in printed order
	t3     *fBlock
	// results4 holds the result columns of table 4, shared by its blocks
	// (结果维持 … 总计).
	results4 *fBlock
	// otherHandling is （六）其他处理, a row in 2019 and a heading of three
	// rows in 2021; carriedForward is 四、结转下年度继续办理, the last row of
	// table 3.
	otherHandling, carriedForward *fRow
	spans                         map[int][]*fEntry // header cells that span others, by table
	rows                          map[int][]*fRow   // rows and groups of tables 2 and 3, by table
	rowByID                       map[string]*fRow
	derived                       []catalog.FormEntry
}

// fEntry is a label of the catalogue with the keys it is matched by.
type fEntry struct {
	id, parent, label string
	keys              []string
	templates         []string
}

func (e *fEntry) score(key string) float64 {
	best := 0.0
	for _, k := range e.keys {
		if s := label.Similarity(key, k); s > best {
			best = s
		}
	}
	return best
}

// fColumn is a column of a block in one template.
type fColumn struct {
	fEntry
	key      string
	template string
	pos      int // position among the block's columns in that template
}

// fBlock is a block of table 2 (第二十条第（X）项), table 3 as a whole, or a
// block of table 4.
type fBlock struct {
	fEntry
	table   int
	columns []*fColumn // of both templates, in catalogue order
	rows    []*fRow
	locals  map[string]string // column key → indicator of a local row (table 2)
	cells   map[string]string // table 4: column key → indicator
}

// templateColumns is the block's column list in one template.
func (b *fBlock) templateColumns(template string) []*fColumn {
	var out []*fColumn
	for _, c := range b.columns {
		if c.template == template {
			out = append(out, c)
		}
	}
	return out
}

// fRow is a row or group of table 2 or 3 (of table 4 the blocks are rows).
type fRow struct {
	fEntry
	table     int
	block     *fBlock
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

func newFormSpec(cat *catalog.Catalog) *formSpec {
	s := &formSpec{blocks: map[string]*fBlock{}, spans: map[int][]*fEntry{}, rows: map[int][]*fRow{}}
	s.t3 = &fBlock{fEntry: fEntry{id: "3"}, table: 3}
	s.blocks["3"] = s.t3
	rowByID := map[string]*fRow{}
	s.rowByID = rowByID
	for _, tpl := range templates {
		pos := map[string]int{}
		for _, e := range cat.Forms[tpl] {
			fe := fEntry{id: e.ID, parent: e.Parent, label: e.Label, templates: []string{tpl}}
			if e.Kind == catalog.FormRow && e.Table == 4 {
				fe.id = e.Block
			}
			for _, l := range append([]string{e.Label}, e.Aliases...) {
				fe.keys = append(fe.keys, label.Key(l))
			}
			blk := s.blocks[e.Block]
			if e.Table == 3 {
				blk = s.t3
			}
			switch e.Kind {
			case catalog.FormBlock:
				if b := s.blocks[e.ID]; b != nil {
					b.merge(fe, tpl)
					continue
				}
				b := &fBlock{fEntry: fe, table: e.Table, locals: map[string]string{}, cells: map[string]string{}}
				s.blocks[e.ID] = b
				if e.Table == 2 {
					s.order2 = append(s.order2, b)
				} else {
					s.order4 = append(s.order4, b)
				}
			case catalog.FormSpan:
				s.addSpan(e.Table, fe, tpl)
			case catalog.FormColumn:
				if e.Table == 4 { // shared by the three blocks
					if s.results4 == nil {
						s.results4 = &fBlock{fEntry: fEntry{id: "4"}, table: 4}
						s.blocks["4"] = s.results4
					}
					blk = s.results4
				}
				k := e.Block + "/" + tpl
				blk.columns = append(blk.columns, &fColumn{fEntry: fe, key: e.ID, template: tpl, pos: pos[k]})
				pos[k]++
			case catalog.FormGroup, catalog.FormRow:
				if e.Table == 4 { // the blocks are the rows
					if e.Kind == catalog.FormRow {
						blk.cells[e.Column] = e.Indicator
					}
					continue
				}
				r := rowByID[e.ID]
				if r == nil {
					r = &fRow{fEntry: fe, table: e.Table, block: blk, cells: map[string]string{}}
					rowByID[e.ID] = r
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
					if e.Table == 3 {
						r.indicator = e.Indicator
					} else {
						r.cells[e.Column] = e.Indicator
					}
				}
			case catalog.FormLocal:
				if e.Table == 2 {
					blk.locals[e.Column] = e.Indicator
				} else if p := rowByID[e.Parent]; p != nil {
					p.local = e.Indicator
				}
			case catalog.FormDerived:
				if tpl == templates[0] {
					s.derived = append(s.derived, e)
				}
			}
		}
	}
	for _, r := range s.rows[3] {
		switch r.indicator {
		case otherHandlingIndicator:
			s.otherHandling = r
		case carriedForwardIndicator:
			s.carriedForward = r
		}
	}
	if s.otherHandling == nil || s.carriedForward == nil || s.results4 == nil {
		panic("catalog: the forms lack a row of table 3 (" + otherHandlingIndicator + ", " + carriedForwardIndicator + ") or the result columns of table 4")
	}
	return s
}

func (e *fEntry) merge(o fEntry, tpl string) {
	for _, k := range o.keys {
		if !contains(e.keys, k) {
			e.keys = append(e.keys, k)
		}
	}
	if !contains(e.templates, tpl) {
		e.templates = append(e.templates, tpl)
	}
}

func (s *formSpec) addSpan(table int, fe fEntry, tpl string) {
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
func (r *formReader) isSection(key string) bool {
	for _, h := range r.cat.Words(catalog.WordsFormSection) {
		if label.Similarity(key, h) >= label.Contained {
			return true
		}
	}
	return false
}
