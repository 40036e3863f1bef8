package db

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/ingest"
)

// mustStoreSeries stores 薛城区's reports of 2017, 2019 and 2021
// (testdata/series) and returns their ids in that order.
func mustStoreSeries(tb testing.TB, d *DB) []int64 {
	tb.Helper()
	var ids []int64
	for _, name := range []string{"xuecheng-2017.txt", "xuecheng-2019.txt", "xuecheng-2021.md"} {
		r := parseFile(tb, filepath.Join("../testdata/series", name))
		ids = append(ids, mustStore(tb, d, r, StoreOptions{}).ReportID)
	}
	return ids
}

func parseFile(tb testing.TB, path string) *gongkai.Report {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	r, err := ingest.Parse(filepath.Base(path), b)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// searchAll pages through every hit of a query.
func searchAll(tb testing.TB, d *DB, f SearchFilter) []SearchHit {
	tb.Helper()
	var all []SearchHit
	for {
		page, err := d.Search(context.Background(), f)
		if err != nil {
			tb.Fatalf("Search(%+v): %v", f, err)
		}
		all = append(all, page.Hits...)
		if page.Next == "" {
			return all
		}
		f.After = page.Next
	}
}

func TestSearchXuecheng(t *testing.T) {
	d := MustOpenDB(t)
	ids := mustStoreSeries(t, d)
	page, err := d.Search(context.Background(), SearchFilter{Q: "薛城", Limit: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Hits) != 4 || page.Next == "" {
		t.Fatalf("%d hits, next %q: want 4 and more", len(page.Hits), page.Next)
	}
	first := page.Hits[0]
	if first.Kind != KindPublisher || first.Ref != "370403" || first.Snippet != "<mark>薛城</mark>区人民政府\nXuecheng District People&#39;s Government" {
		t.Errorf("first hit %+v: want the publisher 370403", first)
	}
	// Then the reports' titles and narrative, newest first.
	if h := page.Hits[1]; h.Kind != KindReport || h.ReportID != ids[2] || !strings.Contains(h.Snippet, "<mark>薛城</mark>区人民政府2021年") {
		t.Errorf("second hit %+v: want the title of the 2021 report", h)
	}
}

// A two-character query finds every narrative section that holds it, and
// nothing else: the same sections as a scan of the texts.
func TestSearchTwoCharactersFindsEverySection(t *testing.T) {
	d := MustOpenDB(t)
	mustStoreSeries(t, d)
	for _, q := range []string{"复议", "征收", "公开", "网站", "申请16件"} {
		want := Count(t, d, "sections", "instr(heading || char(10) || text, ?) > 0", q)
		hits := searchAll(t, d, SearchFilter{Q: q, Kinds: []string{KindSection}, Limit: 3})
		if len(hits) != want {
			t.Errorf("%s: %d sections found, %d hold it", q, len(hits), want)
		}
		for _, h := range hits {
			if !strings.Contains(h.Snippet, "<mark>"+q+"</mark>") {
				t.Errorf("%s: snippet %q does not mark it", q, h.Snippet)
			}
		}
	}
}

func TestSearchKinds(t *testing.T) {
	d := MustOpenDB(t)
	mustStoreSeries(t, d)
	for _, tc := range []struct {
		q, kind, ref string
	}{
		{"收到申请数", KindIndicator, "requests.received"},
		{"Applications received", KindIndicator, "requests.received"},
		{"xuech", KindPublisher, "370403"},
		{"XUECHENG district", KindPublisher, "370403"},
		{"行政复议", KindIndicator, "reconsiderations.total"},
	} {
		hits := searchAll(t, d, SearchFilter{Q: tc.q})
		found := false
		for _, h := range hits {
			found = found || h.Kind == tc.kind && h.Ref == tc.ref
		}
		if !found {
			t.Errorf("%s: no %s %s among %d hits", tc.q, tc.kind, tc.ref, len(hits))
		}
	}
	if hits := searchAll(t, d, SearchFilter{Q: "薛城区 2019"}); len(hits) == 0 || !strings.Contains(hits[0].Title+hits[0].Snippet, "2019") {
		t.Errorf("薛城区 2019: %+v", hits)
	}
	if hits := searchAll(t, d, SearchFilter{Q: "城薛"}); len(hits) != 0 {
		t.Errorf("城薛 is in no text, found %+v", hits)
	}
}

func TestSearchRefusesShortQueries(t *testing.T) {
	d := MustOpenDB(t)
	for _, q := range []string{"", "薛", "  ", "a", "，。"} {
		_, err := d.Search(context.Background(), SearchFilter{Q: q})
		if gongkai.ErrorCode(err) != gongkai.EINVALID || !strings.HasPrefix(err.Error(), "q: ") {
			t.Errorf("%q: %v, want an EINVALID error naming q", q, err)
		}
	}
	if _, err := d.Search(context.Background(), SearchFilter{Q: "薛城", After: "x1"}); gongkai.ErrorCode(err) != gongkai.EINVALID {
		t.Errorf("bad cursor: %v", err)
	}
}

// A replaced report is found no more; its replacement is.
func TestSearchFollowsReplacement(t *testing.T) {
	d := MustOpenDB(t)
	r := seedReport(t)
	mustStore(t, d, r, StoreOptions{})
	r2 := seedReport(t)
	r2.Title = "薛城区人民政府2017年政府信息公开工作年度报告（修订版）"
	out := mustStore(t, d, withSource(r2, append(r2.Source, '\n')), StoreOptions{Replace: true})
	hits := searchAll(t, d, SearchFilter{Q: "年度报告", Kinds: []string{KindReport}})
	if len(hits) != 1 || hits[0].ReportID != out.ReportID {
		t.Errorf("hits %+v: want only the revised report %d", hits, out.ReportID)
	}
	if n := Count(t, d, "search_docs", "kind = 'section'"); n != len(r2.Sections) {
		t.Errorf("%d sections indexed, want the %d of the current report", n, len(r2.Sections))
	}
}

// A database whose reports were stored before the search index existed is
// indexed when it is next opened for writing.
func TestSearchIndexBuiltOnOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	d, err := Open(context.Background(), path, false)
	if err != nil {
		t.Fatal(err)
	}
	mustStoreSeries(t, d)
	want := Count(t, d, "search_docs", "")
	for _, stmt := range []string{"DELETE FROM search_names", "DELETE FROM search_text", "DELETE FROM search_docs", "DELETE FROM meta WHERE key = 'search_catalog'"} {
		MustExec(t, d, stmt)
	}
	d.Close()
	if d, err = Open(context.Background(), path, false); err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if got := Count(t, d, "search_docs", ""); got != want {
		t.Errorf("%d documents after reopening, want %d", got, want)
	}
	if hits := searchAll(t, d, SearchFilter{Q: "复议"}); len(hits) == 0 {
		t.Error("复议: nothing found after reindexing")
	}
}

// The search reads the FTS5 index and each hit's document by its key:
// no scan of the texts, whatever the length of the query.
func TestSearchUsesIndex(t *testing.T) {
	d := MustOpenDB(t)
	for _, q := range []string{"复议", "收到申请数", "xuech"} {
		rows, err := d.read.QueryContext(context.Background(), `EXPLAIN QUERY PLAN
			SELECT d.id FROM search_text s JOIN search_docs d ON d.id = s.rowid
			WHERE search_text MATCH ? ORDER BY s.rowid DESC LIMIT 21`, matchQuery(q))
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		joined := strings.Join(plan, " | ")
		if !strings.Contains(joined, "VIRTUAL TABLE INDEX") || !strings.Contains(joined, "SEARCH d USING INTEGER PRIMARY KEY") || strings.Contains(joined, "TEMP B-TREE") {
			t.Errorf("%s: plan %s", q, joined)
		}
	}
}

func TestMatchQuery(t *testing.T) {
	for _, tc := range []struct{ q, want string }{
		{"征收", `"征收"`},
		{"征收土地", `"征收" + "收土" + "土地"`},
		{"薛城 复议", `"薛城" AND "复议"`},
		{"2017年", `"2017" + "年"*`},
		{"Xuech", `"xuech"*`},
		{"申请16件", `"申请" + "16" + "件"*`},
		{`"三安全一稳定"`, `"三安" + "安全" + "全一" + "一稳" + "稳定"`},
		{"薛", ""},
		{"", ""},
	} {
		if got := matchQuery(tc.q); got != tc.want {
			t.Errorf("matchQuery(%q) = %s, want %s", tc.q, got, tc.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	text := strings.Repeat("前文", 20) + "收到<申请>16件" + strings.Repeat("后文", 50)
	got := snippet(text, "<申请>")
	if !strings.HasPrefix(got, "…") || !strings.Contains(got, "收到<mark>&lt;申请&gt;</mark>16件") || !strings.HasSuffix(got, "…") {
		t.Errorf("snippet %q", got)
	}
	if got := snippet("short", "none"); got != "short" {
		t.Errorf("snippet without match %q", got)
	}
}
