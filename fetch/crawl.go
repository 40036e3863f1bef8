// Package fetch collects annual reports from government websites: from
// listing pages (the column of 政府信息公开年度报告 and its pagination) to
// report pages, and from report pages to their attachments, politely (see
// Client), keeping what it fetched in a content-addressed Cache. Each
// report found is parsed with ingest.Parse and handed over with its
// provenance; storing it is the caller's business.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest"
)

// Event statuses: what happened to a URL.
const (
	StatusReport  = "report"  // a report was read; Event.Report holds it, to be stored
	StatusListing = "listing" // a listing page was read for its links
	StatusRefused = "refused" // fetched, but no report could be read from it
	StatusRobots  = "robots"  // not fetched: robots.txt disallows it
	StatusFailed  = "failed"  // the fetch failed (HTTP status, timeout, too large …)
	StatusSkipped = "skipped" // not fetched: another site, or a limit was reached
)

// Event is what happened to one URL.
type Event struct {
	URL        string `json:"url"`
	Status     string `json:"status"`
	HTTPStatus int    `json:"http_status,omitempty"` // for StatusFailed with an HTTP answer
	Reason     string `json:"reason,omitempty"`
	Listing    string `json:"listing,omitempty"` // the listing page whose link led here
	// Reports and Pages count a listing page's links to reports and to further pages.
	Reports int `json:"reports,omitempty"`
	Pages   int `json:"pages,omitempty"`
	// Report is the report read (StatusReport), with its provenance and files.
	Report *gongkai.Report `json:"-"`
	// NotModified is true when every file of the report was answered 304.
	NotModified bool `json:"not_modified,omitempty"`
}

// CrawlOptions bound a crawl. The zero value of a field takes the default
// named in its comment.
type CrawlOptions struct {
	Depth    int // listing pages followed through the pagination of each seed listing: 20
	MaxPages int // requests made for each seed URL, all pages and files counted: 1000
	Parallel int // seed URLs walked at once (requests to one host still wait their turn): 4
}

// Crawler walks seed URLs: listing pages, report pages and files.
type Crawler struct {
	client *Client
	cache  *Cache
	opt    CrawlOptions

	mu   sync.Mutex
	seen map[string]bool // URLs asked for in this run: nothing is fetched twice
}

// NewCrawler returns a Crawler that fetches with client, which keeps its
// bytes in cache.
func NewCrawler(client *Client, opt CrawlOptions) *Crawler {
	if opt.Depth <= 0 {
		opt.Depth = 20
	}
	if opt.MaxPages <= 0 {
		opt.MaxPages = 1000
	}
	if opt.Parallel <= 0 {
		opt.Parallel = 4
	}
	return &Crawler{client: client, cache: client.cache, opt: opt, seen: map[string]bool{}}
}

