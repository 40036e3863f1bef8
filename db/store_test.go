package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai"
	"github.com/gongkai/gongkai/catalog"
	"github.com/gongkai/gongkai/samples"
)

// xuecheng2017 returns part of the 2017 report of 薛城区人民政府 as a parser
// would: its bytes are samples/xuecheng-2017.txt, and the figures, labels and
// lines below are that file's.
func xuecheng2017(tb testing.TB) *gongkai.Report {
	tb.Helper()
	src, err := samples.FS.ReadFile("xuecheng-2017.txt")
	if err != nil {
		tb.Fatal(err)
	}
	r := &gongkai.Report{
		Publisher:   gongkai.Publisher{ID: "370403", NameZh: "薛城区人民政府", Level: "county", AdminCode: "370403", ParentCode: "370400"},
		Year:        2017,
		Template:    gongkai.TemplateLegacy,
		Title:       "薛城区人民政府2017年政府信息公开工作年度报告",
		PublishedOn: "2018-02",
		Contact: gongkai.Contact{Organization: "薛城区政府信息和政务公开办公室",
			Address: "山东省枣庄市薛城区永福中路2号", Postcode: "277000",
			Phone: "0632—4441199", Email: "xczwgk416@163.com"},
		Sections: []gongkai.Section{
			{Heading: "一、概述", Text: "2017年，全区上下深入贯彻党的十八大……", Line: 5},
			{Heading: "六、政府信息公开申请的办理情况", Text: "2017年，全区收到依申请公开政府信息的申请16件，答复率为100%。", Line: 17},
		},
		Observations: []gongkai.Observation{
			{Indicator: "proactive.items", Breakdown: "total", Value: ptr(18361.0), Unit: "item",
				Label: "（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", Raw: "18361", Line: 54},
			{Indicator: "responses.channels", Breakdown: "total", Value: nil,
				Label: "（二）通过不同渠道和方式回应解读的情况", Raw: "", Line: 99, Flags: []string{gongkai.FlagBlank}},
			{Indicator: "requests.received", Breakdown: "total", Value: ptr(13.0), Unit: "case",
				Label: "（一）收到申请数", Raw: "13", Line: 135},
			{Indicator: "requests.received.online", Breakdown: "total", Value: ptr(10.0), Unit: "case",
				Label: "3.网络申请数", Raw: "10", Line: 147},
			{Indicator: "gazette.issues", Breakdown: "total", Value: ptr(0.0), Unit: "issue",
				Label: "（一）公报发行期数", Raw: "000", Line: 309, Flags: []string{gongkai.FlagOddFormat}},
		},
		Unplaced: []gongkai.Unplaced{
			{Label: "统　计　指　标", Cells: []string{"单位", "统计数"}, Line: 43, Reason: "table header"},
		},
		Checks: []gongkai.Check{
			// 1 in person + 0 by fax + 10 online + 2 by letter + 0 other = 13.
			{Rule: "requests.received.sum", Severity: "error", Status: "pass", Breakdown: "total",
				Indicators: []string{"requests.received", "requests.received.in_person", "requests.received.fax",
					"requests.received.online", "requests.received.letter", "requests.received.other"},
				Expected: ptr(13.0), Actual: ptr(13.0)},
		},
		FileName: "xuecheng-2017.txt",
	}
	return withSource(r, src)
}

// corrected returns r as if its publisher had posted a corrected file.
func corrected(r *gongkai.Report) *gongkai.Report {
	c := *r
	c.Observations = append([]gongkai.Observation(nil), r.Observations...)
	c.Observations[2].Value, c.Observations[2].Raw = ptr(16.0), "16"
	c.FileName = "xuecheng-2017-corrected.txt"
	return withSource(&c, append(append([]byte(nil), r.Source...), "\n（更正）\n"...))
}

// withSource sets the source bytes of r and their sha256.
func withSource(r *gongkai.Report, src []byte) *gongkai.Report {
	sum := sha256.Sum256(src)
	r.Source, r.SHA256 = src, hex.EncodeToString(sum[:])
	return r
}

func ptr[T any](v T) *T { return &v }

