#!/usr/bin/env bash
# latency.sh: uncached answers at scale, p50, p99 and max per kind of query.
#
# Serves a database with the response cache off and asks each kind of
# question N times (default 100) with varying publishers, regions,
# indicators and years, one at a time, timing each answer with curl. The
# last column is the server's CPU time per answer (from /proc), which a
# loaded machine inflates less than the wall times.
# Loopback only. Needs curl and the sqlite3 command.
#
#   scripts/latency.sh DB [N]   # DB: e.g. built by scripts/scaledb.sh 13200 big.db (10 million observations)
#
# GONGKAI=path/to/binary serves with that binary instead of building this
# checkout's: another version, on its own database, in the same conditions.
# ONLY=REGEX asks only the kinds of question whose name matches, e.g.
# ONLY='over a region, all years' for the region page.
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
n=${2:-100}
port=18095
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
bin=${GONGKAI:-$dir/gongkai}
[ -n "${GONGKAI:-}" ] || go build -o "$bin" ./cmd/gongkai
"$bin" serve --db "$db" --addr 127.0.0.1:$port --rate 0 --cache-mb 0 2>/dev/null &
pid=$!
q() { sqlite3 "file:$db?mode=ro" "$1"; }
mapfile -t publishers < <(q "SELECT id FROM publishers ORDER BY random() LIMIT $n")
# The first report's indicators by code: a database of migration 011 or
# later holds their ids, an older one (GONGKAI= an older binary) the codes.
first="report_id = (SELECT min(id) FROM reports)"
mapfile -t indicators < <(q "SELECT DISTINCT i.code FROM observations o JOIN indicators i ON i.id = o.indicator_id WHERE o.$first ORDER BY 1" 2>/dev/null ||
  q "SELECT DISTINCT indicator FROM observations WHERE $first ORDER BY 1")
mapfile -t years < <(q "SELECT year FROM summary_years ORDER BY year")
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done

# cpu_ticks: the CPU time the server has used (user and system), in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
tick_ms=$((1000 / $(getconf CLK_TCK)))

# time KIND PATH...: the answers' times in ms, sorted, into $dir/KIND, and
# the server's CPU time per answer, which a loaded machine inflates less
# than the wall time.
time_paths() {
  local kind=$1; shift
  local cpu0; cpu0=$(cpu_ticks)
  for path in "$@"; do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port$path"
  done | awk -v kind="$kind" '$1 != 200 {print kind ": status " $1 > "/dev/stderr"} {print $2 * 1000}' | sort -n >"$dir/times"
  local cpu=$(( ($(cpu_ticks) - cpu0) * tick_ms ))
  awk -v kind="$kind" -v cpu="$cpu" '{t[NR] = $1} END {
    p50 = t[int((NR - 1) * 0.50) + 1]; p99 = t[int((NR - 1) * 0.99) + 1]
    printf "%-58s %5d %8.1f %8.1f %8.1f %8.2f\n", kind, NR, p50, p99, t[NR], cpu / NR }' "$dir/times"
}
paths() { # FORMAT: one path per i in 0..n-1, with P (publisher), I (indicator), Y (year), R (region) substituted
  local format=$1
  for ((i = 0; i < n; i++)); do
    local p=${publishers[i % ${#publishers[@]}]} ind=${indicators[i % ${#indicators[@]}]} y=${years[i % ${#years[@]}]}
    local r=$((11 + i % 30))
    local path=${format//\{P\}/$p}; path=${path//\{I\}/$ind}; path=${path//\{Y\}/$y}; path=${path//\{R\}/$r}
    echo "$path"
  done
}
run() {
  local kind=$1 format=$2
  [[ -z ${ONLY:-} || $kind =~ $ONLY ]] || return 0
  mapfile -t ps < <(paths "$format"); time_paths "$kind" "${ps[@]}"
}

echo "$(date -u +%FT%TZ) $(q 'SELECT sum(observations) FROM summary_years') observations, $(stat -c %s "$db") bytes; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-58s %5s %8s %8s %8s %8s\n' "query (ms)" n p50 p99 max cpu/req
echo "-- the questions of issue 10"
run "one indicator over a region, all years (limit=1000)" "/v1/observations?indicator={I}&region={R}&limit=1000"
run "one report's table (publisher and year)" "/v1/observations?publisher={P}&year={Y}"
run "a series (indicator and publisher)" "/v1/series?indicator={I}&publisher={P}"
run "the indicator list" "/v1/indicators"
run "one publisher" "/v1/publishers/{P}"
run "one publisher's figures for one indicator" "/v1/observations?indicator={I}&publisher={P}"
echo "-- every other kind"
run "/v1" "/v1"
run "/v1/years" "/v1/years"
run "observations, no filter" "/v1/observations"
run "observations of an indicator" "/v1/observations?indicator={I}"
run "observations of a year" "/v1/observations?year={Y}"
run "observations of a year range" "/v1/observations?year=2012:2016"
run "observations of a region" "/v1/observations?region={R}"
run "observations, breakdown=total" "/v1/observations?breakdown=total"
run "observations, template=legacy2014" "/v1/observations?template=legacy2014"
run "indicator and year range by value" "/v1/observations?indicator={I}&year=2015:2017&sort=-value"
run "indicator over a region by value" "/v1/observations?indicator={I}&region={R}&sort=-value"
run "indicator, breakdown and year by value" "/v1/observations?indicator={I}&breakdown=total&year={Y}&sort=-value"
run "region and year by value" "/v1/observations?region={R}&year={Y}&sort=value"
run "indicator, template and year range by value" "/v1/observations?indicator={I}&template=legacy2014&year=2012:2016&sort=-value"
run "indicator and breakdown" "/v1/observations?indicator={I}&breakdown=total"
run "series of a region" "/v1/series?indicator={I}&region={R}01"
run "reports of a year" "/v1/reports?year={Y}"
run "publishers of a region" "/v1/publishers?region={R}"
run "failing checks" "/v1/checks?status=fail"
