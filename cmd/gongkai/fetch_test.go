package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/gongkai/gongkai/fetch"
)

// testSite is a government website in miniature, served by httptest: a
// column of annual reports over two listing pages, report pages with the
// table inline or in an attachment, a GBK page, a path robots.txt
// disallows, a redirect, a 404, a page that fails once with a 500, and a
// page that changes between two runs. It records every request. Its
// reports are fixtures of testdata: real reports of testdata/real (see its
// README for where they were published) and the sample report's HTML and
// DOCX renderings.
type testSite struct {
	*httptest.Server
	t     testing.TB
	pages map[string]func(w http.ResponseWriter, r *http.Request)

	mu       sync.Mutex
	requests []request
	hits     map[string]int
	run      int // which run of gongkai fetch the site is serving: 1, 2 …

	onRequest func(path string) // called before each request is answered, when set
}

// request is one request as the server saw it.
type request struct {
	method, host, path, userAgent, ifNoneMatch string
}

func newTestSite(t testing.TB) *testSite {
	s := &testSite{t: t, hits: map[string]int{}, run: 1}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("../../testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	html := "text/html; charset=utf-8"
	gbk := func(b []byte) []byte {
		out, err := simplifiedchinese.GBK.NewEncoder().Bytes(b)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	pingtan2025 := read("real/pingtan-2025.html")
	s.pages = map[string]func(http.ResponseWriter, *http.Request){
		"/robots.txt": s.file("text/plain", []byte("User-agent: *\nDisallow: /private/\n")),
		"/ndbg/index.html": s.file(html, []byte(listing(
			link("/ndbg/2018/t20180201_1.html", "薛城区人民政府2017年政府信息公开工作年度报告"),
			link("/ndbg/2022/t20220131_2.html", "薛城区人民政府2021年政府信息公开工作年度报告"),
			link("/ndbg/old-2019.html", "薛城区人民政府2019年政府信息公开工作年度报告"),
			link("/private/2022.html", "2022年政府信息公开工作年度报告（内部）"),
			link("/ndbg/2017/gone.html", "2016年政府信息公开工作年度报告"),
			link("http://other.example/ndbg/2020.html", "他站2020年政府信息公开工作年度报告"),
			link("/ndbg/index_1.html", "下一页"),
		))),
		// The second listing page is GBK, declared in the header only.
		"/ndbg/index_1.html": s.file("text/html; charset=GBK", gbk([]byte(listing(
			link("/ndbg/2024/sygfj.shtml", "沭阳县发展和改革局2023年政府信息公开年度报告"),
			link("/ndbg/2025/pt2024.html", "平潭综合实验区2024年度政府信息公开工作年度报告"),
			link("/ndbg/2026/pt2025.html", "平潭综合实验区2025年度政府信息公开工作年度报告"),
			link("/ndbg/2019/doc.html", "2018年政府信息公开工作年度报告"),
			link("/ndbg/2024/hongze.html", "洪泽区2023年政府信息公开工作年度报告"),
			link("/ndbg/index.html", "上一页"),
		)+`<script>createPageHTML(2, 1, "index", "html");</script>`))),
		// The table inline, and the same report attached as text: the page is read, both are kept.
		"/ndbg/2018/t20180201_1.html": s.file(html, bytes.Replace(read("html/xuecheng-2017.html"), []byte("</body>"),
			[]byte(link("/files/2018/xuecheng-2017.txt", "附件：薛城区人民政府2017年政府信息公开工作年度报告.txt")+"</body>"), 1)),
		"/files/2018/xuecheng-2017.txt": s.file("text/plain", read("series/xuecheng-2017.txt")),
		"/ndbg/2022/t20220131_2.html": s.file(html, []byte(reportPage("薛城区人民政府2021年政府信息公开工作年度报告",
			link("/files/2022/P020220131.docx", "薛城区人民政府2021年政府信息公开工作年度报告.docx")))),
		"/files/2022/P020220131.docx": s.file("application/vnd.openxmlformats-officedocument.wordprocessingml.document", read("docx/form2021.docx")),
		"/ndbg/old-2019.html": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/ndbg/2020/t20200115_3.html", http.StatusMovedPermanently)
		},
		"/ndbg/2020/t20200115_3.html": s.file(html, read("html/form2019.html")),
		"/private/2022.html":          s.file(html, read("html/form2021.html")),
		// GBK bytes under a <meta> copied from a UTF-8 template: the header is right.
		"/ndbg/2024/sygfj.shtml": s.file("text/html;charset=gbk", gbk(read("real/shuyang-fgj-2023.html"))),
		"/ndbg/2025/pt2024.html": s.failOnce(s.file(html, read("real/pingtan-2024.html"))),
		"/ndbg/2026/pt2025.html": func(w http.ResponseWriter, r *http.Request) {
			body := pingtan2025
			if s.currentRun() > 1 { // the government corrects a figure: 154 applications become 155
				body = bytes.Replace(body, []byte(`<p style="text-indent: 0em;">154</p>`), []byte(`<p style="text-indent: 0em;">155</p>`), 1)
			}
			s.file(html, body)(w, r)
		},
		"/ndbg/2019/doc.html": s.file(html, []byte(reportPage("2018年政府信息公开工作年度报告",
			link("/files/2019/report.doc", "2018年政府信息公开工作年度报告.doc")))),
		// A .doc cut off after its signature: refused, saying so.
		"/files/2019/report.doc": s.file("application/msword", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 600)...)),
		"/ndbg/2024/hongze.html": s.file(html, []byte(reportPage("洪泽区2023年政府信息公开工作年度报告",
			link("/files/2024/hongze-2023.pdf", "附件：洪泽区2023年政府信息公开工作年度报告")))),
		"/files/2024/hongze-2023.pdf": s.file("application/pdf", read("real/huaian-hongze-2023.pdf")),
	}
	return s
}

