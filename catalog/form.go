package catalog

import (
	"embed"
	"fmt"
	"strconv"
	"strings"
)

// Kinds of the lines of a form catalogue (form2019.csv, form2021.csv).
const (
	FormBlock  = "block"  // a block of a table: 第二十条第（一）项, or a block of table 4 (行政复议 …)
	FormSpan   = "span"   // a header cell spanning other columns or blocks (申请人情况, 法人或其他组织, 行政诉讼)
	FormColumn = "column" // a column of a block (table 2), of table 3 (its key is the breakdown) or of table 4
	FormGroup  = "group"  // a heading row; its indicator, if any, takes figures a report prints on it (flag local_row)
	FormRow    = "row"    // a printed row; in tables 2 and 4 one line per column, naming the cell's indicator
	FormLocal  = "local"  // where a row the national form lacks is kept: under its parent, flag local_row
	// FormDerived is a harmonised figure the form does not print: the sum of
	// column Column over the blocks under Parent, emitted only when every
	// term is printed, with flag derived (行政诉讼 = 未经复议直接起诉 + 复议后起诉).
	FormDerived = "derived"
)

// FormEntry is one line of a form catalogue. The tables of the 2019 and 2021
// formats are two-dimensional: table 2 is a list of blocks, each with its
// own columns; table 3 has one set of columns (the applicant types, which are
// the breakdowns of its indicators); table 4 has three blocks (行政复议 and the
// two 行政诉讼 blocks) of five result columns each.
type FormEntry struct {
	Table     int      // 2, 3 or 4
	Block     string   // ID of the block the entry belongs to ("" in table 3)
	Kind      string   // one of the Form… kinds
	ID        string   // row or block ID ("2.1.1"), or column key ("issued")
	Parent    string   // ID of the enclosing group, span or block
	Label     string   // the official wording, without enumerator or note; "*" for a local entry
	Aliases   []string // other wordings seen in reports
	Column    string   // for a row of table 2 or 4: the key of the column its indicator sits in
	Indicator string
}

// readForm reads the catalogue of one format and records, on each
// indicator, the template and the labels it appears under.
func (c *Catalog) readForm(fsys embed.FS, name, template string) ([]FormEntry, error) {
	var out []FormEntry
	columns := map[string]bool{} // block + "/" + key
	err := readCSV(fsys, name, func(r record) error {
		table, err := strconv.Atoi(r.get("table"))
		if err != nil || table < 2 || table > 4 {
			return fmt.Errorf("table %q: want 2, 3 or 4", r.get("table"))
		}
		e := FormEntry{Table: table, Block: r.get("block"), Kind: r.get("kind"), ID: r.get("id"),
			Parent: r.get("parent"), Label: r.get("label"), Column: r.get("column"), Indicator: r.get("indicator")}
		if a := r.get("aliases"); a != "" {
			e.Aliases = strings.Split(a, "|")
		}
		if e.ID == "" || e.Label == "" {
			return fmt.Errorf("id and label are required")
		}
		switch e.Kind {
		case FormColumn:
			columns[e.Block+"/"+e.ID] = true
		case FormRow, FormLocal, FormDerived:
			if e.Indicator == "" {
				return fmt.Errorf("%s %s: no indicator", e.Kind, e.ID)
			}
			if table != 3 && !columns[e.Block+"/"+e.Column] && !columns["/"+e.Column] {
				return fmt.Errorf("%s %s: column %q is not declared before it", e.Kind, e.ID, e.Column)
			}
		case FormBlock, FormSpan, FormGroup:
			if e.Indicator != "" && e.Kind != FormGroup {
				return fmt.Errorf("%s %s: only rows, groups and local or derived entries have an indicator", e.Kind, e.ID)
			}
		default:
			return fmt.Errorf("kind %q: want block, span, column, group, row or local", e.Kind)
		}
		if e.Indicator != "" {
			ind := c.indicators[e.Indicator]
			if ind == nil {
				return fmt.Errorf("%s %s: unknown indicator %q", e.Kind, e.ID, e.Indicator)
			}
			if !contains(ind.Templates, template) {
				ind.Templates = append(ind.Templates, template)
			}
			if e.Kind != FormLocal && e.Kind != FormDerived && !contains(ind.SourceLabels, e.Label) {
				ind.SourceLabels = append(ind.SourceLabels, e.Label)
			}
		}
		out = append(out, e)
		return nil
	})
	return out, err
}
