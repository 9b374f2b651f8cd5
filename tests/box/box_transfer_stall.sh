#!/usr/bin/env bash
# Transfers ride out a link that goes silent: a download and an upload through a 20 Mbit/s
# bucket, the link down for a minute mid-way (packets vanish), then back. Each transfer must end
# whole (sha256 equal on both sides) and carry on from where it was, not start again.
# usage: box_transfer_stall.sh TRAINBENCH SOURCE-DIR   (exit 77: skipped, one line says why)
set -euo pipefail

trainbench=$1 src=$2
test_name=box_transfer_stall
. "$src/tests/box/box_lib.sh"
box=ct-stall
box_begin "$box"
box_up "$box" trixie
"$trainbench" hosts add box "ssh $user@$address" --key "$key" --known-hosts "$known_hosts"

# 48 MiB through 20 Mbit/s: about 20 s of transfer, cut for a minute (TB_OUTAGE_SECONDS) a
# quarter of the way in.
outage=${TB_OUTAGE_SECONDS:-60}
size=$((48 << 20))
box_ssh "head -c $size /dev/urandom >/root/big.bin"
"$testbox" rate "$box" 20

# Starts the transfer "$@" in the background, takes the link down for the outage once SIZE_OF
# (a command printing how much has arrived) says a quarter is there, and waits for it.
across_outage() {
  local size_of=$1 pid rc=0 got=0
  shift
  "$@" >"$work/transfer.out" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    got=$($size_of)
    [ "${got:-0}" -ge $((size / 4)) ] && break
    sleep 0.1
  done
  [ "${got:-0}" -ge $((size / 4)) ] || fail "a quarter of the file never arrived: $(cat "$work/transfer.out")"
  "$testbox" link-down "$box"
  sleep "$outage"  # the outage itself, not a wait for a result
  "$testbox" link-up "$box"
  wait "$pid" || rc=$?
  cat "$work/transfer.out"
  [ "$rc" -eq 0 ] || fail "'$*' exited $rc across the outage"
}
local_part() { stat -c %s "$work/big.bin.part" 2>/dev/null || echo 0; }
box_part() { box_ssh "stat -c %s /root/up.bin.part 2>/dev/null || echo 0"; }

step "download, link down $outage s mid-way"
across_outage local_part "$trainbench" download box /root/big.bin "$work/big.bin"
[ "$(sha256sum <"$work/big.bin" | cut -d' ' -f1)" = "$(box_ssh 'sha256sum </root/big.bin' | cut -d' ' -f1)" ] ||
  fail "the downloaded file differs from the box's"

step "upload, link down $outage s mid-way"
head -c "$size" /dev/urandom >"$work/up.bin"
across_outage box_part "$trainbench" upload box "$work/up.bin" /root/up.bin
[ "$(sha256sum <"$work/up.bin" | cut -d' ' -f1)" = "$(box_ssh 'sha256sum </root/up.bin' | cut -d' ' -f1)" ] ||
  fail "the uploaded file differs from this one"
step "passed"
