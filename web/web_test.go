package web_test

import (
	"context"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gongkai/gongkai/api"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/check"
	"github.com/gongkai/gongkai/db"
	"github.com/gongkai/gongkai/ingest"
)

// seriesDB holds 薛城区's reports of 2017 (the real sample, report 1),
// 2019 and 2021 (testdata/series), stored as gongkai ingest stores them.
var seriesDB string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "gongkai-web")
	if err != nil {
		panic(err)
	}
	seriesDB = filepath.Join(dir, "series.db")
	if err := buildDB(seriesDB, os.DirFS("../testdata/series")); err != nil {
		panic(err)
	}
	code := m.Run()
	closeBrowser()
	os.RemoveAll(dir)
	os.Exit(code)
}

// buildDB stores every report file of fsys in name order, each checked
// against the year before.
func buildDB(path string, fsys fs.FS) error {
	ctx := context.Background()
	d, err := db.Open(ctx, path, false)
	if err != nil {
		return err
	}
	defer d.Close()
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return err
		}
		r, err := ingest.Parse(e.Name(), b)
		if err != nil {
			return err
		}
		prev, err := d.PreviousReport(ctx, r.Publisher.ID, r.Year)
		if err != nil {
			return err
		}
		check.Apply(r, catalog.MustRules(), prev)
		if _, err := d.StoreReport(ctx, r, db.StoreOptions{}); err != nil {
			return err
		}
	}
	return nil
}

// newServer serves the API and the pages over seriesDB, read-only as
// gongkai serve opens it.
func newServer(t testing.TB) *httptest.Server {
	t.Helper()
	d, err := db.Open(context.Background(), seriesDB, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	ts := httptest.NewServer(api.New(d, api.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	t.Cleanup(ts.Close)
	return ts
}

func get(t *testing.T, ts *httptest.Server, path string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

// The pages a journalist goes through, each with what it must show.
func TestPages(t *testing.T) {
	ts := newServer(t)
	for _, tc := range []struct {
		name   string
		path   string
		status int
		want   []string
	}{
		{"the home page lists the reports and the dataset", "/", 200, []string{
			`<html lang="zh-CN">`, `href="/reports/1">薛城区人民政府2017年政府信息公开工作年度报告</a>`,
			`<strong>3</strong> 报告`, `action="/search"`, `GET /v1</code>`}},
		{"the home page in English", "/?lang=en", 200, []string{
			`<html lang="en">`, `href="/reports/1?lang=en"`, `Xuecheng District People&#39;s Government`, `href="/" hreflang="zh-CN"`}},
		{"a report: 13 applications under 收到申请数, linked to line 135, flagged", "/reports/1", 200, []string{
			`（一）收到申请数<span class="indicator"><a href="/indicators/requests.received">收到申请数</a>`,
			`<td class="num failed"><a href="/reports/1/source#L135"`, `>13</a> <span class="flag flag-check_failed">check_failed</span>`,
			`⚠ narrative 16 ≠ table 13: 收到申请数`}},
		{"a report: the narrative's 16 marked against the table's 13", "/reports/1", 200, []string{
			`<mark class="contradiction" id="evidence-`, `2017年，全区收到依申请公开政府信息的申请16件，答复率为100%。</mark>`,
			`与统计表矛盾: 表中为 13</a>`}},
		{"a report: downloads and the API call", "/reports/1", 200, []string{
			`href="/v1/observations?bom=true&amp;format=csv&amp;report=1"`, `href="/v1/reports/1/source" download`, `GET /v1/reports/1</code>`}},
		{"a report of the 2019 form: the table of applications by applicant", "/reports/2", 200, []string{
			`<th scope="col">自然人</th>`, `<th scope="col">总计</th>`, `一、本年新收政府信息公开申请数量`}},
		{"a report in English", "/reports/1?lang=en", 200, []string{
			`Applications received</a>`, `href="/reports/1/source?lang=en#L135"`, `contradicts the table: the table says 13`}},
		{"the source: line 135 holds the 13", "/reports/1/source", 200, []string{
			`<li id="L135" class="cited"><a class="n" href="#L135">135</a><span class="t">	13</span></li>`}},
		{"a publisher: reports by year and key figures", "/publishers/370403", 200, []string{
			`href="/reports/3">薛城区人民政府2021年`, `<th scope="col">2019</th>`, `/v1/series.svg?indicator=requests.received&amp;publisher=370403`,
			`href="/reports/1/source#L135">13</a>`}},
		{"an indicator over the years for one publisher", "/indicators/requests.received?publisher=370403", 200, []string{
			`<img src="/v1/series.svg?indicator=requests.received&amp;publisher=370403"`, `<th scope="col">2018</th>`,
			`<td class="num">—</td>`, `equivalent`}},
		{"the checks of one rule", "/checks?rule=narrative.requests.received", 200, []string{
			`href="/reports/1#check-`, `<q>2017年，全区收到依申请公开政府信息的申请16件，答复率为100%。</q>`,
			`GET /v1/checks?rule=narrative.requests.received&amp;status=fail</code>`}},
		{"the search box: 薛城 finds the publisher and its reports", "/search?q=%E8%96%9B%E5%9F%8E", 200, []string{
			`<span class="kind">发布机关</span>
  <a href="/publishers/370403">薛城区人民政府</a>`, `<mark>薛城</mark>区人民政府2017年`, `href="/reports/1"`, `value="薛城"`}},
		{"the search box in English", "/search?q=%E5%A4%8D%E8%AE%AE&lang=en", 200, []string{
			`<span class="kind">narrative</span>`, `<mark>复议</mark>`, `?lang=en#section-L`}},
		{"a search of one character", "/search?q=%E8%96%9B", 400, []string{`at least 2 characters`}},
		{"the stylesheet is served from the binary", "/static/style.css", 200, []string{`:focus-visible`}},
		{"no such report", "/reports/999", 404, []string{`role="alert"`, `no current report with id 999`}},
		{"not a report id", "/reports/abc", 404, []string{`report ids are positive integers`}},
		{"no such indicator", "/indicators/nope", 404, []string{`no indicator with code`}},
		{"an unknown rule", "/checks?rule=nope", 400, []string{`rule`}},
		{"an unknown language", "/reports/1?lang=fr", 400, []string{`lang`}},
		{"a malformed region", "/indicators/requests.received?region=abc", 400, []string{`region`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, ts, tc.path)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d\n%.2000s", resp.StatusCode, tc.status, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("no %q in\n%.3000s", w, body)
				}
			}
		})
	}
}

// Pages are cached like the API: an ETag from the dataset version, 304 on
// a match; an error page is not cached.
func TestPagesCache(t *testing.T) {
	ts := newServer(t)
	resp, _ := get(t, ts, "/reports/1")
	etag := resp.Header.Get("ETag")
	if etag == "" || !strings.HasPrefix(resp.Header.Get("Cache-Control"), "public") {
		t.Fatalf("ETag %q, Cache-Control %q", etag, resp.Header.Get("Cache-Control"))
	}
	if resp, _ := get(t, ts, "/reports/1", "If-None-Match", etag); resp.StatusCode != http.StatusNotModified {
		t.Errorf("If-None-Match: status %d, want 304", resp.StatusCode)
	}
	if resp, _ := get(t, ts, "/reports/1?lang=en"); resp.Header.Get("ETag") == etag {
		t.Error("the English page has the Chinese page's ETag")
	}
	if resp, _ := get(t, ts, "/reports/999"); resp.Header.Get("ETag") != "" || resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("an error page is cached: ETag %q, Cache-Control %q", resp.Header.Get("ETag"), resp.Header.Get("Cache-Control"))
	}
}

