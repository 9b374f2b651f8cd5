#!/usr/bin/env bash
# A box unlike ours in the ways rented images are: an ordinary user (no root, no sudo rights),
# no tmux, python with torch only at /opt/conda/bin (a non-interactive PATH lacks it), a nearly
# full data disk, /etc/network_turbo and a cmake too old. The probe and Prepare host's toolchain
# check must find the conda python, an upload that does not fit must be refused naming the free
# space, and Prepare host must refuse the old cmake, with its fix, before uploading anything.
# usage: box_varieties.sh TRAINBENCH SOURCE-DIR   (exit 77: skipped, with the reason on one line)
set -euo pipefail

trainbench=$1 src=$2
box=ct-variety
testbox=$src/scripts/testbox.sh
if [ "$(id -u)" -ne 0 ]; then
  echo "box_varieties: skipped: test boxes need root (network namespaces, chroot)"
  exit 77
fi
work=$(mktemp -d /tmp/tb-box-variety.XXXXXX)
cleanup() {
  "$testbox" down "$box" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "box_varieties: FAILED: $*" >&2
  exit 1
}

rc=0
"$testbox" up "$box" trixie user no-tmux conda full-disk turbo old-cmake >"$work/box.env" || rc=$?
[ "$rc" -eq 77 ] && exit 77
[ "$rc" -eq 0 ] || fail "scripts/testbox.sh up $box exited $rc"
value() { sed -n "s/^$1=//p" "$work/box.env"; }
address=$(value address) user=$(value user) home=$(value home)
key=$(value key) known_hosts=$(value known_hosts)
[ "$user" = trainer ] || fail "the box logs in as '$user', not an ordinary user"
box_ssh() {
  ssh -i "$key" -o UserKnownHostsFile="$known_hosts" -o StrictHostKeyChecking=yes \
    -o BatchMode=yes "$user@$address" "$@"
}

# The box as it is: what a non-interactive shell there sees.
[ "$(box_ssh 'id -u')" != 0 ] || fail "the user is root"
box_ssh 'command -v tmux' && fail "tmux is on the box"
box_ssh 'command -v python3 >/dev/null && ! python3 -c "import torch" 2>/dev/null' ||
  fail "the box's PATH python must lack torch"
box_ssh 'test -f /etc/network_turbo' || fail "no /etc/network_turbo"

export HOME=$work/home TRAINBENCH_HOME=$work/config TRAINBENCH_RUNS=$work/runs
mkdir -p "$HOME" "$TRAINBENCH_HOME"
"$trainbench" hosts add v "ssh $user@$address" --key "$key" --known-hosts "$known_hosts"

"$trainbench" probe v --json >"$work/probe.json" || fail "trainbench probe v failed"
python3 - "$work/probe.json" "$home" <<'PY' || fail "the probe's report is wrong: $(cat "$work/probe.json")"
import json, sys
report = json.load(open(sys.argv[1]))
home = sys.argv[2]
conda = [p for p in report["pythons"] if p["path"] == "/opt/conda/bin/python"]
assert conda and conda[0]["torch"].startswith("2.6"), "no /opt/conda/bin/python with torch 2.6"
assert "tmux" in report["toolsMissing"], "tmux not reported missing"
disk = [d for d in report["disks"] if d["mount"] == home + "/autodl-tmp"]
assert disk and disk[0]["freeBytes"] < 4 << 20, "the nearly full data disk is not seen"
PY

# Prepare host's own probe, as Prepare runs it: it must pick the conda python's torch.
box_ssh 'sh -s "" cmake g++' <"$src/resources/remote-build/detect.sh" >"$work/detect.txt"
grep -qx 'python_with_torch=/opt/conda/bin/python' "$work/detect.txt" ||
  fail "detect.sh did not find /opt/conda/bin/python: $(cat "$work/detect.txt")"
grep -qx 'uid=0' "$work/detect.txt" && fail "detect.sh reports root"

head -c $((8 << 20)) /dev/zero >"$work/big.bin"
if "$trainbench" upload v "$work/big.bin" "$home/autodl-tmp/big.bin" >"$work/upload.out" 2>&1; then
  fail "8 MiB uploaded to a disk with 2 MiB free"
fi
grep -q 'free' "$work/upload.out" || fail "the refused upload does not name the free space: $(cat "$work/upload.out")"
# Prepare host refuses the old cmake before uploading anything, and says how to fix it there.
if "$trainbench" prepare v >"$work/prepare.out" 2>&1; then
  fail "prepare went ahead with cmake 3.10.2"
fi
grep -q 'CMake 3.10.2 (/usr/local/bin/cmake) is older than 3.16; fix: ' "$work/prepare.out" ||
  fail "prepare did not name the old cmake and its fix: $(cat "$work/prepare.out")"
grep -q 'Nothing was uploaded' "$work/prepare.out" || fail "prepare does not say nothing was uploaded"
box_ssh 'ls -d ~/.cache/trainbench/trainer/*/src' 2>/dev/null && fail "prepare uploaded sources anyway"
echo "box_varieties: passed"
