#!/usr/bin/env bash
# Large-site benchmark: crawl a generated 100,000-page department site to completion at
# unlimited rate (rate limits off, verification off, no history) and report the peak RSS
# of the crawler (target: under 300 MB), pages, requests and CPU time.
#
#   bash bench/large.sh [PAGES]      (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-100000}
PORT=${BENCH_PORT:-18095}
HOST=www.large.gov.cn
SITE=target/large-bench-site
OUT=target/large-bench-out

cargo build --release --quiet --bin zwgk --example genfocus
TARGET=${CARGO_TARGET_DIR:-target}
rm -rf "$SITE" "$OUT"
"$TARGET"/release/examples/genfocus "$SITE" "$PAGES" "$HOST" trs 300
"$TARGET"/release/zwgk serve --dir "$SITE" --port "$PORT" >/dev/null 2>&1 &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break; sleep 0.1; done
/usr/bin/time -v "$TARGET"/release/zwgk check "http://$HOST:$PORT/" --resolve "$HOST:$PORT:127.0.0.1" \
  --no-dns --no-history --rate 0 --per-host 32 --concurrency 32 --external skip --no-verify \
  --max-pages $((PAGES + 1000)) --max-depth 100 --max-duration 0 --out "$OUT" > "$OUT.stdout" 2> "$OUT.time" || true
python3 - "$OUT/report.json" "$OUT.time" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
t = open(sys.argv[2]).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1)) + float(
    re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
pages = r["stats"]["pages"]
print(f'{pages} pages, stop: {r["crawl"]["stop_reason"]}, crawl {r["stats"]["elapsed_ms"] / 1000:.1f} s, '
      f'peak RSS {rss:.0f} MB, CPU {cpu:.1f} s ({cpu * 1000 / max(pages, 1):.2f} ms/page)')
PY
