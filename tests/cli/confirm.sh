#!/usr/bin/env bash
# Issue 15: changes that undo themselves. fwctld runs in a network namespace on a private bus;
# a peer namespace connects over a veth pair to TCP port 8080, which the runtime opens. A change
# that closes it, made with --confirm=TIME and not confirmed, must be undone by fwctld itself
# (traffic flows again, the ruleset is the one before, the log says so); confirmed, it stays;
# a reload with --confirm=TIME comes back the same way; a second --confirm with nothing
# pending, and a second --confirm=TIME while one is pending, are clear errors.
#
#   confirm.sh FWCTLD FWCTL SOURCE_DIR
#
# The waits for fwctld's revert are bounded polls of its log (no timed assertion); the one
# check that nothing happens after a deadline sleeps past it. Exits 77 (skipped) when not root
# or when a tool is missing.
set -euo pipefail
fwctld=${1:?usage: confirm.sh FWCTLD FWCTL SOURCE_DIR}
fwctl=${2:?}
src=${3:?}

source "$src/tests/cli/peer_lib.sh"
peer_setup confirm 10.98.1
peer_start

traffic() { ip netns exec "$peer" /usr/bin/python3 "$probe" tcp 10.98.1.2 10.98.1.1 8080; }
ruleset() { ip netns exec "$ns" nft -s list table inet firewalld; }
reverts() { grep -c "not confirmed in time" "$work/daemon.log" || true; }
# Waits (at most 30 s) until fwctld has logged revert number $1.
wait_revert() {
  local _
  for _ in $(seq 300); do
    [ "$(reverts)" -ge "$1" ] && return 0
    sleep 0.1
  done
  echo "FAIL: fwctld logged no revert within 30 s"; failures=$((failures + 1))
}

check "port 8080 open before any change" accept "$(traffic)"
before=$(ruleset)

# 1. Not confirmed: the change goes back by itself.
out=$("$fwctl" --zone=public --remove-port=8080/tcp --confirm=2 2>"$work/err") && rc=0 || rc=$?
check "--remove-port --confirm=2 succeeds" "0 success" "$rc $out"
check "--confirm=2 says how to keep it" \
  "The runtime changes are undone in 2 s unless confirmed: fwctl --confirm" "$(cat "$work/err")"
check "the change is in force: 8080 refused" reject "$(traffic)"
wait_revert 1
check "not confirmed: 8080 open again" accept "$(traffic)"
check "not confirmed: the port is back at runtime" yes \
  "$("$fwctl" --zone=public --query-port=8080/tcp)"
check "not confirmed: the ruleset is the one before the change" "$before" "$(ruleset)"
grep -q "WARNING: Runtime changes not confirmed in time" "$work/daemon.log" \
  && echo "ok: the log says the change was undone" \
  || { echo "FAIL: no WARNING line in the log"; failures=$((failures + 1)); }

# 2. Confirmed (from another fwctl process): the change stays past the deadline.
run_fwctl --zone=public --remove-port=8080/tcp --confirm=1
check "--confirm keeps it" success "$("$fwctl" --confirm 2>&1)"
sleep 2  # past the deadline: nothing may come back
check "confirmed: 8080 stays refused" reject "$(traffic)"
check "confirmed: no revert logged" 1 "$(reverts)"

# 3. Nothing pending: a clear error, nothing changes.
out=$("$fwctl" --confirm 2>&1) && rc=0 || rc=$?
check "a second --confirm: NOT_ENABLED" "12 Error: NOT_ENABLED: no change waits for confirmation" \
  "$rc $out"

# 4. A reload with --confirm: the runtime port goes with the reload, and comes back.
run_fwctl --zone=public --add-port=8080/tcp
check "port open at runtime again" accept "$(traffic)"
before=$(ruleset)
run_fwctl --reload --confirm=2
check "after the reload 8080 is refused (the files do not open it)" reject "$(traffic)"
wait_revert 2
check "reload not confirmed: 8080 open again" accept "$(traffic)"
check "reload not confirmed: the ruleset is the one before the reload" "$before" "$(ruleset)"

# 5. One pending at a time: the second is refused before it changes anything.
run_fwctl --zone=public --add-port=7001/tcp --confirm=60
out=$("$fwctl" --zone=public --add-port=7002/tcp --confirm=60 2>&1) && rc=0 || rc=$?
check "a second --confirm=TIME while one is pending: ALREADY_ENABLED" 11 "$rc"
grep -q "^Error: ALREADY_ENABLED: a change already waits for confirmation (" <<< "$out" \
  && echo "ok: it says why" || { echo "FAIL: $out"; failures=$((failures + 1)); }
check "the second change was not made" no "$("$fwctl" --zone=public --query-port=7002/tcp)"
check "the first pending is kept by --confirm" success "$("$fwctl" --confirm 2>&1)"
check "and stays" yes "$("$fwctl" --zone=public --query-port=7001/tcp)"

# 6. Usage errors: exit 2, nothing asked of the daemon.
usage() {  # usage WHAT ARG...
  local what=$1 rc=0
  shift
  "$fwctl" "$@" >/dev/null 2>&1 || rc=$?
  check "usage error: $what" 2 "$rc"
}
usage "--confirm=TIME alone" --confirm=30
usage "--confirm=TIME with --permanent" --permanent --add-port=1/tcp --confirm=30
usage "--confirm=TIME with a query" --query-port=1/tcp --confirm=30
usage "bare --confirm with a change" --add-port=1/tcp --confirm
usage "a time that is none" --add-port=1/tcp --confirm=soon
check "no confirmation pending after the usage errors" \
  "12" "$("$fwctl" --confirm >/dev/null 2>&1; echo $?)"

if [ "$failures" -ne 0 ]; then
  echo "--- daemon log"; cat "$work/daemon.log" || true
  exit 1
fi
echo "all checks passed"
