#!/usr/bin/env bash
# Crawl benchmark: generate a 20,000-page government-style site, serve it on loopback
# (nginx from the distribution when installed, else `zwgk serve`), crawl it with rate
# limits off and report pages/s, pages found and peak RSS of the crawler.
#
#   bash bench/crawl.sh [PAGES]        (default 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-20000}
HOST=www.bench.gov.cn
SITE=target/bench-site
PORT=${BENCH_PORT:-18080}

cargo build --release --quiet --bin zwgk --example gensite
rm -rf "$SITE"
./target/release/examples/gensite "$SITE" "$PAGES" "$HOST"
EXPECTED=$(find "$SITE/$HOST" -name '*.html' | wc -l)

SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true; }
trap cleanup EXIT
if command -v nginx >/dev/null 2>&1; then
  SERVER=nginx
  CONF=$(mktemp -d)
  cat > "$CONF/nginx.conf" <<NGX
worker_processes 1;
daemon off;
pid $CONF/nginx.pid;
error_log $CONF/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:$PORT; root $(pwd)/$SITE/$HOST; }
}
NGX
  nginx -c "$CONF/nginx.conf" &
  SERVER_PID=$!
else
  SERVER="zwgk serve"
  ./target/release/zwgk serve --dir "$SITE" --port "$PORT" 2>/dev/null &
  SERVER_PID=$!
fi
for _ in $(seq 1 50); do
  (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break
  sleep 0.1
done

OUT=target/bench-out
rm -rf "$OUT"
/usr/bin/time -v ./target/release/zwgk check "http://$HOST:$PORT/" \
  --resolve "$HOST:$PORT:127.0.0.1" --no-dns --rate 0 --per-host 32 --concurrency 32 --external skip \
  --max-pages $((PAGES + 1000)) --max-depth 100 --out "$OUT" > "$OUT.stdout" 2> "$OUT.time"
python3 - "$OUT/report.json" "$OUT.time" "$EXPECTED" "$SERVER" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
t = open(sys.argv[2]).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
pages = r["stats"]["pages"]
secs = r["stats"]["elapsed_ms"] / 1000
print(f"server: {sys.argv[4]}")
print(f"pages found: {pages} of {sys.argv[3]} generated; errors: {r['stats']['errors']}")
print(f"crawl time: {secs:.2f} s  ->  {pages / secs:.0f} pages/s")
print(f"peak RSS: {rss:.1f} MB")
PY
