package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/gongkai/gongkai"
)

// cellKind is what a table cell holds, judged from its text alone.
type cellKind int

const (
	kindBlank cellKind = iota
	kindValue          // a number, a signed change, or a not-available mark
	kindUnit           // a unit of measure: 条, 件, 万元 …
	kindLabel          // anything else: a row label or a header
)

// notAvailable are the marks reports print for "nothing to report here".
var notAvailable = map[string]bool{
	"-": true, "--": true, "—": true, "——": true, "–": true, "/": true, "\\": true,
	"无": true, "空": true, "-/-": true, "×": true,
}

// number matches a printed figure after folding: an optional stray ?, a sign
// (+, -, 增, 减, or a doubled minus), digits with optional thousands
// separators and decimals, and an optional unit glued to it.
var number = regexp.MustCompile(`^([?？]?)(\+|-{1,2}|−|增|减)?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元|条|件|次|篇|个|期|份|人次|人|项)?$`)

// trimCell removes the space around a cell's text, full-width included.
func trimCell(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\ufeff' })
}

func classify(text string, isUnit func(string) bool) cellKind {
	t := strings.ReplaceAll(fold(trimCell(text)), " ", "")
	switch {
	case t == "":
		return kindBlank
	case notAvailable[t] || number.MatchString(t):
		return kindValue
	case isUnit(t):
		return kindUnit
	}
	return kindLabel
}

// value is a parsed figure.
type value struct {
	v     *float64
	unit  string // a unit symbol printed inside the cell, e.g. 元 in "251000元"
	flags []string
}

// parseValue reads a cell classified as kindValue or kindBlank.
func parseValue(raw string) value {
	t := trimCell(raw)
	if t == "" {
		return value{flags: []string{gongkai.FlagBlank}}
	}
	var out value
	if strings.ContainsRune(raw, '\u3000') {
		out.flags = append(out.flags, gongkai.FlagOddFormat)
	}
	f := strings.ReplaceAll(fold(t), " ", "")
	if notAvailable[f] {
		out.flags = append(out.flags, gongkai.FlagNotAvailable)
		return out
	}
	m := number.FindStringSubmatch(f)
	if m == nil {
		out.flags = append(out.flags, gongkai.FlagNotAvailable)
		return out
	}
	stray, sign, digits, frac, unit := m[1], m[2], m[3], m[4], m[5]
	n, err := strconv.ParseFloat(strings.ReplaceAll(digits, ",", "")+frac, 64)
	if err != nil {
		out.flags = append(out.flags, gongkai.FlagNotAvailable)
		return out
	}
	switch sign {
	case "-", "--", "−", "减":
		n = -n
	}
	if stray != "" || sign == "--" || (len(digits) > 1 && digits[0] == '0') {
		out.flags = appendFlag(out.flags, gongkai.FlagOddFormat)
	}
	out.v = &n
	out.unit = unit
	return out
}

func appendFlag(flags []string, f string) []string {
	for _, x := range flags {
		if x == f {
			return flags
		}
	}
	return append(flags, f)
}
