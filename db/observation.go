package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
)

// ObservationFilter selects current observations. Empty fields select
// everything; a list selects any of its values.
type ObservationFilter struct {
	Indicators []string
	Publishers []string
	Region     string // prefix of the division code
	Years      YearFilter
	Breakdowns []string
	Templates  []string
	Report     int64 // one report's observations

	Sort  []SortField     // order; nil for DefaultObservationSort. The id always breaks ties.
	After *ObservationKey // keyset pagination: only observations after this one in Sort order
	Limit int             // at most this many; 0 for all

	publishers publisherRange // a range of an export read in parallel (AppendObservations)
	// namesAfter leaves out the publishers' names and division codes and
	// the labels' texts, which FindObservations reads after the rows, once
	// for each publisher and label of the page.
	namesAfter bool
}

// SortField is one key of an order: a field of ObservationSortFields,
// ascending unless Desc.
type SortField struct {
	Field string
	Desc  bool
}

// ObservationSortFields are the fields observations can be sorted by.
var ObservationSortFields = []string{"publisher", "year", "indicator", "breakdown", "value"}

// DefaultObservationSort is report by report (by publisher and year), each
// in printed order: the order of the observations_publisher_year index.
var DefaultObservationSort = []SortField{{Field: "publisher"}, {Field: "year"}}

// sortColumns maps the sort fields to columns. value is nullable and sorts
// its nulls last in either direction (see orderBy).
var sortColumns = map[string]string{
	"publisher": "o.publisher_id",
	"year":      "o.year",
	"indicator": "(SELECT code FROM indicators WHERE id = o.indicator_id)", // ids are not in code order
	"breakdown": "o.breakdown",
	"value":     "o.value",
}

// ObservationKey is the position of an observation in any sort order: the
// values of every sort field and the id. A cursor carries it.
type ObservationKey struct {
	PublisherID string   `json:"p"`
	Year        int      `json:"y"`
	Indicator   string   `json:"i"`
	Breakdown   string   `json:"b"`
	Value       *float64 `json:"v"`
	ID          int64    `json:"id"`
}

// ObservationRow is an observation with its report's publisher and year and
// the names of its codes.
type ObservationRow struct {
	gongkai.Observation
	ID              int64
	ReportID        int64
	PublisherID     string
	PublisherNameZh string
	PublisherNameEn string
	AdminCode       string
	Year            int
	IndicatorNameZh string
	IndicatorNameEn string
	UnitSymbol      string // 件
	UnitNameEn      string // case
}

// Key returns the row's position for keyset pagination.
func (r *ObservationRow) Key() ObservationKey {
	return ObservationKey{PublisherID: r.PublisherID, Year: r.Year, Indicator: r.Indicator,
		Breakdown: r.Breakdown, Value: r.Value, ID: r.ID}
}

func (k *ObservationKey) get(field string) any {
	switch field {
	case "publisher":
		return k.PublisherID
	case "year":
		return k.Year
	case "indicator":
		return k.Indicator
	case "breakdown":
		return k.Breakdown
	case "value":
		if k.Value == nil {
			return nil
		}
		return *k.Value
	}
	return nil
}

// observationColumns are read by scanObservation. The text columns travel
// packed in one, separated by fieldSeparator: the driver locks the
// connection for every column of every row, and at millions of rows (a
// CSV of everything) the locks were most of the time. Indicator and unit
// names come from the small tables, read once per query (observationNames).
const observationColumns = `o.value, o.column_label,
	concat_ws(char(31), o.id, o.report_id, o.year, o.line, coalesce(o.page, 0),
	o.publisher_id, coalesce(p.name_zh, ''), coalesce(p.name_en, ''), coalesce(p.admin_code, ''),
	o.indicator_id, o.breakdown, o.unit, coalesce(l.text, ''), o.raw, o.flags)`

// fieldSeparator separates the packed text columns (char(31), the unit separator).
const fieldSeparator = "\x1f"

// packedFields is the number of fields packed in the last column.
const packedFields = 15

// The LEFT JOINs keep observations the outer loop, so that the planner
// drives the query from an observations index. Labels are stored once
// (migration 010).
const observationFrom = ` FROM observations o
	LEFT JOIN publishers p ON p.id = o.publisher_id
	LEFT JOIN labels l ON l.id = o.label_id`

