package api_test

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/api"
)

// TestReleaseFile: the whole dataset as CSV is kept as a file by its first
// download, and the next downloads are sent from the file, in identity and
// gzip, with the bytes, ETag and headers of the streamed answer, a
// Last-Modified, 304 for either validator; a CSV with a limit makes no
// file; and an ingest into the database removes the files of the old
// version.
func TestReleaseFile(t *testing.T) {
	path := sampleCopy(t, "gongkai.db")
	dir := filepath.Join(t.TempDir(), "release")
	ts := newTestServerOn(t, path, api.Options{ReleaseDir: dir, CacheBytes: -1})
	const all = "/v1/observations?format=csv"

	rawGet(t, ts, "/v1/observations?format=csv&limit=10")
	rawGet(t, ts, "/v1/observations?format=csv&year=2017&sort=-value")
	if files := releaseFiles(t, dir); len(files) != 0 {
		t.Errorf("a CSV with a limit or a sort made release files %v", files)
	}
	streamed, want := rawGet(t, ts, all)
	if streamed.StatusCode != http.StatusOK || bytes.Count(want, []byte("\r\n")) < 10 {
		t.Fatalf("the CSV of everything: %d, %d bytes", streamed.StatusCode, len(want))
	}
	csvFile := waitForRelease(t, dir, ".csv")
	if got, _ := os.ReadFile(csvFile); !bytes.Equal(got, want) {
		t.Fatalf("the release file holds %d bytes, the answer was %d", len(got), len(want))
	}
	waitForRelease(t, dir, ".csv.gz")

	for _, tt := range []struct {
		name    string
		headers []string
		gzip    bool
	}{
		{"identity", nil, false},
		{"gzip", []string{"Accept-Encoding", "gzip"}, true},
	} {
		resp, body := rawGet(t, ts, all, tt.headers...)
		if tt.gzip {
			if resp.Header.Get("Content-Encoding") != "gzip" {
				t.Fatalf("%s: Content-Encoding %q", tt.name, resp.Header.Get("Content-Encoding"))
			}
			body = gunzip(t, body)
		}
		if resp.StatusCode != http.StatusOK || !bytes.Equal(body, want) {
			t.Errorf("%s: %d, %d bytes, want the %d of the streamed answer", tt.name, resp.StatusCode, len(body), len(want))
		}
		for _, name := range []string{"ETag", "Content-Type", "Content-Disposition", "Cache-Control"} {
			if got, w := resp.Header.Get(name), streamed.Header.Get(name); got != w || got == "" {
				t.Errorf("%s: %s %q, the streamed answer had %q", tt.name, name, got, w)
			}
		}
		if resp.Header.Get("Last-Modified") == "" {
			t.Errorf("%s: no Last-Modified", tt.name)
		}
	}

	// Sent from the file: what the file holds is what is sent.
	marked := bytes.Replace(want, []byte("indicator"), []byte("INDICATOR"), 1)
	if err := os.WriteFile(csvFile, marked, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, body := rawGet(t, ts, all); !bytes.HasPrefix(body, []byte("INDICATOR,")) {
		t.Errorf("the answer does not come from the release file: %.40q", body)
	}
	if err := os.WriteFile(csvFile, want, 0o644); err != nil {
		t.Fatal(err)
	}

	resp, _ := rawGet(t, ts, all)
	if r, _ := rawGet(t, ts, all, "If-None-Match", resp.Header.Get("ETag")); r.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match of its ETag: %d, want 304", r.StatusCode)
	}
	if r, _ := rawGet(t, ts, all, "If-Modified-Since", resp.Header.Get("Last-Modified")); r.StatusCode != http.StatusNotModified {
		t.Errorf("If-Modified-Since its Last-Modified: %d, want 304", r.StatusCode)
	}
	if head := rawHead(t, ts, all); head.StatusCode != http.StatusOK || head.ContentLength != int64(len(want)) {
		t.Errorf("HEAD: %d, length %d, want %d", head.StatusCode, head.ContentLength, len(want))
	}
	if _, en := rawGet(t, ts, all+"&lang=en"); bytes.Equal(en, want) {
		t.Error("lang=en gives the Chinese names")
	}

	storeReport(t, path, "../testdata/series/xuecheng-2019.txt")
	time.Sleep(api.DefaultVersionTTL + 50*time.Millisecond)
	_, after := rawGet(t, ts, all)
	if len(after) <= len(want) {
		t.Errorf("after an ingest: %d bytes, before %d", len(after), len(want))
	}
	for _, f := range releaseFiles(t, dir) {
		if _, err := os.Stat(f); err == nil && (f == csvFile || f == csvFile+".gz") {
			t.Errorf("%s of the old version still there", f)
		}
	}
}

