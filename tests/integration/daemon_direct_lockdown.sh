#!/usr/bin/env bash
# Issue 4: the direct interface and lockdown, driven by Debian's firewall-cmd (and busctl and
# python dbus for calls it does not make), against the real iptables (iptables-nft) inside the
# test's network namespace. Expected outputs are firewalld 1.3.3's (checked in fw-sandbox).
#
#   daemon_direct_lockdown.sh FWCTLD SOURCE_DIR   (exits 77, skipped, without root or a tool)
source "$(dirname "$0")/daemon_lib.sh" "$@"
for tool in /usr/sbin/iptables /usr/sbin/iptables-restore setpriv; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

ipt() { ip netns exec "$ns" iptables "$@"; }
bus() {  # busctl call on the main object: bus INTERFACE_SUFFIX METHOD [SIGNATURE ARGS...]
  local itf=$1; shift
  busctl --system call org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 \
    "org.fedoraproject.FirewallD1$itf" "$@" 2>&1 || true
}

# Permanent configuration read at start: a direct chain with a rule, and a whitelist letting
# firewall-cmd in by its command line.
cat > "$work/etc/direct.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<direct>
  <chain ipv="ipv4" table="filter" chain="permchain"/>
  <rule ipv="ipv4" table="filter" chain="permchain" priority="0">-j ACCEPT</rule>
</direct>
XML
cat > "$work/etc/lockdown-whitelist.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<whitelist>
  <command name="/usr/bin/python3 /usr/bin/firewall-cmd*"/>
</whitelist>
XML
daemon_start

echo "== direct: passthrough runs the real tool"
check "passthrough ipv4 -t filter -L" "$(ipt -t filter -L; echo; echo success)" \
  "$(fwcmd --direct --passthrough ipv4 -t filter -L)"
check "passthrough failing" \
  "$(printf "Error: COMMAND_FAILED: '/usr/sbin/iptables -w10 -t filter -X nosuch' failed: \
iptables: No chain/target/match by that name.\n\nrc=13")" \
  "$(fwcmd_rc --direct --passthrough ipv4 -t filter -X nosuch)"

echo "== direct: chains and rules"
check "permanent chain applied at start" "ipv4 filter permchain" \
  "$(fwcmd --direct --get-all-chains)"
check "add-chain" "success" "$(fwcmd --direct --add-chain ipv4 filter mychain)"
check "add-chain twice" "Warning: ALREADY_ENABLED: chain 'mychain' already is in 'ipv4:filter'
success" "$(fwcmd --direct --add-chain ipv4 filter mychain 2>&1)"
check "add-chain INPUT" "Error: BUILTIN_CHAIN: chain 'INPUT' is built-in chain
rc=19" "$(fwcmd_rc --direct --add-chain ipv4 filter INPUT)"
check "add-chain bad table" "\
Error: INVALID_TABLE: 'foo' not in 'dict_keys(['security', 'raw', 'mangle', 'nat', 'filter'])'
rc=108" "$(fwcmd_rc --direct --add-chain ipv4 foo foo)"
fwcmd --direct --add-rule ipv4 filter mychain 0 -j ACCEPT >/dev/null
fwcmd --direct --add-rule ipv4 filter INPUT 1 -p tcp --dport 22 -j mychain >/dev/null
fwcmd --direct --add-rule ipv4 filter INPUT 0 -s 1.2.3.4,5.6.7.8 -j DROP >/dev/null
fwcmd --direct --add-rule ipv4 filter INPUT_direct 0 -p udp -j ACCEPT >/dev/null
check "get-all-rules" "ipv4 filter permchain 0 -j ACCEPT
ipv4 filter mychain 0 -j ACCEPT
ipv4 filter INPUT 1 -p tcp --dport 22 -j mychain
ipv4 filter INPUT 0 -s 1.2.3.4,5.6.7.8 -j DROP
ipv4 filter INPUT_direct 0 -p udp -j ACCEPT" "$(fwcmd --direct --get-all-rules)"
check "get-rules INPUT" "1 -p tcp --dport 22 -j mychain
0 -s 1.2.3.4,5.6.7.8 -j DROP" "$(fwcmd --direct --get-rules ipv4 filter INPUT)"
check "query-rule" "yes" "$(fwcmd --direct --query-rule ipv4 filter mychain 0 -j ACCEPT)"
check "iptables ruleset" "-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-N mychain
-N permchain
-A INPUT -p udp -j ACCEPT
-A INPUT -s 1.2.3.4/32 -j DROP
-A INPUT -s 5.6.7.8/32 -j DROP
-A INPUT -p tcp -m tcp --dport 22 -j mychain
-A mychain -j ACCEPT
-A permchain -j ACCEPT" "$(ipt -S)"
check "remove-rule (split)" "success" \
  "$(fwcmd --direct --remove-rule ipv4 filter INPUT 0 -s 1.2.3.4,5.6.7.8 -j DROP)"
