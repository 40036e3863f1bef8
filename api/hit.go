package api

import (
	"context"
	"encoding/hex"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

// answerKey is what the response cache and the ETag know of a read
// request: the dataset version it was asked under and its representation.
// It is computed once per request, in front of Echo, and handed to the
// middleware of a miss in the request's context.
type answerKey struct {
	// key is the cache key: the version, the canonical URI, CSV by Accept
	// and gzip accepted, and the scheme and host when next links are built
	// from them.
	key     string
	uri     string // the canonical path and query, a part of key
	version string
	csv     bool
	valid   bool // false when the query does not parse: the handler refuses it, nothing is cached
}

// answerKeyContext is the context key of a request's *answerKey.
type answerKeyContext struct{}

// newAnswerKey computes the answer key of r under the dataset version.
func (s *Server) newAnswerKey(r *http.Request, version string) answerKey {
	k := answerKey{version: version, csv: acceptsCSV(r)}
	query, ok := canonicalQuery(r.URL.RawQuery)
	if !ok {
		k.uri = r.URL.RequestURI()
		return k
	}
	k.valid = true
	var scheme string
	if s.opts.BaseURL == "" {
		scheme = s.scheme(r)
	}
	var b strings.Builder
	b.Grow(len(version) + len(r.URL.Path) + len(query) + len(scheme) + len(r.Host) + 8)
	b.WriteString(version)
	b.WriteByte(0)
	start := b.Len()
	b.WriteString(r.URL.Path)
	if query != "" {
		b.WriteByte('?')
		b.WriteString(query)
	}
	end := b.Len()
	b.WriteByte(0)
	b.WriteByte(flag(k.csv))
	b.WriteByte(flag(acceptsGzip(r)))
	if scheme != "" {
		b.WriteByte(0)
		b.WriteString(scheme)
		b.WriteString(r.Host)
	}
	k.key = b.String()
	k.uri = k.key[start:end]
	return k
}

// forwardedScheme are the headers by which a proxy tells the scheme the
// client used (echo.ExtractSchemeFromHeaders).
var forwardedScheme = []string{echo.HeaderXForwardedProto, echo.HeaderXForwardedProtocol, echo.HeaderXForwardedSsl, echo.HeaderXUrlScheme}

// scheme is the scheme of r as Echo gives it (SchemeExtractor), without
// its test of the peer's address when no proxy header could change it.
func (s *Server) scheme(r *http.Request) string {
	if r.TLS == nil && !slices.ContainsFunc(forwardedScheme, func(h string) bool { return len(r.Header[h]) > 0 }) {
		return "http"
	}
	return s.Echo.SchemeExtractor(r)
}

// flag is the byte of a boolean in a cache key.
func flag(b bool) byte {
	if b {
		return '1'
	}
	return '0'
}

// answerKeyOf returns the answer key computed in front of Echo, or computes
// it when the cache is off (nothing is computed in front of Echo then).
func (s *Server) answerKeyOf(c echo.Context) (*answerKey, error) {
	req := c.Request()
	if k, ok := req.Context().Value(answerKeyContext{}).(*answerKey); ok {
		return k, nil
	}
	version, err := s.dataVersion(req.Context())
	if err != nil {
		return nil, err
	}
	k := s.newAnswerKey(req, version)
	return &k, nil
}

// canonicalQuery is a raw query with its parameters in name order, encoded
// as url.Values.Encode does, so that the same question asked with its
// parameters in another order is the same representation (and has the same
// ETag). It reports false for a query that does not parse. A query of plain
// name=value pairs already in order is its own canonical form, found
// without parsing or allocating: that is what clients repeating a
// question send.
func canonicalQuery(raw string) (string, bool) {
	if raw == "" || isCanonicalQuery(raw) {
		return raw, true
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return "", false
	}
	return q.Encode(), true
}

// isCanonicalQuery reports whether raw is already what url.Values.Encode
// would write for it: name=value pairs in name order, made of characters
// that query escaping leaves as they are.
func isCanonicalQuery(raw string) bool {
	prev := ""
	for pair := range strings.SplitSeq(raw, "&") {
		name, value, ok := strings.Cut(pair, "=")
		if !ok || !isUnescaped(name) || !isUnescaped(value) || name < prev {
			return false
		}
		prev = name
	}
	return true
}

// isUnescaped reports whether url.QueryEscape leaves s as it is.
func isUnescaped(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
			return false
		}
	}
	return true
}

