#!/usr/bin/env bash
# Test boxes that are other machines: a Debian root file system (debootstrap, cached outside the
# source tree) running its own OpenSSH sshd in a network namespace reached over a veth pair,
# with a link the caller can stall, throttle and restore. Used by tests/box and by hand.
#
#   testbox.sh rootfs SUITE            build (or reuse) the cached root file system, print its path
#   testbox.sh up NAME [SUITE] [VARIANT...]   start box NAME (SUITE defaults to NAME)
#   testbox.sh down NAME               stop it and remove everything it made
#   testbox.sh link-down NAME          the box side of the link goes down: packets vanish, no RST
#   testbox.sh link-up NAME            the link comes back (and loses any rate limit)
#   testbox.sh rate NAME MBIT          throttle both directions with tbf (0: no limit)
#   testbox.sh delay NAME MS           a latency relay on 127.0.0.1 adding MS each way (0: none); prints
#                                      relay_port=N (the box's known_hosts gains [127.0.0.1]:N)
#   testbox.sh status NAME             key=value lines: address, port, user, key, known_hosts
#   testbox.sh exec NAME CMD...        run CMD as root inside the box (its namespaces and root)
#
# Suites: bullseye (GCC 10, CMake 3.18, LibTorch 1.7.1) and trixie (GCC 14, CMake 3.31,
# LibTorch 2.6). Variants (part of the box's setup, not of the cached root file system):
#   user        log in as an ordinary user 'trainer' (no sudo, home /home/trainer)
#   no-tmux     tmux removed, so runs start through setsid
#   conda       python with a torch only at /opt/conda/bin/python, which a non-interactive PATH lacks
#   full-disk   the data disk ~/autodl-tmp is a small ext4 image left with 2 MiB free
#   turbo       /etc/network_turbo exists (an environment line hosts add: `source /etc/network_turbo`)
#   old-cmake   the cmake first on PATH says it is 3.10.2
#   gcc9        (bullseye) the only C++ compiler is GCC 9, Ubuntu 20.04's
#
# With TB_TESTBOX_TRAINERS set (the box tests set it to a folder of the build tree), a box
# keeps the trainers `trainbench prepare` built in it: `down` saves each finished build's bin/
# from the user's ~/.cache/trainbench/trainer there under SUITE-USER, and `up` puts them back,
# so the tests build
# the trainer once per box and test run (prepare's own cache check then finds it).
#
# Needs root (namespaces, chroot, mounts). Without root every command says so on one line and
# exits 77, the code ctest reads as "skipped".
set -euo pipefail

