#!/usr/bin/env bash
# Soak test (issue 14; not in CI): fwctld under tests/faults/load.py's changes, round after round,
# for MINUTES (10 by default), in a network namespace with a private bus. Prints fwctld's RSS and
# open file descriptors after every round, and fails when the last round's are more than
# GROWTH_KB (2048) and 0 above the first round's.
#
#   sudo scripts/soak.sh [MINUTES] [build/daemon/fwctld]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
minutes=${1:-10}
growth_kb=${GROWTH_KB:-2048}
source "$root/tests/integration/daemon_lib.sh" "${2:-$root/build/daemon/fwctld}" "$root"
mkdir -p "$work/etc/ipsets"
printf '<?xml version="1.0" encoding="utf-8"?>\n<ipset type="hash:ip"/>\n' \
  > "$work/etc/ipsets/load.xml"
daemon_start

rss() { awk '/^VmRSS/ {print $2}' "/proc/$daemon_pid/status"; }
fds() { ls "/proc/$daemon_pid/fd" | wc -l; }
end=$((SECONDS + minutes * 60))
round=0 first_rss="" first_fds=""
printf '%6s %8s %10s %5s  %s\n' round seconds "rss (kB)" fds "load.py"
while [ "$SECONDS" -lt "$end" ]; do
  round=$((round + 1))
  summary=$(/usr/bin/python3 "$root/tests/faults/load.py" 10 2000 25 | head -n1)
  printf '%6d %8d %10d %5d  %s\n' "$round" "$SECONDS" "$(rss)" "$(fds)" "$summary"
  grep -q 'errors \[\]' <<<"$summary" || { echo "FAIL: a client got an error"; exit 1; }
  # The first round warms the allocator; growth counts from there.
  [ -n "$first_rss" ] || { first_rss=$(rss); first_fds=$(fds); }
done
last_rss=$(rss) last_fds=$(fds)
echo "rounds: $round; RSS $first_rss -> $last_rss kB; fds $first_fds -> $last_fds"
check "RSS grew by at most $growth_kb kB" "yes" \
  "$([ $((last_rss - first_rss)) -le "$growth_kb" ] && echo yes)"
check "no file descriptor leaked" "$first_fds" "$last_fds"
check "fwctld still serves" "running" "$(fwcmd --state)"
daemon_stop
finish
