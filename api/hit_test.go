package api_test

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/gongkai/gongkai/api"
)

// headersOfAnAnswer are the headers a repeated answer must repeat.
var headersOfAnAnswer = []string{"Content-Type", "Content-Encoding", "Content-Disposition", "Link", "ETag",
	"Cache-Control", "Vary", "Access-Control-Allow-Origin", "Access-Control-Expose-Headers"}

// TestCacheHitAnswersAsTheMiss: a question asked again is answered from the
// cache, before the router, with the bytes and the headers of its first
// answer, in each representation.
func TestCacheHitAnswersAsTheMiss(t *testing.T) {
	const origin = "https://dashboard.example.org"
	for _, tt := range []struct {
		name, path string
		headers    []string
		present    []string // headers the answer must have, so that comparing them means something
	}{
		{"a page of observations", "/v1/observations?template=legacy2014&year=2017", nil,
			[]string{"Content-Type", "ETag", "Cache-Control", "Vary"}},
		{"the same, gzip", "/v1/observations?template=legacy2014&year=2017", []string{"Accept-Encoding", "gzip"},
			[]string{"Content-Encoding", "ETag"}},
		{"a page with a next link", "/v1/observations?limit=7", nil, []string{"Link"}},
		{"CSV asked for by Accept", "/v1/observations?year=2017", []string{"Accept", "text/csv"},
			[]string{"Content-Disposition"}},
		{"CSV by format, gzip", "/v1/observations?format=csv&year=2017", []string{"Accept-Encoding", "gzip"},
			[]string{"Content-Disposition", "Content-Encoding"}},
		{"the catalogue, for a browser of another origin", "/v1/indicators", []string{"Origin", origin, "Accept-Encoding", "gzip"},
			[]string{"Access-Control-Allow-Origin", "Access-Control-Expose-Headers", "Content-Encoding"}},
		{"parameters in another order", "/v1/observations?year=2017&template=legacy2014", nil, []string{"ETag"}},
		{"the home page for people", "/", nil, []string{"Content-Type"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			reg := prometheus.NewRegistry()
			ts := newTestServer(t, api.Options{Registry: reg})
			miss, first := rawGet(t, ts, tt.path, tt.headers...)
			hit, again := rawGet(t, ts, tt.path, tt.headers...)
			if miss.StatusCode != http.StatusOK || hit.StatusCode != http.StatusOK {
				t.Fatalf("statuses %d, %d", miss.StatusCode, hit.StatusCode)
			}
			if hits := cacheCount(t, reg, "hit"); hits != 1 {
				t.Fatalf("%v cache hits, want 1", hits)
			}
			if !bytes.Equal(first, again) || len(first) == 0 {
				t.Errorf("the hit sent %d bytes, the miss %d, not the same", len(again), len(first))
			}
			for _, name := range tt.present {
				if miss.Header.Get(name) == "" {
					t.Errorf("the miss has no %s", name)
				}
			}
			for _, name := range headersOfAnAnswer {
				if m, h := miss.Header.Values(name), hit.Header.Values(name); !slices.Equal(m, h) {
					t.Errorf("%s: the hit sent %q, the miss %q", name, h, m)
				}
			}
			if hit.ContentLength != int64(len(again)) {
				t.Errorf("Content-Length %d for %d bytes", hit.ContentLength, len(again))
			}
			if id := hit.Header.Get("X-Request-Id"); id == "" || id == miss.Header.Get("X-Request-Id") {
				t.Errorf("request ids %q and %q, want two", miss.Header.Get("X-Request-Id"), id)
			}
		})
	}
}

// TestCacheHitRevalidated: a hit with the ETag in If-None-Match is a 304
// with the headers the middleware gives a 304 when nothing is cached.
func TestCacheHitRevalidated(t *testing.T) {
	const path = "/v1/observations?publisher=370403"
	reg := prometheus.NewRegistry()
	ts := newTestServer(t, api.Options{Registry: reg})
	first, _ := rawGet(t, ts, path)
	etag := first.Header.Get("ETag")
	hit, body := rawGet(t, ts, path, "If-None-Match", etag)
	if hit.StatusCode != http.StatusNotModified || len(body) != 0 || cacheCount(t, reg, "hit") != 1 {
		t.Fatalf("status %d, %d bytes, %v hits", hit.StatusCode, len(body), cacheCount(t, reg, "hit"))
	}
	uncached := newTestServer(t, api.Options{CacheBytes: -1})
	want, _ := rawGet(t, uncached, path, "If-None-Match", etag)
	if want.StatusCode != http.StatusNotModified {
		t.Fatalf("without the cache: status %d", want.StatusCode)
	}
	for _, name := range headersOfAnAnswer {
		if w, h := want.Header.Values(name), hit.Header.Values(name); !slices.Equal(w, h) {
			t.Errorf("%s: the hit's 304 sent %q, the uncached 304 %q", name, h, w)
		}
	}
}

