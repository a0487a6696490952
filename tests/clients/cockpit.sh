#!/usr/bin/env bash
# cockpit 287's firewall page against the firewall daemon (issue 12), in two parts:
#
#   cockpit.sh DAEMON SOURCE_DIR   DAEMON: fwctld's path, or "firewalld" for the reference run
#
# 1. tests/clients/cockpit_bridge.py runs Debian's cockpit-bridge (287.1, as root, on the
#    private bus) and talks to it as the page's JavaScript does (pkg/networkmanager/
#    firewall-client.js over the dbus-json3 channel): the bridge introspects the daemon's objects
#    to type the arguments. The page opens, its "Add services" dialog reads every service,
#    services are added and removed at runtime and permanently, a custom service is created
#    and edited (with reloads), a zone is activated and deactivated, and the daemon restarts
#    (this script does that when the driver asks) while the bridge runs.
# 2. tests/clients/cockpit_calls.py sends the page's pattern from 6 dbus-python connections at
#    once (hundreds of calls in flight, runtime and permanent edits together), which one bridge
#    connection does not.
# Each part's output must be firewalld's (cockpit_bridge.expected, cockpit.expected, from runs
# against firewalld). FWCTL_CLIENT_EXPECT=write rewrites those files.
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh" cockpit "$@" /usr/bin/python3 cockpit-bridge
dir=$src/tests/clients

start_daemon
/usr/bin/python3 "$dir/cockpit_calls.py" 6 > "$work/state" 2> "$work/calls.err" ||
  { cat "$work/calls.err"; check "cockpit_calls.py runs" 0 1; }
if [ "${FWCTL_CLIENT_EXPECT:-}" = write ]; then cp "$work/state" "$dir/cockpit.expected"; fi
check "6 connections: end state and answers as firewalld's" "$(cat "$dir/cockpit.expected")" \
  "$(cat "$work/state")"

/usr/bin/python3 "$dir/cockpit_bridge.py" "$work/restart" > "$work/page" 2> "$work/page.err" &
driver=$!
pids+=("$driver")
# No timeout of ours: the driver's own (60 s at most for any answer) ends it.
while [ ! -e "$work/restart" ] && kill -0 "$driver" 2>/dev/null; do sleep 0.1; done
if [ -e "$work/restart" ]; then
  stop_daemon
  start_daemon
  touch "$work/restarted"
fi
wait "$driver" || { cat "$work/page.err"; check "cockpit_bridge.py runs" 0 1; }
if [ "${FWCTL_CLIENT_EXPECT:-}" = write ]; then cp "$work/page" "$dir/cockpit_bridge.expected"; fi
check "cockpit-bridge: the page's answers, signals and state as firewalld's" \
  "$(cat "$dir/cockpit_bridge.expected")" "$(cat "$work/page")"
finish
