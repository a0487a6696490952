#!/usr/bin/env bash
# Issue 4: the introspection of every object of fwctld equals firewalld 1.3.3's.
#
#   introspection.sh FWCTLD SOURCE_DIR
#
# fwctld in a network namespace of its own with a private system bus (as daemon_firewall_cmd.sh);
# introspection_walk.py walks its object tree from "/" with python3-dbus and compares every answer
# with tests/data/firewalld-1.3.3-introspection/ (what "equal" means is written there). Then
# Debian's python firewall-cmd, which builds its calls from that introspection, must still work.
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
fwctld=${1:?usage: introspection.sh FWCTLD SOURCE_DIR}
src=${2:?usage: introspection.sh FWCTLD SOURCE_DIR}

source "$src/tests/lib/fwctld_harness.sh"
require_root "network namespace, nftables" /usr/bin/python3 /usr/bin/firewall-cmd
/usr/bin/python3 -c 'import dbus' 2>/dev/null ||
  { echo "SKIP: python3-dbus is not installed"; exit 77; }

work=$(mktemp -d /tmp/fwctl-introspection-test.XXXXXX)
trap harness_cleanup EXIT
start_bus
add_netns "fwctl-intro-$$"
mkdir -p "$work/etc"
start_fwctld "$ns" "$work/etc" "$work/daemon.log"

/usr/bin/python3 "$src/tests/integration/introspection_walk.py" \
  "$src/tests/data/firewalld-1.3.3-introspection" || failures=$((failures + 1))

# firewall-cmd's proxies introspect each object first and marshal their calls by what it says.
fwcmd() { /usr/bin/firewall-cmd "$@"; }
check "firewall-cmd --state" "running" "$(fwcmd --state)"
check "firewall-cmd --get-default-zone" "public" "$(fwcmd --get-default-zone)"
check "firewall-cmd --permanent --get-zones" \
  "block dmz drop external home internal public trusted work" "$(fwcmd --permanent --get-zones)"
check "firewall-cmd --add-port (sssi)" "success" "$(fwcmd --zone=public --add-port=8080/tcp)"
check "firewall-cmd --query-port" "yes" "$(fwcmd --zone=public --query-port=8080/tcp)"
check "firewall-cmd --list-ports" "8080/tcp" "$(fwcmd --zone=public --list-ports)"

if [ "$failures" -ne 0 ]; then
  echo "--- daemon log"; cat "$work/daemon.log" || true
  exit 1
fi
echo "all checks passed"
