package api

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/maypok86/otter/v2"
	"github.com/prometheus/client_golang/prometheus"
)

// DefaultCacheBytes is the default size of the response cache (Options.CacheBytes).
const DefaultCacheBytes = 64 << 20

// answerOverhead is what an answer costs in the cache beside its body and
// key: its headers and the cache's own bookkeeping, roughly.
const answerOverhead = 512

// answers is the response cache: whole answers of GET requests, as sent
// (gzip-compressed when the client accepted gzip), keyed by the dataset
// version and the request's representation (see answerKey), bounded in
// bytes. A repeated question is then answered by copying bytes, as a
// static file server would: no query, no JSON encoding, no compression.
type answers struct {
	entries  *otter.Cache[string, *answer]
	maxEntry int // larger answers (a whole dataset as CSV) stream without being kept
	results  *prometheus.CounterVec
}

// answer is one cached answer: the headers its handler and the gzip
// middleware set, and its body.
type answer struct {
	header http.Header
	body   []byte
}

// answerHeaders are the headers an answer keeps; the others (request id,
// CORS) belong to each request and are set again by the outer middleware.
var answerHeaders = []string{echo.HeaderContentType, echo.HeaderContentEncoding, echo.HeaderContentDisposition,
	"Link", "ETag", "Cache-Control"}

// notModifiedHeaders are the headers of an answer that a 304 repeats (RFC 9110 §15.4.5).
var notModifiedHeaders = []string{"ETag", "Cache-Control", echo.HeaderVary}

// newAnswers returns a cache of at most size bytes whose hits and misses
// are counted in reg.
func newAnswers(size int64, reg prometheus.Registerer) *answers {
	a := &answers{
		entries: otter.Must(&otter.Options[string, *answer]{
			MaximumWeight: uint64(size),
			Weigher: func(key string, v *answer) uint32 {
				return uint32(len(key) + len(v.body) + answerOverhead)
			},
		}),
		maxEntry: int(size / 8),
		results: prometheus.NewCounterVec(prometheus.CounterOpts{
			Namespace: "gongkai", Name: "response_cache_requests_total",
			Help: "Requests that could be answered from the response cache, by result (hit, miss).",
		}, []string{"result"}),
	}
	reg.MustRegister(a.results, prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Namespace: "gongkai", Name: "response_cache_bytes",
		Help: "Bytes held by the response cache, bodies and overhead.",
	}, func() float64 { return float64(a.entries.WeightedSize()) }))
	return a
}

// clear drops every answer.
func (a *answers) clear() { a.entries.InvalidateAll() }

// cacheAnswers answers GET and HEAD requests from the response cache, and
// keeps the 200 answers of GET requests that it misses, up to maxEntry
// bytes each. It runs outside the gzip middleware, so that what it keeps is
// what was sent: the gzip encoding for clients that accept it, the identity
// for the others, each under its own key.
func (s *Server) cacheAnswers(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !isDataRead(c) {
			return next(c)
		}
		req := c.Request()
		version, err := s.dataVersion(req.Context())
		if err != nil {
			return err
		}
		key, ok := s.answerKey(c, version)
		if !ok {
			return next(c)
		}
		if a, ok := s.answers.entries.GetIfPresent(key); ok {
			s.answers.results.WithLabelValues("hit").Inc()
			return a.serve(c)
		}
		s.answers.results.WithLabelValues("miss").Inc()
		if req.Method != http.MethodGet {
			return next(c)
		}
		return s.answers.record(c, key, next)
	}
}

