package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/db"
	"github.com/gongkai/gongkai/fetch"
)

func runFetch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return runFetchWith(ctx, args, stdout, stderr, nil)
}

// runFetchWith is runFetch with the client's options adjusted by tune
// (tests give it a clock of their own).
func runFetchWith(ctx context.Context, args []string, stdout, stderr io.Writer, tune func(*fetch.Options)) error {
	fs := newFlags("fetch", stderr)
	dbPath := fs.String("db", "gongkai.db", "SQLite database `file` to store reports in")
	cacheDir := fs.String("cache", "gongkai-cache", "`directory` keeping every fetched file and each URL's ETag and Last-Modified")
	list := fs.String("list", "", "`file` of URLs to start from, one a line (# starts a comment)")
	delay := fs.Duration("delay", time.Second, "wait between two requests to one host (robots.txt's Crawl-delay when longer)")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit of one request")
	retries := fs.Int("retries", 3, "further attempts after a timeout, a 429 or a 5xx")
	maxMB := fs.Int64("max-size", 100, "size limit of one file, in `MB`")
	depth := fs.Int("depth", 20, "listing pages followed through the pagination of each listing URL")
	maxPages := fs.Int("max-pages", 1000, "requests made for each URL given, pages and files counted")
	parallel := fs.Int("parallel", 4, "URLs given walked at once (one host is still asked one request at a time)")
	asJSON := fs.Bool("json", false, "print one JSON object per URL, and the summary as the last")
	if err := fs.Parse(args); err != nil {
		return err
	}
	seeds, err := seedURLs(fs.Args(), *list)
	if err != nil {
		return err
	}
	if len(seeds) == 0 {
		return usageError("fetch takes at least one URL, or --list FILE")
	}
	if *delay < 0 || *timeout <= 0 || *retries < 0 || *maxMB <= 0 || *depth <= 0 || *maxPages <= 0 || *parallel <= 0 {
		return usageError("fetch: --delay must not be negative; --timeout, --max-size, --depth, --max-pages and --parallel must be positive")
	}
	cache, err := fetch.OpenCache(*cacheDir)
	if err != nil {
		return err
	}
	opt := fetch.Options{Delay: *delay, Timeout: *timeout, Retries: *retries, MaxSize: *maxMB << 20}
	if *retries == 0 {
		opt.Retries = -1
	}
	if *delay == 0 {
		opt.Delay = time.Nanosecond // the zero value would mean the default
	}
	if tune != nil {
		tune(&opt)
	}
	d, rules, err := openForStoring(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer d.Close()
	crawler := fetch.NewCrawler(fetch.NewClient(cache, opt),
		fetch.CrawlOptions{Depth: *depth, MaxPages: *maxPages, Parallel: *parallel})
	f := &fetcher{db: d, rules: rules, out: newFetchLog(stdout, *asJSON), stored: map[string]string{}}
	return f.run(ctx, crawler.Run(ctx, seeds))
}

// seedURLs are the URLs of the command line followed by those of the list file.
func seedURLs(args []string, list string) ([]string, error) {
	seeds := append([]string(nil), args...)
	if list == "" {
		return seeds, nil
	}
	f, err := os.Open(list)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if line = strings.TrimSpace(line); line != "" {
			seeds = append(seeds, line)
		}
	}
	return seeds, sc.Err()
}

// fetcher stores the reports a crawl finds, one transaction each, as
// ingest --replace does, and prints a line per URL.
type fetcher struct {
	db     *db.DB
	rules  []catalog.Rule
	out    *fetchLog
	stored map[string]string // publisher id and year → the URL its report was read from in this run
}

func (f *fetcher) run(ctx context.Context, events <-chan fetch.Event) error {
	start := time.Now()
	counts := map[string]int{}
	for e := range events {
		line := f.handle(ctx, e)
		counts[line.Status]++
		f.out.entry(line)
	}
	f.out.summary(counts, time.Since(start))
	if counts[fetch.StatusRefused] > 0 || counts[fetch.StatusFailed] > 0 {
		return errFailed
	}
	return ctx.Err()
}

// handle stores the report of an event, and says what became of its URL.
func (f *fetcher) handle(ctx context.Context, e fetch.Event) logLine {
	line := logLine{Event: e}
	if e.Status != fetch.StatusReport {
		return line
	}
	r := e.Report
	line.SourceURL = r.SourceURL
	if err := f.store(ctx, r, &line); err != nil {
		line.Status, line.Reason = fetch.StatusRefused, err.Error()
	}
	return line
}

