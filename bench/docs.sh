#!/usr/bin/env bash
# Document benchmark: a site whose one listing links 200 mixed attachments (the fixture
# PDFs printed by Chromium, DOCX 年报 and 解读, a scanned PDF, an encrypted PDF, a truncated
# PDF and a zip-bomb DOCX, cycled under distinct names), served by `zwgk serve` on
# loopback. zwgk crawls it with rate limits off and verification skipped, and reads every
# attachment; prints documents/s of the document stage (download + parse) and the peak
# RSS of the whole run.
#
#   bash bench/docs.sh [DOCS] [RUNS]   (defaults 200 and 3)
#   PROFILE=debug bash bench/docs.sh   measures the debug build (label such figures)
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${1:-200}
RUNS=${2:-3}
HOST=www.docbench.gov.cn
SITE=target/bench-docs-site
PORT=${BENCH_PORT:-18090}
SRC=tests/sites/docs

PROFILE=${PROFILE:-release}
if [ "$PROFILE" = debug ]; then
  cargo build --quiet --bin zwgk
else
  cargo build --release --quiet --bin zwgk
fi
BIN="${CARGO_TARGET_DIR:-target}/$PROFILE/zwgk"
rm -rf "$SITE"
mkdir -p "$SITE/$HOST/fj"
mapfile -t FILES < <(find "$SRC" -type f \( -name '*.pdf' -o -name '*.docx' \) | sort)
{
  echo '<!DOCTYPE html><html><head><meta charset="utf-8"><title>附件 - 基准站</title></head><body><ul>'
  for i in $(seq 1 "$DOCS"); do
    f=${FILES[$(( (i - 1) % ${#FILES[@]} ))]}
    ext=${f##*.}
    cp "$f" "$SITE/$HOST/fj/P$i.$ext"
    echo "<li><a href=\"/fj/P$i.$ext\">附件$i</a></li>"
  done
  echo '</ul></body></html>'
} > "$SITE/$HOST/index.html"

"$BIN" serve --dir "$SITE" --port "$PORT" 2>/dev/null &
SERVER_PID=$!
trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break
  sleep 0.1
done

OUT=target/bench-docs-out
echo "$DOCS attachments from ${#FILES[@]} fixture files ($PROFILE build)"
for run in $(seq 1 "$RUNS"); do
  rm -rf "$OUT"
  /usr/bin/time -v "$BIN" check "http://$HOST:$PORT/" \
    --resolve "$HOST:$PORT:127.0.0.1" --no-dns --no-history --rate 0 --per-host 8 --concurrency 8 \
    --no-verify --max-docs "$DOCS" --rules nb-2021 --out "$OUT" -v > "$OUT.stdout" 2> "$OUT.time"
  python3 - "$OUT/site-graph.json" "$OUT.time" "$run" <<'PY'
import collections, json, re, sys
g = json.load(open(sys.argv[1]))
t = re.sub(r"\x1b\[[0-9;]*m", "", open(sys.argv[2]).read())
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
ms = int(re.search(r"documents read[^\n]*elapsed_ms=(\d+)", t).group(1))
docs = g["documents"]
by = collections.Counter(d["status"] for d in docs)
mb = sum(d["bytes"] for d in docs) / 1e6
print(f"run {sys.argv[3]}: {len(docs)} documents ({dict(by)}), {mb:.1f} MB in {ms / 1000:.2f} s "
      f"-> {len(docs) / (ms / 1000):.0f} documents/s; peak RSS {rss:.1f} MB")
PY
done
