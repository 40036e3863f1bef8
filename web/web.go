// Package web serves the pages of gongkai for people: the dataset, a
// publisher, a report laid out as printed with each figure's source line,
// the source text itself, an indicator over the years, the checks that
// fail and search. Pages are rendered on the server with html/template
// from the same db queries as the API, work without JavaScript, are
// Chinese first and English with ?lang=en, and link to the API call that
// gives their data. Templates and assets are embedded in the binary.
package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/chart"
	"github.com/gongkai/gongkai/db"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Pages renders the pages over one database.
type Pages struct {
	db    *db.DB
	log   *slog.Logger
	pages map[string]*template.Template // by page name: layout + the page

	mu      sync.Mutex
	version string         // dataset version of memo
	memo    map[string]any // answers that count whole tables, per version
}

// New returns the pages over d; errors of requests are logged to log.
func New(d *db.DB, log *slog.Logger) *Pages {
	if log == nil {
		log = slog.Default()
	}
	return &Pages{db: d, log: log, pages: parseTemplates()}
}

// Register installs the pages' routes with get, which routes GET and HEAD.
func (p *Pages) Register(get func(path string, h echo.HandlerFunc)) {
	get("/", p.home)
	get("/publishers/:id", p.publisher)
	get("/reports/:id", p.report)
	get("/reports/:id/source", p.source)
	get("/indicators/:code", p.indicator)
	get("/checks", p.checks)
	get("/search", p.search)
	static := echo.WrapHandler(http.FileServer(http.FS(staticFS)))
	get("/static/*", static)
	get("/favicon.ico", func(c echo.Context) error { // what browsers ask for, e.g. beside an SVG chart
		c.Request().URL.Path = "/static/favicon.svg"
		return static(c)
	})
}

// Key is a digest of the templates and assets: a binary with other pages
// must change the ETags of the pages even when the data is the same.
func Key() string {
	h := sha256.New()
	for _, f := range []embed.FS{templateFS, staticFS} {
		_ = fs.WalkDir(f, ".", func(path string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				b, _ := fs.ReadFile(f, path)
				h.Write([]byte(path + "\x00"))
				h.Write(b)
			}
			return nil
		})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// parseTemplates parses each page with the layout it fills in.
func parseTemplates() map[string]*template.Template {
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		panic(err)
	}
	out := map[string]*template.Template{}
	for _, name := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(name, "templates/"), ".html")
		if base == "layout" {
			continue
		}
		out[base] = template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", name))
	}
	return out
}

// funcs are the helpers the templates use.
var funcs = template.FuncMap{
	"number":  formatNumber,
	"join":    strings.Join,
	"add":     func(a, b int) int { return a + b },
	"note":    checkNote,
	"pointAt": pointAt,
}

// Page is what every page shows around its content: the language, the
// title, the API call of its data and the link to the other language.
type Page struct {
	Lang   string // zh or en
	Title  string
	API    string // the API call that gives the page's data
	Switch string // this page in the other language
	Query  string // the search box's text
	Canon  string // this page's path and query, without lang
}

// T returns the message key in the page's language.
func (pg *Page) T(key string) string { return message(pg.Lang, key) }

// Pick returns zh or en as the page's language asks; a missing English
// text falls back to the Chinese.
func (pg *Page) Pick(zh, en string) string {
	if pg.Lang == "en" && en != "" {
		return en
	}
	return zh
}

// En reports whether the page is in English.
func (pg *Page) En() bool { return pg.Lang == "en" }

// Link returns path in the page's language: with lang=en added for English.
func (pg *Page) Link(path string) string {
	if pg.Lang != "en" {
		return path
	}
	frag := ""
	if i := strings.IndexByte(path, '#'); i >= 0 {
		path, frag = path[:i], path[i:]
	}
	sep := "?"
	if strings.Contains(path, "?") {
		sep = "&"
	}
	return path + sep + "lang=en" + frag
}

