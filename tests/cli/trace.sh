#!/usr/bin/env bash
# Issue 15, "why, live": `fwctl --trace` shows the kernel's own verdict on real packets with the
# rule that decided it in firewalld's words. fwctld runs in a network namespace on a private
# bus; fwctl --trace runs in the same namespace (the trace group is per namespace), a peer
# namespace sends TCP connections over a veth pair: to ssh (accepted by the service), to 8080
# (opened at runtime) and to 23 (closed: the zone's target rejects). Each trace must name the
# deciding origin and the verdict; after fwctl exits the ruleset is exactly the one before.
#
#   trace.sh FWCTLD FWCTL SOURCE_DIR
#
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
fwctld=${1:?usage: trace.sh FWCTLD FWCTL SOURCE_DIR}
fwctl=${2:?}
src=${3:?}

source "$src/tests/cli/peer_lib.sh"
tracer=""
peer_cleanup_hook() { [ -n "$tracer" ] && kill "$tracer" 2>/dev/null || true; }
peer_setup trace 10.96.1
peer_start
ruleset() { ip netns exec "$ns" nft -s list table inet firewalld; }
before=$(ruleset)

# trace_case PORT KERNEL-VERDICT WORDS: fwctl --trace for one packet to PORT while the peer
# connects; the kernel's verdict (the probe's) and the trace's must agree, with WORDS.
trace_case() {
  local port=$1 expected=$2 words=$3 out=$work/trace-$1 ready=$work/ready-$1 kernel
  mkfifo "$ready"
  ip netns exec "$ns" "$fwctl" --trace="tcp 10.96.1.2 -> 10.96.1.1:$port in fw0" --count=1 \
    > "$out" 2> "$ready" &
  tracer=$!
  read -r -t 10 line < "$ready" || true
  case "$line" in tracing*) ;; *) echo "FAIL: fwctl --trace did not start: $line"; exit 1 ;; esac
  kernel=$(ip netns exec "$peer" /usr/bin/python3 "$probe" tcp 10.96.1.2 10.96.1.1 "$port")
  check "the kernel's verdict on port $port" "$expected" "$kernel"
  for _ in $(seq 100); do kill -0 "$tracer" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$tracer" 2>/dev/null; then
    echo "FAIL: fwctl --trace --count=1 still runs 10 s after the packet"
    failures=$((failures + 1))
    kill -INT "$tracer"
  fi
  wait "$tracer" || { echo "FAIL: fwctl --trace exited $?"; failures=$((failures + 1)); }
  tracer=""
  check "trace of port $port: verdict" "verdict: $expected" "$(grep '^verdict:' "$out")"
  grep -qF -- "$words" "$out" && echo "ok: trace of port $port names: $words" \
    || { echo "FAIL: the trace of port $port does not say: $words"; cat "$out"
         failures=$((failures + 1)); }
}
trace_case 22 accept "zone public, service ssh, port 22/tcp: accept"
trace_case 8080 accept "zone public, port 8080/tcp: accept"
trace_case 23 reject "zone public, target default: reject"
grep -q "filter_INPUT_ZONES: .*# zone public, interface fw0" "$work/trace-23" \
  && echo "ok: the path names the zone's dispatch" \
  || { echo "FAIL: no dispatch line"; cat "$work/trace-23"; failures=$((failures + 1)); }
check "after --trace the ruleset is the one before" "$before" "$(ruleset)"

# Ctrl-C ends an endless trace, and it still cleans up.
ip netns exec "$ns" "$fwctl" --trace > /dev/null 2> "$work/ready-all" &
tracer=$!
for _ in $(seq 100); do grep -q tracing "$work/ready-all" && break; sleep 0.1; done
ip netns exec "$ns" nft list chain inet firewalld fwctl_trace_PREROUTING >/dev/null 2>&1 \
  && echo "ok: the trace chain is there while tracing" \
  || { echo "FAIL: no trace chain while tracing"; failures=$((failures + 1)); }
kill -INT "$tracer"
wait "$tracer" && rc=0 || rc=$?
tracer=""
check "Ctrl-C: exit 0" 0 "$rc"
check "after Ctrl-C the ruleset is the one before" "$before" "$(ruleset)"

out=$("$fwctl" --trace --list-all 2>&1) && rc=0 || rc=$?
check "--trace with another option: usage error" 2 "$rc"
out=$("$fwctl" --trace='tcp nonsense' 2>&1) && rc=0 || rc=$?
check "a pattern that is no packet: INVALID_RULE" 122 "$rc"

if [ "$failures" -ne 0 ]; then
  echo "--- daemon log"; cat "$work/daemon.log" || true
  exit 1
fi
echo "all checks passed"
