package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// UserAgent names gongkai and where to read about it, so that a site's
// administrators know who is asking and why.
const UserAgent = "gongkai-fetch/1 (+https://github.com/gongkai/gongkai; open data from government information disclosure annual reports)"

// robotsAgent is the name gongkai looks for in robots.txt groups.
const robotsAgent = "gongkai"

// Options tune a Client. The zero value of a field takes the default named
// in its comment.
type Options struct {
	UserAgent    string        // UserAgent
	Delay        time.Duration // between two requests to one host: 1 s; robots.txt's Crawl-delay when longer
	Timeout      time.Duration // per request, body included: 30 s
	Retries      int           // further attempts after a timeout, 429 or 5xx: 3; -1 for none
	Backoff      time.Duration // wait before the first retry, doubled for each next one: 2 s
	MaxRetryWait time.Duration // the longest Retry-After honoured; longer gives up: 5 min
	MaxSize      int64         // bytes per file: 100 MB
	MaxRedirects int           // redirects followed per URL: 5

	// Transport sends the requests (http.DefaultTransport when nil).
	Transport http.RoundTripper
	// Now and Sleep are the clock; tests replace them so that delays cost no time.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

func (o *Options) setDefaults() {
	def := func(v *time.Duration, d time.Duration) {
		if *v == 0 {
			*v = d
		}
	}
	if o.UserAgent == "" {
		o.UserAgent = UserAgent
	}
	def(&o.Delay, time.Second)
	def(&o.Timeout, 30*time.Second)
	def(&o.Backoff, 2*time.Second)
	def(&o.MaxRetryWait, 5*time.Minute)
	switch {
	case o.Retries == 0:
		o.Retries = 3
	case o.Retries < 0:
		o.Retries = 0
	}
	if o.MaxSize == 0 {
		o.MaxSize = 100 << 20
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = 5
	}
	if o.Transport == nil {
		o.Transport = http.DefaultTransport
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Client fetches URLs politely: GET only, robots.txt honoured, one request
// at a time per host with a delay between them (hosts in parallel), retries
// with backoff, a size limit and a timeout, and conditional requests for
// what the cache holds. It is safe for concurrent use.
type Client struct {
	opt   Options
	cache *Cache
	http  *http.Client

	mu    sync.Mutex
	hosts map[string]*host
}

// host is the politeness state of one host (host:port).
type host struct {
	turn chan struct{} // holds a token while a request to the host is under way
	last time.Time     // when the previous request ended

	robotsOnce sync.Once
	robots     *robotstxt.RobotsData // nil: everything allowed
	robotsErr  error                 // why robots.txt could not be read, which forbids the host
	delay      time.Duration
}

// NewClient returns a Client that keeps what it fetches in cache.
func NewClient(cache *Cache, opt Options) *Client {
	opt.setDefaults()
	return &Client{opt: opt, cache: cache, hosts: map[string]*host{},
		http: &http.Client{
			Transport: opt.Transport,
			// Redirects are followed by Get, one hop at a time, so that each
			// hop waits its turn and is checked against robots.txt.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}}
}

// Response is a URL's bytes, fetched now or confirmed unchanged by the server.
type Response struct {
	URL         string // as asked for
	FinalURL    string // after redirects
	ContentType string
	Body        []byte
	SHA256      string
	FetchedAt   time.Time // when these bytes were fetched
	NotModified bool      // the server answered 304: the cached bytes are current
}

// HTTPError is an answer other than 200 or 304.
type HTTPError struct {
	URL    string
	Status int
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("%s: HTTP %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// DisallowedError is a URL that robots.txt forbids gongkai to fetch.
type DisallowedError struct{ URL string }

func (e *DisallowedError) Error() string { return e.URL + ": disallowed by robots.txt" }

// errRetry marks an attempt worth repeating, with the wait the server asked for.
type errRetry struct {
	err   error
	after time.Duration // Retry-After, 0 when the server gave none
}

func (e *errRetry) Error() string { return e.err.Error() }
func (e *errRetry) Unwrap() error { return e.err }

// Get fetches rawURL, following redirects, and keeps its bytes in the
// cache. When the cache holds the URL, the request is conditional and a 304
// returns the cached bytes. It returns a *DisallowedError, an *HTTPError,
// or an error saying what went wrong (timeout, too large, too many redirects).
func (c *Client) Get(ctx context.Context, rawURL string) (*Response, error) {
	state, cached, err := c.cache.State(rawURL)
	if err != nil {
		return nil, err
	}
	target := rawURL
	for hop := 0; ; hop++ {
		u, err := url.Parse(target)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, fmt.Errorf("%s: not an http(s) URL", target)
		}
		h := c.host(u)
		if err := c.checkRobots(ctx, h, u); err != nil {
			return nil, err
		}
		resp, body, err := c.getWithRetries(ctx, h, u, state, cached)
		if err != nil {
			return nil, err
		}
		switch {
		case resp.StatusCode == http.StatusNotModified && cached:
			return c.notModified(state, target)
		case resp.StatusCode == http.StatusOK:
			return c.store(rawURL, target, resp, body)
		case isRedirect(resp.StatusCode) && resp.Header.Get("Location") != "":
			if hop == c.opt.MaxRedirects {
				return nil, fmt.Errorf("%s: more than %d redirects", rawURL, c.opt.MaxRedirects)
			}
			next, err := u.Parse(resp.Header.Get("Location"))
			if err != nil {
				return nil, fmt.Errorf("%s: redirect to a bad URL: %w", target, err)
			}
			target = next.String()
		default:
			return nil, &HTTPError{URL: target, Status: resp.StatusCode}
		}
	}
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

// notModified returns the cached bytes the server confirmed.
func (c *Client) notModified(state URLState, final string) (*Response, error) {
	body, err := c.cache.Get(state.SHA256)
	if err != nil {
		return nil, err
	}
	state.CheckedAt = c.opt.Now()
	if err := c.cache.SetState(state); err != nil {
		return nil, err
	}
	return &Response{URL: state.URL, FinalURL: final, ContentType: state.ContentType, Body: body,
		SHA256: state.SHA256, FetchedAt: state.FetchedAt, NotModified: true}, nil
}

// store keeps new bytes of rawURL and its validators.
func (c *Client) store(rawURL, final string, resp *http.Response, body []byte) (*Response, error) {
	sha, err := c.cache.Put(body)
	if err != nil {
		return nil, err
	}
	now := c.opt.Now()
	s := URLState{URL: rawURL, ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"),
		ContentType: resp.Header.Get("Content-Type"), SHA256: sha, FetchedAt: now, CheckedAt: now}
	if final != rawURL {
		s.FinalURL = final
	}
	if err := c.cache.SetState(s); err != nil {
		return nil, err
	}
	return &Response{URL: rawURL, FinalURL: final, ContentType: s.ContentType, Body: body, SHA256: sha, FetchedAt: now}, nil
}

// host returns the politeness state of u's host.
func (c *Client) host(u *url.URL) *host {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.hosts[u.Host]
	if !ok {
		h = &host{turn: make(chan struct{}, 1), delay: c.opt.Delay}
		c.hosts[u.Host] = h
	}
	return h
}

// checkRobots reads the host's robots.txt once and returns a
// *DisallowedError when it forbids u. Following RFC 9309, a robots.txt
// that is missing (4xx) allows everything and one that cannot be read
// (5xx, no answer) forbids everything.
func (c *Client) checkRobots(ctx context.Context, h *host, u *url.URL) error {
	h.robotsOnce.Do(func() {
		robotsURL := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
		resp, body, err := c.getRobots(ctx, h, robotsURL)
		switch {
		case err != nil:
			h.robotsErr = err
			return
		case resp.StatusCode >= 500:
			h.robotsErr = &HTTPError{URL: robotsURL.String(), Status: resp.StatusCode}
			return
		}
		data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
		if err != nil { // unparseable: as if absent
			return
		}
		h.robots = data
		if d := data.FindGroup(robotsAgent).CrawlDelay; d > h.delay {
			h.delay = d
		}
	})
	if h.robotsErr != nil {
		return fmt.Errorf("%s: robots.txt cannot be read (%v), which forbids the whole site for now (RFC 9309)", u, h.robotsErr)
	}
	path := u.EscapedPath()
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if h.robots != nil && !h.robots.TestAgent(path, robotsAgent) {
		return &DisallowedError{URL: u.String()}
	}
	return nil
}

// getRobots fetches a robots.txt, following up to MaxRedirects redirects
// (http to https, www. to the bare domain …), as RFC 9309 asks.
func (c *Client) getRobots(ctx context.Context, h *host, u *url.URL) (*http.Response, []byte, error) {
	for hop := 0; ; hop++ {
		resp, body, err := c.getWithRetries(ctx, h, u, URLState{}, false)
		if err != nil || !isRedirect(resp.StatusCode) || hop == c.opt.MaxRedirects {
			return resp, body, err
		}
		next, err := u.Parse(resp.Header.Get("Location"))
		if err != nil || (next.Scheme != "http" && next.Scheme != "https") {
			return resp, body, nil // as if absent: FromStatusAndBytes allows all on a 3xx it cannot follow
		}
		if next.Host != u.Host {
			h = c.host(next)
		}
		u = next
	}
}

// getWithRetries sends one GET, again after a timeout, a 429 or a 5xx, up
// to Retries more times, waiting Backoff (doubled each time) or what
// Retry-After asks. The last answer is returned whatever its status.
func (c *Client) getWithRetries(ctx context.Context, h *host, u *url.URL, state URLState, conditional bool) (*http.Response, []byte, error) {
	wait := c.opt.Backoff
	for attempt := 0; ; attempt++ {
		resp, body, err := c.getOnce(ctx, h, u, state, conditional)
		var retry *errRetry
		if !errors.As(err, &retry) {
			return resp, body, err
		}
		if attempt == c.opt.Retries || ctx.Err() != nil {
			if resp != nil {
				return resp, body, nil
			}
			return nil, nil, retry.err
		}
		pause := wait
		if retry.after > 0 {
			if retry.after > c.opt.MaxRetryWait {
				return nil, nil, fmt.Errorf("%s: the server asks to retry after %s, longer than %s", u, retry.after, c.opt.MaxRetryWait)
			}
			pause = retry.after
		}
		if err := c.opt.Sleep(ctx, pause); err != nil {
			return nil, nil, err
		}
		wait *= 2
	}
}

// getOnce sends one GET to u in the host's turn, after its delay, and reads
// the body up to MaxSize. A timeout, a 429 or a 5xx is returned as an *errRetry.
func (c *Client) getOnce(ctx context.Context, h *host, u *url.URL, state URLState, conditional bool) (*http.Response, []byte, error) {
	if err := c.takeTurn(ctx, h); err != nil {
		return nil, nil, err
	}
	defer c.endTurn(h)

	ctx, cancel := context.WithTimeout(ctx, c.opt.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, err
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	if conditional {
		if state.ETag != "" {
			req.Header.Set("If-None-Match", state.ETag)
		}
		if state.LastModified != "" {
			req.Header.Set("If-Modified-Since", state.LastModified)
		}
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, c.requestError(u, err)
	}
	defer resp.Body.Close()
	if resp.ContentLength > c.opt.MaxSize {
		return nil, nil, fmt.Errorf("%s: %d bytes, more than the limit of %d", u, resp.ContentLength, c.opt.MaxSize)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opt.MaxSize+1))
	if err != nil {
		return nil, nil, c.requestError(u, err)
	}
	if int64(len(body)) > c.opt.MaxSize {
		return nil, nil, fmt.Errorf("%s: more than the limit of %d bytes", u, c.opt.MaxSize)
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
		return resp, body, &errRetry{err: &HTTPError{URL: u.String(), Status: resp.StatusCode},
			after: retryAfter(resp.Header.Get("Retry-After"), c.opt.Now())}
	}
	return resp, body, nil
}

// requestError says why a request failed; timeouts are worth a retry.
func (c *Client) requestError(u *url.URL, err error) error {
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return &errRetry{err: fmt.Errorf("%s: no answer within %s", u, c.opt.Timeout)}
	}
	return fmt.Errorf("%s: %w", u, err)
}

// takeTurn waits until no other request to h is under way and the delay
// since the previous one has passed.
func (c *Client) takeTurn(ctx context.Context, h *host) error {
	select {
	case h.turn <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	if h.last.IsZero() {
		return nil
	}
	if wait := h.last.Add(h.delay).Sub(c.opt.Now()); wait > 0 {
		if err := c.opt.Sleep(ctx, wait); err != nil {
			<-h.turn
			return err
		}
	}
	return nil
}

func (c *Client) endTurn(h *host) {
	h.last = c.opt.Now()
	<-h.turn
}

// retryAfter reads a Retry-After header: seconds or an HTTP date; 0 when
// absent or unreadable.
func retryAfter(v string, now time.Time) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