// mustStore stores r, failing the test on an error.
func mustStore(tb testing.TB, d *DB, r *gongkai.Report, opt StoreOptions) Outcome {
	tb.Helper()
	out, err := d.StoreReport(context.Background(), r, opt)
	if err != nil {
		tb.Fatalf("store %s %d: %v", r.Publisher.ID, r.Year, err)
	}
	return out
}

func TestStoreReport(t *testing.T) {
	tests := []struct {
		name    string
		before  []func(testing.TB) *gongkai.Report // stored first, in order
		report  func(testing.TB) *gongkai.Report
		opt     StoreOptions
		status  string   // want, when no error
		errCode string   // want, "" for none
		errHas  []string // the error message names these
		check   func(t *testing.T, d *DB, out Outcome)
	}{
		{
			name:   "薛城区's 2017 report is stored with its figures as printed",
			report: xuecheng2017,
			status: StatusStored,
			check:  checkXuecheng2017,
		},
		{
			name:   "the same file again changes nothing",
			before: []func(testing.TB) *gongkai.Report{xuecheng2017},
			report: xuecheng2017,
			status: StatusUnchanged,
		},
		{
			name:   "the same file again with replace changes nothing",
			before: []func(testing.TB) *gongkai.Report{xuecheng2017},
			report: xuecheng2017,
			opt:    StoreOptions{Replace: true},
			status: StatusUnchanged,
		},
		{
			name:    "a corrected file for the same year is refused",
			before:  []func(testing.TB) *gongkai.Report{xuecheng2017},
			report:  func(t testing.TB) *gongkai.Report { return corrected(xuecheng2017(t)) },
			errCode: gongkai.ECONFLICT,
			errHas: []string{"薛城区人民政府", "2017", short(xuecheng2017(t).SHA256),
				short(corrected(xuecheng2017(t)).SHA256)},
		},
		{
			name:   "a corrected file replaces the report when asked to",
			before: []func(testing.TB) *gongkai.Report{xuecheng2017},
			report: func(t testing.TB) *gongkai.Report { return corrected(xuecheng2017(t)) },
			opt:    StoreOptions{Replace: true},
			status: StatusReplaced,
			check:  checkReplaced,
		},
		{
			name:   "replace with nothing stored yet just stores",
			report: xuecheng2017,
			opt:    StoreOptions{Replace: true},
			status: StatusStored,
		},
		{
			name:   "the next year of the same publisher is another report",
			before: []func(testing.TB) *gongkai.Report{xuecheng2017},
			report: func(t testing.TB) *gongkai.Report {
				r := xuecheng2017(t)
				r.Year = 2018
				return r
			},
			status: StatusStored,
			check: func(t *testing.T, d *DB, _ Outcome) {
				if n := Count(t, d, "reports", "superseded_by IS NULL"); n != 2 {
					t.Errorf("current reports = %d, want 2", n)
				}
				if n := Count(t, d, "sources", ""); n != 1 {
					t.Errorf("sources = %d, want 1: the same bytes are stored once", n)
				}
			},
		},
		{
			name: "an unknown indicator code stores nothing, not even the publisher",
			report: func(t testing.TB) *gongkai.Report {
				r := xuecheng2017(t)
				r.Observations[3].Indicator = "requests.recieved.online"
				return r
			},
			errCode: gongkai.EINVALID,
			errHas:  []string{"requests.recieved.online", "xuecheng-2017.txt:147"},
			check: func(t *testing.T, d *DB, _ Outcome) {
				if n := Count(t, d, "publishers", ""); n != 0 {
					t.Errorf("publishers = %d, want 0", n)
				}
			},
		},
		{
			name:   "another publisher cannot take a stored publisher's name",
			before: []func(testing.TB) *gongkai.Report{xuecheng2017},
			report: func(t testing.TB) *gongkai.Report {
				r := xuecheng2017(t)
				r.Publisher.ID, r.Year = "370403-dup", 2018
				return r
			},
			errCode: gongkai.ECONFLICT,
			errHas:  []string{"薛城区人民政府", "370403"},
		},
		{
			name: "a sha256 that is not the file's is refused",
			report: func(t testing.TB) *gongkai.Report {
				r := xuecheng2017(t)
				r.SHA256 = strings.Repeat("0", 64)
				return r
			},
			errCode: gongkai.EINVALID,
			errHas:  []string{"sha256", "does not match"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := MustOpenDB(t)
			for _, r := range tt.before {
				mustStore(t, d, r(t), StoreOptions{})
			}
			snap := TakeSnapshot(t, d)
			out, err := d.StoreReport(context.Background(), tt.report(t), tt.opt)

			if tt.errCode != "" {
				if err == nil {
					t.Fatalf("stored (%+v), want a %s error", out, tt.errCode)
				}
				if code := gongkai.ErrorCode(err); code != tt.errCode {
					t.Errorf("error code %s, want %s (%v)", code, tt.errCode, err)
				}
				for _, s := range tt.errHas {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error %q does not name %q", err, s)
					}
				}
			} else if err != nil {
				t.Fatal(err)
			} else if out.Status != tt.status {
				t.Errorf("status %q, want %q", out.Status, tt.status)
			}
			if tt.errCode != "" || tt.status == StatusUnchanged {
				MustBeUnchanged(t, d, snap)
			} else if v := TakeSnapshot(t, d).Version; v == snap.Version {
				t.Errorf("version still %q after a write", v)
			}
			if tt.check != nil {
				tt.check(t, d, out)
			}
		})
	}
}

