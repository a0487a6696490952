#!/usr/bin/env bash
# The small-configuration figures of issue 13 for one or more builds, interleaved so that a
# loaded machine weighs on each alike (docs/performance.md, "Start, idle memory and the CLI"):
#
#   sudo bench/small_ab.sh N CLI_N BUILD [BUILD...]
#
# Each BUILD is a Release tree with daemon/fwctld, cli/fwctl, bench/fwctl_dbus_bench and
# bench/fwctl_load_bench. N starts of each on the defaults, in turn, each in a network namespace
# of its own on one private bus: start to D-Bus ready (wall), the CPU fwctld used until then
# (/proc/PID/schedstat, which a busy machine inflates far less than the wall time), and one
# second later Rss, Pss and anonymous memory (/proc/PID/smaps_rollup). After the first start of
# each: CLI_N `fwctl --add-port` processes (wall, as daemon_bench.sh times them) and CLI_N
# `--query-port` processes under `perf stat` (task-clock; when perf is installed), then 300 D-Bus
# round trips.
# Prints "median/min" per build.
set -uo pipefail
[ "$#" -ge 3 ] || { sed -n 2,15p "$0"; exit 2; }
[ "$(id -u)" = 0 ] || { echo "small_ab.sh: needs root (network namespaces)" >&2; exit 2; }
reps=$1 cli_n=$2
shift 2
builds=("$@")
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck disable=SC2034 # read by the harness
src=$root
work=$(mktemp -d /tmp/fwctl-small-ab.XXXXXX)
# shellcheck source=../tests/lib/fwctld_harness.sh
source "$root/tests/lib/fwctld_harness.sh"
dpid="" rp="" n=0
cleanup_ab() {
  [ -n "$dpid" ] && kill "$dpid" 2>/dev/null
  [ -n "$ns" ] && ip netns del "$ns" 2>/dev/null
  [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup_ab EXIT
start_bus
etc=$work/etc
"${builds[0]}/bench/fwctl_load_bench" tree default "$etc"
printf 'DefaultZone=public\nFirewallBackend=nftables\n' > "$etc/firewalld.conf"

start_one() {  # start_one BUILD: sets dpid and ready_s
  local b=$1 k
  n=$((n + 1))
  ns=fwab-$$-$n
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  : > "$work/r.out"
  "$b/bench/fwctl_dbus_bench" ready "$ns" "$work/d.log" 30 "$b/daemon/fwctld" --nofork --nopid \
    --default-config "$root" --system-config "$etc" --log-target file --log-file "$work/d.log" \
    > "$work/r.out" &
  rp=$!
  for ((k = 0; k < 1500; k++)); do
    grep -q '^ready_s\|^failed' "$work/r.out" && break
    sleep 0.02
  done
  dpid=$(awk '$1 == "pid" {print $2}' "$work/r.out")
  ready_s=$(awk '$1 == "ready_s" {print $2}' "$work/r.out")
}
stop_one() {
  kill "$dpid"
  wait "$rp" 2>/dev/null
  ip netns del "$ns"
  dpid="" ns=""
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= reps; i++)); do
  for b in "${builds[@]}"; do
    start_one "$b"
    [ -n "$ready_s" ] || { echo "$b: did not start (see $work/d.log)"; exit 1; }
    sleep 1
    cpu=$(awk '{print $1 / 1e9}' "/proc/$dpid/schedstat")
    mem=$(awk '/^Rss/ {r = $2} /^Pss:/ {p = $2} /^Anonymous/ {a = $2} END {print r, p, a}' \
      "/proc/$dpid/smaps_rollup")
    echo "$b $ready_s $cpu $mem" >> "$work/starts"
    if [ "$i" = 1 ]; then
      for ((j = 0; j < cli_n; j++)); do
        a=$EPOCHREALTIME
        o=$("$b/cli/fwctl" --zone=public --add-port=$((35000 + j))/tcp)
        e=$EPOCHREALTIME
        [ "$o" = success ] || echo "$b: fwctl said: $o"
        echo "$b $(awk -v a="$a" -v e="$e" 'BEGIN {print e - a}')" >> "$work/cli"
        command -v perf > /dev/null || continue
        perf stat -x, -e task-clock -o "$work/stat" "$b/cli/fwctl" --zone=public \
          --query-port=$((35000 + j))/tcp > /dev/null
        echo "$b $(awk -F, '/task-clock/ {print $1}' "$work/stat")" >> "$work/cli_cpu"  # ms
      done
      "$b/bench/fwctl_dbus_bench" rtt 300 30000 | sed "s|^|$b |" >> "$work/rtt"
    fi
    stop_one
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

stat_of() {  # stat_of FILE BUILD COLUMN SCALE: "median/min"
  [ -f "$1" ] || return 0
  awk -v b="$2" -v c="$3" -v s="$4" '$1 == b {print $c * s}' "$1" | sort -g |
    awk '{v[NR] = $1} END {if (NR) printf "%.2f/%.2f", v[int((NR + 1) / 2)], v[1]}'
}
for b in "${builds[@]}"; do
  rtt=$(awk -v b="$b" '$1 == b && $2 ~ /median_s/ {sub(/\.median_s/, "", $2);
    printf "%s %.0f µs  ", $2, $3 * 1e6}' "$work/rtt")
  echo "$b"
  echo "  start: $(stat_of "$work/starts" "$b" 2 1000) ms," \
    "CPU $(stat_of "$work/starts" "$b" 3 1000) ms"
  echo "  idle: Rss $(stat_of "$work/starts" "$b" 4 0.0009765625) MB," \
    "Pss $(stat_of "$work/starts" "$b" 5 0.0009765625) MB," \
    "anonymous $(stat_of "$work/starts" "$b" 6 0.0009765625) MB"
  echo "  fwctl --add-port: $(stat_of "$work/cli" "$b" 2 1000) ms;" \
    "--query-port CPU $(stat_of "$work/cli_cpu" "$b" 2 1) ms"
  echo "  round trips (median): $rtt"
done
