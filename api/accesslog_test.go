package api

import (
	"bytes"
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/labstack/echo/v4/middleware"
)

// accessLineCases are requests whose access log lines must come out as
// slog writes them: plain ones, and the strings a client controls (URI,
// user agent, request id) with everything JSON escapes.
var accessLineCases = []struct {
	name string
	at   time.Time
	v    middleware.RequestLoggerValues
}{
	{"a cache hit", time.Date(2026, 12, 1, 13, 15, 55, 123456789, time.UTC), middleware.RequestLoggerValues{
		RequestID: "3f2a5c0e9b7d4e61a8c2a1b2c3d4e5f6", Method: "GET", URI: "/v1/observations?indicator=requests.received&publisher=370403",
		Status: 200, ResponseSize: 4132, Latency: 5300 * time.Nanosecond, RemoteIP: "127.0.0.1", UserAgent: "wrk/4.1.0"}},
	{"a revalidation in another zone, whole seconds", time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("CST", 8*3600)), middleware.RequestLoggerValues{
		RequestID: "id", Method: "HEAD", URI: "/v1/indicators", Status: 304, Latency: time.Second, RemoteIP: "::1"}},
	{"a server error", time.Date(2026, 12, 1, 0, 0, 0, 1000, time.UTC), middleware.RequestLoggerValues{
		RequestID: "x", Method: "GET", URI: "/v1", Status: 500, ResponseSize: 120, Latency: 3 * time.Millisecond}},
	{"Chinese in the query", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), middleware.RequestLoggerValues{
		Method: "GET", URI: "/v1/search?q=公开", Status: 200, UserAgent: "浏览器/1.0"}},
	{"quotes, backslashes and control characters", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), middleware.RequestLoggerValues{
		RequestID: `"injected":1`, Method: "GET", URI: "/v1?a=\\\"\n\r\t\x00\x01\x1f\x7f", Status: 400,
		UserAgent: "<script>&'/</script>"}},
	{"invalid UTF-8 and line separators", time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), middleware.RequestLoggerValues{
		Method: "GET", URI: "/v1?q=\xff\xfe\xe5\x85", Status: 400, UserAgent: "a\u2028b\u2029c\U0001F600"}},
}

// TestAccessLineAsSlog: a line of Options.AccessLog is byte for byte the
// line slog.NewJSONHandler writes for the same request.
func TestAccessLineAsSlog(t *testing.T) {
	for _, tt := range accessLineCases {
		t.Run(tt.name, func(t *testing.T) {
			want := slogLine(tt.at, tt.v)
			if got := appendAccessLine(nil, tt.at, tt.v); !bytes.Equal(got, want) {
				t.Errorf("\n got %s\nwant %s", got, want)
			}
		})
	}
}

// FuzzAccessLine: whatever a client sends, the access line is slog's.
func FuzzAccessLine(f *testing.F) {
	for _, tt := range accessLineCases {
		f.Add(tt.v.RequestID, tt.v.URI, tt.v.UserAgent, tt.v.Status, tt.v.ResponseSize, int64(tt.v.Latency), tt.at.UnixNano())
	}
	f.Fuzz(func(t *testing.T, id, uri, agent string, status int, size, latency, at int64) {
		when := time.Unix(0, at).UTC()
		v := middleware.RequestLoggerValues{RequestID: id, Method: "GET", URI: uri, Status: status,
			ResponseSize: size, Latency: time.Duration(latency), RemoteIP: "10.0.0.1", UserAgent: agent}
		if got, want := appendAccessLine(nil, when, v), slogLine(when, v); !bytes.Equal(got, want) {
			t.Errorf("\n got %s\nwant %s", got, want)
		}
	})
}

// slogLine is the line logRequest gives a Logger writing JSON for v at t.
func slogLine(t time.Time, v middleware.RequestLoggerValues) []byte {
	var out bytes.Buffer
	s := &Server{log: slog.New(slog.NewJSONHandler(&out, nil))}
	s.logRequest(context.Background(), t, v)
	return out.Bytes()
}
