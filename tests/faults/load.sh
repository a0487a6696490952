#!/usr/bin/env bash
# Issue 14, load (label `faults`): 50 clients at once make 20,000 runtime changes (ipset entries
# added and removed, one in 50 refused), with a reload every 25 changes of each client, 16 in all
# (the clients meet for it: a reload drops runtime ipset entries, so the expected state starts
# again).
# Afterwards the runtime state, the kernel's set and the sum of the accepted changes agree
# exactly, and fwctld still serves; its RSS is printed (README, "Reliability").
# Then 2,500 more with reloads at any moment (one more client reloading all the time): the
# runtime state and the kernel's set still agree.
# 48 s on the 2-core machine at a load average of 11; FWCTL_LOAD_CHANGES shortens it.
#
#   load.sh FWCTLD SOURCE_DIR     (exits 77, skipped, without root or a tool)
source "$(dirname "$0")/../integration/daemon_lib.sh" "$1" "$2"
here=$(cd "$(dirname "$0")" && pwd)
clients=${FWCTL_LOAD_CLIENTS:-50} changes=${FWCTL_LOAD_CHANGES:-20000}
mkdir -p "$work/etc/ipsets"
printf '<?xml version="1.0" encoding="utf-8"?>\n<ipset type="hash:ip"/>\n' \
  > "$work/etc/ipsets/load.xml"
daemon_start
rss() { awk '/^VmRSS/ {print $2}' "/proc/$daemon_pid/status"; }
rss_start=$(rss)

/usr/bin/python3 "$here/load.py" "$clients" "$changes" 25 > "$work/load.out"
head -n1 "$work/load.out"
expected=$(tail -n +2 "$work/load.out")
check "no client got an error but the refusals" "errors []" \
  "$(head -n1 "$work/load.out" | grep -o 'errors .*')"
# Each client's every 25th turn is a meeting for a reload, the reload itself made by one.
check "accepted + refused + meetings = the changes made" "$changes" \
  "$(head -n1 "$work/load.out" | awk -v c="$clients" '{print $2 + $4 + $6 * c}')"
check "runtime entries = the sum of the accepted changes" "$expected" \
  "$(fwcmd --ipset=load --get-entries | tr ' ' '\n' | sed '/^$/d' | sort)"
check "kernel set = the sum of the accepted changes" "$expected" \
  "$(ip netns exec "$ns" nft -j list set inet firewalld load | /usr/bin/python3 -c '
import json, sys
s = [x["set"] for x in json.load(sys.stdin)["nftables"] if "set" in x][0]
print("\n".join(sorted(s.get("elem", []))))')"
kernel_set() {
  ip netns exec "$ns" nft -j list set inet firewalld load | /usr/bin/python3 -c '
import json, sys
s = [x["set"] for x in json.load(sys.stdin)["nftables"] if "set" in x][0]
print("\n".join(sorted(s.get("elem", []))))'
}
/usr/bin/python3 "$here/load.py" "$clients" $((changes / 8)) 0 > "$work/free.out"
head -n1 "$work/free.out"
check "reloads at any moment: no error but refusals" "errors []" \
  "$(grep -o 'errors .*' "$work/free.out")"
check "reloads at any moment: runtime entries = kernel set" \
  "$(fwcmd --ipset=load --get-entries | tr ' ' '\n' | sed '/^$/d' | sort)" "$(kernel_set)"
check "fwctld still serves" "running" "$(fwcmd --state)"
echo "fwctld RSS: $rss_start kB at start, $(rss) kB after the load"
daemon_stop
finish
