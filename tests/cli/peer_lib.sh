# Sourced by confirm.sh, counters.sh and trace.sh (issue 15), after they set fwctld, fwctl and
# src: fwctld in a network namespace on a private bus, a peer namespace joined to it by a veth
# pair (fw0 SUBNET.1 on fwctld's side, p0 SUBNET.2 on the peer's), fw0 in zone public with TCP
# port 8080 open, and tests/cli/why_probe.py listening on it.
#
#   peer_setup NAME SUBNET [ipv4-only]   # bus, namespaces, link; $work/etc for firewalld.conf
#   peer_start                           # fwctld, the binding, the port, the listener
#
# Sets work, ns, peer and probe, defines run_fwctl. At exit peer_cleanup_hook runs if the test
# defines one, the listener is killed, the peer deleted, then harness_cleanup runs.
source "$src/tests/lib/fwctld_harness.sh"
require_root "network namespaces, nftables" /usr/bin/python3 nft

listener=""
peer_cleanup() {
  declare -F peer_cleanup_hook >/dev/null && peer_cleanup_hook
  [ -n "$listener" ] && kill "$listener" 2>/dev/null || true
  harness_cleanup
}

peer_setup() {  # peer_setup NAME SUBNET [ipv4-only]
  work=$(mktemp -d "/tmp/fwctl-$1.XXXXXX")
  peer=fwctl-$1-peer-$$
  trap peer_cleanup EXIT
  start_bus
  add_netns "fwctl-$1-$$"
  add_peer_netns "$peer"
  ip -n "$ns" link add fw0 type veth peer name p0 netns "$peer"
  if [ "${3:-}" = ipv4-only ]; then
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.fw0.disable_ipv6=1
    ip netns exec "$peer" sysctl -qw net.ipv6.conf.p0.disable_ipv6=1
  fi
  ip -n "$ns" addr add "$2.1/24" dev fw0
  ip -n "$peer" addr add "$2.2/24" dev p0
  ip -n "$ns" link set fw0 up
  ip -n "$peer" link set p0 up
  mkdir -p "$work/etc"
}

run_fwctl() { "$fwctl" "$@" >/dev/null 2>&1 || { echo "FAIL: fwctl $*"; exit 1; }; }

peer_start() {
  start_fwctld "$ns" "$work/etc" "$work/daemon.log"
  run_fwctl --zone=public --add-interface=fw0
  run_fwctl --zone=public --add-port=8080/tcp
  probe=$src/tests/cli/why_probe.py
  local fifo=$work/listening line=""
  mkfifo "$fifo"
  ip netns exec "$ns" /usr/bin/python3 -u "$probe" listen > "$fifo" &
  listener=$!
  read -r -t 10 line < "$fifo" || true
  [ "$line" = listening ] || { echo "FAIL: no listener"; exit 1; }
}
