package api_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/gongkai/gongkai/api"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/check"
	"github.com/gongkai/gongkai/db"
	"github.com/gongkai/gongkai/ingest"
)

// cacheCount returns the response cache's count of result (hit, miss).
func cacheCount(t *testing.T, reg *prometheus.Registry, result string) float64 {
	t.Helper()
	return metricOf(t, reg, "gongkai_response_cache_requests_total", "result", result).GetCounter().GetValue()
}

// metricOf returns the metric of reg named name whose labels include the
// given pairs of name and value; nil (whose values read as zero) when
// there is none.
func metricOf(t *testing.T, reg *prometheus.Registry, name string, labels ...string) *dto.Metric {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			if hasLabels(m, labels) {
				return m
			}
		}
	}
	return nil
}

// hasLabels reports whether m has every pair of name and value in labels.
func hasLabels(m *dto.Metric, labels []string) bool {
	have := map[string]string{}
	for _, l := range m.GetLabel() {
		have[l.GetName()] = l.GetValue()
	}
	for i := 0; i+1 < len(labels); i += 2 {
		if have[labels[i]] != labels[i+1] {
			return false
		}
	}
	return true
}

// rawGet requests path with the given headers (pairs) and returns the
// answer with its body as sent, not decompressed.
func rawGet(t *testing.T, ts *testServer, path string, headers ...string) (*http.Response, []byte) {
	t.Helper()
	// the transport would otherwise ask for gzip and decompress
	_, resp := ts.do(t, path, append([]string{"Accept-Encoding", "identity"}, headers...)...)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestResponseCache(t *testing.T) {
	reg := prometheus.NewRegistry()
	ts := newTestServer(t, api.Options{Registry: reg})
	const path = "/v1/observations?template=legacy2014&year=2017"

	first, plain := rawGet(t, ts, path)
	if first.StatusCode != http.StatusOK || len(plain) == 0 {
		t.Fatalf("status %d, %d bytes", first.StatusCode, len(plain))
	}
	again, body := rawGet(t, ts, path)
	if hits := cacheCount(t, reg, "hit"); hits != 1 {
		t.Errorf("the same question asked twice: %v cache hits, want 1", hits)
	}
	if !bytes.Equal(body, plain) || again.Header.Get("ETag") != first.Header.Get("ETag") ||
		again.Header.Get("Content-Type") != first.Header.Get("Content-Type") {
		t.Errorf("the cached answer differs: ETag %q, type %q, %d bytes; first %q, %q, %d bytes",
			again.Header.Get("ETag"), again.Header.Get("Content-Type"), len(body),
			first.Header.Get("ETag"), first.Header.Get("Content-Type"), len(plain))
	}

	t.Run("gzip is kept and served as compressed bytes", func(t *testing.T) {
		rawGet(t, ts, path, "Accept-Encoding", "gzip")
		before := cacheCount(t, reg, "hit")
		resp, gz := rawGet(t, ts, path, "Accept-Encoding", "gzip")
		if cacheCount(t, reg, "hit") != before+1 {
			t.Error("the gzip answer was not served from the cache")
		}
		if resp.Header.Get("Content-Encoding") != "gzip" || resp.ContentLength != int64(len(gz)) {
			t.Fatalf("Content-Encoding %q, Content-Length %d for %d bytes",
				resp.Header.Get("Content-Encoding"), resp.ContentLength, len(gz))
		}
		if !bytes.Equal(gunzip(t, gz), plain) {
			t.Error("the gzip answer does not decompress to the identity answer")
		}
	})
	t.Run("a cached answer is revalidated with 304", func(t *testing.T) {
		resp, body := rawGet(t, ts, path, "If-None-Match", first.Header.Get("ETag"))
		if resp.StatusCode != http.StatusNotModified || len(body) != 0 || resp.Header.Get("ETag") != first.Header.Get("ETag") {
			t.Errorf("status %d, %d bytes, ETag %q", resp.StatusCode, len(body), resp.Header.Get("ETag"))
		}
	})
	t.Run("the same question with its parameters in another order", func(t *testing.T) {
		before := cacheCount(t, reg, "hit")
		resp, body := rawGet(t, ts, "/v1/observations?year=2017&template=legacy2014")
		if cacheCount(t, reg, "hit") != before+1 || !bytes.Equal(body, plain) || resp.Header.Get("ETag") != first.Header.Get("ETag") {
			t.Errorf("not answered from the cache with the same ETag: %q", resp.Header.Get("ETag"))
		}
	})
	t.Run("CSV by Accept is another representation", func(t *testing.T) {
		resp, body := rawGet(t, ts, path, "Accept", "text/csv")
		if !bytes.HasPrefix(body, []byte("indicator,indicator_name,")) || resp.Header.Get("ETag") == first.Header.Get("ETag") {
			t.Errorf("ETag %q, body %.60q", resp.Header.Get("ETag"), body)
		}
	})
	t.Run("CORS headers belong to each request", func(t *testing.T) {
		resp, _ := rawGet(t, ts, path, "Origin", "https://dashboard.example.org")
		if resp.Header.Get("Access-Control-Allow-Origin") != "*" || resp.Header.Get("X-Request-Id") == "" {
			t.Errorf("Access-Control-Allow-Origin %q, X-Request-Id %q",
				resp.Header.Get("Access-Control-Allow-Origin"), resp.Header.Get("X-Request-Id"))
		}
		resp, _ = rawGet(t, ts, path)
		if resp.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Error("a CORS header of another request was replayed")
		}
	})
}

