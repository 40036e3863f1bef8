package main

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/gongkai/gongkai/synth"
)

// benchReports is the size of BenchmarkIngest's corpus: 25 publishers × 12
// years of the three templates.
const benchReports = 300

// BenchmarkIngest measures `gongkai ingest` end to end on a synth corpus:
// reading, parsing on every core, checking and storing, one transaction per
// report (its re-check of the year after included), into a new database.
func BenchmarkIngest(b *testing.B) {
	dir := b.TempDir()
	c, err := synth.New(synth.Options{Reports: benchReports, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := c.Write(context.Background(), dir); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		dbPath := filepath.Join(b.TempDir(), "bench.db")
		if err := run(context.Background(), []string{"ingest", "--db", dbPath, dir}, nil, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchReports*b.N)/b.Elapsed().Seconds(), "reports/s")
}