// TestFilteredReleaseFile: a filtered export as CSV is kept as a file by
// its first download too, and the next downloads of the same filter, its
// parameters in any order, are sent from it with the streamed answer's
// bytes and headers (its file name from the filters among them), in
// identity and gzip; another filter is another file.
func TestFilteredReleaseFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "release")
	ts := newTestServer(t, api.Options{ReleaseDir: dir, CacheBytes: -1})
	const filtered = "/v1/observations?format=csv&year=2017&indicator=requests.received"
	streamed, want := rawGet(t, ts, filtered)
	if streamed.StatusCode != http.StatusOK || bytes.Count(want, []byte("\r\n")) < 2 {
		t.Fatalf("the CSV of a filter: %d, %d bytes", streamed.StatusCode, len(want))
	}
	if !strings.Contains(streamed.Header.Get("Content-Disposition"), "indicator-requests.received_year-2017") {
		t.Errorf("Content-Disposition %q does not name the filter", streamed.Header.Get("Content-Disposition"))
	}
	csvFile := waitForRelease(t, dir, ".csv")
	if got, _ := os.ReadFile(csvFile); !bytes.Equal(got, want) {
		t.Fatalf("the release file holds %d bytes, the answer was %d", len(got), len(want))
	}
	waitForRelease(t, dir, ".csv.gz")
	marked := bytes.Replace(want, []byte("indicator"), []byte("INDICATOR"), 1) // what the file holds is what is sent
	if err := os.WriteFile(csvFile, marked, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{filtered, "/v1/observations?indicator=requests.received&year=2017&format=csv"} {
		resp, body := rawGet(t, ts, path)
		if resp.StatusCode != http.StatusOK || !bytes.Equal(body, marked) {
			t.Errorf("%s: %d, %.20q (%d bytes), not from the release file", path, resp.StatusCode, body, len(body))
		}
		for _, name := range []string{"ETag", "Content-Type", "Content-Disposition", "Cache-Control"} {
			if got, w := resp.Header.Get(name), streamed.Header.Get(name); got != w || got == "" {
				t.Errorf("%s: %s %q, the streamed answer had %q", path, name, got, w)
			}
		}
	}
	resp, body := rawGet(t, ts, filtered, "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" || !bytes.Equal(gunzip(t, body), want) {
		t.Errorf("gzip: Content-Encoding %q, not the streamed answer", resp.Header.Get("Content-Encoding"))
	}
	if _, other := rawGet(t, ts, "/v1/observations?format=csv&year=2018&indicator=requests.received"); bytes.Equal(other, want) || len(other) == 0 {
		t.Errorf("another filter: %d bytes, the first filter's", len(other))
	}
}

// releaseFiles are the files in dir, temporary ones included.
func releaseFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	hidden, _ := filepath.Glob(filepath.Join(dir, ".*"))
	return append(files, hidden...)
}

// waitForRelease waits for the one release file of dir whose name ends in
// suffix (a gzip copy is made in the background) and returns its path.
func waitForRelease(t *testing.T, dir, suffix string) string {
	t.Helper()
	for range 600 {
		var found []string
		for _, f := range releaseFiles(t, dir) {
			if base := filepath.Base(f); strings.HasSuffix(base, suffix) && !strings.HasPrefix(base, ".") {
				found = append(found, f)
			}
		}
		if len(found) == 1 {
			return found[0]
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no release file *%s in %s: %v", suffix, dir, releaseFiles(t, dir))
	return ""
}
