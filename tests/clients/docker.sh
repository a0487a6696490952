#!/usr/bin/env bash
# docker.io 20.10 (Debian's dockerd) against the firewall daemon, as on a real host (issue 12).
#
#   docker.sh DAEMON SOURCE_DIR     DAEMON: fwctld's path, or "firewalld" for the reference run
#
# Everything happens in a mount and network namespace of the script's own: a private /run
# (docker's, containerd's and the bus's sockets, the xtables lock, netns files) and /etc/docker,
# docker's data and exec roots in a scratch directory, the vfs storage driver, a private system
# bus on which DAEMON owns org.fedoraproject.FirewallD1. The image is a busybox-static root
# brought in with `docker import`: nothing is downloaded. A second namespace, "outside", is the
# world beyond the host's veth.
# Checks: dockerd starts and creates its permanent `docker` zone through config.addZone (as an
# array of variants), binds docker0 to it, a published port is reachable from outside only
# through DNAT (--userland-proxy=false), the container reaches outside masqueraded (outside sees
# the host's address), and both still hold after a reload and after a restart of the daemon
# while dockerd runs (docker re-applies on Reloaded and on NameOwnerChanged).
# FWCTL_DOCKER_MONITOR=FILE records the bus traffic (dbus-monitor) into FILE, to see what
# dockerd sends. Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
daemon=${1:?usage: docker.sh DAEMON SOURCE_DIR}
src=${2:?usage: docker.sh DAEMON SOURCE_DIR}
src=$(cd "$src" && pwd)

if [ -z "${FWCTL_DOCKER_INNER:-}" ]; then
  [ "$(id -u)" = 0 ] || { echo "SKIP: needs root (namespaces, dockerd)"; exit 77; }
  for tool in /usr/sbin/dockerd /usr/bin/docker /usr/sbin/runc /bin/busybox dbus-daemon unshare \
              iptables /usr/bin/firewall-cmd python3; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
  done
  FWCTL_DOCKER_INNER=1 exec unshare --mount --net --propagation private "$0" "$@"
fi

