package api_test

import (
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/gongkai/gongkai/api"
)

// loadPaths are what dashboards and journalists ask most.
var loadPaths = []string{
	"/v1/observations?indicator=requests.received&publisher=370403&year=2017",
	"/v1/series?indicator=requests.received&publisher=370403",
	"/v1/observations?publisher=370403&year=2017&format=csv",
	"/v1/indicators",
	"/v1/reports/1/checks",
}

// TestManyClients sends 256 clients at once, 10 requests each, and expects
// every answer to be a 200: no 5xx, no connection refused, under load.
func TestManyClients(t *testing.T) {
	if testing.Short() {
		t.Skip("load")
	}
	ts := newTestServer(t, api.Options{})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	var failures atomic.Int64
	var first sync.Once
	var wg sync.WaitGroup
	for c := range 256 {
		wg.Go(func() {
			for i := range 10 {
				path := loadPaths[(c+i)%len(loadPaths)]
				resp, err := client.Get(ts.URL + path)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				if err != nil || resp.StatusCode != http.StatusOK {
					failures.Add(1)
					first.Do(func() { t.Errorf("GET %s: %v", path, describe(resp, err)) })
				}
			}
		})
	}
	wg.Wait()
	if n := failures.Load(); n > 0 {
		t.Errorf("%d of 2560 requests failed", n)
	}
}

func describe(resp *http.Response, err error) string {
	if err != nil {
		return err.Error()
	}
	return fmt.Sprintf("status %d", resp.StatusCode)
}

// BenchmarkObservations measures a journalist's question answered by a
// real server over loopback, by parallel clients.
func BenchmarkObservations(b *testing.B) {
	ts := newTestServer(b, api.Options{})
	url := ts.URL + loadPaths[0]
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := http.Get(url)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}
