#!/usr/bin/env bash
# `make run`: open Trainbench on the demo workspace. Without a display (an SSH session, a
# headless box) train the demo in the terminal instead, with a live progress line.
set -euo pipefail
build_dir=${1:-build}
runs_root=${2:-runs}
here=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$runs_root"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]; then
  exec "$build_dir/bin/trainbench" --runs-root "$runs_root"
fi
echo "No display found: training the demo config in the terminal (Ctrl-C stops it with a checkpoint)."
echo "Open the app later with: $build_dir/bin/trainbench --runs-root $runs_root"
exec "$build_dir/bin/trainbench" run "$here/resources/configs/demo.yaml" --runs-root "$runs_root"
