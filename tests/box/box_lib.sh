# Sourced by the box tests: what each needs to start. Set `test_name` and `src` first.
#   box_begin BOX...         skip (exit 77) without root; a work folder $work and a trap that
#                            takes the boxes down and removes it; HOME and trainbench's folders
#                            inside it
#   box_up BOX SUITE [VARIANT...]   start a box (exit 77 if none can be made); sets address,
#                            user, key and known_hosts; box_ssh runs a command on the last one
#   step, fail               a progress line; a failure line and exit 1

testbox=$src/scripts/testbox.sh
step() { echo "== $test_name: $*"; }
fail() {
  echo "$test_name: FAILED: $*" >&2
  exit 1
}

box_begin() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "$test_name: skipped: test boxes need root (network namespaces, chroot)"
    exit 77
  fi
  boxes=("$@")
  work=$(mktemp -d "/tmp/tb-$test_name.XXXXXX")
  trap box_cleanup EXIT
  export HOME=$work/home TRAINBENCH_HOME=$work/config TRAINBENCH_RUNS=$work/runs
  mkdir -p "$HOME" "$TRAINBENCH_HOME" "$TRAINBENCH_RUNS"
}

box_cleanup() {
  local box
  for box in "${boxes[@]}"; do "$testbox" down "$box" >/dev/null 2>&1 || true; done
  rm -rf "$work"
}

box_up() {
  local box=$1 suite=$2 rc=0
  "$testbox" up "$@" >"$work/$box.env" || rc=$?
  [ "$rc" -eq 77 ] && exit 77
  [ "$rc" -eq 0 ] || fail "scripts/testbox.sh up $box $suite exited $rc"
  address=$(sed -n 's/^address=//p' "$work/$box.env")
  user=$(sed -n 's/^user=//p' "$work/$box.env")
  key=$(sed -n 's/^key=//p' "$work/$box.env")
  known_hosts=$(sed -n 's/^known_hosts=//p' "$work/$box.env")
}

box_ssh() {
  ssh -i "$key" -o UserKnownHostsFile="$known_hosts" -o StrictHostKeyChecking=yes \
    -o BatchMode=yes "$user@$address" "$@"
}
