# Sourced by scripts/testbox.sh: building the cached Debian root file systems of test boxes
# (debootstrap, then the suite's packages in a chroot), and the repairs some suites need.

suite_packages() {
  local common="openssh-server g++ make cmake tmux procps python3 sudo zstd xz-utils libtorch-dev"
  case $1 in
    # bullseye's libtorch-dev does not depend on all it needs: protobuf's headers and CMake
    # files, and libdnnl.so (its Caffe2 config links it), whose CMake config needs OpenCL's.
    # g++-9 is Ubuntu 20.04's compiler, the oldest the trainer promises (variant gcc9).
    bullseye) echo "$common libprotobuf-dev libdnnl-dev ocl-icd-opencl-dev g++-9" ;;
    trixie) echo "$common" ;;
    *) die "unknown suite '$1' (bullseye or trixie)" ;;
  esac
}

# bullseye's TorchConfig.cmake (and Caffe2Config/Caffe2Targets) compute the install prefix one
# level too shallow from /usr/lib/x86_64-linux-gnu/cmake/Torch and end up naming /usr/lib/lib
# and /usr/lib/include, which do not exist: find_package(Torch) then fails. It is a Debian
# packaging slip (a pip or conda torch has no such files); the box gets the two paths as links
# so the config works unchanged, as a user of that image would have to do.
repair_bullseye_torch() {
  local root=$1
  [ -e "$root/usr/lib/lib" ] || ln -s x86_64-linux-gnu "$root/usr/lib/lib"
  [ -e "$root/usr/lib/include" ] || ln -s ../include "$root/usr/lib/include"
}

# The cached tarball is reused while it was built from the same package list (kept beside it).
# One build of a suite at a time: a box coming up while it is built (.ci/run builds both in the
# background) waits for it instead of building it again.
build_rootfs() {
  local suite=$1 out=$cache_dir/$1.tar.zst packages lock
  packages=$(suite_packages "$suite")
  mkdir -p "$cache_dir"
  exec {lock}>"$cache_dir/.$suite.lock"
  flock "$lock"
  if [ -s "$out" ] && [ "$(cat "$cache_dir/$suite.packages" 2>/dev/null)" = "$packages" ]; then
    exec {lock}>&-  # boxes started later must not inherit the lock
    echo "$out"
    return
  fi
  command -v debootstrap >/dev/null 2>&1 || skip "debootstrap is missing; run scripts/install-deps.sh"
  local work
  work=$(mktemp -d "$cache_dir/.build-$suite.XXXXXX")
  local root=$work/root log=$cache_dir/$suite.build.log
  echo "testbox: building the $suite root file system (log: $log)" >&2
  local started=$SECONDS
  if ! build_rootfs_in "$suite" "$root" >"$log" 2>&1; then
    umount_below "$root"
    rm -rf "$work"
    skip "could not build the $suite root file system from $mirror; see $log"
  fi
  tar -C "$root" --numeric-owner -cf - . | zstd -q -T0 -3 -o "$work/rootfs.tar.zst"
  mv "$work/rootfs.tar.zst" "$out"
  echo "$packages" >"$cache_dir/$suite.packages"
  rm -rf "$work"
  echo "testbox: $suite root file system built in $((SECONDS - started)) s: $out" >&2
  exec {lock}>&-
  echo "$out"
}

build_rootfs_in() {
  local suite=$1 root=$2
  set -x
  debootstrap --variant=minbase "$suite" "$root" "$mirror"
  # No service may start inside the chroot while packages install.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  mount -t proc proc "$root/proc"
  # shellcheck disable=SC2046
  chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    $(suite_packages "$suite")
  umount "$root/proc"
  chroot "$root" apt-get clean
  rm -rf "$root"/var/lib/apt/lists/* "$root/usr/sbin/policy-rc.d" "$root"/etc/ssh/ssh_host_*
  set +x
}

umount_below() {
  local mp
  for mp in $(awk -v r="$1" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r); do
    umount -l "$mp" 2>/dev/null || true
  done
}
