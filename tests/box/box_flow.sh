#!/usr/bin/env bash
# One test box end to end through the product: bring the box up (scripts/testbox.sh), add it as
# a host, `trainbench prepare` it (a real trainer build against the box's own LibTorch), check
# that trainer resumes bit for bit there, run a short training with `trainbench run --host`
# followed to its end, a script run, a script run on a synced code folder (then a sync of one
# change), a run stopped (stop/follow --host), its checkpoint downloaded and resumed here (the
# box's LibTorch wrote it, this machine's reads it), a run whose processes all die at once (as
# in a reboot) shown lost and resumed there, and tear the box down.
# usage: box_flow.sh SUITE TRAINBENCH TRAINBENCH-TRAIN SOURCE-DIR [VARIANT...]
# VARIANTs are testbox.sh's (user, no-tmux, conda, ...): the same flow on a box set up like that.
# Exit 77 (ctest: skipped) with one line saying why when not root or no box can be made.
set -euo pipefail

suite=$1 trainbench=$2 local_trainer=$3 src=$4
shift 4
variants=("$@")
case $suite in
  bullseye) torch=1.7 compiler="GCC 10" ;;
  trixie) torch=2.6 compiler="GCC 14" ;;
  *) echo "box_flow: unknown suite '$suite'" >&2; exit 2 ;;
esac
case " ${variants[*]} " in *" gcc9 "*) compiler="GCC 9" ;; esac
box=ct-$suite
testbox=$src/scripts/testbox.sh
if [ "$(id -u)" -ne 0 ]; then
  echo "box_flow: skipped: test boxes need root (network namespaces, chroot)"
  exit 77
fi

