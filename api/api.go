// Package api serves the gongkai database over HTTP as a versioned (/v1)
// open-data API: JSON and CSV, problem+json errors, caching headers from the
// dataset's version, CORS, gzip, rate limits, request ids, access logs and
// Prometheus metrics, documented by OpenAPI (swag annotations on every
// handler, generated into docs/).
//
// Handlers are thin: they parse and validate their parameters strictly (an
// unknown or malformed parameter is a 400 naming it), call one db method and
// render the answer. Every error reaches one handler (error.go) that maps
// gongkai error codes to statuses.
//
// @title                     gongkai API
// @version                   1.0
// @description               Statistics from Chinese governments' annual reports on government information disclosure (政府信息公开工作年度报告): indicators, publishers, reports and their figures, as JSON and CSV.
// @description               Every figure keeps the row label, cell text and line of the report it came from. Errors are RFC 9457 problem documents that name the offending parameter.
// @contact.name              gongkai
// @contact.url               https://github.com/gongkai/gongkai
// @license.name              Data: published by the governments named in each report; code: see the repository
// @license.url               https://github.com/gongkai/gongkai
// @BasePath                  /
// @tag.name                  dataset
// @tag.description           The dataset as a whole: version, counts, years, units.
// @tag.name                  indicators
// @tag.description           The catalogue of indicators: one stable code per row of the report templates.
// @tag.name                  publishers
// @tag.description           The government bodies that publish reports.
// @tag.name                  reports
// @tag.description           One publisher's report for one year, with its narrative and original file.
// @tag.name                  observations
// @tag.description           The figures of the reports, one per indicator and breakdown, and time series of them.
// @tag.name                  checks
// @tag.description           Each report checked against its own arithmetic, its report of the year before and its own words, and the rules the checks apply.
// @tag.name                  search
// @tag.description           Search publishers, indicators, report titles and narrative, Chinese from two characters on.
// @tag.name                  operations
// @tag.description           Health, metrics and documentation of the service.
//
//go:generate swag init --generalInfo api.go --dir . --output ../docs --outputTypes go,json,yaml --requiredByDefault
package api

import (
	"io"
	"log/slog"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/gongkai/gongkai/db"
	"github.com/gongkai/gongkai/web"
)

// Defaults of Options.
const (
	DefaultRateLimit  = 10                     // requests per second per client
	DefaultRateBurst  = 40                     // requests a client may send at once
	DefaultMaxAge     = 5 * time.Minute        // Cache-Control max-age of data answers
	DefaultVersionTTL = 250 * time.Millisecond // how long the dataset version is trusted
	rateLimitExpiry   = 10 * time.Minute       // forget a quiet client after this
)

// Options configure a Server. The zero value is usable: no rate limit, the
// default logger, DefaultMaxAge, a response cache of DefaultCacheBytes.
type Options struct {
	// Logger receives the errors of requests, and the access log when
	// AccessLog is nil; nil for slog.Default().
	Logger *slog.Logger
	// AccessLog, when set, receives the access log instead of Logger: one
	// line per request, the very bytes slog.NewJSONHandler would write for
	// it, written in one Write without going through slog (a third of the
	// cost of a cache hit, otherwise).
	AccessLog io.Writer

	// RateLimit is the number of requests per second allowed to each client
	// IP, RateBurst the number it may send at once; 0 turns limiting off
	// (gongkai serve turns it on with DefaultRateLimit and DefaultRateBurst).
	RateLimit float64
	RateBurst int
	// TrustProxy takes the client IP from X-Forwarded-For, for a server
	// behind a load balancer; otherwise it is the peer address.
	TrustProxy bool

	// MaxAge is the Cache-Control max-age of data answers; 0 for
	// DefaultMaxAge, negative for "no-cache" (revalidate every time).
	MaxAge time.Duration
	// VersionTTL is how long the dataset version read from the database is
	// trusted before it is read again; 0 for DefaultVersionTTL.
	VersionTTL time.Duration

	// CacheBytes bounds the response cache, which keeps the answers of GET
	// requests for the dataset version they were computed from; 0 for
	// DefaultCacheBytes, negative to turn the cache off.
	CacheBytes int64

	// SendfileBytes is the size from which cached answers are also kept as
	// files, in a temporary directory that Close removes, and sent from
	// them with sendfile(2) over a connection that ConnContext put in the
	// request's context; 0 for none (gongkai serve: DefaultSendfileBytes).
	SendfileBytes int

	// ReleaseDir is the directory of the release files: the whole dataset
	// as CSV (/v1/observations as CSV, no filter), kept there by its first
	// download of each dataset version and sent from there after (see
	// release.go); "" for none.
	ReleaseDir string

	// BaseURL prefixes the next links ("https://api.example.org"); empty to
	// use the scheme and host of the request.
	BaseURL string

	// Registry receives the metrics served at /metrics; nil for a new
	// registry with the Go and process collectors.
	Registry *prometheus.Registry
}

// Server is the HTTP API over one database. It is an http.Handler.
type Server struct {
	// Echo is the router with every route and middleware installed.
	Echo *echo.Echo

	db       *db.DB
	opts     Options
	log      *slog.Logger
	buildKey string // digest of what the binary serves beside the database, part of every ETag

	version        atomic.Pointer[versionRead]        // the dataset version last read
	readingVersion atomic.Bool                        // a request is reading it again
	answers        *answers                           // the response cache; nil when turned off
	releases       *releases                          // the release files; nil without Options.ReleaseDir
	limits         *middleware.RateLimiterMemoryStore // the clients' token buckets; nil without a rate limit
	ids            *requestIDs                        // the ids of requests
	durations      *prometheus.HistogramVec           // the time to answer requests (observe)
}

