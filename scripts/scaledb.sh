#!/usr/bin/env bash
# scaledb.sh: a synthetic database at national scale, built directly in SQLite.
#
# The sample report is ingested, then its 76 figures are copied to
# PUBLISHERS × 10 years of reports (5,000 publishers: 50,000 reports, 3.8
# million observations; 13,200: 10 million), with random values. Publishers
# are 9xxxxx, their division codes spread over 30 provinces (11…40).
# Needs the sqlite3 command (Debian's sqlite3).
#
#   scripts/scaledb.sh PUBLISHERS OUT.db [GONGKAI-BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
publishers=$1
out=$2
bin=${3:-}
if [ -z "$bin" ]; then
  bin=$(mktemp -d)/gongkai
  go build -o "$bin" ./cmd/gongkai
fi
rm -f "$out" "$out-wal" "$out-shm"
"$bin" ingest --db "$out" samples/xuecheng-2017.txt >/dev/null

# The observation indexes are dropped for the bulk insert and built again
# after it: sorting once is much faster than inserting in random order.
indexes=$(sqlite3 "$out" "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL")
index_sql=$(sqlite3 "$out" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observations' AND sql IS NOT NULL")
sqlite3 "$out" >/dev/null <<SQL
PRAGMA journal_mode=DELETE;
PRAGMA synchronous=OFF;
PRAGMA cache_size=-1000000;
BEGIN;
$(for i in $indexes; do echo "DROP INDEX $i;"; done)
WITH RECURSIVE p(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM p WHERE i < $publishers)
INSERT INTO publishers (id, name_zh, level, admin_code)
  SELECT printf('9%05d', i), printf('测试%05d人民政府', i), 'county', printf('%02d%04d', 11 + i % 30, i % 10000) FROM p;
WITH RECURSIVE p(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM p WHERE i < $publishers),
  y(y) AS (SELECT 2009 UNION ALL SELECT y+1 FROM y WHERE y < 2018)
INSERT INTO reports (publisher_id, year, template, sha256, ingested_at)
  SELECT printf('9%05d', i), y, 'legacy2014', (SELECT sha256 FROM sources LIMIT 1), '2026-01-01T00:00:00Z' FROM p, y;
INSERT INTO observations (report_id, current, publisher_id, year, indicator_id, breakdown, value, unit, label_id, raw, line, flags)
  SELECT r.id, 1, r.publisher_id, r.year, o.indicator_id, o.breakdown, abs(random() % 1000), o.unit, o.label_id, o.raw, o.line, '[]'
  FROM reports r CROSS JOIN (SELECT * FROM observations WHERE report_id = 1) o WHERE r.id > 1;
$index_sql
-- The summaries that StoreReport keeps (db/summary.go, migration 009;
-- db/provinces.go, migration 013).
DELETE FROM summary_years;
INSERT INTO summary_years (year, template, reports, observations)
  SELECT r.year, r.template, count(*), sum((SELECT count(*) FROM observations o WHERE o.report_id = r.id))
  FROM reports r WHERE r.superseded_by IS NULL GROUP BY r.year, r.template;
DELETE FROM summary_publishers;
INSERT INTO summary_publishers (publisher_id, reports, observations)
  SELECT r.publisher_id, count(*), sum((SELECT count(*) FROM observations o WHERE o.report_id = r.id))
  FROM reports r WHERE r.superseded_by IS NULL GROUP BY r.publisher_id;
DELETE FROM summary_provinces;
INSERT INTO summary_provinces (province, year, indicator_id, observations)
  SELECT substr(coalesce(p.admin_code, ''), 1, 2), o.year, o.indicator_id, count(*)
  FROM observations o LEFT JOIN publishers p ON p.id = o.publisher_id
  WHERE o.current = 1 GROUP BY 1, 2, 3;
INSERT INTO summary_provinces (province, year, indicator_id, observations)
  SELECT '*', year, indicator_id, sum(observations) FROM summary_provinces GROUP BY 2, 3;
UPDATE meta SET value = value || '-scale' WHERE key = 'version';
COMMIT;
PRAGMA journal_mode=WAL;
ANALYZE;
SQL
