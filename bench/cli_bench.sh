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
ns=fwbench-cli-$$
bus_pid="" daemon_pid=""
cleanup() {
  [ -n "$daemon_pid" ] && kill -TERM "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null || true
  [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

sed "s|@LISTEN@|unix:path=$work/bus|" "$root/tests/integration/bus.conf.in" > "$work/bus.conf"
bus_pid=$(dbus-daemon --config-file="$work/bus.conf" --fork --print-pid)
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/bus
ip netns add "$ns"
mkdir -p "$work/etc"
coproc WAITER {
  python3 -u -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1]); s.settimeout(20); print("bound")
try:
    while True:
        if "READY=1" in s.recv(4096).decode().split("\n"): sys.exit(0)
except socket.timeout:
    sys.exit(1)
' "$work/notify"
}
waiter=$WAITER_PID
read -r -t 10 bound <&"${WAITER[0]}"
NOTIFY_SOCKET=$work/notify ip netns exec "$ns" "$fwctld" --nofork --nopid --default-config "$root" \
  --system-config "$work/etc" --log-target file --log-file "$work/daemon.log" &
daemon_pid=$!
wait "$waiter" || { echo "fwctld did not become ready" >&2; exit 1; }

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
  echo "- machine: $(nproc) CPUs, ${cpu:-unknown CPU}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- one \`--zone=public --add-port=N/tcp\` call, process start to exit (bash \$EPOCHREALTIME"
  echo "  around the call), against one fwctld on a private bus; every call adds a new port"
  echo "- fwctl: $fwctl"
  echo
  echo "$table"
} > "$out_md"
cat "$out_md"
