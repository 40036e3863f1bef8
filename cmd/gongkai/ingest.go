package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/check"
	"github.com/gongkai/gongkai/db"
	"github.com/gongkai/gongkai/ingest"
	"golang.org/x/term"
)

func runIngest(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", stderr)
	dbPath := fs.String("db", "gongkai.db", "SQLite database `file` to store reports in")
	replace := fs.Bool("replace", false, "store a changed file for a publisher and year already stored (the old version is kept)")
	publisher := fs.String("publisher", "", "publisher `name` for reports whose text lacks it")
	year := fs.Int("year", 0, "reporting `year` for reports whose text lacks it")
	bulk := fs.String("bulk", "auto", "build the API's indexes once after the load instead of report by report: `yes`, no, or auto (when the batch outnumbers the reports stored; with --jsonl, when fewer than 1,000 are)")
	jsonl := fs.Bool("jsonl", false, "the arguments are JSON lines written by `gongkai parse --jsonl` (- for stdin): store them without parsing again")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the ingest to `file` (go tool pprof)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if fs.NArg() == 0 {
		return usageError("ingest takes at least one FILE or DIR")
	}
	var files []string
	if !*jsonl {
		var err error
		if files, err = listFiles(fs.Args()); err != nil {
			return err
		}
	}
	d, rules, err := openForStoring(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer d.Close()

	total := len(files)
	if *jsonl {
		total = bulkBatch // unknown: count it as a bulk load
	}
	deferred, err := deferIndexes(ctx, d, *bulk, total)
	if err != nil {
		return err
	}
	if deferred {
		defer func() {
			start := time.Now()
			if n, rerr := d.RestoreIndexes(ctx); rerr != nil {
				fmt.Fprintf(stderr, "building the indexes: %v (the next gongkai ingest builds them)\n", rerr)
			} else {
				fmt.Fprintf(stdout, "%d indexes built (%.1fs)\n", n, time.Since(start).Seconds())
			}
		}()
	}

	in := ingester{db: d, rules: rules, opt: db.StoreOptions{Replace: *replace},
		fill:   filler{publisher: *publisher, year: *year},
		stdout: stdout, stderr: stderr, progress: isTerminal(stderr)}
	if *jsonl {
		return in.run(ctx, readRecords(ctx, fs.Args(), stdin, in.prepare), 0)
	}
	return in.run(ctx, parseFiles(ctx, files, in.prepare), len(files))
}

// startCPUProfile profiles the process's CPU into the file at path until
// the function it returns is called.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// bulkBatch is the size from which a batch into a new database is a bulk
// load: building the indexes afterwards then takes less than keeping them
// up to date report by report.
const bulkBatch = 1000

// deferIndexes drops the API's indexes for the load when bulk says so
// (yes, no, auto) and reports whether it did; batch is the number of files
// to ingest.
func deferIndexes(ctx context.Context, d *db.DB, bulk string, batch int) (bool, error) {
	switch bulk {
	case "no":
		return false, nil
	case "auto":
		ds, err := d.Dataset(ctx)
		if err != nil {
			return false, err
		}
		if batch < bulkBatch || batch <= ds.Reports {
			return false, nil
		}
	case "yes":
	default:
		return false, usageError(fmt.Sprintf("--bulk %q: want yes, no or auto", bulk))
	}
	_, err := d.DeferIndexes(ctx)
	return err == nil, err
}

// openForStoring opens the database at path for writing, with this
// binary's catalogue, and returns it with the consistency rules that
// reports are checked against before they are stored.
func openForStoring(ctx context.Context, path string) (*db.DB, []catalog.Rule, error) {
	rules, err := catalog.Rules()
	if err != nil {
		return nil, nil, err
	}
	d, err := db.Open(ctx, path, false)
	if err != nil {
		return nil, nil, err
	}
	// A database built by an older binary gets this binary's indicators.
	if err := d.SyncCatalog(ctx, catalog.MustLoad()); err != nil {
		d.Close()
		return nil, nil, err
	}
	return d, rules, nil
}

// ingester stores a batch of files, one transaction per report.
type ingester struct {
	db       *db.DB
	rules    []catalog.Rule
	opt      db.StoreOptions
	fill     filler
	stdout   io.Writer
	stderr   io.Writer
	progress bool

	counts map[string]int // outcome → files
}

// run stores the reports of source, of which there are total (0 when
// unknown), in the order they come.
func (in *ingester) run(ctx context.Context, source <-chan parsed, total int) error {
	in.counts = map[string]int{}
	start := time.Now()
	done := 0
	for p := range source {
		in.store(ctx, p)
		done++
		if in.progress {
			in.showProgress(done, total, start)
		}
	}
	if in.progress {
		fmt.Fprint(in.stderr, "\r\033[K")
	}
	fmt.Fprintf(in.stdout, "%d files: %d stored, %d unchanged, %d replaced, %d refused (%.1fs)\n",
		done, in.counts["stored"], in.counts["unchanged"], in.counts["replaced"], in.counts["refused"],
		time.Since(start).Seconds())
	if in.counts["refused"] > 0 {
		return errFailed
	}
	return ctx.Err()
}

// parsed is a file parsed, or the reason it cannot be stored.
type parsed struct {
	name string
	r    *gongkai.Report
	err  error
}

// parseFiles parses files on every core, then runs then on each (nil for
// nothing), and delivers them in order, so that the single writer is never
// kept waiting by the parser.
func parseFiles(ctx context.Context, files []string, then func(parsed) parsed) <-chan parsed {
	jobs := make(chan func() parsed)
	go func() {
		defer close(jobs)
		for _, name := range files {
			select {
			case jobs <- func() parsed {
				r, err := parseFile(name)
				return parsed{name: name, r: r, err: err}
			}:
			case <-ctx.Done():
				return
			}
		}
	}()
	return inOrder(ctx, jobs, then)
}

// inOrder runs jobs on every core, and then on each result (nil for
// nothing), and delivers the results in the order the jobs came.
func inOrder(ctx context.Context, jobs <-chan func() parsed, then func(parsed) parsed) <-chan parsed {
	workers := runtime.GOMAXPROCS(0)
	out := make(chan parsed)
	futures := make(chan chan parsed, 2*workers)
	go func() {
		defer close(futures)
		sem := make(chan struct{}, workers)
		for job := range jobs {
			fut := make(chan parsed, 1)
			select {
			case futures <- fut:
			case <-ctx.Done():
				for range jobs { // let the producer finish
				}
				return
			}
			sem <- struct{}{}
			go func() {
				defer func() { <-sem }()
				p := job()
				if then != nil {
					p = then(p)
				}
				fut <- p
			}()
		}
	}()
	go func() {
		defer close(out)
		for fut := range futures {
			select {
			case out <- <-fut:
			case <-ctx.Done():
				for range futures { // let the producer finish
				}
				return
			}
		}
	}()
	return out
}

// prepare completes a parsed file from the flags and runs the checks
// that read the report alone (check.ApplyWithin): the work of storing it
// that needs nothing stored, done on the cores that decode or parse while
// the single writer stores the reports before it.
func (in *ingester) prepare(p parsed) parsed {
	if p.err == nil {
		p.err = in.fill.complete(p.r)
	}
	if p.err == nil {
		check.ApplyWithin(p.r, in.rules)
	}
	return p
}

// store stores one prepared file and prints a line about it.
func (in *ingester) store(ctx context.Context, p parsed) {
	err := p.err
	if err == nil {
		var out db.Outcome
		out, err = in.db.IngestChecked(ctx, p.r, in.rules, in.opt)
		if err == nil {
			in.counts[out.Status]++
			fmt.Fprintf(in.stdout, "%-9s %s: %s %d, %s, %d figures, %d rows unplaced, %s\n", out.Status, p.name,
				p.r.Publisher.NameZh, p.r.Year, p.r.Template, len(p.r.Observations), len(p.r.Unplaced), failing(p.r.Checks))
			return
		}
	}
	in.counts["refused"]++
	var ge *gongkai.Error
	if errors.As(err, &ge) && ge.File == "" {
		ge.File = p.name
	}
	fmt.Fprintf(in.stderr, "%s\n", err)
}

// parseFile reads and parses a file.
func parseFile(name string) (*gongkai.Report, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, &gongkai.Error{Code: gongkai.EINVALID, File: name, Message: err.Error()}
	}
	return ingest.Parse(name, data)
}

