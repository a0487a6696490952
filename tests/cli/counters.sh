#!/usr/bin/env bash
# Issue 15: counters per zone element. fwctld (NftablesCounters=yes) runs in a network
# namespace on a private bus; a peer namespace opens N TCP connections to an open port and M to
# a closed one over a veth pair, and `fwctl --list-all --counters` must show N packets for the
# port (only a connection's first packet meets it: the rest is established) and M for the
# zone's target (the reject); --zero-counters starts over; --json carries the same counts;
# without NftablesCounters the answer is NOT_ENABLED.
#
#   counters.sh FWCTLD FWCTL SOURCE_DIR
#
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
fwctld=${1:?usage: counters.sh FWCTLD FWCTL SOURCE_DIR}
fwctl=${2:?}
src=${3:?}

source "$src/tests/cli/peer_lib.sh"
# IPv4 only: no neighbour discovery or MLD packet may reach the zone's counters.
peer_setup counters 10.97.1 ipv4-only
printf 'DefaultZone=public\nNftablesCounters=yes\n' > "$work/etc/firewalld.conf"
peer_start
connect() {  # connect PORT TIMES EXPECTED
  local i
  for i in $(seq "$2"); do
    check "connection $i to $1" "$3" \
      "$(ip netns exec "$peer" /usr/bin/python3 "$probe" tcp 10.97.1.2 10.97.1.1 "$1")"
  done
}
counter() {  # counter ELEMENT: "N packets" from --list-all --counters
  "$fwctl" --zone=public --list-all --counters | sed -n "s/^\t$1: \([0-9]*\) packets, .*/\1/p"
}

run_fwctl --zero-counters
check "after --zero-counters: port 8080/tcp counts 0" 0 "$(counter "port 8080\/tcp")"
connect 8080 5 accept
connect 23 3 reject
check "5 connections: port 8080/tcp counts 5 packets" 5 "$(counter "port 8080\/tcp")"
check "3 refused: target default counts 3 packets" 3 "$(counter "target default")"
check "ssh saw nothing" 0 "$(counter "service ssh, port 22\/tcp")"
listing=$("$fwctl" --zone=public --list-all --counters)
grep -q "^  ports: 8080/tcp$" <<< "$listing" && echo "ok: the listing is there too" \
  || { echo "FAIL: no listing:"; echo "$listing"; failures=$((failures + 1)); }
check "--info-zone=public --counters, the same count" 5 \
  "$("$fwctl" --info-zone=public --counters |
     sed -n 's/^\tport 8080\/tcp: \([0-9]*\) packets.*/\1/p')"
json=$("$fwctl" --json --info-zone=public --counters)
check "--json: the counts as a key" "5 3" "$(/usr/bin/python3 -c '
import json, sys
c = {e["element"]: e["packets"] for e in json.load(sys.stdin)["counters"]}
print(c["port 8080/tcp"], c["target default"])' <<< "$json")"
"$fwctl" --info-policy=allow-host-ipv6 --counters >/dev/null && echo "ok: a policy's counters" \
  || { echo "FAIL: --info-policy --counters"; failures=$((failures + 1)); }

run_fwctl --zero-counters
check "--zero-counters: from 0 again" 0 "$(counter "port 8080\/tcp")"
connect 8080 2 accept
check "then 2 connections: 2" 2 "$(counter "port 8080\/tcp")"

out=$("$fwctl" --permanent --list-all --counters 2>&1) && rc=0 || rc=$?
check "--counters with --permanent: usage error" 2 "$rc"
out=$("$fwctl" --zone=nosuch --list-all --counters 2>&1) && rc=0 || rc=$?
check "an unknown zone: INVALID_ZONE" 112 "$rc"

# Without NftablesCounters the rules have no counters: a clear error.
stop_fwctld
rm "$work/etc/firewalld.conf"
start_fwctld "$ns" "$work/etc" "$work/daemon2.log"
out=$("$fwctl" --list-all --counters 2>&1) && rc=0 || rc=$?
check "NftablesCounters=no: NOT_ENABLED" 12 "$rc"
grep -q "^Error: NOT_ENABLED: the rules have no counters: set NftablesCounters=yes" <<< "$out" \
  && echo "ok: it says how to turn them on" || { echo "FAIL: $out"; failures=$((failures + 1)); }

if [ "$failures" -ne 0 ]; then
  echo "--- daemon log"; cat "$work/daemon.log" || true
  exit 1
fi
echo "all checks passed"
