#!/usr/bin/env bash
# CLI bench (issue 5): the wall time of one `fwctl --zone=public --add-port=N/tcp` call, process
# start to exit, against Debian's python firewall-cmd doing the same, both talking to one fwctld
# that runs in a network namespace of its own on a private bus. Every call adds a new port, so
# each is a real change through the daemon into the kernel.
#
#   sudo bench/cli_bench.sh [FWCTLD FWCTL]   # default: build/daemon/fwctld build/cli/fwctl
#   REPS=101 PY_REPS=11 sudo -E bench/cli_bench.sh
#
# Prints a Markdown table and writes it, with the machine's description, to bench/CLI_RESULTS.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fwctld=${1:-$root/build/daemon/fwctld}
fwctl=${2:-$root/build/cli/fwctl}
reps=${REPS:-51}
py_reps=${PY_REPS:-11}
out_md=$root/bench/CLI_RESULTS.md

[ "$(id -u)" -eq 0 ] || { echo "cli_bench.sh: needs root (network namespace)" >&2; exit 2; }
for tool in dbus-daemon python3 /usr/bin/firewall-cmd ip; do
  command -v "$tool" >/dev/null || { echo "cli_bench.sh: $tool not found" >&2; exit 2; }
done

work=$(mktemp -d /tmp/fwctl-cli-bench.XXXXXX)
src=$root
# shellcheck source=../tests/lib/fwctld_harness.sh
source "$root/tests/lib/fwctld_harness.sh"
trap harness_cleanup EXIT
start_bus
add_netns "fwbench-cli-$$"
mkdir -p "$work/etc"
start_fwctld "$ns" "$work/etc" "$work/daemon.log"

# Times COUNT calls of CLIENT, ports from FIRST up; prints the sorted times in microseconds.
time_calls() {  # time_calls CLIENT FIRST COUNT
  local client=$1 port=$2 count=$3 i start end out
  for ((i = 0; i < count; i++)); do
    start=$EPOCHREALTIME
    out=$("$client" --zone=public --add-port=$((port + i))/tcp)
    end=$EPOCHREALTIME
    [ "$out" = success ] || { echo "unexpected output: $out" >&2; exit 1; }
    echo $(( (${end/./} - ${start/./}) ))
  done | sort -n
}
stats() {  # median and minimum of sorted numbers on stdin, in ms
  awk '{v[NR] = $1} END {printf "%.2f ms | %.2f ms", v[int((NR + 1) / 2)] / 1000, v[1] / 1000}'
}

"$fwctl" --zone=public --add-port=1/tcp >/dev/null  # warm the page cache
fw=$(time_calls "$fwctl" 10000 "$reps" | stats)
py=$(time_calls /usr/bin/firewall-cmd 20000 "$py_reps" | stats)
table="| client | calls | median | min |
|---|---|---|---|
| fwctl | $reps | $fw |
| firewall-cmd (python) | $py_reps | $py |"

cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
{
  echo "# CLI bench results"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "- machine: $(nproc) CPUs, ${cpu:-unknown CPU};" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- one \`--zone=public --add-port=N/tcp\` call, process start to exit (bash \$EPOCHREALTIME"
  echo "  around the call), against one fwctld on a private bus; every call adds a new port"
  echo "- fwctl: $fwctl"
  echo
  echo "$table"
} > "$out_md"
cat "$out_md"