// observationRow is an observation as read back by SQL.
type observationRow struct {
	current           int
	publisher, admin  string
	year              int
	breakdown, unit   string
	value             sql.NullFloat64
	label, raw, flags string
	column            sql.NullString
	line              int
}

func readObservation(t *testing.T, d *DB, reportID int64, indicator string) observationRow {
	t.Helper()
	var o observationRow
	MustQueryRow(t, d, `
		SELECT o.current, o.publisher_id, coalesce(p.admin_code, ''), o.year, o.breakdown, o.unit, o.value,
			l.text, o.raw, o.flags, o.column_label, o.line
		FROM observations o JOIN labels l ON l.id = o.label_id LEFT JOIN publishers p ON p.id = o.publisher_id
		WHERE o.report_id = ? AND o.indicator_id = (SELECT id FROM indicators WHERE code = ?)`, []any{reportID, indicator},
		&o.current, &o.publisher, &o.admin, &o.year, &o.breakdown, &o.unit, &o.value, &o.label,
		&o.raw, &o.flags, &o.column, &o.line)
	return o
}

func checkXuecheng2017(t *testing.T, d *DB, out Outcome) {
	t.Run("applications received in 2017", func(t *testing.T) {
		got := readObservation(t, d, out.ReportID, "requests.received")
		want := observationRow{current: 1, publisher: "370403", admin: "370403", year: 2017,
			breakdown: "total", unit: "case", value: sql.NullFloat64{Float64: 13, Valid: true},
			label: "（一）收到申请数", raw: "13", flags: "[]", line: 135}
		if got != want {
			t.Errorf("got  %+v\nwant %+v", got, want)
		}
	})
	t.Run("items published proactively", func(t *testing.T) {
		if got := readObservation(t, d, out.ReportID, "proactive.items"); got.value.Float64 != 18361 || got.unit != "item" {
			t.Errorf("got %+v, want 18361 items", got)
		}
	})
	t.Run("a blank cell is stored as NULL with its flag", func(t *testing.T) {
		got := readObservation(t, d, out.ReportID, "responses.channels")
		if got.value.Valid || got.flags != `["blank"]` || got.column.Valid {
			t.Errorf("got %+v, want value NULL, flags [\"blank\"], column NULL", got)
		}
	})
	t.Run("gazette issues printed as 000 keep their raw text and flag", func(t *testing.T) {
		got := readObservation(t, d, out.ReportID, "gazette.issues")
		if !got.value.Valid || got.value.Float64 != 0 || got.raw != "000" || got.flags != `["odd_format"]` {
			t.Errorf("got %+v, want 0, raw 000, flags [\"odd_format\"]", got)
		}
	})
	t.Run("the report row", func(t *testing.T) {
		var publisher, template, contact, missing, sha, ingested string
		var year int
		var superseded sql.NullInt64
		MustQueryRow(t, d, `SELECT publisher_id, year, template, contact, missing, sha256, ingested_at, superseded_by
			FROM reports WHERE id = ?`, []any{out.ReportID},
			&publisher, &year, &template, &contact, &missing, &sha, &ingested, &superseded)
		r := xuecheng2017(t)
		if publisher != "370403" || year != 2017 || template != "legacy2014" || sha != r.SHA256 || superseded.Valid {
			t.Errorf("report = %s %d %s %s superseded %v", publisher, year, template, sha, superseded)
		}
		if !strings.Contains(contact, `"postcode":"277000"`) || missing != "[]" {
			t.Errorf("contact %s, missing %s", contact, missing)
		}
		if ingested != "2024-03-01T00:00:00Z" {
			t.Errorf("ingested_at %s, want the clock in UTC", ingested)
		}
	})
	t.Run("publisher, source, sections and unplaced rows", func(t *testing.T) {
		var name, level, admin, parent string
		MustQueryRow(t, d, `SELECT name_zh, level, admin_code, parent_code FROM publishers WHERE id = '370403'`, nil,
			&name, &level, &admin, &parent)
		if name != "薛城区人民政府" || level != "county" || admin != "370403" || parent != "370400" {
			t.Errorf("publisher = %s %s %s %s", name, level, admin, parent)
		}
		var size int
		var src []byte
		MustQueryRow(t, d, `SELECT size, bytes FROM sources`, nil, &size, &src)
		if size != 14723 || string(src) != string(xuecheng2017(t).Source) {
			t.Errorf("source: %d bytes, want the file's 14723", size)
		}
		var heading string
		MustQueryRow(t, d, `SELECT heading FROM sections WHERE report_id = ? AND position = 2`, []any{out.ReportID}, &heading)
		if heading != "六、政府信息公开申请的办理情况" {
			t.Errorf("section 2 = %s", heading)
		}
		var cells string
		MustQueryRow(t, d, `SELECT cells FROM unplaced WHERE report_id = ? AND position = 1`, []any{out.ReportID}, &cells)
		if cells != `["单位","统计数"]` {
			t.Errorf("unplaced cells = %s", cells)
		}
	})
	if n := Count(t, d, "observations", "report_id = ?", out.ReportID); n != 5 {
		t.Errorf("observations = %d, want 5", n)
	}
	if n := Count(t, d, "checks", "report_id = ? AND status = 'pass' AND expected = 13", out.ReportID); n != 1 {
		t.Errorf("checks passed = %d, want the sum of applications received", n)
	}
}

