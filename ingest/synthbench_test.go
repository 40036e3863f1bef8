package ingest

import (
	"fmt"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/gongkai/gongkai/synth"
)

// synthBenchReports is how many reports of the synth corpus (seed 1, 2,000
// reports, as scripts/ingest.sh writes) BenchmarkParseSynth parses: every
// tenth, which keeps the corpus's mix of templates and formats.
const synthBenchReports = 200

// synthSample makes every tenth report of the 2,000-report synth corpus of
// seed 1.
func synthSample(b *testing.B) []*synth.Report {
	b.Helper()
	c, err := synth.New(synth.Options{Reports: 10 * synthBenchReports, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	var reports []*synth.Report
	for i := 0; i < c.Len(); i += 10 {
		r, err := c.Report(i)
		if err != nil {
			b.Fatal(err)
		}
		reports = append(reports, r)
	}
	return reports
}

// BenchmarkParseSynth measures Parse over a sample of the synth corpus,
// all of it and by format (each text layout, HTML, DOCX). Besides the wall
// time it reports the process's CPU time a file (cpu-ms/file, user and
// system, the collector's included), which a loaded machine inflates less.
// Profile it with
//
//	go test ./ingest -run XXX -bench ParseSynth/all -cpuprofile cpu.prof
func BenchmarkParseSynth(b *testing.B) {
	reports := synthSample(b)
	byFormat := map[string][]*synth.Report{"all": reports}
	for _, r := range reports {
		byFormat[r.Format] = append(byFormat[r.Format], r)
	}
	formats := make([]string, 0, len(byFormat))
	for f := range byFormat {
		formats = append(formats, f)
	}
	slices.Sort(formats)
	for _, f := range formats {
		rs := byFormat[f]
		b.Run(f, func(b *testing.B) {
			var bytes int64
			for _, r := range rs {
				bytes += int64(len(r.Data))
			}
			b.SetBytes(bytes)
			cpu := cpuTime()
			for b.Loop() {
				for _, r := range rs {
					if _, err := Parse(r.Name, r.Data); err != nil {
						b.Fatal(fmt.Errorf("%s: %w", r.Name, err))
					}
				}
			}
			files := float64(b.N * len(rs))
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/files, "ms/file")
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/files, "cpu-ms/file")
		})
	}
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}
