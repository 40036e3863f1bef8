package pdf

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// fixtures are the PDFs of the repository's testdata.
func fixtures(tb testing.TB) map[string][]byte {
	tb.Helper()
	out := map[string][]byte{}
	for _, dir := range []string{"real", "pdf"} {
		paths, err := filepath.Glob(filepath.Join(testdata, dir, "*.pdf"))
		if err != nil {
			tb.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				tb.Fatal(err)
			}
			out[p] = b
		}
	}
	return out
}

// FuzzReadPDF reads arbitrary bytes as a PDF: an error or lines, never a
// panic or a hang (the limits hold).
func FuzzReadPDF(f *testing.F) {
	for _, b := range fixtures(f) {
		f.Add(b)
	}
	lim := Limits{MaxBytes: 1 << 20, MaxPages: 20, MaxChars: 50_000, MaxObjects: 50_000, Timeout: 20 * time.Second}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines, err := ReadLimited(data, lim)
		if err != nil {
			return
		}
		for i, l := range lines {
			if l.N != i+1 || l.Page < 1 {
				t.Fatalf("line %d numbered %d on page %d", i+1, l.N, l.Page)
			}
		}
	})
}

// BenchmarkReadPDF reads the published 5-page report, engine started
// before the timer (its start is reported as engine-start-s).
func BenchmarkReadPDF(b *testing.B) {
	data := readFile(b, "real/huaian-hongze-2023.pdf")
	if _, err := startEngine(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(engine.startup.Seconds(), "engine-start-s")
	b.ResetTimer()
	for b.Loop() {
		if _, err := Read(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadPDFDirectory reads every PDF of testdata (a directory of
// reports) on all cores at once, as ingest does; engine started before the
// timer.
func BenchmarkReadPDFDirectory(b *testing.B) {
	files := fixtures(b)
	if _, err := startEngine(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		errs := make(chan error, len(files))
		for _, data := range files {
			go func() {
				_, err := Read(data)
				errs <- err
			}()
		}
		for range files {
			<-errs // scanned and truncated files fail by design
		}
	}
	b.ReportMetric(float64(len(files)), "files/op")
}
