#!/usr/bin/env bash
# Verification benchmark: generate a site with 10,000 media references (images, PDFs and
# Office files, MP4s; sizes up to 50 MB, sparse on disk), serve it on loopback (nginx when
# installed — with a location that ignores Range — else `zwgk serve`), run `zwgk check` with
# rate limits off and report: resources verified by outcome, bytes read against the files'
# total size, verification time and peak RSS of zwgk.
#
#   bash bench/verify.sh [REFS]        (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
REFS=${1:-10000}
HOST=www.media-bench.gov.cn
SITE=target/bench-media
PORT=${BENCH_PORT:-18081}

cargo build --release --quiet --bin zwgk --example genmedia
rm -rf "$SITE"
GEN=$(./target/release/examples/genmedia "$SITE" "$REFS" "$HOST")
echo "$GEN"

SERVER_PID=""
CONF=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true; [ -n "$CONF" ] && rm -rf "$CONF"; }
trap cleanup EXIT
if command -v nginx >/dev/null 2>&1; then
  SERVER=nginx
  CONF=$(mktemp -d)
  MIME=""
  [ -f /etc/nginx/mime.types ] && MIME="include /etc/nginx/mime.types;"
  cat > "$CONF/nginx.conf" <<NGX
worker_processes 1;
daemon off;
pid $CONF/nginx.pid;
error_log $CONF/error.log;
events { worker_connections 1024; }
http {
  $MIME
  access_log off;
  sendfile on;
  server {
    listen 127.0.0.1:$PORT;
    root $(pwd)/$SITE/$HOST;
    location /norange/ { max_ranges 0; }
  }
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

OUT=target/bench-media-out
rm -rf "$OUT"
RUST_LOG=zwgk::verify=info /usr/bin/time -v ./target/release/zwgk check "http://$HOST:$PORT/" \
  --resolve "$HOST:$PORT:127.0.0.1" --no-dns --rate 0 --per-host 16 --concurrency 16 \
  --max-pages 1000 --out "$OUT" > "$OUT.stdout" 2> "$OUT.stderr" || true
python3 - "$OUT/site-graph.json" "$OUT.stderr" "$SERVER" "$GEN" <<'PY'
import collections, json, re, sys
g = json.load(open(sys.argv[1]))
err = re.sub(r"\x1b\[[0-9;]*m", "", open(sys.argv[2]).read())
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", err).group(1)
fin = re.search(r"verification finished.*", err)
logical = int(re.search(r"logical size (\d+)", sys.argv[4]).group(1))
media = {m["to"] for p in g["pages"] for m in p["media"]}
v = [x for x in g["verified"] if x["url"] in media]
by = collections.Counter(x["outcome"] for x in v)
read = sum(x["bytes_read"] for x in v)
print(f"server: {sys.argv[3]}")
print(f"pages crawled: {len(g['pages'])}; media references verified: {len(v)} of {len(media)} unique")
print("outcomes: " + ", ".join(f"{k} {n}" for k, n in by.most_common()))
print(f"bytes read for media: {read / 1e6:.1f} MB of {logical / 1e9:.2f} GB in the files "
      f"({100 * read / max(logical, 1):.3f} %)")
print(f"largest read of one resource: {max(x['bytes_read'] for x in v) / 1e6:.2f} MB "
      "(files up to 50 MB; only PNGs of at most 2 MB are read whole)")
nr = [x for x in v if "/norange/" in g["urls"][x["url"]]]
if nr:
    print(f"server ignoring Range: {len(nr)} videos of 10-50 MB, at most "
          f"{max(x['bytes_read'] for x in nr) // 1024} KiB read from each")
if fin:
    ms = re.search(r"elapsed_ms=(\d+)", fin.group(0))
    req = re.search(r"requests=(\d+)", fin.group(0))
    if ms:
        print(f"verification time: {int(ms.group(1)) / 1000:.2f} s"
              + (f", {req.group(1)} requests" if req else ""))
print(f"zwgk wall time (crawl + verify + report): {wall}")
print(f"peak RSS: {rss:.1f} MB")
PY
