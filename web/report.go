package web

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/db"
)

type reportPage struct {
	*Page
	Report   *db.ReportDetail
	Tables   []figureTable
	Failing  []db.CheckRow
	Sections []narrativeSection
	CSV      string // the report's figures as CSV
}

// figureTable is one block of a report's statistics as printed: rows with
// the same columns, one value column for the legacy table.
type figureTable struct {
	Columns []string // nil: one value column
	Rows    []figureRow
}

// figureRow is a printed row: its label, its indicator and one figure per column.
type figureRow struct {
	Label           string
	Indicator       string
	IndicatorNameZh string
	IndicatorNameEn string
	Unit            string
	Cells           []*db.ObservationRow // in printed order
	Failed          map[int64]bool       // ids of failing checks involving a figure of the row
	Checks          []db.CheckRow        // those checks, in order
	Grid            []*figureCell        // the figures under the table's columns; nil where the row has none
}

// figureCell is a figure as the page prints it, its link and labels made
// once in Go rather than in the template, which would take most of the
// page's time.
type figureCell struct {
	*db.ObservationRow
	Text   string // as printed
	Href   string // its source line
	Title  string // indicator, breakdown and line, shown on hover
	Label  string // what a screen reader says
	Failed bool   // a failing check involves it
}

// narrativeSection is a heading of the narrative with its text cut where
// a failing check quotes it.
type narrativeSection struct {
	gongkai.Section
	Parts []narrativePart
}

// narrativePart is plain text, or a sentence a failing check quotes.
type narrativePart struct {
	Text  string
	Check *db.CheckRow // the check quoting Text, nil for plain text
}

// report shows one report: its statistics as printed, each figure linked to
// its source line, failing checks beside the figures, unplaced rows, the
// narrative with contradicted sentences marked, and downloads.
func (p *Pages) report(c echo.Context) error {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	pg, perr := newPage(c, "/v1/reports/"+c.Param("id"))
	if perr != nil {
		return p.fail(c, pg, perr)
	}
	if err != nil || id <= 0 {
		return p.fail(c, pg, gongkai.Errorf(gongkai.ENOTFOUND, "no report with id %q: report ids are positive integers", c.Param("id")))
	}
	ctx := c.Request().Context()
	r, err := p.db.FindReport(ctx, id)
	if err != nil {
		return p.fail(c, pg, err)
	}
	obs, err := p.db.FindObservations(ctx, db.ObservationFilter{Report: id})
	if err != nil {
		return p.fail(c, pg, err)
	}
	failing, err := p.db.ListChecks(ctx, db.CheckFilter{Report: id, Statuses: []string{"fail"}})
	if err != nil {
		return p.fail(c, pg, err)
	}
	pg.Title = r.Title
	if pg.Title == "" {
		pg.Title = r.Publisher.NameZh + " " + strconv.Itoa(r.Year)
	}
	tables := layTables(obs, failing)
	gridCells(pg, tables)
	data := reportPage{Page: pg, Report: r, Tables: tables, Failing: failing,
		Sections: narrative(r.Sections, failing),
		CSV:      "/v1/observations?" + query("report", strconv.FormatInt(id, 10), "format", "csv", "bom", "true", "lang", pg.langParam())}
	return p.render(c, 200, "report", data)
}

