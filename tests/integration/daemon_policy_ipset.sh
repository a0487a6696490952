#!/usr/bin/env bash
# Issue 4: runtime policies, ipsets, panic mode, log-denied and complete reload of fwctld, driven
# by Debian's python firewall-cmd in a network namespace with a private bus.
#
#   daemon_policy_ipset.sh FWCTLD SOURCE_DIR
#
# The expected outputs are what firewalld 1.3.3 printed for the same commands in the fw-sandbox
# with the same ipset (test.xml below); daemon_policy_ipset_log_denied_all.nft is its
# `nft list table inet firewalld` after --set-log-denied=all. The kernel is read back with nft.
# Exits 77 (skipped) when not root or when a tool is missing.
source "$(dirname "$0")/daemon_lib.sh" "$@"

mkdir -p "$work/etc/ipsets"
cat > "$work/etc/ipsets/test.xml" <<'EOF'
<?xml version="1.0" encoding="utf-8"?>
<ipset type="hash:ip">
  <short>Test</short>
  <entry>10.0.0.1</entry>
</ipset>
EOF
printf 'DefaultZone=public\nFirewallBackend=nftables\n' > "$work/etc/firewalld.conf"
daemon_start
kernel() { ip netns exec "$ns" nft "$@"; }

# ---- policies
check "--get-policies" "allow-host-ipv6" "$(fwcmd --get-policies)"
check "--get-active-policies" "allow-host-ipv6
  ingress-zones: ANY
  egress-zones: HOST" "$(fwcmd --get-active-policies)"
# gdbus prints the dict as it comes: firewalld's key order, ingress before egress.
check "getActivePolicies keeps firewalld's key order" \
  "({'allow-host-ipv6': {'ingress_zones': ['ANY'], 'egress_zones': ['HOST']}},)" \
  "$(gdbus call --system --dest org.fedoraproject.FirewallD1 \
    --object-path /org/fedoraproject/FirewallD1 \
    --method org.fedoraproject.FirewallD1.policy.getActivePolicies)"
policy_info='allow-host-ipv6 (active)
  priority: -15000
  target: CONTINUE
  ingress-zones: ANY
  egress-zones: HOST
  services: 
  ports: 
  protocols: 
  masquerade: no
  forward-ports: 
  source-ports: 
  icmp-blocks: 
  rich rules: 
	rule family="ipv6" icmp-type name="neighbour-advertisement" accept
	rule family="ipv6" icmp-type name="neighbour-solicitation" accept
	rule family="ipv6" icmp-type name="router-advertisement" accept
	rule family="ipv6" icmp-type name="redirect" accept'
check "--policy --list-all" "$policy_info" "$(fwcmd --policy=allow-host-ipv6 --list-all)"
check "--info-policy" "$policy_info" "$(fwcmd --info-policy=allow-host-ipv6)"
check "--policy --add-port=8080/tcp" "success" \
  "$(fwcmd --policy=allow-host-ipv6 --add-port=8080/tcp)"
check "--policy --list-ports" "8080/tcp" "$(fwcmd --policy=allow-host-ipv6 --list-ports)"
# firewalld appends a runtime port after the rich rules; fwctl's kernel holds the chain as a
# (re)load compiles it, port rules first (what firewalld lists after its next reload). Same rules,
# other listing order: compared sorted.
check "policy allow chain in the kernel (sorted)" "$(printf '%s\n' \
  "		icmpv6 type nd-neighbor-advert accept" \
  "		icmpv6 type nd-neighbor-solicit accept" \
  "		icmpv6 type nd-redirect accept" \
  "		icmpv6 type nd-router-advert accept" \
  "		tcp dport 8080 accept" | LC_ALL=C sort)" \
  "$(kernel list chain inet firewalld filter_IN_policy_allow-host-ipv6_allow \
     | grep -P '^\t\t' | LC_ALL=C sort)"
check "--policy --add-port again" "Warning: ALREADY_ENABLED: '8080:tcp'
success
rc=0" "$(fwcmd_rc --policy=allow-host-ipv6 --add-port=8080/tcp)"
check "--policy --remove-port" "success" "$(fwcmd --policy=allow-host-ipv6 --remove-port=8080/tcp)"
check "port rule removed" "0" \
  "$(kernel list chain inet firewalld filter_IN_policy_allow-host-ipv6_allow |
     grep -c 8080 || true)"
check "--policy --add-service=nope" \
  "Error: INVALID_SERVICE: Policy 'allow-host-ipv6': 'nope' not among existing services
rc=101" "$(fwcmd_rc --policy=allow-host-ipv6 --add-service=nope)"
check "--policy=nope" "Error: INVALID_POLICY: nope
rc=140" "$(fwcmd_rc --policy=nope --list-all)"

# ---- ipsets
set_listing() { kernel list set inet firewalld test; }
check "--get-ipsets" "test" "$(fwcmd --get-ipsets)"
check "--info-ipset" "test
  type: hash:ip
  options: 
  entries: 10.0.0.1" "$(fwcmd --info-ipset=test)"
check "--add-entry" "success" "$(fwcmd --ipset=test --add-entry=10.0.0.2)"
check "--add-entry again" "Warning: ALREADY_ENABLED: '10.0.0.2' already is in 'test'
success
rc=0" "$(fwcmd_rc --ipset=test --add-entry=10.0.0.2)"
check "--add-entry=nonsense" \
  "Error: INVALID_ENTRY: invalid address 'nonsense' in 'nonsense' for hash:ip (ipv4)
