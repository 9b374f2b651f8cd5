#!/usr/bin/env bash
# The test box's link does what tests rely on: a box answers ssh with its own OS; link-down
# makes packets vanish (a connect times out, it is not refused, and the route to the box stays
# on its veth so nothing leaves the machine); link-up brings it back; rate throttles with tbf;
# delay puts a latency relay on 127.0.0.1 in front of the box's sshd.
# usage: box_link.sh SOURCE-DIR   (exit 77: skipped, with the reason on one line)
set -euo pipefail

src=$1
box=ct-link
testbox=$src/scripts/testbox.sh
if [ "$(id -u)" -ne 0 ]; then
  echo "box_link: skipped: test boxes need root (network namespaces, chroot)"
  exit 77
fi
work=$(mktemp -d /tmp/tb-box-link.XXXXXX)
cleanup() {
  "$testbox" down "$box" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "box_link: FAILED: $*" >&2
  exit 1
}

rc=0
"$testbox" up "$box" trixie >"$work/box.env" || rc=$?
[ "$rc" -eq 77 ] && exit 77
[ "$rc" -eq 0 ] || fail "scripts/testbox.sh up $box trixie exited $rc"
value() { sed -n "s/^$1=//p" "$work/box.env"; }
address=$(value address) key=$(value key) known_hosts=$(value known_hosts)
case $address in 172.30.77.*) ;; *) fail "box address $address is outside 172.30.77.0/24" ;; esac
box_ssh() {
  ssh -i "$key" -o UserKnownHostsFile="$known_hosts" -o StrictHostKeyChecking=yes \
    -o BatchMode=yes -o ConnectTimeout=3 "root@$address" "$@"
}

os=$(box_ssh '. /etc/os-release; echo $VERSION_CODENAME')
[ "$os" = trixie ] || fail "the box says it runs '$os', not trixie"
[ "$(box_ssh 'cat /proc/1/comm')" = sshd ] || fail "the box's pid 1 is not its sshd: no own pid namespace"

"$testbox" link-down "$box"
grep -qx 'link=down' <("$testbox" status "$box") || fail "status does not say link=down"
ip route get "$address" | grep -q "dev tbh-$box" ||
  fail "with the link down the route to $address left tbh-$box: $(ip route get "$address")"
err=$(box_ssh true 2>&1) && fail "ssh got through a link that is down"
echo "$err" | grep -q 'timed out' || fail "a down link must drop packets silently, ssh said: $err"

"$testbox" link-up "$box"
[ "$(box_ssh 'echo back')" = back ] || fail "no answer after link-up"

"$testbox" rate "$box" 2
tc qdisc show dev "tbh-$box" | grep -q 'tbf .*rate 2Mbit' || fail "no 2 Mbit/s tbf on tbh-$box"
head -c 1000000 /dev/zero | box_ssh 'cat >/dev/null'
overlimits=$(tc -s qdisc show dev "tbh-$box" | sed -n 's/.*overlimits \([0-9]*\).*/\1/p')
[ "${overlimits:-0}" -gt 0 ] || fail "1 MB through a 2 Mbit/s bucket was never held back"
"$testbox" rate "$box" 0
tc qdisc show dev "tbh-$box" | grep -q tbf && fail "rate 0 left the tbf in place"

relay=$("$testbox" delay "$box" 50)
port=${relay#relay_port=}
[[ $port =~ ^[0-9]+$ ]] || fail "delay printed '$relay', not relay_port=N"
relay_ssh() {
  ssh -i "$key" -o UserKnownHostsFile="$known_hosts" -o StrictHostKeyChecking=yes \
    -o BatchMode=yes -o ConnectTimeout=3 -p "$port" root@127.0.0.1 "$@"
}
[ "$(relay_ssh 'echo relayed' 2>&1)" = relayed ] ||
  fail "no ssh through the delay relay on 127.0.0.1:$port"
"$testbox" delay "$box" 0
err=$(relay_ssh true 2>&1) && fail "the relay still answers after delay 0"
echo "$err" | grep -q 'refused' || fail "after delay 0 the relay port should refuse: $err"

"$testbox" down "$box"
ip netns list | grep -q "tb-$box" && fail "down left the namespace tb-$box"
ip link show "tbh-$box" >/dev/null 2>&1 && fail "down left the interface tbh-$box"
echo "box_link: passed"
