package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkIngest measures `gongkai ingest` end to end: reading, parsing on
// every core, checking and storing reports of ~80 figures each, one
// transaction per report, into a new database. The reports are the sample
// report under other years and another publisher, each a new publisher-year.
func BenchmarkIngest(b *testing.B) {
	src, err := os.ReadFile(seed)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	const files = 200
	for i := range files {
		data := bytes.ReplaceAll(src, []byte("2017"), fmt.Appendf(nil, "%d", 2000+i%100))
		if i >= 100 {
			data = bytes.ReplaceAll(data, []byte("薛城区"), []byte("山亭区"))
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%03d.txt", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		dbPath := filepath.Join(b.TempDir(), fmt.Sprintf("b%d.db", i))
		if err := run(context.Background(), []string{"ingest", "--db", dbPath, dir}, nil, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(files*b.N)/b.Elapsed().Seconds(), "reports/s")
}
