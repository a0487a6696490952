#!/usr/bin/env bash
# The benchmarks of docs/performance.md, from a clean clone: builds Release into build-bench/,
# then, as root, in network namespaces of their own (the host's ruleset and bus are never
# touched):
#   1. the daemon bench (bench/daemon_bench.sh, issue 13): fwctld and firewalld 1.3.3 side by
#      side with `nft -f`: start, memory, D-Bus round trips, CLI processes, 20 concurrent
#      clients, 1,000,000-entry ipsets, 10,000 rich rules; one table, the one README shows;
#   2. the load bench (issue 3): fwctl's compile + one-batch load in process against `nft -f`;
#   3. the change bench (issue 13): one runtime change through core::Firewall per workload.
# Prints the tables and writes them with the machine's description to bench/RESULTS.md.
#
#   sudo bench/run.sh                   # the whole run: about 15-20 minutes on 2 cores
#   sudo bench/run.sh --quick           # smaller sizes and fewer runs: a few minutes
#   REPS=9 CHANGE_REPS=51 sudo -E bench/run.sh   # more runs of the load and change benches
#   FW_CAP=300 FIREWALLD=none ...       # see bench/daemon_bench.sh; BEFORE=1 adds main's
#                                       # pre-issue-13 change path to the change bench
#   PARTS="daemon load change"          # which parts run
#
# Needs nft, ip, cmp, diff, cmake, ninja, dbus-daemon, busctl, prlimit, /usr/bin/python3;
# firewalld and firewall-cmd for the firewalld column (left empty without them).
# FWD_WERROR defaults to OFF here: g++ 12 at -O3 reports false -Wrestrict/-Wnull-dereference
# in libstdc++ inlines, which is not what a bench run should stop on.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
quick=""
[ "${1:-}" = --quick ] && quick=--quick
if [ -n "$quick" ]; then
  reps=${REPS:-2} change_reps=${CHANGE_REPS:-5}
  change_workloads=default,zone-ports-rich,ipset-ip
else
  reps=${REPS:-5} change_reps=${CHANGE_REPS:-21}
  change_workloads=default,zone-ports-rich,rich-10k,bindings-500,ipset-ip,ipset-1m
fi
parts=${PARTS:-daemon load change}
out_md=$root/bench/RESULTS.md

if [ "$(id -u)" -ne 0 ]; then
  echo "run.sh: needs root (network namespaces, nft)" >&2
  exit 2
fi
for tool in nft ip cmp diff cmake ninja dbus-daemon busctl prlimit /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found" >&2; exit 2; }
done

t_start=$(date +%s)
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR=$root
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DFWD_WERROR="${FWD_WERROR:-OFF}" -DFWD_BUILD_BENCH=ON "${launcher[@]}" >/dev/null
ninja -C "$build" fwctl_load_bench fwctl_dbus_bench fwctld fwctl
t_built=$(date +%s)

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d /tmp/fwctl-bench.XXXXXX)
bench_pid=
cleanup() {
  # Namespaces of this run only, left behind if a bench was killed.
  if [ -n "$bench_pid" ]; then
    for ns in $(ip netns list | awk '{print $1}' | grep "^fwbench-$bench_pid-" || true); do
      ip netns del "$ns" 2>/dev/null || true
    done
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

status=0
timings=()
part() { [[ " $parts " == *" $1 "* ]]; }

if part daemon; then
  a=$(date +%s)
  "$root/bench/daemon_bench.sh" "$build" "$work/daemon" $quick > "$work/daemon.md" || status=$?
  timings+=(" daemon bench $(( $(date +%s) - a )) s")
fi
if part load || part change; then
  a=$(date +%s)
  args=(--reps "$reps" --change-reps 0 --out "$work/load")
  part load || args+=(--skip-load)
  if part change; then
    args+=(--change-reps "$change_reps" --change-workloads "$change_workloads")
    [ "${BEFORE:-0}" = 1 ] && args+=(--before)
  fi
  [ -n "$quick" ] && part load && args+=(--workloads zone-ports-rich,ipset-ip)
  timeout 3600 "$build/bench/fwctl_load_bench" "${args[@]}" > "$work/report.md" &
  bench_pid=$!
  wait "$bench_pid" || status=$?
  timings+=(" load and change benches $(( $(date +%s) - a )) s")
fi
t_end=$(date +%s)

cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)
{
  echo "# Bench results"
  echo
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  echo "- date: $(date -u "+%Y-%m-%d %H:%M UTC"); commit $commit" \
    "${quick:+(quick mode: smaller sizes)}"
  echo "- machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $mem RAM"
  fw_version=$([ -x /usr/sbin/firewalld ] &&
    /usr/bin/python3 -c 'import firewall.config as c; print(c.VERSION)' 2>/dev/null ||
    echo 'not installed')
  echo "- kernel: $(uname -r); $(nft --version); firewalld $fw_version"
  echo "- load average (1, 5, 15 min) before / after the run:" \
    "$load_before / $(cut -d' ' -f1-3 /proc/loadavg)" \
    "(the machine may be shared: compare runs, not single figures)"
  echo "- build: Release ($(c++ --version | head -n1)), $((t_built - t_start)) s;" \
    "\`bench/run.sh${quick:+ --quick}\`: $(IFS=,; echo "${timings[*]}")," \
    "$((t_end - t_built)) s in all (build excluded);" \
    "$reps runs per load, $change_reps per runtime change"
  if part daemon; then
    echo
    echo "## fwctld and firewalld side by side (\`bench/daemon_bench.sh\`)"
    echo
    cat "$work/daemon.md"
    cat "$root/bench/daemon_notes.md"
  fi
  if part load || part change; then
    echo
    echo "## Load and change benches (\`fwctl_load_bench\`)"
    echo
    cat "$work/report.md"
  fi
} > "$out_md"

cat "$out_md"
echo "run.sh: $((t_end - t_start)) s" \
  "(build $((t_built - t_start)) s; $(IFS=,; echo "${timings[*]}"))" >&2
if [ "$status" -ne 0 ]; then
  echo "run.sh: a bench reported errors (exit $status); see $out_md" >&2
fi
exit "$status"
