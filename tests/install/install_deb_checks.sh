#!/usr/bin/env bash
# Run by install_deb.sh inside mount and pid namespaces of its own: mounts the clean root as an
# overlay, installs the .deb with dpkg and checks it there.
#
#   install_deb_checks.sh LOWER_ROOT WORK DEB
set -euo pipefail

lower=$1 work=$2 deb=$3 root=$2/root
test_name=install_deb
step() { echo "== $test_name: $*"; }
fail() {
  echo "$test_name: FAILED: $*" >&2
  exit 1
}

mount --make-rprivate /
mount -t overlay overlay -o "lowerdir=$lower,upperdir=$work/upper,workdir=$work/overlay-work" "$root"
mount -t proc proc "$root/proc"
mount -t tmpfs -o mode=755 tmpfs "$root/dev"
for node in "null c 1 3" "zero c 1 5" "random c 1 8" "urandom c 1 9"; do
  # shellcheck disable=SC2086
  set -- $node
  mknod -m 666 "$root/dev/$1" "$2" "$3" "$4"
done
ln -s /proc/self/fd "$root/dev/fd"
mkdir "$root/dev/shm"
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
cp "$deb" "$root/tmp/trainbench.deb"

# A command inside the root as a user's shell would run it: /usr/bin on PATH, no display.
in_root() {
  chroot "$root" env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root \
    LANG=C.UTF-8 TRAINBENCH_RUNS=/root/runs TRAINBENCH_HOME=/root/.config/trainbench \
    timeout 120 "$@"
}

step "dpkg -i $(basename "$deb")"
if ! in_root dpkg -i /tmp/trainbench.deb >"$work/dpkg.log" 2>&1; then
  cat "$work/dpkg.log" >&2
  missing=$(sed -n 's/^ trainbench depends on \([^;]*\);.*/\1/p' "$work/dpkg.log" | paste -sd, -)
  fail "dpkg -i failed${missing:+; Depends not installed: $missing}"
fi
status=$(in_root dpkg-query -W -f='${Status}' trainbench)
[ "$status" = "install ok installed" ] || fail "dpkg says trainbench is '$status', not installed"
in_root apt-get check >"$work/apt-check.log" 2>&1 ||
  { cat "$work/apt-check.log" >&2; fail "apt-get check finds broken dependencies (above)"; }

step "every program and the GUI's Qt plugins find their libraries"
plugins=/usr/lib/x86_64-linux-gnu/qt6/plugins
for file in /usr/lib/trainbench/trainbench /usr/lib/trainbench/trainbench-train \
  "$plugins/platforms/libqxcb.so" "$plugins/iconengines/libqsvgicon.so" \
  "$plugins/imageformats/libqsvg.so"; do
  [ -f "$root$file" ] || fail "$file is missing (the window needs it; a package is missing from Depends)"
  unresolved=$(in_root ldd "$file" | sed -n 's/^\s*\(\S*\) => not found/\1/p' | paste -sd, -)
  [ -z "$unresolved" ] || fail "$file: libraries not found: $unresolved (Depends incomplete)"
done

step "trainbench --version, --help; trainbench-train --help"
version=$(in_root trainbench --version) || fail "trainbench --version exited $?"
expected=$(dpkg-deb -f "$deb" Version)
[ "$version" = "trainbench $expected" ] || fail "trainbench --version says '$version', the package is $expected"
in_root trainbench --help >"$work/help.txt" || fail "trainbench --help exited $?"
grep -q '^usage: trainbench' "$work/help.txt" || fail "trainbench --help: no usage line: $(head -3 "$work/help.txt")"
in_root trainbench-train --help >"$work/train-help.txt" 2>&1 || fail "trainbench-train --help exited $?"
grep -q 'trainbench-train --config FILE' "$work/train-help.txt" ||
  fail "trainbench-train --help: no usage line: $(head -3 "$work/train-help.txt")"