check "iptables after remove-rule" "-A INPUT -p udp -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -j mychain" "$(ipt -S INPUT | grep -- '^-A')"
check "add-passthrough" "success" "$(fwcmd --direct --add-passthrough ipv4 -A mychain -j DROP)"
check "add-passthrough -L" "Error: INVALID_PASSTHROUGH: arg '-L' is not allowed
rc=133" "$(fwcmd_rc --direct --add-passthrough ipv4 -L)"
check "get-all-passthroughs" "ipv4 -A mychain -j DROP" "$(fwcmd --direct --get-all-passthroughs)"
check "passthrough in the kernel" "-A mychain -j ACCEPT
-A mychain -j DROP" "$(ipt -S mychain | grep -- '^-A')"
check "ruleset nft side untouched" "$(cat "$src/tests/golden/default.nft")" \
  "$(ip netns exec "$ns" nft list table inet firewalld)"

echo "== direct: reload puts back the permanent configuration only"
check "reload" "success" "$(fwcmd --reload)"
check "rules after reload" "ipv4 filter permchain 0 -j ACCEPT" "$(fwcmd --direct --get-all-rules)"
check "iptables after reload" "-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT
-N permchain
-A permchain -j ACCEPT" "$(ipt -S)"

echo "== direct: permanent configuration"
check "permanent add-rule" "success" \
  "$(fwcmd --permanent --direct --add-rule ipv4 filter permchain 1 \
       -m comment --comment "a b'c" -j DROP)"
check "direct.xml as firewalld writes it" '<?xml version="1.0" encoding="utf-8"?>
<direct>
  <chain ipv="ipv4" table="filter" chain="permchain"/>
  <rule ipv="ipv4" table="filter" chain="permchain" priority="0">-j ACCEPT</rule>
  <rule ipv="ipv4" table="filter" chain="permchain" priority="1">-m comment --comment '"'a b'\"'\"'c'"' -j DROP</rule>
</direct>' "$(cat "$work/etc/direct.xml")"
check "permanent get-all-rules" "ipv4 filter permchain 0 -j ACCEPT
ipv4 filter permchain 1 -m comment --comment 'a b'\"'\"'c' -j DROP" \
  "$(fwcmd --permanent --direct --get-all-rules)"
fwcmd --reload >/dev/null
# iptables -S escapes the quote; firewalld's rule reads back the same.
check "applied after reload" '-A permchain -j ACCEPT
-A permchain -m comment --comment "a b\'"'"'c" -j DROP' "$(ipt -S permchain | grep -- '^-A')"

echo "== lockdown"
check "query-lockdown" "no" "$(fwcmd --query-lockdown || true)"
check "enableLockdown" "" "$(bus .policies enableLockdown)"
check "query-lockdown on" "yes" "$(fwcmd --query-lockdown)"
check "busctl (not whitelisted) refused" "Call failed: ACCESS_DENIED: lockdown is enabled" \
  "$(bus .zone addPort sssi '' 8081 tcp 0)"
check "python (not whitelisted) refused" \
  "org.fedoraproject.FirewallD1.Exception ACCESS_DENIED: lockdown is enabled" \
  "$(/usr/bin/python3 -c '
import dbus
obj = dbus.SystemBus().get_object("org.fedoraproject.FirewallD1", "/org/fedoraproject/FirewallD1")
try:
    obj.passthrough("ipv4", ["-N", "x"], dbus_interface="org.fedoraproject.FirewallD1.direct")
except dbus.DBusException as e:
    print(e.get_dbus_name(), e.get_dbus_message())
')"
check "queries still served" "no" "$(bus .zone queryPort sss '' 8081 tcp | sed 's/^b false$/no/')"
check "firewall-cmd (whitelisted command) served" "success" "$(fwcmd --add-port=8080/tcp)"
# (dbus-python's log of the refused Introspect, as with firewalld: daemon_authorization.sh checks
# it)
check "nobody still refused by uid" "Authorization failed.
    Make sure polkit agent is running or run the application as superuser.
rc=253" "$(setpriv --reuid=nobody --regid=nogroup --clear-groups /usr/bin/firewall-cmd \
  --add-port=8082/tcp 2>&1 | grep -v '^ERROR:dbus.proxies:Introspect error'
  echo rc=${PIPESTATUS[0]})"
