package db

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestMigrationCompactsObservations: a database of migration 009, with
// figures stored the old way and a bulk load killed after dropping an index,
// opens upgraded in place: every figure answers as before, its label from
// labels and its division code from publishers, and the indexes are those
// of migration 010.
func TestMigrationCompactsObservations(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old := migrateTo(t, path, "009")
	for _, stmt := range []string{
		`INSERT INTO indicators (code, position, relation, name_zh, name_en) VALUES ('requests.received', 1, 'total', '收到申请数', 'Applications received')`,
		`INSERT INTO publishers (id, name_zh, admin_code) VALUES ('370403', '薛城区人民政府', '370403')`,
		`INSERT INTO sources (sha256, size, bytes) VALUES ('ab', 1, x'00')`,
		`INSERT INTO reports (id, publisher_id, year, template, sha256, ingested_at) VALUES (1, '370403', 2017, 'legacy2014', 'ab', '2024-03-01T00:00:00Z')`,
		`INSERT INTO observations (report_id, publisher_id, admin_code, year, template, indicator, breakdown, value, unit, label, raw, line)
			VALUES (1, '370403', '370403', 2017, 'legacy2014', 'requests.received', 'total', 13, 'case', '（一）收到申请数', '13', 135),
			       (1, '370403', '370403', 2017, 'legacy2014', 'requests.received', 'natural_person', 12, 'case', '（一）收到申请数', '12', 135)`,
		`INSERT INTO summary_years VALUES (2017, 'legacy2014', 1, 2)`,
		// A bulk load killed after dropping an index (migration 007).
		`INSERT INTO deferred_indexes SELECT name, sql FROM sqlite_master WHERE name = 'observations_indicator'`,
		`DROP INDEX observations_indicator`,
	} {
		if _, err := old.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	old.Close()

	d, err := Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	rows, err := d.FindObservations(ctx, ObservationFilter{Indicators: []string{"requests.received"}, Region: "3704",
		Templates: []string{"legacy2014"}, Sort: []SortField{{Field: "value"}}, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || *rows[0].Value != 12 || rows[0].Breakdown != "natural_person" || rows[0].Label != "（一）收到申请数" ||
		rows[0].AdminCode != "370403" || rows[0].Line != 135 || *rows[1].Value != 13 {
		t.Errorf("after the upgrade: %+v", rows)
	}
	if n := Count(t, d, "labels", "1"); n != 1 {
		t.Errorf("%d labels, want the one label once", n)
	}
	if n := Count(t, d, "deferred_indexes", "name LIKE 'observations%'"); n != 0 {
		t.Errorf("%d observation indexes left to build again with their old definitions", n)
	}
	var def string
	MustQueryRow(t, d, `SELECT sql FROM sqlite_master WHERE name = 'observations_indicator'`, nil, &def)
	if !strings.Contains(def, "(indicator_id, publisher_id, year, breakdown, value,") {
		t.Errorf("observations_indicator: %s", def)
	}
}

// migrateTo creates a database at path with the migrations up to and
// including the one numbered last, and returns a connection to it.
func migrateTo(t *testing.T, path, last string) *sql.DB {
	t.Helper()
	conn, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	conn.SetMaxOpenConns(1)
	if _, err := conn.Exec(`CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	d := &DB{write: conn}
	for _, name := range names {
		if filepath.Base(name) > last+"~" {
			break
		}
		if err := d.migrateFile(context.Background(), name); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return conn
}

// TestMigrationNumbersIndicators: a database of migration 010, its figures
// holding indicator codes, opens upgraded in place: each indicator has an
// id, the figures hold it, and they answer with their codes and names as
// before, in the order of the codes when sorted by indicator.
func TestMigrationNumbersIndicators(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old := migrateTo(t, path, "010")
	for _, stmt := range []string{
		// Catalogue order differs from the codes' order.
		`INSERT INTO indicators (code, position, relation, name_zh, name_en) VALUES
			('requests.received', 1, 'total', '收到申请数', 'Applications received'),
			('proactive.items', 2, 'total', '主动公开', 'Items published proactively')`,
		`INSERT INTO publishers (id, name_zh, admin_code) VALUES ('370403', '薛城区人民政府', '370403')`,
		`INSERT INTO sources (sha256, size, bytes) VALUES ('ab', 1, x'00')`,
		`INSERT INTO reports (id, publisher_id, year, template, sha256, ingested_at) VALUES (1, '370403', 2017, 'legacy2014', 'ab', '2024-03-01T00:00:00Z')`,
		`INSERT INTO labels (id, text) VALUES (1, '（一）收到申请数'), (2, '主动公开')`,
		`INSERT INTO observations (report_id, publisher_id, year, indicator, breakdown, value, unit, label_id, raw, line, flags)
			VALUES (1, '370403', 2017, 'requests.received', 'total', 13, 'case', 1, '13', 135, '[]'),
			       (1, '370403', 2017, 'proactive.items', 'total', 7, 'item', 2, '7', 20, '["check_failed"]')`,
		`INSERT INTO summary_years VALUES (2017, 'legacy2014', 1, 2)`,
	} {
		if _, err := old.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	old.Close()

	d, err := Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	rows, err := d.FindObservations(ctx, ObservationFilter{Publishers: []string{"370403"},
		Sort: []SortField{{Field: "indicator"}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Indicator != "proactive.items" || rows[0].IndicatorNameEn != "Items published proactively" ||
		*rows[0].Value != 7 || len(rows[0].Flags) != 1 || rows[1].Indicator != "requests.received" ||
		rows[1].IndicatorNameZh != "收到申请数" || rows[1].Label != "（一）收到申请数" || *rows[1].Value != 13 {
		t.Errorf("after the upgrade: %+v", rows)
	}
	// Migration 013 counted them by province.
	if n, err := d.CountObservations(ctx, ObservationFilter{Indicators: []string{"requests.received"}, Region: "37"}); err != nil || n != (Total{N: 1}) {
		t.Errorf("requests.received in 37 after the upgrade: %+v (%v), want 1", n, err)
	}
	var n int
	MustQueryRow(t, d, `SELECT count(*) FROM observations o JOIN indicators i ON i.id = o.indicator_id
		WHERE i.code = 'requests.received' AND o.value = 13`, nil, &n)
	if n != 1 {
		t.Errorf("%d figures of requests.received by its id, want 1", n)
	}
	var def string
	MustQueryRow(t, d, `SELECT sql FROM sqlite_master WHERE name = 'observations_indicator'`, nil, &def)
	if !strings.Contains(def, "(indicator_id, publisher_id, year, breakdown, value, report_id") {
		t.Errorf("observations_indicator: %s", def)
	}
}

// TestMigrationListsCheckIndicators: a database of migration 011, its
// checks holding their indicators as JSON arrays, and a bulk load killed
// after dropping a check index, opens upgraded in place: each list of
// indicators is stored once, the checks answer with their lists as
// before, and the check indexes are those of migration 012.
func TestMigrationListsCheckIndicators(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old := migrateTo(t, path, "011")
	for _, stmt := range []string{
		`INSERT INTO publishers (id, name_zh, admin_code) VALUES ('370403', '薛城区人民政府', '370403')`,
		`INSERT INTO sources (sha256, size, bytes) VALUES ('ab', 1, x'00')`,
		`INSERT INTO reports (id, publisher_id, year, template, sha256, ingested_at) VALUES (1, '370403', 2017, 'legacy2014', 'ab', '2024-03-01T00:00:00Z')`,
		`INSERT INTO checks (id, report_id, publisher_id, year, rule, severity, status, breakdown, indicators, expected, actual, message)
			VALUES (1, 1, '370403', 2017, 'legacy.requests.received.sum', 'error', 'pass', 'total', '["requests.received","requests.carried_over"]', 13, 13, '13 = 13'),
			       (2, 1, '370403', 2017, 'legacy.requests.received.sum', 'error', 'fail', 'natural_person', '["requests.received","requests.carried_over"]', 12, 11, '12 ≠ 11'),
			       (3, 1, '370403', 2017, 'legacy.outcomes.row_sum', 'warning', 'skipped', '*', '[]', NULL, NULL, 'skipped: no figures')`,
		// A bulk load killed after dropping an index (migration 007).
		`INSERT INTO deferred_indexes SELECT name, sql FROM sqlite_master WHERE name = 'checks_rule'`,
		`DROP INDEX checks_rule`,
	} {
		if _, err := old.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	old.Close()

	d, err := Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	checks, err := d.ListChecks(ctx, CheckFilter{Publishers: []string{"370403"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(checks) != 3 || strings.Join(checks[1].Indicators, " ") != "requests.received requests.carried_over" ||
		checks[1].Status != "fail" || checks[1].Breakdown != "natural_person" || *checks[1].Actual != 11 ||
		checks[1].Message != "12 ≠ 11" || len(checks[2].Indicators) != 0 || checks[2].Expected != nil {
		t.Errorf("after the upgrade: %+v", checks)
	}
	if n := Count(t, d, "indicator_lists", "1"); n != 2 {
		t.Errorf("%d indicator lists, want each of the two once", n)
	}
	if n := Count(t, d, "deferred_indexes", "name LIKE 'checks%'"); n != 0 {
		t.Errorf("%d check indexes left to build again with their old definitions", n)
	}
	var def string
	MustQueryRow(t, d, `SELECT sql FROM sqlite_master WHERE name = 'checks_rule'`, nil, &def)
	if !strings.Contains(def, "checks(rule, status)") {
		t.Errorf("checks_rule: %s", def)
	}
}
