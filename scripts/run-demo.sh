#!/usr/bin/env bash
# `make run`: train the demo config in the terminal with a live progress line.
# (The desktop app takes this over once it exists.)
set -euo pipefail
build_dir=${1:-build}
runs_root=${2:-runs}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$runs_root"
run_dir="$runs_root/$(date +%Y%m%d-%H%M%S)-demo"
echo "Training the demo config into $run_dir (Ctrl-C stops it with a checkpoint)"
set +e
"$build_dir/bin/trainbench-train" --config "$here/resources/configs/demo.yaml" --run-dir "$run_dir"
code=$?
set -e
case $code in
  0) echo "Done. Checkpoints: $run_dir/checkpoints  Metrics: $run_dir/metrics.jsonl" ;;
  130|143) echo "Stopped. Resume with: $build_dir/bin/trainbench-train --run-dir $run_dir --resume latest" ;;
  *) echo "Training failed (exit $code); see $run_dir/output.log" ;;
esac
exit $code
