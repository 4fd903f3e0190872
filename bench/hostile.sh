#!/usr/bin/env bash
# Peak RSS (the child's VmHWM) and wall time of `zwgk check` against the hostile fixture site
# (tests/hostile/server.rs, served on 127.0.0.1): the gzip and brotli bombs (5 GB inflated
# each), the 300 MB page, and the whole hostile site. Release build by default;
# `PROFILE=debug bash bench/hostile.sh` measures the debug build. Figures go into the
# README; nothing here is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."
flag=--release
[ "${PROFILE:-release}" = debug ] && flag=
cargo test $flag --test hostile_site -- --ignored --nocapture --exact bench_hostile 2>&1 |
    grep -v '^running\|^test \|^$\|test result\|Finished\|Running\|Compiling'
