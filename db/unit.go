package db

import (
	"context"
	"database/sql"
	"errors"

	"github.com/gongkai/gongkai"
)

const unitColumns = `code, symbol, name_zh, name_en, coalesce(base_unit, ''), coalesce(factor, 0)`

// FindUnits returns every unit of measure, ordered by code.
func (d *DB) FindUnits(ctx context.Context) ([]gongkai.Unit, error) {
	rows, err := d.read.QueryContext(ctx, `SELECT `+unitColumns+` FROM units ORDER BY code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	units := []gongkai.Unit{}
	for rows.Next() {
		var u gongkai.Unit
		if err := rows.Scan(&u.Code, &u.Symbol, &u.NameZh, &u.NameEn, &u.BaseUnit, &u.Factor); err != nil {
			return nil, err
		}
		units = append(units, u)
	}
	return units, rows.Err()
}

// FindUnit returns the unit with the given code, or an ENOTFOUND error.
func (d *DB) FindUnit(ctx context.Context, code string) (*gongkai.Unit, error) {
	var u gongkai.Unit
	err := d.read.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM units WHERE code = ?`, code).
		Scan(&u.Code, &u.Symbol, &u.NameZh, &u.NameEn, &u.BaseUnit, &u.Factor)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, &gongkai.Error{Code: gongkai.ENOTFOUND, Message: "no unit with code " + quote(code)}
	}
	if err != nil {
		return nil, err
	}
	return &u, nil
}
