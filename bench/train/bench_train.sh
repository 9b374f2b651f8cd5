#!/usr/bin/env bash
# Trainer throughput: trainbench-train against the equivalent PyTorch script, same run, same
# model (demo CNN on 28x28), batch size and thread count. Prints samples/s and the ratio.
set -euo pipefail
build_dir=${1:-build}
threads=${THREADS:-2}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build_dir/bin/trainbench-train" --config "$root/resources/configs/demo.yaml" --run-dir "$work/run" \
  --set train.epochs=3 --set train.threads="$threads" --set train.checkpoint_every=0 >/dev/null
# Mean samples/s of the log windows after the first epoch (warm-up), like the reference.
cpp=$(/usr/bin/python3 -c '
import json, sys
rates = [r["samples_per_sec"] for r in map(json.loads, open(sys.argv[1]))
         if "samples_per_sec" in r and r["epoch"] > 1]
print(f"{sum(rates) / len(rates):.1f}")' "$work/run/metrics.jsonl")
py=$(/usr/bin/python3 "$here/train_reference.py" --threads "$threads" --epochs 3)
ratio=$(/usr/bin/python3 -c "print(f'{$cpp / $py:.2f}')")
echo "train  cnn 1x28x28 batch 64 threads $threads: trainbench-train $cpp samples/s, PyTorch $py samples/s, ratio ${ratio}x"
