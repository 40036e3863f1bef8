package api_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gongkai/gongkai/api"
	"github.com/gongkai/gongkai/db"
)

// discardWriter is a response writer that keeps nothing, reused from one
// request to the next, so that a benchmark counts the server's own work.
type discardWriter struct {
	header http.Header
	status int
}

func (w *discardWriter) Header() http.Header         { return w.header }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(status int)      { w.status = status }

// BenchmarkCacheHit measures the answer of a repeated question, from the
// request to the bytes handed to the connection (no network): the cache
// lookup, the headers, the access log line (JSON, discarded, written as
// gongkai serve writes it) and the metrics, identity and gzip.
func BenchmarkCacheHit(b *testing.B) {
	d, err := db.Open(context.Background(), sampleDB, true)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	srv := api.New(d, api.Options{AccessLog: io.Discard})
	for _, enc := range []string{"identity", "gzip"} {
		b.Run(enc, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, "/v1/observations?indicator=requests.received&publisher=370403", nil)
			req.Header.Set("Accept-Encoding", enc)
			w := &discardWriter{header: http.Header{}}
			srv.ServeHTTP(w, req) // the miss that fills the cache
			b.ReportAllocs()
			for b.Loop() {
				clear(w.header)
				srv.ServeHTTP(w, req)
			}
			if w.status != http.StatusOK || w.header.Get("ETag") == "" {
				b.Fatalf("status %d, ETag %q", w.status, w.header.Get("ETag"))
			}
		})
	}
}