// observationWhere turns f's filters (not its cursor) into a WHERE clause.
// "o.current = 1" is literal so that the partial indexes apply.
func (d *DB) observationWhere(ctx context.Context, f ObservationFilter) (*where, error) {
	if err := d.checkCodes(ctx, "indicators", "code", "indicator", "indicator code", f.Indicators); err != nil {
		return nil, err
	}
	if err := d.checkPublishers(ctx, "publisher", f.Publishers); err != nil {
		return nil, err
	}
	w := &where{}
	w.add("o.current = 1")
	w.indicators("o.indicator_id", f.Indicators)
	w.in("o.publisher_id", f.Publishers)
	w.region(f.Region)
	if f.onlyYears() && !f.Years.IsZero() {
		// Years alone: observations_publisher_year probed publisher by
		// publisher, which reads the default order without sorting.
		// A range of an export probes its own publishers only.
		cond, args := f.publishers.where("id")
		w.add("o.publisher_id IN (SELECT id FROM publishers"+cond+")", args...)
	}
	w.years("o.year", f.Years)
	// A breakdown selects a large share of the figures: with a narrower
	// filter, the unary + keeps the planner (which has no statistics) from
	// choosing its index over the narrower one's.
	narrower := len(f.Indicators) > 0 || len(f.Publishers) > 0 || f.Region != "" || f.Report != 0
	w.in(unlessIndexed("o.breakdown", narrower), f.Breakdowns)
	if len(f.Templates) > 0 {
		if !narrower && len(f.Breakdowns) == 0 {
			// Probing observations_publisher_year publisher by publisher in
			// the template's years reads the default order.
			w.add("o.publisher_id IN (SELECT id FROM publishers)")
		}
		if err := d.templateYears(ctx, w, f.Templates); err != nil {
			return nil, err
		}
	}
	if f.Report != 0 {
		w.add("o.report_id = ?", f.Report)
	}
	if cond, args := f.publishers.where("o.publisher_id"); cond != "" {
		w.add(strings.TrimPrefix(cond, " WHERE "), args...)
	}
	return w, nil
}

