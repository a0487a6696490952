#!/usr/bin/env bash
# podman 4.3 with netavark 1.4 (Debian's) against the firewall daemon (issue 12).
#
#   podman.sh DAEMON SOURCE_DIR     DAEMON: fwctld's path, or "firewalld" for the reference run
#
# In a mount and network namespace of the script's own (tests/clients/lib.sh): rootful podman
# with its storage in a scratch directory (vfs), its run root, network configuration and tmp
# dir private, cgroupfs with a cgroup parent of its own, on a private system bus where DAEMON
# owns org.fedoraproject.FirewallD1. The image is a busybox-static root (`podman import`).
# netavark's default (iptables) firewall driver puts the network's subnet into the trusted zone
# with zone.changeZoneOfSource when the network comes up and takes it out with
# zone.removeSource when it goes down; its own rules are iptables rules (iptables-nft).
# Checks: the subnet is in `trusted` while a container runs, a published port is reachable
# from outside through DNAT, the container reaches outside masqueraded, the subnet leaves
# `trusted` with the last container; across a reload (netavark does not listen for Reloaded)
# `podman network reload` puts the binding back, and after a restart of the daemon; on a
# dual-stack network, both subnets in `trusted`, DNAT and masquerade over IPv6, both subnets
# out again.
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh" podman "$@" /usr/bin/podman /usr/lib/podman/netavark \
  /usr/bin/conmon /usr/sbin/runc /bin/busybox

on_cleanup() { podman_cleanup; }
podman_setup fwctl-podman-test
start_daemon
podman_image

sources() { "$fwcmd" --zone=trusted --list-sources; }
run_web() {  # run_web [NAME PORT PODMAN-RUN-OPTION...]: web on 8081 on podman's network
  local name=${1:-web} port=${2:-8081}
  shift 2 || true
  # Low limits: podman would raise them to 1048576, which needs a privilege a sandboxed CI
  # machine may not grant; lowering needs none.
  podman run -d --name "$name" --cgroup-parent "/$cgroup_parent" -p "$port:80" \
    --ulimit nofile=1024:1024 --ulimit nproc=1024:1024 "$@" \
    fwctl/busybox:test /bin/busybox httpd -f -p 80 -h /www > /dev/null
  wait_for "the container serves" podman exec "$name" /bin/busybox wget -q -O - \
    http://127.0.0.1/ || true
}
traffic() {  # traffic WHEN
  check "published port reachable from outside through DNAT ($1)" "hello from podman" \
    "$(from_outside_http http://10.232.0.1:8081/)"
  listen_outside 9001
  podman exec web /bin/busybox sh -c 'echo hi | busybox nc -w 3 10.232.0.2 9001' >/dev/null 2>&1 \
    || true
  check "container masqueraded to outside ($1)" "10.232.0.1" "$(peer_seen)"
}

run_web
check "changeZoneOfSource: the network's subnet in the trusted zone" "10.88.0.0/16" "$(sources)"
traffic "after start"
# The network goes with its last container: netavark removes its rules, then calls
# removeSource. The container is killed, not removed, so that it is podman's cleanup process
# that tears the network down: conmon starts it with an environment of its own (no
# DBUS_SYSTEM_BUS_ADDRESS), so its netavark finds the bus only at the usual address (lib.sh),
# as on a real host. `podman rm -f` would race that process and at times do it itself.
podman kill web >/dev/null
no_sources() { [ -z "$(sources)" ]; }
wait_for "removeSource: the subnet leaves the trusted zone with the last container" no_sources \
  && echo "ok: removeSource: the subnet leaves the trusted zone with the last container"
podman rm -f -t 0 web >/dev/null

run_web
check "the subnet in the trusted zone again" "10.88.0.0/16" "$(sources)"
"$fwcmd" --reload >/dev/null
check "the runtime binding is gone after --reload" "" "$(sources)"
# Deliberate difference: firewalld flushes the iptables tables on reload, netavark's rules with
# them; fwctld leaves them, so the published port still answers (through the DNAT rule and the
# firewall's "ct status dnat accept").
page=$(from_outside_http http://10.232.0.1:8081/)
reached=$([ "$page" = "hello from podman" ] && echo yes || echo no)
check "published port after --reload, before podman network reload" \
  "$([ "$daemon" = firewalld ] && echo no || echo yes)" "$reached"
podman network reload web >/dev/null 2>&1
check "podman network reload binds the subnet again" "10.88.0.0/16" "$(sources)"
traffic "after --reload and podman network reload"

# A restart of the daemon, as a reload: netavark does not listen for a new owner of the name.
stop_daemon
start_daemon
check "the runtime binding is gone after a restart" "" "$(sources)"
podman network reload web >/dev/null 2>&1
check "podman network reload binds the subnet again after a restart" "10.88.0.0/16" "$(sources)"
traffic "after a restart and podman network reload"

# IPv6: a dual-stack network of its own; netavark puts both subnets into trusted and takes
# both out again, and writes ip6tables rules for DNAT and masquerade.
# (podman warns that aardvark-dns, its DNS for named networks, is not installed: not needed.)
podman network create --ipv6 --subnet 10.89.0.0/24 --subnet fd00:89::/64 dual >/dev/null 2>&1
run_web web6 8082 --network dual
sorted_sources() { sources | tr ' ' '\n' | sort | paste -sd' '; }
check "both subnets of the dual-stack network in the trusted zone" \
  "10.88.0.0/16 10.89.0.0/24 fd00:89::/64" "$(sorted_sources)"
check "published port reachable from outside over IPv6 through DNAT" "hello from podman" \
  "$(from_outside_http "http://[fd00:232::1]:8082/")"
listen_outside 9004 fd00:232::2
podman exec web6 /bin/busybox sh -c 'echo hi | busybox nc -w 3 fd00:232::2 9004' >/dev/null \
  2>&1 || true
check "container masqueraded to outside over IPv6" "fd00:232::1" "$(peer_seen)"
podman kill web6 >/dev/null
only_default() { [ "$(sources)" = "10.88.0.0/16" ]; }
wait_for "removeSource: both subnets leave the trusted zone with the last container" \
  only_default && echo "ok: removeSource: both subnets leave the trusted zone"
podman rm -f -t 0 web6 >/dev/null
finish
