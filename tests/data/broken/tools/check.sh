#!/usr/bin/env bash
# Run firewalld 1.3.3's own configuration check on every case under tests/data/broken/ and record
# verdicts.
# Usage: check.sh [BROKEN_DIR] > results
#   (root; writes BROKEN_DIR/tools/results-offline.tsv and results-daemon.tsv)
#
# 1. offline: for each case, in a private mount+network namespace (unshare -m -n), an empty tmpfs
#    is mounted over /etc/firewalld, the case tree is copied into it, and
#        firewall-offline-cmd --check-config
#    is run (so messages show the real path /etc/firewalld/...). The host's /etc/firewalld is never
#    touched.
# 2. daemon: one sandbox "brk" (fw-sandbox) runs firewalld with
#    --system-config /run/fw-sandbox/brk/etc;
#    for each case that directory is emptied, the case tree is copied in, and
#        firewall-cmd --check-config
#    is run against the daemon (D-Bus checkPermanentConfig). New daemon.log lines are recorded too.
# TSV columns: case, exit code, stdout, stderr[, daemon.log lines] (newlines as \n, tabs as \t).
set -u
export LC_ALL=C.UTF-8
B=$(cd "${1:-$(dirname "$0")/..}" && pwd)
SB=$(cd "$(dirname "$0")/../../.." && pwd)/tools/fw-sandbox
esc() {
  python3 -c 'import sys
print(sys.stdin.read().rstrip("\n").replace("\\","\\\\").replace("\t","\\t").replace("\n","\\n"))'
}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
cases=$(cut -f1 "$B/tools/cases.tsv")

off="$B/tools/results-offline.tsv"; : > "$off"
for c in $cases; do
  unshare -m -n sh -c 'mount -t tmpfs -o mode=0750 fwcheck /etc/firewalld &&
    cp -a "$1"/. /etc/firewalld/ && rm -f /etc/firewalld/.keep &&
    firewall-offline-cmd --check-config' sh "$B/$c" >$T/out 2>$T/err
  rc=$?
  printf '%s\t%s\t%s\t%s\n' "$c" "$rc" "$(esc < $T/out)" "$(esc < $T/err)" >> "$off"
done

dae="$B/tools/results-daemon.tsv"; : > "$dae"
"$SB" start brk firewalld >/dev/null || exit 1
E=/run/fw-sandbox/brk/etc
for c in $cases; do
  rm -rf "$E"/*; mkdir -p "$E"/{zones,services,policies,ipsets,icmptypes,helpers}
  cp -a "$B/$c"/. "$E"/; rm -f "$E/.keep"
  n0=$(wc -l < /run/fw-sandbox/brk/daemon.log)
  "$SB" exec brk firewall-cmd --check-config >$T/out 2>$T/err; rc=$?
  dlog=$(tail -n +$((n0+1)) /run/fw-sandbox/brk/daemon.log | sed -E 's/^[0-9-]+ [0-9:]+ //')
  printf '%s\t%s\t%s\t%s\t%s\n' "$c" "$rc" "$(esc < $T/out)" "$(esc < $T/err)" \
    "$(printf '%s' "$dlog" | esc)" >> "$dae"
done
"$SB" stop brk
