#!/usr/bin/env bash
# `make bench`: every benchmark, each printed as a ratio against a reference measured in the
# same run. Figures go into docs/PERFORMANCE.md.
set -euo pipefail
build_dir=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
export QT_QPA_PLATFORM=offscreen

echo "== trainer throughput (issue: C++ >= 1.2x PyTorch, CNN 28x28 CPU)"
"$here/train/bench_train.sh" "$build_dir"

echo "== data-parallel scaling: 1 vs 2 Gloo ranks, against PyTorch DDP (goal >= 1.0x)"
"$here/data_parallel/bench_data_parallel.sh" "$build_dir"

echo "== checkpoint save/load, ResNet-56 + Adam state"
read -r depth bytes save load < <("$build_dir/bin/bench_checkpoint" 56 10)
read -r pbytes psave pload < <(/usr/bin/python3 "$here/checkpoint/checkpoint_reference.py" 56 10)
/usr/bin/python3 - "$bytes" "$save" "$load" "$pbytes" "$psave" "$pload" <<'PY'
import sys
b, s, l, pb, ps, pl = map(float, sys.argv[1:])
print(f"checkpoint resnet-56: trainbench save {s:.1f} ms / load {l:.1f} ms ({b/1e6:.2f} MB, atomic+fsync+sha256); "
      f"torch.save {ps:.1f} ms / torch.load {pl:.1f} ms ({pb/1e6:.2f} MB); ratio save {ps/s:.2f}x load {pl/l:.2f}x")
PY

if [ -x "$build_dir/bin/bench_ingest" ]; then
  echo "== metrics ingest (goal >= 200 MB/s, <= 16 bytes/point)"
  "$build_dir/bin/bench_ingest" "${INGEST_MB:-1024}"
fi
if [ -x "$build_dir/bin/bench_tb_ingest" ]; then
  echo "== TensorBoard event-file ingest vs metrics.jsonl ingest, same records"
  "$build_dir/bin/bench_tb_ingest" "${TB_INGEST_STEPS:-1000000}"
fi
if [ -x "$build_dir/bin/bench_redraw" ]; then
  echo "== chart redraw, 10M points 1200x800 (goal <= 16 ms, >= 10x raw)"
  "$build_dir/bin/bench_redraw"
fi
if [ -x "$build_dir/bin/bench_live" ]; then echo "== live curves, 10 runs x 100 lines/s (goal GUI <= 10% of a core, p99 <= 200 ms)"; "$build_dir/bin/bench_live"; fi
if [ -x "$build_dir/bin/bench_startup" ]; then echo "== start-up to first paint, 200 runs (goal <= 1 s)"; "$build_dir/bin/bench_startup"; fi
if [ -x "$build_dir/bin/bench_slurm_submit" ]; then echo "== Slurm: submission to running, a run through the login node vs a bare sbatch"; TB_BIN_DIR="$(cd "$build_dir/bin" && pwd)" TB_SOURCE_DIR="$here/.." "$build_dir/bin/bench_slurm_submit"; fi
if [ -x "$build_dir/bin/bench_remote_follow" ]; then echo "== remote follow over a local sshd vs ssh tail -F (goal p99 <= 300 ms, box CPU < 1% of a core, reconnect <= 5 s)"; "$build_dir/bin/bench_remote_follow"; fi
if [ -x "$build_dir/bin/bench_transfer" ]; then echo "== transfers over loopback, 1 GB file and 10 000 small files (goal >= 0.9x sftp/scp, >= 5x scp -r)"; "$build_dir/bin/bench_transfer" "${TRANSFER_MB:-1024}" "${TRANSFER_FILES:-10000}"; fi
if [ -x "$build_dir/bin/bench_far_link" ]; then echo "== transfers over a far link: latency_relay at 50 and 150 ms each way, 64 MB file (goal >= 0.9x sftp/scp)"; "$build_dir/bin/bench_far_link" "${FAR_LINK_MB:-64}" "${FAR_LINK_MS:-50,150}"; fi
if [ -x "$build_dir/bin/bench_sync" ]; then echo "== code folder sync: second sync of 10 000 files after one change, near and at 50 ms each way (goal <= 1.2x rsync -a)"; "$build_dir/bin/bench_sync" "${SYNC_FILES:-10000}" "${SYNC_REPEATS:-3}" "${SYNC_MS:-0,50}"; fi
if [ -x "$build_dir/bin/bench_remote_gpu" ]; then echo "== box GPU readings over a local sshd vs ssh HOST nvidia-smi (one long-lived stream; reconnect)"; "$build_dir/bin/bench_remote_gpu"; fi
if [ -x "$build_dir/bin/bench_sweep_ui" ]; then echo "== a 200-trial sweep in the window: comparison table refresh, parallel-coordinates chart (goal < 50 ms each)"; "$build_dir/bin/bench_sweep_ui"; fi