// New returns a Server answering from d with every route installed.
func New(d *db.DB, opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.MaxAge == 0 {
		opts.MaxAge = DefaultMaxAge
	}
	if opts.VersionTTL == 0 {
		opts.VersionTTL = DefaultVersionTTL
	}
	if opts.RateLimit > 0 && opts.RateBurst <= 0 {
		opts.RateBurst = max(1, int(2*opts.RateLimit))
	}
	if opts.Registry == nil {
		opts.Registry = newRegistry()
	}
	if opts.CacheBytes == 0 {
		opts.CacheBytes = DefaultCacheBytes
	}
	s := &Server{db: d, opts: opts, log: opts.Logger, buildKey: buildKey(), ids: newRequestIDs(), durations: newRequestDurations(opts.Registry)}
	if opts.CacheBytes > 0 {
		s.answers = newAnswers(opts.CacheBytes, opts.Registry, s.durations)
		s.answers.fileMin = opts.SendfileBytes
	}
	if opts.RateLimit > 0 {
		s.limits = s.newRateLimits()
	}
	if opts.ReleaseDir != "" {
		var err error
		if s.releases, err = newReleases(opts.ReleaseDir, d, s.log); err != nil {
			s.log.Warn("release files off", "dir", opts.ReleaseDir, "err", err)
		}
	}

	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.handleError
	if opts.TrustProxy {
		e.IPExtractor = echo.ExtractIPFromXFFHeader()
	} else {
		e.IPExtractor = echo.ExtractIPDirect()
	}
	e.SchemeExtractor = echo.ExtractSchemeFromHeaders() // Echo's default, named so that ServeHTTP can call it
	s.Echo = e

	e.Pre(middleware.RemoveTrailingSlashWithConfig(middleware.TrailingSlashConfig{RedirectCode: http.StatusMovedPermanently}))
	e.Use(
		middleware.Recover(),
		middleware.RequestIDWithConfig(middleware.RequestIDConfig{Generator: s.ids.next}),
		s.accessLog(),
		s.metrics,
		middleware.CORSWithConfig(middleware.CORSConfig{
			AllowOrigins:  []string{"*"},
			AllowMethods:  []string{http.MethodGet, http.MethodHead, http.MethodOptions},
			ExposeHeaders: corsExposed,
			MaxAge:        86400,
		}),
	)
	if s.limits != nil {
		e.Use(s.rateLimit())
	}
	if s.answers != nil {
		e.Use(s.keepAnswers)
	}
	e.Use(
		middleware.GzipWithConfig(middleware.GzipConfig{MinLength: 1024, Skipper: isOperational}),
		s.conditional,
	)
	s.routes()
	return s
}

// Close drops the cached answers and removes their files, and stops the
// gzip copies of release files being made (the release files stay for the
// next run). The Server still answers afterwards, from memory and the
// database.
func (s *Server) Close() error {
	if s.releases != nil {
		s.releases.close()
	}
	if s.answers == nil {
		return nil
	}
	return s.answers.close()
}

// corsExposed are the headers of an answer that browsers show to scripts
// of other origins.
var corsExposed = []string{"ETag", "Link", "Retry-After", echo.HeaderXRequestID, echo.HeaderContentDisposition}

func (s *Server) routes() {
	get := func(path string, h echo.HandlerFunc) {
		s.Echo.Match([]string{http.MethodGet, http.MethodHead}, path, h)
	}
	get("/healthz", s.health)
	get("/metrics", s.metricsHandler())
	get("/openapi.json", s.openAPI)
	get("/swagger", func(c echo.Context) error { return c.Redirect(http.StatusMovedPermanently, "/swagger/index.html") })
	get("/swagger/*", swaggerUI)

	get("/v1", s.dataset)
	get("/v1/years", s.listYears)
	get("/v1/units", s.listUnits)
	get("/v1/units/:code", s.getUnit)
	get("/v1/indicators", s.listIndicators)
	get("/v1/indicators/:code", s.getIndicator)
	get("/v1/publishers", s.listPublishers)
	get("/v1/publishers/:id", s.getPublisher)
	get("/v1/reports", s.listReports)
	get("/v1/reports/:id", s.getReport)
	get("/v1/reports/:id/source", s.getSource)
	get("/v1/reports/:id/checks", s.getReportChecks)
	get("/v1/checks", s.listChecks)
	get("/v1/rules", s.listRules)
	get("/v1/rules/:id", s.getRule)
	get("/v1/observations", s.listObservations)
	get("/v1/series", s.listSeries)
	get("/v1/series.svg", s.listSeriesSVG)
	get("/v1/search", s.search)

	web.New(s.db, s.log).Register(get) // the pages for people, at the site root
}

// isOperational reports whether c is a request for /healthz or /metrics,
// which are neither cached, compressed by us, nor rate limited.
func isOperational(c echo.Context) bool { return isOperationalPath(c.Request().URL.Path) }

// isOperationalPath reports whether path is /healthz or /metrics.
func isOperationalPath(path string) bool { return path == "/healthz" || path == "/metrics" }

// isDataRead reports whether c reads data (GET or HEAD of anything but
// /healthz and /metrics): what ETags and the response cache apply to.
func isDataRead(c echo.Context) bool { return isRead(c.Request()) }
