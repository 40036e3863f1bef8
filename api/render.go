package api

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai/db"
)

// representation is how a collection is rendered: JSON, or CSV with its options.
type representation struct {
	csv  bool
	bom  bool   // CSV starts with a byte order mark, for Excel
	lang string // zh or en: the language of CSV label columns
}

// representation reads format, bom and lang, and the Accept header when
// format is absent. bom and lang only matter to CSV.
func (p *params) representation() representation {
	r := representation{
		bom:  p.boolean("bom"),
		lang: p.oneOf("lang", "zh", "zh", "en"),
	}
	switch p.oneOf("format", "", "json", "csv") {
	case "csv":
		r.csv = true
	case "":
		r.csv = acceptsCSV(p.c.Request())
	}
	return r
}

// acceptsCSV reports whether the Accept header asks for CSV rather than JSON.
func acceptsCSV(r *http.Request) bool {
	for part := range strings.SplitSeq(r.Header.Get(echo.HeaderAccept), ",") {
		mt, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		switch strings.ToLower(strings.TrimSpace(mt)) {
		case "text/csv":
			return true
		case "application/json", "application/*", "*/*":
			return false
		}
	}
	return false
}

// label picks the Chinese or English of a pair for a CSV label column; an
// English label that is missing falls back to the Chinese one.
func (r representation) label(zh, en string) string {
	if r.lang == "en" && en != "" {
		return en
	}
	return zh
}

// csvWriter writes a CSV answer row by row (RFC 4180: CRLF line ends,
// quotes where needed), flushing to the client as it goes so that memory
// does not grow with the number of rows. Nothing is sent before the first
// row (or close), so that an error of the query before it, such as an
// unknown code, is still answered with a problem document.
type csvWriter struct {
	c      echo.Context
	rep    representation
	name   string
	header []string
	w      *csv.Writer
	rows   int
}

// csvContentType is the Content-Type of CSV answers.
const csvContentType = "text/csv; charset=utf-8; header=present"

// flushEvery is the number of rows buffered before the answer is flushed.
const flushEvery = 500

// newCSV prepares a CSV answer with its header row. name is the file name
// offered to the browser, without ".csv".
func newCSV(c echo.Context, rep representation, name string, header ...string) *csvWriter {
	return &csvWriter{c: c, rep: rep, name: name, header: header}
}

// start sends the headers, the optional BOM and the header row.
func (w *csvWriter) start() error {
	res := w.c.Response()
	res.Header().Set(echo.HeaderContentType, csvContentType)
	res.Header().Set(echo.HeaderContentDisposition, `attachment; filename="`+w.name+`.csv"`)
	res.WriteHeader(http.StatusOK)
	if w.rep.bom {
		if _, err := res.Write([]byte("\uFEFF")); err != nil {
			return err
		}
	}
	w.w = csv.NewWriter(res)
	w.w.UseCRLF = true
	return w.w.Write(w.header)
}

// row writes one record.
func (w *csvWriter) row(fields ...string) error {
	if w.w == nil {
		if err := w.start(); err != nil {
			return err
		}
	}
	if err := w.w.Write(fields); err != nil {
		return err
	}
	if w.rows++; w.rows%flushEvery == 0 {
		w.w.Flush()
		w.c.Response().Flush()
		return w.w.Error()
	}
	return nil
}

// block writes rows already encoded as CSV (a block of
// db.AppendObservations) and flushes them to the client.
func (w *csvWriter) block(b []byte) error {
	if w.w == nil {
		if err := w.start(); err != nil {
			return err
		}
	}
	w.w.Flush() // the header row, before the block
	if err := w.w.Error(); err != nil {
		return err
	}
	if _, err := w.c.Response().Write(b); err != nil {
		return err
	}
	w.c.Response().Flush()
	return nil
}

// close flushes the last rows; with no rows, it sends the header row alone.
func (w *csvWriter) close() error {
	if w.w == nil {
		if err := w.start(); err != nil {
			return err
		}
	}
	w.w.Flush()
	return w.w.Error()
}

// fileName builds a descriptive CSV file name from the resource and the
// values of the filters given: gongkai-observations_indicator-requests.received_year-2017.
func fileName(c echo.Context, resource string, filters ...string) string {
	return fileNameOf(c.QueryParams(), resource, filters...)
}

// fileNameOf is fileName of the query parameters q.
func fileNameOf(q url.Values, resource string, filters ...string) string {
	parts := []string{"gongkai-" + resource}
	for _, f := range filters {
		if v := q.Get(f); v != "" {
			parts = append(parts, f+"-"+v)
		}
	}
	name := unsafeFileChars.ReplaceAllString(strings.Join(parts, "_"), "-")
	if len(name) > 150 {
		name = name[:150]
	}
	return name
}

var unsafeFileChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// Formatting of CSV cells.
func itoa(n int) string      { return strconv.Itoa(n) }
func i64toa(n int64) string  { return strconv.FormatInt(n, 10) }
func list(s []string) string { return strings.Join(s, "|") }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func number(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// cursor is the state a paged collection hands to the client to get the
// next page: where the page ended, and the total it counted, so that the
// next pages need not count again while the data is the same version.
type cursor struct {
	Query   string          `json:"q"` // digest of the query it continues
	Version string          `json:"v"` // dataset version when Total was counted
	Total   int             `json:"t"`
	Capped  bool            `json:"c,omitempty"` // Total is a lower bound (db.CountCap)
	After   json.RawMessage `json:"a"`           // the key of the last row
}

// pageParams are not part of a query's identity: the next page may differ in them.
var pageParams = map[string]bool{"cursor": true, "limit": true, "format": true, "bom": true, "lang": true}

// queryDigest identifies a collection query by its filters and order.
func queryDigest(c echo.Context) string {
	q := c.QueryParams()
	var keys []string
	for k := range q {
		if !pageParams[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	h := sha256.New()
	h.Write([]byte(c.Path()))
	for _, k := range keys {
		h.Write([]byte("\x00" + k + "=" + strings.Join(q[k], ",")))
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// cursor decodes the cursor parameter into after (the key of the last row
// of the previous page). It returns nil without a cursor.
func (p *params) cursor(after any) *cursor {
	v := p.get("cursor")
	if v == "" {
		return nil
	}
	b, err := base64.RawURLEncoding.DecodeString(v)
	var cur cursor
	if err == nil {
		err = json.Unmarshal(b, &cur)
	}
	if err == nil {
		err = json.Unmarshal(cur.After, after)
	}
	if err != nil {
		p.fail(invalidParam("cursor", "not a cursor of this API; use the next_cursor of a previous page unchanged"))
		return nil
	}
	if cur.Query != queryDigest(p.c) {
		p.fail(invalidParam("cursor", "the cursor continues another query; keep every parameter but limit and cursor as on the first page"))
		return nil
	}
	return &cur
}

// Page is the pagination of a collection.
type Page struct {
	// Total is the number of items matching the query, on every page.
	Total int `json:"total" example:"76"`
	// TotalCapped is true when counting stopped at 100,000 (on very broad
	// filters of observations): there are at least Total items. Absent when Total is exact.
	TotalCapped bool `json:"total_capped,omitempty" example:"false"`
	// Limit is the page size.
	Limit int `json:"limit" example:"100"`
	// NextCursor continues the query on the next page; absent on the last page.
	NextCursor string `json:"next_cursor,omitempty" example:"eyJxIjoiYjQ..."`
	// Next is the URL of the next page (also sent as a Link header); absent on the last page.
	Next string `json:"next,omitempty" example:"https://api.example.org/v1/observations?cursor=eyJxIjoiYjQ...&year=2017"`
}

// page builds the pagination of a page that ended at the key last (nil on
// the last page), sets the Link header, and returns it.
func (s *Server) page(c echo.Context, total db.Total, limit int, version string, last any) (Page, error) {
	pg := Page{Total: total.N, TotalCapped: total.Capped, Limit: limit}
	if last == nil {
		return pg, nil
	}
	after, err := json.Marshal(last)
	if err != nil {
		return pg, err
	}
	b, err := json.Marshal(cursor{Query: queryDigest(c), Version: version, Total: total.N, Capped: total.Capped, After: after})
	if err != nil {
		return pg, err
	}
	pg.NextCursor = base64.RawURLEncoding.EncodeToString(b)
	q := c.QueryParams()
	next := url.Values{}
	for k, v := range q {
		next[k] = v
	}
	next.Set("cursor", pg.NextCursor)
	pg.Next = s.baseURL(c) + c.Request().URL.Path + "?" + next.Encode()
	c.Response().Header().Add("Link", "<"+pg.Next+`>; rel="next"`)
	return pg, nil
}

// baseURL is Options.BaseURL, or the scheme and host the request came to.
func (s *Server) baseURL(c echo.Context) string {
	if s.opts.BaseURL != "" {
		return strings.TrimSuffix(s.opts.BaseURL, "/")
	}
	return c.Scheme() + "://" + c.Request().Host
}

// total returns the count carried by a cursor of the current version, or
// calls count.
func total(cur *cursor, version string, count func() (db.Total, error)) (db.Total, error) {
	if cur != nil && cur.Version == version && version != "" {
		return db.Total{N: cur.Total, Capped: cur.Capped}, nil
	}
	return count()
}

// exact is a count that never stops at a cap.
func exact(n int, err error) (db.Total, error) { return db.Total{N: n}, err }

// paged answers one JSON page of a collection: the total (carried by the
// cursor while the data is unchanged), limit+1 rows fetched to learn whether
// a next page exists, each rendered, and the page metadata with the key of
// the last row shown.
func paged[R, T any](s *Server, c echo.Context, cur *cursor, limit int, count func() (db.Total, error),
	fetch func(n int) ([]R, error), render func(*R) T, key func(*R) any) ([]T, Page, error) {
	version, err := s.dataVersion(c.Request().Context())
	if err != nil {
		return nil, Page{}, err
	}
	n, err := total(cur, version, count)
	if err != nil {
		return nil, Page{}, err
	}
	rows, err := fetch(limit + 1)
	if err != nil {
		return nil, Page{}, err
	}
	var last any
	if len(rows) > limit {
		rows = rows[:limit]
		last = key(&rows[limit-1])
	}
	data := make([]T, len(rows))
	for i := range rows {
		data[i] = render(&rows[i])
	}
	pg, err := s.page(c, n, limit, version, last)
	return data, pg, err
}

// collect gathers the rows a db Each method calls back with.
func collect[R any](each func(func(*R) error) error) ([]R, error) {
	var rows []R
	err := each(func(r *R) error {
		rows = append(rows, *r)
		return nil
	})
	return rows, err
}
