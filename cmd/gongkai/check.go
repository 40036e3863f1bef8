package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"text/tabwriter"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/check"
	"github.com/gongkai/gongkai/db"
	"github.com/gongkai/gongkai/ingest"
)

const checkUsage = `usage:
  gongkai check [--json] [--db gongkai.db] FILE
      parse FILE and run the consistency checks on it (with --db, the rules
      across years read the same publisher's report of the year before there)
  gongkai check --db gongkai.db [--report ID] [--rule R] [--status S] [--severity S]
                [--publisher ID] [--year YEAR] [--json]
      print the checks stored with the reports
The exit status is 1 when a check of severity error fails.
`

// checkLine is one check as printed: with its report when read from a database.
type checkLine struct {
	ReportID    int64  `json:"report_id,omitempty"`
	PublisherID string `json:"publisher_id"`
	Publisher   string `json:"publisher"`
	Year        int    `json:"year,omitempty"`
	gongkai.Check
}

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", stderr)
	fs.Usage = func() { fmt.Fprint(stderr, checkUsage) }
	dbPath := fs.String("db", "", "SQLite database `file` of stored reports")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	report := fs.Int64("report", 0, "only the checks of the report with this `id`")
	rule := fs.String("rule", "", "only the checks of this `rule` (e.g. legacy.requests.received.sum)")
	status := fs.String("status", "", "only the checks with this `status`: pass, fail or skipped")
	severity := fs.String("severity", "", "only the checks of this `severity`: error or warning")
	publisher := fs.String("publisher", "", "only the checks of this publisher `id`")
	year := fs.Int("year", 0, "only the checks of reports of this `year`")
	if err := fs.Parse(args); err != nil {
		return err
	}
	out := checkPrinter{w: stdout, json: *asJSON}
	switch {
	case fs.NArg() == 1:
		return checkFile(ctx, fs.Arg(0), *dbPath, &out, stderr)
	case fs.NArg() > 1:
		return usageError("check takes one FILE")
	case *dbPath == "":
		fmt.Fprint(stderr, checkUsage)
		return usageError("check takes a FILE or --db")
	}
	f := db.CheckFilter{Report: *report}
	for _, p := range []struct {
		list *[]string
		v    string
	}{{&f.Rules, *rule}, {&f.Statuses, *status}, {&f.Severities, *severity}, {&f.Publishers, *publisher}} {
		if p.v != "" {
			*p.list = []string{p.v}
		}
	}
	if *year != 0 {
		f.Years.List = []int{*year}
	}
	d, err := openExisting(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer d.Close()
	err = d.EachCheck(ctx, f, func(r *db.CheckRow) error {
		return out.print(checkLine{ReportID: r.ReportID, PublisherID: r.PublisherID, Publisher: r.PublisherNameZh,
			Year: r.Year, Check: r.Check})
	})
	if err != nil {
		return checkError(err)
	}
	return out.finish()
}

// checkFile parses one file and checks it.
func checkFile(ctx context.Context, name, dbPath string, out *checkPrinter, stderr io.Writer) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	r, err := ingest.Parse(name, data)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return errFailed
	}
	rules, err := catalog.Rules()
	if err != nil {
		return err
	}
	var previous *gongkai.Report
	if dbPath != "" && r.Publisher.ID != "" && r.Year > 0 {
		d, err := openExisting(ctx, dbPath)
		if err != nil {
			return err
		}
		previous, err = d.PreviousReport(ctx, r.Publisher.ID, r.Year)
		d.Close()
		if err != nil {
			return err
		}
	}
	for _, c := range check.Run(r, rules, previous) {
		if err := out.print(checkLine{PublisherID: r.Publisher.ID, Publisher: r.Publisher.NameZh, Year: r.Year, Check: c}); err != nil {
			return err
		}
	}
	return out.finish()
}

// openExisting opens a database file read-only; it must exist.
func openExisting(ctx context.Context, path string) (*db.DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	return db.Open(ctx, path, true)
}

// checkError turns an invalid filter into a usage error naming its flag.
func checkError(err error) error {
	if gongkai.ErrorCode(err) == gongkai.EINVALID {
		return usageError(gongkai.ErrorMessage(err))
	}
	return err
}

// checkPrinter prints checks as text, one line each, or as a JSON array,
// and counts them.
type checkPrinter struct {
	w    io.Writer
	json bool

	tw         *tabwriter.Writer
	lines      []checkLine // for JSON
	report     string      // the report of the last line printed
	counts     map[string]int
	errorsFail int
}

func (p *checkPrinter) print(l checkLine) error {
	if p.counts == nil {
		p.counts = map[string]int{}
		p.tw = tabwriter.NewWriter(p.w, 0, 0, 2, ' ', 0)
	}
	p.counts[l.Status]++
	if l.Status == check.StatusFail && l.Severity == catalog.SeverityError {
		p.errorsFail++
	}
	if p.json {
		p.lines = append(p.lines, l)
		return nil
	}
	report := l.Publisher + " " + strconv.Itoa(l.Year)
	if l.ReportID != 0 {
		report += " (report " + strconv.FormatInt(l.ReportID, 10) + ")"
	}
	if report != p.report {
		if p.report != "" {
			fmt.Fprintln(p.tw)
		}
		fmt.Fprintf(p.tw, "%s\n", report)
		p.report = report
	}
	rule := l.Rule
	if l.Breakdown != "" && l.Breakdown != gongkai.BreakdownTotal {
		rule += " [" + l.Breakdown + "]"
	}
	fmt.Fprintf(p.tw, "%s\t%s\t%s\texpected %s\tactual %s\t%s\n", statusWord[l.Status], l.Severity, rule,
		checkFigure(l.Expected), checkFigure(l.Actual), l.Message)
	if l.Evidence != "" {
		fmt.Fprintf(p.tw, "\t\t\t\t\t“%s”\n", l.Evidence)
	}
	return nil
}

// finish prints the JSON array or the summary line, and returns errFailed
// when a check of severity error failed.
func (p *checkPrinter) finish() error {
	if p.json {
		if p.lines == nil {
			p.lines = []checkLine{}
		}
		enc := json.NewEncoder(p.w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(p.lines); err != nil {
			return err
		}
	} else {
		if p.tw != nil {
			if err := p.tw.Flush(); err != nil {
				return err
			}
		}
		c := p.counts
		n := c[check.StatusPass] + c[check.StatusFail] + c[check.StatusSkipped]
		fmt.Fprintf(p.w, "\n%d checks: %d pass, %d fail (%d of severity error), %d skipped\n",
			n, c[check.StatusPass], c[check.StatusFail], p.errorsFail, c[check.StatusSkipped])
	}
	if p.errorsFail > 0 {
		return errFailed
	}
	return nil
}

var statusWord = map[string]string{check.StatusPass: "pass", check.StatusFail: "FAIL", check.StatusSkipped: "skip"}

func checkFigure(v *float64) string {
	if v == nil {
		return "–"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}