func checkReplaced(t *testing.T, d *DB, out Outcome) {
	if out.Previous == 0 || out.Previous == out.ReportID {
		t.Fatalf("outcome %+v: want the previous report's id", out)
	}
	var superseded sql.NullInt64
	MustQueryRow(t, d, `SELECT superseded_by FROM reports WHERE id = ?`, []any{out.Previous}, &superseded)
	if superseded.Int64 != out.ReportID {
		t.Errorf("old report superseded_by = %v, want %d", superseded, out.ReportID)
	}
	if got := readObservation(t, d, out.Previous, "requests.received"); got.current != 0 || got.value.Float64 != 13 {
		t.Errorf("old applications received: %+v, want 13 and not current", got)
	}
	if got := readObservation(t, d, out.ReportID, "requests.received"); got.current != 1 || got.value.Float64 != 16 {
		t.Errorf("new applications received: %+v, want 16 and current", got)
	}
	if n := Count(t, d, "observations", "current = 1"); n != 5 {
		t.Errorf("current observations = %d, want the 5 of the new report", n)
	}
	if n := Count(t, d, "sources", ""); n != 2 {
		t.Errorf("sources = %d, want both files kept", n)
	}
	if n := Count(t, d, "reports", "superseded_by IS NULL"); n != 1 {
		t.Errorf("current reports = %d, want 1", n)
	}
}

