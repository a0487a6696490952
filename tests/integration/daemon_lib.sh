# Sourced by the daemon tests: fwctld in a network namespace of its own on a private system bus.
#
#   source daemon_lib.sh FWCTLD SOURCE_DIR   # skips (exit 77) without root or a needed tool
#   daemon_start [extra fwctld options]      # returns once fwctld sent READY=1; sets daemon_pid
#   check WHAT EXPECTED ACTUAL               # counts failures
#   daemon_stop                              # SIGTERM, waits (10 s at most); sets daemon_rc
#   finish                                   # exit 1 with the daemon logs if a check failed
#
# Exposes: $work (temporary directory, removed on exit), $ns (the namespace), $src, $fwctld,
# $failures, $daemon_runs (run N logs to $work/daemonN.log), DBUS_SYSTEM_BUS_ADDRESS.
# The harness itself is tests/lib/fwctld_harness.sh.
set -euo pipefail
fwctld=${1:?usage: source daemon_lib.sh FWCTLD SOURCE_DIR}
src=${2:?usage: source daemon_lib.sh FWCTLD SOURCE_DIR}
source "$src/tests/lib/fwctld_harness.sh"
require_root "network namespace, nftables" /usr/bin/firewall-cmd nft busctl

work=$(mktemp -d /tmp/fwctl-daemon-test.XXXXXX)
chmod 0755 "$work"  # the bus socket is in it, and tests call as other users too
trap harness_cleanup EXIT
daemon_runs=0

# firewall-cmd's output (stdout and stderr) followed by "rc=N".
fwcmd() { /usr/bin/firewall-cmd "$@"; }
fwcmd_rc() { /usr/bin/firewall-cmd "$@" 2>&1 && echo "rc=0" || echo "rc=$?"; }

start_bus
add_netns "fwctl-dmn-$$"
mkdir -p "$work/etc"

daemon_start() {
  daemon_runs=$((daemon_runs + 1))
  start_fwctld "$ns" "$work/etc" "$work/daemon$daemon_runs.log" "$@"
}

daemon_stop() {
  stop_fwctld ||
    { echo "FAIL: fwctld still running 10 s after SIGTERM"; failures=$((failures + 1)); }
}

finish() {
  if [ "$failures" -ne 0 ]; then
    for log in "$work"/daemon*.log; do echo "--- $log"; cat "$log" || true; done
    exit 1
  fi
  echo "all checks passed"
}