func (s *testSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests = append(s.requests, request{method: r.Method, host: r.Host, path: r.URL.Path,
		userAgent: r.UserAgent(), ifNoneMatch: r.Header.Get("If-None-Match")})
	s.hits[r.URL.Path]++
	hook := s.onRequest
	s.mu.Unlock()
	if hook != nil {
		hook(r.URL.Path)
	}
	h, ok := s.pages[r.URL.Path]
	if !ok || r.Method != http.MethodGet {
		http.NotFound(w, r)
		return
	}
	h(w, r)
}

func (s *testSite) currentRun() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.run
}

// file serves body with an ETag and answers If-None-Match with 304.
func (s *testSite) file(ctype string, body []byte) func(http.ResponseWriter, *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		sum := sha256.Sum256(body)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", ctype)
		w.Write(body)
	}
}

// failOnce answers the first request with a 500 asking to retry after 7 s.
func (s *testSite) failOnce(h func(http.ResponseWriter, *http.Request)) func(http.ResponseWriter, *http.Request) {
	var once sync.Once
	return func(w http.ResponseWriter, r *http.Request) {
		failed := false
		once.Do(func() {
			w.Header().Set("Retry-After", "7")
			http.Error(w, "overloaded", http.StatusInternalServerError)
			failed = true
		})
		if !failed {
			h(w, r)
		}
	}
}

func link(href, text string) string {
	return fmt.Sprintf(`<li><a href="%s" title="%s">%s</a></li>`, href, text, text)
}

// chrome is what every page of a government site carries around its
// content: navigation, news, footer.
const chrome = `<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/news/1.html">县政府召开2023年工作会议</a></div>`

func listing(links ...string) string {
	return `<!DOCTYPE html><html><head><title>政府信息公开年度报告_测试县人民政府</title></head><body>` + chrome +
		`<ul class="list">` + strings.Join(links, "\n") + `</ul><div class="footer">主办：测试县人民政府办公室 备案号：苏ICP备00000000号</div></body></html>`
}

