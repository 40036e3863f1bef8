package ingest

import (
	"os"
	"testing"
)

// BenchmarkParseSeed measures parsing the whole 薛城区 2017 report.
func BenchmarkParseSeed(b *testing.B) {
	data, err := os.ReadFile("../samples/xuecheng-2017.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse("seed.txt", data); err != nil {
			b.Fatal(err)
		}
	}
}
