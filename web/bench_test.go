package web_test

import (
	"io"
	"net/http"
	"testing"
)

// BenchmarkPages times each page over HTTP on loopback, rendered anew each
// time (no If-None-Match), from the database of 薛城区's three reports.
func BenchmarkPages(b *testing.B) {
	srv := newServer(b)
	for _, path := range []string{"/", "/reports/1", "/reports/2", "/reports/1/source", "/publishers/370403",
		"/indicators/requests.received?publisher=370403", "/checks", "/search?q=%E8%96%9B%E5%9F%8E"} {
		b.Run(path, func(b *testing.B) {
			for b.Loop() {
				resp, err := srv.Client().Get(srv.URL + path)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Fatalf("%s: %d", path, resp.StatusCode)
				}
			}
		})
	}
}