// Every word a template asks for has a Chinese and an English text: a
// missing key would print as itself.
func TestMessagesComplete(t *testing.T) {
	used := regexp.MustCompile(`\.T "([a-z_]+)"`)
	files, err := filepath.Glob("templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatal(err, files)
	}
	ts := newServer(t)
	_, body := get(t, ts, "/reports/1?lang=en")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(b), -1) {
			if strings.Contains(body, ">"+m[1]+"<") {
				t.Errorf("%s: message %q printed as its key", f, m[1])
			}
		}
	}
}

// The source of an HTML report is its text as extracted, numbered by the
// lines of the page's source as its figures cite them: the 0 of 规章 本年新制作数量
// is on line 34 of the page, and the source page shows it there.
func TestSourceOfHTMLPage(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "in"), 0o755); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile("../testdata/html/form2019.html")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "in", "form2019.html"), page, 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "html.db")
	if err := buildDB(path, os.DirFS(filepath.Join(dir, "in"))); err != nil {
		t.Fatal(err)
	}
	d, err := db.Open(context.Background(), path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ts := httptest.NewServer(api.New(d, api.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}))
	defer ts.Close()

	_, report := get(t, ts, "/reports/1")
	if !strings.Contains(report, `href="/reports/1/source#L34" title="regulations.issued · total`) {
		t.Errorf("规章 本年新制作数量 does not link to line 34 of the page:\n%.3000s", report)
	}
	resp, source := get(t, ts, "/reports/1/source")
	for _, want := range []string{"这是从网页中提取的文字", `<li id="L34" class="cited"><a class="n" href="#L34">34</a><span class="t">0</span></li>`} {
		if resp.StatusCode != 200 || !strings.Contains(source, want) {
			t.Errorf("no %q in the source page (%d)", want, resp.StatusCode)
		}
	}
	if strings.Contains(source, "&lt;td") {
		t.Error("the source page shows the page's markup, not its text")
	}
}
