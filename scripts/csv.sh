#!/usr/bin/env bash
# csv.sh: the whole dataset as CSV, rows per second and the server's peak memory.
#
# Serves DB (response cache off), downloads /v1/observations?format=csv
# once, and prints the rows, the wall time, the CPU time the server spent
# (user + system, from /proc), rows per second of each, and the server's
# peak memory: its own (anonymous pages, RssAnon, sampled every 0.1 s),
# and VmHWM, which also counts the pages of the database file it maps
# (mmap_size: up to 2 GB of the file, shared with the page cache, not
# memory of the process). Loopback only. Needs curl.
#
#   scripts/csv.sh DB                   # everything
#   QUERY='year=2018' scripts/csv.sh DB  # a filter
#
# GONGKAI=path/to/binary serves with that binary instead of building this
# checkout's: another version in the same conditions.
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
port=18094
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
bin=${GONGKAI:-$dir/gongkai}
[ -n "${GONGKAI:-}" ] || go build -o "$bin" ./cmd/gongkai
"$bin" serve --db "$db" --addr 127.0.0.1:$port --rate 0 --cache-mb 0 2>/dev/null &
pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks)
# anon: the largest RssAnon (kB) seen while the download runs
anon() { awk '/RssAnon/ {print $2}' "/proc/$pid/status"; }
(peak=0; while [ ! -e "$dir/done" ]; do a=$(anon); ((a > peak)) && peak=$a; echo $peak >"$dir/anon"; sleep 0.1; done) &
sampler=$!
start=$(date +%s.%N)
rows=$(curl -sf "http://127.0.0.1:$port/v1/observations?format=csv${QUERY:+&$QUERY}" | wc -l)
end=$(date +%s.%N)
touch "$dir/done"
wait $sampler
cpu=$(echo "($(ticks) - $before) / $hz" | bc -l)
wall=$(echo "$end - $start" | bc -l)
rows=$((rows - 1))
printf '%s load %s: %d rows in %.1f s (%.0f rows/s); server CPU %.1f s (%.0f rows per CPU-second); peak RSS %d MB anonymous, %s with the mapped file\n' \
  "$(date -u +%FT%TZ)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$rows" "$wall" "$(echo "$rows / $wall" | bc -l)" \
  "$cpu" "$(echo "$rows / $cpu" | bc -l)" "$(($(cat "$dir/anon") / 1024))" "$(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$pid/status")"