// Run walks the seeds and sends an Event for every URL it dealt with; it
// closes the channel when done or when ctx is done. Each seed may be a
// listing page, a report page or a report file.
func (c *Crawler) Run(ctx context.Context, seeds []string) <-chan Event {
	out := make(chan Event)
	todo := make(chan string)
	var wg sync.WaitGroup
	for range c.opt.Parallel {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for seed := range todo {
				w := &walk{c: c, out: out, budget: c.opt.MaxPages}
				w.seed(ctx, seed)
			}
		}()
	}
	go func() {
		defer close(out)
		defer wg.Wait()
		defer close(todo)
		for _, s := range seeds {
			select {
			case todo <- s:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// markSeen records u as asked for and reports whether it was new.
func (c *Crawler) markSeen(u string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen[u] {
		return false
	}
	c.seen[u] = true
	return true
}

// walk is the walk of one seed URL, by one goroutine.
type walk struct {
	c      *Crawler
	out    chan<- Event
	budget int // requests left
}

func (w *walk) emit(ctx context.Context, e Event) {
	select {
	case w.out <- e:
	case <-ctx.Done():
	}
}

// seed walks a seed URL: a file is a report; a page with a table, or
// titled as a report and with attachments, is a report page; any other
// page is a listing.
func (w *walk) seed(ctx context.Context, raw string) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		w.emit(ctx, Event{URL: raw, Status: StatusFailed, Reason: "not an http(s) URL"})
		return
	}
	resp := w.get(ctx, u.String(), "")
	if resp == nil {
		return
	}
	if !isHTMLResponse(resp) {
		w.file(ctx, resp, "", "")
		return
	}
	pg := readPage(finalURL(resp), decodeText(resp.Body, resp.ContentType))
	read := w.c.parse(resp)
	if read.report != nil || pg.isReportPage(finalURL(resp)) {
		w.reportPage(ctx, resp, pg, read, "")
		return
	}
	w.listing(ctx, resp, pg)
}

// listing reads a listing page and the pages of its pagination, up to
// Depth pages, and walks the reports they link to.
func (w *walk) listing(ctx context.Context, first *Response, pg *page) {
	type listed struct {
		resp *Response
		pg   *page
	}
	queue := []listed{{first, pg}}
	for pages := 0; len(queue) > 0 && ctx.Err() == nil; pages++ {
		l := queue[0]
		queue = queue[1:]
		from := finalURL(l.resp)
		reports, files, next := l.pg.reportLinks(from), l.pg.reportFileLinks(from), l.pg.nextPages(from)
		w.emit(ctx, Event{URL: l.resp.URL, Status: StatusListing, Reports: len(reports) + len(files), Pages: len(next),
			NotModified: l.resp.NotModified})
		for _, r := range reports {
			w.report(ctx, r.String(), l.resp.URL)
		}
		for _, f := range files {
			if resp := w.get(ctx, f.URL.String(), l.resp.URL); resp != nil {
				w.file(ctx, resp, l.resp.URL, f.Text)
			}
		}
		for _, n := range next {
			if pages+1+len(queue) >= w.c.opt.Depth {
				break
			}
			resp := w.get(ctx, n.String(), l.resp.URL)
			if resp == nil {
				continue
			}
			queue = append(queue, listed{resp, readPage(finalURL(resp), decodeText(resp.Body, resp.ContentType))})
		}
	}
}

// report walks a link of a listing to a report: a page or a file.
func (w *walk) report(ctx context.Context, u, listing string) {
	resp := w.get(ctx, u, listing)
	if resp == nil {
		return
	}
	if !isHTMLResponse(resp) {
		w.file(ctx, resp, listing, "")
		return
	}
	pg := readPage(finalURL(resp), decodeText(resp.Body, resp.ContentType))
	w.reportPage(ctx, resp, pg, w.c.parse(resp), listing)
}

// file is a report file by itself; title is the text of the listing's link to it.
func (w *walk) file(ctx context.Context, resp *Response, listing, title string) {
	w.choose(ctx, resp.URL, listing, title, []candidate{{resp: resp, role: gongkai.RoleFile, read: w.c.parse(resp)}})
}

// reportPage fetches the attachments of a report page and hands over the
// report read from the file that holds its table.
func (w *walk) reportPage(ctx context.Context, resp *Response, pg *page, read reading, listing string) {
	files := []candidate{{resp: resp, role: gongkai.RolePage, read: read}}
	from := finalURL(resp)
	for _, a := range pg.attachments() {
		if !sameSite(from, a) {
			w.emit(ctx, Event{URL: a.String(), Status: StatusSkipped, Listing: listing,
				Reason: "an attachment on another site (" + a.Host + ")"})
			continue
		}
		if att := w.get(ctx, a.String(), listing); att != nil {
			files = append(files, candidate{resp: att, role: gongkai.RoleAttachment, read: w.c.parse(att)})
		}
	}
	w.choose(ctx, resp.URL, listing, pg.Title, files)
}

// candidate is one file of a report and what reading it gave.
type candidate struct {
	resp *Response
	role string
	read reading
}

// choose hands over the report read from the best of its files (see
// better), with every file kept as a source of it; or refuses it with the
// reason of each file. title is the report's title on the site: its page's
// title, or the link to its file; it names the publisher and year when the
// file does not (see fillFromTitle).
func (w *walk) choose(ctx context.Context, u, listing, title string, files []candidate) {
	best := -1
	for i, f := range files {
		if f.read.report != nil && (best < 0 || better(f.read.report, files[best].read.report)) {
			best = i
		}
	}
	if best < 0 {
		w.emit(ctx, Event{URL: u, Status: StatusRefused, Listing: listing, Reason: refusal(files)})
		return
	}
	chosen := files[best]
	r := chosen.read.report
	r.SourceURL, r.ListingURL, r.FetchedAt = chosen.resp.URL, listing, chosen.resp.FetchedAt
	r.FileName = fileName(chosen.resp.URL)
	fillFromTitle(r, title)
	notModified := true
	for i, f := range files {
		r.Files = append(r.Files, gongkai.SourceFile{URL: f.resp.URL, Role: f.role, SHA256: f.resp.SHA256,
			Read: i == best, FetchedAt: f.resp.FetchedAt, Bytes: f.resp.Body})
		notModified = notModified && f.resp.NotModified
	}
	w.emit(ctx, Event{URL: u, Status: StatusReport, Listing: listing, Report: r, NotModified: notModified})
}

// titleYear finds the reporting year and the publisher's name in a
// report's title: 沭阳县发展和改革局2023年政府信息公开年度报告.
var titleYear = regexp.MustCompile(`^(.*?)\s*((?:19|20)\d\d)\s*年`)

// fillFromTitle gives r the publisher and year its title on the site names
// where the file itself does not (an attachment holding only the tables):
// the site's title is what the government says the file is, as --publisher
// and --year are for ingest. r.Missing still says what the file lacked.
func fillFromTitle(r *gongkai.Report, title string) {
	title = titleSeparator.Split(title, 2)[0] // the site's name follows: …年度报告_沭阳县人民政府
	m := titleYear.FindStringSubmatch(title)
	if m == nil || !looksLikeReport(title) {
		return
	}
	if r.Year == 0 {
		r.Year, _ = strconv.Atoi(m[2]) // the pattern's digits
	}
	if r.Publisher.NameZh == "" && m[1] != "" {
		r.Publisher = ingest.Publisher(m[1], title)
	}
}

// titleSeparator splits a page's title from the site's name after it.
var titleSeparator = regexp.MustCompile(`\s*(?:_|\||｜|——)\s*`)

// better reports whether report a should be preferred to b, read from two
// files of one report: a whole table over a cut-off one, then more
// figures, then fewer unplaced rows. On a tie the file met first (the page
// before its attachments) is kept: its figures cite the lines of the page
// that readers see at source_url.
func better(a, b *gongkai.Report) bool {
	if (a.Truncated == "") != (b.Truncated == "") {
		return a.Truncated == ""
	}
	if len(a.Observations) != len(b.Observations) {
		return len(a.Observations) > len(b.Observations)
	}
	return len(a.Unplaced) < len(b.Unplaced)
}

// refusal says why none of a report's files gave figures.
func refusal(files []candidate) string {
	var reasons []string
	for _, f := range files {
		reasons = append(reasons, f.read.reason)
	}
	if len(files) == 1 {
		return reasons[0]
	}
	return "no file of the report holds a statistics table: " + strings.Join(reasons, "; ")
}

// reading is a file parsed: the report, or why there is none.
type reading struct {
	report *gongkai.Report
	reason string // names the file
}

// parse reads a fetched file with ingest.Parse, in the charset it was
// served in (see decodeForIngest); ingest tells the format by the content
// (PDF, DOCX, Word 97-2003 .doc and WPS, HTML, text). A report without
// figures is no report.
func (c *Crawler) parse(resp *Response) reading {
	data, _ := decodeForIngest(resp.Body, resp.ContentType)
	r, err := ingest.Parse(resp.URL, data)
	if err != nil {
		return reading{reason: errorText(resp.URL, err)}
	}
	if len(r.Observations) == 0 {
		return reading{reason: resp.URL + ": no figures in its statistics table"}
	}
	return reading{report: r}
}

// errorText is err, naming the URL once.
func errorText(u string, err error) string {
	var ge *gongkai.Error
	if errors.As(err, &ge) && ge.File == "" {
		ge.File = u
	}
	if msg := err.Error(); strings.HasPrefix(msg, u) {
		return msg
	}
	return fmt.Sprintf("%s: %v", u, err)
}

// get fetches u for this walk, once per run and within the walk's budget;
// a failure is sent as an event and gives nil.
func (w *walk) get(ctx context.Context, u, listing string) *Response {
	if !w.c.markSeen(u) || ctx.Err() != nil {
		return nil
	}
	if w.budget == 0 {
		w.emit(ctx, Event{URL: u, Status: StatusSkipped, Listing: listing,
			Reason: fmt.Sprintf("the limit of %d requests for one start URL is reached", w.c.opt.MaxPages)})
		return nil
	}
	w.budget--
	resp, err := w.c.client.Get(ctx, u)
	if err == nil {
		if resp.FinalURL != u {
			w.c.markSeen(resp.FinalURL)
		}
		return resp
	}
	if ctx.Err() != nil {
		return nil
	}
	e := Event{URL: u, Status: StatusFailed, Listing: listing, Reason: strings.TrimPrefix(err.Error(), u+": ")}
	var he *HTTPError
	var de *DisallowedError
	switch {
	case errors.As(err, &de):
		e.Status = StatusRobots
	case errors.As(err, &he):
		e.HTTPStatus = he.Status
	}
	w.emit(ctx, e)
	return nil
}

// isHTMLResponse reports whether a response is a web page rather than a file.
func isHTMLResponse(resp *Response) bool {
	ctype := strings.ToLower(resp.ContentType)
	switch {
	case strings.Contains(ctype, "html"):
		return true
	case ctype != "" && !strings.HasPrefix(ctype, "text/") && !strings.Contains(ctype, "octet-stream"):
		return false
	}
	head := strings.ToLower(string(resp.Body[:min(len(resp.Body), 1024)]))
	return strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html")
}

func finalURL(resp *Response) *url.URL {
	u, err := url.Parse(resp.FinalURL)
	if err != nil {
		u, _ = url.Parse(resp.URL) // Get parsed it before fetching
	}
	return u
}

// fileName is the last segment of a URL's path, unescaped, for the
// report's file name.
func fileName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	name := path.Base(u.Path)
	if name == "/" || name == "." {
		name = u.Host
	}
	if s, err := url.PathUnescape(name); err == nil {
		return s
	}
	return name
}
