#!/bin/sh
# The trainer on a GPU box, the way Prepare host builds it: assembles the trainer-only tree that
# resources/remote-build/trainer_sources.cmake embeds, probes with detect.sh, builds with
# build.sh against the python torch's LibTorch, then trains ResNet-20 on generated 3x32x32
# images on cuda and on cpu, checks that training there is deterministic and resumes bit for
# bit, and times the same network and loop in python
# torch (bench/gpu/resnet_reference.py) as the reference. Everything lands in $1 (default
# ./gpu-check). Usage: [DEVICES='cuda cpu'] bench/gpu/gpu_check.sh [OUT] [STEPS]
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$PWD/gpu-check}
steps=${2:-600}
work=${TMPDIR:-/tmp}/tb-gpu-check
# The build folder stays between runs (sources copied with their times: no rebuild).
rm -rf "$work/src" "$work"/run-* "$work/whole" "$work/again" "$work/resumed" "$out/summary.txt"
mkdir -p "$out" "$work/src/trainbench"
log() { echo "gpu_check: $*" | tee -a "$out/summary.txt"; }

# The tree Prepare host uploads (trainer_sources.cmake's globs, the YAML side excluded).
cd "$src"
{
  find core/protocol core/train app/train core/config -name '*.h' -o -name '*.cpp' |
    grep -Ev '^core/config/(config_file|yaml_)'
  echo CMakeLists.txt app/CMakeLists.txt core/protocol/CMakeLists.txt core/config/CMakeLists.txt \
    core/train/CMakeLists.txt | tr ' ' '\n'
} | while read -r f; do
  mkdir -p "$work/src/trainbench/$(dirname "$f")"
  cp -p "$f" "$work/src/trainbench/$f"
done
cp -p resources/remote-build/CMakeLists.txt "$work/src/CMakeLists.txt"
cp -p resources/remote-build/build.sh "$work/src/build.sh"

py=$(command -v python3)
sh resources/remote-build/detect.sh "$py" cmake g++ >"$out/detect.txt" 2>&1
cat "$out/detect.txt" >>"$out/summary.txt"
torch_dir=$(sed -n 's/^python_torch_cmake=//p' "$out/detect.txt")
abi=$(sed -n 's/^python_torch_abi=//p' "$out/detect.txt")
[ -n "$torch_dir" ] || torch_dir=$(sed -n 's/^system_torch_cmake=//p' "$out/detect.txt")
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version \
  --format=csv,noheader >>"$out/summary.txt"

start=$(date +%s)
if ! sh "$work/src/build.sh" "$work" "$torch_dir" "$(nproc)" cmake g++ "$abi" >"$out/build.log" 2>&1; then
  log "build FAILED after $(($(date +%s) - start)) s (tail of build.log follows)"
  tail -n 40 "$out/build.log" | tee -a "$out/summary.txt"
  exit 1
fi
log "built in $(($(date +%s) - start)) s: $("$work/bin/trainbench-train" --version)"
train=$work/bin/trainbench-train

# The steady rate: the mean samples_per_sec of the records after the first two.
rate() {
  grep samples_per_sec "$1/metrics.jsonl" | sed 's/.*"samples_per_sec":\([0-9.e+]*\).*/\1/' |
    awk 'NR > 2 { s += $1; n++ } END { if (n) printf "%.0f", s / n; else print "none" }'
}
first=
for device in ${DEVICES:-cuda cpu}; do
  n=$steps
  [ "$device" = cpu ] && n=60
  first=${first:-$device}
  start=$(date +%s)
  "$train" --config "$src/bench/gpu/resnet20.conf" --run-dir "$work/run-$device" \
    --device "$device" --set train.max_steps=$n >"$out/train-$device.log" 2>&1
  rc=$?
  log "train on $device: exit $rc, $(($(date +%s) - start)) s, $(rate "$work/run-$device") samples/s"
  [ "$device" = "$first" ] && cp "$work/run-$device/metrics.jsonl" "$out/metrics-$device.jsonl"
done
# Deterministic on the first device: two whole runs of two epochs agree bit for bit, and a run
# resumed from the first one's epoch-1 checkpoint ends with the same parameters (the device's
# generator state travels in the checkpoint).
small="--device $first --set train.deterministic=true --set data.synthetic.samples=${SAMPLES:-10000}"
small="$small --set train.epochs=2 --set train.max_steps=0 --set train.keep_checkpoints=3"
sha() { sed -n 's/.*param_sha256 \([0-9a-f]*\).*/\1/p' "$1" | tail -n 1; }
for name in whole again; do
  # shellcheck disable=SC2086
  "$train" --config "$src/bench/gpu/resnet20.conf" --run-dir "$work/$name" $small \
    >"$out/$name.log" 2>&1
done
ckpt=$(ls "$work/whole/checkpoints/"ckpt-e0001-*.pt | head -n 1)
# shellcheck disable=SC2086
"$train" --config "$src/bench/gpu/resnet20.conf" --run-dir "$work/resumed" $small \
  --resume "$ckpt" >"$out/resumed.log" 2>&1
log "deterministic on $first: whole $(sha "$out/whole.log"), again $(sha "$out/again.log"), resumed from $(basename "$ckpt") $(sha "$out/resumed.log")"
latest=$(sed -n 's/.*"checkpoint"[^"]*"\([^"]*\)".*/\1/p' "$work/whole/checkpoints/latest.json")
"$train" --inspect "$work/whole/checkpoints/$latest" >"$out/inspect.txt" 2>&1
log "inspect $latest: exit $?"
PYTHONUNBUFFERED=1 "$py" "$src/bench/gpu/resnet_reference.py" "$steps" 2>&1 |
  tee -a "$out/summary.txt"