rc=136" "$(fwcmd_rc --ipset=test --add-entry=nonsense)"
check "--add-entry overlapping" \
  "Error: INVALID_ENTRY: Entry '10.0.0.0/24' overlaps with existing entry '10.0.0.1'
rc=136" "$(fwcmd_rc --ipset=test --add-entry=10.0.0.0/24)"
check "--query-entry" "yes" "$(fwcmd --ipset=test --query-entry=10.0.0.2)"
check "--get-entries" "10.0.0.1
10.0.0.2" "$(fwcmd --ipset=test --get-entries)"
check "set in the kernel" "table inet firewalld {
	set test {
		type ipv4_addr
		flags interval
		elements = { 10.0.0.1, 10.0.0.2 }
	}
}" "$(set_listing)"
check "--remove-entry" "success" "$(fwcmd --ipset=test --remove-entry=10.0.0.2)"
check "--remove-entry again" "Warning: NOT_ENABLED: '10.0.0.2' not in 'test'
success
rc=0" "$(fwcmd_rc --ipset=test --remove-entry=10.0.0.2)"
check "--query-entry after remove" "no
rc=1" "$(fwcmd_rc --ipset=test --query-entry=10.0.0.2)"
check "element removed from the kernel" "1" "$(set_listing | grep -c 'elements = { 10.0.0.1 }')"
check "--ipset=nope" "Error: INVALID_IPSET: nope
rc=135" "$(fwcmd_rc --ipset=nope --get-entries)"

# ---- panic mode
check "--query-panic" "no
rc=1" "$(fwcmd_rc --query-panic)"
check "--panic-off when off" "Warning: NOT_ENABLED: panic mode is not enabled
success
rc=0" "$(fwcmd_rc --panic-off)"
check "--panic-on" "success" "$(fwcmd --panic-on)"
check "--panic-on again" "Warning: ALREADY_ENABLED: panic mode already enabled
success
rc=0" "$(fwcmd_rc --panic-on)"
check "--query-panic on" "yes" "$(fwcmd --query-panic)"
check "panic table" "table inet firewalld_policy_drop {
	chain raw_prerouting {
		type filter hook prerouting priority raw + 9; policy drop;
	}

	chain raw_output {
		type filter hook output priority raw + 9; policy drop;
	}
}" "$(kernel list table inet firewalld_policy_drop)"
check "zone change in panic mode" "Error: PANIC_MODE
rc=15" "$(fwcmd_rc --zone=public --add-port=8080/tcp)"
check "policy change in panic mode" "Error: PANIC_MODE
rc=15" "$(fwcmd_rc --policy=allow-host-ipv6 --add-port=8080/tcp)"
check "ipset entry in panic mode" "success" "$(fwcmd --ipset=test --add-entry=10.0.0.3)"
check "--reload in panic mode" "success" "$(fwcmd --reload)"
check "tables after a reload in panic mode" "table inet firewalld_policy_drop
table inet firewalld" "$(kernel list tables)"
check "--panic-off" "success" "$(fwcmd --panic-off)"
check "--query-panic off" "no
rc=1" "$(fwcmd_rc --query-panic)"
check "tables after panic off" "table inet firewalld" "$(kernel list tables)"

# ---- log denied: written to firewalld.conf, then a reload puts it in force
check "--get-log-denied" "off" "$(fwcmd --get-log-denied)"
check "--set-log-denied=all" "success" "$(fwcmd --set-log-denied=all)"
check "--set-log-denied=all again" "Warning: ALREADY_SET: all
success
rc=0" "$(fwcmd_rc --set-log-denied=all)"
check "--set-log-denied=bogus" \
  "Error: INVALID_VALUE: 'bogus', choose from 'all','unicast','broadcast','multicast','off'
rc=114" "$(fwcmd_rc --set-log-denied=bogus)"
check "--get-log-denied after set" "all" "$(fwcmd --get-log-denied)"
check "LogDenied in firewalld.conf" "LogDenied=all" \
  "$(grep '^LogDenied=' "$work/etc/firewalld.conf")"
check "kernel table with LogDenied=all" \
  "$(cat "$src/tests/integration/daemon_policy_ipset_log_denied_all.nft")" \
  "$(kernel list table inet firewalld)"
check "--set-log-denied=off" "success" "$(fwcmd --set-log-denied=off)"
check "no log rules with off" "0" \
  "$(kernel list table inet firewalld | grep -c 'log prefix' || true)"

# ---- complete reload: runtime changes go, as with reload
check "--add-entry before complete reload" "success" "$(fwcmd --ipset=test --add-entry=10.0.0.4)"
check "--complete-reload" "success" "$(fwcmd --complete-reload)"
check "--get-entries after complete reload" "10.0.0.1" "$(fwcmd --ipset=test --get-entries)"
check "--state after complete reload" "running" "$(fwcmd --state)"

# ---- resetToDefaults (firewall-cmd has no option for it): the system tree's item files become
# NAME.xml.old, firewalld.conf gets the built-in defaults, and the daemon reloads.
fwcmd --set-log-denied=unicast >/dev/null
check "resetToDefaults" "" "$(busctl --system call org.fedoraproject.FirewallD1 \
  /org/fedoraproject/FirewallD1 org.fedoraproject.FirewallD1 resetToDefaults 2>&1)"
check "ipset file backed up" "test.xml.old" "$(ls "$work/etc/ipsets")"
check "--get-ipsets after reset" "" "$(fwcmd --get-ipsets)"
check "--get-log-denied after reset" "off" "$(fwcmd --get-log-denied)"
check "set gone from the kernel" "0" "$(kernel list sets | grep -c 'set test' || true)"

daemon_stop
check "exit status after SIGTERM" "0" "$daemon_rc"
finish
