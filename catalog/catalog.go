// Package catalog is the reference data of gongkai: units, indicators and the
// rows of each national report template, kept as CSV files that a domain
// expert can read and edit, embedded in the binary.
package catalog

import (
	"bytes"
	"embed"
	"encoding/csv"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"sync"

	"github.com/gongkai/gongkai"
)

//go:embed *.csv
var files embed.FS

// Catalog is the loaded reference data. It is read-only once loaded.
type Catalog struct {
	Units      []gongkai.Unit
	Indicators []gongkai.Indicator
	// Legacy is the row list of the 2014 form, in printed order.
	Legacy []Row
	// LegacyColumns names the value columns of the legacy table by breakdown
	// (legacy_columns.csv): 统计数 is the total, local variants print more.
	LegacyColumns []Column
	// Forms holds the tables of the 2019 and 2021 formats (form2019.csv,
	// form2021.csv), by template code, in printed order.
	Forms map[string][]FormEntry
	// Words are the word lists forms and tables are told apart by
	// (words.csv), by list: Words(WordsDetectLegacy) …
	words map[string][]string
	// Traditional holds the Traditional→Simplified pairs the parser folds
	// text with (traditional.csv), as strings.NewReplacer takes them:
	// old, new, old, new …, in file order.
	Traditional []string

	units      map[string]*gongkai.Unit
	unitsBySym map[string]*gongkai.Unit
	indicators map[string]*gongkai.Indicator
}

// The word lists of words.csv.
const (
	WordsDetectLegacy   = "detect_legacy"    // words of the 2014 form
	WordsDetectForm     = "detect_form"      // words of the 2019/2021 format
	WordsDetectPre2014  = "detect_pre2014"   // column headings of pre-2014 local forms
	WordsFormTableStart = "form_table_start" // cells that open a table of the 2019/2021 format
	WordsFormSection    = "form_section"     // section headings of a 2019/2021 report
)

// Words returns a word list of words.csv, in file order.
func (c *Catalog) Words(list string) []string { return c.words[list] }

// Column is a value column of a table and the breakdown its figures have.
type Column struct {
	Breakdown string
	Labels    []string // the headers it is printed under
}

// Row is one printed row of a template.
type Row struct {
	ID        string   // position in the form, e.g. "3.1.2"
	Parent    string   // ID of the enclosing row, "" for a section
	Label     string   // the official wording, without enumerator, 其中 or counting note
	Aliases   []string // other wordings seen in reports
	Indicator string
	Group     bool // a heading row that carries no figure
}

var load = sync.OnceValues(func() (*Catalog, error) { return parse(files) })

// Load returns the embedded catalogue. It fails only if the embedded files are
// malformed, which the tests rule out.
func Load() (*Catalog, error) { return load() }

// MustLoad is Load for callers that cannot proceed without the catalogue.
func MustLoad() *Catalog {
	c, err := Load()
	if err != nil {
		panic(err)
	}
	return c
}

// Unit returns the unit with the given code.
func (c *Catalog) Unit(code string) (*gongkai.Unit, bool) {
	u, ok := c.units[code]
	return u, ok
}

// UnitBySymbol returns the unit printed as sym (条, 万元 …).
func (c *Catalog) UnitBySymbol(sym string) (*gongkai.Unit, bool) {
	u, ok := c.unitsBySym[sym]
	return u, ok
}

// Indicator returns the indicator with the given code.
func (c *Catalog) Indicator(code string) (*gongkai.Indicator, bool) {
	ind, ok := c.indicators[code]
	return ind, ok
}

