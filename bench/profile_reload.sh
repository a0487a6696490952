#!/usr/bin/env bash
# CPU time (and optionally a perf profile) of fwctld's start and reloads with one of the load
# bench's workloads, for docs/performance.md "Whole loads against nft -f". As root:
#
#   bench/profile_reload.sh BUILD WORKLOAD N [perf]
#
# BUILD has daemon/fwctld and bench/fwctl_load_bench (Release); WORKLOAD is a load bench
# workload (rich-10k, zone-ports-rich, ipset-ip, ...). fwctld runs in a namespace of its own on a
# private bus (tests/lib/fwctld_harness.sh) with the workload's tree as its system
# configuration; prints the start (wall, CPU at READY) and N reloads (wall, CPU), CPU being
# utime + stime of /proc/PID/stat. With "perf", `perf record --call-graph dwarf` of the daemon
# over the reloads goes to $work/perf.data (PERF_CG overrides the call-graph option). The
# scratch directory ($work, printed) is kept for the profile.
set -euo pipefail
[ $# -ge 3 ] || { sed -n 2,13p "$0"; exit 2; }
build=$(cd "$1" && pwd) wl=$2 n=$3 mode=${4:-}
src=$(cd "$(dirname "$0")/.." && pwd)
export fwctld=$build/daemon/fwctld  # for the harness
work=$(mktemp -d /tmp/fwctl-profile.XXXXXX)
# shellcheck source=../tests/lib/fwctld_harness.sh
source "$src/tests/lib/fwctld_harness.sh"
cleanup() {
  stop_fwctld || true
  if [ -n "$bus_pid" ]; then kill "$bus_pid" 2>/dev/null || true; fi
  if [ -n "$ns" ]; then ip netns del "$ns" 2>/dev/null || true; fi
  echo "kept $work" >&2
}
trap cleanup EXIT
start_bus
etc=$work/etc
"$build/bench/fwctl_load_bench" tree "$wl" "$etc"
printf 'DefaultZone=public\nFirewallBackend=nftables\n' > "$etc/firewalld.conf"
add_netns "fwprof-$$"
ticks=$(getconf CLK_TCK)
cpu() {  # daemon_pid: start_fwctld's
  awk -v t="$ticks" '{printf "%.3f", ($14 + $15) / t}' "/proc/${daemon_pid:?}/stat"
}
a=$EPOCHREALTIME
start_fwctld "$ns" "$etc" "$work/log"
b=$EPOCHREALTIME
echo "start wall $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.4f", b - a}') cpu $(cpu)"
perf_pid=""
if [ "$mode" = perf ]; then
  # shellcheck disable=SC2086 # the option and its argument
  perf record -F 1000 ${PERF_CG:---call-graph dwarf,32768} -o "$work/perf.data" \
    -p "$daemon_pid" 2>/dev/null &
  perf_pid=$!
  sleep 0.5
fi
for ((i = 0; i < n; i++)); do
  c0=$(cpu) a=$EPOCHREALTIME
  busctl --system call org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 \
    org.fedoraproject.FirewallD1 reload > /dev/null
  b=$EPOCHREALTIME c1=$(cpu)
  awk -v a="$a" -v b="$b" -v c0="$c0" -v c1="$c1" \
    'BEGIN {printf "reload wall %.4f cpu %.3f\n", b - a, c1 - c0}'
done
if [ -n "$perf_pid" ]; then
  kill -INT "$perf_pid"
  wait "$perf_pid" || true
fi
