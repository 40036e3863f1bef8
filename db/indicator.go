package db

import (
	"context"
	"strings"

	"github.com/gongkai/gongkai"
)

// IndicatorFilter selects indicators. Empty fields select everything.
type IndicatorFilter struct {
	Q        string // substring of the Chinese or English name, or of the code
	Unit     string // unit code
	Template string // template code the indicator appears under
	Parent   string // code of the parent: its direct children
}

// IndicatorDetail is an indicator with what a reader of one indicator wants
// next to it: its unit spelled out, its children and the years with data.
type IndicatorDetail struct {
	gongkai.Indicator
	UnitInfo *gongkai.Unit
	Children []gongkai.Indicator
	Years    []int
}

const indicatorColumns = `code, coalesce(parent, ''), relation, coalesce(unit, ''), name_zh, name_en,
	definition, mapping, breakdowns, templates, source_labels`

// FindIndicators returns the indicators matching f in catalogue order.
// The catalogue has a few hundred rows at most, so q is matched by a scan.
func (d *DB) FindIndicators(ctx context.Context, f IndicatorFilter) ([]gongkai.Indicator, error) {
	var w where
	if f.Q != "" {
		q := "%" + escapeLike(f.Q) + "%"
		w.add(`(name_zh LIKE ? ESCAPE '\' OR name_en LIKE ? ESCAPE '\' OR code LIKE ? ESCAPE '\')`, q, q, q)
	}
	if f.Unit != "" {
		w.add(`unit = ?`, f.Unit)
	}
	if f.Template != "" {
		w.add(`EXISTS (SELECT 1 FROM json_each(indicators.templates) WHERE value = ?)`, f.Template)
	}
	if f.Parent != "" {
		w.add(`parent = ?`, f.Parent)
	}
	return d.queryIndicators(ctx, `SELECT `+indicatorColumns+` FROM indicators`+w.String()+` ORDER BY position`, w.args...)
}

// FindIndicator returns the indicator with the given code and its details,
// or an ENOTFOUND error.
func (d *DB) FindIndicator(ctx context.Context, code string) (*IndicatorDetail, error) {
	inds, err := d.queryIndicators(ctx, `SELECT `+indicatorColumns+` FROM indicators WHERE code = ?`, code)
	if err != nil {
		return nil, err
	}
	if len(inds) == 0 {
		return nil, &gongkai.Error{Code: gongkai.ENOTFOUND, Message: "no indicator with code " + quote(code)}
	}
	det := &IndicatorDetail{Indicator: inds[0], Years: []int{}}
	if det.Unit != "" {
		if det.UnitInfo, err = d.FindUnit(ctx, det.Unit); err != nil && gongkai.ErrorCode(err) != gongkai.ENOTFOUND {
			return nil, err
		}
	}
	if det.Children, err = d.FindIndicators(ctx, IndicatorFilter{Parent: code}); err != nil {
		return nil, err
	}
	// The years of the templates that have the indicator (from the
	// summaries), each confirmed by one of its observations: a search of
	// observations_indicator that stops at the first.
	rows, err := d.read.QueryContext(ctx, `
		SELECT DISTINCT s.year FROM summary_years s, indicators i, json_each(i.templates) t
		WHERE i.code = ?1 AND s.template = t.value AND s.reports > 0
		AND EXISTS (SELECT 1 FROM observations o WHERE o.current = 1 AND o.indicator_id = i.id AND o.year = s.year)
		ORDER BY s.year`, code)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		det.Years = append(det.Years, y)
	}
	return det, rows.Err()
}

func (d *DB) queryIndicators(ctx context.Context, query string, args ...any) ([]gongkai.Indicator, error) {
	rows, err := d.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	inds := []gongkai.Indicator{}
	for rows.Next() {
		var ind gongkai.Indicator
		var breakdowns, templates, labels string
		if err := rows.Scan(&ind.Code, &ind.Parent, &ind.Relation, &ind.Unit, &ind.NameZh, &ind.NameEn,
			&ind.Definition, &ind.Mapping, &breakdowns, &templates, &labels); err != nil {
			return nil, err
		}
		ind.Breakdowns, ind.Templates, ind.SourceLabels = jsonStrings(breakdowns), jsonStrings(templates), jsonStrings(labels)
		inds = append(inds, ind)
	}
	return inds, rows.Err()
}

// escapeLike escapes the wildcards of LIKE with a backslash.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
