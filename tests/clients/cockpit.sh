#!/usr/bin/env bash
# cockpit 287's firewall page, as its bus traffic, against the firewall daemon (issue 12).
#
#   cockpit.sh DAEMON SOURCE_DIR   DAEMON: fwctld's path, or "firewalld" for the reference run
#
# cockpit itself needs a browser; what matters to the daemon is its pattern of calls, which
# tests/clients/cockpit_calls.py sends with dbus-python from 6 processes at once (hundreds of
# calls in flight, runtime and permanent edits together). The end state and the count of
# answers by outcome must be firewalld's (tests/clients/cockpit.expected, from a run against
# firewalld). FWCTL_CLIENT_EXPECT=write rewrites that file.
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh" cockpit "$@" /usr/bin/python3
expected=$src/tests/clients/cockpit.expected

start_daemon
/usr/bin/python3 "$src/tests/clients/cockpit_calls.py" 6 > "$work/state" 2> "$work/calls.err" ||
  { cat "$work/calls.err"; check "cockpit_calls.py runs" 0 1; }
if [ "${FWCTL_CLIENT_EXPECT:-}" = write ]; then cp "$work/state" "$expected"; fi
check "end state and answers as firewalld's" "$(cat "$expected")" "$(cat "$work/state")"
finish
