# Sourced by the client tests (tests/clients/*.sh): the firewall daemon on a private system bus,
# with the client, in a mount and network namespace of the test's own, and a second namespace
# "outside" (10.232.0.2) behind the host's veth (10.232.0.1).
#
#   source lib.sh NAME DAEMON SOURCE_DIR TOOL...  # re-runs the script in new mount + network
#                                              # namespaces; exit 77 without root or a TOOL
#   start_daemon / stop_daemon                 # DAEMON: fwctld's path, or "firewalld"
#                                              # (fwctld's --default-config: $default_config,
#                                              # the source tree unless set)
#   check WHAT EXPECTED ACTUAL, wait_for WHAT COMMAND...
#   from_outside_http URL                      # the page, or the error, seen from outside
#   listen_outside PORT [ADDR]; peer_seen      # the peer address of the first connection to
#                                              # outside's ADDR:PORT (10.232.0.2 unless
#                                              # given; 8 s at most), or "nothing came"
#   finish                                     # exit 1 with the logs when a check failed
# The command-line client is $fwcmd: FWCTL_CLI (ctest passes the built fwctl) or Debian's
# firewall-cmd.
# The script sets on_cleanup (a function) for what it started itself; pids are killed after.
# Exposes $work (removed on exit), $src, $daemon, $failures. A private /run (tmpfs) holds the
# sockets, the xtables lock and the netns files; the private bus is also at the system bus's
# usual address there, /run/dbus/system_bus_socket. FWCTL_CLIENT_MONITOR=FILE records the bus
# traffic (dbus-monitor) into FILE.
client=$1
daemon=${2:?usage: $client.sh DAEMON SOURCE_DIR}
src=${3:?usage: $client.sh DAEMON SOURCE_DIR}
shift 3
src=$(cd "$src" && pwd)
export fwcmd=${FWCTL_CLI:-/usr/bin/firewall-cmd}

if [ -z "${FWCTL_CLIENT_INNER:-}" ]; then
  [ "$(id -u)" = 0 ] || { echo "SKIP: needs root (namespaces, $client)"; exit 77; }
  for tool in dbus-daemon unshare iptables "$fwcmd" python3 "$@"; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
  done
  FWCTL_CLIENT_INNER=1 exec unshare --mount --net --propagation private "$0" "$daemon" "$src"
fi

