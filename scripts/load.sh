#!/usr/bin/env bash
# load.sh: repeated answers of gongkai against nginx serving the same bytes.
#
# Serves a database with gongkai (response cache on, rate limit off, access
# log encoded as in production and thrown away) and, in the same run, the
# very bytes of each answer as static files with nginx (sendfile, access log
# to a file, gzip_static for the compressed variant). Then wrk, at 64
# connections for DURATION seconds each, asks each server in turn for the
# same answer, identity and gzip, and prints requests per second and their
# ratio, and the CPU time each server spent per request (µs, user and
# system, from /proc) and their ratio (nginx's over gongkai's: the share of
# nginx's efficiency gongkai reaches). The CPU time per request moves less
# than the rate when other processes share the cores. A third server,
# scripts/bytesserver (Go's net/http writing the same bytes from memory, no
# router, no middleware), shows the floor of any Go server: its rate, CPU
# time and CPU ratio against nginx are the next three columns. SENDFILE=1
# adds a fourth, the same server sending the files with sendfile(2) and
# TCP_CORK as nginx does (bytesserver's sendfile mode): whether answers
# kept as files would be cheaper than from memory. Loopback only; each
# wrk run is bounded by DURATION. On a shared machine, ROUNDS > 1 alternates
# the two servers that many times and prints the medians of the rates, of
# the CPU times and of the rounds' ratios, which a burst of another
# process's load moves less.
# Needs wrk, nginx (Debian: apt-get install -y wrk nginx-light) and curl.
#
#   scripts/load.sh [DB]        # DB: a gongkai database; default: a new
#                               # synthetic one of 1,000 publishers (760,000
#                               # observations, scripts/scaledb.sh)
#   DURATION=10 CONNECTIONS=64 scripts/load.sh big.db
#   DURATION=2 ROUNDS=5 scripts/load.sh big.db  # medians of 5 alternations
#   SENDFILE=1 DURATION=5 scripts/load.sh big.db # and net/http with sendfile
#   GONGKAI=path/to/binary scripts/load.sh big.db # that binary, not this checkout's
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-10}
connections=${CONNECTIONS:-64}
rounds=${ROUNDS:-1}
sendfile=${SENDFILE:-0}
gongkai_port=18097
nginx_port=18098
bytes_port=18099
sendfile_port=18100
dir=$(mktemp -d)
chmod 755 "$dir" # nginx's workers run as another user
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
bin=${GONGKAI:-$dir/gongkai}
[ -n "${GONGKAI:-}" ] || go build -o "$bin" ./cmd/gongkai
go build -o "$dir/bytesserver" ./scripts/bytesserver
db=${1:-}
if [ -z "$db" ]; then
  db=$dir/load.db
  scripts/scaledb.sh 1000 "$db" "$bin"
fi

"$bin" serve --db "$db" --addr 127.0.0.1:$gongkai_port --rate 0 2>/dev/null &
gongkai_pid=$!
pids+=($gongkai_pid)

# The questions of issue 10: one indicator over a region (a page of 1,000),
# one publisher's figures for one indicator, the catalogue, one report's
# table (a publisher and a year).
publisher=$(sqlite3 "file:$db?mode=ro" "SELECT publisher_id FROM reports WHERE superseded_by IS NULL ORDER BY id DESC LIMIT 1")
year=$(sqlite3 "file:$db?mode=ro" "SELECT max(year) FROM reports WHERE publisher_id = '$publisher'")
region=$(sqlite3 "file:$db?mode=ro" "SELECT substr(admin_code, 1, 2) FROM publishers WHERE id = '$publisher'")
paths=(
  "/v1/observations?indicator=requests.received&region=$region&limit=1000"
  "/v1/observations?indicator=requests.received&publisher=$publisher"
  "/v1/indicators"
  "/v1/observations?publisher=$publisher&year=$year"
)

mkdir -p "$dir/www" "$dir/nginx"
for _ in $(seq 50); do
  curl -sf -o /dev/null "http://127.0.0.1:$gongkai_port/healthz" && break
  sleep 0.2
done
for i in "${!paths[@]}"; do
  curl -sf -o "$dir/www/a$i" "http://127.0.0.1:$gongkai_port${paths[$i]}"
  curl -sf -H 'Accept-Encoding: gzip' -D "$dir/headers" -o "$dir/www/a$i.gz" "http://127.0.0.1:$gongkai_port${paths[$i]}"
  grep -qi '^content-encoding: gzip' "$dir/headers" || rm "$dir/www/a$i.gz" # too small to compress
done