// layTables groups a report's figures, in printed order, into rows (a new
// row where the label or indicator changes) and the rows into tables (a
// new table where the columns change), so that the figures appear in the
// grid they were printed in.
func layTables(obs []db.ObservationRow, failing []db.CheckRow) []figureTable {
	var tables []figureTable
	var cols []string // the columns of the row being read
	var cells []*db.ObservationRow
	flush := func() {
		if len(cells) == 0 {
			return
		}
		first := cells[0]
		row := figureRow{Label: first.Label, Indicator: first.Indicator, IndicatorNameZh: first.IndicatorNameZh,
			IndicatorNameEn: first.IndicatorNameEn, Unit: first.UnitSymbol, Failed: map[int64]bool{}}
		for _, o := range cells {
			for _, ch := range failing {
				if involves(ch, o) && !row.Failed[ch.ID] {
					row.Failed[ch.ID] = true
					row.Checks = append(row.Checks, ch)
				}
			}
		}
		n := len(tables)
		if n == 0 || !slices.Equal(tables[n-1].Columns, cols) {
			tables = append(tables, figureTable{Columns: cols})
			n++
		}
		row.Cells = cells
		tables[n-1].Rows = append(tables[n-1].Rows, row)
		cols, cells = nil, nil
	}
	for i := range obs {
		o := &obs[i]
		if len(cells) > 0 && (o.Label != cells[0].Label || o.Indicator != cells[0].Indicator || (o.Column == nil) != (cols == nil)) {
			flush()
		}
		if o.Column != nil {
			if slices.Contains(cols, *o.Column) { // a column printed twice: a new row
				flush()
			}
			cols = append(cols, *o.Column)
		}
		cells = append(cells, o)
	}
	flush()
	return tables
}

// involves reports whether a check is about an observation: its indicator
// is one of the check's, and the check is of its breakdown (or of a whole row).
func involves(ch db.CheckRow, o *db.ObservationRow) bool {
	return slices.Contains(ch.Indicators, o.Indicator) && (ch.Breakdown == o.Breakdown || ch.Breakdown == "*")
}

// narrative cuts each section where a failing check quotes a sentence of it.
func narrative(sections []gongkai.Section, failing []db.CheckRow) []narrativeSection {
	out := make([]narrativeSection, len(sections))
	for i, s := range sections {
		out[i] = narrativeSection{Section: s, Parts: []narrativePart{{Text: s.Text}}}
		for j := range failing {
			ch := &failing[j]
			if ch.Evidence == "" {
				continue
			}
			out[i].Parts = quote(out[i].Parts, ch)
		}
	}
	return out
}

// quote splits the plain parts of a text at the first occurrence of the
// check's evidence.
func quote(parts []narrativePart, ch *db.CheckRow) []narrativePart {
	for k, part := range parts {
		if part.Check != nil {
			continue
		}
		before, after, ok := strings.Cut(part.Text, ch.Evidence)
		if !ok {
			continue
		}
		split := []narrativePart{{Text: before}, {Text: ch.Evidence, Check: ch}, {Text: after}}
		return slices.Concat(parts[:k], split, parts[k+1:])
	}
	return parts
}

// gridCells lays each row's figures under its table's columns, with
// their links and labels in the page's language.
func gridCells(pg *Page, tables []figureTable) {
	for ti := range tables {
		t := &tables[ti]
		for ri := range t.Rows {
			row := &t.Rows[ri]
			if t.Columns == nil {
				row.Grid = []*figureCell{row.cell(pg, row.Cells[0])}
				continue
			}
			row.Grid = make([]*figureCell, len(t.Columns))
			for _, o := range row.Cells {
				if i := slices.Index(t.Columns, *o.Column); i >= 0 && row.Grid[i] == nil {
					row.Grid[i] = row.cell(pg, o)
				}
			}
		}
	}
}

// cell is the printed form of the row's figure o.
func (r *figureRow) cell(pg *Page, o *db.ObservationRow) *figureCell {
	line := fmt.Sprintf(pg.T("source_line"), o.Line)
	c := &figureCell{ObservationRow: o, Text: o.Raw, Href: pg.Link(fmt.Sprintf("/reports/%d/source#L%d", o.ReportID, o.Line)),
		Title: o.Indicator + " · " + o.Breakdown + " · " + line}
	if c.Text == "" {
		c.Text = formatNumber(o.Value)
	}
	c.Label = c.Text + ", " + line
	for _, ch := range r.Checks {
		c.Failed = c.Failed || involves(ch, o)
	}
	return c
}

// checkNote is how a failing check is named beside its figures: its
// message when short, else what was found against what was expected.
func checkNote(ch db.CheckRow) string {
	if len([]rune(ch.Message)) <= 40 || ch.Expected == nil || ch.Actual == nil {
		return ch.Message
	}
	return formatNumber(ch.Actual) + " ≠ " + formatNumber(ch.Expected)
}
