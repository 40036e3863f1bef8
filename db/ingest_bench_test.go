package db

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/check"
	"github.com/gongkai/gongkai/ingest"
	"github.com/gongkai/gongkai/synth"
)

// benchCorpus is the size of BenchmarkIngestReport's corpus: 20 publishers
// × 12 years of the three templates.
const benchCorpus = 240

// BenchmarkIngestReport measures the single writer alone: IngestChecked of
// parsed synth reports, in the corpus's order (publisher by publisher, year
// by year), into a new database whose indexes are deferred as a bulk load
// defers them, and building them at the end (RestoreIndexes), as a bulk
// load does. Parsing, the checks within each report (check.ApplyWithin,
// which gongkai ingest runs on the other cores) and opening are outside
// the timer; profile with -cpuprofile and look at IngestChecked and
// RestoreIndexes.
func BenchmarkIngestReport(b *testing.B) {
	ctx := context.Background()
	files := synthFiles(b, benchCorpus)
	rules, err := catalog.Rules()
	if err != nil {
		b.Fatal(err)
	}
	stored := 0
	var cpu time.Duration // of the process while storing: steadier than wall time on a shared machine
	for b.Loop() {
		b.StopTimer()
		reports := parseFiles(b, files)
		for _, r := range reports {
			check.ApplyWithin(r, rules)
		}
		d, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"), false)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.DeferIndexes(ctx); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := cpuTime()
		for _, r := range reports {
			if _, err := d.IngestChecked(ctx, r, rules, StoreOptions{}); err != nil {
				b.Fatal(err)
			}
			stored++
		}
		if _, err := d.RestoreIndexes(ctx); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - start
		b.StopTimer()
		d.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(stored)/b.Elapsed().Seconds(), "reports/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(stored), "cpu-µs/report")
}

// cpuTime is the user and system time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// synthFiles makes the first n files of the synth corpus of seed 1:
// publisher by publisher, 12 years each.
func synthFiles(tb testing.TB, n int) []*synth.Report {
	return synthSample(tb, n, func(int) bool { return true })
}

// synthSample makes the files i < n of the synth corpus of seed 1 that
// keep(i) selects; file i is publisher i/12's report of year 2014 + i%12.
func synthSample(tb testing.TB, n int, keep func(i int) bool) []*synth.Report {
	tb.Helper()
	c, err := synth.New(synth.Options{Reports: n, Seed: 1})
	if err != nil {
		tb.Fatal(err)
	}
	var files []*synth.Report
	for i := range c.Len() {
		if !keep(i) {
			continue
		}
		f, err := c.Report(i)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

// parseFiles parses files as gongkai ingest does.
func parseFiles(tb testing.TB, files []*synth.Report) []*gongkai.Report {
	tb.Helper()
	reports := make([]*gongkai.Report, len(files))
	for i, f := range files {
		var err error
		if reports[i], err = ingest.Parse(f.Name, f.Data); err != nil {
			tb.Fatal(err)
		}
	}
	return reports
}