// TestCacheHitHead: HEAD of a cached answer has its headers and length, no body.
func TestCacheHitHead(t *testing.T) {
	const path = "/v1/indicators"
	reg := prometheus.NewRegistry()
	ts := newTestServer(t, api.Options{Registry: reg})
	get, body := rawGet(t, ts, path)
	head := rawHead(t, ts, path)
	if head.StatusCode != http.StatusOK || head.ContentLength != int64(len(body)) ||
		head.Header.Get("ETag") != get.Header.Get("ETag") || head.Header.Get("Content-Type") != get.Header.Get("Content-Type") {
		t.Errorf("HEAD: status %d, length %d (GET: %d bytes), ETag %q (GET: %q), type %q",
			head.StatusCode, head.ContentLength, len(body), head.Header.Get("ETag"), get.Header.Get("ETag"), head.Header.Get("Content-Type"))
	}
	if hits := cacheCount(t, reg, "hit"); hits != 1 {
		t.Errorf("%v hits, want the HEAD's", hits)
	}
}

// rawHead sends a HEAD of path, asking for the identity encoding.
func rawHead(t *testing.T, ts *testServer, path string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodHead, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", "identity")
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

// TestCORSPreflightOfACachedAnswer: the preflight of a question whose
// answer is cached is still answered by the CORS middleware.
func TestCORSPreflightOfACachedAnswer(t *testing.T) {
	const path = "/v1/observations?year=2017"
	ts := newTestServer(t, api.Options{})
	rawGet(t, ts, path)
	pre := preflight(t, ts, path)
	if pre.StatusCode != http.StatusNoContent || !strings.Contains(pre.Header.Get("Access-Control-Allow-Methods"), "GET") ||
		pre.Header.Get("Access-Control-Max-Age") != "86400" || pre.Header.Get("ETag") != "" {
		t.Errorf("preflight: %d, methods %q, max age %q, ETag %q", pre.StatusCode,
			pre.Header.Get("Access-Control-Allow-Methods"), pre.Header.Get("Access-Control-Max-Age"), pre.Header.Get("ETag"))
	}
}

// preflight sends the CORS preflight of a GET of path from another origin.
func preflight(t *testing.T, ts *testServer, path string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodOptions, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Origin", "https://dashboard.example.org")
	req.Header.Set("Access-Control-Request-Method", "GET")
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

// TestRateLimitOfCacheHits: answers from the cache count against the
// client's rate like the others, and are refused the same way.
func TestRateLimitOfCacheHits(t *testing.T) {
	reg := prometheus.NewRegistry()
	ts := newTestServer(t, api.Options{Registry: reg, RateLimit: 1, RateBurst: 2})
	var statuses []int
	var last *http.Response
	var body []byte
	for range 3 {
		last, body = rawGet(t, ts, "/v1/units")
		statuses = append(statuses, last.StatusCode)
	}
	if !slices.Equal(statuses, []int{200, 200, 429}) {
		t.Fatalf("statuses %v, want 200 200 429", statuses)
	}
	if hits := cacheCount(t, reg, "hit"); hits != 1 {
		t.Errorf("%v hits, want 1 (the second request)", hits)
	}
	var p api.Problem
	if err := json.Unmarshal(body, &p); err != nil || p.Status != http.StatusTooManyRequests || last.Header.Get("Retry-After") != "1" {
		t.Errorf("429 with Retry-After %q, problem %+v (%v)", last.Header.Get("Retry-After"), p, err)
	}
}

// syncBuffer is a buffer the server's goroutines can log into.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestAccessLogOfCacheHits: an answer from the cache has its access log
// line, with the fields of any other, whether the log goes through the
// Logger or is written directly (AccessLog, as gongkai serve does).
func TestAccessLogOfCacheHits(t *testing.T) {
	const path = "/v1/observations?publisher=370403&year=2017"
	for _, direct := range []bool{false, true} {
		var logs syncBuffer
		opts := api.Options{Registry: prometheus.NewRegistry(), Logger: slog.New(slog.NewJSONHandler(&logs, nil))}
		if direct {
			opts.Logger, opts.AccessLog = nil, &logs
		}
		ts := newTestServer(t, opts)
		miss, body := rawGet(t, ts, path, "User-Agent", "newsroom/1.0")
		hit, _ := rawGet(t, ts, path, "User-Agent", "newsroom/1.0")
		notModified, _ := rawGet(t, ts, path, "User-Agent", "newsroom/1.0", "If-None-Match", miss.Header.Get("ETag"))
		if hits := cacheCount(t, opts.Registry, "hit"); hits != 2 {
			t.Fatalf("%v hits, want 2", hits)
		}
		type line struct {
			Msg, Level, ID, Method, URI, IP string
			UserAgent                       string `json:"user_agent"`
			Status                          int
			Bytes                           int
		}
		var got []line
		eventually(t, func() bool { return strings.Count(logs.String(), "\n") == 3 })
		for s := range strings.Lines(logs.String()) {
			var l line
			if err := json.Unmarshal([]byte(s), &l); err != nil {
				t.Fatalf("%v: %s", err, s)
			}
			got = append(got, l)
		}
		want := []line{
			{"request", "INFO", miss.Header.Get("X-Request-Id"), "GET", path, "127.0.0.1", "newsroom/1.0", 200, len(body)},
			{"request", "INFO", hit.Header.Get("X-Request-Id"), "GET", path, "127.0.0.1", "newsroom/1.0", 200, len(body)},
			{"request", "INFO", notModified.Header.Get("X-Request-Id"), "GET", path, "127.0.0.1", "newsroom/1.0", 304, 0},
		}
		if !slices.Equal(got, want) {
			t.Errorf("access log written directly: %v:\n%+v\nwant\n%+v", direct, got, want)
		}
	}
}

// TestMetricsOfCacheHits: an answer from the cache is counted under its
// route and status like any other.
func TestMetricsOfCacheHits(t *testing.T) {
	reg := prometheus.NewRegistry()
	ts := newTestServer(t, api.Options{Registry: reg})
	for range 3 {
		rawGet(t, ts, "/v1/observations?year=2017")
	}
	eventually(t, func() bool { return requestCount(t, reg, "GET", "/v1/observations", "200") == 3 })
	if hits := cacheCount(t, reg, "hit"); hits != 2 {
		t.Errorf("%v hits, want 2", hits)
	}
}

// requestCount returns the number of requests counted under a method,
// route and status in the metrics.
func requestCount(t *testing.T, reg *prometheus.Registry, method, route, status string) uint64 {
	t.Helper()
	return metricOf(t, reg, "gongkai_http_request_duration_seconds",
		"method", method, "route", route, "status", status).GetHistogram().GetSampleCount()
}

// eventually waits up to two seconds for done to hold: the access log and
// the metrics of a request are written after its answer, which the client
// may have read before.
func eventually(t *testing.T, done func() bool) {
	t.Helper()
	for deadline := time.Now().Add(2 * time.Second); !done(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Error("not done after 2 s")
			return
		}
	}
}

// TestCacheHitKeepsTheScheme: next links are built from the scheme a proxy
// forwards, so an answer asked through a TLS proxy is not served to a
// client asking over plain HTTP, nor the reverse.
func TestCacheHitKeepsTheScheme(t *testing.T) {
	const path = "/v1/observations?limit=7"
	ts := newTestServer(t, api.Options{})
	for range 2 {
		for _, tt := range []struct {
			scheme  string
			headers []string
		}{
			{"https", []string{"X-Forwarded-Proto", "https"}},
			{"http", nil},
			{"https", []string{"X-Forwarded-Ssl", "on"}},
		} {
			resp, _ := rawGet(t, ts, path, tt.headers...)
			if link := resp.Header.Get("Link"); !strings.HasPrefix(link, "<"+tt.scheme+"://") {
				t.Errorf("%v: Link %q, want %s", tt.headers, link, tt.scheme)
			}
		}
	}
}
