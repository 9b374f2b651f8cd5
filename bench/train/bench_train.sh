#!/usr/bin/env bash
# Trainer throughput: trainbench-train against the equivalent PyTorch script, same run, same
# model (demo CNN on 28x28), batch size and thread count. The two alternate three times so
# that a busy machine hurts both alike; the medians and their ratio are printed.
set -euo pipefail
build_dir=${1:-build}
threads=${THREADS:-2}
rounds=${ROUNDS:-3}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cpp_rate() {
  rm -rf "$work/run"
  "$build_dir/bin/trainbench-train" --config "$root/resources/configs/demo.yaml" --run-dir "$work/run" \
    --set train.epochs=3 --set train.threads="$threads" --set train.checkpoint_every=0 >/dev/null
  # Mean samples/s of the log windows after the first epoch (warm-up), like the reference.
  /usr/bin/python3 -c '
import json, sys
rates = [r["samples_per_sec"] for r in map(json.loads, open(sys.argv[1]))
         if "samples_per_sec" in r and r["epoch"] > 1]
print(f"{sum(rates) / len(rates):.1f}")' "$work/run/metrics.jsonl"
}

cpp=() py=()
for _ in $(seq "$rounds"); do
  cpp+=("$(cpp_rate)")
  py+=("$(/usr/bin/python3 "$here/train_reference.py" --threads "$threads" --epochs 3)")
done
/usr/bin/python3 - "$threads" "${cpp[*]}" "${py[*]}" <<'PY'
import statistics, sys
threads, cpp, py = sys.argv[1], list(map(float, sys.argv[2].split())), list(map(float, sys.argv[3].split()))
c, p = statistics.median(cpp), statistics.median(py)
print(f"train cnn 1x28x28 batch 64 threads {threads}: trainbench-train {c:.0f} samples/s "
      f"(runs {', '.join(f'{x:.0f}' for x in cpp)}), PyTorch {p:.0f} samples/s "
      f"(runs {', '.join(f'{x:.0f}' for x in py)}), ratio {c / p:.2f}x")
PY
