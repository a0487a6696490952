#!/usr/bin/env bash
# Installs what is missing, builds, and runs fwctld on the built-in defaults (this repository is
# the --default-config tree).
#
#   scripts/run.sh          inside a throwaway network namespace with a private D-Bus: whatever it
#                           programs cannot lock anyone out of this machine
#   scripts/run.sh --host   for real, on this host's network and system bus
#
# Extra arguments go to fwctld (e.g. --debug).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --test
FWCTL_BUILD_DIR=$root/build "$root/scripts/build.sh"
fwctld=$root/build/daemon/fwctld

if [ "${1:-}" = "--host" ]; then
  shift
  exec "$fwctld" --nofork --default-config "$root" "$@"
fi

work=$(mktemp -d /tmp/fwctl-try.XXXXXX)
src=$root
# shellcheck source=../tests/lib/fwctld_harness.sh
source "$root/tests/lib/fwctld_harness.sh"
trap harness_cleanup EXIT
mkdir -p "$work/etc"
start_bus
add_netns "fwctl-try-$$"
bus=$DBUS_SYSTEM_BUS_ADDRESS

cat <<MSG
fwctld runs in network namespace $ns with a private system bus.
Point a client at it from another shell: fwctl, or any firewalld client such as Debian's
firewall-cmd:
  sudo env DBUS_SYSTEM_BUS_ADDRESS=$bus ip netns exec $ns $root/build/cli/fwctl --list-all
  sudo env DBUS_SYSTEM_BUS_ADDRESS=$bus ip netns exec $ns firewall-cmd --list-all
  sudo ip netns exec $ns nft list ruleset
Ctrl-C stops it and removes the namespace.
MSG
ip netns exec "$ns" "$fwctld" --nofork --nopid \
  --default-config "$root" --system-config "$work/etc" --log-target console "$@"