step "the shipped configs are installed and valid"
configs=/usr/share/trainbench/configs
for config in demo mnist-cnn cifar10-resnet tabular-mlp; do
  [ -f "$root$configs/$config.yaml" ] || fail "$configs/$config.yaml is missing"
done
in_root trainbench-train --validate "$configs/demo.yaml" || fail "$configs/demo.yaml does not validate"

step "a run trains through the installed wrapper and trainer (binDir = /usr/lib/trainbench)"
in_root trainbench run "$configs/demo.yaml" --set train.max_steps=3 --set train.log_every=1 \
  --set data.synthetic.samples=200 --set data.workers=0 --set train.epochs=1 \
  >"$work/run.out" 2>&1 || { cat "$work/run.out" >&2; fail "trainbench run exited $?"; }
run_id=$(head -n 1 "$work/run.out")
# The command the app started names the installed wrapper and trainer, found through /usr/bin's link.
grep -q '"/bin/sh","/usr/lib/trainbench/tb-wrap.sh",.*"/usr/lib/trainbench/trainbench-train"' \
  "$root/root/runs/$run_id/run.json" ||
  fail "run $run_id was not started as tb-wrap.sh ... trainbench-train from /usr/lib/trainbench: $(cat "$root/root/runs/$run_id/run.json")"
grep -q '"step":3' "$root/root/runs/$run_id/metrics.jsonl" ||
  fail "run $run_id: no step 3 in metrics.jsonl: $(tail -n 2 "$root/root/runs/$run_id/metrics.jsonl")"
in_root trainbench runs >"$work/runs.txt" || fail "trainbench runs exited $?"
grep "$run_id" "$work/runs.txt" | grep -q finished || fail "trainbench runs does not list $run_id finished: $(cat "$work/runs.txt")"
cat "$work/runs.txt"
# A new runs root gets the shipped configs (embedded in the app) the way the window opens them.
[ -f "$root/root/runs/configs/demo.yaml" ] || fail "the runs root was not seeded with configs/demo.yaml"

step "a script run: tb-wrap.sh --shell and the metrics regex"
in_root trainbench run --command 'echo "step=7 loss=0.25"' \
  --metrics-regex 'step=(?<step>\d+) loss=(?<train/loss>\S+)' >"$work/script.out" 2>&1 ||
  { cat "$work/script.out" >&2; fail "trainbench run --command exited $?"; }
script_id=$(head -n 1 "$work/script.out")
grep -q '"train/loss":0.25' "$root/root/runs/$script_id/metrics.jsonl" ||
  fail "script run $script_id: the regex's metrics are not in metrics.jsonl"
[ -f "$root/usr/lib/trainbench/trainbench_log.py" ] || fail "trainbench_log.py is not next to tb-wrap.sh"
for script in tb-sweep.sh tb-sweep-stop.sh; do
  [ -x "$root/usr/lib/trainbench/$script" ] || fail "$script (sweeps) is not next to tb-wrap.sh"
done

step "the menu entry, its program and its icon"
desktop=$root/usr/share/applications/trainbench.desktop
[ -f "$desktop" ] || fail "/usr/share/applications/trainbench.desktop is missing"
desktop-file-validate --no-hints "$desktop" || fail "desktop-file-validate rejects trainbench.desktop (above)"
for key in Name GenericName Comment; do
  grep -q "^$key\[zh_CN\]=" "$desktop" || fail "trainbench.desktop has no $key[zh_CN]"
done
exec_program=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
where=$(in_root sh -c "command -v '$exec_program'") || fail "Exec=$exec_program is not on PATH"
[ "$(in_root readlink -f "$where")" = /usr/lib/trainbench/trainbench ] ||
  fail "Exec=$exec_program is $where, which is not the installed app"
icon=$(sed -n 's/^Icon=//p' "$desktop")
icon_file=/usr/share/icons/hicolor/scalable/apps/$icon.svg
[ -f "$root$icon_file" ] || fail "Icon=$icon: no $icon_file, where icon themes look for it"
grep -q '<svg' "$root$icon_file" || fail "$icon_file is not an SVG"
