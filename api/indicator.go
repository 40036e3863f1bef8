package api

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/db"
)

// Indicator is a row (or row × column) of the report templates, with a
// stable code shared by the templates where it means the same thing.
type Indicator struct {
	Code string `json:"code" example:"requests.received"`
	// Parent is the code of the indicator above, "" at the top.
	Parent string `json:"parent" example:"requests"`
	// Relation to the parent: sum (siblings add up to it), subset (其中: at most it) or none.
	Relation string `json:"relation" example:"none" enums:"sum,subset,none"`
	// Unit is the unit code; "" for a heading that carries no figure.
	Unit       string `json:"unit" example:"case"`
	NameZh     string `json:"name_zh" example:"收到申请数"`
	NameEn     string `json:"name_en" example:"Applications received"`
	Definition string `json:"definition" example:""`
	// Mapping says how the templates map onto the code (equivalent, approximate …).
	Mapping      string   `json:"mapping" example:""`
	Breakdowns   []string `json:"breakdowns"`
	Templates    []string `json:"templates" example:"legacy2014"`
	SourceLabels []string `json:"source_labels" example:"收到申请数"`
}

// IndicatorNode is an indicator of a list; in the tree shape, with the
// indicators below it.
type IndicatorNode struct {
	Indicator
	// Children are the indicators below, in the tree shape only.
	Children []IndicatorNode `json:"children,omitempty"`
}

// IndicatorList is the catalogue of indicators, flat or as a tree.
type IndicatorList struct {
	Data []IndicatorNode `json:"data"`
}

// IndicatorRef names an indicator.
type IndicatorRef struct {
	Code   string `json:"code" example:"requests.received.online"`
	NameZh string `json:"name_zh" example:"网络申请数"`
	NameEn string `json:"name_en" example:"Applications received online"`
}

// IndicatorDetail is one indicator with its unit, children and the years
// with data.
type IndicatorDetail struct {
	Indicator
	// UnitInfo spells out the unit; null for a heading.
	UnitInfo *Unit          `json:"unit_info" extensions:"x-nullable"`
	Children []IndicatorRef `json:"children"`
	// Years are the reporting years with observations of the indicator.
	Years []int `json:"years" example:"2017"`
}

