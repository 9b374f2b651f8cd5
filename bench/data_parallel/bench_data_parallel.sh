#!/usr/bin/env bash
# Data-parallel scaling on this machine: trainbench-train with 1 and 2 Gloo ranks of one thread
# each on the demo CNN, against PyTorch's DistributedDataParallel (ddp_reference.py, two
# processes from torch.multiprocessing) with the same model, batch per rank, backend and threads. The runs alternate
# ROUNDS times so a busy machine hurts all alike; medians and ratios are printed, with the
# time of one all-reduce of the model's gradients.
set -euo pipefail
build_dir=${1:-build}
rounds=${ROUNDS:-3}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rate_of() {  # mean samples/s of the log windows after the first epoch
  /usr/bin/python3 -c '
import json, sys
rates = [r["samples_per_sec"] for r in map(json.loads, open(sys.argv[1]))
         if "samples_per_sec" in r and r["epoch"] > 1]
print(f"{sum(rates) / len(rates):.1f}")' "$1/metrics.jsonl"
}

ours() {  # RANKS
  rm -rf "$work/run"
  OMP_NUM_THREADS=1 "$build_dir/bin/trainbench-train" --config "$root/resources/configs/demo.yaml" --run-dir "$work/run" \
    --set train.epochs=3 --set train.threads=1 --set train.devices="$1" \
    --set train.checkpoint_every=0 >/dev/null
  rate_of "$work/run"
}

one=() two=() ddp=() allreduce=()
for _ in $(seq "$rounds"); do
  one+=("$(ours 1)")
  two+=("$(ours 2)")
  read -r rate ms count < <(OMP_NUM_THREADS=1 /usr/bin/python3 "$here/ddp_reference.py" | tail -n 1)
  ddp+=("$rate")
  allreduce+=("$ms")
done
/usr/bin/python3 - "${one[*]}" "${two[*]}" "${ddp[*]}" "${allreduce[*]}" "$count" <<'PY'
import statistics, sys
one, two, ddp, ms = (list(map(float, a.split())) for a in sys.argv[1:5])
o, t, d, m = (statistics.median(x) for x in (one, two, ddp, ms))
print(f"data-parallel cnn 1x28x28 batch 64/rank, 1 thread/rank, Gloo: trainbench-train 1 rank "
      f"{o:.0f} samples/s, 2 ranks {t:.0f} samples/s (scaling {t / o:.2f}x); PyTorch DDP 2 ranks "
      f"{d:.0f} samples/s; ratio {t / d:.2f}x; one all-reduce of {sys.argv[5]} gradients "
      f"{m:.2f} ms (torch Gloo)")
PY
