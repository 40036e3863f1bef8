package check

import "testing"

// The checks run at ingest, which aims at 1,000 reports a second.
func BenchmarkRunSeed(b *testing.B) {
	r := seed(b)
	rs := rules(b)
	b.ResetTimer()
	for b.Loop() {
		Run(r, rs, nil)
	}
}
