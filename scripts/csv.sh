#!/usr/bin/env bash
# csv.sh: the whole dataset as CSV, rows per second and the server's peak memory.
#
# Serves DB (response cache off; release files in a temporary directory),
# downloads /v1/observations?format=csv once, and prints the rows, the wall
# time, the CPU time the server spent (user + system, from /proc), rows per
# second of each, and the server's peak memory: its own (anonymous pages,
# RssAnon, sampled every 0.1 s), and VmHWM, which also counts the pages of
# the database file it maps (mmap_size: up to 2 GB of the file, shared with
# the page cache, not memory of the process). Loopback only. Needs curl.
#
# The first download also writes the release file (of everything, or of
# the filter). With REPEAT=1 the script then waits for the gzip copy of the
# release, and downloads again twice, from the release file: in identity
# (rows counted) and in gzip (bytes counted, not decompressed).
#
#   scripts/csv.sh DB                    # everything
#   QUERY='year=2018' scripts/csv.sh DB  # a filter
#   REPEAT=1 scripts/csv.sh DB           # the first download, then two from the release file
#
# GONGKAI=path/to/binary serves with that binary instead of building this
# checkout's: another version in the same conditions (RELEASE=0 for a
# binary that has no --release-dir). BEFORE=path/to/binary compares it with
# another version: ROUNDS times (3 by default), a first download by BEFORE,
# then one by this binary, each from a server started for it.
#
#   BEFORE=/tmp/gongkai-main QUERY='indicator=requests.received' scripts/csv.sh DB
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
port=18094
dir=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
bin=${GONGKAI:-$dir/gongkai}
[ -n "${GONGKAI:-}" ] || go build -o "$bin" ./cmd/gongkai
release=(--release-dir "$dir/release")
[ "${RELEASE:-1}" = 1 ] || release=()
# serve BINARY: starts BINARY serving db, with release files in a new
# directory, and waits until it answers.
serve() {
  rm -rf "$dir/release"
  "$1" serve --db "$db" --addr 127.0.0.1:$port --rate 0 --cache-mb 0 "${release[@]}" 2>/dev/null >/dev/null &
  pid=$!
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
}
# stop: stops the server.
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=; }
url="http://127.0.0.1:$port/v1/observations?format=csv${QUERY:+&$QUERY}"
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
# anon: the largest RssAnon (kB) seen while a download runs
anon() { awk '/RssAnon/ {print $2}' "/proc/$pid/status"; }

# download NAME CURL-ARGS...: one download of url, counted by count (lines
# by default), with its rates and the server's CPU and peak memory.
download() {
  local name=$1; shift
  rm -f "$dir/done"
  (peak=0; while [ ! -e "$dir/done" ]; do a=$(anon); ((a > peak)) && peak=$a; echo $peak >"$dir/anon"; sleep 0.1; done) &
  local sampler=$!
  local before start end n cpu wall
  before=$(ticks)
  start=$(date +%s.%N)
  n=$(curl -sf "$@" "$url" | ${count:-wc -l})
  end=$(date +%s.%N)
  touch "$dir/done"
  wait $sampler
  cpu=$(echo "($(ticks) - $before) / $hz + 0.001" | bc -l)
  wall=$(echo "$end - $start" | bc -l)
  [ -n "${count:-}" ] || n=$((n - 1)) # the header row
  printf '%s load %s: %s: %d %s in %.1f s (%.0f/s); server CPU %.1f s (%.0f per CPU-second); peak RSS %d MB anonymous, %s with the mapped file\n' \
    "$(date -u +%FT%TZ)" "$(cut -d' ' -f1-3 /proc/loadavg)" "$name" "$n" "${unit:-rows}" "$wall" "$(echo "$n / $wall" | bc -l)" \
    "$cpu" "$(echo "$n / $cpu" | bc -l)" "$(($(cat "$dir/anon") / 1024))" "$(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$pid/status")"
}

if [ -n "${BEFORE:-}" ]; then
  for _ in $(seq "${ROUNDS:-3}"); do
    serve "$BEFORE"; download "first download, BEFORE"; stop
    serve "$bin"; download "first download, this binary"; stop
  done
  exit
fi
serve "$bin"
download "first download"
if [ "${REPEAT:-0}" = 1 ]; then
  start=$(date +%s.%N)
  for _ in $(seq 1200); do ls "$dir"/release/*.csv.gz >/dev/null 2>&1 && break; sleep 0.1; done
  printf 'gzip copy of the release ready %.1f s after the first download\n' "$(echo "$(date +%s.%N) - $start" | bc -l)"
  ls -l "$dir"/release/
  download "again, from the release file"
  count='wc -c' unit=bytes download "gzip, from the release file" -H 'Accept-Encoding: gzip'
fi
