#!/usr/bin/env bash
# Transfers ride out a link that goes silent: a download and an upload through a 20 Mbit/s
# bucket, the link down for a minute mid-way (packets vanish), then back. Each transfer must end
# whole (sha256 equal on both sides) and carry on from where it was, not start again.
# usage: box_transfer_stall.sh TRAINBENCH SOURCE-DIR   (exit 77: skipped, one line says why)
set -euo pipefail

trainbench=$1 src=$2
box=ct-stall
testbox=$src/scripts/testbox.sh
if [ "$(id -u)" -ne 0 ]; then
  echo "box_transfer_stall: skipped: test boxes need root (network namespaces, chroot)"
  exit 77
fi
work=$(mktemp -d /tmp/tb-box-stall.XXXXXX)
cleanup() {
  "$testbox" down "$box" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "box_transfer_stall: FAILED: $*" >&2
  exit 1
}
step() { echo "== box_transfer_stall: $*"; }

rc=0
"$testbox" up "$box" trixie >"$work/box.env" || rc=$?
[ "$rc" -eq 77 ] && exit 77
[ "$rc" -eq 0 ] || fail "scripts/testbox.sh up $box trixie exited $rc"
value() { sed -n "s/^$1=//p" "$work/box.env"; }
address=$(value address) user=$(value user) key=$(value key) known_hosts=$(value known_hosts)
box_ssh() {
  ssh -i "$key" -o UserKnownHostsFile="$known_hosts" -o StrictHostKeyChecking=yes \
    -o BatchMode=yes "$user@$address" "$@"
}
export HOME=$work/home TRAINBENCH_HOME=$work/config TRAINBENCH_RUNS=$work/runs
mkdir -p "$HOME" "$TRAINBENCH_HOME" "$TRAINBENCH_RUNS"
"$trainbench" hosts add box "ssh $user@$address" --key "$key" --known-hosts "$known_hosts"

# Waits until FILE holds at least BYTES (a transfer under way), for at most 120 s.
wait_size() {
  for _ in $(seq 1 1200); do
    [ "$(stat -c %s "$1" 2>/dev/null || echo 0)" -ge "$2" ] && return 0
    sleep 0.1
  done
  fail "$1 never reached $2 bytes"
}

# 48 MiB through 20 Mbit/s: about 20 s of transfer, cut for a minute (TB_OUTAGE_SECONDS) a
# quarter of the way in.
outage=${TB_OUTAGE_SECONDS:-60}
size=$((48 << 20))
box_ssh "head -c $size /dev/urandom >/root/big.bin"
"$testbox" rate "$box" 20

step "download, link down $outage s mid-way"
"$trainbench" download box /root/big.bin "$work/big.bin" >"$work/down.out" 2>"$work/down.err" &
pid=$!
wait_size "$work/big.bin.part" $((size / 4))
"$testbox" link-down "$box"
sleep "$outage"  # the outage itself, not a wait for a result
"$testbox" link-up "$box"
rc=0
wait "$pid" || rc=$?
cat "$work/down.out" "$work/down.err"
[ "$rc" -eq 0 ] || fail "download exited $rc across the outage"
[ "$(sha256sum <"$work/big.bin" | cut -d' ' -f1)" = "$(box_ssh 'sha256sum </root/big.bin' | cut -d' ' -f1)" ] ||
  fail "the downloaded file differs from the box's"

step "upload, link down $outage s mid-way"
head -c "$size" /dev/urandom >"$work/up.bin"
"$trainbench" upload box "$work/up.bin" /root/up.bin >"$work/up.out" 2>"$work/up.err" &
pid=$!
for _ in $(seq 1 1200); do
  got=$(box_ssh "stat -c %s /root/up.bin.part 2>/dev/null || echo 0")
  [ "$got" -ge $((size / 4)) ] && break
  sleep 0.2
done
"$testbox" link-down "$box"
sleep "$outage"  # the outage itself
"$testbox" link-up "$box"
rc=0
wait "$pid" || rc=$?
cat "$work/up.out" "$work/up.err"
[ "$rc" -eq 0 ] || fail "upload exited $rc across the outage"
[ "$(sha256sum <"$work/up.bin" | cut -d' ' -f1)" = "$(box_ssh 'sha256sum </root/up.bin' | cut -d' ' -f1)" ] ||
  fail "the uploaded file differs from this one"
step "passed"