func indicatorOf(ind gongkai.Indicator) Indicator {
	return Indicator{Code: ind.Code, Parent: ind.Parent, Relation: ind.Relation, Unit: ind.Unit,
		NameZh: ind.NameZh, NameEn: ind.NameEn, Definition: ind.Definition, Mapping: ind.Mapping,
		Breakdowns: nonNil(ind.Breakdowns), Templates: nonNil(ind.Templates), SourceLabels: nonNil(ind.SourceLabels)}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// listIndicators godoc
//
// @Summary      The catalogue of indicators
// @Description  Indicators in catalogue order, flat or as a tree (shape=tree: each indicator under its parent; an indicator whose parent is filtered out becomes a root). q matches a substring of the Chinese or English name or of the code.
// @ID           listIndicators
// @Tags         indicators
// @Produce      json
// @Produce      text/csv
// @Param        q         query     string  false  "Substring of the name (Chinese or English) or code"  example(申请)
// @Param        unit      query     string  false  "Unit code"  example(case)
// @Param        template  query     string  false  "Template the indicator appears under"  Enums(legacy2014, form2019, form2021)
// @Param        parent    query     string  false  "Code of the parent: its direct children"  example(requests)
// @Param        shape     query     string  false  "flat (default) or tree (JSON only)"  Enums(flat, tree)
// @Param        format    query     string  false  "Representation; CSV also with Accept: text/csv"  Enums(json, csv)
// @Param        bom       query     bool    false  "Start CSV with a byte order mark, for Excel"
// @Param        lang      query     string  false  "Language of the CSV name column"  Enums(zh, en)
// @Success      200       {object}  api.IndicatorList
// @Failure      400       {object}  api.Problem
// @Failure      429       {object}  api.Problem
// @Failure      500       {object}  api.Problem
// @Router       /v1/indicators [get]
func (s *Server) listIndicators(c echo.Context) error {
	p := newParams(c, append([]string{"q", "unit", "template", "parent", "shape"}, formatParams...)...)
	f := db.IndicatorFilter{
		Q:        p.text("q"),
		Unit:     p.code("unit", " unit"),
		Template: p.oneOf("template", "", templates...),
		Parent:   p.code("parent", "n indicator"),
	}
	tree := p.oneOf("shape", "flat", "flat", "tree") == "tree"
	rep := p.representation()
	if tree && rep.csv {
		p.fail(invalidParam("shape", "the tree shape is JSON only; CSV is flat, with a parent column"))
	}
	if p.err != nil {
		return p.err
	}
	inds, err := s.db.FindIndicators(c.Request().Context(), f)
	if err != nil {
		return err
	}
	if rep.csv {
		w := newCSV(c, rep, fileName(c, "indicators", "q", "unit", "template", "parent"),
			"code", "parent", "relation", "unit", "name", "definition", "mapping", "breakdowns", "templates", "source_labels")
		for _, ind := range inds {
			if err := w.row(ind.Code, ind.Parent, ind.Relation, ind.Unit, rep.label(ind.NameZh, ind.NameEn),
				ind.Definition, ind.Mapping, list(ind.Breakdowns), list(ind.Templates), list(ind.SourceLabels)); err != nil {
				return err
			}
		}
		return w.close()
	}
	out := IndicatorList{Data: make([]IndicatorNode, len(inds))}
	for i, ind := range inds {
		out.Data[i] = IndicatorNode{Indicator: indicatorOf(ind)}
	}
	if tree {
		out.Data = indicatorTree(out.Data)
	}
	return c.JSON(http.StatusOK, out)
}

// indicatorTree nests each indicator under its parent, keeping catalogue
// order; indicators whose parent is not in the list are roots.
func indicatorTree(flat []IndicatorNode) []IndicatorNode {
	index := map[string]int{}
	for i, ind := range flat {
		index[ind.Code] = i
	}
	children := map[string][]string{}
	var roots []string
	for _, ind := range flat {
		if _, ok := index[ind.Parent]; ok && ind.Parent != "" {
			children[ind.Parent] = append(children[ind.Parent], ind.Code)
		} else {
			roots = append(roots, ind.Code)
		}
	}
	var build func(code string) IndicatorNode
	build = func(code string) IndicatorNode {
		ind := flat[index[code]]
		for _, ch := range children[code] {
			ind.Children = append(ind.Children, build(ch))
		}
		return ind
	}
	out := make([]IndicatorNode, 0, len(roots))
	for _, r := range roots {
		out = append(out, build(r))
	}
	return out
}

// getIndicator godoc
//
// @Summary      One indicator
// @Description  The indicator with its unit, definition, the templates and source labels it appears under, its children and the years with data.
// @ID           getIndicator
// @Tags         indicators
// @Produce      json
// @Param        code  path      string  true  "Indicator code"  example(requests.received)
// @Success      200   {object}  api.IndicatorDetail
// @Failure      400   {object}  api.Problem
// @Failure      404   {object}  api.Problem  "No indicator with this code"
// @Failure      429   {object}  api.Problem
// @Failure      500   {object}  api.Problem
// @Router       /v1/indicators/{code} [get]
func (s *Server) getIndicator(c echo.Context) error {
	if p := newParams(c); p.err != nil {
		return p.err
	}
	det, err := s.db.FindIndicator(c.Request().Context(), c.Param("code"))
	if err != nil {
		return err
	}
	out := IndicatorDetail{Indicator: indicatorOf(det.Indicator), Children: []IndicatorRef{}, Years: det.Years}
	if det.UnitInfo != nil {
		u := unitOf(*det.UnitInfo)
		out.UnitInfo = &u
	}
	for _, ch := range det.Children {
		out.Children = append(out.Children, IndicatorRef{Code: ch.Code, NameZh: ch.NameZh, NameEn: ch.NameEn})
	}
	return c.JSON(http.StatusOK, out)
}
