#!/usr/bin/env bash
# A run moves between boxes: trained on the old box (bullseye, LibTorch 1.7), resumed on the new
# one (trixie, LibTorch 2.6) from its checkpoint with `trainbench resume --to`, and the other way
# round. A checkpoint the target's LibTorch cannot read must fail with a message that names it,
# never start a run from scratch.
# usage: box_cross.sh TRAINBENCH SOURCE-DIR [OLD-VARIANTS NEW-VARIANTS]   (exit 77: skipped, one
# line says why). The variants (testbox.sh's, ';'- or space-separated) set each box up.
set -euo pipefail

trainbench=$1 src=$2
declare -A variants=([bullseye]=${3:-} [trixie]=${4:-})
test_name=box_cross
. "$src/tests/box/box_lib.sh"
box_begin ct-old ct-new
for pair in old:bullseye new:trixie; do
  name=${pair%%:*} suite=${pair#*:}
  # shellcheck disable=SC2086
  box_up "ct-$name" "$suite" ${variants[$suite]//;/ }
  "$trainbench" hosts add "$name" "ssh $user@$address" --key "$key" --known-hosts "$known_hosts"
  step "prepare $name ($suite)"
  "$trainbench" prepare "$name" >"$work/prepare-$name.log" 2>&1 ||
    fail "prepare $name failed: $(tail -n 5 "$work/prepare-$name.log")"
done

# Trains two epochs on FROM, then resumes to three on TO; prints the resume's output file.
move() {
  local from=$1 to=$2 out=$work/$1-to-$2
  "$trainbench" run "$src/resources/configs/demo.yaml" --host "$from" --set train.epochs=2 \
    --set data.synthetic.samples=1200 >"$out.run" 2>&1 || fail "the run on $from failed: $(tail -n 3 "$out.run")"
  local id
  id=$(head -n 1 "$out.run")
  "$trainbench" resume "$id" --host "$from" --to "$to" --set train.epochs=3 >"$out.resume" 2>&1 &&
    echo ok >"$out.rc" || echo "$?" >"$out.rc"
  echo "$out"
}

step "old (LibTorch 1.7) to new (LibTorch 2.6)"
out=$(move old new)
[ "$(cat "$out.rc")" = ok ] || fail "resume old -> new exited $(cat "$out.rc"): $(tail -n 5 "$out.resume")"
grep -q "^run .* finished on new: finished at step" "$out.resume" ||
  fail "the run resumed on new did not finish: $(tail -n 3 "$out.resume")"
grep -q "epoch 3 " "$out.resume" || fail "the resumed run did not reach epoch 3: $(tail -n 3 "$out.resume")"

step "new (LibTorch 2.6) to old (LibTorch 1.7)"
out=$(move new old)
if [ "$(cat "$out.rc")" = ok ]; then
  grep -q "^run .* finished on old: finished at step" "$out.resume" ||
    fail "the run resumed on old did not finish: $(tail -n 3 "$out.resume")"
else
  # Refused: the message must name the checkpoint, and no run may have started from scratch.
  grep -q "ckpt-e0002-" "$out.resume" ||
    fail "resume new -> old failed without naming the checkpoint: $(tail -n 5 "$out.resume")"
  echo "box_cross: new -> old refused, as expected of an older LibTorch: $(grep -m1 ckpt-e0002- "$out.resume")"
fi
step "passed"
