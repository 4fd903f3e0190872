#!/usr/bin/env bash
# Crawl benchmark: generate a 20,000-page government-style site, serve it on loopback
# (nginx from the distribution when installed, else `zwgk serve`), crawl it with rate
# limits off and report pages/s, pages found, peak RSS and CPU time of the crawler.
# The history database is off (`--no-history`): this measures the crawl engine; the
# conditional re-crawl with history has its own benchmark (bench/recrawl.sh).
#
#   bash bench/crawl.sh [PAGES] [RUNS]   (defaults 20000 and 3; one line per run)
#   BENCH_DB=target/bench.db bash bench/crawl.sh   (with a history database instead; the
#                                                  first run stores, later runs get 304s)
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-20000}
RUNS=${2:-3}
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
if [ -n "${BENCH_DB:-}" ]; then rm -f "$BENCH_DB"; HISTORY="--db $BENCH_DB"; else HISTORY=--no-history; fi
echo "server: $SERVER; $EXPECTED pages generated"
for run in $(seq 1 "$RUNS"); do
  rm -rf "$OUT"
  /usr/bin/time -v ./target/release/zwgk check "http://$HOST:$PORT/" \
    --resolve "$HOST:$PORT:127.0.0.1" --no-dns $HISTORY --rate 0 --per-host 32 --concurrency 32 \
    --external skip --max-pages $((PAGES + 1000)) --max-depth 100 --out "$OUT" > "$OUT.stdout" 2> "$OUT.time"
  python3 - "$OUT/report.json" "$OUT.time" "$run" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
t = open(sys.argv[2]).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1)) + float(
    re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
pages = r["stats"]["pages"]
secs = r["stats"]["elapsed_ms"] / 1000
print(f"run {sys.argv[3]}: {pages} pages found, {r['stats']['errors']} errors; crawl {secs:.2f} s "
      f"-> {pages / secs:.0f} pages/s; peak RSS {rss:.1f} MB; CPU {cpu:.1f} s "
      f"({cpu * 1000 / pages:.2f} ms/page, whole run incl. checks and reports)")
PY
done
