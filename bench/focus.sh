#!/usr/bin/env bash
# Focused-crawl benchmark: how many crawl requests until every path check is decided,
# against the requests of a full crawl, on the fixture sites and on a generated
# 20,000-page department site whose required columns sit 3-5 clicks deep behind a home
# page with 300 news links. Then a second crawl with exactly that many requests as its
# page budget must give every path check the same status and evidence URLs.
# "pure path" = the checks that are only a path (ZW-P01/P04/P14/P15); "path step" = every
# check with a path step, with the column steps after it (ZW-P08 contact, ZW-P09 fields …).
# Counts come from report.json (`decided_after_requests`) and site-graph.json (`order`
# of each page = the crawl request that fetched it); no timing is involved.
#
#   bash bench/focus.sh [PAGES]      (default 20000 for the generated site)
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-20000}
PORT=${BENCH_PORT:-18090}
GEN=target/focus-bench-site
OUT=target/focus-bench-out

cargo build --release --quiet --bin zwgk --example genfocus
TARGET=${CARGO_TARGET_DIR:-target}
BIN=$TARGET/release/zwgk
rm -rf "$GEN" "$OUT"
mkdir -p "$GEN" "$OUT"
"$TARGET"/release/examples/genfocus "$GEN" "$PAGES" www.focus-trs.gov.cn trs 300 >/dev/null
"$TARGET"/release/examples/genfocus "$GEN" "$PAGES" www.focus-hanweb.gov.cn hanweb 300 >/dev/null

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
serve() { # DIR PORT
  "$BIN" serve --dir "$1" --port "$2" >/dev/null 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$2) 2>/dev/null && return; sleep 0.1; done
}
serve tests/sites/demo "$PORT"
serve tests/sites/rules $((PORT + 1))
serve "$GEN" $((PORT + 2))

crawl() { # HOST PORT OUTDIR [extra args]
  local host=$1 port=$2 out=$3; shift 3
  "$BIN" check "http://$host:$port/" --resolve "$host:$port:127.0.0.1" --no-dns --no-history \
    --rate 0 --per-host 16 --concurrency 16 --external skip --no-verify --max-depth 100 \
    --as-of 2026-11-27 --out "$out" "$@" >/dev/null 2>&1 || true
}

printf '%-26s %7s %10s %10s %10s %8s %s\n' site pages "full reqs" "pure path" "path step" share "same decisions with that many requests as budget"
for entry in "www.xsq.cq.gov.cn $PORT" "bm.good.gov.cn $((PORT + 1))" "www.badqx.gov.cn $((PORT + 1))" \
             "odd.naming.gov.cn $((PORT + 1))" "nocol.missing.gov.cn $((PORT + 1))" \
             "www.focus-trs.gov.cn $((PORT + 2))" "www.focus-hanweb.gov.cn $((PORT + 2))"; do
  set -- $entry
  host=$1 port=$2
  crawl "$host" "$port" "$OUT/$host-full" --max-pages $((PAGES * 2))
  need=$(python3 - "$OUT/$host-full" <<'PY'
import json, sys
r = json.load(open(sys.argv[1] + "/report.json"))
path = {"ZW-P01", "ZW-P03", "ZW-P04", "ZW-P08", "ZW-P09", "ZW-P11", "ZW-P13", "ZW-P14",
        "ZW-P15", "ZW-P18", "GOV-V05", "GOV-D06"}
# the path part of a check is decided when its pure-path twin is; take the checks that
# are decided at all (pass/fail) among the checks with a path step
ns = [c.get("decided_after_requests") for c in r["checks"] if c["id"] in path]
ns = [n for n in ns if n]
print(max(ns) if ns else 0)
PY
)
  crawl "$host" "$port" "$OUT/$host-cut" --max-pages "$need"
  python3 - "$OUT/$host-full" "$OUT/$host-cut" "$host" "$need" <<'PY'
import json, sys
full, cut, host, need = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
a = json.load(open(full + "/report.json")); b = json.load(open(cut + "/report.json"))
g = json.load(open(full + "/site-graph.json"))
reqs = max((p.get("order", 0) for p in g["pages"]), default=0)
path = {"ZW-P01", "ZW-P03", "ZW-P04", "ZW-P08", "ZW-P09", "ZW-P11", "ZW-P13", "ZW-P14",
        "ZW-P15", "ZW-P18", "GOV-V05", "GOV-D06"}
pure = {"ZW-P01", "ZW-P04", "ZW-P14", "ZW-P15"}
bb = {c["id"]: c for c in b["checks"]}
diff = []
for c in a["checks"]:
    if c["id"] not in path:
        continue
    d = bb[c["id"]]
    same = (c["status"], [e["url"] for e in c["evidence"]]) == (d["status"], [e["url"] for e in d["evidence"]])
    if not same:
        diff.append(f'{c["id"]} {c["status"]}->{d["status"]}' + ("" if c["id"] not in pure else "(path)"))
same = "yes" if not diff else "differs: " + ", ".join(diff)
pure_need = max((c.get("decided_after_requests") or 0) for c in a["checks"] if c["id"] in pure)
print(f'{host:26} {a["stats"]["pages"]:7} {reqs:10} {pure_need:10} {need:10} {100 * need / max(reqs, 1):7.1f}% {same}')
PY
done
