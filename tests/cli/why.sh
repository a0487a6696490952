#!/usr/bin/env bash
# Issue 15: `fwctl --why` agrees with the kernel. fwctld runs in a network namespace on a private
# bus with a runtime configuration (zones bound by interface and by source, a rich rule, an ICMP
# block, a forward port); a peer namespace sends each packet of the table below over veth pairs
# (tests/cli/why_probe.py says what the kernel did: accept, reject or drop), and fwctl --why,
# asking the daemon, must predict the same verdict and name the expected origin.
#
#   why.sh FWCTLD FWCTL SOURCE_DIR
#
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
fwctld=${1:?usage: why.sh FWCTLD FWCTL SOURCE_DIR}
fwctl=${2:?}
src=${3:?}

source "$src/tests/lib/fwctld_harness.sh"
require_root "network namespaces, nftables" /usr/bin/python3

work=$(mktemp -d /tmp/fwctl-why.XXXXXX)
peer=fwctl-why-peer-$$
far=fwctl-why-far-$$
listeners=()
cleanup() {
  local pid
  for pid in "${listeners[@]}"; do kill "$pid" 2>/dev/null || true; done
  harness_cleanup
}
trap cleanup EXIT
start_bus
add_netns "fwctl-why-$$"
add_peer_netns "$peer"
add_peer_netns "$far"
# fw0 (zone public) and fw1 (zone drop) in the firewall's namespace, p0 and p1 in the peer's;
# fw2 (zone internal) to q0 in the far namespace, which the peer reaches through the firewall.
ip -n "$ns" link add fw0 type veth peer name p0 netns "$peer"
ip -n "$ns" link add fw1 type veth peer name p1 netns "$peer"
ip -n "$ns" link add fw2 type veth peer name q0 netns "$far"
ip -n "$ns" addr add 10.99.3.1/24 dev fw2
ip -n "$far" addr add 10.99.3.2/24 dev q0
ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=1
ip -n "$ns" addr add 10.99.1.1/24 dev fw0
ip -n "$ns" addr add fd99:1::1/64 dev fw0 nodad
ip -n "$ns" addr add 10.99.2.1/24 dev fw1
for a in 10.99.1.2/24 10.99.1.3/24 10.99.1.4/24; do ip -n "$peer" addr add "$a" dev p0; done
ip -n "$peer" addr add fd99:1::2/64 dev p0 nodad
ip -n "$peer" addr add 10.99.2.2/24 dev p1
for l in fw0 fw1 fw2; do ip -n "$ns" link set "$l" up; done
for l in p0 p1; do ip -n "$peer" link set "$l" up; done
ip -n "$far" link set q0 up
ip -n "$peer" route add 10.99.3.0/24 via 10.99.1.1
ip -n "$far" route add default via 10.99.3.1

mkdir -p "$work/etc"
start_fwctld "$ns" "$work/etc" "$work/daemon.log"
run_fwctl() { "$fwctl" "$@" >/dev/null || { echo "FAIL: fwctl $*"; exit 1; }; }
run_fwctl --zone=public --add-interface=fw0
run_fwctl --zone=drop --add-interface=fw1
run_fwctl --zone=internal --add-interface=fw2
run_fwctl --zone=trusted --add-source=10.99.1.3
run_fwctl --zone=public --add-port=8080/tcp --add-port=9999/udp
run_fwctl --zone=public --add-forward-port=port=8081:proto=tcp:toport=22
run_fwctl --zone=public --add-forward-port=port=8082:proto=tcp:toport=22:toaddr=10.99.3.2
reject_rule='rule family="ipv4" source address="10.99.1.4" port port="8080" protocol="tcp" reject'
run_fwctl --zone=public --add-rich-rule="$reject_rule"
run_fwctl --zone=public --add-rich-rule='rule family="ipv6" icmp-block name="echo-request"'

probe=$src/tests/cli/why_probe.py
# The listener says "listening" on a fifo once its sockets are bound: no sleeps. `ip netns exec`
# execs python, so $! is the listener itself.
start_listener() {  # start_listener NS
  local fifo=$work/listening-$1 line
  mkfifo "$fifo"
  ip netns exec "$1" /usr/bin/python3 -u "$probe" listen > "$fifo" &
  listeners+=("$!")
  read -r -t 10 line < "$fifo" || true
  [ "$line" = listening ] || { echo "FAIL: no listener in $1"; exit 1; }
}
start_listener "$ns"
start_listener "$peer"
start_listener "$far"

