#!/usr/bin/env bash
# The clean Debian 12 (bookworm) root file system the .deb is installed into by
# tests/install/install_deb.sh: debootstrap minbase plus exactly the packages that
# `apt-get install --no-install-recommends ./trainbench_*.deb` pulls from the mirror (resolved by
# apt itself, then trainbench purged again), cached as a directory under
# /var/cache/trainbench/install so test runs need no network. Reused while the package's Depends
# line is the one it was built for (kept beside it); rebuilt, from the mirror, when it changes.
#
#   install_root.sh DEB     print the cached root for DEB's Depends, building it first if needed
#
# Exit 77 (ctest's "skipped") without root or when the mirror cannot be reached; exit 1 when apt
# cannot satisfy the package's Depends from bookworm (a wrong Depends line).
set -euo pipefail

cache_dir=${TB_INSTALL_CACHE:-/var/cache/trainbench/install}
mirror=${TB_TESTBOX_MIRROR:-http://deb.debian.org/debian}
suite=bookworm

skip() { echo "install_root: skipped: $*" >&2; exit 77; }
die() { echo "install_root: $*" >&2; exit 1; }

deb=${1:?usage: install_root.sh DEB}
[ "$(id -u)" -eq 0 ] || skip "needs root (debootstrap, chroot, mounts); run as root or with sudo"
depends=$(dpkg-deb -f "$deb" Depends)
root=$cache_dir/$suite
if [ -d "$root" ] && [ "$(cat "$cache_dir/$suite.depends" 2>/dev/null)" = "$depends" ]; then
  echo "$root"
  exit 0
fi
command -v debootstrap >/dev/null 2>&1 || skip "debootstrap is missing; run scripts/install-deps.sh"
mkdir -p "$cache_dir"
# One builder at a time; a second caller waits and then finds the root built.
exec 9>"$cache_dir/.build.lock"
flock 9
if [ -d "$root" ] && [ "$(cat "$cache_dir/$suite.depends" 2>/dev/null)" = "$depends" ]; then
  echo "$root"
  exit 0
fi
work=$(mktemp -d "$cache_dir/.build.XXXXXX")
trap 'rm -rf "$work"' EXIT
log=$cache_dir/$suite.build.log
echo "install_root: building the $suite root file system with trainbench's Depends (log: $log)" >&2
started=$SECONDS
new=$work/root
if ! debootstrap --variant=minbase "$suite" "$new" "$mirror" >"$log" 2>&1; then
  skip "debootstrap could not build $suite from $mirror; see $log"
fi
cp "$deb" "$new/tmp/trainbench.deb"
# No service may start in the chroot; proc only in a mount namespace of its own, gone with it.
printf '#!/bin/sh\nexit 101\n' >"$new/usr/sbin/policy-rc.d"
chmod +x "$new/usr/sbin/policy-rc.d"
if ! unshare --mount --fork -- sh -ec '
  mount -t proc proc "$1/proc"
  chroot "$1" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    /tmp/trainbench.deb
  chroot "$1" dpkg --purge trainbench
  chroot "$1" apt-get clean' sh "$new" >>"$log" 2>&1; then
  tail -n 30 "$log" >&2
  die "apt could not install the package's Depends from $suite ($mirror): $depends (log above, $log)"
fi
rm -rf "$new"/var/lib/apt/lists/* "$new/usr/sbin/policy-rc.d" "$new/tmp/trainbench.deb"
rm -rf "$root" "$cache_dir/$suite.depends"
mv "$new" "$root"
echo "$depends" >"$cache_dir/$suite.depends"
echo "install_root: $suite root built in $((SECONDS - started)) s: $root ($(du -sh "$root" | cut -f1))" >&2
echo "$root"
