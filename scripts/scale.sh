#!/usr/bin/env bash
# scale.sh: how the API answers on a large database.
#
# Builds a synthetic database from the sample report, its 76 figures copied
# to PUBLISHERS × 10 years of reports (5,000 publishers: 50,000 reports,
# 3.8 million observations, about the national count of reports), serves it,
# and times the first (uncached) answer of each kind of query, then a full
# CSV download with the server's peak memory. Needs the sqlite3 command
# (Debian's sqlite3) and curl.
#
#   scripts/scale.sh [PUBLISHERS]
set -euo pipefail
cd "$(dirname "$0")/.."
publishers=${1:-5000}
dir=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$dir"' EXIT
go build -o "$dir/gongkai" ./cmd/gongkai
"$dir/gongkai" ingest --db "$dir/scale.db" samples/xuecheng-2017.txt >/dev/null

sqlite3 "$dir/scale.db" <<SQL
PRAGMA synchronous=OFF;
BEGIN;
WITH RECURSIVE p(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM p WHERE i < $publishers)
INSERT INTO publishers (id, name_zh, level, admin_code)
  SELECT printf('9%05d', i), printf('测试%05d人民政府', i), 'county', printf('%02d%04d', 11 + i % 30, i % 10000) FROM p;
WITH RECURSIVE p(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM p WHERE i < $publishers),
  y(y) AS (SELECT 2009 UNION ALL SELECT y+1 FROM y WHERE y < 2018)
INSERT INTO reports (publisher_id, year, template, sha256, ingested_at)
  SELECT printf('9%05d', i), y, 'legacy2014', (SELECT sha256 FROM sources LIMIT 1), '2026-01-01T00:00:00Z' FROM p, y;
INSERT INTO observations (report_id, current, publisher_id, admin_code, year, template, indicator, breakdown, value, unit, label, raw, line, flags)
  SELECT r.id, 1, r.publisher_id, pub.admin_code, r.year, r.template, o.indicator, o.breakdown, abs(random() % 1000), o.unit, o.label, o.raw, o.line, '[]'
  FROM reports r JOIN publishers pub ON pub.id = r.publisher_id
  CROSS JOIN (SELECT * FROM observations WHERE report_id = 1) o WHERE r.id > 1;
UPDATE meta SET value = value || '-scale' WHERE key = 'version';
COMMIT;
ANALYZE;
SQL
echo "observations: $(sqlite3 "$dir/scale.db" 'SELECT count(*) FROM observations')"

"$dir/gongkai" serve --db "$dir/scale.db" --addr 127.0.0.1:18096 --rate 0 >/dev/null 2>&1 &
pid=$!
sleep 2
for path in \
  '/v1' '/v1/years' \
  '/v1/observations' \
  '/v1/observations?indicator=requests.received' \
  '/v1/observations?year=2017' \
  '/v1/observations?region=11' \
  '/v1/observations?breakdown=total' \
  '/v1/observations?template=legacy2014' \
  '/v1/observations?publisher=900042' \
  '/v1/observations?indicator=requests.received&year=2015:2017&sort=-value' \
  '/v1/series?indicator=requests.received&publisher=900001,900002' \
  '/v1/reports?year=2017' '/v1/publishers?region=11'; do
  curl -s -o /dev/null -w "%{time_total}s  %{http_code}  $path\n" "http://127.0.0.1:18096$path"
done
curl -s -o /dev/null -w "%{time_total}s  %{http_code}  full CSV, %{size_download} bytes\n" "http://127.0.0.1:18096/v1/observations?format=csv"
grep VmHWM "/proc/$pid/status"