func (f *fetcher) store(ctx context.Context, r *gongkai.Report, line *logLine) error {
	if err := refuseIncomplete(r.SourceURL, r); err != nil {
		return err
	}
	key := r.Publisher.ID + " " + strconv.Itoa(r.Year)
	if other, ok := f.stored[key]; ok {
		return fmt.Errorf("%s: %s %d was already read from %s in this run; not stored twice",
			r.SourceURL, r.Publisher.NameZh, r.Year, other)
	}
	out, err := f.db.IngestReport(ctx, r, f.rules, db.StoreOptions{Replace: true})
	if err != nil {
		var ge *gongkai.Error
		if errors.As(err, &ge) && ge.File == "" {
			ge.File = r.SourceURL
		}
		return err
	}
	f.stored[key] = r.SourceURL
	line.Status, line.ReportID, line.Replaces = out.Status, out.ReportID, out.Previous
	line.Publisher, line.Year, line.Template = r.Publisher.NameZh, r.Year, r.Template
	line.Figures, line.Unplaced, line.Checks = len(r.Observations), len(r.Unplaced), failing(r.Checks)
	line.Files = len(r.Files)
	return nil
}

// logLine is what the command prints of one URL.
type logLine struct {
	fetch.Event
	SourceURL string `json:"source_url,omitempty"` // the file the figures were read from
	ReportID  int64  `json:"report_id,omitempty"`
	Replaces  int64  `json:"replaces,omitempty"` // the report id of the version replaced
	Publisher string `json:"publisher,omitempty"`
	Year      int    `json:"year,omitempty"`
	Template  string `json:"template,omitempty"`
	Figures   int    `json:"figures,omitempty"`
	Unplaced  int    `json:"unplaced,omitempty"`
	Checks    string `json:"checks,omitempty"`
	Files     int    `json:"files,omitempty"` // the report's files kept: its page and attachments
}

// fetchLog prints lines as text or as JSON objects, one a line.
type fetchLog struct {
	w    io.Writer
	json *json.Encoder // nil for text
}

func newFetchLog(w io.Writer, asJSON bool) *fetchLog {
	l := &fetchLog{w: w}
	if asJSON {
		l.json = json.NewEncoder(w)
		l.json.SetEscapeHTML(false)
	}
	return l
}

func (l *fetchLog) entry(line logLine) {
	if l.json != nil {
		l.json.Encode(line) // a write error to stdout has no one to tell
		return
	}
	fmt.Fprintf(l.w, "%-9s %s: %s\n", line.Status, line.URL, describe(line))
}

// describe is the text of a line after its status and URL.
func describe(l logLine) string {
	switch l.Status {
	case db.StatusStored, db.StatusReplaced, db.StatusUnchanged, db.StatusSourced:
		s := fmt.Sprintf("%s %d, %s, %d figures, %d rows unplaced, %s", l.Publisher, l.Year, l.Template,
			l.Figures, l.Unplaced, l.Checks)
		if l.SourceURL != l.URL {
			s += "; read from " + l.SourceURL
		}
		if l.Files > 1 {
			s += fmt.Sprintf("; %d files kept", l.Files)
		}
		if l.Replaces != 0 {
			s += fmt.Sprintf("; replaces report %d, whose figures are kept as an older version", l.Replaces)
		}
		return s
	case fetch.StatusListing:
		return fmt.Sprintf("%d report links, %d further pages", l.Reports, l.Pages)
	}
	return l.Reason
}

func (l *fetchLog) summary(counts map[string]int, took time.Duration) {
	if l.json != nil {
		l.json.Encode(map[string]any{"summary": counts, "seconds": took.Seconds()})
		return
	}
	total := 0
	for _, n := range counts {
		total += n
	}
	fmt.Fprintf(l.w, "%d URLs: %d stored, %d replaced, %d unchanged, %d given their source, %d refused, %d failed, %d skipped by robots.txt, %d skipped, %d listing pages (%.1fs)\n",
		total, counts[db.StatusStored], counts[db.StatusReplaced], counts[db.StatusUnchanged], counts[db.StatusSourced], counts[fetch.StatusRefused],
		counts[fetch.StatusFailed], counts[fetch.StatusRobots], counts[fetch.StatusSkipped], counts[fetch.StatusListing],
		took.Seconds())
}
