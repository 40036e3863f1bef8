package fetch

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
)

// crawl runs a crawler with the test clock over seeds and returns its events.
func crawl(t *testing.T, opt CrawlOptions, seeds ...string) []Event {
	t.Helper()
	c, _ := newTestClient(t, Options{})
	var events []Event
	for e := range NewCrawler(c, opt).Run(context.Background(), seeds) {
		events = append(events, e)
	}
	return events
}

func serveFile(t *testing.T, ctype, name string) http.HandlerFunc {
	b, err := os.ReadFile("../testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		w.Write(b)
	}
}

// TestSeeds: a URL given may be a report page or a report file, not only a listing.
func TestSeeds(t *testing.T) {
	s := site(t, map[string]http.HandlerFunc{
		"/nb/t1.html": func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `<html><head><meta charset="utf-8"><title>薛城区人民政府2021年政府信息公开工作年度报告</title></head>
				<body><div class="nav"><a href="/">首页</a></div><p>详见附件。</p><a href="/f/a.docx">附件</a></body></html>`)
		},
		"/f/a.docx": serveFile(t, "application/octet-stream", "docx/form2021.docx"),
		"/f/b.txt":  serveFile(t, "text/plain", "series/xuecheng-2017.txt"),
	})
	events := crawl(t, CrawlOptions{}, s.URL+"/nb/t1.html", s.URL+"/f/b.txt")
	byURL := map[string]Event{}
	for _, e := range events {
		byURL[e.URL] = e
	}
	page := byURL[s.URL+"/nb/t1.html"]
	if page.Status != StatusReport || page.Report.Year != 2021 || len(page.Report.Observations) != 204 ||
		page.Report.SourceURL != s.URL+"/f/a.docx" || page.Report.FileName != "a.docx" {
		t.Errorf("report page: %+v", page)
	} else if roles := fileRoles(page.Report); !slices.Equal(roles, []string{"page", "attachment read"}) {
		t.Errorf("files of the report page: %q", roles)
	}
	file := byURL[s.URL+"/f/b.txt"]
	if file.Status != StatusReport || file.Report.Year != 2017 || file.Report.ListingURL != "" {
		t.Errorf("report file: %+v", file)
	} else if roles := fileRoles(file.Report); !slices.Equal(roles, []string{"file read"}) {
		t.Errorf("files of the report file: %q", roles)
	}
}

// TestWordDocAttachments: a report attached as a Word 97-2003 .doc file is
// read from it; a damaged one is refused, saying what is wrong with it.
func TestWordDocAttachments(t *testing.T) {
	page := func(file string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `<html><head><meta charset="utf-8"><title>薛城区人民政府2019年政府信息公开工作年度报告</title></head>
				<body><p>详见附件。</p><a href="%s">附件：年度报告.doc</a></body></html>`, file)
		}
	}
	good, err := os.ReadFile("../testdata/doc/form2019-html.doc")
	if err != nil {
		t.Fatal(err)
	}
	s := site(t, map[string]http.HandlerFunc{
		"/nb/good.html": page("/f/report.doc"),
		"/f/report.doc": serveFile(t, "application/msword", "doc/form2019-html.doc"),
		"/nb/cut.html":  page("/f/cut.doc"),
		"/f/cut.doc": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/msword")
			w.Write(good[:len(good)/2+100])
		},
	})
	byURL := map[string]Event{}
	for _, e := range crawl(t, CrawlOptions{}, s.URL+"/nb/good.html", s.URL+"/nb/cut.html") {
		byURL[e.URL] = e
	}
	read := byURL[s.URL+"/nb/good.html"]
	if read.Status != StatusReport || read.Report.Year != 2019 || len(read.Report.Observations) != 202 ||
		read.Report.SourceURL != s.URL+"/f/report.doc" || read.Report.FileName != "report.doc" {
		t.Errorf("report with a .doc attachment: %+v", read)
	}
	cut := byURL[s.URL+"/nb/cut.html"]
	if cut.Status != StatusRefused || !strings.Contains(cut.Reason, s.URL+"/f/cut.doc") || !strings.Contains(cut.Reason, "a damaged compound file (.doc), cut off") {
		t.Errorf("a cut-off .doc: %s %q", cut.Status, cut.Reason)
	}
}

// TestTitleNamesPublisherAndYear: an attachment holding only the tables is
// stored under the publisher and year that its page's title names.
func TestTitleNamesPublisherAndYear(t *testing.T) {
	s := site(t, map[string]http.HandlerFunc{
		"/nb/t2.html": func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `<html><head><meta charset="utf-8"><title>薛城区人民政府2019年政府信息公开工作年度报告_薛城区人民政府</title></head>
				<body><a href="/f/tables.txt">附件：统计表</a></body></html>`)
		},
		"/f/tables.txt": serveFile(t, "text/plain", "form2019/tabs-tables-only.txt"),
	})
	events := crawl(t, CrawlOptions{}, s.URL+"/nb/t2.html")
	if len(events) != 1 || events[0].Status != StatusReport {
		t.Fatalf("events = %+v", events)
	}
	r := events[0].Report
	if r.Publisher.NameZh != "薛城区人民政府" || r.Publisher.AdminCode != "370403" || r.Year != 2019 || len(r.Observations) != 202 {
		t.Errorf("report = %+v %d, %d figures", r.Publisher, r.Year, len(r.Observations))
	}
	if !slices.Contains(r.Missing, "publisher") || !slices.Contains(r.Missing, "year") {
		t.Errorf("missing = %q: the file's lack should still be told", r.Missing)
	}
}

func fileRoles(r *gongkai.Report) []string {
	var out []string
	for _, f := range r.Files {
		s := f.Role
		if f.Read {
			s += " read"
		}
		out = append(out, s)
	}
	return out
}

// TestLimits: pagination stops after Depth listing pages, and the
// requests for one seed after MaxPages.
func TestLimits(t *testing.T) {
	handlers := map[string]http.HandlerFunc{}
	for i := range 10 {
		handlers[fmt.Sprintf("/nb/index_%d.html", i)] = func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `<html><body><a href="t%d.html">%d年政府信息公开工作年度报告</a><a href="index_%d.html">下一页</a></body></html>`,
				i, 2010+i, i+1)
		}
		handlers[fmt.Sprintf("/nb/t%d.html", i)] = func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprint(w, `<html><body><p>无</p></body></html>`)
		}
	}
	s := site(t, handlers)
	count := func(events []Event, status string) int {
		n := 0
		for _, e := range events {
			if e.Status == status {
				n++
			}
		}
		return n
	}
	events := crawl(t, CrawlOptions{Depth: 3}, s.URL+"/nb/index_0.html")
	if n := count(events, StatusListing); n != 3 {
		t.Errorf("--depth 3: %d listing pages read", n)
	}
	events = crawl(t, CrawlOptions{MaxPages: 4}, s.URL+"/nb/index_0.html")
	if n := count(events, StatusListing) + count(events, StatusRefused); n != 4 {
		t.Errorf("--max-pages 4: %d pages read: %+v", n, events)
	}
	if last := events[len(events)-1]; last.Status != StatusSkipped || !strings.Contains(last.Reason, "limit of 4 requests") {
		t.Errorf("the last event: %+v, want the limit named", last)
	}
}
