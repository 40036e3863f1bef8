package api

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"golang.org/x/time/rate"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/docs"
	"github.com/gongkai/gongkai/web"
)

// buildKey is a digest of the API document, the rules and the pages: a new
// binary with another API, other rules or other pages changes every ETag
// even when the data is the same.
func buildKey() string {
	sum := sha256.Sum256([]byte(docs.SwaggerInfo.ReadDoc() + "\x00" + rulesKey() + "\x00" + web.Key()))
	return hex.EncodeToString(sum[:8])
}

// conditional gives every answer of GET and HEAD an ETag computed from the
// dataset version, the binary (API document and rules) and the request
// (canonical URI and whether CSV was asked for by Accept), with
// Cache-Control, and answers 304 Not Modified when If-None-Match has it,
// before any query runs. Errors drop both headers (see handleError).
func (s *Server) conditional(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !isDataRead(c) {
			return next(c)
		}
		k, err := s.answerKeyOf(c)
		if err != nil {
			return err
		}
		etag := s.etag(k.version, k.uri, k.csv)
		hdr := c.Response().Header()
		hdr.Set("ETag", etag)
		hdr.Add(echo.HeaderVary, echo.HeaderAccept)
		hdr.Set("Cache-Control", s.cacheControl())
		if etagMatch(c.Request().Header.Get("If-None-Match"), etag) {
			return c.NoContent(http.StatusNotModified)
		}
		return next(c)
	}
}

// etag is the ETag of the answer to the canonical uri (CSV by Accept or
// not) under the dataset version.
func (s *Server) etag(version, uri string, acceptCSV bool) string {
	h := sha256.New()
	for _, part := range []string{version, s.buildKey, uri, strconv.FormatBool(acceptCSV)} {
		h.Write([]byte(part + "\x00"))
	}
	return `W/"` + hex.EncodeToString(h.Sum(nil)[:12]) + `"`
}

// cacheControl is the Cache-Control of data answers (Options.MaxAge).
func (s *Server) cacheControl() string {
	if s.opts.MaxAge < 0 {
		return "public, no-cache"
	}
	return "public, max-age=" + strconv.Itoa(int(s.opts.MaxAge.Seconds()))
}

// etagMatch reports whether an If-None-Match header holds etag, by the weak
// comparison RFC 9110 prescribes for If-None-Match.
func etagMatch(header, etag string) bool {
	if header == "" {
		return false
	}
	weak := strings.TrimPrefix(etag, "W/")
	for tag := range strings.SplitSeq(header, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == weak {
			return true
		}
	}
	return false
}

// newRateLimits returns the token buckets of the clients: Options.RateLimit
// requests per second, Options.RateBurst at once. Echo's limiter and the
// answers of the cache (Server.allow) draw from the same buckets.
func (s *Server) newRateLimits() *middleware.RateLimiterMemoryStore {
	return middleware.NewRateLimiterMemoryStoreWithConfig(middleware.RateLimiterMemoryStoreConfig{
		Rate: rate.Limit(s.opts.RateLimit), Burst: s.opts.RateBurst, ExpiresIn: rateLimitExpiry,
	})
}

// rateLimit limits each client IP to Options.RateLimit requests per second
// (token bucket of Options.RateBurst), answering 429 with Retry-After.
func (s *Server) rateLimit() echo.MiddlewareFunc {
	retry := strconv.Itoa(max(1, int(math.Ceil(1/s.opts.RateLimit))))
	return middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{
		Skipper:             isOperational,
		Store:               s.limits,
		IdentifierExtractor: func(c echo.Context) (string, error) { return c.RealIP(), nil },
		DenyHandler: func(c echo.Context, _ string, _ error) error {
			c.Response().Header().Set("Retry-After", retry)
			return echo.NewHTTPError(http.StatusTooManyRequests,
				"Too many requests from this address: at most "+strconv.FormatFloat(s.opts.RateLimit, 'f', -1, 64)+
					" per second; retry after "+retry+" s. Bulk users: download the CSV of a whole collection.")
		},
		ErrorHandler: func(c echo.Context, err error) error { return err },
	})
}

// newRegistry returns a metrics registry with the Go and process collectors.
func newRegistry() *prometheus.Registry {
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return reg
}

// newRequestDurations returns the histogram of the time to answer
// requests, by method, route (the pattern, not the URI, so that the number
// of series stays bounded) and status, registered in reg.
func newRequestDurations(reg prometheus.Registerer) *prometheus.HistogramVec {
	duration := prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Namespace: "gongkai", Name: "http_request_duration_seconds",
		Help:    "Time to answer HTTP requests, by route and status.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10},
	}, []string{"method", "route", "status"})
	reg.MustRegister(duration)
	return duration
}

// observe counts a request answered with status after d in the metrics.
func (s *Server) observe(method, route string, status int, d time.Duration) {
	s.durations.WithLabelValues(method, route, statusLabel(status)).Observe(d.Seconds())
}

// statusLabel is the label of a status in the metrics, without allocating
// for the statuses of a cache hit.
func statusLabel(status int) string {
	switch status {
	case http.StatusOK:
		return "200"
	case http.StatusNotModified:
		return "304"
	}
	return strconv.Itoa(status)
}

// metrics counts every request that reaches Echo in the metrics (observe).
func (s *Server) metrics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		status := c.Response().Status
		if err != nil {
			status = errorStatus(err)
		}
		route := c.Path()
		if route == "" {
			route = "unmatched"
		}
		s.observe(c.Request().Method, route, status, time.Since(start))
		return err
	}
}

// errorStatus is the status handleError will answer err with.
func errorStatus(err error) int {
	if he, ok := err.(*echo.HTTPError); ok {
		return he.Code
	}
	if code := gongkai.ErrorCode(err); code != gongkai.EINTERNAL {
		return statuses[code]
	}
	return http.StatusInternalServerError
}

// metricsHandler serves the registry in the Prometheus text format.
func (s *Server) metricsHandler() echo.HandlerFunc {
	h := echo.WrapHandler(promhttp.HandlerFor(s.opts.Registry, promhttp.HandlerOpts{}))
	return func(c echo.Context) error { return s.metricsEndpoint(c, h) }
}

// metricsEndpoint godoc
//
// @Summary      Prometheus metrics
// @Description  Request counts and latencies by route and status (gongkai_http_request_duration_seconds), Go runtime and process metrics, in the Prometheus text format.
// @ID           getMetrics
// @Tags         operations
// @Produce      plain
// @Success      200  {string}  string  "Metrics in the Prometheus text format"
// @Failure      400  {object}  api.Problem  "A query parameter was given"
// @Router       /metrics [get]
func (s *Server) metricsEndpoint(c echo.Context, h echo.HandlerFunc) error {
	if p := newParams(c); p.err != nil {
		return p.err
	}
	return h(c)
}