cat >"$dir/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log $dir/nginx/access.log;
  client_body_temp_path $dir/nginx;
  proxy_temp_path $dir/nginx;
  fastcgi_temp_path $dir/nginx;
  uwsgi_temp_path $dir/nginx;
  scgi_temp_path $dir/nginx;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type application/json;
  gzip_static on;
  server {
    listen 127.0.0.1:$nginx_port;
    root $dir/www;
  }
}
CONF
nginx -c "$dir/nginx/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
pids+=($nginx_pid)
sleep 0.5
nginx_pids=("$nginx_pid" $(pgrep -P "$nginx_pid")) # the master and its workers
"$dir/bytesserver" 127.0.0.1:$bytes_port "$dir/www" &
bytes_pid=$!
pids+=($bytes_pid)
if [ "$sendfile" = 1 ]; then
  "$dir/bytesserver" 127.0.0.1:$sendfile_port "$dir/www" sendfile &
  sendfile_pid=$!
  pids+=($sendfile_pid)
fi
hz=$(getconf CLK_TCK)

cpu_ticks() { # PID...: the CPU time (user and system) the processes used so far, in clock ticks
  local pid t=0
  for pid in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo "$t"
}

measure() { # URL HEADER PID...: requests per second by wrk, and µs of the server's CPU per request
  local url=$1 header=$2 args=(-t2 -c"$connections" -d"${duration}s" --latency) before out
  shift 2
  [ -n "$header" ] && args+=(-H "$header")
  before=$(cpu_ticks "$@")
  out=$(wrk "${args[@]}" "$url" | awk '/Non-2xx/ {print "error: " $0 > "/dev/stderr"; exit 1}
    / requests in / {n = $1} /Requests\/sec/ {print int($2), n}')
  read -r rate n <<<"$out"
  echo "$rate $(echo "($(cpu_ticks "$@") - $before) * 1000000 / $hz / $n" | bc -l)"
}

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "$(date -u +%FT%TZ) ${GONGKAI:-this checkout}: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$connections -d${duration}s, median of $rounds"
printf '%-80s %-8s %8s %10s %10s %6s %9s %9s %6s %10s %9s %6s' "question" "encoding" "bytes" "gongkai/s" "nginx/s" "ratio" \
  "gongkai µs" "nginx µs" "ratio" "net/http/s" "net/http µs" "ratio"
[ "$sendfile" = 1 ] && printf ' %10s %9s %6s' "sendfile/s" "sendfile µs" "ratio"
echo
for i in "${!paths[@]}"; do
  for enc in identity gzip; do
    header="" file="$dir/www/a$i"
    if [ "$enc" = gzip ]; then
      [ -f "$dir/www/a$i.gz" ] || continue
      header="Accept-Encoding: gzip" file="$dir/www/a$i.gz"
    fi
    gs=() ns=() ratios=() gcpu=() ncpu=() cpu_ratios=() # the ratios of each round: the runs seconds apart
    bs=() bcpu=() bytes_ratios=()
    ss=() scpu=() sendfile_ratios=()
    for _ in $(seq "$rounds"); do
      read -r g gc < <(measure "http://127.0.0.1:$gongkai_port${paths[$i]}" "$header" "$gongkai_pid")
      read -r n nc < <(measure "http://127.0.0.1:$nginx_port/a$i" "$header" "${nginx_pids[@]}")
      read -r b bc < <(measure "http://127.0.0.1:$bytes_port/a$i" "$header" "$bytes_pid")
      gs+=("$g") ns+=("$n") ratios+=("$(echo "$g / $n" | bc -l)")
      gcpu+=("$gc") ncpu+=("$nc") cpu_ratios+=("$(echo "$nc / $gc" | bc -l)")
      bs+=("$b") bcpu+=("$bc") bytes_ratios+=("$(echo "$nc / $bc" | bc -l)")
      if [ "$sendfile" = 1 ]; then
        read -r f fc < <(measure "http://127.0.0.1:$sendfile_port/a$i" "$header" "$sendfile_pid")
        ss+=("$f") scpu+=("$fc") sendfile_ratios+=("$(echo "$nc / $fc" | bc -l)")
      fi
    done
    printf '%-80s %-8s %8d %10.0f %10.0f %6.2f %9.1f %9.1f %6.2f %10.0f %9.1f %6.2f' "${paths[$i]}" "$enc" "$(stat -c %s "$file")" \
      "$(printf '%s\n' "${gs[@]}" | median)" "$(printf '%s\n' "${ns[@]}" | median)" "$(printf '%s\n' "${ratios[@]}" | median)" \
      "$(printf '%s\n' "${gcpu[@]}" | median)" "$(printf '%s\n' "${ncpu[@]}" | median)" "$(printf '%s\n' "${cpu_ratios[@]}" | median)" \
      "$(printf '%s\n' "${bs[@]}" | median)" "$(printf '%s\n' "${bcpu[@]}" | median)" "$(printf '%s\n' "${bytes_ratios[@]}" | median)"
    if [ "$sendfile" = 1 ]; then
      printf ' %10.0f %9.1f %6.2f' "$(printf '%s\n' "${ss[@]}" | median)" "$(printf '%s\n' "${scpu[@]}" | median)" \
        "$(printf '%s\n' "${sendfile_ratios[@]}" | median)"
    fi
    echo
  done
done
