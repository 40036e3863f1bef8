package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

var update = flag.Bool("update", false, "rewrite the golden files")

const seed = "../../samples/xuecheng-2017.txt"

// cli runs a command line and returns its stdout, stderr and error.
func cli(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, nil, &stdout, &stderr)
	return stdout.String(), stderr.String(), err
}

// figure is one expected figure of the seed's table.
type figure struct {
	indicator, raw string
	value          float64
	line           int
}

func seedFigures(t *testing.T) []figure {
	t.Helper()
	f, err := os.Open("../../testdata/xuecheng-2017.figures.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []figure
	for _, r := range recs[1:] {
		v, _ := strconv.ParseFloat(r[1], 64)
		n, _ := strconv.Atoi(r[2])
		out = append(out, figure{indicator: r[0], value: v, line: n, raw: r[3]})
	}
	return out
}

func TestParseCommand(t *testing.T) {
	stdout, stderr, err := cli(t, "parse", seed)
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, stderr)
	}
	golden := "../../testdata/golden/xuecheng-2017.parse.json"
	if *update {
		os.MkdirAll(filepath.Dir(golden), 0o755)
		os.WriteFile(golden, []byte(stdout), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if stdout != string(want) {
		t.Errorf("parse output differs from %s (run go test ./cmd/gongkai -update to accept)", golden)
	}

	var doc struct {
		Publisher struct {
			Name      string `json:"name"`
			AdminCode string `json:"admin_code"`
		} `json:"publisher"`
		Year         int    `json:"year"`
		Template     string `json:"template"`
		Observations []struct {
			Indicator string   `json:"indicator"`
			Label     string   `json:"label"`
			Column    *string  `json:"column"`
			Breakdown string   `json:"breakdown"`
			Unit      string   `json:"unit"`
			Value     *float64 `json:"value"`
			Raw       string   `json:"raw"`
			Line      int      `json:"line"`
		} `json:"observations"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Publisher.Name != "薛城区人民政府" || doc.Publisher.AdminCode != "370403" || doc.Year != 2017 || doc.Template != "legacy2014" {
		t.Errorf("publisher %+v year %d template %s", doc.Publisher, doc.Year, doc.Template)
	}
	figs := seedFigures(t)
	if len(doc.Observations) != len(figs) {
		t.Fatalf("%d observations, want %d", len(doc.Observations), len(figs))
	}
	for i, f := range figs {
		o := doc.Observations[i]
		if o.Indicator != f.indicator || o.Value == nil || *o.Value != f.value || o.Raw != f.raw || o.Line != f.line ||
			o.Breakdown != "total" || o.Column != nil || o.Label == "" || o.Unit == "" {
			t.Errorf("observation %d = %+v, want %+v", i, o, f)
		}
	}
	if o := doc.Observations[16]; o.Indicator != "requests.received" || o.Label != "（一）收到申请数" || o.Unit != "case" {
		t.Errorf("applications received: %+v", o)
	}
}

func TestParseRefusesBadFile(t *testing.T) {
	_, stderr, err := cli(t, "parse", "../../testdata/bad/empty.txt")
	if err == nil || exitCode(err) != 1 {
		t.Fatalf("err = %v, want exit 1", err)
	}
	if want := "../../testdata/bad/empty.txt:1: empty file"; !strings.Contains(stderr, want) {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}

// query opens the database read-only and returns one value.
func query(t *testing.T, path, q string, args ...any) string {
	t.Helper()
	d, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var s sql.NullString
	if err := d.QueryRow(q, args...).Scan(&s); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return s.String
}

func TestIngest(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "g.db")

	stdout, stderr, err := cli(t, "ingest", "--db", dbPath, seed)
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if !strings.Contains(stdout, "stored    ../../samples/xuecheng-2017.txt: 薛城区人民政府 2017, legacy2014, 76 figures, 0 rows unplaced, 3 checks failed (0 errors)") ||
		!strings.Contains(stdout, "1 stored, 0 unchanged, 0 replaced, 0 refused") {
		t.Errorf("stdout %q", stdout)
	}
	t.Run("every figure is stored with its raw text and line", func(t *testing.T) {
		for _, f := range seedFigures(t) {
			got := query(t, dbPath, `SELECT value || '|' || raw || '|' || line FROM observations o JOIN reports r ON r.id = o.report_id
				WHERE r.publisher_id = '370403' AND r.year = 2017 AND o.indicator_id = (SELECT id FROM indicators WHERE code = ?) AND o.breakdown = 'total' AND o.current = 1`, f.indicator)
			want := strconv.FormatFloat(f.value, 'f', 1, 64) + "|" + f.raw + "|" + strconv.Itoa(f.line)
			if got != want {
				t.Errorf("%s: got %q, want %q", f.indicator, got, want)
			}
		}
		if flags := query(t, dbPath, `SELECT flags FROM observations WHERE indicator_id = (SELECT id FROM indicators WHERE code = 'proactive.items')`); flags != `["check_failed"]` {
			t.Errorf("18361 items, which its channels contradict: flags %s, want check_failed", flags)
		}
		if n := query(t, dbPath, `SELECT count(*) FROM checks WHERE status = 'fail'`); n != "3" {
			t.Errorf("%s failing checks stored, want 3", n)
		}
		if n := query(t, dbPath, `SELECT count(*) FROM observations`); n != "76" {
			t.Errorf("%s observations, want 76", n)
		}
		src, _ := os.ReadFile(seed)
		if got := query(t, dbPath, `SELECT length(bytes) FROM sources`); got != strconv.Itoa(len(src)) {
			t.Errorf("source bytes %s, want %d", got, len(src))
		}
	})
	t.Run("the same file twice is a no-op", func(t *testing.T) {
		version := query(t, dbPath, `SELECT value FROM meta WHERE key = 'version'`)
		stdout, _, err := cli(t, "ingest", "--db", dbPath, seed)
		if err != nil || !strings.Contains(stdout, "1 unchanged") {
			t.Errorf("err %v stdout %q", err, stdout)
		}
		if v := query(t, dbPath, `SELECT value FROM meta WHERE key = 'version'`); v != version {
			t.Errorf("version changed from %s to %s", version, v)
		}
	})

	changed := filepath.Join(dir, "changed.txt")
	src, _ := os.ReadFile(seed)
	os.WriteFile(changed, bytes.Replace(src, []byte("\t13\n"), []byte("\t14\n"), 1), 0o644)
	t.Run("a changed file is refused without --replace", func(t *testing.T) {
		stdout, stderr, err := cli(t, "ingest", "--db", dbPath, changed)
		if err == nil || !strings.Contains(stdout, "1 refused") || !strings.Contains(stderr, "薛城区人民政府") {
			t.Errorf("err %v stdout %q stderr %q", err, stdout, stderr)
		}
		if n := query(t, dbPath, `SELECT count(*) FROM reports`); n != "1" {
			t.Errorf("%s reports, want 1", n)
		}
	})
	t.Run("--replace stores it and keeps the old version", func(t *testing.T) {
		stdout, stderr, err := cli(t, "ingest", "--db", dbPath, "--replace", changed)
		if err != nil || !strings.Contains(stdout, "1 replaced") {
			t.Fatalf("err %v stdout %q stderr %q", err, stdout, stderr)
		}
		if n := query(t, dbPath, `SELECT count(*) FROM reports`); n != "2" {
			t.Errorf("%s reports, want 2", n)
		}
		if v := query(t, dbPath, `SELECT value FROM observations WHERE indicator_id = (SELECT id FROM indicators WHERE code = 'requests.received') AND current = 1`); v != "14" {
			t.Errorf("current requests.received = %s, want 14", v)
		}
		if n := query(t, dbPath, `SELECT count(*) FROM sources`); n != "2" {
			t.Errorf("%s sources, want both versions", n)
		}
	})
}

func TestIngestBatchWithBadFiles(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "g.db")
	stdout, stderr, err := cli(t, "ingest", "--db", dbPath, seed, "../../testdata/bad", "../../testdata/legacy/single-space-table-only.txt")
	if err == nil || exitCode(err) != 1 {
		t.Errorf("err = %v, want exit status 1", err)
	}
	if !strings.Contains(stdout, "1 stored") || !strings.Contains(stdout, "6 refused") {
		t.Errorf("stdout %q", stdout)
	}
	for _, want := range []string{
		"bad/empty.txt:1: empty file",
		"bad/binary.pdf:1: the PDF is broken",
		"bad/no-table.txt:1: no statistics table",
		"bad/pre2014-form.txt:2: a pre-2014 local statistics form",
		"bad/truncated.txt:1: table cut off",
		"single-space-table-only.txt:1: the text names no publisher: give --publisher",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := query(t, dbPath, `SELECT count(*) FROM reports`); n != "1" {
		t.Errorf("%s reports, want only the good one", n)
	}
}

func TestIngestTableOnlyWithFlags(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "g.db")
	_, stderr, err := cli(t, "ingest", "--db", dbPath, "--publisher", "薛城区人民政府", "--year", "2017",
		"../../testdata/legacy/single-space-table-only.txt")
	if err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	if got := query(t, dbPath, `SELECT publisher_id || ' ' || year FROM reports`); got != "370403 2017" {
		t.Errorf("report %q", got)
	}
	if got := query(t, dbPath, `SELECT value FROM observations WHERE indicator_id = (SELECT id FROM indicators WHERE code = 'requests.received')`); got != "13" {
		t.Errorf("requests.received = %s", got)
	}
}

func TestIngestUpdatesAnOlderCatalogue(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "g.db")
	if _, stderr, err := cli(t, "ingest", "--db", dbPath, seed); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	// As a database built by an older binary would be.
	d, err := sql.Open("sqlite", "file:"+dbPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE meta SET value = 'older' WHERE key = 'catalog'`,
		`UPDATE indicators SET name_en = 'old name' WHERE code = 'requests.received'`} {
		if _, err := d.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	if _, stderr, err := cli(t, "ingest", "--db", dbPath, "../../testdata/series/xuecheng-2019.txt"); err != nil {
		t.Fatalf("%v: %s", err, stderr)
	}
	if got := query(t, dbPath, `SELECT name_en FROM indicators WHERE code = 'requests.received'`); got != "Applications received" {
		t.Errorf("name_en %q: the catalogue was not brought up to date", got)
	}
}

// TestChecksAcrossYearsInAnyOrder ingests a 2020 report before the 2019
// one: its check against the year before is skipped at first, and run once
// 2019 is stored.
func TestChecksAcrossYearsInAnyOrder(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "g.db")
	file := "../../testdata/form2019/tabs-tables-only.txt"
	status := func() string {
		return query(t, dbPath, `SELECT group_concat(DISTINCT status) FROM checks c JOIN reports r ON r.id = c.report_id
			WHERE r.year = 2020 AND c.rule = 'form.requests.carried_over.previous_year'`)
	}
	for _, year := range []string{"2020", "2019"} {
		if _, stderr, err := cli(t, "ingest", "--db", dbPath, "--publisher", "薛城区人民政府", "--year", year, file); err != nil {
			t.Fatalf("%v: %s", err, stderr)
		}
		if year == "2020" && status() != "skipped" {
			t.Errorf("before 2019 is stored: %q, want skipped", status())
		}
	}
	// The same tables both years: 上年结转 is not last year's 结转下年度 in
	// every column (in some, both are 0).
	if got := status(); got != "fail,pass" && got != "pass,fail" {
		t.Errorf("after 2019 is stored: %q, want fail and pass, no longer skipped", got)
	}
	if flags := query(t, dbPath, `SELECT o.flags FROM observations o JOIN reports r ON r.id = o.report_id
		WHERE r.year = 2020 AND o.indicator_id = (SELECT id FROM indicators WHERE code = 'requests.carried_over') AND o.breakdown = 'total'`); !strings.Contains(flags, "check_failed") {
		t.Errorf("2020 上年结转 flags %s, want check_failed", flags)
	}
}

// TestParseWebPagesAndWordFiles runs `gongkai parse` on a web page and a
// Word document, as a user would.
func TestParseWebPagesAndWordFiles(t *testing.T) {
	for _, tc := range []struct {
		file, template string
		figures        int
	}{
		{"../../testdata/html/xuecheng-2017.html", "legacy2014", 76},
		{"../../testdata/html/xuecheng-2017-gbk.htm", "legacy2014", 76},
		{"../../testdata/html/form2019.html", "form2019", 202},
		{"../../testdata/docx/form2021.docx", "form2021", 204},
	} {
		stdout, stderr, err := cli(t, "parse", tc.file)
		if err != nil {
			t.Errorf("%s: %v: %s", tc.file, err, stderr)
			continue
		}
		var got struct {
			Template     string `json:"template"`
			Year         int    `json:"year"`
			Observations []struct {
				Line int `json:"line"`
			} `json:"observations"`
		}
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if got.Template != tc.template || len(got.Observations) != tc.figures || got.Year == 0 {
			t.Errorf("%s: template %q, %d figures, year %d; want %q, %d", tc.file, got.Template, len(got.Observations), got.Year, tc.template, tc.figures)
		}
	}
}
