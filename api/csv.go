package api

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/gongkai/gongkai/db"
)

// A CSV of observations can be millions of rows: its rows are appended as
// bytes (no []string per row, no encoding/csv), in blocks the database makes
// in parallel (db.AppendObservations). The bytes are those encoding/csv
// writes with UseCRLF, which the rest of the API's CSV uses, so that every
// CSV answer quotes alike.

// appendObservationCSV appends r as a CSV record of observationCSVHeader's
// columns.
func appendObservationCSV(dst []byte, rep representation, r *db.ObservationRow) []byte {
	dst = appendCSVField(dst, r.Indicator)
	dst = appendCSVField(append(dst, ','), rep.label(r.IndicatorNameZh, r.IndicatorNameEn))
	dst = appendCSVField(append(dst, ','), r.PublisherID)
	dst = appendCSVField(append(dst, ','), rep.label(r.PublisherNameZh, r.PublisherNameEn))
	dst = appendCSVField(append(dst, ','), r.AdminCode)
	dst = strconv.AppendInt(append(dst, ','), int64(r.Year), 10)
	dst = appendCSVField(append(dst, ','), r.Breakdown)
	dst = append(dst, ',')
	if r.Value != nil {
		dst = strconv.AppendFloat(dst, *r.Value, 'f', -1, 64)
	}
	dst = appendCSVField(append(dst, ','), r.Unit)
	dst = appendCSVField(append(dst, ','), rep.label(r.UnitSymbol, r.UnitNameEn))
	dst = appendCSVField(append(dst, ','), r.Label)
	dst = appendCSVField(append(dst, ','), deref(r.Column))
	dst = appendCSVField(append(dst, ','), r.Raw)
	dst = strconv.AppendInt(append(dst, ','), int64(r.Line), 10)
	dst = append(dst, ',')
	if r.Page != 0 {
		dst = strconv.AppendInt(dst, int64(r.Page), 10)
	}
	dst = append(dst, ',')
	if len(r.Flags) == 1 { // the common case, spared the join
		dst = appendCSVField(dst, r.Flags[0])
	} else {
		dst = appendCSVField(dst, list(r.Flags))
	}
	dst = strconv.AppendInt(append(dst, ','), r.ReportID, 10)
	return append(dst, '\r', '\n')
}

// appendCSVField appends a field as encoding/csv's Writer with UseCRLF
// writes it: quoted when it holds a comma, a quote or a line end, starts
// with a space, or is \. (a PostgreSQL end of data); quotes doubled and line
// ends written CRLF within quotes.
func appendCSVField(dst []byte, field string) []byte {
	if !csvNeedsQuotes(field) {
		return append(dst, field...)
	}
	dst = append(dst, '"')
	for i := 0; i < len(field); i++ {
		switch c := field[i]; c {
		case '"':
			dst = append(dst, '"', '"')
		case '\r': // dropped: a line end is written CRLF from its \n
		case '\n':
			dst = append(dst, '\r', '\n')
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}

// csvNeedsQuotes is encoding/csv's rule for a comma-separated field.
func csvNeedsQuotes(field string) bool {
	if field == "" {
		return false
	}
	if field == `\.` {
		return true
	}
	for i := 0; i < len(field); i++ {
		switch field[i] {
		case '\n', '\r', '"', ',':
			return true
		}
	}
	if c := field[0]; c < utf8.RuneSelf { // most fields: unicode.IsSpace of ASCII
		return c == ' ' || '\t' <= c && c <= '\r'
	}
	r, _ := utf8.DecodeRuneInString(field)
	return unicode.IsSpace(r)
}