func parse(fsys embed.FS) (*Catalog, error) {
	c := &Catalog{
		units:      map[string]*gongkai.Unit{},
		unitsBySym: map[string]*gongkai.Unit{},
		indicators: map[string]*gongkai.Indicator{},
	}
	if err := readCSV(fsys, "units.csv", func(r record) error {
		u := gongkai.Unit{Code: r.get("code"), Symbol: r.get("symbol"), NameZh: r.get("name_zh"),
			NameEn: r.get("name_en"), BaseUnit: r.get("base_unit")}
		if f := r.get("factor"); f != "" {
			v, err := strconv.ParseFloat(f, 64)
			if err != nil {
				return fmt.Errorf("factor %q: %v", f, err)
			}
			u.Factor = v
		}
		c.Units = append(c.Units, u)
		return nil
	}); err != nil {
		return nil, err
	}
	for i := range c.Units {
		c.units[c.Units[i].Code] = &c.Units[i]
		c.unitsBySym[c.Units[i].Symbol] = &c.Units[i]
	}

	if err := readCSV(fsys, "indicators.csv", func(r record) error {
		ind := gongkai.Indicator{Code: r.get("code"), Parent: r.get("parent"), Relation: r.get("relation"),
			Unit: r.get("unit"), NameZh: r.get("name_zh"), NameEn: r.get("name_en"),
			Definition: r.get("definition"), Mapping: r.get("mapping")}
		if b := r.get("breakdowns"); b != "" {
			ind.Breakdowns = strings.Split(b, "|")
		}
		switch ind.Relation {
		case gongkai.RelationSum, gongkai.RelationSubset, gongkai.RelationNone:
		default:
			return fmt.Errorf("relation %q: want sum, subset or none", ind.Relation)
		}
		if ind.Unit != "" && c.units[ind.Unit] == nil {
			return fmt.Errorf("unknown unit %q", ind.Unit)
		}
		c.Indicators = append(c.Indicators, ind)
		return nil
	}); err != nil {
		return nil, err
	}
	for i := range c.Indicators {
		c.indicators[c.Indicators[i].Code] = &c.Indicators[i]
	}
	for _, ind := range c.Indicators {
		if ind.Parent != "" && c.indicators[ind.Parent] == nil {
			return nil, fmt.Errorf("indicators.csv: %s: unknown parent %q", ind.Code, ind.Parent)
		}
	}

	rows, err := c.readTemplate(fsys, "legacy2014.csv", gongkai.TemplateLegacy)
	if err != nil {
		return nil, err
	}
	c.Legacy = rows
	if err := readCSV(fsys, "legacy_columns.csv", func(r record) error {
		col := Column{Breakdown: r.get("breakdown"), Labels: strings.Split(r.get("labels"), "|")}
		if col.Breakdown == "" || r.get("labels") == "" {
			return fmt.Errorf("a column needs a breakdown and labels")
		}
		c.LegacyColumns = append(c.LegacyColumns, col)
		return nil
	}); err != nil {
		return nil, err
	}
	c.words = map[string][]string{}
	if err := readCSV(fsys, "words.csv", func(r record) error {
		list, word := r.get("list"), r.get("word")
		switch list {
		case WordsDetectLegacy, WordsDetectForm, WordsDetectPre2014, WordsFormTableStart, WordsFormSection:
		default:
			return fmt.Errorf("list %q: not a list the parser reads", list)
		}
		if word == "" {
			return fmt.Errorf("an empty word in list %s", list)
		}
		c.words[list] = append(c.words[list], word)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := readCSV(fsys, "traditional.csv", func(r record) error {
		t, s := r.get("traditional"), r.get("simplified")
		if t == "" || s == "" {
			return fmt.Errorf("a pair needs both its characters")
		}
		c.Traditional = append(c.Traditional, t, s)
		return nil
	}); err != nil {
		return nil, err
	}
	c.Forms = map[string][]FormEntry{}
	for _, f := range []struct{ file, template string }{
		{"form2019.csv", gongkai.Template2019},
		{"form2021.csv", gongkai.Template2021},
	} {
		entries, err := c.readForm(fsys, f.file, f.template)
		if err != nil {
			return nil, err
		}
		c.Forms[f.template] = entries
	}
	return c, nil
}

// readTemplate reads a template's row list and records, on each indicator,
// the template and the labels it appears under.
func (c *Catalog) readTemplate(fsys embed.FS, name, template string) ([]Row, error) {
	var rows []Row
	seen := map[string]bool{}
	err := readCSV(fsys, name, func(r record) error {
		row := Row{ID: r.get("id"), Parent: r.get("parent"), Label: r.get("label"), Indicator: r.get("indicator")}
		if row.ID == "" {
			row.ID = r.get("row")
		}
		if a := r.get("aliases"); a != "" {
			row.Aliases = strings.Split(a, "|")
		}
		if row.Parent != "" && !seen[row.Parent] {
			return fmt.Errorf("row %s: parent %q is not an earlier row", row.ID, row.Parent)
		}
		seen[row.ID] = true
		ind := c.indicators[row.Indicator]
		if ind == nil {
			return fmt.Errorf("row %s: unknown indicator %q", row.ID, row.Indicator)
		}
		row.Group = ind.Unit == ""
		if !contains(ind.Templates, template) {
			ind.Templates = append(ind.Templates, template)
		}
		if !contains(ind.SourceLabels, row.Label) {
			ind.SourceLabels = append(ind.SourceLabels, row.Label)
		}
		rows = append(rows, row)
		return nil
	})
	return rows, err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// record is one CSV row addressed by column name.
type record struct {
	cols   map[string]int
	fields []string
}

func (r record) get(col string) string {
	if i, ok := r.cols[col]; ok && i < len(r.fields) {
		return strings.TrimSpace(r.fields[i])
	}
	return ""
}

// readCSV calls fn with each record of an embedded CSV file; lines starting
// with # are comments.
func readCSV(fsys fs.FS, name string, fn func(record) error) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.Comment = '#'
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	cols := map[string]int{}
	for i, h := range header {
		cols[h] = i
	}
	for {
		fields, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		line, _ := cr.FieldPos(0)
		if err := fn(record{cols: cols, fields: fields}); err != nil {
			return fmt.Errorf("%s:%d: %v", name, line, err)
		}
	}
}
