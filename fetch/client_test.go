package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// testClock moves only when the client sleeps, and records the sleeps.
type testClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	c.slept = append(c.slept, d)
	return ctx.Err()
}

// newTestClient is a client with a cache in a temporary directory and the
// test clock; opt's other fields are kept.
func newTestClient(t *testing.T, opt Options) (*Client, *testClock) {
	t.Helper()
	cache, err := OpenCache(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	clock := &testClock{now: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)}
	opt.Now, opt.Sleep = clock.Now, clock.Sleep
	return NewClient(cache, opt), clock
}

// site serves handlers by path; robots.txt is missing unless given.
func site(t *testing.T, handlers map[string]http.HandlerFunc) *httptest.Server {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := handlers[r.URL.Path]; ok {
			h(w, r)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func TestClientRetries(t *testing.T) {
	tries := 0
	s := site(t, map[string]http.HandlerFunc{"/busy.html": func(w http.ResponseWriter, r *http.Request) {
		tries++
		http.Error(w, "busy", http.StatusServiceUnavailable)
	}})
	c, clock := newTestClient(t, Options{Delay: time.Second})
	_, err := c.Get(context.Background(), s.URL+"/busy.html")
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != http.StatusServiceUnavailable {
		t.Fatalf("err = %v, want HTTP 503", err)
	}
	if tries != 4 {
		t.Errorf("%d tries, want 1 and 3 retries", tries)
	}
	// The delay after robots.txt, then backoffs of 2 s, 4 s, 8 s (longer than the delay).
	if want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second}; !equalDurations(clock.slept, want) {
		t.Errorf("slept %v, want %v", clock.slept, want)
	}
}

func TestClientRetryAfterTooLong(t *testing.T) {
	s := site(t, map[string]http.HandlerFunc{"/busy.html": func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		http.Error(w, "come back later", http.StatusTooManyRequests)
	}})
	c, clock := newTestClient(t, Options{MaxRetryWait: time.Minute})
	_, err := c.Get(context.Background(), s.URL+"/busy.html")
	if err == nil || !strings.Contains(err.Error(), "retry after 1h0m0s") {
		t.Errorf("err = %v, want the Retry-After named", err)
	}
	for _, d := range clock.slept {
		if d >= time.Minute {
			t.Errorf("slept %v before giving up", d)
		}
	}
}

func TestClientSizeLimit(t *testing.T) {
	big := strings.Repeat("年度报告", 100)
	s := site(t, map[string]http.HandlerFunc{
		"/known.pdf": func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(big)) },
		"/streamed.pdf": func(w http.ResponseWriter, r *http.Request) {
			for range 10 {
				w.Write([]byte(big[:120]))
				w.(http.Flusher).Flush() // no Content-Length
			}
		},
	})
	c, _ := newTestClient(t, Options{MaxSize: 1000})
	for _, path := range []string{"/known.pdf", "/streamed.pdf"} {
		if _, err := c.Get(context.Background(), s.URL+path); err == nil || !strings.Contains(err.Error(), "limit of 1000") {
			t.Errorf("%s: err = %v, want the size limit", path, err)
		}
	}
}

func TestClientRedirects(t *testing.T) {
	s := site(t, map[string]http.HandlerFunc{
		"/robots.txt": func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("User-agent: *\nDisallow: /private/\n")) },
		"/loop.html": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/loop.html?again", http.StatusFound)
		},
		"/moved.html": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/private/x.html", http.StatusFound) },
	})
	c, _ := newTestClient(t, Options{MaxRedirects: 3})
	if _, err := c.Get(context.Background(), s.URL+"/loop.html"); err == nil || !strings.Contains(err.Error(), "more than 3 redirects") {
		t.Errorf("a redirect loop: err = %v", err)
	}
	var de *DisallowedError
	if _, err := c.Get(context.Background(), s.URL+"/moved.html"); !errors.As(err, &de) {
		t.Errorf("a redirect into a disallowed path: err = %v, want it disallowed", err)
	}
}

func TestClientRobots(t *testing.T) {
	t.Run("a robots.txt that cannot be read forbids everything", func(t *testing.T) {
		s := site(t, map[string]http.HandlerFunc{
			"/robots.txt": func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusInternalServerError) },
			"/a.html":     func(w http.ResponseWriter, r *http.Request) { t.Error("a.html was requested") },
		})
		c, _ := newTestClient(t, Options{Retries: -1})
		if _, err := c.Get(context.Background(), s.URL+"/a.html"); err == nil || !strings.Contains(err.Error(), "robots.txt cannot be read (") ||
			!strings.Contains(err.Error(), "HTTP 500") {
			t.Errorf("err = %v, want robots.txt named as unreadable", err)
		}
	})
	t.Run("a robots.txt that moved is followed", func(t *testing.T) {
		s := site(t, map[string]http.HandlerFunc{
			"/robots.txt": func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, "/new/robots.txt", http.StatusMovedPermanently)
			},
			"/new/robots.txt": func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("User-agent: *\nDisallow: /private/\n")) },
			"/private/a.html": func(w http.ResponseWriter, r *http.Request) { t.Error("a disallowed page was requested") },
		})
		c, _ := newTestClient(t, Options{})
		var de *DisallowedError
		if _, err := c.Get(context.Background(), s.URL+"/private/a.html"); !errors.As(err, &de) {
			t.Errorf("err = %v, want disallowed", err)
		}
	})
	t.Run("gongkai's group and its Crawl-delay", func(t *testing.T) {
		s := site(t, map[string]http.HandlerFunc{
			"/robots.txt": func(w http.ResponseWriter, r *http.Request) {
				w.Write([]byte("User-agent: *\nDisallow: /\n\nUser-agent: gongkai\nAllow: /\nCrawl-delay: 5\n"))
			},
			"/a.html": func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("a")) },
			"/b.html": func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("b")) },
		})
		c, clock := newTestClient(t, Options{Delay: time.Second})
		for _, p := range []string{"/a.html", "/b.html"} {
			if _, err := c.Get(context.Background(), s.URL+p); err != nil {
				t.Fatal(err)
			}
		}
		// robots.txt, then a.html and b.html, each 5 s after the one before.
		if want := []time.Duration{5 * time.Second, 5 * time.Second}; !equalDurations(clock.slept, want) {
			t.Errorf("slept %v, want %v", clock.slept, want)
		}
	})
}

func TestClientConditional(t *testing.T) {
	const lastMod = "Mon, 03 Feb 2025 08:00:00 GMT"
	var asked []string
	s := site(t, map[string]http.HandlerFunc{"/r.txt": func(w http.ResponseWriter, r *http.Request) {
		asked = append(asked, r.Header.Get("If-Modified-Since"))
		if r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", lastMod)
		w.Write([]byte("收到申请数 13"))
	}})
	c, _ := newTestClient(t, Options{})
	first, err := c.Get(context.Background(), s.URL+"/r.txt")
	if err != nil || first.NotModified {
		t.Fatalf("first: %+v, %v", first, err)
	}
	again, err := c.Get(context.Background(), s.URL+"/r.txt")
	if err != nil || !again.NotModified || string(again.Body) != "收到申请数 13" || again.SHA256 != first.SHA256 {
		t.Fatalf("again: %+v, %v; want the cached bytes confirmed", again, err)
	}
	if len(asked) != 2 || asked[0] != "" || asked[1] != lastMod {
		t.Errorf("If-Modified-Since sent: %q", asked)
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
