#!/usr/bin/env bash
# firewalld.conf rewrite variants. Usage: conf-variants.sh OUTDIR
# For each conf-inputs/NAME.conf: start sandbox "refconf", replace its etc/firewalld.conf by the
# input, "firewall-cmd --reload" (the daemon re-reads firewalld.conf), then
# "firewall-cmd --set-default-zone=home" and "firewall-cmd --set-log-denied=all" (each rewrites the
# file), copy the result to OUTDIR/NAME/firewalld.conf (input kept as OUTDIR/NAME/input.conf), stop
# the sandbox.
set -u
export LC_ALL=C.UTF-8
here=$(cd "$(dirname "$0")" && pwd)
out=${1:?usage: conf-variants.sh OUTDIR}
SB=$(cd "$(dirname "$0")/../../.." && pwd)/tools/fw-sandbox
for in in "$here"/conf-inputs/*.conf; do
  n=$(basename "$in" .conf); mkdir -p "$out/$n"
  "$SB" start refconf firewalld >/dev/null || exit 1
  cp "$in" /run/fw-sandbox/refconf/etc/firewalld.conf
  cp "$in" "$out/$n/input.conf"
  : > "$out/$n/commands.log"
  for c in "firewall-cmd --reload" "firewall-cmd --set-default-zone=home" \
           "firewall-cmd --set-log-denied=all"; do
    r=$("$SB" exec refconf $c 2>&1)
    printf '$ %s\n[rc=%d] %s\n' "$c" $? "$r" >> "$out/$n/commands.log"
  done
  cp /run/fw-sandbox/refconf/etc/firewalld.conf "$out/$n/firewalld.conf"
  "$SB" stop refconf
done