func TestStoreReportRequires(t *testing.T) {
	tests := []struct {
		missing string
		edit    func(r *gongkai.Report)
	}{
		{"publisher id", func(r *gongkai.Report) { r.Publisher.ID = "" }},
		{"publisher name", func(r *gongkai.Report) { r.Publisher.NameZh = "" }},
		{"year", func(r *gongkai.Report) { r.Year = 0 }},
		{"template", func(r *gongkai.Report) { r.Template = "" }},
		{"sha256", func(r *gongkai.Report) { r.SHA256 = "" }},
		{"source bytes", func(r *gongkai.Report) { r.Source = nil }},
	}
	d := MustOpenDB(t)
	for _, tt := range tests {
		t.Run(tt.missing, func(t *testing.T) {
			r := xuecheng2017(t)
			tt.edit(r)
			_, err := d.StoreReport(context.Background(), r, StoreOptions{})
			if gongkai.ErrorCode(err) != gongkai.EINVALID || !strings.Contains(err.Error(), "missing "+tt.missing) {
				t.Errorf("error %v, want EINVALID naming %q", err, tt.missing)
			}
		})
	}
	if n := Count(t, d, "reports", ""); n != 0 {
		t.Errorf("reports = %d, want 0", n)
	}
}

func TestStoreReportFailureMidway(t *testing.T) {
	d := MustOpenDB(t)
	mustStore(t, d, xuecheng2017(t), StoreOptions{})
	// The fourth observation of the next report fails after its publisher,
	// source, report row and first observations were written.
	MustExec(t, d, `CREATE TRIGGER sabotage BEFORE INSERT ON observations
		WHEN NEW.line = 147 AND NEW.year = 2018 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`)
	snap := TakeSnapshot(t, d)

	r := xuecheng2017(t)
	r.Publisher = gongkai.Publisher{ID: "370402", NameZh: "市中区人民政府", AdminCode: "370402"}
	r.Year = 2018
	if _, err := d.StoreReport(context.Background(), r, StoreOptions{}); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("error %v, want the trigger's", err)
	}
	MustBeUnchanged(t, d, snap)

	// A replace that fails midway leaves the old report current.
	next := corrected(xuecheng2017(t))
	next.Year = 2018
	next.Publisher = r.Publisher
	MustExec(t, d, `DROP TRIGGER sabotage`)
	mustStore(t, d, r, StoreOptions{})
	MustExec(t, d, `CREATE TRIGGER sabotage BEFORE INSERT ON observations
		WHEN NEW.line = 147 AND NEW.value = 10 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`)
	snap = TakeSnapshot(t, d)
	if _, err := d.StoreReport(context.Background(), next, StoreOptions{Replace: true}); err == nil {
		t.Fatal("replace stored, want the trigger's error")
	}
	MustBeUnchanged(t, d, snap)
	if n := Count(t, d, "observations", "current = 1"); n != 10 {
		t.Errorf("current observations = %d, want the 10 of both reports", n)
	}
}