work=$(mktemp -d "/tmp/tb-box-$suite.XXXXXX")
cleanup() {
  "$testbox" down "$box" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

step() { echo "== box_flow $suite: $*"; }
fail() {
  echo "box_flow $suite: FAILED: $*" >&2
  exit 1
}

step "up ${variants[*]}"
rc=0
"$testbox" up "$box" "$suite" "${variants[@]}" >"$work/box.env" || rc=$?
[ "$rc" -eq 77 ] && exit 77
[ "$rc" -eq 0 ] || fail "scripts/testbox.sh up $box $suite exited $rc"
value() { sed -n "s/^$1=//p" "$work/box.env"; }
address=$(value address) user=$(value user) key=$(value key) known_hosts=$(value known_hosts)
box_ssh() {
  ssh -i "$key" -o UserKnownHostsFile="$known_hosts" -o StrictHostKeyChecking=yes \
    -o BatchMode=yes "$user@$address" "$@"
}

export HOME=$work/home TRAINBENCH_HOME=$work/config TRAINBENCH_RUNS=$work/runs
mkdir -p "$HOME" "$TRAINBENCH_HOME" "$TRAINBENCH_RUNS"

step "hosts add"
"$trainbench" hosts add box "ssh $user@$address" --key "$key" --known-hosts "$known_hosts"

step "prepare (builds the trainer on the box)"
started=$SECONDS
"$trainbench" prepare box 2>&1 | tee "$work/prepare.log" ||
  fail "trainbench prepare box failed; its log is above"
echo "box_flow $suite: prepare took $((SECONDS - started)) s"
grep -q "LibTorch $torch" "$work/prepare.log" || fail "prepare did not build against LibTorch $torch"
grep -q "$compiler" "$work/prepare.log" || fail "prepare did not report $compiler"
trainer=$(sed -n 's/^== done: trainbench-train on .*: \(\/.*\)$/\1/p' "$work/prepare.log" | tail -n 1)
[ -n "$trainer" ] || fail "prepare did not name the trainer it built"
box_ssh "'$trainer' --version" | grep -q "LibTorch $torch" || fail "$trainer does not report LibTorch $torch"

step "the box's trainer resumes bit for bit"
# Dropout draws from the generator whose state the checkpoint carries (torch_compat's job).
"$local_trainer" --config "$src/resources/configs/demo.yaml" --print-resolved \
  --set train.epochs=2 --set train.checkpoint_every=1 --set data.synthetic.samples=1200 \
  --set model.dropout=0.2 >"$work/resume.conf"
box_ssh "mkdir -p /tmp/tbflow && cat > /tmp/tbflow/resume.conf" <"$work/resume.conf"
box_ssh "cd /tmp/tbflow && rm -rf whole resumed &&
  '$trainer' --config resume.conf --run-dir whole --threads 1 >whole.log 2>&1 &&
  '$trainer' --config resume.conf --run-dir resumed --threads 1 \
    --resume whole/checkpoints/ckpt-e0001-*.pt >resumed.log 2>&1 &&
  grep -h param_sha256 whole.log resumed.log" >"$work/sha.txt" ||
  fail "the trainer's resume check failed on the box: $(box_ssh 'tail -n 5 /tmp/tbflow/*.log')"
whole=$(sed -n '1s/.*param_sha256 \([0-9a-f]*\).*/\1/p' "$work/sha.txt")
resumed=$(sed -n '2s/.*param_sha256 \([0-9a-f]*\).*/\1/p' "$work/sha.txt")
[ -n "$whole" ] && [ "$whole" = "$resumed" ] ||
  fail "resumed parameters differ: whole run $whole, resumed $resumed"

step "run --host, followed to its end"
"$trainbench" run "$src/resources/configs/demo.yaml" --host box --set train.epochs=1 \
  --set data.synthetic.samples=1200 >"$work/run.out" 2>"$work/run.err" ||
  fail "trainbench run --host box exited $?: $(tail -n 5 "$work/run.err")"
run_id=$(head -n 1 "$work/run.out")
grep -q "^run $run_id finished on box" "$work/run.out" ||
  fail "run $run_id did not finish: $(tail -n 3 "$work/run.out")"

step "checkpoints of run $run_id"
"$trainbench" checkpoints "$run_id" --host box --json >"$work/checkpoints.json"
grep -q 'ckpt-e0001-' "$work/checkpoints.json" || fail "no epoch-1 checkpoint listed for $run_id"

step "a script run, its output turned into metrics on the box"
"$trainbench" run --command 'echo step=1 loss=0.5; echo step=2 loss=0.25' --host box \
  --metrics-regex 'step=(?<step>\d+) loss=(?<train/loss>\S+)' >"$work/script.out" \
  2>"$work/script.err" || fail "the script run exited $?: $(tail -n 5 "$work/script.err")"
script_id=$(head -n 1 "$work/script.out")
grep -q "^run $script_id finished on box" "$work/script.out" ||
  fail "script run $script_id did not finish: $(tail -n 3 "$work/script.out")"
[ "$(box_ssh "grep -c loss ~/trainbench/$script_id/metrics.jsonl")" = 2 ] ||
  fail "the script run's two metrics lines are not in its metrics.jsonl on the box"

step "a code folder synced into the work dir first, then only what changed"
mkdir -p "$work/code/lib" && printf 'cat lib/words.txt\n' >"$work/code/run.sh" &&
  printf 'synced to the box\n' >"$work/code/lib/words.txt" && printf 'x\n' >"$work/code/skip.tmp" &&
  printf '*.tmp\n' >"$work/code/.trainbenchignore"
"$trainbench" run --command 'sh run.sh' --host box --sync "$work/code" --workdir '~/code/flow' \
  >"$work/sync-run.out" 2>"$work/sync-run.err" ||
  fail "the synced script run exited $?: $(tail -n 5 "$work/sync-run.err")"
grep -q 'sent 3 files' "$work/sync-run.err" || fail "the first sync: $(cat "$work/sync-run.err")"
sync_id=$(head -n 1 "$work/sync-run.out")
box_ssh "grep -q 'synced to the box' ~/trainbench/$sync_id/output.log &&
  test ! -e ~/code/flow/skip.tmp && grep -q '\"manifest\"' ~/trainbench/$sync_id/run.json" ||
  fail "run $sync_id did not read the synced folder, or run.json lacks its code record"
printf 'changed\n' >"$work/code/lib/words.txt" && rm "$work/code/run.sh"
"$trainbench" sync box "$work/code" '~/code/flow' >/dev/null 2>"$work/sync2.err" ||
  fail "the second sync exited $?: $(cat "$work/sync2.err")"
grep -q 'sent 1 file (8 B,.*removed 1, 1 unchanged' "$work/sync2.err" ||
  fail "the second sync sent more than the change: $(cat "$work/sync2.err")"
box_ssh "test ! -e ~/code/flow/run.sh && grep -q changed ~/code/flow/lib/words.txt" ||
  fail "the second sync did not remove run.sh or update lib/words.txt on the box"

step "stop a running run, follow it to its end"
"$trainbench" run "$src/resources/configs/demo.yaml" --host box --detach --set train.epochs=50 \
  >"$work/long.out" 2>"$work/long.err" || fail "run --detach exited $?: $(cat "$work/long.err")"
long_id=$(head -n 1 "$work/long.out")
# Stopped once it has written a metrics record (polled: the box trains at its own pace).
for _ in $(seq 1 240); do
  box_ssh "test -s ~/trainbench/$long_id/metrics.jsonl" && break
  sleep 0.5
done
"$trainbench" stop "${long_id%??}" --host box >"$work/stop.out" 2>&1 ||
  fail "stop --host exited $?: $(cat "$work/stop.out")"
"$trainbench" follow "$long_id" --host box >"$work/follow.out" 2>&1 || true
grep -q "^run $long_id stopped on box" "$work/follow.out" ||
  fail "run $long_id did not end as stopped: $(tail -n 3 "$work/follow.out")"

step "download its checkpoint, checked against the box's sha256"
"$trainbench" download-checkpoint "$long_id" --host box "$work/dl" >"$work/dl.out" 2>&1 ||
  fail "download-checkpoint exited $?: $(tail -n 3 "$work/dl.out")"
file=$(tail -n 1 "$work/dl.out")
[ -s "$file" ] || fail "download-checkpoint named $file, which is not there"
name=$(basename "$file")
[ "$(sha256sum <"$file" | cut -d' ' -f1)" = \
  "$(box_ssh "sha256sum <~/trainbench/$long_id/checkpoints/$name" | cut -d' ' -f1)" ] ||
  fail "$name differs from the box's"

step "resume it here (local LibTorch) from the box's checkpoint"
"$trainbench" resume "$long_id" --host box --to local --set train.epochs=2 \
  >"$work/resume.out" 2>"$work/resume.err" ||
  fail "resume --to local exited $?: $(tail -n 5 "$work/resume.err")"
resumed_id=$(head -n 1 "$work/resume.out")
grep -q '"state": *"finished"' "$TRAINBENCH_RUNS/$resumed_id/status.json" ||
  fail "the run resumed here from $name did not finish: $(tail -n 5 "$work/resume.out")"

step "the box loses the run's processes (as in a reboot): lost, then resumed from its latest"
"$trainbench" run "$src/resources/configs/demo.yaml" --host box --detach --set train.epochs=50 \
  >"$work/crash.out" 2>"$work/crash.err" ||
  fail "run --detach exited $?: $(cat "$work/crash.err")"
crash_id=$(head -n 1 "$work/crash.out")
for _ in $(seq 1 240); do
  box_ssh "test -s ~/trainbench/$crash_id/checkpoints/latest.json" && break
  sleep 0.5
done
# Everything of the run dies at once, the wrapper first, so nothing records how it ended. (The
# brackets keep the patterns from matching the shell that runs pkill.)
box_ssh "pkill -9 -f '[${crash_id:0:1}]${crash_id:1}/[.]tb-wrap.sh'; pkill -9 -f '[r]un-dir [^ ]*$crash_id'" ||
  fail "could not kill run $crash_id's processes on the box"
box_ssh "pgrep -f '[r]un-dir [^ ]*$crash_id'" && fail "run $crash_id's trainer survived pkill"
"$trainbench" follow "$crash_id" --host box >"$work/crash-follow.out" 2>&1 || true
grep -q "^run $crash_id lost on box: ." "$work/crash-follow.out" ||
  fail "run $crash_id is not shown lost with a reason: $(tail -n 3 "$work/crash-follow.out")"
"$trainbench" resume "$crash_id" --host box --set train.epochs=2 >"$work/crash-resume.out" 2>&1 ||
  fail "resume of the lost run exited $?: $(tail -n 5 "$work/crash-resume.out")"
grep -q "^run .* finished on box" "$work/crash-resume.out" ||
  fail "the resumed run did not finish: $(tail -n 3 "$work/crash-resume.out")"

step "a sweep on the box: its queue and scheduler there, trials over two slots, ranked"
printf '%s\n' 'method: list' 'metric: val/loss' 'goal: min' 'trials:' '  - {"{n}": 2}' \
  '  - {"{n}": 1}' '  - {"{n}": 3}' >"$work/sweep.yaml"
"$trainbench" sweep --command \
  'printf "{\"step\":1,\"val/loss\":%s}\n" {n} >>"$TRAINBENCH_RUN_DIR/metrics.jsonl"' \
  "$work/sweep.yaml" --host box --slots 2 >"$work/sweep.out" 2>&1 ||
  fail "trainbench sweep --host box exited $?: $(tail -n 5 "$work/sweep.out")"
sweep_id=$(head -n 1 "$work/sweep.out")
grep -q '^\* .* n=1 ' "$work/sweep.out" || fail "the best trial is not n=1: $(cat "$work/sweep.out")"
box_ssh "test -f ~/trainbench/.sweeps/$sweep_id/done/000003.sh" ||
  fail "trial 3 of sweep $sweep_id did not end in done/ on the box"
"$trainbench" sweep-status "$sweep_id" --host box --json >"$work/sweep-status.json" ||
  fail "trainbench sweep-status --host box failed"
grep -q '"state": "drained"' "$work/sweep-status.json" ||
  fail "sweep $sweep_id not drained: $(cat "$work/sweep-status.json")"

step "passed"