work=$(mktemp -d "/tmp/fwctl-$client.XXXXXX")
chmod 0755 "$work"
failures=0
pids=()
on_cleanup() { :; }
cleanup() {
  set +e
  on_cleanup
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do timeout 10 tail --pid="$pid" -f /dev/null; done
  delete_peer_netns
  umount -l /run 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
mount -t tmpfs tmpfs /run
ip link set lo up

# start_bus, add_peer_netns, check
source "$src/tests/lib/fwctld_harness.sh"

# Polls COMMAND (at most 20 s, or $wait_tenths tenths) until it succeeds; no fixed sleeps.
wait_for() {  # wait_for WHAT COMMAND...
  local what=$1 tenths=${wait_tenths:-200}
  shift
  for _ in $(seq "$tenths"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "FAIL: $what ($((tenths / 10)) s)"
  failures=$((failures + 1))
  return 1
}

# The private system bus.
start_bus
pids+=("$bus_pid")
# Not every process of a client inherits DBUS_SYSTEM_BUS_ADDRESS: podman's conmon runs its exit
# command (`podman container cleanup`, whose netavark calls removeSource) with an environment of
# its own, so the bus must answer where the real system bus would.
mkdir -p /run/dbus
ln -s "$work/bus" /run/dbus/system_bus_socket
if [ -n "${FWCTL_CLIENT_MONITOR:-}" ]; then
  dbus-monitor --system > "$FWCTL_CLIENT_MONITOR" 2>&1 &
  pids+=("$!")
fi
mkdir -p "$work/etc"
printf 'DefaultZone=public\nFirewallBackend=nftables\n' > "$work/etc/firewalld.conf"

daemon_pid=""
daemon_runs=0
# firewalld binds the veth to the default zone once NetworkManager says so; here by hand.
start_daemon() {
  daemon_runs=$((daemon_runs + 1))
  local log=$work/daemon$daemon_runs.log
  if [ "$daemon" = firewalld ]; then
    /usr/sbin/firewalld --nofork --nopid --system-config "$work/etc" --log-target file \
      --log-file "$log" > "$log.out" 2>&1 &
  else
    "$daemon" --nofork --nopid --default-config "${default_config:-$src}" \
      --system-config "$work/etc" \
      --log-target file --log-file "$log" > "$log.out" 2>&1 &
  fi
  daemon_pid=$!
  pids+=("$daemon_pid")
  wait_for "the firewall daemon answers" "$fwcmd" --state
  "$fwcmd" --zone=public --add-interface=veth-host >/dev/null
}
stop_daemon() {
  kill "$daemon_pid"
  timeout 20 tail --pid="$daemon_pid" -f /dev/null
}

# The world outside the host: 10.232.0.2 and fd00:232::2, behind the host's 10.232.0.1 and
# fd00:232::1.
add_peer_netns outside
ip link add veth-host type veth peer name veth-out netns outside
ip addr add 10.232.0.1/24 dev veth-host
ip -6 addr add fd00:232::1/64 dev veth-host nodad
ip link set veth-host up
ip -n outside addr add 10.232.0.2/24 dev veth-out
ip -n outside -6 addr add fd00:232::2/64 dev veth-out nodad
ip -n outside link set veth-out up

from_outside_http() {  # from_outside_http URL
  ip netns exec outside python3 -c '
import sys, urllib.request
try:
    print(urllib.request.urlopen(sys.argv[1], timeout=3).read().decode().strip())
except OSError as e:
    print(e)
' "$1"
}

listen_outside() {  # listen_outside PORT [ADDRESS]
  ip netns exec outside python3 -c '
import socket, sys
address = sys.argv[2] if len(sys.argv) > 2 else "10.232.0.2"
s = socket.socket(socket.AF_INET6 if ":" in address else socket.AF_INET)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((address, int(sys.argv[1])))
s.listen(1)
s.settimeout(8)
try:
    c, peer = s.accept()
    print(peer[0])
except socket.timeout:
    print("nothing came")
' "$@" > "$work/peer" &
  listener=$!
  wait_for "the listener outside" sh -c "ip netns exec outside ss -Htln | grep -q ':$1 '"
}

peer_seen() {
  wait "$listener" || true
  cat "$work/peer"
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "--- nft list ruleset"; nft list ruleset
    for log in "$work"/*.log; do echo "--- $log (last 40 lines)"; tail -40 "$log"; done
    exit 1
  fi
  echo "all checks passed"
}

# The podman tests (podman.sh, netavark_firewalld.sh): rootful podman with its storage in a
# scratch directory (vfs), its run root, network configuration and tmp dir private, cgroupfs
# with a cgroup parent of its own.
#   podman_setup NAME     # the cgroup parent NAME-PID ($cgroup_parent); run before podman
#   podman ARG...         # podman so configured
#   podman_cleanup        # for on_cleanup: removes the containers and the cgroups
#   podman_image          # imports fwctl/busybox:test: a busybox-static root whose /www holds
#                         # index.html, "hello from podman"
podman_setup() {
  cgroup_parent=$1-$$
  mkdir -p /run/fwctl-podman/tmp "$work/networks"
  # podman keeps an image cache in /var/lib/containers whatever --root says; nothing else of
  # the tests reads /var/lib.
  mount -t tmpfs tmpfs /var/lib
}
podman() {
  /usr/bin/podman --root "$work/storage" --runroot /run/fwctl-podman --storage-driver vfs \
    --cgroup-manager cgroupfs --events-backend file --network-config-dir "$work/networks" \
    --tmpdir /run/fwctl-podman/tmp --runtime /usr/sbin/runc "$@"
}
podman_cleanup() {
  podman rm -f -a -t 0 >/dev/null 2>&1
  umount -l /var/lib
  for d in /sys/fs/cgroup/*/"$cgroup_parent"; do
    [ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} + 2>/dev/null
  done
}
podman_image() {
  mkdir -p "$work/root/bin" "$work/root/www"
  cp /bin/busybox "$work/root/bin/busybox"
  ln -s busybox "$work/root/bin/sh"
  echo "hello from podman" > "$work/root/www/index.html"
  tar -C "$work/root" -c . | podman import - fwctl/busybox:test >/dev/null 2>&1
}
