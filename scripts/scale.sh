#!/usr/bin/env bash
# scale.sh: how the API answers on a large database.
#
# Builds a synthetic database from the sample report, its 76 figures copied
# to PUBLISHERS × 10 years of reports (5,000 publishers: 50,000 reports,
# 3.8 million observations, about the national count of reports; see
# scripts/scaledb.sh), serves it,
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
scripts/scaledb.sh "$publishers" "$dir/scale.db" "$dir/gongkai"
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
