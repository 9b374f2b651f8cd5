#!/usr/bin/env bash
# A sweep's queue on a test box outlives the laptop's link: a detached script sweep over one slot
# goes on starting and finishing trials on the box while its link is down (packets vanish, as
# when a laptop sleeps); back up, a queued trial is cancelled there, then the whole sweep: the
# running trial stops, the rest never start, what finished keeps its result. Each trial waits for
# its own gate file on the box, so the test decides when a trial ends, not a clock.
# usage: box_sweep.sh TRAINBENCH SOURCE-DIR   (exit 77: skipped, with the reason on one line)
set -euo pipefail

trainbench=$1 src=$2
test_name=box_sweep
# shellcheck source=tests/box/box_lib.sh
. "$src/tests/box/box_lib.sh"
box_begin ct-sweep
box_up ct-sweep trixie

# Inside the box as its root, without SSH: this works while the link is down.
on_box() { "$testbox" exec ct-sweep "$@"; }
# wait_for SECONDS CMD...: CMD polled until it succeeds; false after SECONDS.
wait_for() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || return 1
    sleep 0.3
  done
}
queue_of() { on_box sh -c "test -f /root/trainbench/.sweeps/$sweep/$2/00000$1.sh"; }

step "the box as a host"
"$trainbench" hosts add box "ssh $user@$address" --key "$key" --known-hosts "$known_hosts" \
  >"$work/add.out" 2>&1 || fail "hosts add exited $?: $(cat "$work/add.out")"

step "a detached sweep of four gated trials over one slot"
printf '%s\n' 'method: list' 'metric: val/loss' 'goal: min' 'trials:' '  - {"{n}": 1}' \
  '  - {"{n}": 2}' '  - {"{n}": 3}' '  - {"{n}": 4}' >"$work/gated.yaml"
"$trainbench" sweep --command \
  'while [ ! -e /tmp/gate-{n} ]; do sleep 0.2; done; printf "{\"step\":1,\"val/loss\":%s}\n" {n} >>"$TRAINBENCH_RUN_DIR/metrics.jsonl"' \
  "$work/gated.yaml" --host box --slots 1 --detach >"$work/sweep.out" 2>&1 ||
  fail "trainbench sweep --host box --detach exited $?: $(tail -n 5 "$work/sweep.out")"
sweep=$(head -n 1 "$work/sweep.out")
wait_for 60 queue_of 1 running || fail "trial 1 of $sweep never started on the box"

step "the link down: trial 1 ends and trial 2 starts there all the same"
"$testbox" link-down ct-sweep
on_box touch /tmp/gate-1
wait_for 60 queue_of 1 done || fail "trial 1 did not end on the box while the link was down"
wait_for 60 queue_of 2 running || fail "trial 2 did not start on the box while the link was down"
"$testbox" link-up ct-sweep

step "back up: queued trial 4 cancelled, then the whole sweep"
"$trainbench" sweep-cancel "$sweep" 4 --host box >"$work/cancel4.out" 2>&1 ||
  fail "sweep-cancel $sweep 4 exited $?: $(cat "$work/cancel4.out")"
grep -q "trial 4 of $sweep will not run" "$work/cancel4.out" ||
  fail "cancelling queued trial 4 said: $(cat "$work/cancel4.out")"
queue_of 4 cancelled || fail "trial 4 is not in cancelled/ on the box"
"$trainbench" sweep-cancel "$sweep" --host box >"$work/cancel.out" 2>&1 ||
  fail "sweep-cancel $sweep exited $?: $(cat "$work/cancel.out")"
status_says() {
  "$trainbench" sweep-status "$sweep" --host box --json >"$work/status.json" 2>&1 &&
    grep -q '"state": "cancelled"' "$work/status.json" && queue_of 2 done
}
wait_for 120 status_says || fail "sweep $sweep did not end cancelled: $(cat "$work/status.json")"
queue_of 3 cancelled || fail "trial 3 was not cancelled before it started"
on_box sh -c "grep -q '\"val/loss\":1' /root/trainbench/*-t1/metrics.jsonl" ||
  fail "trial 1's result is gone"
grep -q '"best_trial": 0' "$work/status.json" || fail "trial 1 is not the best: $(cat "$work/status.json")"

step "passed"
