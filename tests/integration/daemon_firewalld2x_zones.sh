#!/usr/bin/env bash
# Issue 18, second part: firewalld 2.0's zone priorities, 2.4's policy disable flag and policy
# sets, 2.5's config watcher, through fwctld and fwctl, with real TCP connections from another
# namespace over a veth pair:
#   zones aaa (10.0.0.0/8, target REJECT) and bbb (10.1.0.0/16, target ACCEPT) both hold the
#   client 10.1.0.2. At priority 0 firewalld 1.3.3's order (sources by zone name) puts it in
#   aaa: refused. With bbb's ingress priority below aaa's it lands in bbb: accepted.
#   Policy "gate" (bbb to HOST, REJECT) refuses it again until it is disabled.
#
#   daemon_firewalld2x_zones.sh FWCTLD SOURCE_DIR FWCTL
fwctl=${3:?usage: daemon_firewalld2x_zones.sh FWCTLD SOURCE_DIR FWCTL}
source "$(dirname "$0")/daemon_lib.sh" "$@"
export LC_ALL=C.UTF-8
fw() { "$fwctl" "$@" 2>&1 && echo "rc=0" || echo "rc=$?"; }
fwq() { "$fwctl" "$@" > /dev/null 2>&1; }
chain() {  # the rules of chain $1 in the namespace's kernel, without indentation
  ip netns exec "$ns" nft list chain inet firewalld "$1" | sed '1,2d' | head -n -2 |
    sed 's/^\t*//' | grep -v '^type ' || true
}

# The client namespace, 10.1.0.2, and a listener on port 7777 in fwctld's namespace (10.1.0.1).
client="fwctl-zp-cl-$$"
add_peer_netns "$client"
ip -n "$ns" link add zp0 type veth peer name zp1 netns "$client"
ip -n "$ns" addr add 10.1.0.1/16 dev zp0
ip -n "$client" addr add 10.1.0.2/16 dev zp1
ip -n "$ns" link set zp0 up
ip -n "$client" link set zp1 up
ip netns exec "$ns" python3 -c '
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.1.0.1", 7777)); s.listen(64)
while True:
    c, _ = s.accept(); c.close()
' &
listener=$!
trap 'kill $listener 2>/dev/null; harness_cleanup' EXIT
connect() {  # "accepted" or "refused": a REJECT answers at once, so no timeout decides
  ip netns exec "$client" python3 -c '
import socket, sys
s = socket.socket(); s.settimeout(10)
try:
    s.connect(("10.1.0.1", 7777)); print("accepted")
except socket.timeout:
    print("timeout")
except OSError:
    print("refused")
'
}

mkdir -p "$work/etc/zones" "$work/etc/policies"
printf 'DefaultZone=public\nFirewallBackend=nftables\n' > "$work/etc/firewalld.conf"
cat > "$work/etc/zones/aaa.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<zone target="%%REJECT%%">
  <source address="10.0.0.0/8"/>
</zone>
XML
cat > "$work/etc/zones/bbb.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<zone target="ACCEPT">
  <source address="10.1.0.0/16"/>
</zone>
XML
daemon_start --watch-config

# --- zone priorities (2.0) ------------------------------------------------------------------------
check "priority 0: 1.3.3's order, the client is in aaa" "refused" "$(connect)"
check "getSettings2 at 0 has no priority key" "" \
  "$(busctl --system call org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 \
     org.fedoraproject.FirewallD1.zone getZoneSettings2 s bbb | grep -o priority || true)"
check "--list-all at 0 has no priority lines" "" \
  "$("$fwctl" --zone=bbb --list-all | grep priority || true)"
check "runtime --set-ingress-priority: permanent only" \
  "usage: 'fwctl --help' for usage information or see fwctl(1) man page
Option can be used only with --permanent.
rc=2" "$(fw --zone=bbb --set-ingress-priority=-10)"
check "out of range: INVALID_PRIORITY" \
  "Error: INVALID_PRIORITY: Zone 'bbb': 32768 is an invalid priority value. \
Must be in range [-32768, 32767].
rc=139" "$(fw --permanent --zone=bbb --set-ingress-priority=32768)"
check "not a number" "Error: INVALID_PRIORITY: 'x' is not an integer
rc=139" "$(fw --permanent --zone=bbb --set-ingress-priority=x)"
check "policies have no ingress priority" \
  "usage: 'fwctl --help' for usage information or see fwctl(1) man page