check "whitelist uid 0" "success" "$(fwcmd --add-lockdown-whitelist-uid=0)"
check "whitelist uid 0 twice" "Warning: ALREADY_ENABLED: Uid \"0\" already in whitelist
success" "$(fwcmd --add-lockdown-whitelist-uid=0 2>&1)"
check "bad command" "Error: INVALID_COMMAND: foo
rc=129" "$(fwcmd_rc --add-lockdown-whitelist-command=foo)"
check "busctl as whitelisted uid served" 's "public"' "$(bus .zone addPort sssi '' 8081 tcp 0)"
check "kernel got it" "yes" "$(fwcmd --query-port=8081/tcp)"
check "permanent whitelist user" "success" "$(fwcmd --permanent --add-lockdown-whitelist-user=root)"
check "lockdown-whitelist.xml as firewalld writes it" '<?xml version="1.0" encoding="utf-8"?>
<whitelist>
  <command name="/usr/bin/python3 /usr/bin/firewall-cmd*"/>
  <user name="root"/>
</whitelist>' "$(cat "$work/etc/lockdown-whitelist.xml")"
check "disableLockdown" "" "$(bus .policies disableLockdown)"
check "query-lockdown off" "no" "$(fwcmd --query-lockdown || true)"
check "runtime whitelist reset by reload" "success
/usr/bin/python3 /usr/bin/firewall-cmd*" \
  "$(fwcmd --reload; fwcmd --list-lockdown-whitelist-commands
     fwcmd --list-lockdown-whitelist-uids)"

daemon_stop
check "exit removes the direct chains" "-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT" "$(ipt -S)"

echo "== lockdown from firewalld.conf"
printf 'Lockdown=yes\n' > "$work/etc/firewalld.conf"
daemon_start
check "Lockdown=yes at start" "yes" "$(fwcmd --query-lockdown)"
check "whitelisted user root served" "success" "$(fwcmd --add-port=8083/tcp)"
check "busctl as root (user whitelisted) served" 's "public"' \
  "$(bus .zone addPort sssi '' 8084 tcp 0)"
daemon_stop

echo "== direct: a permanent rule iptables refuses (suite cases 194, 100, 110)"
printf 'FlushAllOnReload=no\n' > "$work/etc/firewalld.conf"
rm -f "$work/etc/lockdown-whitelist.xml"
cat > "$work/etc/direct.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<direct>
  <chain ipv="ipv4" table="filter" chain="permchain"/>
  <rule ipv="ipv4" table="filter" chain="INPUT" priority="1">-s 192.168.1.0/24 -j doesnotexist</rule>
</direct>
XML
daemon_start
check "start: state failed" "failed
rc=251" "$(fwcmd_rc --state)"
check "start: stock fallback, no direct entries" "-P INPUT ACCEPT
-P FORWARD ACCEPT
-P OUTPUT ACCEPT" "$(ipt -S)"
check "start: the API still answers" "public" "$(fwcmd --get-default-zone)"
cat > "$work/etc/direct.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<direct>
  <rule ipv="ipv4" table="filter" chain="INPUT" priority="0">-p tcp --dport 8080 -j ACCEPT</rule>
</direct>
XML
check "reload with good rules: running" "success
running" "$(fwcmd --reload; fwcmd --state)"
fwcmd -q --zone=public --add-interface=foobar0
fwcmd -q --direct --add-rule ipv4 filter FORWARD 0 -p tcp -j ACCEPT
fwcmd -q --permanent --direct --add-rule ipv4 filter INPUT 1 --a-bogus-flag
check "reload with a refused rule" "rc=13" "$(fwcmd_rc -q --reload | grep -v '^Error: ')"
check "state failed after it" "failed
rc=251" "$(fwcmd_rc --state)"
check "runtime interface kept" "public" "$(fwcmd --get-zone-of-interface=foobar0)"
check "runtime direct rule kept, permanent ones not in force" "-A FORWARD -p tcp -j ACCEPT" \
  "$(ipt -S | grep -- '^-A')"
check "passthrough queries failing" "rc=13
rc=13" "$(fwcmd_rc --direct --passthrough ipv4 -t filter -C nosuch -j ACCEPT | tail -1
  fwcmd_rc --direct --passthrough ipv4 -t filter -L nosuch | tail -1)"
daemon_stop
check "no ERROR for the failing passthrough queries" "" \
  "$(grep -E 'ERROR|WARNING' "$work/daemon$daemon_runs.log" | grep -E -- '-C nosuch|-L nosuch')"
check "the refused reload logged as an error" "1" \
  "$(grep -c "ERROR: COMMAND_FAILED: Direct: '/usr/sbin/iptables-restore -w -n' failed: \
.*--a-bogus-flag" \
     "$work/daemon$daemon_runs.log")"

finish
