package api_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/api"
	"github.com/gongkai/gongkai/db"
	"github.com/gongkai/gongkai/ingest"
	"github.com/gongkai/gongkai/samples"
)

// fetchedDB is a database holding the sample report as gongkai fetch would
// store it: read from a text attachment of a report page found on a listing.
func fetchedDB(t *testing.T) (path string, r *gongkai.Report) {
	t.Helper()
	b, err := samples.FS.ReadFile("xuecheng-2017.txt")
	if err != nil {
		t.Fatal(err)
	}
	if r, err = ingest.Parse("xuecheng-2017.txt", b); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2024, 3, 1, 8, 30, 0, 0, time.UTC)
	page := []byte("<html><title>薛城区人民政府2017年政府信息公开工作年度报告</title></html>")
	pageSum := sha256.Sum256(page)
	r.SourceURL = "http://www.xuecheng.gov.cn/zwgk/ndbg/P0201802.txt"
	r.ListingURL = "http://www.xuecheng.gov.cn/zwgk/ndbg/index.html"
	r.FetchedAt = at
	r.Files = []gongkai.SourceFile{
		{URL: "http://www.xuecheng.gov.cn/zwgk/ndbg/t20180201.html", Role: gongkai.RolePage,
			SHA256: hex.EncodeToString(pageSum[:]), FetchedAt: at, Bytes: page},
		{URL: r.SourceURL, Role: gongkai.RoleAttachment, SHA256: r.SHA256, Read: true, FetchedAt: at, Bytes: b},
	}
	path = filepath.Join(t.TempDir(), "fetched.db")
	d, err := db.Open(context.Background(), path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.StoreReport(context.Background(), r, db.StoreOptions{}); err != nil {
		t.Fatal(err)
	}
	return path, r
}

// TestReportProvenance: a researcher citing a figure finds the page it came from.
func TestReportProvenance(t *testing.T) {
	path, r := fetchedDB(t)
	ts := newTestServerOn(t, path, api.Options{})

	var detail api.ReportDetail
	ts.getJSON(t, "/v1/reports/1", http.StatusOK, &detail)
	if detail.SourceURL != r.SourceURL || detail.ListingURL != r.ListingURL ||
		detail.FetchedAt == nil || !detail.FetchedAt.Equal(r.FetchedAt) {
		t.Errorf("provenance = %q, %q, %v", detail.SourceURL, detail.ListingURL, detail.FetchedAt)
	}
	if len(detail.Files) != 2 || detail.Files[0].Role != "page" || detail.Files[0].Read ||
		detail.Files[1].URL != r.SourceURL || !detail.Files[1].Read || detail.Files[1].Size != int64(len(r.Source)) {
		t.Errorf("files = %+v", detail.Files)
	}

	var list api.ReportList
	ts.getJSON(t, "/v1/reports", http.StatusOK, &list)
	if len(list.Data) != 1 || list.Data[0].SourceURL != r.SourceURL {
		t.Errorf("listed = %+v", list.Data)
	}

	_, body := ts.get(t, "/v1/reports?format=csv")
	rows := lines(body)
	if !strings.HasSuffix(rows[0], ",source_url,listing_url,fetched_at") ||
		!strings.HasSuffix(rows[1], ","+r.SourceURL+","+r.ListingURL+",2024-03-01T08:30:00Z") {
		t.Errorf("CSV =\n%s", body)
	}
}

// TestReportWithoutProvenance: a file ingested from disk has no URL and a
// null fetched_at, in JSON and CSV.
func TestReportWithoutProvenance(t *testing.T) {
	ts := newTestServer(t, api.Options{})
	resp, body := ts.get(t, "/v1/reports/1")
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"source_url":"","listing_url":"","fetched_at":null`) ||
		!strings.Contains(string(body), `"files":[]`) {
		t.Errorf("report from disk:\n%.2000s", body)
	}
	_, body = ts.get(t, "/v1/reports?format=csv")
	if rows := lines(body); !strings.HasSuffix(rows[1], ",,,") {
		t.Errorf("CSV row of a report from disk = %q, want empty provenance", rows[1])
	}
}
