package main

import (
	"context"
	"io"
	"os"
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

// BenchmarkIngestJSONL measures `gongkai ingest --jsonl` of the same corpus
// parsed beforehand (`gongkai parse --jsonl`): storing alone, as the one
// writer fed by parsers elsewhere does, into a new database (a bulk load:
// the indexes are built at the end, and counted).
func BenchmarkIngestJSONL(b *testing.B) {
	dir := b.TempDir()
	c, err := synth.New(synth.Options{Reports: benchReports, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := c.Write(context.Background(), filepath.Join(dir, "corpus")); err != nil {
		b.Fatal(err)
	}
	jsonl, err := os.Create(filepath.Join(dir, "parsed.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	if err := run(context.Background(), []string{"parse", "--jsonl", filepath.Join(dir, "corpus")}, nil, jsonl, io.Discard); err != nil {
		b.Fatal(err)
	}
	jsonl.Close()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		dbPath := filepath.Join(b.TempDir(), "bench.db")
		if err := run(context.Background(), []string{"ingest", "--db", dbPath, "--bulk", "yes", "--jsonl", jsonl.Name()}, nil, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(benchReports*b.N)/b.Elapsed().Seconds(), "reports/s")
}