cache_dir=${TB_TESTBOX_CACHE:-/var/cache/trainbench/testbox}
state_root=${TB_TESTBOX_STATE:-/var/tmp/trainbench-testbox}
mirror=${TB_TESTBOX_MIRROR:-http://deb.debian.org/debian}
# Each box gets the /30 172.30.77.(4*slot)/30: .1 on the host end, .2 in the box. Nothing else
# uses these addresses; an 'unreachable' route keeps them off the default route if the host end
# ever loses its connected route.
subnet_prefix=172.30.77

die() { echo "testbox: $*" >&2; exit 1; }
skip() { echo "testbox: skipped: $*" >&2; exit 77; }

need_root() {
  [ "$(id -u)" -eq 0 ] || skip "needs root (network namespaces, chroot and mounts); run as root or with sudo"
  for tool in ip tc unshare chroot zstd tar ssh-keygen; do
    command -v "$tool" >/dev/null 2>&1 || skip "'$tool' is missing; run scripts/install-deps.sh"
  done
}

. "${BASH_SOURCE[0]%/*}/testbox_rootfs.sh"
. "${BASH_SOURCE[0]%/*}/testbox_setup.sh"

# ---- boxes -------------------------------------------------------------------------------

check_name() {
  [[ $1 =~ ^[a-z0-9][a-z0-9-]{0,10}$ ]] ||
    die "box name '$1' must be 1-11 of a-z, 0-9, '-' (it becomes part of interface names)"
}

box_dir() { echo "$state_root/$1"; }
box_pid() { cat "$(box_dir "$1")/pid" 2>/dev/null || true; }
box_running() {
  local pid
  pid=$(box_pid "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}
# The box's own pid 1 (sshd), child of the unshare process that holds its namespaces.
box_init_pid() {
  local pid
  pid=$(box_pid "$1")
  [ -n "$pid" ] && cut -d' ' -f1 "/proc/$pid/task/$pid/children" 2>/dev/null
}

box_key() { sed -n "s/^$2=//p" "$(box_dir "$1")/box.env" 2>/dev/null; }

free_slot() {
  local slot
  for slot in $(seq 0 63); do
    # grep over the files itself: 'cat | grep -q' fails under pipefail when grep stops early.
    grep -qsx "slot=$slot" "$state_root"/*/box.env || { echo "$slot"; return; }
  done
  die "all 64 box slots are taken; 'testbox.sh down' some under $state_root"
}

# Loops over a condition with a bound; used only to wait for something the box is doing.
wait_until() {
  local tries=$1
  shift
  while ! "$@" >/dev/null 2>&1; do
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || return 1
    sleep 0.1
  done
}

sshd_listening() {
  [ -n "$(ip netns exec "tb-$1" ss -Hltn "sport = :22")" ]
}

# Runs in the box's new namespaces (pid, mount, uts; inside its network namespace): mounts what
# sshd and builds need, private to the box, makes the box's root the root of its mount namespace
# (pivot_root, so df and /proc/mounts read as on a machine of its own) and becomes its sshd,
# the box's pid 1.
box_init_script() {
  local root=$1 full_disk=$2 home=$3 owner=$4
  cat <<SCRIPT
set -e
mount --make-rprivate /
mount --bind '$root' '$root'
mount -t proc proc '$root/proc'
mount -t sysfs sysfs '$root/sys'
mount -t tmpfs -o mode=755 tmpfs '$root/dev'
mknod -m 666 '$root/dev/null' c 1 3
mknod -m 666 '$root/dev/zero' c 1 5
mknod -m 666 '$root/dev/full' c 1 7
mknod -m 666 '$root/dev/random' c 1 8
mknod -m 666 '$root/dev/urandom' c 1 9
mknod -m 666 '$root/dev/tty' c 5 0
mkdir '$root/dev/pts' '$root/dev/shm'
mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts '$root/dev/pts'
ln -s pts/ptmx '$root/dev/ptmx'
ln -s /proc/self/fd '$root/dev/fd'
mount -t tmpfs -o mode=1777 tmpfs '$root/dev/shm'
mount -t tmpfs -o mode=755 tmpfs '$root/run'
mkdir -p '$root/run/sshd'
if [ -n '$full_disk' ]; then
  # The data disk: a small ext4 image (a real block device, as the probe expects of a disk)
  # left with 2 MiB free.
  mount -o loop '$full_disk' '$root$home/autodl-tmp'
  chown '$owner' '$root$home/autodl-tmp'
  free_mib=\$(df -P -B1M '$root$home/autodl-tmp' | awk 'NR == 2 { print \$4 }')
  dd if=/dev/zero of='$root$home/autodl-tmp/filler' bs=1M count=\$((free_mib - 2)) status=none
fi
hostname "\$(cat '$root/etc/hostname')"
cd '$root'
mkdir -p .old-root
pivot_root . .old-root
cd /
umount -l /.old-root
rmdir /.old-root
exec /usr/sbin/sshd -D -e
SCRIPT
}

box_up() {
  local name=$1 suite=${2:-$1}
  shift $(($# < 2 ? $# : 2))
  check_name "$name"
  if box_running "$name"; then
    echo "testbox: $name is already up" >&2
    box_status "$name"
    return
  fi
  # Whatever an earlier box of this name left (a crash, a killed test) goes first.
  if [ -d "$(box_dir "$name")" ] || ip netns pids "tb-$name" >/dev/null 2>&1; then
    box_down "$name"
  fi
  local tarball
  tarball=$(build_rootfs "$suite")
  local dir root user=root full_disk= variant
  dir=$(box_dir "$name")
  root=$dir/root
  for variant in "$@"; do
    [ "$variant" = user ] && user=trainer
    [ "$variant" = full-disk ] && full_disk=$dir/data-disk.img
  done
  local home=/root
  [ "$user" = root ] || home=/home/$user
  mkdir -p "$root"
  local slot host_ip box_ip
  # Boxes coming up at once must not take the same slot: hold a lock until box.env names it.
  exec 9>"$state_root/.slots.lock"
  flock 9
  slot=$(free_slot)
  host_ip=$subnet_prefix.$((slot * 4 + 1))
  box_ip=$subnet_prefix.$((slot * 4 + 2))
  cat >"$dir/box.env" <<ENV
name=$name
suite=$suite
slot=$slot
address=$box_ip
host_address=$host_ip
port=22
user=$user
home=$home
key=$dir/id_ed25519
known_hosts=$dir/known_hosts
root=$root
netns=tb-$name
variants=$*
ENV
  flock -u 9
  zstd -q -dc "$tarball" | tar -C "$root" --numeric-owner -xf -
  ssh-keygen -q -t ed25519 -N '' -C "testbox-$name" -f "$dir/id_ed25519"
  setup_root "$name" "$suite" "$root" "$user" "$@"
  trainers_restore "$root" "$suite" "$user" "$home"
  echo "$box_ip $(cut -d' ' -f1,2 "$root/etc/ssh/ssh_host_ed25519_key.pub")" >"$dir/known_hosts"

  local ns=tb-$name host_if=tbh-$name box_if=tbb-$name
  ip netns add "$ns"
  ip link add "$host_if" type veth peer name "$box_if"
  ip link set "$box_if" netns "$ns"
  ip addr add "$host_ip/30" dev "$host_if"
  ip link set "$host_if" up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "$box_ip/30" dev "$box_if"
  ip -n "$ns" link set "$box_if" up
  # Fixed neighbours: with the link down, packets then simply vanish instead of failing ARP
  # (which reports "host unreachable" at once, unlike a dropped Wi-Fi).
  ip neigh replace "$box_ip" lladdr "$(ip -n "$ns" -br link show "$box_if" | awk '{print $3}')" \
    dev "$host_if" nud permanent
  ip -n "$ns" neigh replace "$host_ip" lladdr "$(ip -br link show "$host_if" | awk '{print $3}')" \
    dev "$box_if" nud permanent
  # Should the host end ever lose its connected route, these addresses fail here instead of
  # following the default route off the machine.
  ip route replace unreachable "$subnet_prefix.$((slot * 4))/30" metric 4000

  if [ -n "$full_disk" ]; then
    truncate -s 64M "$full_disk"
    mkfs.ext4 -q -F -m 0 "$full_disk"
  fi
  box_init_script "$root" "$full_disk" "$home" "$(chroot "$root" id -u "$user"):$(chroot "$root" id -g "$user")" \
    >"$dir/init.sh"
  setsid ip netns exec "$ns" unshare --pid --fork --kill-child --mount --uts -- /bin/sh "$dir/init.sh" \
    </dev/null >"$dir/box.log" 2>&1 &
  echo $! >"$dir/pid"
  if ! wait_until 300 sshd_listening "$name"; then
    cat "$dir/box.log" >&2
    die "$name: sshd did not start listening on $box_ip:22 (log above, $dir/box.log)"
  fi
  echo "testbox: $name ($suite) is up at $user@$box_ip" >&2
  box_status "$name"
}

box_down() {
  local name=$1 dir pid slot
  check_name "$name"
  dir=$(box_dir "$name")
  pid=$(box_pid "$name")
  slot=$(box_key "$name" slot)
  relay_stop "$name"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"  # --kill-child takes the box's pid 1, and with it every process in the box
    wait_until 100 sh -c "! kill -0 $pid" || die "$name: process $pid did not end"
  fi
  ip netns del "tb-$name" 2>/dev/null || true
  ip link del "tbh-$name" 2>/dev/null || true
  if [ -n "$slot" ]; then
    ip route del unreachable "$subnet_prefix.$((slot * 4))/30" metric 4000 2>/dev/null || true
  fi
  # The box's mounts lived in its own mount namespace; refuse to delete through any left here.
  if [ -d "$dir" ]; then
    if awk -v r="$dir/" 'index($2, r) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
      die "$name: something is still mounted under $dir; not deleting it"
    fi
    trainers_save "$dir/root" "$(box_key "$name" suite)" "$(box_key "$name" user)" \
      "$(box_key "$name" home)"
    rm -rf "$dir"
  fi
  echo "testbox: $name is down" >&2
}

# The trainer cache kept across boxes of one suite and user (TB_TESTBOX_TRAINERS, see above).
trainers_dir() { echo "$TB_TESTBOX_TRAINERS/$1-$2"; }
trainers_restore() {
  local root=$1 suite=$2 user=$3 home=$4 kept
  [ -n "${TB_TESTBOX_TRAINERS:-}" ] || return 0
  kept=$(trainers_dir "$suite" "$user")
  [ -d "$kept" ] || return 0
  mkdir -p "$root$home/.cache/trainbench"
  cp -a "$kept" "$root$home/.cache/trainbench/trainer"
  chroot "$root" chown -R "$user:" "$home/.cache"
  echo "testbox: trainers built earlier put back from $kept" >&2
}
trainers_save() {
  local root=$1 suite=$2 user=$3 home=$4 from kept build
  [ -n "${TB_TESTBOX_TRAINERS:-}" ] && [ -n "$suite" ] && [ -n "$user" ] || return 0
  from=$root$home/.cache/trainbench/trainer
  # Only finished builds: a build cut off by `down` leaves no runnable trainer.
  compgen -G "$from/*/bin/trainbench-train" >/dev/null || return 0
  kept=$(trainers_dir "$suite" "$user")
  mkdir -p "$TB_TESTBOX_TRAINERS"
  rm -rf "$kept.new"
  # Each build's bin/ is all prepare's cache check looks at; its sources and objects (hundreds
  # of MB) stay behind.
  for build in "$from"/*/; do
    [ -x "$build/bin/trainbench-train" ] || continue
    mkdir -p "$kept.new/$(basename "$build")"
    cp -a "$build/bin" "$kept.new/$(basename "$build")/"
  done
  rm -rf "$kept"
  mv "$kept.new" "$kept"
}

box_status() {
  local name=$1 dir rate
  dir=$(box_dir "$name")
  [ -f "$dir/box.env" ] || { echo "state=absent"; return 0; }
  cat "$dir/box.env"
  if box_running "$name"; then echo "state=up"; else echo "state=down"; fi
  if ip -n "tb-$name" link show "tbb-$name" 2>/dev/null | grep -q '[<,]UP[,>]'; then
    echo "link=up"
  else
    echo "link=down"
  fi
  rate=$(tc qdisc show dev "tbh-$name" 2>/dev/null | sed -n 's/.* rate \([^ ]*\) .*/\1/p')
  echo "rate=${rate:-unlimited}"
  echo "relay_port=$(cat "$dir/relay.port" 2>/dev/null || true)"
  echo "ssh=ssh -i $dir/id_ed25519 -o UserKnownHostsFile=$dir/known_hosts" \
    "-o StrictHostKeyChecking=yes $(box_key "$name" user)@$(box_key "$name" address)"
}

require_up() {
  box_running "$1" || die "$1 is not up; start it with: scripts/testbox.sh up $1"
}

link_set() {
  require_up "$1"
  ip -n "tb-$1" link set "tbb-$1" "$2"
  echo "testbox: $1 link $2" >&2
}

box_rate() {
  local name=$1 mbit=$2
  require_up "$name"
  [[ $mbit =~ ^[0-9]+$ ]] || die "rate '$mbit' must be whole Mbit/s (0: no limit)"
  if [ "$mbit" -eq 0 ]; then
    tc qdisc del dev "tbh-$name" root 2>/dev/null || true
    tc -n "tb-$name" qdisc del dev "tbb-$name" root 2>/dev/null || true
    echo "testbox: $name rate unlimited" >&2
    return
  fi
  # The bucket holds 10 ms of traffic (at least 32 kbit): enough for a timer tick at any HZ.
  local burst=$((mbit * 10))
  [ "$burst" -ge 32 ] || burst=32
  tc qdisc replace dev "tbh-$name" root tbf rate "${mbit}mbit" burst "${burst}kbit" latency 200ms
  tc -n "tb-$name" qdisc replace dev "tbb-$name" root tbf rate "${mbit}mbit" burst "${burst}kbit" latency 200ms
  echo "testbox: $name rate $mbit Mbit/s each way" >&2
}

relay_stop() {
  local dir pid
  dir=$(box_dir "$1")
  pid=$(cat "$dir/relay.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    wait_until 50 sh -c "! kill -0 $pid" || kill -KILL "$pid"
  fi
  rm -f "$dir/relay.pid" "$dir/relay.port"
}

# This kernel has no netem: latency comes from bench/far_link's latency_relay (built with the
# project; $TB_LATENCY_RELAY or build/bin/latency_relay) in front of the box's sshd, listening on
# 127.0.0.1 at a port fixed by the box's slot.
box_delay() {
  local name=$1 ms=$2 dir relay
  require_up "$name"
  [[ $ms =~ ^[0-9]+$ ]] || die "delay '$ms' must be whole milliseconds (0: no relay)"
  dir=$(box_dir "$name")
  relay_stop "$name"
  if [ "$ms" -eq 0 ]; then
    echo "testbox: $name relay stopped" >&2
    return
  fi
  relay=${TB_LATENCY_RELAY:-${BASH_SOURCE[0]%/*}/../build/bin/latency_relay}
  [ -x "$relay" ] || die "no latency relay at $relay: cmake --build build --target latency_relay, or set TB_LATENCY_RELAY"
  local port=$((42100 + $(box_key "$name" slot)))
  setsid "$relay" "$port" "$(box_key "$name" address)" 22 "$ms" </dev/null >"$dir/relay.out" 2>&1 &
  echo $! >"$dir/relay.pid"
  wait_until 100 grep -q '^listening' "$dir/relay.out" ||
    die "$name: the relay did not start on 127.0.0.1:$port: $(cat "$dir/relay.out")"
  echo "$port" >"$dir/relay.port"
  echo "[127.0.0.1]:$port $(cut -d' ' -f2,3 "$dir/known_hosts" | head -n 1)" >>"$dir/known_hosts"
  echo "testbox: $name relay on 127.0.0.1:$port adds $ms ms each way" >&2
  echo "relay_port=$port"
}

box_exec() {
  local name=$1 init
  shift
  require_up "$name"
  init=$(box_init_pid "$name")
  [ -n "$init" ] || die "$name: cannot find the box's init process"
  nsenter -t "$init" -m -u -n -p -r -w -- "$@"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case $cmd in
  rootfs) need_root; build_rootfs "${1:?suite}" ;;
  up) need_root; box_up "${1:?box name}" "${@:2}" ;;
  down) need_root; box_down "${1:?box name}" ;;
  link-down) need_root; link_set "${1:?box name}" down ;;
  link-up) need_root; link_set "${1:?box name}" up ;;
  rate) need_root; box_rate "${1:?box name}" "${2:-}" ;;
  delay) need_root; box_delay "${1:?box name}" "${2:-}" ;;
  status) need_root; box_status "${1:?box name}" ;;
  exec) need_root; box_exec "${1:?box name}" "${@:2}" ;;
  *) echo "usage: testbox.sh rootfs SUITE | up NAME [SUITE] [VARIANT...] | down NAME |" \
       "link-down NAME | link-up NAME | rate NAME MBIT | delay NAME MS | status NAME | exec NAME CMD..." >&2
     exit 2 ;;
esac
