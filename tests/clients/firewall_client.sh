#!/usr/bin/env bash
# python3-firewall's FirewallClient (firewall-config's and ansible.posix.firewalld's client
# library) against the firewall daemon (issue 12).
#
#   firewall_client.sh DAEMON SOURCE_DIR   DAEMON: fwctld's path, or "firewalld" for the reference
#
# tests/clients/firewall_client.py makes the calls ansible.posix.firewalld makes (runtime and
# permanent, every element it manages, a zone created and removed) and what firewall-config
# reads at start, printing each answer; the output must be firewalld's
# (tests/clients/firewall_client.expected). FWCTL_CLIENT_EXPECT=write rewrites that file.
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh" firewall_client "$@" /usr/bin/python3
expected=$src/tests/clients/firewall_client.expected

start_daemon
/usr/bin/python3 "$src/tests/clients/firewall_client.py" > "$work/out" 2> "$work/err" ||
  { cat "$work/err"; check "firewall_client.py runs" 0 1; }
if [ "${FWCTL_CLIENT_EXPECT:-}" = write ]; then cp "$work/out" "$expected"; fi
check "every answer as firewalld's" "$(cat "$expected")" "$(cat "$work/out")"
finish
