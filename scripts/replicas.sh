#!/usr/bin/env bash
# replicas.sh: serving beyond one machine, rehearsed on one.
#
# Starts REPLICAS (default 2) read-only gongkai servers on the same
# database file, and nginx in front of them twice: as a plain load balancer
# (round robin, keep-alive to the replicas) and as a caching proxy that
# honours gongkai's Cache-Control and ETag, as a CDN would. wrk asks each
# for the same question at 64 connections for DURATION seconds (default
# 10), beside one replica alone. Loopback only; every run is bounded.
# Needs wrk, nginx, curl, sqlite3.
#
#   scripts/replicas.sh DB [REPLICAS]
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
replicas=${2:-2}
duration=${DURATION:-10}
dir=$(mktemp -d)
chmod 755 "$dir" # nginx's workers run as another user
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
go build -o "$dir/gongkai" ./cmd/gongkai
upstreams=""
for ((i = 0; i < replicas; i++)); do
  port=$((18110 + i))
  "$dir/gongkai" serve --db "$db" --addr 127.0.0.1:$port --rate 0 --trust-proxy 2>/dev/null &
  pids+=($!)
  upstreams+="server 127.0.0.1:$port; "
done
mkdir -p "$dir/nginx/cache"
cat >"$dir/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log $dir/nginx/access.log;
  client_body_temp_path $dir/nginx; proxy_temp_path $dir/nginx; fastcgi_temp_path $dir/nginx;
  uwsgi_temp_path $dir/nginx; scgi_temp_path $dir/nginx;
  upstream gongkai { $upstreams keepalive 64; }
  proxy_cache_path $dir/nginx/cache keys_zone=answers:10m max_size=1g;
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header X-Forwarded-For \$remote_addr;
  server { # the load balancer
    listen 127.0.0.1:18120;
    location / { proxy_pass http://gongkai; }
  }
  server { # the CDN: caches as Cache-Control allows, revalidates with the ETag
    listen 127.0.0.1:18121;
    location / {
      proxy_pass http://gongkai;
      proxy_cache answers;
      proxy_cache_revalidate on;
      proxy_cache_key \$request_uri\$http_accept_encoding;
    }
  }
}
CONF
nginx -c "$dir/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
publisher=$(sqlite3 "file:$db?mode=ro" "SELECT publisher_id FROM reports WHERE superseded_by IS NULL ORDER BY id DESC LIMIT 1")
path="/v1/observations?indicator=requests.received&publisher=$publisher"
for port in 18110 18120 18121; do
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port$path" && break; sleep 0.2; done
done
rate() {
  wrk -t2 -c64 -d"${duration}s" "$1" | awk '/Non-2xx/ {print "error: " $0 > "/dev/stderr"; exit 1} /Requests\/sec/ {print int($2)}'
}
echo "$(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $replicas replicas; GET $path"
printf '%-50s %10s\n' "served by" "requests/s"
printf '%-50s %10d\n' "one replica" "$(rate "http://127.0.0.1:18110$path")"
printf '%-50s %10d\n' "nginx balancing $replicas replicas" "$(rate "http://127.0.0.1:18120$path")"
printf '%-50s %10d\n' "nginx caching as a CDN in front of them" "$(rate "http://127.0.0.1:18121$path")"
