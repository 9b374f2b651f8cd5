#!/usr/bin/env bash
# The far-link figures on a test box: a trixie box (scripts/testbox.sh) behind a tbf bucket of
# RATE Mbit/s and a latency relay adding MS each way, a file of SIZE MB up and down with
# `trainbench upload/download` against OpenSSH's sftp and scp over the same relay, in one run.
# usage: bench/far_link/box_far_link.sh TRAINBENCH [SIZE_MB=64] [MS=50,150] [RATE=20]
# Needs root (the box); prints one line per direction and delay, ratios as ours/theirs speed.
set -euo pipefail

trainbench=$1 size=${2:-64} delays=${3:-50,150} rate=${4:-20}
src=$(cd "$(dirname "$0")/../.." && pwd)
testbox=$src/scripts/testbox.sh
box=bench-far
work=$(mktemp -d /tmp/tb-box-far.XXXXXX)
cleanup() {
  "$testbox" down "$box" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

"$testbox" up "$box" trixie >"$work/box.env"
value() { sed -n "s/^$1=//p" "$work/box.env"; }
address=$(value address) user=$(value user) key=$(value key) known_hosts=$(value known_hosts)
ssh_opts=(-i "$key" -o UserKnownHostsFile="$known_hosts" -o StrictHostKeyChecking=yes -o BatchMode=yes)
ssh "${ssh_opts[@]}" "$user@$address" "head -c $((size << 20)) /dev/urandom >big.bin"
head -c $((size << 20)) /dev/urandom >"$work/big.bin"
"$testbox" rate "$box" "$rate" >/dev/null
export HOME=$work/home TRAINBENCH_HOME=$work/config
mkdir -p "$HOME"

seconds() {  # runs "$@" quietly, prints its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>"$work/last.err" || { cat "$work/last.err" >&2; echo nan; return; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
ratio() { echo "scale=2; $2 / $1" | bc -l; }  # ours, theirs: theirs/ours seconds = speed ratio

for ms in ${delays//,/ }; do
  relay=$("$testbox" delay "$box" "$ms")
  port=${relay#relay_port=}
  name=far$ms
  "$trainbench" hosts add "$name" "ssh -p $port $user@127.0.0.1" --key "$key" \
    --known-hosts "$known_hosts" >/dev/null
  remote_opts=("${ssh_opts[@]}" -P "$port")
  up=$(seconds "$trainbench" upload "$name" "$work/big.bin" up.bin)
  sftp_up=$(seconds sftp "${remote_opts[@]}" -b <(echo "put $work/big.bin up2.bin") "$user@127.0.0.1")
  scp_up=$(seconds scp "${remote_opts[@]}" "$work/big.bin" "$user@127.0.0.1:up3.bin")
  down=$(seconds "$trainbench" download "$name" big.bin "$work/down.bin")
  sftp_down=$(seconds sftp "${remote_opts[@]}" -b <(echo "get big.bin $work/down2.bin") "$user@127.0.0.1")
  scp_down=$(seconds scp "${remote_opts[@]}" "$user@127.0.0.1:big.bin" "$work/down3.bin")
  cmp -s "$work/down.bin" "$work/down3.bin" || echo "box_far_link: downloads differ" >&2
  printf 'box far link %s ms each way, %s Mbit/s, %s MB upload: trainbench %.1f s | sftp %.1f s | scp %.1f s | %sx sftp, %sx scp\n' \
    "$ms" "$rate" "$size" "$up" "$sftp_up" "$scp_up" "$(ratio "$up" "$sftp_up")" "$(ratio "$up" "$scp_up")"
  printf 'box far link %s ms each way, %s Mbit/s, %s MB download: trainbench %.1f s | sftp %.1f s | scp %.1f s | %sx sftp, %sx scp\n' \
    "$ms" "$rate" "$size" "$down" "$sftp_down" "$scp_down" "$(ratio "$down" "$sftp_down")" "$(ratio "$down" "$scp_down")"
  rm -f "$work"/down*.bin
  "$testbox" delay "$box" 0 >/dev/null
done
