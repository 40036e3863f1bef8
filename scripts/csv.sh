#!/usr/bin/env bash
# csv.sh: the whole dataset as CSV, rows per second and the server's peak memory.
#
# Serves DB (response cache off), downloads /v1/observations?format=csv
# once, and prints the rows, the wall time, the CPU time the server spent
# (user + system, from /proc), rows per second of each, and the server's
# peak resident memory (VmHWM). Loopback only. Needs curl.
#
#   scripts/csv.sh DB
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
port=18094
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
go build -o "$dir/gongkai" ./cmd/gongkai
"$dir/gongkai" serve --db "$db" --addr 127.0.0.1:$port --rate 0 --cache-mb 0 2>/dev/null &
pid=$!
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
before=$(ticks)
start=$(date +%s.%N)
rows=$(curl -sf "http://127.0.0.1:$port/v1/observations?format=csv" | wc -l)
end=$(date +%s.%N)
cpu=$(echo "($(ticks) - $before) / $hz" | bc -l)
wall=$(echo "$end - $start" | bc -l)
rows=$((rows - 1))
printf '%s load %s: %d rows in %.1f s (%.0f rows/s); server CPU %.1f s (%.0f rows per CPU-second); peak RSS %s\n' \
  "$(date -u +%FT%TZ)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$rows" "$wall" "$(echo "$rows / $wall" | bc -l)" \
  "$cpu" "$(echo "$rows / $cpu" | bc -l)" "$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$pid/status")"
