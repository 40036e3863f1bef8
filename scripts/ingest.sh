#!/usr/bin/env bash
# ingest.sh: the ingest rate on a synth corpus, parsed by N parallel
# `gongkai parse --jsonl` processes feeding one `gongkai ingest --jsonl`.
#
# Writes REPORTS synth files (seed 1), parses them with PARSERS processes
# (each over its share of the province directories, GOMAXPROCS=1, its own
# file of JSON lines), then stores every file of JSON lines with one
# ingest into a new database (a bulk load: indexes built at the end). Prints
# each step's wall and CPU time (user + system) and its rate. Work files go
# under WORK (default: a temporary directory, removed at the end); with
# WORK set, a corpus and its JSON lines made there by an earlier run of the
# same REPORTS and PARSERS are reused (delete WORK to make them again).
#
# BEFORE=BINARY also runs the ingest with another gongkai binary (an older
# build) on the same JSON lines, and ROUNDS=K (default 1) runs the ingests
# K times, alternating before and after, so that both sides meet the same
# load. GONGKAI=BINARY runs that binary as this side instead of building
# one from the tree (the other helpers' trees may share WORK).
#
#   scripts/ingest.sh REPORTS [PARSERS]      e.g. scripts/ingest.sh 50000 2
#   WORK=/tmp/w BEFORE=/tmp/gongkai-main ROUNDS=2 scripts/ingest.sh 2000 2
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${1:?usage: scripts/ingest.sh REPORTS [PARSERS]}
parsers=${2:-2}
work=${WORK:-$(mktemp -d)}
[ -z "${WORK:-}" ] && trap 'rm -rf "$work"' EXIT
mkdir -p "$work"
gk=${GONGKAI:-}
if [ -z "$gk" ]; then
  go build -o "$work/gongkai" ./cmd/gongkai
  gk=$work/gongkai
fi

# step NAME COUNT CMD...: runs CMD, prints its wall and CPU time and COUNT/s.
step() {
  local name=$1 count=$2
  shift 2
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" >"$work/$name.out" 2>"$work/$name.err"
  read -r wall user sys rss <"$work/time"
  printf '%-13s %6d in %7.1f s wall (%5.0f/s), CPU %7.1f s (%.2f ms each), max RSS %d MB; load %s\n' "$name" "$count" "$wall" \
    "$(echo "$count / $wall" | bc -l)" "$(echo "$user + $sys" | bc -l)" "$(echo "($user + $sys) * 1000 / $count" | bc -l)" \
    "$((rss / 1024))" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

made="$reports reports, $parsers parsers"
if [ "$(cat "$work/made" 2>/dev/null)" != "$made" ]; then
  rm -rf "$work/corpus" "$work/parsed" "$work/made"
  step synth "$reports" "$gk" synth --reports "$reports" --seed 1 --out "$work/corpus"
  mkdir -p "$work/parsed"
  ls -d "$work"/corpus/*/ >"$work/dirs"
  step parse "$reports" sh -c "xargs -P $parsers -I{} sh -c 'GOMAXPROCS=1 $gk parse --jsonl {} > $work/parsed/\$(basename {}).jsonl 2>/dev/null' < $work/dirs"
  echo "$made" >"$work/made"
else
  echo "reusing the corpus and JSON lines of $made in $work"
fi

# ingest NAME BINARY: one bulk load of every file of JSON lines into a new database.
ingest() {
  rm -f "$work/ingest.db"*
  step "$1" "$reports" "$2" ingest --db "$work/ingest.db" --jsonl "$work"/parsed/*.jsonl
  grep -v "^stored " "$work/$1.out" | sed 's/^/    /' # the storing and index-building times
}
for _ in $(seq "${ROUNDS:-1}"); do
  [ -n "${BEFORE:-}" ] && ingest ingest-before "$BEFORE"
  ingest ingest "$gk"
done
rm -f "$work/ingest.db"*