func reportPage(title string, links ...string) string {
	return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>` + title + `_测试县人民政府</title></head><body>` + chrome +
		`<h1>` + title + `</h1><div class="article"><p>现将本年度报告全文公布如下，详见附件。</p><ul>` + strings.Join(links, "\n") +
		`</ul></div><div class="footer">主办：测试县人民政府办公室</div></body></html>`
}

// hangingSite never answers a page (robots.txt is missing, with a 404).
func hangingSite(t *testing.T) *httptest.Server {
	stop := make(chan struct{})
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	}))
	t.Cleanup(func() { close(stop); s.Close() })
	return s
}

// fakeClock is a clock that moves only when the client sleeps, so that
// delays and backoffs cost no time and are recorded.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
	sent  map[string][]time.Time // host → the clock at each request sent to it
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC), sent: map[string][]time.Time{}}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.slept = append(c.slept, d)
	c.mu.Unlock()
	return ctx.Err()
}

// RoundTrip records when, by the clock, each request was sent to its host.
func (c *fakeClock) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.sent[r.URL.Host] = append(c.sent[r.URL.Host], c.now)
	c.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

// fetchRun runs gongkai fetch with the clock, 1 s timeouts and a 2 s delay.
func fetchRun(ctx context.Context, t *testing.T, clock *fakeClock, args ...string) (string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := runFetchWith(ctx, args, &stdout, &stderr, func(o *fetch.Options) {
		o.Now, o.Sleep, o.Transport = clock.Now, clock.Sleep, clock
		o.Timeout = time.Second // long enough for a loaded machine; the hanging site still times out
	})
	if stderr.Len() > 0 {
		t.Logf("stderr: %s", stderr.String())
	}
	return stdout.String(), err
}

// printed returns the line printed for a URL, failing when there is none.
func printed(t *testing.T, out, status, u string) string {
	t.Helper()
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(status) + ` +` + regexp.QuoteMeta(u) + `: (.*)$`)
	m := re.FindStringSubmatch(out)
	if m == nil {
		t.Errorf("no line %q for %s in:\n%s", status, u, out)
		return ""
	}
	return m[1]
}

// figure returns the value of a current report's figure, by publisher and year.
func figureOf(t *testing.T, dbPath, publisher string, year int, indicator string) float64 {
	t.Helper()
	d, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var v float64
	err = d.QueryRow(`SELECT o.value FROM observations o JOIN publishers p ON p.id = o.publisher_id
		WHERE p.name_zh = ? AND o.year = ? AND o.indicator_id = (SELECT id FROM indicators WHERE code = ?) AND o.breakdown = 'total' AND o.current = 1`,
		publisher, year, indicator).Scan(&v)
	if err != nil {
		t.Fatalf("%s %d %s: %v", publisher, year, indicator, err)
	}
	return v
}

func TestFetchSite(t *testing.T) {
	site := newTestSite(t)
	hang := hangingSite(t)
	dir := t.TempDir()
	dbPath, cache := filepath.Join(dir, "gongkai.db"), filepath.Join(dir, "cache")
	clock := newFakeClock()
	listURL := site.URL + "/ndbg/index.html"
	list := filepath.Join(dir, "urls.txt")
	os.WriteFile(list, []byte("# the province's bodies\n"+listURL+"\n"+hang.URL+"/ndbg/index.html  # never answers\n"), 0o644)
	args := []string{"--db", dbPath, "--cache", cache, "--delay", "2s", "--list", list}

	out, err := fetchRun(context.Background(), t, clock, args...)
	if err != errFailed {
		t.Errorf("first run: err = %v, want errFailed (a 404, a damaged .doc, a page that never answers)", err)
	}
	t.Logf("first run:\n%s", out)

	// What was stored, read back from the database.
	u := func(p string) string { return site.URL + p }
	for _, c := range []struct {
		url, line string
	}{
		{u("/ndbg/2018/t20180201_1.html"), "薛城区人民政府 2017, legacy2014, 76 figures"},
		{u("/ndbg/2022/t20220131_2.html"), "薛城区人民政府 2021, form2021, 204 figures"},
		{u("/ndbg/old-2019.html"), "薛城区人民政府 2019, form2019, 202 figures"},
		{u("/ndbg/2024/sygfj.shtml"), "沭阳县发展和改革局 2023, form2021, 204 figures"},
		{u("/ndbg/2025/pt2024.html"), "平潭综合实验区 2024, form2021, 204 figures"},
		{u("/ndbg/2026/pt2025.html"), "平潭综合实验区 2025, form2021, 204 figures"},
	} {
		if line := printed(t, out, "stored", c.url); !strings.HasPrefix(line, c.line) {
			t.Errorf("%s: %q, want %q…", c.url, line, c.line)
		}
	}
	if line := printed(t, out, "stored", u("/ndbg/2018/t20180201_1.html")); strings.Contains(line, "read from") || !strings.HasSuffix(line, "; 2 files kept") {
		t.Errorf("the 2017 report should be read from its page, its attachment kept: %q", line)
	}
	if line := printed(t, out, "stored", u("/ndbg/2022/t20220131_2.html")); !strings.Contains(line, "read from "+u("/files/2022/P020220131.docx")) {
		t.Errorf("the 2021 report should be read from its DOCX attachment: %q", line)
	}
	for _, c := range []struct {
		publisher string
		year      int
		want      float64
	}{
		{"薛城区人民政府", 2017, 13},
		{"沭阳县发展和改革局", 2023, 26},
		{"平潭综合实验区", 2024, 218},
		{"平潭综合实验区", 2025, 154},
	} {
		if got := figureOf(t, dbPath, c.publisher, c.year, "requests.received"); got != c.want {
			t.Errorf("%s %d: %v applications received, want %v", c.publisher, c.year, got, c.want)
		}
	}
	checkFiles(t, dbPath, u("/ndbg/2018/t20180201_1.html"), "page:"+u("/ndbg/2018/t20180201_1.html")+" read", "attachment:"+u("/files/2018/xuecheng-2017.txt"))
	checkFiles(t, dbPath, u("/files/2022/P020220131.docx"), "page:"+u("/ndbg/2022/t20220131_2.html"), "attachment:"+u("/files/2022/P020220131.docx")+" read")
	printed(t, out, "robots", u("/private/2022.html"))
	if line := printed(t, out, "failed", u("/ndbg/2017/gone.html")); !strings.Contains(line, "HTTP 404") {
		t.Errorf("404: %q", line)
	}
	if line := printed(t, out, "failed", hang.URL+"/ndbg/index.html"); !strings.Contains(line, "no answer within") {
		t.Errorf("a server that never answers: %q", line)
	}
	if line := printed(t, out, "refused", u("/ndbg/2019/doc.html")); !strings.Contains(line, "a damaged compound file (.doc)") {
		t.Errorf(".doc: %q", line)
	}
	if line := printed(t, out, "listing", u("/ndbg/index_1.html")); line != "5 report links, 1 further pages" {
		t.Errorf("the GBK listing page: %q", line)
	}
	reports := 6
	if checkHongze(t, out, u("/ndbg/2024/hongze.html")) {
		reports++
	}
	if !strings.Contains(out, fmt.Sprintf("URLs: %d stored, 0 replaced, 0 unchanged", reports)) {
		t.Errorf("summary:\n%s", out)
	}

	// What was requested.
	for _, r := range site.requests {
		if r.method != http.MethodGet || !strings.Contains(r.userAgent, "gongkai") || strings.HasPrefix(r.path, "/private/") {
			t.Errorf("request %+v: want only GETs, by gongkai, outside /private/", r)
		}
	}
	for path, n := range site.hits {
		want := 1
		if path == "/ndbg/2025/pt2024.html" {
			want = 2 // a 500, then the page
		}
		if n != want {
			t.Errorf("%s requested %d times, want %d", path, n, want)
		}
	}
	if site.hits["/ndbg/2020/t20200115_3.html"] != 1 {
		t.Errorf("the redirect was not followed")
	}
	checkDelays(t, clock, 2*time.Second)
	if !contains(clock.slept, 7*time.Second) {
		t.Errorf("Retry-After: 7 was not honoured; slept %v", clock.slept)
	}

	// The second run asks conditionally; one report has changed.
	site.mu.Lock()
	site.run, site.requests, site.hits = 2, nil, map[string]int{}
	site.mu.Unlock()
	out, _ = fetchRun(context.Background(), t, clock, append(args[:len(args)-2], listURL)...)
	t.Logf("second run:\n%s", out)
	if line := printed(t, out, "replaced", u("/ndbg/2026/pt2025.html")); !strings.Contains(line, "replaces report") {
		t.Errorf("the corrected report: %q", line)
	}
	if got := figureOf(t, dbPath, "平潭综合实验区", 2025, "requests.received"); got != 155 {
		t.Errorf("after the correction: %v applications received, want 155", got)
	}
	printed(t, out, "unchanged", u("/ndbg/2018/t20180201_1.html"))
	printed(t, out, "unchanged", u("/ndbg/2022/t20220131_2.html"))
	if !strings.Contains(out, fmt.Sprintf("URLs: 0 stored, 1 replaced, %d unchanged", reports-1)) {
		t.Errorf("summary of the second run:\n%s", out)
	}
	checkJSON(t, clock, reports, append(args[:len(args)-2], "--json", listURL))

	conditional := 0
	for _, r := range site.requests {
		if r.ifNoneMatch != "" {
			conditional++
		}
	}
	if conditional < 10 {
		t.Errorf("%d conditional requests in the second run, want one for every page and file fetched before", conditional)
	}
}

// checkFiles: the current report read from sourceURL keeps these files
// (role:URL, " read" for the one read), and its listing page.
func checkFiles(t *testing.T, dbPath, sourceURL string, want ...string) {
	t.Helper()
	d, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	rows, err := d.Query(`SELECT f.role || ':' || f.url || CASE WHEN f.read THEN ' read' ELSE '' END, r.listing_url
		FROM report_files f JOIN reports r ON r.id = f.report_id
		WHERE r.source_url = ? AND r.superseded_by IS NULL ORDER BY f.position`, sourceURL)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var f, listing string
		if err := rows.Scan(&f, &listing); err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(listing, "/ndbg/index.html") {
			t.Errorf("%s: listing %q", sourceURL, listing)
		}
		got = append(got, f)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("files of the report read from %s:\n%s\nwant\n%s", sourceURL, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// checkHongze: the 洪泽 report's table is only in its PDF attachment. Until
// ingest reads PDF, the page is refused naming the PDF; once it does, the
// report is stored from the PDF, and checkHongze reports true.
func checkHongze(t *testing.T, out, pageURL string) bool {
	t.Helper()
	if strings.Contains(out, "stored    "+pageURL+":") {
		if line := printed(t, out, "stored", pageURL); !strings.Contains(line, "洪泽") || !strings.Contains(line, " 2023, ") ||
			!strings.Contains(line, "read from") || !strings.Contains(line, "hongze-2023.pdf") {
			t.Errorf("洪泽 2023: %q, want the 2023 report read from the PDF", line)
		}
		return true
	}
	if line := printed(t, out, "refused", pageURL); !strings.Contains(line, "hongze-2023.pdf") {
		t.Errorf("洪泽 2023: %q, want the PDF named", line)
	}
	return false
}

// checkDelays: two requests to one host are never closer than the delay.
func checkDelays(t *testing.T, clock *fakeClock, delay time.Duration) {
	t.Helper()
	for host, times := range clock.sent {
		for i := 1; i < len(times); i++ {
			if gap := times[i].Sub(times[i-1]); gap < delay {
				t.Errorf("%s: requests %d and %d %s apart, want at least %s", host, i-1, i, gap, delay)
			}
		}
	}
}

func contains(list []time.Duration, d time.Duration) bool {
	for _, x := range list {
		if x == d {
			return true
		}
	}
	return false
}

// TestFetchResumes: a fetch killed part-way is resumed by running it again;
// what was fetched before is asked for conditionally, and every report ends
// up stored.
func TestFetchResumes(t *testing.T) {
	site := newTestSite(t)
	dir := t.TempDir()
	clock := newFakeClock()
	args := []string{"--db", filepath.Join(dir, "gongkai.db"), "--cache", filepath.Join(dir, "cache"), site.URL + "/ndbg/index.html"}

	ctx, kill := context.WithCancel(context.Background())
	site.onRequest = func(path string) {
		if path == "/ndbg/2024/sygfj.shtml" { // half-way through the second listing page
			kill()
		}
	}
	out, err := fetchRun(ctx, t, clock, args...)
	t.Logf("killed run:\n%s", out)
	if err == nil {
		t.Fatalf("a killed run should fail")
	}
	if strings.Contains(out, "sygfj") && strings.Contains(out, "stored    "+site.URL+"/ndbg/2024/sygfj.shtml") {
		t.Fatalf("the run went on after it was killed")
	}

	site.mu.Lock()
	site.onRequest, site.requests = nil, nil
	site.mu.Unlock()
	out, _ = fetchRun(context.Background(), t, clock, args...)
	t.Logf("run again:\n%s", out)
	if !regexp.MustCompile(`URLs: \d stored, 0 replaced, \d unchanged`).MatchString(out) {
		t.Errorf("summary:\n%s", out)
	}
	for _, c := range []struct {
		publisher string
		year      int
	}{{"薛城区人民政府", 2017}, {"薛城区人民政府", 2021}, {"薛城区人民政府", 2019}, {"沭阳县发展和改革局", 2023},
		{"平潭综合实验区", 2024}, {"平潭综合实验区", 2025}} {
		figureOf(t, filepath.Join(dir, "gongkai.db"), c.publisher, c.year, "requests.received")
	}
	for _, r := range site.requests {
		if r.path == "/ndbg/2018/t20180201_1.html" && r.ifNoneMatch == "" {
			t.Errorf("a page fetched before the kill was asked for unconditionally")
		}
	}
}

// checkJSON: with --json, a third run prints one JSON object per URL, and
// the summary last.
func checkJSON(t *testing.T, clock *fakeClock, reports int, args []string) {
	t.Helper()
	out, _ := fetchRun(context.Background(), t, clock, args...)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	statuses := map[string]int{}
	for _, l := range lines[:len(lines)-1] {
		var e struct {
			URL, Status, Publisher string
			Year, Figures          int
			HTTPStatus             int `json:"http_status"`
		}
		if err := json.Unmarshal([]byte(l), &e); err != nil || e.URL == "" {
			t.Fatalf("--json line %q: %v", l, err)
		}
		statuses[e.Status]++
		if e.Status == "failed" && e.HTTPStatus != http.StatusNotFound {
			t.Errorf("--json: %s", l)
		}
		if e.Status == "unchanged" && (e.Publisher == "" || e.Year == 0 || e.Figures == 0) {
			t.Errorf("--json: %s", l)
		}
	}
	var summary struct{ Summary map[string]int }
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &summary); err != nil || summary.Summary["unchanged"] != reports {
		t.Errorf("--json summary %q: %v", lines[len(lines)-1], err)
	}
	if statuses["unchanged"] != reports || statuses["listing"] != 2 || statuses["robots"] != 1 {
		t.Errorf("--json statuses %v", statuses)
	}
}

// BenchmarkFetch measures gongkai fetch of the test site over loopback with
// no delay (every request counted, politeness aside): a first run into a
// new cache and database (15 requests, 6 reports stored), and a rerun in
// which every page and file is answered 304 and every report is unchanged.
func BenchmarkFetch(b *testing.B) {
	site := newTestSite(b)
	listURL := site.URL + "/ndbg/index.html"
	fetchOnce := func(dir string) {
		err := runFetchWith(context.Background(), []string{"--db", filepath.Join(dir, "gongkai.db"), "--cache", filepath.Join(dir, "cache"),
			"--delay", "0s", listURL}, io.Discard, io.Discard, nil)
		if err != nil && err != errFailed {
			b.Fatal(err)
		}
	}
	fetchOnce(b.TempDir()) // the site's one 500, and its Retry-After of 7 s, out of the way
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			fetchOnce(b.TempDir())
		}
		b.ReportMetric(6*float64(b.N)/b.Elapsed().Seconds(), "reports/s")
	})
	b.Run("rerun", func(b *testing.B) {
		dir := b.TempDir()
		fetchOnce(dir)
		b.ResetTimer()
		for b.Loop() {
			fetchOnce(dir)
		}
		b.ReportMetric(6*float64(b.N)/b.Elapsed().Seconds(), "reports/s")
	})
}