// ServeHTTP serves a request. A read whose answer is in the response cache
// is answered here, before Echo's router and middleware, with what they
// would have given it (see serveHit); any other request goes to Echo.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.answers == nil || !isRead(r) {
		s.Echo.ServeHTTP(w, r)
		return
	}
	start := time.Now()
	version, err := s.dataVersion(r.Context())
	if err != nil {
		s.Echo.ServeHTTP(w, r) // the middleware meets the error again and answers it
		return
	}
	k := s.newAnswerKey(r, version)
	if k.valid {
		if a, ok := s.answers.entries.GetIfPresent(k.key); ok && s.allow(r) {
			s.answers.hits.Inc()
			s.serveHit(w, r, a, start)
			return
		} else if !ok {
			s.answers.misses.Inc()
		} // else rate limited: Echo's limiter refuses it with the problem document
	}
	miss := new(answerKey) // allocated on this path only: a hit keeps k on the stack
	*miss = k
	s.Echo.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), answerKeyContext{}, miss)))
}

// isRead reports whether r reads data: GET or HEAD of anything but
// /healthz and /metrics.
func isRead(r *http.Request) bool {
	return (r.Method == http.MethodGet || r.Method == http.MethodHead) && !isOperationalPath(r.URL.Path)
}

// allow reports whether the rate limit lets r through; it takes a token
// from r's client as Echo's limiter would.
func (s *Server) allow(r *http.Request) bool {
	if s.limits == nil {
		return true
	}
	ok, err := s.limits.Allow(s.Echo.IPExtractor(r))
	return ok && err == nil
}

// Values of the CORS headers of a request with an Origin, as the CORS
// middleware sets them (New).
var (
	corsAllowOrigin   = []string{"*"}
	corsExposeHeaders = []string{strings.Join(corsExposed, ",")}
)

// serveHit answers r from a, with what Echo's middleware gives any answer:
// the request id, the CORS headers, 304 Not Modified when If-None-Match
// holds the ETag, the access log line and the metrics.
func (s *Server) serveHit(w http.ResponseWriter, r *http.Request, a *answer, start time.Time) {
	h := w.Header()
	id := firstValue(r.Header, headerRequestID)
	if id == "" {
		id = newRequestID()
	}
	h[headerRequestID] = []string{id}
	if firstValue(r.Header, echo.HeaderOrigin) != "" {
		h[echo.HeaderAccessControlAllowOrigin] = corsAllowOrigin
		h[echo.HeaderAccessControlExposeHeaders] = corsExposeHeaders
	}
	status, size := http.StatusOK, 0
	if etagMatch(firstValue(r.Header, headerIfNoneMatch), a.etag) {
		status = http.StatusNotModified
		copyHeader(h, a.notModified)
		w.WriteHeader(status)
	} else {
		copyHeader(h, a.header)
		w.WriteHeader(status)
		size, _ = w.Write(a.body)
	}
	latency := time.Since(start)
	if r.Method == http.MethodGet && status == http.StatusOK {
		a.observeGet.Observe(latency.Seconds())
	} else {
		s.observe(r.Method, a.route, status, latency)
	}
	s.logRequest(r.Context(), middleware.RequestLoggerValues{
		RequestID: id, Method: r.Method, URI: r.RequestURI, Status: status,
		ResponseSize: int64(size), Latency: latency, RemoteIP: s.Echo.IPExtractor(r), UserAgent: r.UserAgent(),
	})
}

// Header names in their canonical form, read from the map without
// canonicalising them again (Header.Get would, on every request).
const (
	headerRequestID   = "X-Request-Id" // echo.HeaderXRequestID, canonical
	headerIfNoneMatch = "If-None-Match"
)

// firstValue is h.Get(name) for a name already in canonical form.
func firstValue(h http.Header, name string) string {
	if v := h[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// copyHeader puts the fields of from into h. The values are shared, not
// copied: nothing after serveHit changes a header.
func copyHeader(h, from http.Header) {
	for name, values := range from {
		h[name] = values
	}
}

// newRequestID returns a random request id: 32 hexadecimal digits.
func newRequestID() string {
	var b [16]byte
	for i := range 2 {
		v := rand.Uint64()
		for j := range 8 {
			b[8*i+j] = byte(v >> (8 * j))
		}
	}
	return hex.EncodeToString(b[:])
}