// TestResponseCacheBound: an answer larger than an eighth of the cache
// streams whole, every time, without being kept.
func TestResponseCacheBound(t *testing.T) {
	reg := prometheus.NewRegistry()
	ts := newTestServer(t, api.Options{Registry: reg, CacheBytes: 16 << 10})
	const path = "/v1/observations?format=csv"
	_, first := rawGet(t, ts, path)
	_, second := rawGet(t, ts, path)
	if len(first) <= 2<<10 || !bytes.Equal(first, second) {
		t.Fatalf("%d and %d bytes", len(first), len(second))
	}
	if hits := cacheCount(t, reg, "hit"); hits != 0 {
		t.Errorf("%v hits for an answer larger than the bound", hits)
	}
}

// sampleCopy copies the sample database into a file name of a temporary
// directory, for a test that writes into the database it serves.
func sampleCopy(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	b, err := os.ReadFile(sampleDB)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestResponseCacheFollowsIngest: a report stored by another writer into
// the file being served shows in the answers once the version was read
// again, with a new ETag, though the old answer was cached.
func TestResponseCacheFollowsIngest(t *testing.T) {
	path := sampleCopy(t, "gongkai.db")
	ts := newTestServerOn(t, path, api.Options{})
	var before, after api.Dataset
	old := ts.getJSON(t, "/v1", http.StatusOK, &before)
	ts.getJSON(t, "/v1", http.StatusOK, &before) // cached now

	storeReport(t, path, "../testdata/series/xuecheng-2019.txt")
	time.Sleep(api.DefaultVersionTTL + 50*time.Millisecond)

	resp := ts.getJSON(t, "/v1", http.StatusOK, &after)
	if after.Reports != before.Reports+1 || after.Observations <= before.Observations || after.Version == before.Version {
		t.Errorf("after an ingest: %d reports, %d observations, version %s; before %d, %d, %s",
			after.Reports, after.Observations, after.Version, before.Reports, before.Observations, before.Version)
	}
	if resp.Header.Get("ETag") == old.Header.Get("ETag") {
		t.Error("the ETag did not follow the data")
	}
	if resp, _ := ts.get(t, "/v1", "If-None-Match", old.Header.Get("ETag")); resp.StatusCode != http.StatusOK {
		t.Errorf("the old ETag is answered %d, want 200", resp.StatusCode)
	}
}

// storeReport parses file and stores it into the database at path through
// a connection of its own, as gongkai ingest in another process would.
func storeReport(t *testing.T, path, file string) {
	t.Helper()
	ctx := context.Background()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	r, err := ingest.Parse(filepath.Base(file), b)
	if err != nil {
		t.Fatal(err)
	}
	w, err := db.Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	prev, err := w.PreviousReport(ctx, r.Publisher.ID, r.Year)
	if err != nil {
		t.Fatal(err)
	}
	check.Apply(r, catalog.MustRules(), prev)
	if _, err := w.StoreReport(ctx, r, db.StoreOptions{}); err != nil {
		t.Fatal(err)
	}
}
