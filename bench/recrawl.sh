#!/usr/bin/env bash
# Monthly re-crawl benchmark: crawl the generated site twice with the history database;
# the second run sends conditional requests, so unchanged pages answer 304 and reuse the
# stored facts. Prints requests, 304s, time and bytes of both runs, and the size of the
# history database after each run (bytes per page, and what the second run added).
#
#   bash bench/recrawl.sh [PAGES]      (default 5000; run bench/crawl.sh first or let this build)
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-5000}
HOST=www.bench.gov.cn
SITE=target/bench-site-recrawl
PORT=${BENCH_PORT:-18081}
cargo build --release --quiet --bin zwgk --example gensite
rm -rf "$SITE"
./target/release/examples/gensite "$SITE" "$PAGES" "$HOST" >/dev/null
command -v nginx >/dev/null || { echo "nginx is needed (apt-get install nginx-light)"; exit 1; }
CONF=$(mktemp -d)
cat > "$CONF/nginx.conf" <<NGX
worker_processes 1;
daemon off;
pid $CONF/nginx.pid;
error_log $CONF/error.log;
events { worker_connections 1024; }
http { access_log off; default_type text/html; etag on;
  server { listen 127.0.0.1:$PORT; root $(pwd)/$SITE/$HOST; } }
NGX
nginx -c "$CONF/nginx.conf" & NGINX=$!
trap 'kill $NGINX 2>/dev/null || true' EXIT
sleep 0.5
DB=$(mktemp -d)/zwgk.db
db_bytes() { cat "$DB" "$DB-wal" 2>/dev/null | wc -c; }
prev=0
for run in 1 2; do
  ./target/release/zwgk check "http://$HOST:$PORT/" --resolve "$HOST:$PORT:127.0.0.1" --no-dns \
    --rate 0 --per-host 32 --concurrency 32 --external skip --max-pages $((PAGES + 1000)) \
    --max-depth 100 --db "$DB" --out "target/recrawl-$run" > /dev/null
  python3 - "target/recrawl-$run/report.json" "$run" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["stats"]
print(f"run {sys.argv[2]}: {s['pages']} pages, {s['requests']} requests, {s['unchanged']} answered 304, "
      f"{s['bytes'] / 1e6:.1f} MB of bodies, crawl {s['elapsed_ms'] / 1000:.2f} s")
PY
  now=$(db_bytes)
  echo "run $run: history database $((now / 1024)) KiB, $((now / PAGES)) bytes per page, +$(((now - prev) / 1024)) KiB this run"
  prev=$now
done
