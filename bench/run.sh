#!/usr/bin/env bash
# Load bench (issue 3) and change bench: builds fwctl_load_bench in Release, runs it as root,
# prints the Markdown tables and writes them with the machine's description to bench/RESULTS.md.
#
#   sudo bench/run.sh                      # 5 runs per load, 21 per runtime change
#   REPS=9 KEEP=1 sudo -E bench/run.sh     # more runs; keep the rulesets and listings
#   CHANGE_REPS=51 sudo -E bench/run.sh    # runtime changes: 1-200 per cell; 0 skips them
#
# Every load goes into a network namespace the bench creates (fwbench-<pid>-<n>) and deletes;
# the host's own ruleset is never touched. Needs nft, ip, cmp, diff, cmake, ninja.
# FWD_WERROR defaults to OFF here: g++ 12 at -O3 reports false -Wrestrict/-Wnull-dereference
# in libstdc++ inlines, which is not what a bench run should stop on.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
reps=${REPS:-5}
change_reps=${CHANGE_REPS:-21}
out_md=$root/bench/RESULTS.md

if [ "$(id -u)" -ne 0 ]; then
  echo "run.sh: needs root (network namespaces, nft)" >&2
  exit 2
fi
for tool in nft ip cmp diff cmake ninja; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found" >&2; exit 2; }
done

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DFWD_WERROR="${FWD_WERROR:-OFF}" -DFWD_BUILD_BENCH=ON >/dev/null
ninja -C "$build" fwctl_load_bench

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
work=$(mktemp -d /tmp/fwctl-bench.XXXXXX)
bench_pid=
cleanup() {
  # Namespaces of this run only, left behind if the bench was killed.
  if [ -n "$bench_pid" ]; then
    for ns in $(ip netns list | awk '{print $1}' | grep "^fwbench-$bench_pid-" || true); do
      ip netns del "$ns" || true
    done
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

timeout 3600 "$build/bench/fwctl_load_bench" --reps "$reps" \
  --change-reps "$change_reps" --out "$work" >"$work/report.md" &
bench_pid=$!
status=0
wait "$bench_pid" || status=$?

cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
mem=$(awk '/^MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo)
{
  echo "# Load bench results"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $mem RAM"
  echo "- kernel: $(uname -r); $(nft --version)"
  echo "- load average (1, 5, 15 min) before / after the run:" \
    "$load_before / $(cut -d' ' -f1-3 /proc/loadavg)" \
    "(the machine may be shared: compare runs, not single figures)"
  echo "- build: Release ($(c++ --version | head -n1));" \
    "\`bench/run.sh\` with $reps runs per load, $change_reps per runtime change"
  echo
  cat "$work/report.md"
} >"$out_md"

cat "$out_md"
if [ "$status" -ne 0 ]; then
  echo "run.sh: the bench reported errors (exit $status); see $out_md" >&2
fi
exit "$status"
