#!/usr/bin/env bash
# ingest.sh: the ingest rate on a synth corpus, parsed by N parallel
# `gongkai parse --jsonl` processes feeding one `gongkai ingest --jsonl`.
#
# Writes REPORTS synth files (seed 1), parses them with PARSERS processes
# (each over its share of the province directories, GOMAXPROCS=1, its own
# file of JSON lines), then stores every file of JSON lines with one
# ingest into a new database (a bulk load: indexes built at the end). Prints
# each step's wall and CPU time (user + system) and its rate. Work files go
# under WORK (default: a temporary directory, removed at the end).
#
#   scripts/ingest.sh REPORTS [PARSERS]      e.g. scripts/ingest.sh 50000 2
set -euo pipefail
cd "$(dirname "$0")/.."
reports=${1:?usage: scripts/ingest.sh REPORTS [PARSERS]}
parsers=${2:-2}
work=${WORK:-$(mktemp -d)}
[ -z "${WORK:-}" ] && trap 'rm -rf "$work"' EXIT
go build -o "$work/gongkai" ./cmd/gongkai
gk=$work/gongkai

# step NAME COUNT CMD...: runs CMD, prints its wall and CPU time and COUNT/s.
step() {
  local name=$1 count=$2
  shift 2
  /usr/bin/time -o "$work/time" -f '%e %U %S' "$@" >"$work/$name.out" 2>"$work/$name.err"
  read -r wall user sys <"$work/time"
  printf '%-6s %6d in %7.1f s wall (%5.0f/s), CPU %7.1f s (%.2f ms each); load %s\n' "$name" "$count" "$wall" \
    "$(echo "$count / $wall" | bc -l)" "$(echo "$user + $sys" | bc -l)" "$(echo "($user + $sys) * 1000 / $count" | bc -l)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
}

rm -rf "$work/corpus" "$work/parsed" "$work/ingest.db"*
step synth "$reports" "$gk" synth --reports "$reports" --seed 1 --out "$work/corpus"
mkdir -p "$work/parsed"
ls -d "$work"/corpus/*/ >"$work/dirs"
step parse "$reports" sh -c "xargs -P $parsers -I{} sh -c 'GOMAXPROCS=1 $gk parse --jsonl {} > $work/parsed/\$(basename {}).jsonl 2>/dev/null' < $work/dirs"
step ingest "$reports" "$gk" ingest --db "$work/ingest.db" --jsonl "$work"/parsed/*.jsonl
grep -v "^stored " "$work/ingest.out" # the storing and index-building times