// answerKey is the cache key of c's answer: the dataset version, and the
// request's representation (canonical URI, CSV by Accept, gzip), with the
// scheme and host when next links are built from them. It reports false
// for a query that does not parse, which the handler refuses anyway.
func (s *Server) answerKey(c echo.Context, version string) (string, bool) {
	req := c.Request()
	uri, ok := canonicalURI(req)
	if !ok {
		return "", false
	}
	var b strings.Builder
	b.WriteString(version)
	b.WriteByte(0)
	b.WriteString(uri)
	b.WriteByte(0)
	b.WriteString(strconv.FormatBool(acceptsCSV(req)))
	b.WriteString(strconv.FormatBool(acceptsGzip(req)))
	if s.opts.BaseURL == "" {
		b.WriteByte(0)
		b.WriteString(c.Scheme())
		b.WriteString(req.Host)
	}
	return b.String(), true
}

// canonicalURI is the path and the query of req with its parameters in
// name order, so that the same question asked with its parameters in
// another order is the same representation (and has the same ETag).
func canonicalURI(req *http.Request) (string, bool) {
	if req.URL.RawQuery == "" {
		return req.URL.Path, true
	}
	q, err := url.ParseQuery(req.URL.RawQuery)
	if err != nil {
		return "", false
	}
	return req.URL.Path + "?" + q.Encode(), true
}

// acceptsGzip reports whether the client accepts gzip, by the test of
// Echo's gzip middleware, which decides the encoding of the answer.
func acceptsGzip(req *http.Request) bool {
	return strings.Contains(req.Header.Get(echo.HeaderAcceptEncoding), "gzip")
}

// serve sends the answer, or 304 Not Modified when If-None-Match holds its ETag.
func (a *answer) serve(c echo.Context) error {
	h := c.Response().Header()
	if etagMatch(c.Request().Header.Get("If-None-Match"), a.header.Get("ETag")) {
		for _, name := range notModifiedHeaders {
			name = http.CanonicalHeaderKey(name)
			h[name] = append(h[name], a.header[name]...)
		}
		return c.NoContent(http.StatusNotModified)
	}
	for name, values := range a.header {
		h[name] = append(h[name], values...)
	}
	h.Set(echo.HeaderContentLength, strconv.Itoa(len(a.body)))
	res := c.Response()
	res.WriteHeader(http.StatusOK)
	_, err := res.Write(a.body)
	return err
}

// record calls next with the response writer teed into a buffer, and keeps
// the answer under key when it is a complete 200 of at most maxEntry bytes.
func (a *answers) record(c echo.Context, key string, next echo.HandlerFunc) error {
	res := c.Response()
	varyBefore := len(res.Header().Values(echo.HeaderVary))
	rec := &recorder{ResponseWriter: res.Writer, limit: a.maxEntry}
	res.Writer = rec
	err := next(c)
	res.Writer = rec.ResponseWriter
	if err != nil || res.Status != http.StatusOK || rec.over || !res.Committed {
		return err
	}
	header := http.Header{}
	for _, name := range answerHeaders {
		if v := res.Header().Values(name); len(v) > 0 {
			header[http.CanonicalHeaderKey(name)] = v
		}
	}
	if vary := res.Header().Values(echo.HeaderVary); len(vary) > varyBefore {
		header[echo.HeaderVary] = vary[varyBefore:] // those of the inner middleware, not of CORS
	}
	a.entries.Set(key, &answer{header: header, body: rec.body.Bytes()})
	return nil
}

// recorder passes an answer through to the client and keeps a copy of its
// body, until the body exceeds limit bytes.
type recorder struct {
	http.ResponseWriter
	body  bytes.Buffer
	limit int
	over  bool
}

// Write sends b and keeps a copy of it.
func (r *recorder) Write(b []byte) (int, error) {
	if !r.over {
		if r.body.Len()+len(b) > r.limit {
			r.over, r.body = true, bytes.Buffer{}
		} else {
			r.body.Write(b)
		}
	}
	return r.ResponseWriter.Write(b)
}

// Flush sends what was written so far (CSV answers flush as they stream).
func (r *recorder) Flush() { _ = http.NewResponseController(r.ResponseWriter).Flush() }

// Unwrap returns the writer of the client, for http.ResponseController.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
