#!/usr/bin/env bash
# `make test-loaded`: the tests with two busy loops beside them, as a laptop compiling
# something or a box's data loader would load it. A test that fails only here is usually a
# race in the product (a process ending between two reads, a timer that fires too late).
# usage: test-loaded.sh BUILD_DIR [CTEST_REGEX]
set -euo pipefail
build_dir=${1:-build}
regex=${2:-}
loops=()
stop_loops() { for pid in "${loops[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_loops EXIT
for _ in 1 2; do
  sh -c 'while :; do :; done' &
  loops+=($!)
done
cd "$build_dir"
if [ -n "$regex" ]; then
  ctest --output-on-failure -j "$(nproc)" --timeout 900 -R "$regex"
else
  ctest --output-on-failure -j "$(nproc)" --timeout 900
fi
