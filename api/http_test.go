package api_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/api"
	"github.com/gongkai/gongkai/db"
)

func TestConditionalRequests(t *testing.T) {
	ts := newTestServer(t, api.Options{})
	path := "/v1/observations?indicator=requests.received"
	resp, _ := ts.get(t, path)
	etag := resp.Header.Get("ETag")
	if !strings.HasPrefix(etag, `W/"`) || resp.Header.Get("Cache-Control") != "public, max-age=300" {
		t.Fatalf("ETag %q, Cache-Control %q", etag, resp.Header.Get("Cache-Control"))
	}
	for _, tt := range []struct {
		name, path, ifNoneMatch string
		status                  int
	}{
		{"the same answer is not sent again", path, etag, http.StatusNotModified},
		{"a strong form of the tag matches too", path, strings.TrimPrefix(etag, "W/"), http.StatusNotModified},
		{"one of several tags", path, `"other", ` + etag, http.StatusNotModified},
		{"another query has another tag", path + "&year=2017", etag, http.StatusOK},
		{"a stale tag", path, `W/"stale"`, http.StatusOK},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := ts.get(t, tt.path, "If-None-Match", tt.ifNoneMatch)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if tt.status == http.StatusNotModified && (len(body) != 0 || resp.Header.Get("ETag") != etag) {
				t.Errorf("304 with %d bytes, ETag %q", len(body), resp.Header.Get("ETag"))
			}
		})
	}
	t.Run("CSV by Accept has its own tag", func(t *testing.T) {
		resp, _ := ts.get(t, path, "Accept", "text/csv", "If-None-Match", etag)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("status %d, want 200", resp.StatusCode)
		}
	})
}

func TestCORSAndCompression(t *testing.T) {
	ts := newTestServer(t, api.Options{})
	resp, _ := ts.get(t, "/v1/indicators", "Origin", "https://dashboard.example.org", "Accept-Encoding", "gzip")
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "*" {
		t.Errorf("Access-Control-Allow-Origin %q, want *", got)
	}
	if !strings.Contains(resp.Header.Get("Access-Control-Expose-Headers"), "Link") {
		t.Errorf("Link is not exposed: %q", resp.Header.Get("Access-Control-Expose-Headers"))
	}
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Errorf("Content-Encoding %q, want gzip", resp.Header.Get("Content-Encoding"))
	}
	if resp.Header.Get("X-Request-Id") == "" {
		t.Error("no X-Request-Id")
	}

	pre := preflight(t, ts, "/v1/observations")
	if pre.StatusCode != http.StatusNoContent || !strings.Contains(pre.Header.Get("Access-Control-Allow-Methods"), "GET") {
		t.Errorf("preflight: %d, methods %q", pre.StatusCode, pre.Header.Get("Access-Control-Allow-Methods"))
	}
}

// Walking the next links visits every observation once, in every order.
func TestPaginationWalksAllRows(t *testing.T) {
	ts := newTestServer(t, api.Options{})
	for _, sort := range []string{"", "&sort=-value", "&sort=indicator,-year", "&sort=value,publisher"} {
		t.Run("sort"+sort, func(t *testing.T) {
			seen := map[string]bool{}
			next := "/v1/observations?limit=7" + sort
			pages := 0
			for next != "" {
				var list api.ObservationList
				resp := ts.getJSON(t, next, http.StatusOK, &list)
				if list.Total != 76 || list.Limit != 7 {
					t.Fatalf("total %d, limit %d", list.Total, list.Limit)
				}
				for _, o := range list.Data {
					key := o.Indicator + "/" + o.Breakdown + "/" + o.PublisherID
					if seen[key] {
						t.Fatalf("%s twice", key)
					}
					seen[key] = true
				}
				if link := resp.Header.Get("Link"); (link != "") != (list.Next != "") ||
					link != "" && link != "<"+list.Next+`>; rel="next"` {
					t.Fatalf("Link %q, next %q", link, list.Next)
				}
				next = strings.TrimPrefix(list.Next, ts.URL)
				if pages++; pages > 20 {
					t.Fatal("more than 20 pages")
				}
			}
			if len(seen) != 76 || pages != 11 {
				t.Errorf("%d observations in %d pages, want 76 in 11", len(seen), pages)
			}
		})
	}
	t.Run("a cursor of another query is refused", func(t *testing.T) {
		var list api.ObservationList
		ts.getJSON(t, "/v1/observations?limit=7", http.StatusOK, &list)
		var p api.Problem
		ts.getJSON(t, "/v1/observations?limit=7&year=2017&cursor="+list.NextCursor, http.StatusBadRequest, &p)
		if p.Param != "cursor" {
			t.Errorf("problem %+v, want one naming cursor", p)
		}
	})
	t.Run("publishers and reports page the same way", func(t *testing.T) {
		for _, path := range []string{"/v1/publishers?limit=1", "/v1/reports?limit=1"} {
			var list struct {
				api.Page
				Data []any `json:"data"`
			}
			ts.getJSON(t, path, http.StatusOK, &list)
			if list.Total != 1 || len(list.Data) != 1 || list.Next != "" {
				t.Errorf("%s: %+v", path, list.Page)
			}
		}
	})
}

