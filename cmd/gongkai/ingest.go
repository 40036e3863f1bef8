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

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", stderr)
	dbPath := fs.String("db", "gongkai.db", "SQLite database `file` to store reports in")
	replace := fs.Bool("replace", false, "store a changed file for a publisher and year already stored (the old version is kept)")
	publisher := fs.String("publisher", "", "publisher `name` for reports whose text lacks it")
	year := fs.Int("year", 0, "reporting `year` for reports whose text lacks it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError("ingest takes at least one FILE or DIR")
	}
	files, err := listFiles(fs.Args())
	if err != nil {
		return err
	}
	d, rules, err := openForStoring(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer d.Close()

	in := ingester{db: d, rules: rules, opt: db.StoreOptions{Replace: *replace}, publisher: *publisher, year: *year,
		stdout: stdout, stderr: stderr, progress: isTerminal(stderr)}
	return in.run(ctx, files)
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
	db        *db.DB
	rules     []catalog.Rule
	opt       db.StoreOptions
	publisher string
	year      int
	stdout    io.Writer
	stderr    io.Writer
	progress  bool

	counts map[string]int // outcome → files
}

func (in *ingester) run(ctx context.Context, files []string) error {
	in.counts = map[string]int{}
	start := time.Now()
	done := 0
	for p := range in.parseAll(ctx, files) {
		in.store(ctx, p)
		done++
		if in.progress {
			in.showProgress(done, len(files), start)
		}
	}
	if in.progress {
		fmt.Fprint(in.stderr, "\r\033[K")
	}
	fmt.Fprintf(in.stdout, "%d files: %d stored, %d unchanged, %d replaced, %d refused (%.1fs)\n",
		len(files), in.counts["stored"], in.counts["unchanged"], in.counts["replaced"], in.counts["refused"],
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

// parseAll parses files on every core and delivers them in order, so that
// the single writer is never kept waiting by the parser.
func (in *ingester) parseAll(ctx context.Context, files []string) <-chan parsed {
	workers := runtime.GOMAXPROCS(0)
	out := make(chan parsed)
	futures := make(chan chan parsed, 2*workers)
	go func() {
		defer close(futures)
		sem := make(chan struct{}, workers)
		for _, name := range files {
			fut := make(chan parsed, 1)
			select {
			case futures <- fut:
			case <-ctx.Done():
				return
			}
			sem <- struct{}{}
			go func() {
				defer func() { <-sem }()
				r, err := in.parse(name)
				fut <- parsed{name: name, r: r, err: err}
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

// store checks and stores one parsed file and prints a line about it.
func (in *ingester) store(ctx context.Context, p parsed) {
	err := p.err
	if err == nil {
		var out db.Outcome
		out, err = checkAndStore(ctx, in.db, p.r, in.rules, in.opt)
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

// parse reads a file and fills in what the flags supply; it refuses a
// report it cannot store whole.
func (in *ingester) parse(name string) (*gongkai.Report, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, &gongkai.Error{Code: gongkai.EINVALID, File: name, Message: err.Error()}
	}
	r, err := ingest.Parse(name, data)
	if err != nil {
		return nil, err
	}
	if in.publisher != "" {
		r.Publisher = ingest.Publisher(in.publisher, string(data))
	}
	if in.year > 0 {
		r.Year = in.year
	}
	if err := refuseIncomplete(name, r); err != nil {
		return nil, err
	}
	return r, nil
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

// checkAndStore runs the consistency checks of r, against the publisher's
// report of the year before where one is stored, and stores r with them, so
// that the flags of failing checks are stored with the observations; the
// report of the year after, when stored, is then checked against r.
func checkAndStore(ctx context.Context, d *db.DB, r *gongkai.Report, rules []catalog.Rule, opt db.StoreOptions) (db.Outcome, error) {
	prev, err := d.PreviousReport(ctx, r.Publisher.ID, r.Year)
	if err != nil {
		return db.Outcome{}, err
	}
	check.Apply(r, rules, prev)
	out, err := d.StoreReport(ctx, r, opt)
	if err != nil || out.Status == db.StatusUnchanged {
		return out, err
	}
	return out, recheckNext(ctx, d, r, rules)
}

// recheckNext runs the rules across years again on the publisher's report
// of the year after r, when it was stored before r: its checks against r
// were skipped then.
func recheckNext(ctx context.Context, d *db.DB, r *gongkai.Report, rules []catalog.Rule) error {
	next, id, err := d.ReportFigures(ctx, r.Publisher.ID, r.Year+1)
	if err != nil || next == nil {
		return err
	}
	var across []catalog.Rule
	var ids []string
	for _, rule := range rules {
		if rule.Kind == catalog.KindPrevious && rule.AppliesTo(next.Template) {
			across = append(across, rule)
			ids = append(ids, rule.ID)
		}
	}
	if len(across) == 0 {
		return nil
	}
	checks := check.Run(next, across, r)
	check.Mark(next, checks, across)
	return d.ReplaceChecks(ctx, id, ids, checks, next)
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
