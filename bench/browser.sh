#!/usr/bin/env bash
# Browser-stage benchmark: generate a government-style site, turn about 5 % of its pages into
# pages whose list is filled by a script from a JSON endpoint (so extraction marks them
# `needs_js`), serve it on loopback with `zwgk serve`, crawl it with the browser on and print
# pages/s, pages rendered, and the peak RSS of zwgk alone and of zwgk plus its Chromium
# processes (sampled every 100 ms from /proc).
#
#   bash bench/browser.sh [PAGES]          (default 2000; one run)
#   PROFILE=debug bash bench/browser.sh    (the debug build, e.g. when no release build exists)
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-2000}
PROFILE=${PROFILE:-release}
HOST=www.bench.gov.cn
SITE=target/bench-browser-site
PORT=${BENCH_PORT:-18081}
TARGET=${CARGO_TARGET_DIR:-target}
if [ "$PROFILE" = release ]; then
  cargo build --release --quiet --bin zwgk --example gensite
else
  cargo build --quiet --bin zwgk --example gensite
fi
BIN=$TARGET/$PROFILE
rm -rf "$SITE"
"$BIN/examples/gensite" "$SITE" "$PAGES" "$HOST"
python3 - "$SITE/$HOST" <<'PY'
import os, sys, json
root = sys.argv[1]
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".html"))
n = 0
for i, p in enumerate(files):
    if i % 20 != 7:
        continue
    html = open(p, encoding="utf-8").read()
    rel = os.path.relpath(p, root)
    data = os.path.splitext(rel)[0] + ".json"
    json.dump({"items": [{"title": f"脚本列表条目 {i}-{k}", "url": "/", "date": "2026-11-01"} for k in range(5)]},
              open(os.path.join(root, data), "w", encoding="utf-8"), ensure_ascii=False)
    block = ('<ul class="list" id="jslist"></ul><script>fetch("/%s").then(function(r){return r.json()})'
             '.then(function(d){var h="";d.items.forEach(function(it){h+=\'<li><a href="\'+it.url+\'">\'+it.title+'
             '\'</a><span>\'+it.date+\'</span></li>\'});document.getElementById("jslist").innerHTML=h;});</script>') % data
    # a page with dated items of its own is not "needs JS" (mostly articles are picked)
    html = html.replace("</body>", block + "</body>")
    open(p, "w", encoding="utf-8").write(html)
    n += 1
print(f"{len(files)} pages, {n} with a script-filled list")
PY
"$BIN/zwgk" serve --dir "$SITE" --port "$PORT" 2>/dev/null &
SERVER_PID=$!
cleanup() { kill "$SERVER_PID" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 50); do
  (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break
  sleep 0.1
done
OUT=target/bench-browser-out
rm -rf "$OUT"
/usr/bin/time -v "$BIN/zwgk" check "http://$HOST:$PORT/" --resolve "$HOST:$PORT:127.0.0.1" --no-dns \
  --no-history --rate 0 --per-host 32 --concurrency 32 --external skip --no-verify \
  --max-pages $((PAGES + 1000)) --max-depth 100 --out "$OUT" > "$OUT.stdout" 2> "$OUT.time" &
TIME_PID=$!
python3 - "$TIME_PID" > "$OUT.rss" <<'PY'
import os, sys, time
root = int(sys.argv[1])
def children():
    kids = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                st = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
                kids.setdefault(int(st[1]), []).append(int(p))
            except OSError:
                pass
    return kids
def rss(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
peak = 0
while os.path.exists(f"/proc/{root}"):
    kids = children()
    todo, total = [root], 0
    while todo:
        p = todo.pop()
        total += rss(p)
        todo.extend(kids.get(p, []))
    peak = max(peak, total)
    time.sleep(0.1)
print(peak)
PY
wait "$TIME_PID" || true
python3 - "$OUT/report.json" "$OUT.time" "$OUT.rss" <<'PY'
import json, re, sys
r = json.load(open(sys.argv[1]))
t = open(sys.argv[2]).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
tree = int(open(sys.argv[3]).read().strip() or 0) / 1024
pages = r["stats"]["pages"]
secs = r["stats"]["elapsed_ms"] / 1000
b = r["crawl"].get("browser", {})
print(f"{pages} pages, {len(b.get('rendered', []))} rendered ({100 * len(b.get('rendered', [])) / max(pages, 1):.1f} %), "
      f"{len(b.get('not_rendered', []))} not rendered; crawl {secs:.1f} s -> {pages / secs:.1f} pages/s; "
      f"peak RSS zwgk {rss:.0f} MB, zwgk + Chromium {tree:.0f} MB")
PY