// templateYears appends the condition that an observation's report has one
// of templates. A template is a matter of years: the summaries tell which
// years have reports of the templates, and of those, in which all reports
// do. Only in a year with other templates too is the report looked up, by
// the publisher and year that every observation index holds.
func (d *DB) templateYears(ctx context.Context, w *where, templates []string) error {
	args := make([]any, len(templates))
	for i, t := range templates {
		args[i] = t
	}
	in := `template IN (` + placeholders(len(args)) + `)`
	rows, err := d.read.QueryContext(ctx, `SELECT year, min(`+in+`) FROM summary_years
		WHERE reports > 0 GROUP BY year HAVING max(`+in+`) ORDER BY year`, append(args, args...)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var some, all []any
	for rows.Next() {
		var year int
		var every bool
		if err := rows.Scan(&year, &every); err != nil {
			return err
		}
		some = append(some, year)
		if every {
			all = append(all, year)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	w.add(`o.year IN (`+placeholders(len(some))+`)`, some...)
	if len(all) < len(some) {
		w.add(`(o.year IN (`+placeholders(len(all))+`) OR EXISTS (SELECT 1 FROM reports r
			WHERE r.publisher_id = o.publisher_id AND r.year = o.year AND r.superseded_by IS NULL AND r.`+in+`))`,
			append(all, args...)...)
	}
	return nil
}

// CountCap is where CountObservations stops counting: beyond it, a count
// reads more index entries than an answer can afford (100,000 took 30–50 ms
// at 10 million observations on a loaded 2-core machine), and says so.
const CountCap = 100_000

// Total is the number of rows matching a filter. When Capped, counting
// stopped at CountCap: there are at least N.
type Total struct {
	N      int
	Capped bool
}

// CountObservations returns the number of current observations matching f,
// ignoring its cursor and limit: exact from the summaries for no filter,
// years or templates alone, and for indicators, a province (a region of
// at most two digits) and years; otherwise counted up to CountCap. It returns an EINVALID
// error naming an unknown indicator or publisher.
func (d *DB) CountObservations(ctx context.Context, f ObservationFilter) (Total, error) {
	w, err := d.observationWhere(ctx, f)
	if err != nil {
		return Total{}, err
	}
	if f.onlyYears() || f.onlyTemplatesAndYears() {
		ys := &where{}
		ys.years("year", f.Years)
		ys.in("template", f.Templates)
		var n int
		err := d.read.QueryRowContext(ctx, `SELECT coalesce(sum(observations), 0) FROM summary_years`+ys.String(), ys.args...).Scan(&n)
		return Total{N: n}, err
	}
	if f.provinceCountable() {
		return d.countFromProvinces(ctx, f, w)
	}
	var n int
	err = d.read.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM observations o`+w.String()+
		` LIMIT `+strconv.Itoa(CountCap+1)+`)`, w.args...).Scan(&n)
	if n > CountCap {
		return Total{N: CountCap, Capped: true}, err
	}
	return Total{N: n}, err
}

// unlessIndexed returns col, prefixed with the unary + that keeps its
// condition from choosing an index when another index is better.
func unlessIndexed(col string, better bool) string {
	if better {
		return "+" + col
	}
	return col
}

// onlyTemplatesAndYears reports whether f filters by nothing but
// templates and years, which the summaries count.
func (f ObservationFilter) onlyTemplatesAndYears() bool {
	g := f
	g.Templates = nil
	return g.onlyYears()
}

// onlyYears reports whether f filters by nothing but years (or nothing).
func (f ObservationFilter) onlyYears() bool {
	return len(f.Indicators) == 0 && len(f.Publishers) == 0 && f.Region == "" && len(f.Breakdowns) == 0 &&
		len(f.Templates) == 0 && f.Report == 0
}

// FindObservations returns the current observations matching f, at most
// f.Limit of them, in f.Sort order after f.After. It returns an EINVALID
// error naming an unknown indicator, publisher or sort field.
//
// The names of the page's publishers and the texts of its labels are read
// after its rows, once each: a page of 1,000 figures over a region has
// about 100 publishers and a few labels, and looking them up row by row
// was a seventh of its time.
func (d *DB) FindObservations(ctx context.Context, f ObservationFilter) ([]ObservationRow, error) {
	// A page is read whole: room for it at once, rather than copying the
	// rows read so far at each doubling (5% of a page of 1,000's CPU).
	rows := make([]ObservationRow, 0, min(f.Limit, maxPreallocatedRows))
	f.namesAfter = true
	err := d.EachObservation(ctx, f, func(r *ObservationRow) error {
		rows = append(rows, *r)
		return nil
	})
	if err != nil || !f.namesAfter {
		return rows, err
	}
	return rows, d.fillNames(ctx, rows)
}

// maxPreallocatedRows bounds the room FindObservations makes for a page
// before reading it: a page of the API has at most 1,001 rows.
const maxPreallocatedRows = 1001

// fillNames sets the publishers' names and division codes of rows read
// with namesAfter, and their labels' texts in place of the ids read.
func (d *DB) fillNames(ctx context.Context, rows []ObservationRow) error {
	publishers := map[string][3]string{}
	labels := map[string]string{}
	if len(rows) == 0 {
		return nil
	}
	var publisherIDs []string
	var labelIDs []int64
	for i := range rows {
		if _, ok := publishers[rows[i].PublisherID]; !ok {
			publishers[rows[i].PublisherID] = [3]string{}
			publisherIDs = append(publisherIDs, rows[i].PublisherID)
		}
		if _, ok := labels[rows[i].Label]; !ok {
			labels[rows[i].Label] = ""
			id, err := strconv.ParseInt(rows[i].Label, 10, 64)
			if err != nil {
				return fmt.Errorf("observation %d: label id %q: %w", rows[i].ID, rows[i].Label, err)
			}
			labelIDs = append(labelIDs, id)
		}
	}
	publisherList, _ := json.Marshal(publisherIDs) // strings and integers always encode
	labelList, _ := json.Marshal(labelIDs)
	err := d.eachRow(ctx, `SELECT id, name_zh, name_en, admin_code FROM publishers WHERE id IN (SELECT value FROM json_each(?))`,
		[]any{string(publisherList)}, func(scan func(...any) error) error {
			var id string
			var names [3]string
			err := scan(&id, &names[0], &names[1], &names[2])
			publishers[id] = names
			return err
		})
	if err != nil {
		return err
	}
	err = d.eachRow(ctx, `SELECT id, text FROM labels WHERE id IN (SELECT value FROM json_each(?))`,
		[]any{string(labelList)}, func(scan func(...any) error) error {
			var id, text string
			err := scan(&id, &text)
			labels[id] = text
			return err
		})
	if err != nil {
		return err
	}
	for i := range rows {
		r := &rows[i]
		names := publishers[r.PublisherID]
		r.PublisherNameZh, r.PublisherNameEn, r.AdminCode = names[0], names[1], names[2]
		r.Label = labels[r.Label]
	}
	return nil
}

// eachRow runs query and calls fn with the scanner of each row.
func (d *DB) eachRow(ctx context.Context, query string, args []any, fn func(scan func(...any) error) error) error {
	rows, err := d.read.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows.Scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachObservation calls fn for each current observation matching f, in
// order, streaming from the database cursor: memory does not grow with the
// number of rows. It returns FindObservations' errors or the first error of fn.
func (d *DB) EachObservation(ctx context.Context, f ObservationFilter, fn func(*ObservationRow) error) error {
	query, args, err := d.observationQuery(ctx, f)
	if err != nil {
		return err
	}
	names, err := d.observationNames(ctx)
	if err != nil {
		return err
	}
	rows, err := d.read.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var r ObservationRow
	for rows.Next() {
		r = ObservationRow{}
		if err := scanObservation(rows, &r, names); err != nil {
			return err
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// scanObservation reads a row of observationColumns into r.
func scanObservation(rows *sql.Rows, r *ObservationRow, names *observationNames) error {
	var packed string
	if err := rows.Scan(&r.Value, &r.Column, &packed); err != nil {
		return err
	}
	var fields [packedFields]string
	f := fields[:]
	if !splitPacked(packed, &fields) {
		// A text holding the separator would shift the fields: refused, never misread.
		return fmt.Errorf("observation %.20s: a text holds the control character U+001F", packed)
	}
	var ints [5]int64
	for i := range ints {
		n, err := strconv.ParseInt(f[i], 10, 64)
		if err != nil {
			return fmt.Errorf("observation %.20s: %w", packed, err)
		}
		ints[i] = n
	}
	r.ID, r.ReportID, r.Year, r.Line, r.Page = ints[0], ints[1], int(ints[2]), int(ints[3]), int(ints[4])
	f = f[5:]
	r.PublisherID, r.PublisherNameZh, r.PublisherNameEn, r.AdminCode = f[0], f[1], f[2], f[3]
	r.Breakdown, r.Unit, r.Label, r.Raw = f[5], f[6], f[7], f[8]
	if f[9] == "[]" {
		r.Flags = []string{}
	} else {
		r.Flags = jsonStrings(f[9])
	}
	names.fill(r, f[4])
	return nil
}

// splitPacked cuts the packed column into f, without allocating (an
// export splits millions); false unless there are exactly packedFields.
func splitPacked(packed string, f *[packedFields]string) bool {
	n := 0
	for rest := packed; ; {
		field, after, more := strings.Cut(rest, fieldSeparator)
		if n == packedFields {
			return false
		}
		f[n], n, rest = field, n+1, after
		if !more {
			return n == packedFields
		}
	}
}

// observationNames are the code and the Chinese and English names of
// each indicator, by id (observations hold the id: migration 011), and the
// symbols and English names of the units, by code.
type observationNames struct {
	indicators map[string]indicatorNames // id (as text) → code and names
	units      map[string][2]string
}

// indicatorNames are an indicator's code and its Chinese and English names.
type indicatorNames struct{ code, zh, en string }

// fill sets r's indicator code and names from the indicator's id (as
// text), and its unit's symbol and name from its unit.
func (n *observationNames) fill(r *ObservationRow, indicatorID string) {
	ind := n.indicators[indicatorID]
	r.Indicator, r.IndicatorNameZh, r.IndicatorNameEn = ind.code, ind.zh, ind.en
	unit := n.units[r.Unit]
	r.UnitSymbol, r.UnitNameEn = unit[0], unit[1]
}

// observationNames reads the codes and names of every indicator and unit:
// a few hundred rows, cheaper than looking them up for every observation.
func (d *DB) observationNames(ctx context.Context) (*observationNames, error) {
	rows, err := d.read.QueryContext(ctx, `SELECT id, code, name_zh, name_en FROM indicators`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	n := &observationNames{indicators: map[string]indicatorNames{}}
	for rows.Next() {
		var id string
		var ind indicatorNames
		if err := rows.Scan(&id, &ind.code, &ind.zh, &ind.en); err != nil {
			return nil, err
		}
		n.indicators[id] = ind
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if n.units, err = d.namePairs(ctx, `SELECT code, symbol, name_en FROM units`); err != nil {
		return nil, err
	}
	return n, nil
}

// namePairs reads a query of (code, name, name) into a map.
func (d *DB) namePairs(ctx context.Context, query string) (map[string][2]string, error) {
	rows, err := d.read.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string][2]string{}
	for rows.Next() {
		var code string
		var pair [2]string
		if err := rows.Scan(&code, &pair[0], &pair[1]); err != nil {
			return nil, err
		}
		m[code] = pair
	}
	return m, rows.Err()
}

// observationQuery returns the SELECT of f with its arguments.
func (d *DB) observationQuery(ctx context.Context, f ObservationFilter) (string, []any, error) {
	sort := f.Sort
	if len(sort) == 0 {
		sort = DefaultObservationSort
	}
	for _, s := range sort {
		if sortColumns[s.Field] == "" {
			return "", nil, &gongkai.Error{Code: gongkai.EINVALID, Param: "sort",
				Message: "cannot sort by " + quote(s.Field) + "; sort by " + strings.Join(ObservationSortFields, ", ")}
		}
	}
	w, err := d.observationWhere(ctx, f)
	if err != nil {
		return "", nil, err
	}
	cols := keyColumns(sort, f.After)
	if f.After != nil {
		cond, args := keysetCondition(cols)
		w.add(cond, args...)
	}
	var order []string
	for _, c := range cols {
		if c.desc {
			order = append(order, c.expr+" DESC")
		} else {
			order = append(order, c.expr)
		}
	}
	orderBy := ` ORDER BY ` + strings.Join(order, ", ")
	columns, from := observationColumns, observationFrom
	if f.namesAfter {
		columns, from = namesAfterColumns, ` FROM observations o`
	}
	if f.Limit == 0 {
		return `SELECT ` + columns + from + w.String() + orderBy, w.args, nil
	}
	limit := ` LIMIT ` + strconv.Itoa(f.Limit)
	if len(f.Sort) == 0 {
		// The default order is the order of the indexes: the page is read
		// in it and stops at its size.
		return `SELECT ` + columns + from + w.String() + orderBy + limit, w.args, nil
	}
	// Another order sorts every match. The ids of the page are sorted from
	// the index entries (every index ends with the value), and only the
	// page's rows are read: reading the rows of every match first took ten
	// times as long where they are scattered (one indicator, all publishers).
	return `SELECT ` + columns + from + ` WHERE o.id IN (SELECT o.id FROM observations o` +
		w.String() + orderBy + limit + `)` + orderBy, w.args, nil
}

// keyColumn is one column of the total order of a query, with the value of
// the cursor's key for it.
type keyColumn struct {
	expr string
	desc bool
	key  any
}

// keyColumns expands a sort into the columns of its total order: value
// becomes "is null" (nulls last) then value, and the id ends every order.
func keyColumns(sort []SortField, after *ObservationKey) []keyColumn {
	if after == nil {
		after = &ObservationKey{}
	}
	var cols []keyColumn
	for _, s := range sort {
		if s.Field == "value" {
			isNull := 0
			if after.Value == nil {
				isNull = 1
			}
			cols = append(cols, keyColumn{expr: "(o.value IS NULL)", key: isNull})
		}
		cols = append(cols, keyColumn{expr: sortColumns[s.Field], desc: s.Desc, key: after.get(s.Field)})
	}
	return append(cols, keyColumn{expr: "o.id", key: after.ID})
}

// keysetCondition returns the condition "after the key" in the order of
// cols: (c1 > k1) OR (c1 IS k1 AND c2 > k2) OR …, with < for descending
// columns. IS compares NULLs as equal, and a comparison with NULL is false,
// which with the "is null" column puts nulls last. A leading c1 >= k1 lets
// the planner seek the index instead of scanning it from the start.
func keysetCondition(cols []keyColumn) (string, []any) {
	var terms []string
	var args []any
	for i, c := range cols {
		var parts []string
		for _, prev := range cols[:i] {
			parts = append(parts, prev.expr+" IS ?")
			args = append(args, prev.key)
		}
		op := " > ?"
		if c.desc {
			op = " < ?"
		}
		parts = append(parts, c.expr+op)
		args = append(args, c.key)
		terms = append(terms, "("+strings.Join(parts, " AND ")+")")
	}
	cond := "(" + strings.Join(terms, " OR ") + ")"
	if first := cols[0]; !strings.HasPrefix(first.expr, "(") {
		op := " >= ?"
		if first.desc {
			op = " <= ?"
		}
		cond = first.expr + op + " AND " + cond
		args = append([]any{first.key}, args...)
	}
	return cond, args
}