# one_case PACKET PROBE-ARGUMENTS SENDER-NAMESPACE WORDS: the kernel's verdict on the packet (sent
# by the probe) must be the one fwctl --why predicts, and the report must hold WORDS.
cases=0
one_case() {
  local packet=$1 args=$2 sender=$3 words=$4 kernel report predicted
  cases=$((cases + 1))
  # shellcheck disable=SC2086 # the probe's arguments are words
  kernel=$(ip netns exec "$sender" /usr/bin/python3 "$probe" $args)
  if ! report=$("$fwctl" --why "$packet" --default-config "$src" \
    --system-config "$work/etc" 2>&1); then
    echo "FAIL: fwctl --why '$packet' failed:"; echo "$report"; failures=$((failures + 1)); return
  fi
  predicted=$(sed -n 's/^verdict: //p' <<< "$report")
  check "kernel and --why agree ($kernel): $packet" "$kernel" "$predicted"
  if ! grep -qF -- "$words" <<< "$report"; then
    echo "FAIL: the report on '$packet' does not say: $words"; echo "$report"
    failures=$((failures + 1))
  fi
}
one_case "tcp 10.99.1.2:40000 -> 10.99.1.1:22 in fw0" "tcp 10.99.1.2 10.99.1.1 22" "$peer" \
  "zone public, service ssh, port 22/tcp: accept"
one_case "tcp 10.99.1.2 -> 10.99.1.1:23 in fw0" "tcp 10.99.1.2 10.99.1.1 23" "$peer" \
  "zone public, target default: reject"
one_case "tcp 10.99.2.2 -> 10.99.2.1:22 in fw1" "tcp 10.99.2.2 10.99.2.1 22" "$peer" \
  "zone drop, target DROP: drop"
one_case "tcp 10.99.1.3 -> 10.99.1.1:23 in fw0" "tcp 10.99.1.3 10.99.1.1 23" "$peer" \
  "zone trusted, target ACCEPT: accept"
one_case "tcp 10.99.1.2 -> 10.99.1.1:8080 in fw0" "tcp 10.99.1.2 10.99.1.1 8080" "$peer" \
  "zone public, port 8080/tcp: accept"
one_case "tcp 10.99.1.4 -> 10.99.1.1:8080 in fw0" "tcp 10.99.1.4 10.99.1.1 8080" "$peer" \
  "zone public, rich rule '$reject_rule': reject"
one_case "udp 10.99.1.2 -> 10.99.1.1:9999 in fw0" "udp 10.99.1.2 10.99.1.1 9999" "$peer" \
  "zone public, port 9999/udp: accept"
one_case "udp 10.99.1.2 -> 10.99.1.1:9998 in fw0" "udp 10.99.1.2 10.99.1.1 9998" "$peer" \
  "zone public, target default: reject"
one_case "icmp 10.99.1.2 -> 10.99.1.1 echo-request in fw0" "icmp 10.99.1.2 10.99.1.1" "$peer" \
  "zone public, target default: accept"
one_case "icmp 10.99.2.2 -> 10.99.2.1 echo-request in fw1" "icmp 10.99.2.2 10.99.2.1" "$peer" \
  "zone drop, target DROP: drop"
one_case "icmpv6 fd99:1::2 -> fd99:1::1 echo-request in fw0" "icmpv6 fd99:1::2 fd99:1::1" \
  "$peer" "icmp-block name=\"echo-request\"': reject"
one_case "tcp [fd99:1::2]:40000 -> [fd99:1::1]:22 in fw0" "tcp fd99:1::2 fd99:1::1 22" "$peer" \
  "zone public, service ssh, port 22/tcp: accept"
one_case "tcp fd99:1::2 -> [fd99:1::1]:23 in fw0" "tcp fd99:1::2 fd99:1::1 23" "$peer" \
  "zone public, target default: reject"
one_case "tcp 10.99.1.2 -> 10.99.1.1:8081 in fw0" "tcp 10.99.1.2 10.99.1.1 8081" "$peer" \
  "firewalld's built-in rule: accept"
one_case "tcp 10.99.1.1 -> 10.99.1.2:22 out fw0" "tcp 10.99.1.1 10.99.1.2 22" "$ns" \
  "base chains' policy accept"
one_case "tcp 10.99.1.2 -> 10.99.3.2:22 in fw0 out fw2" "tcp 10.99.1.2 10.99.3.2 22" "$peer" \
  "zone public, target default: reject"
one_case "tcp 10.99.1.3 -> 10.99.3.2:22 in fw0 out fw2" "tcp 10.99.1.3 10.99.3.2 22" "$peer" \
  "zone trusted, target ACCEPT: accept"
one_case "tcp 10.99.1.2 -> 10.99.1.1:8082 in fw0" "tcp 10.99.1.2 10.99.1.1 8082" "$peer" \
  "zone public, forward-port 8082/tcp to 10.99.3.2:22"

# --offline asks the files, which hold none of the runtime changes: fw0 is in no zone there (the
# default zone, public, takes it) and 8080/tcp is closed.
offline=$("$fwctl" --why "tcp 10.99.1.2 -> 10.99.1.1:8080 in fw0" --offline \
  --default-config "$src" --system-config "$work/etc" | sed -n 's/^verdict: //p')
check "--offline answers from the files" reject "$offline"
echo "$((cases - failures)) of $cases cases agree"
[ "$failures" = 0 ]