// filler fills in what the flags supply for reports whose text lacks it.
type filler struct {
	publisher string
	year      int
}

// complete fills r in from the flags and refuses a report it cannot store
// whole.
func (f filler) complete(r *gongkai.Report) error {
	if f.publisher != "" {
		r.Publisher = ingest.Publisher(f.publisher, string(r.Source))
	}
	if f.year > 0 {
		r.Year = f.year
	}
	return refuseIncomplete(r.FileName, r)
}

// refuseIncomplete refuses a report that cannot be stored whole: its table
// cut off, or its publisher or year unknown.
func refuseIncomplete(name string, r *gongkai.Report) error {
	refuse := func(format string, args ...any) error {
		return &gongkai.Error{Code: gongkai.EINVALID, File: name, Line: 1, Message: fmt.Sprintf(format, args...)}
	}
	switch {
	case r.Truncated != "":
		return refuse("table cut off: %s", r.Truncated)
	case r.Publisher.NameZh == "":
		return refuse("the text names no publisher: give --publisher")
	case r.Year == 0:
		return refuse("the text names no reporting year: give --year")
	}
	return nil
}

func (in *ingester) showProgress(done, total int, start time.Time) {
	elapsed := time.Since(start)
	rate := float64(done) / elapsed.Seconds()
	if total == 0 {
		fmt.Fprintf(in.stderr, "\r\033[K%d files, %.0f/s", done, rate)
		return
	}
	left := time.Duration(float64(total-done)/rate) * time.Second
	fmt.Fprintf(in.stderr, "\r\033[K%d/%d files, %.0f/s, %s left", done, total, rate, left.Round(time.Second))
}

// listFiles expands directories into the regular files below them, sorted.
func listFiles(args []string) ([]string, error) {
	var files []string
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(e.Name(), ".") && p != a {
				if e.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if e.Type().IsRegular() {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// failing summarises the failing checks of a report for the ingest line.
func failing(checks []gongkai.Check) string {
	fail, errs := 0, 0
	for _, c := range checks {
		if c.Status == check.StatusFail {
			fail++
			if c.Severity == catalog.SeverityError {
				errs++
			}
		}
	}
	return fmt.Sprintf("%d checks failed (%d errors)", fail, errs)
}