func TestRateLimit(t *testing.T) {
	ts := newTestServer(t, api.Options{RateLimit: 1, RateBurst: 2})
	var statuses []int
	var last *http.Response
	for range 3 {
		resp, _ := ts.get(t, "/v1/units")
		statuses = append(statuses, resp.StatusCode)
		last = resp
	}
	if statuses[0] != 200 || statuses[1] != 200 || statuses[2] != http.StatusTooManyRequests {
		t.Fatalf("statuses %v, want 200 200 429", statuses)
	}
	if last.Header.Get("Retry-After") != "1" || last.Header.Get("Content-Type") != "application/problem+json" {
		t.Errorf("429 with Retry-After %q, Content-Type %q", last.Header.Get("Retry-After"), last.Header.Get("Content-Type"))
	}
	if resp, _ := ts.get(t, "/healthz"); resp.StatusCode != http.StatusOK {
		t.Errorf("health check limited: %d", resp.StatusCode)
	}
}

// A failing database gives a plain 500 problem: no SQL, no path, no Go error.
func TestInternalErrorsAreNotShown(t *testing.T) {
	d, err := db.Open(context.Background(), sampleDB, true)
	if err != nil {
		t.Fatal(err)
	}
	var logged strings.Builder
	srv := api.New(d, api.Options{Logger: slog.New(slog.NewTextHandler(&logged, nil))})
	d.Close() // every query now fails
	ts := httptest.NewServer(srv)
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/v1/units")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 500 || resp.Header.Get("Content-Type") != "application/problem+json" {
		t.Fatalf("status %d, Content-Type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for _, leak := range []string{"sql", "database", sampleDB, ".go"} {
		if strings.Contains(strings.ToLower(string(body)), strings.ToLower(leak)) {
			t.Errorf("the answer shows %q: %s", leak, body)
		}
	}
	if !strings.Contains(logged.String(), "sql: database is closed") {
		t.Errorf("the error is not logged:\n%s", logged.String())
	}
}

func TestHeadAndTrailingSlash(t *testing.T) {
	ts := newTestServer(t, api.Options{})
	resp, err := ts.Client().Head(ts.URL + "/v1/units")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("ETag") == "" {
		t.Errorf("HEAD: %d, ETag %q", resp.StatusCode, resp.Header.Get("ETag"))
	}
	resp, _ = ts.get(t, "/v1/units/")
	if resp.StatusCode != 200 {
		t.Errorf("/v1/units/: %d", resp.StatusCode)
	}
}

// TestErrorsAreAnsweredOnce checks that an error answered with a problem
// document is logged once, as a request, and not again as a failure.
func TestErrorsAreAnsweredOnce(t *testing.T) {
	var logs strings.Builder
	ts := newTestServer(t, api.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	resp, _ := ts.get(t, "/v1/observations?year=abc")
	if resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if n := strings.Count(logs.String(), "\n"); n != 1 || strings.Contains(logs.String(), "failed") {
		t.Errorf("%d log lines, want the access log only:\n%s", n, logs.String())
	}
}