work=$(mktemp -d /tmp/fwctl-docker.XXXXXX)
chmod 0755 "$work"
failures=0
pids=()
cgroup_parent=fwctl-docker-test-$$
cleanup() {
  set +e
  [ -S /run/fwctl-docker/docker.sock ] && timeout 20 /usr/bin/docker -H "$sock" rm -f web >/dev/null 2>&1
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do timeout 10 tail --pid="$pid" -f /dev/null; done
  ip netns del outside 2>/dev/null
  for d in /sys/fs/cgroup/*/"$cgroup_parent"; do [ -d "$d" ] && rmdir "$d"/* "$d" 2>/dev/null; done
  umount -l /run /etc/docker 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

mount -t tmpfs tmpfs /run
mkdir -p /run/fwctl-docker /etc/docker
mount -t tmpfs tmpfs /etc/docker   # dockerd writes its key.json there
sock=unix:///run/fwctl-docker/docker.sock
ip link set lo up

check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then
    echo "ok: $1"
  else
    echo "FAIL: $1"; diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") || true
    failures=$((failures + 1))
  fi
}

# Polls COMMAND (at most 20 s) until it succeeds; no fixed sleeps.
wait_for() {  # wait_for WHAT COMMAND...
  local what=$1
  shift
  for _ in $(seq 200); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "FAIL: $what (20 s)"
  failures=$((failures + 1))
  return 1
}

# The private system bus.
sed "s|@LISTEN@|unix:path=$work/bus|" "$src/tests/integration/bus.conf.in" > "$work/bus.conf"
pids+=("$(dbus-daemon --config-file="$work/bus.conf" --fork --print-pid)")
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/bus
if [ -n "${FWCTL_DOCKER_MONITOR:-}" ]; then
  dbus-monitor --system > "$FWCTL_DOCKER_MONITOR" 2>&1 &
  pids+=("$!")
fi
mkdir -p "$work/etc"
printf 'DefaultZone=public\nFirewallBackend=nftables\n' > "$work/etc/firewalld.conf"

daemon_pid=""
daemon_runs=0
start_daemon() {
  daemon_runs=$((daemon_runs + 1))
  local log=$work/daemon$daemon_runs.log
  if [ "$daemon" = firewalld ]; then
    /usr/sbin/firewalld --nofork --nopid --system-config "$work/etc" --log-target file \
      --log-file "$log" > "$log.out" 2>&1 &
  else
    "$daemon" --nofork --nopid --default-config "$src" --system-config "$work/etc" \
      --log-target file --log-file "$log" > "$log.out" 2>&1 &
  fi
  daemon_pid=$!
  pids+=("$daemon_pid")
  wait_for "the firewall daemon answers" /usr/bin/firewall-cmd --state
}
stop_daemon() {
  kill "$daemon_pid"
  timeout 20 tail --pid="$daemon_pid" -f /dev/null
}

# The world outside the host: 10.232.0.2, behind the host's 10.232.0.1.
ip netns add outside
ip link add veth-host type veth peer name veth-out netns outside
ip addr add 10.232.0.1/24 dev veth-host
ip link set veth-host up
ip -n outside addr add 10.232.0.2/24 dev veth-out
ip -n outside link set veth-out up
ip -n outside link set lo up

start_daemon
# firewalld binds the veth to the default zone once NetworkManager says so; here by hand.
/usr/bin/firewall-cmd --zone=public --add-interface=veth-host >/dev/null

echo "{}" > "$work/daemon.json"
dockerd_start=$(date +%s.%N)
/usr/sbin/dockerd -H "$sock" --data-root "$work/docker" --exec-root /run/fwctl-docker/exec \
  --pidfile /run/fwctl-docker/docker.pid --storage-driver vfs --bip 10.231.0.1/24 \
  --userland-proxy=false --cgroup-parent "/$cgroup_parent" --config-file "$work/daemon.json" \
  > "$work/dockerd.log" 2>&1 &
pids+=("$!")
docker() { /usr/bin/docker -H "$sock" "$@"; }
wait_for "dockerd answers" docker version || { tail -30 "$work/dockerd.log"; exit 1; }
echo "dockerd up in $(awk "BEGIN{print $(date +%s.%N) - $dockerd_start}") s"

check "docker created its permanent zone" "yes" \
  "$(/usr/bin/firewall-cmd --permanent --get-zones | tr ' ' '\n' | grep -qx docker && echo yes)"
check "docker zone target" "ACCEPT" "$(/usr/bin/firewall-cmd --permanent --zone=docker --get-target)"
check "docker0 bound to the docker zone" "docker" \
  "$(/usr/bin/firewall-cmd --get-zone-of-interface=docker0 2>&1)"

# An image of busybox-static alone; a web server on 80 with a page of its own.
mkdir -p "$work/root/bin" "$work/root/www"
cp /bin/busybox "$work/root/bin/busybox"
ln -s busybox "$work/root/bin/sh"
echo "hello from the container" > "$work/root/www/index.html"
tar -C "$work/root" -c . | docker import - fwctl/busybox:test >/dev/null
docker run -d --name web -p 8080:80 fwctl/busybox:test /bin/busybox httpd -f -p 80 -h /www \
  > /dev/null

# The published port from outside (DNAT; there is no userland proxy) and the container's
# connection out (masqueraded: outside has no route to 10.231.0.0/24, and sees 10.232.0.1).
published() {
  ip netns exec outside python3 -c '
import sys, urllib.request
try:
    print(urllib.request.urlopen("http://10.232.0.1:8080/", timeout=3).read().decode().strip())
except OSError as e:
    print(e)
'
}
seen_from_outside() {
  ip netns exec outside python3 -c '
import socket
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.232.0.2", 9000))
s.listen(1)
s.settimeout(8)
try:
    c, peer = s.accept()
    print(peer[0])
except socket.timeout:
    print("nothing came")
' &
  local listener=$!
  sleep 0.3
  docker exec web /bin/busybox sh -c 'echo hi | busybox nc -w 3 10.232.0.2 9000' >/dev/null 2>&1 || true
  wait "$listener"
}
traffic() {  # traffic WHEN
  check "published port reachable from outside through DNAT ($1)" "hello from the container" \
    "$(published)"
  check "container masqueraded to outside ($1)" "10.232.0.1" "$(seen_from_outside)"
}
wait_for "the container serves" docker exec web /bin/busybox wget -q -O - http://127.0.0.1/ || true
traffic "after start"

/usr/bin/firewall-cmd --reload >/dev/null
wait_for "docker re-bound docker0 after the reload" \
  sh -c '[ "$(/usr/bin/firewall-cmd --get-zone-of-interface=docker0)" = docker ]' || true
traffic "after --reload"

stop_daemon
start_daemon
/usr/bin/firewall-cmd --zone=public --add-interface=veth-host >/dev/null
wait_for "docker re-bound docker0 after the restart" \
  sh -c '[ "$(/usr/bin/firewall-cmd --get-zone-of-interface=docker0)" = docker ]' || true
traffic "after a restart of the daemon"

if [ "$failures" -ne 0 ]; then
  echo "--- nft list ruleset"; nft list ruleset
  echo "--- dockerd.log (last 40 lines)"; tail -40 "$work/dockerd.log"
  for log in "$work"/daemon*.log; do echo "--- $log (last 40 lines)"; tail -40 "$log"; done
  exit 1
fi
echo "all checks passed"