// newPage reads lang and the page's path; lang is zh or en, anything else
// is an error.
func newPage(c echo.Context, api string) (*Page, error) {
	lang := c.QueryParam("lang")
	switch lang {
	case "", "zh":
		lang = "zh"
	case "en":
	default:
		return &Page{Lang: "zh"}, &gongkai.Error{Code: gongkai.EINVALID, Param: "lang",
			Message: "lang " + strconv.Quote(lang) + " is not accepted; give zh or en"}
	}
	q := c.Request().URL.Query()
	q.Del("lang")
	canon := c.Request().URL.Path
	if enc := q.Encode(); enc != "" {
		canon += "?" + enc
	}
	pg := &Page{Lang: lang, API: api, Canon: canon}
	other := &Page{Lang: "en"}
	if lang == "en" {
		other.Lang = "zh"
	}
	pg.Switch = other.Link(canon)
	return pg, nil
}

// render executes a page's template into a buffer first, so that an error
// of the template becomes an error page rather than half a page.
func (p *Pages) render(c echo.Context, status int, name string, data any) error {
	var buf bytes.Buffer
	if err := p.pages[name].Execute(&buf, data); err != nil {
		p.log.ErrorContext(c.Request().Context(), "render page", "page", name, "err", err)
		return c.String(http.StatusInternalServerError, "internal error")
	}
	return c.HTMLBlob(status, buf.Bytes())
}

// errorPage is the data of the error page.
type errorPage struct {
	*Page
	Status  int
	Message string
}

// fail renders err as an error page: 404 for what does not exist, 400 for
// a bad parameter, 500 (logged, not detailed) for anything else.
func (p *Pages) fail(c echo.Context, pg *Page, err error) error {
	if pg == nil {
		pg = &Page{Lang: "zh"}
	}
	status, msg := http.StatusInternalServerError, pg.T("internal_error")
	switch gongkai.ErrorCode(err) {
	case gongkai.ENOTFOUND:
		status, msg = http.StatusNotFound, gongkai.ErrorMessage(err)
	case gongkai.EINVALID:
		status, msg = http.StatusBadRequest, err.Error()
	default:
		p.log.ErrorContext(c.Request().Context(), "page", "uri", c.Request().RequestURI, "err", err)
	}
	// Errors are not cached: the middleware's ETag is for the answer that works.
	c.Response().Header().Del("ETag")
	c.Response().Header().Set("Cache-Control", "no-store")
	pg.Title = strconv.Itoa(status) + " " + http.StatusText(status)
	return p.render(c, status, "error", errorPage{Page: pg, Status: status, Message: msg})
}

// memoize returns the value of key for the dataset's current version,
// computing it with fn once per version: the home page's counts read
// whole tables.
func memoize[T any](ctx context.Context, p *Pages, key string, fn func() (T, error)) (T, error) {
	var zero T
	version, _, err := p.db.Version(ctx)
	if err != nil {
		return zero, err
	}
	p.mu.Lock()
	if p.version != version || p.memo == nil {
		p.version, p.memo = version, map[string]any{}
	}
	memo := p.memo
	v, ok := memo[key]
	p.mu.Unlock()
	if ok {
		return v.(T), nil
	}
	t, err := fn()
	if err != nil {
		return zero, err
	}
	p.mu.Lock()
	memo[key] = t
	p.mu.Unlock()
	return t, nil
}

// formatNumber prints a figure as the chart does; nil (a blank cell) as
// an em dash.
func formatNumber(v *float64) string {
	if v == nil {
		return "—"
	}
	return chart.FormatValue(*v)
}

// query encodes parameters for a link.
func query(pairs ...string) string {
	q := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] != "" {
			q.Set(pairs[i], pairs[i+1])
		}
	}
	return q.Encode()
}

// langParam is the lang parameter of links to the API: "" for Chinese, the default.
func (pg *Page) langParam() string {
	if pg.Lang == "en" {
		return "en"
	}
	return ""
}
