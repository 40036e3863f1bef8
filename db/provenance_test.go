package db

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"testing"
	"time"

	"github.com/gongkai/gongkai"
)

// fetchedFile is a file of a fetched report with its digest.
func fetchedFile(url, role string, read bool, b []byte, at time.Time) gongkai.SourceFile {
	sum := sha256.Sum256(b)
	return gongkai.SourceFile{URL: url, Role: role, SHA256: hex.EncodeToString(sum[:]), Read: read, FetchedAt: at, Bytes: b}
}

func TestStoreReportProvenance(t *testing.T) {
	ctx := context.Background()
	d := MustOpenDB(t)
	at := time.Date(2024, 3, 1, 8, 30, 0, 0, time.UTC)
	page := []byte("<html><title>薛城区人民政府2017年政府信息公开工作年度报告</title><a href=a.txt>附件</a></html>")

	r := xuecheng2017(t)
	r.SourceURL = "http://www.xuecheng.gov.cn/zwgk/ndbg/a.txt"
	r.ListingURL = "http://www.xuecheng.gov.cn/zwgk/ndbg/index.html"
	r.FetchedAt = at
	r.Files = []gongkai.SourceFile{
		fetchedFile("http://www.xuecheng.gov.cn/zwgk/ndbg/t1.html", gongkai.RolePage, false, page, at),
		fetchedFile(r.SourceURL, gongkai.RoleAttachment, true, r.Source, at),
	}
	out := mustStore(t, d, r, StoreOptions{})

	got, err := d.FindReport(ctx, out.ReportID)
	if err != nil {
		t.Fatal(err)
	}
	if got.SourceURL != r.SourceURL || got.ListingURL != r.ListingURL || !got.FetchedAt.Equal(at) {
		t.Errorf("provenance = %q, %q, %v; want %q, %q, %v",
			got.SourceURL, got.ListingURL, got.FetchedAt, r.SourceURL, r.ListingURL, at)
	}
	if len(got.Files) != 2 {
		t.Fatalf("files = %+v, want the page and the attachment", got.Files)
	}
	if f := got.Files[0]; f.Role != gongkai.RolePage || f.Read || f.Size != int64(len(page)) || f.URL != r.Files[0].URL {
		t.Errorf("page = %+v", f)
	}
	if f := got.Files[1]; f.Role != gongkai.RoleAttachment || !f.Read || f.SHA256 != r.SHA256 || !f.FetchedAt.Equal(at) {
		t.Errorf("attachment = %+v", f)
	}
	// The page's bytes are kept like the file that was read.
	if n := Count(t, d, "sources", "sha256 = ?", r.Files[0].SHA256); n != 1 {
		t.Errorf("page bytes stored %d times, want 1", n)
	}
	// A report listed carries its URLs too.
	var listed []ReportSummary
	if err := d.EachReport(ctx, ReportFilter{}, func(s *ReportSummary) error { listed = append(listed, *s); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(listed) != 1 || listed[0].SourceURL != r.SourceURL || listed[0].ListingURL != r.ListingURL {
		t.Errorf("listed = %+v", listed)
	}
}

func TestStoreReportProvenanceRefusesWrongDigest(t *testing.T) {
	d := MustOpenDB(t)
	before := TakeSnapshot(t, d)
	r := xuecheng2017(t)
	r.SourceURL = "http://www.xuecheng.gov.cn/a.txt"
	f := fetchedFile(r.SourceURL, gongkai.RoleAttachment, true, r.Source, time.Now())
	f.Bytes = []byte("other bytes")
	r.Files = []gongkai.SourceFile{f}
	if _, err := d.StoreReport(context.Background(), r, StoreOptions{}); gongkai.ErrorCode(err) != gongkai.EINVALID {
		t.Fatalf("err = %v, want EINVALID", err)
	}
	MustBeUnchanged(t, d, before)
}

func TestStoreReportFromDiskHasNoProvenance(t *testing.T) {
	d := MustOpenDB(t)
	out := mustStore(t, d, xuecheng2017(t), StoreOptions{})
	got, err := d.FindReport(context.Background(), out.ReportID)
	if err != nil {
		t.Fatal(err)
	}
	if got.SourceURL != "" || !got.FetchedAt.IsZero() || len(got.Files) != 0 {
		t.Errorf("provenance of a file from disk = %q, %v, %+v; want none", got.SourceURL, got.FetchedAt, got.Files)
	}
}

// TestFetchedAfterDiskGainsProvenance: a report ingested from disk and
// later fetched as the very same file gains where it was fetched from
// (StatusSourced, a new dataset version); its figures stay as they were,
// and fetching it again changes nothing.
func TestFetchedAfterDiskGainsProvenance(t *testing.T) {
	ctx := context.Background()
	d := MustOpenDB(t)
	first := mustStore(t, d, xuecheng2017(t), StoreOptions{})
	figures := Count(t, d, "observations", "report_id = ?", first.ReportID)
	before, _, err := d.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}

	at := time.Date(2024, 3, 1, 8, 30, 0, 0, time.UTC)
	r := xuecheng2017(t)
	r.SourceURL, r.FetchedAt = "http://www.xuecheng.gov.cn/zwgk/ndbg/a.txt", at
	r.Files = []gongkai.SourceFile{fetchedFile(r.SourceURL, gongkai.RoleAttachment, true, r.Source, at)}
	out, err := d.StoreReport(ctx, r, StoreOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if out.Status != StatusSourced || out.ReportID != first.ReportID {
		t.Fatalf("outcome %+v, want %s of report %d", out, StatusSourced, first.ReportID)
	}
	got, err := d.FindReport(ctx, first.ReportID)
	if err != nil {
		t.Fatal(err)
	}
	if got.SourceURL != r.SourceURL || !got.FetchedAt.Equal(at) || len(got.Files) != 1 {
		t.Errorf("provenance = %q, %v, %+v; want %q, %v and the file", got.SourceURL, got.FetchedAt, got.Files, r.SourceURL, at)
	}
	if n := Count(t, d, "observations", "report_id = ?", first.ReportID); n != figures {
		t.Errorf("%d figures after the provenance was added, want the %d stored", n, figures)
	}
	after, _, err := d.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after == before {
		t.Errorf("dataset version %q unchanged by the provenance added", after)
	}

	again, err := d.StoreReport(ctx, r, StoreOptions{})
	if err != nil || again.Status != StatusUnchanged {
		t.Errorf("fetched again: %+v, %v; want %s", again, err, StatusUnchanged)
	}
}