Can't use --policy with zone only options.
rc=2" "$(fw --permanent --policy=allow-host-ipv6 --get-ingress-priority)"
check "set" "success
rc=0" "$(fw --permanent --zone=bbb --set-ingress-priority=-10)"
check "get" "-10
rc=0" "$(fw --permanent --zone=bbb --get-ingress-priority)"
check "egress untouched" "0
rc=0" "$(fw --permanent --zone=bbb --get-egress-priority)"
check "written to the zone file" '<zone target="ACCEPT" ingress-priority="-10">' \
  "$(grep '^<zone' "$work/etc/zones/bbb.xml")"
check "--permanent --list-all shows the lines" "  target: ACCEPT
  ingress-priority: -10
  egress-priority: 0" "$("$fwctl" --permanent --zone=bbb --list-all | sed -n '2,4p')"
check "not in force before a reload" "refused" "$(connect)"
fwq --reload
check "after the reload bbb is classified first" "ip saddr 10.1.0.0/16 goto filter_IN_bbb
ip saddr 10.0.0.0/8 goto filter_IN_aaa
goto filter_IN_public" "$(chain filter_INPUT_ZONES)"
check "the client is in bbb: accepted" "accepted" "$(connect)"
check "runtime getZoneSettings2 has the key" "i -10" \
  "$(busctl --system call org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 \
     org.fedoraproject.FirewallD1.zone getZoneSettings2 s bbb |
     grep -o '"ingress_priority" i -10' | cut -d' ' -f2-)"
check "runtime --list-all shows it too" "  ingress-priority: -10" \
  "$("$fwctl" --zone=bbb --list-all | grep ingress-priority)"
check "postrouting keeps 1.3.3's order (egress priority 0)" \
  "ip daddr 10.0.0.0/8 goto nat_POST_aaa" \
  "$(chain nat_POSTROUTING_ZONES | head -1)"
check "back to 0" "success
rc=0" "$(fw --permanent --zone=bbb --set-ingress-priority=0)"
check "0 is not written" '<zone target="ACCEPT">' "$(grep '^<zone' "$work/etc/zones/bbb.xml")"

# --- policy disable and policy sets (2.4) ---------------------------------------------------------
fwq --permanent --zone=bbb --set-ingress-priority=-10
for p in gate grp-one grp-two; do fwq --permanent --new-policy=$p; done
fwq --permanent --policy=gate --add-ingress-zone=bbb
fwq --permanent --policy=gate --add-egress-zone=HOST
fwq --permanent --policy=gate --set-target=REJECT
fwq --reload
check "policy gate (bbb to HOST, REJECT) refuses the client" "refused" "$(connect)"
check "runtime --add-disable" "success
rc=0" "$(fw --policy=gate --add-disable)"
check "--query-disable" "yes
rc=0" "$(fw --policy=gate --query-disable)"
check "a disabled policy compiles to nothing" "" \
  "$(ip netns exec "$ns" nft list ruleset | grep -o 'filter_IN_policy_gate' | head -1)"
check "disabled at runtime: the client is accepted" "accepted" "$(connect)"
check "--info-policy shows it" "  disable: yes" "$("$fwctl" --info-policy=gate | grep disable)"
check "getPolicySettings has the key" "b true" \
  "$(busctl --system call org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 \
     org.fedoraproject.FirewallD1.policy getPolicySettings s gate |
     grep -o '"disable" b true' | cut -d' ' -f2-)"
check "runtime --remove-disable" "success
rc=0" "$(fw --policy=gate --remove-disable)"
check "enabled again: refused" "refused" "$(connect)"
check "an enabled policy has no key" "" \
  "$(busctl --system call org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 \
     org.fedoraproject.FirewallD1.policy getPolicySettings s gate | grep -o disable || true)"
check "--permanent --add-disable" "success
rc=0" "$(fw --permanent --policy=gate --add-disable)"
check "written as <disable/>" "  <disable/>" "$(grep disable "$work/etc/policies/gate.xml")"
fwq --reload
check "disabled in the file: accepted after the reload" "accepted" "$(connect)"
check "--policy-set needs --add/--remove-disable" \
  "usage: 'fwctl --help' for usage information or see fwctl(1) man page
Option --policy-set may only be used with --add-disable or --remove-disable.
rc=2" "$(fw --policy-set=grp --add-service=ssh)"
check "--policy-set --add-disable" "success
rc=0" "$(fw --permanent --policy-set=grp --add-disable)"
check "both disabled" "yes yes" \
  "$("$fwctl" --permanent --policy=grp-one --query-disable) $(
     "$fwctl" --permanent --policy=grp-two --query-disable)"
check "gate untouched" "yes" "$("$fwctl" --permanent --policy=gate --query-disable)"
fwq --permanent --policy-set=grp --remove-disable
check "--policy-set --remove-disable" "no no" \
  "$("$fwctl" --permanent --policy=grp-one --query-disable) $(
     "$fwctl" --permanent --policy=grp-two --query-disable)"
