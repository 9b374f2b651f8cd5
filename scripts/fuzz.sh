#!/usr/bin/env bash
# `make fuzz`: builds the libFuzzer targets of tests/fuzz with clang, ASan and UBSan (in their
# own build tree), replays each target's corpus, then fuzzes each for FUZZ_SECONDS (default 20)
# starting from that corpus. A crash, a leak, a hang (>10 s) or a blow-up past 2 GiB fails it;
# the input that did it is left in BUILD/artifacts/ — add it to tests/fuzz/corpus/TARGET/ with
# a regression test once it is fixed.
# usage: fuzz.sh [BUILD_DIR] [SECONDS]     (one long run: FUZZ_SECONDS=3600 make fuzz)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build-fuzz}
seconds=${2:-${FUZZ_SECONDS:-20}}
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DTB_FUZZ=ON -DTB_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target fuzz_all
mkdir -p "$build/artifacts"
failed=()
for target in "$build"/fuzz/fuzz_*; do
  name=$(basename "$target")
  seeds="$here/tests/fuzz/corpus/$name"
  work="$build/corpus/$name"
  mkdir -p "$work"
  options=(-timeout=10 -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$build/artifacts/$name-")
  # The corpus first, as it is: every input a crash once found must stay harmless.
  if ! "$target" "${options[@]}" -runs=0 "$seeds" >"$build/$name.replay.log" 2>&1; then
    failed+=("$name (corpus replay; see $build/$name.replay.log)")
    continue
  fi
  if "$target" "${options[@]}" -max_total_time="$seconds" -print_final_stats=1 "$work" "$seeds" \
      >"$build/$name.log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/$name.log")
    echo "fuzz: $name ok, $runs inputs in ${seconds}s"
  else
    failed+=("$name (see $build/$name.log)")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  printf 'fuzz: FAILED %s\n' "${failed[@]}"
  exit 1
fi
echo "fuzz: all targets passed"
