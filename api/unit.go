package api

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai"
)

// Unit is a unit of measure of indicators.
type Unit struct {
	Code   string `json:"code" example:"case"`
	Symbol string `json:"symbol" example:"件"`
	NameZh string `json:"name_zh" example:"件"`
	NameEn string `json:"name_en" example:"case"`
	// BaseUnit is the unit Factor converts to ("yuan" for 万元), "" when none.
	BaseUnit string `json:"base_unit" example:""`
	// Factor converts a value to BaseUnit (value × factor); null when there is no base unit.
	Factor *float64 `json:"factor" extensions:"x-nullable"`
}

// UnitList is the list of units.
type UnitList struct {
	Data []Unit `json:"data"`
}

func unitOf(u gongkai.Unit) Unit {
	out := Unit{Code: u.Code, Symbol: u.Symbol, NameZh: u.NameZh, NameEn: u.NameEn, BaseUnit: u.BaseUnit}
	if u.Factor != 0 {
		f := u.Factor
		out.Factor = &f
	}
	return out
}

// listUnits godoc
//
// @Summary      Units of measure
// @Description  The units of the indicators (条, 件, 次, 万元 …), with the factor to a base unit where there is one.
// @ID           listUnits
// @Tags         dataset
// @Produce      json
// @Produce      text/csv
// @Param        format  query     string  false  "Representation; CSV also with Accept: text/csv"  Enums(json, csv)
// @Param        bom     query     bool    false  "Start CSV with a byte order mark, for Excel"
// @Param        lang    query     string  false  "Language of the CSV name column"  Enums(zh, en)
// @Success      200     {object}  api.UnitList
// @Failure      400     {object}  api.Problem
// @Failure      429     {object}  api.Problem
// @Failure      500     {object}  api.Problem
// @Router       /v1/units [get]
func (s *Server) listUnits(c echo.Context) error {
	p := newParams(c, formatParams...)
	rep := p.representation()
	if p.err != nil {
		return p.err
	}
	units, err := s.db.FindUnits(c.Request().Context())
	if err != nil {
		return err
	}
	if rep.csv {
		w := newCSV(c, rep, "gongkai-units", "code", "symbol", "name", "base_unit", "factor")
		for _, u := range units {
			factor := ""
			if u.Factor != 0 {
				factor = strconv.FormatFloat(u.Factor, 'f', -1, 64)
			}
			if err := w.row(u.Code, u.Symbol, rep.label(u.NameZh, u.NameEn), u.BaseUnit, factor); err != nil {
				return err
			}
		}
		return w.close()
	}
	out := UnitList{Data: make([]Unit, len(units))}
	for i, u := range units {
		out.Data[i] = unitOf(u)
	}
	return c.JSON(http.StatusOK, out)
}

// getUnit godoc
//
// @Summary      One unit of measure
// @Description  The unit with its symbol, Chinese and English names, and the factor to its base unit where it has one.
// @ID           getUnit
// @Tags         dataset
// @Produce      json
// @Param        code  path      string  true  "Unit code"  example(case)
// @Success      200   {object}  api.Unit
// @Failure      400   {object}  api.Problem
// @Failure      404   {object}  api.Problem  "No unit with this code"
// @Failure      429   {object}  api.Problem
// @Failure      500   {object}  api.Problem
// @Router       /v1/units/{code} [get]
func (s *Server) getUnit(c echo.Context) error {
	if p := newParams(c); p.err != nil {
		return p.err
	}
	u, err := s.db.FindUnit(c.Request().Context(), c.Param("code"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, unitOf(*u))
}