fwq --reload
check "--policy-set at runtime" "success
rc=0" "$(fw --policy-set=grp --add-disable)"
check "runtime: both disabled" "yes yes" \
  "$("$fwctl" --policy=grp-one --query-disable) $("$fwctl" --policy=grp-two --query-disable)"

# --- the config watcher (2.5) ---------------------------------------------------------------------
log=$work/daemon$daemon_runs.log
wait_log() {  # wait_log PATTERN: until the log has it (20 s at most); prints the matching line
  for _ in $(seq 40); do grep -m1 -- "$1" "$log" && return 0; sleep 0.5; done
  return 0
}
# The daemon's own writes above (every --permanent change) did not count; they came more than
# 5 s ago only if the machine was slow, so wait out one quiet period to be sure none is pending.
sleep 6
check "the daemon's own writes are not reported" "" "$(grep 'Detected permanent' "$log" || true)"
cat > "$work/etc/zones/trusted.xml.bak" <<'XML'
<zone target="ACCEPT"/>
XML
cat > "$work/etc/zones/ccc.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<zone>
  <service name="ssh"/>
</zone>
XML
check "a new zone file behind the daemon's back is reported" \
  "Detected permanent (on-disk) configuration change out-of-band of firewalld!" \
  "$(wait_log 'Detected permanent' | sed 's/^[0-9-]* [0-9:]* //')"
check "with the command that applies it" "  # fwctl --reload" \
  "$(wait_log '# fwctl --reload' | sed 's/^[0-9-]* [0-9:]* //')"
fwq --reload
check "the reload put it in force" "ccc" "$("$fwctl" --get-zones | tr ' ' '\n' | grep ccc)"
cat > "$work/etc/zones/ccc.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<zone>
  <service name="doesnotexist"/>
</zone>
XML
check "an invalid change: firewalld 2.5's warning" \
  "WARNING: Unfortunately, the new configuration cannot be loaded by the running firewalld. \
This may occur if new configuration was installed that the running firewalld does not support. \
Or it may occur if the configuration is invalid." \
  "$(wait_log 'Unfortunately' | sed 's/^[0-9-]* [0-9:]* //')"
check "the problem first" \
  "WARNING: INVALID_SERVICE: Zone 'ccc': 'doesnotexist' not among existing services" \
  "$(grep -B1 'Unfortunately' "$log" | head -1 | sed 's/^[0-9-]* [0-9:]* //')"
check "reported once per change before a reload" "2" "$(grep -c 'Detected permanent' "$log")"

daemon_stop

# --- without a daemon: fwctl --offline (firewall-offline-cmd) and --permanent on the files --------
off=$work/offline
mkdir -p "$off"
printf 'DefaultZone=public\nFirewallBackend=nftables\n' > "$off/firewalld.conf"
offline() {
  "$fwctl" --offline --default-config "$src" --system-config "$off" "$@" 2>&1
  echo "rc=$?"
}
nobus() {
  DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/nobus "$fwctl" --permanent --default-config "$src" \
    --system-config "$off" "$@" 2>&1
  echo "rc=$?"
}
offline --new-zone=z1 > /dev/null
offline --new-policy=gw-a > /dev/null
offline --new-policy=gw-b > /dev/null
check "--offline --set-ingress-priority" "success
rc=0" "$(offline --zone=z1 --set-ingress-priority=7)"
check "--offline: out of range" \
  "INVALID_PRIORITY: Zone 'z1': 99999 is an invalid priority value. \
Must be in range [-32768, 32767].
rc=139" "$(offline --zone=z1 --set-egress-priority=99999)"
check "--permanent without a daemon --set-egress-priority" "success
rc=0" "$(nobus --zone=z1 --set-egress-priority=-4)"
check "both written" '<zone ingress-priority="7" egress-priority="-4">' \
  "$(grep '^<zone' "$off/zones/z1.xml")"
check "--offline --get-egress-priority" "-4
rc=0" "$(offline --zone=z1 --get-egress-priority)"
check "--offline --policy-set --add-disable" "success
rc=0" "$(offline --policy-set=gw --add-disable)"
check "--offline: both disabled" "yes
rc=0
yes
rc=0" "$(offline --policy=gw-a --query-disable; offline --policy=gw-b --query-disable)"
check "without a daemon --policy-set --remove-disable" "success
rc=0" "$(nobus --policy-set=gw --remove-disable)"
check "without a daemon: enabled again" "no
rc=1" "$(nobus --policy=gw-b --query-disable)"
finish
