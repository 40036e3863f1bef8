package figure

import (
	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
)

// Convert brings v, printed in unit sym, to unit want when both share a base
// unit (元 → 万元); otherwise it keeps v and flags the mismatch.
func Convert(cat *catalog.Catalog, v *float64, sym string, want *gongkai.Unit, flags []string) (*float64, []string) {
	got, ok := cat.UnitBySymbol(sym)
	if !ok || v == nil || got.BaseUnit == "" || got.BaseUnit != want.BaseUnit || want.Factor == 0 {
		return v, append(flags, gongkai.FlagUnitMismatch)
	}
	x := *v * got.Factor / want.Factor
	return &x, append(flags, gongkai.FlagConverted)
}
