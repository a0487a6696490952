# Sourced by the tests in tests/cli: tests/lib/fwctld_harness.sh, and a fresh fwctld a run, each
# in a namespace and on a system tree of its own, so that no run sees another's state.
# Expects $fwctld and $src; $work (a scratch directory) before start_daemon.
source "$src/tests/lib/fwctld_harness.sh"

# cases.txt binds dummy0 to zones: it exists in each namespace (a veth, dummy1 its peer).
start_daemon() {  # start_daemon TAG: fwctl-cli-TAG-PID on $work/etc-TAG, waits for READY=1
  local tag=$1
  add_netns "fwctl-cli-$tag-$$"
  ip -n "$ns" link add dummy0 type veth peer name dummy1
  mkdir -p "$work/etc-$tag"
  start_fwctld "$ns" "$work/etc-$tag" "$work/daemon-$tag.log"
}

stop_daemon() {
  stop_fwctld || true
  ip netns del "$ns" 2>/dev/null || true
  ns=""
}
