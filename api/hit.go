package api

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"time"
	"unsafe"

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

// keyBytes is the cache key of a request as appendAnswerKey writes it, in
// a buffer of the caller's: a cache hit looks its answer up without
// making a string of it.
type keyBytes struct {
	b          []byte
	start, end int // the canonical URI is b[start:end]
	csv        bool
	valid      bool // false when the query does not parse; b is empty then
}

// appendAnswerKey appends the cache key of r under version to b.
func (s *Server) appendAnswerKey(b []byte, r *http.Request, version string) keyBytes {
	k := keyBytes{csv: acceptsCSV(r)}
	query, ok := canonicalQuery(r.URL.RawQuery)
	if !ok {
		return k
	}
	var scheme string
	if s.opts.BaseURL == "" {
		scheme = s.scheme(r)
	}
	b = append(b, version...)
	b = append(b, 0)
	k.start = len(b)
	b = append(b, r.URL.Path...)
	if query != "" {
		b = append(b, '?')
		b = append(b, query...)
	}
	k.end = len(b)
	b = append(b, 0, flag(k.csv), flag(acceptsGzip(r)))
	if scheme != "" {
		b = append(b, 0)
		b = append(b, scheme...)
		b = append(b, r.Host...)
	}
	k.b, k.valid = b, true
	return k
}

// answerKey returns the answer key of r under version whose bytes are k.
func (k keyBytes) answerKey(r *http.Request, version string) *answerKey {
	a := &answerKey{version: version, csv: k.csv, valid: k.valid}
	if !k.valid {
		a.uri = r.URL.RequestURI()
		return a
	}
	a.key = string(k.b)
	a.uri = a.key[k.start:k.end]
	return a
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
	return s.appendAnswerKey(nil, req, version).answerKey(req, version), nil
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

// ServeHTTP serves a request. A read whose answer is a release file
// (release.go) or is in the response cache is answered here, before Echo's
// router and middleware, with what they would have given it (see
// serveHit); any other request goes to Echo.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if (s.answers == nil && s.releases == nil) || !isRead(r) {
		s.Echo.ServeHTTP(w, r)
		return
	}
	start := time.Now()
	version, err := s.dataVersion(r.Context())
	if err != nil {
		s.Echo.ServeHTTP(w, r) // the middleware meets the error again and answers it
		return
	}
	var buf [keyBuffer]byte
	k := s.appendAnswerKey(buf[:0], r, version)
	if s.serveRelease(w, r, k, version, start) {
		return
	}
	if k.valid && s.answers != nil {
		if a, ok := s.answers.get(k.b); ok && s.allow(r) {
			s.answers.hits.Inc()
			s.serveHit(w, r, a, nil, start)
			return
		} else if !ok {
			s.answers.misses.Inc()
		} // else rate limited: Echo's limiter refuses it with the problem document
	}
	ctx := context.WithValue(r.Context(), answerKeyContext{}, k.answerKey(r, version))
	s.Echo.ServeHTTP(w, r.WithContext(ctx))
}

// keyBuffer is the room for a cache key on the stack of ServeHTTP: enough
// for the questions of clients, which a longer one only moves to the heap.
const keyBuffer = 256

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
// holds the ETag (or, without If-None-Match, If-Modified-Since is not
// before its Last-Modified), the access log line and the metrics. src is
// an open descriptor of a's file to send it from, or nil (sendBody).
func (s *Server) serveHit(w http.ResponseWriter, r *http.Request, a *answer, src *os.File, start time.Time) {
	h := w.Header()
	id := s.requestID(r)
	h[headerRequestID] = id
	if firstValue(r.Header, echo.HeaderOrigin) != "" {
		h[echo.HeaderAccessControlAllowOrigin] = corsAllowOrigin
		h[echo.HeaderAccessControlExposeHeaders] = corsExposeHeaders
	}
	status, size := http.StatusOK, 0
	if a.notModifiedFor(r) {
		status = http.StatusNotModified
		copyHeader(h, a.notModified)
		w.WriteHeader(status)
	} else {
		copyHeader(h, a.header)
		size = sendBody(w, r, a, src)
	}
	now := time.Now()
	latency := now.Sub(start)
	if r.Method == http.MethodGet && status == http.StatusOK {
		a.observeGet.Observe(latency.Seconds())
	} else {
		s.observe(r.Method, a.route, status, latency)
	}
	s.logRequest(r.Context(), now, middleware.RequestLoggerValues{
		RequestID: id[0], Method: r.Method, URI: r.RequestURI, Status: status,
		ResponseSize: int64(size), Latency: latency, RemoteIP: s.Echo.IPExtractor(r), UserAgent: firstValue(r.Header, headerUserAgent),
	})
}

// notModifiedFor reports whether r has a's representation already: its
// If-None-Match holds a's ETag or, without If-None-Match, its
// If-Modified-Since is not before a's Last-Modified (RFC 9110 §13.2.2).
func (a *answer) notModifiedFor(r *http.Request) bool {
	inm := firstValue(r.Header, headerIfNoneMatch)
	if inm != "" || a.lastModified.IsZero() {
		return etagMatch(inm, a.etag)
	}
	since, err := http.ParseTime(firstValue(r.Header, headerIfModifiedSince))
	return err == nil && !a.lastModified.Truncate(time.Second).After(since)
}

// requestID is the X-Request-Id of the answer to r, as Echo's RequestID
// middleware gives it: the client's own, or a new one.
func (s *Server) requestID(r *http.Request) []string {
	switch v := r.Header[headerRequestID]; {
	case len(v) == 1 && v[0] != "":
		return v // shared, not copied: nothing changes a header after serveHit
	case len(v) > 1 && v[0] != "":
		return []string{v[0]}
	}
	return s.ids.header()
}

// Header names in their canonical form, read from the map without
// canonicalising them again (Header.Get would, on every request).
const (
	headerRequestID       = "X-Request-Id" // echo.HeaderXRequestID, canonical
	headerIfNoneMatch     = "If-None-Match"
	headerIfModifiedSince = "If-Modified-Since"
	headerUserAgent       = "User-Agent"
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

// requestIDs makes the ids of requests: 32 hexadecimal digits, the first
// 16 drawn at random when the server starts and the last 16 a count of
// its requests. They are unique within a server and, with a probability
// of one in 2^64 for each pair, across servers; and they cost a cache hit
// no random numbers.
type requestIDs struct {
	prefix [16]byte
	count  atomic.Uint64
}

// newRequestIDs returns the ids of a server that starts.
func newRequestIDs() *requestIDs {
	g := &requestIDs{}
	appendHex16(g.prefix[:0], rand.Uint64())
	return g
}

// appendHex16 appends v as 16 hexadecimal digits.
func appendHex16(b []byte, v uint64) []byte {
	const digits = "0123456789abcdef"
	for shift := 60; shift >= 0; shift -= 4 {
		b = append(b, digits[v>>shift&0xF])
	}
	return b
}

// next returns a new id (Echo's RequestID generator).
func (g *requestIDs) next() string { return g.header()[0] }

// requestID is an X-Request-Id field whose one value is a request id, in
// one allocation with the digits of the id.
type requestID struct {
	value  [1]string
	digits [32]byte
}

// header returns the X-Request-Id field of a new id. The value and its
// digits are one allocation, not two: the field is made for every cache
// hit, which allocates nothing else.
func (g *requestIDs) header() []string {
	id := &requestID{}
	copy(id.digits[:], g.prefix[:])
	appendHex16(id.digits[16:16], g.count.Add(1))
	id.value[0] = unsafe.String(&id.digits[0], len(id.digits)) // the digits are not written again
	return id.value[:]
}
