#!/usr/bin/env bash
# The .deb the way a user meets it: built from this build tree with CPack, installed with dpkg
# into a clean Debian 12 root file system that holds only what the package's Depends pull in
# (tests/install/install_root.sh, cached; no network once cached), and used there: the programs
# start from /usr/bin, the app finds its wrapper and trainer in its install folder and trains a
# run, and the menu entry, icon and configs are where the desktop and the app look for them.
#
#   install_deb.sh BUILD_DIR SOURCE_DIR
#
# Exit 77 (skipped) without root or when the root file system cannot be built.
set -euo pipefail

build=$(cd "${1:?build dir}" && pwd)
src=$(cd "${2:?source dir}" && pwd)
test_name=install_deb
step() { echo "== $test_name: $*"; }
fail() {
  echo "$test_name: FAILED: $*" >&2
  exit 1
}
if [ "$(id -u)" -ne 0 ]; then
  echo "$test_name: skipped: installing a package into a root file system needs root (chroot, mounts)"
  exit 77
fi
for tool in cpack dpkg-deb dpkg-shlibdeps unshare chroot desktop-file-validate; do
  command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is missing; run scripts/install-deps.sh"
done

work=$(mktemp -d /var/tmp/tb-install-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
started=$SECONDS

step "cpack -G DEB from $build"
# The install step of CPack takes the binaries as built (CMAKE_SKIP_INSTALL_ALL_DEPENDENCY).
timeout 300 cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/pkg" >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack did not make the package"; }
debs=("$work"/pkg/trainbench_*.deb)
[ -f "${debs[0]}" ] || fail "cpack wrote no trainbench_*.deb (log: $(cat "$work/cpack.log"))"
deb=${debs[0]}
depends=$(dpkg-deb -f "$deb" Depends)
echo "$(basename "$deb"): Depends: $depends"
for lib in libqt6widgets6 libtorch libssh libyaml-cpp libarchive libqt6keychain libsimdjson libqcustomplot; do
  [[ $depends == *"$lib"* ]] || fail "the Depends line names no $lib package: $depends"
done
recommends=$(dpkg-deb -f "$deb" Recommends)
for pkg in python3 fonts-noto-cjk qt6-translations-l10n; do
  [[ $recommends == *"$pkg"* ]] || fail "the Recommends line names no $pkg: $recommends"
done

step "the clean bookworm root (cached)"
rc=0
lower=$(timeout 1500 bash "$src/tests/install/install_root.sh" "$deb") || rc=$?
[ "$rc" -eq 77 ] && exit 77
[ "$rc" -eq 0 ] || fail "tests/install/install_root.sh exited $rc"

# The checks run in mount and pid namespaces of their own: the root is an overlay over the
# cached one (which stays clean), and whatever a run left behind ends with the namespace.
mkdir -p "$work/upper" "$work/overlay-work" "$work/root"
timeout 600 unshare --mount --pid --fork --kill-child -- \
  bash "$src/tests/install/install_deb_checks.sh" "$lower" "$work" "$deb" ||
  fail "the installed package failed a check (above)"
echo "$test_name: passed in $((SECONDS - started)) s"
