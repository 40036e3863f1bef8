package api_test

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/gongkai/gongkai/api"
)

// TestCacheHitSentWithSendfile: answers kept as files are sent from them,
// over a connection kept alive from one answer to the next, with the bytes
// and headers of the miss, in each representation; their files go when
// the server closes.
func TestCacheHitSentWithSendfile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where the server makes the directory of its files
	reg := prometheus.NewRegistry()
	ts := newTestServer(t, api.Options{Registry: reg, SendfileBytes: 1}) // every answer a file
	paths := []struct {
		name, path string
		headers    []string
	}{
		{"a page of observations", "/v1/observations?template=legacy2014&year=2017", nil},
		{"the same, gzip", "/v1/observations?template=legacy2014&year=2017", []string{"Accept-Encoding", "gzip"}},
		{"CSV", "/v1/observations?format=csv&year=2017", nil},
		{"the catalogue", "/v1/indicators", nil},
	}
	misses := map[string]*http.Response{}
	bodies := map[string][]byte{}
	for _, p := range paths {
		misses[p.name], bodies[p.name] = rawGet(t, ts, p.path, p.headers...)
	}
	files, err := filepath.Glob(filepath.Join(tmp, "gongkai-answers-*", "answer-*"))
	if err != nil || len(files) != len(paths) {
		t.Fatalf("%d files of answers (%v), want %d", len(files), err, len(paths))
	}
	for round := range 3 {
		for _, p := range paths {
			hit, body := rawGet(t, ts, p.path, p.headers...)
			miss := misses[p.name]
			if hit.StatusCode != http.StatusOK || !bytes.Equal(body, bodies[p.name]) || len(body) == 0 {
				t.Errorf("%s, round %d: status %d, %d bytes, not the miss's %d", p.name, round, hit.StatusCode, len(body), len(bodies[p.name]))
			}
			if hit.ContentLength != int64(len(body)) {
				t.Errorf("%s: Content-Length %d for %d bytes", p.name, hit.ContentLength, len(body))
			}
			for _, name := range headersOfAnAnswer {
				if m, h := miss.Header.Values(name), hit.Header.Values(name); !slices.Equal(m, h) {
					t.Errorf("%s: %s: the hit sent %q, the miss %q", p.name, name, h, m)
				}
			}
		}
	}
	if hits := cacheCount(t, reg, "hit"); hits != float64(3*len(paths)) {
		t.Errorf("%v hits, want %d", hits, 3*len(paths))
	}
	if head := rawHead(t, ts, paths[0].path); head.StatusCode != http.StatusOK || head.ContentLength != int64(len(bodies[paths[0].name])) {
		t.Errorf("HEAD: status %d, length %d", head.StatusCode, head.ContentLength)
	}
	ts.Close()
	if err := ts.api.Close(); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("%s still there after Close: %v", f, err)
		}
	}
}
