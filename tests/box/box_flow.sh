#!/usr/bin/env bash
# One test box end to end through the product: bring the box up (scripts/testbox.sh), add it as
# a host, `trainbench prepare` it (a real trainer build against the box's own LibTorch), check
# that trainer resumes bit for bit there, run a short training with `trainbench run --host`
# followed to its end, and tear the box down.
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

step "passed"
