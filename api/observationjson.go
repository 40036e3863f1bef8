package api

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai/db"
)

// A page of 1,000 observations is about 400 KB of JSON. encoding/json
// found each field of each row by reflection and copied each row into an
// Observation first; the page is now appended field by field from the rows
// as read, into a buffer reused from page to page. The bytes are those
// encoding/json writes for an ObservationList (TestObservationJSONAsEncodingJSON).

// pageBuffers are the buffers of JSON pages, given back after the answer is written.
var pageBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// maxPooledPage is the largest buffer kept for the next page: one page of
// 1,000 figures with long labels; a larger one is left to the collector.
const maxPooledPage = 1 << 20

// observationPage answers a page of observations as JSON: the bytes
// json.NewEncoder(w).Encode(ObservationList{…}) writes for the rows and
// pg, its final newline included.
func observationPage(c echo.Context, rows []*db.ObservationRow, pg Page) error {
	meta, err := json.Marshal(pg)
	if err != nil {
		return err
	}
	buf := pageBuffers.Get().(*[]byte)
	defer func() {
		if cap(*buf) <= maxPooledPage {
			pageBuffers.Put(buf)
		}
	}()
	b := append((*buf)[:0], `{"data":[`...)
	for i, r := range rows {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendObservationJSON(b, r); err != nil {
			return err
		}
	}
	b = append(b, "],"...)
	b = append(b, meta[1:]...) // the page's fields, after data's
	b = append(b, '\n')
	*buf = b
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSON, b)
}

// appendObservationJSON appends r as JSON, the fields and the order of
// Observation. A value that is not a number (infinite) is an error, as in
// encoding/json.
func appendObservationJSON(b []byte, r *db.ObservationRow) ([]byte, error) {
	b = appendJSONField(b, `{"indicator":`, r.Indicator)
	b = appendJSONField(b, `,"indicator_name_zh":`, r.IndicatorNameZh)
	b = appendJSONField(b, `,"indicator_name_en":`, r.IndicatorNameEn)
	b = appendJSONField(b, `,"publisher_id":`, r.PublisherID)
	b = appendJSONField(b, `,"publisher_name_zh":`, r.PublisherNameZh)
	b = appendJSONField(b, `,"publisher_name_en":`, r.PublisherNameEn)
	b = appendJSONField(b, `,"admin_code":`, r.AdminCode)
	b = strconv.AppendInt(append(b, `,"year":`...), int64(r.Year), 10)
	b = appendJSONField(b, `,"breakdown":`, r.Breakdown)
	b = append(b, `,"value":`...)
	if r.Value == nil {
		b = append(b, "null"...)
	} else {
		var err error
		if b, err = appendJSONNumber(b, *r.Value); err != nil {
			return b, err
		}
	}
	b = appendJSONField(b, `,"unit":`, r.Unit)
	b = appendJSONField(b, `,"unit_symbol":`, r.UnitSymbol)
	b = appendJSONField(b, `,"label":`, r.Label)
	if r.Column == nil {
		b = append(b, `,"column":null`...)
	} else {
		b = appendJSONField(b, `,"column":`, *r.Column)
	}
	b = appendJSONField(b, `,"raw":`, r.Raw)
	b = strconv.AppendInt(append(b, `,"line":`...), int64(r.Line), 10)
	if r.Page != 0 { // omitempty
		b = strconv.AppendInt(append(b, `,"page":`...), int64(r.Page), 10)
	}
	b = append(b, `,"flags":[`...)
	for i, f := range r.Flags {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendQuoted(b, f, true)
	}
	b = strconv.AppendInt(append(b, `],"report_id":`...), r.ReportID, 10)
	return append(b, '}'), nil
}

// appendJSONField appends name (with its punctuation) and s as a JSON string.
func appendJSONField(b []byte, name, s string) []byte {
	return appendQuoted(append(b, name...), s, true)
}

// appendJSONNumber appends f as encoding/json writes a float64: like %g
// with ES6's exponent cutoffs, and exponents not padded to two digits.
func appendJSONNumber(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, fmt.Errorf("json: unsupported value: %s", strconv.FormatFloat(f, 'g', -1, 64))
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1] // e-09 to e-9
		b = b[:n-1]
	}
	return b, nil
}

// appendQuoted appends s as a JSON string: control characters, quotes and
// backslashes escaped, invalid UTF-8 as U+FFFD, U+2028 and U+2029 (which
// JavaScript does not allow in strings) escaped. asEncodingJSON escapes as
// encoding/json does by default, also <, > and & (HTML safety) and with
// \b and \f; otherwise as slog's JSON handler, which writes those two as
// \u0008 and \u000c.
func appendQuoted(b []byte, s string, asEncodingJSON bool) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!asEncodingJSON || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch {
			case c == '\\' || c == '"':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\b' && asEncodingJSON:
				b = append(b, '\\', 'b')
			case c == '\f' && asEncodingJSON:
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(append(b, s[start:]...), '"')
}
