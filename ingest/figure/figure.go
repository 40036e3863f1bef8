// Package figure reads the figures printed in table cells: numbers with
// thousands separators and decimals, signed changes (+2, -1, --253, 减4),
// units glued on (251000元), and the marks printed for nothing to report
// (—, /, 无).
package figure

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/ingest/label"
	"github.com/gongkai/gongkai/ingest/source"
)

// NotAvailable are the marks reports print for "nothing to report here".
var NotAvailable = map[string]bool{
	"-": true, "--": true, "—": true, "——": true, "–": true, "/": true, "\\": true,
	"无": true, "空": true, "-/-": true, "×": true,
}

// Pattern matches a printed figure after folding: an optional stray ?, a sign
// (+, -, 增, 减, or a doubled minus), digits with optional thousands
// separators and decimals, and an optional unit glued to it.
var Pattern = regexp.MustCompile(`^([?？]?)(\+|-{1,2}|−|增|减)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元|条|件|次|篇|个|期|份|人次|人|项)?$`)

// Value is a parsed figure.
type Value struct {
	Number *float64
	Unit   string // a unit symbol printed inside the cell, e.g. 元 in "251000元"
	Flags  []string
}

// Parse reads a cell classified as kindValue or kindBlank.
func Parse(raw string) Value {
	t := source.Trim(raw)
	if t == "" {
		return Value{Flags: []string{gongkai.FlagBlank}}
	}
	var out Value
	if strings.ContainsRune(raw, '\u3000') {
		out.Flags = append(out.Flags, gongkai.FlagOddFormat)
	}
	f := strings.ReplaceAll(label.Fold(t), " ", "")
	if NotAvailable[f] {
		out.Flags = append(out.Flags, gongkai.FlagNotAvailable)
		return out
	}
	m := Pattern.FindStringSubmatch(f)
	if m == nil {
		out.Flags = append(out.Flags, gongkai.FlagNotAvailable)
		return out
	}
	stray, sign, digits, frac, unit := m[1], m[2], m[3], m[4], m[5]
	n, err := strconv.ParseFloat(strings.ReplaceAll(digits, ",", "")+frac, 64)
	if err != nil {
		out.Flags = append(out.Flags, gongkai.FlagNotAvailable)
		return out
	}
	switch sign {
	case "-", "--", "−", "减":
		n = -n
	}
	if stray != "" || sign == "--" || (len(digits) > 1 && digits[0] == '0') {
		out.Flags = AppendFlag(out.Flags, gongkai.FlagOddFormat)
	}
	out.Number = &n
	out.Unit = unit
	return out
}

// AppendFlag adds flag f to flags unless it is there already.
func AppendFlag(flags []string, f string) []string {
	for _, x := range flags {
		if x == f {
			return flags
		}
	}
	return append(flags, f)
}

// Signed reports whether a printed figure carries a sign (+, -, 增, 减).
func Signed(raw string) bool {
	t := strings.TrimLeft(label.Fold(source.Trim(raw)), "?？")
	return strings.HasPrefix(t, "+") || strings.HasPrefix(t, "-") || strings.HasPrefix(t, "减") || strings.HasPrefix(t, "增") || strings.HasPrefix(t, "−")
}

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
