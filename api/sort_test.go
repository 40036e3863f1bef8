package api_test

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gongkai/gongkai/api"
	"github.com/gongkai/gongkai/db"
)

// TestSortRefusedBeyondCap: a sorted page and its count read at once; when
// more than db.CountCap figures match, the answer is the count's 400 (the
// sort abandoned), and below it the page is sorted and counted exactly.
func TestSortRefusedBeyondCap(t *testing.T) {
	start := time.Now()
	path := sampleCopy(t, "many.db")
	conn, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	// 1,400 copies of the first report's figures under the same report.
	var perReport int
	if err := conn.QueryRow(`SELECT count(*) FROM observations WHERE report_id = 1`).Scan(&perReport); err != nil {
		t.Fatal(err)
	}
	const copies = 1400
	// The indexes are built again after the copies (sorting once is much
	// faster than inserting into them in random order).
	var indexes []string
	rows, err := conn.Query(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var create string
		if err := rows.Scan(&create); err != nil {
			t.Fatal(err)
		}
		indexes = append(indexes, create)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for _, create := range indexes {
		name := strings.Fields(create)[2]
		if _, err := conn.Exec(`DROP INDEX ` + name); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := conn.Exec(`
		WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO observations (report_id, current, publisher_id, year, indicator_id, breakdown, value, unit, label_id)
		SELECT report_id, 1, publisher_id, year, indicator_id, breakdown, value + i, unit, label_id
		FROM observations, n WHERE report_id = 1`, copies); err != nil {
		t.Fatal(err)
	}
	for _, create := range indexes {
		if _, err := conn.Exec(create); err != nil {
			t.Fatal(err)
		}
	}
	var publisher, indicator string
	var want int
	if err := conn.QueryRow(`SELECT publisher_id FROM reports WHERE id = 1`).Scan(&publisher); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(`SELECT (SELECT code FROM indicators WHERE id = indicator_id), count(*) FROM observations
		WHERE current = 1 AND value IS NOT NULL GROUP BY indicator_id ORDER BY count(*) DESC LIMIT 1`).Scan(&indicator, &want); err != nil {
		t.Fatal(err)
	}
	if err := conn.Close(); err != nil {
		t.Fatal(err)
	}
	if perReport*copies <= db.CountCap {
		t.Fatalf("%d figures copied: not more than %d", perReport*copies, db.CountCap)
	}
	t.Logf("filled %v", time.Since(start))
	ts := newTestServerOn(t, path, api.Options{CacheBytes: -1})

	resp, body := ts.get(t, "/v1/observations?publisher="+publisher+"&sort=-value")
	var problem api.Problem
	if err := json.Unmarshal(body, &problem); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(problem.Detail, "more than 100000 figures match") {
		t.Errorf("sort of the publisher's figures: %d %q, want 400 asking for a narrower filter", resp.StatusCode, problem.Detail)
	}

	t.Logf("refused %v", time.Since(start))
	// With the publisher, counted (an indicator alone is summed from summaries
	// that these copies bypassed).
	resp, body = ts.get(t, "/v1/observations?indicator="+indicator+"&publisher="+publisher+"&sort=-value&limit=50")
	var list api.ObservationList
	if err := json.Unmarshal(body, &list); err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK || list.Page.Total != want || list.Page.TotalCapped || len(list.Data) != 50 {
		t.Fatalf("sort of %s: %d, total %d (capped %v), %d rows; want 200, total %d, 50 rows",
			indicator, resp.StatusCode, list.Page.Total, list.Page.TotalCapped, len(list.Data), want)
	}
	for i := 1; i < len(list.Data); i++ {
		if *list.Data[i].Value > *list.Data[i-1].Value {
			t.Fatalf("row %d: value %v after %v, want descending", i, *list.Data[i].Value, *list.Data[i-1].Value)
		}
	}
}