func TestStoreReportCancelled(t *testing.T) {
	d := MustOpenDB(t)
	snap := TakeSnapshot(t, d)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := d.StoreReport(ctx, xuecheng2017(t), StoreOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
	MustBeUnchanged(t, d, snap)
}

func TestStoreReportReadOnly(t *testing.T) {
	d := MustOpenDB(t)
	ro, err := Open(context.Background(), d.Path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.StoreReport(context.Background(), xuecheng2017(t), StoreOptions{}); !errors.Is(err, ErrReadOnly) {
		t.Errorf("error %v, want ErrReadOnly", err)
	}
	if err := ro.SyncCatalog(context.Background(), catalog.MustLoad()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("sync: error %v, want ErrReadOnly", err)
	}
}

func TestStoreReportPublisher(t *testing.T) {
	d := MustOpenDB(t)
	// A first file, ingested with --publisher only: no level, no region code.
	r := xuecheng2017(t)
	r.Publisher = gongkai.Publisher{ID: "370403", NameZh: "薛城区人民政府"}
	first := mustStore(t, d, r, StoreOptions{})
	if got := readObservation(t, d, first.ReportID, "requests.received"); got.admin != "" {
		t.Errorf("admin code %q, want none yet", got.admin)
	}

	// The next year's report knows the region: the earlier figures follow it.
	next := xuecheng2017(t)
	next.Year = 2018
	next.Publisher.NameEn = "Xuecheng District People's Government"
	mustStore(t, d, next, StoreOptions{})
	if got := readObservation(t, d, first.ReportID, "requests.received"); got.admin != "370403" {
		t.Errorf("2017 admin code %q, want 370403 after the 2018 report", got.admin)
	}

	// A later file that knows less keeps what is known.
	later := xuecheng2017(t)
	later.Year = 2019
	later.Publisher = gongkai.Publisher{ID: "370403", NameZh: "薛城区人民政府"}
	out := mustStore(t, d, later, StoreOptions{})
	var nameEn, level, admin string
	MustQueryRow(t, d, `SELECT name_en, level, admin_code FROM publishers WHERE id = '370403'`, nil, &nameEn, &level, &admin)
	if nameEn != "Xuecheng District People's Government" || level != "county" || admin != "370403" {
		t.Errorf("publisher = %q %q %q, want what the 2018 report said", nameEn, level, admin)
	}
	if got := readObservation(t, d, out.ReportID, "requests.received"); got.admin != "370403" {
		t.Errorf("2019 admin code %q, want the stored 370403", got.admin)
	}
}

func TestVersion(t *testing.T) {
	d := MustOpenDB(t)
	ctx := context.Background()
	v0, at0, err := d.Version(ctx)
	if err != nil || v0 != "" || !at0.IsZero() {
		t.Fatalf("new database: version %q, loaded at %v, %v; want none", v0, at0, err)
	}
	seen := map[string]bool{}
	for i, year := range []int{2017, 2018, 2019} {
		r := xuecheng2017(t)
		r.Year = year
		mustStore(t, d, r, StoreOptions{})
		v, at, err := d.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if seen[v] || !strings.HasPrefix(v, fmt.Sprint(i+1, "-")) {
			t.Errorf("version after %d reports = %q, want a new one counting %d", i+1, v, i+1)
		}
		seen[v] = true
		if !at.Equal(testNow) {
			t.Errorf("loaded at %v, want %v", at, testNow)
		}
	}

	// Two files built by the same ingests carry the same version.
	other := MustOpenDB(t)
	for _, year := range []int{2017, 2018, 2019} {
		r := xuecheng2017(t)
		r.Year = year
		mustStore(t, other, r, StoreOptions{})
	}
	v1, _, _ := d.Version(ctx)
	v2, _, _ := other.Version(ctx)
	if v1 != v2 {
		t.Errorf("versions %q and %q of the same data differ", v1, v2)
	}
}

func TestSyncCatalog(t *testing.T) {
	ctx := context.Background()
	d := MustOpenDB(t)
	c := catalog.MustLoad()
	if err := d.SyncCatalog(ctx, c); err != nil {
		t.Fatal(err)
	}
	if n := Count(t, d, "indicators", ""); n != len(c.Indicators) {
		t.Errorf("indicators = %d, want %d", n, len(c.Indicators))
	}
	if n := Count(t, d, "units", ""); n != len(c.Units) {
		t.Errorf("units = %d, want %d", n, len(c.Units))
	}
	t.Run("every indicator in catalogue order", func(t *testing.T) {
		rows, err := d.read.Query(`SELECT position, code, coalesce(unit, ''), breakdowns, templates, source_labels
			FROM indicators ORDER BY position`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		i := 0
		for ; rows.Next(); i++ {
			var position int
			var code, unit, breakdowns, templates, labels string
			if err := rows.Scan(&position, &code, &unit, &breakdowns, &templates, &labels); err != nil {
				t.Fatal(err)
			}
			if i >= len(c.Indicators) {
				break
			}
			want := c.Indicators[i]
			if position != i+1 || code != want.Code || unit != want.Unit || breakdowns != jsonArray(want.Breakdowns) ||
				templates != jsonArray(want.Templates) || labels != jsonArray(want.SourceLabels) {
				t.Errorf("row %d: %d %s %s %s %s %s, want %s as in the catalogue", i+1, position, code, unit,
					breakdowns, templates, labels, want.Code)
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		if i != len(c.Indicators) {
			t.Errorf("%d indicators, want %d", i, len(c.Indicators))
		}
	})
	var labels string
	MustQueryRow(t, d, `SELECT source_labels FROM indicators WHERE code = 'requests.received'`, nil, &labels)
	if !strings.Contains(labels, `"收到申请数"`) {
		t.Errorf("requests.received source labels %s, want 收到申请数 among them", labels)
	}
	var factor float64
	MustQueryRow(t, d, `SELECT factor FROM units WHERE code = 'wan_yuan'`, nil, &factor)
	if factor != 10000 {
		t.Errorf("万元 factor = %v", factor)
	}

	t.Run("syncing again writes nothing", func(t *testing.T) {
		snap := TakeSnapshot(t, d)
		if err := d.SyncCatalog(ctx, c); err != nil {
			t.Fatal(err)
		}
		MustBeUnchanged(t, d, snap)
	})

	t.Run("a changed catalogue keeps stored observations", func(t *testing.T) {
		out := mustStore(t, d, xuecheng2017(t), StoreOptions{})
		v, _, _ := d.Version(ctx)

		// The next catalogue renames an indicator and no longer lists
		// gazette.issues, which the stored report uses.
		next := *c
		next.Indicators = nil
		for _, ind := range c.Indicators {
			switch ind.Code {
			case "gazette.issues":
				continue
			case "requests.received":
				ind.NameEn = "Disclosure applications received"
			}
			next.Indicators = append(next.Indicators, ind)
		}
		if err := d.SyncCatalog(ctx, &next); err != nil {
			t.Fatal(err)
		}
		var nameEn string
		MustQueryRow(t, d, `SELECT name_en FROM indicators WHERE code = 'requests.received'`, nil, &nameEn)
		if nameEn != "Disclosure applications received" {
			t.Errorf("name_en = %q, want the new catalogue's", nameEn)
		}
		if n := Count(t, d, "observations", "report_id = ?", out.ReportID); n != 5 {
			t.Errorf("observations = %d, want the 5 stored", n)
		}
		if n := Count(t, d, "pragma_foreign_key_check", ""); n != 0 {
			t.Errorf("%d foreign key violations", n)
		}
		if v2, _, _ := d.Version(ctx); v2 == v {
			t.Errorf("version %q unchanged by a new catalogue", v2)
		}
	})
}

// BenchmarkStoreReport stores reports of 80 observations, each of another
// publisher or year, with a source file the size of a real one.
func BenchmarkStoreReport(b *testing.B) {
	d := MustOpenDB(b)
	c := catalog.MustLoad()
	if err := d.SyncCatalog(context.Background(), c); err != nil {
		b.Fatal(err)
	}
	base := xuecheng2017(b)
	var obs []gongkai.Observation
	for i := 0; len(obs) < 80; i++ {
		ind := c.Indicators[i%len(c.Indicators)]
		if ind.Unit == "" {
			continue
		}
		obs = append(obs, gongkai.Observation{Indicator: ind.Code, Breakdown: gongkai.BreakdownTotal,
			Value: ptr(float64(i * 7)), Unit: ind.Unit, Label: ind.NameZh, Raw: fmt.Sprint(i * 7),
			Line: 40 + 4*i, Flags: []string{}})
	}
	years := 2024 - 2008 + 1
	n := 0
	start := time.Now()
	for b.Loop() {
		r := *base
		r.Publisher = gongkai.Publisher{ID: fmt.Sprintf("%06d", 110000+n/years),
			NameZh: fmt.Sprintf("第%d号人民政府", n/years), AdminCode: fmt.Sprintf("%06d", 110000+n/years)}
		r.Year = 2008 + n%years
		r.Observations = obs
		src := append([]byte(fmt.Sprintf("%d\n", n)), base.Source...)
		withSource(&r, src)
		if _, err := d.StoreReport(context.Background(), &r, StoreOptions{}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "reports/s")
}

// jsonArray writes what encoding/json writes, whether the strings need
// escaping or not: the stored lists are compared as text.
func TestJSONArray(t *testing.T) {
	for _, list := range [][]string{
		nil,
		{},
		{""},
		{"legacy.requests.received"},
		{"requests.received", "requests.carried_over", "check_failed"},
		{`say "no"`, `back\slash`},
		{"a<b", "c>d", "e&f"},
		{"tab\there", "new\nline", "\x7f"},
		{"一、主动公开", "收到申请数"},
		{"ok", "\u2028", "\xff"},
	} {
		want := "[]"
		if len(list) > 0 {
			b, err := json.Marshal(list)
			if err != nil {
				t.Fatal(err)
			}
			want = string(b)
		}
		if got := jsonArray(list); got != want {
			t.Errorf("jsonArray(%q) = %s, want %s", list, got, want)
		}
	}
}
