#!/usr/bin/env bash
# Issue 18: the firewalld 2.x features fwctl offers on the 1.3 API, through fwctld: their
# firewalld.conf keys as properties of fwctl's own interface org.fwctl.Config1 on /config (Get,
# Set, refusals with firewalld's codes, the file written), firewalld 1.3.3's config interface
# unchanged, and what a reload puts into the kernel. Packets: tests/integration/traffic_test.cpp.
#
#   daemon_firewalld2x.sh FWCTLD SOURCE_DIR FWCTL
fwctl=${3:?usage: daemon_firewalld2x.sh FWCTLD SOURCE_DIR FWCTL}
source "$(dirname "$0")/daemon_lib.sh" "$@"
export LC_ALL=C.UTF-8

source "$(dirname "$0")/config_props.sh"
chain() {  # the rules of chain $1 in the namespace's kernel, without indentation
  ip netns exec "$ns" nft list chain inet firewalld "$1" | sed '1,2d' | head -n -2 |
    sed 's/^\t*//' | grep -v '^type ' || true
}

printf 'DefaultZone=public\nFirewallBackend=nftables\n' > "$work/etc/firewalld.conf"
daemon_start

# firewalld 1.3.3's interface: GetAll has exactly its 13 properties.
all=$(busctl --system call org.fedoraproject.FirewallD1 $config org.freedesktop.DBus.Properties \
  GetAll s org.fedoraproject.FirewallD1.config)
check "config GetAll: 13 properties, none of 2.x's" "a{sv} 13" "$(cut -d' ' -f1-2 <<< "$all")"

# --- NftablesCounters (2.0) ---------------------------------------------------------------------
check "NftablesCounters: default" 's "no"' "$(prop get NftablesCounters)"
check "NftablesCounters: a bad value is refused" \
  "$(refused NftablesCounters maybe)" \
  "$(prop set NftablesCounters maybe)"
check "NftablesCounters: the file keeps no line" "(no NftablesCounters line)" \
  "$(conf_key NftablesCounters)"
check "NftablesCounters: set" "" "$(prop set NftablesCounters yes)"
check "NftablesCounters: written" "NftablesCounters=yes" "$(conf_key NftablesCounters)"
check "NftablesCounters: read back" 's "yes"' "$(prop get NftablesCounters)"
check "NftablesCounters: not in the kernel before a reload" "reject with icmpx admin-prohibited" \
  "$(chain filter_INPUT | tail -1)"
fwcmd --reload > /dev/null
check "NftablesCounters: a counter on every rule after the reload" \
  "counter packets 0 bytes 0 reject with icmpx admin-prohibited" "$(chain filter_INPUT | tail -1)"
fwcmd --zone=public --add-port=1234/tcp > /dev/null
check "NftablesCounters: a runtime change has them too" \
  "tcp dport 22 counter packets 0 bytes 0 accept
ip6 daddr fe80::/64 udp dport 546 counter packets 0 bytes 0 accept
tcp dport 1234 counter packets 0 bytes 0 accept" "$(chain filter_IN_public_allow)"

# --- IPv6_rpfilter modes (2.2) -------------------------------------------------------------------
check "IPv6_rpfilter2: default" 's "yes"' "$(prop get IPv6_rpfilter2)"
check "IPv6_rpfilter2: a bad value is refused" \
  "$(refused IPv6_rpfilter2 bogus)" \
  "$(prop set IPv6_rpfilter2 bogus)"
check "IPv6_rpfilter2: case matters to the setter, as in 2.x" \
  "$(refused IPv6_rpfilter2 Loose)" \
  "$(prop set IPv6_rpfilter2 Loose)"
check "IPv6_rpfilter (1.3.3) still takes booleans only" \
  "$(refused IPv6_rpfilter loose org.fedoraproject.FirewallD1.config)" \
  "$(old set IPv6_rpfilter loose)"
check "IPv6_rpfilter2: set" "" "$(prop set IPv6_rpfilter2 loose-forward)"
check "IPv6_rpfilter2: written as IPv6_rpfilter" "IPv6_rpfilter=loose-forward" \
  "$(conf_key IPv6_rpfilter)"
check "IPv6_rpfilter2: read back" 's "loose-forward"' "$(prop get IPv6_rpfilter2)"
check "IPv6_rpfilter (1.3.3, s): a mode reads as yes" 's "yes"' "$(old get IPv6_rpfilter)"
fwcmd --reload > /dev/null
check "IPv6_rpfilter (1.3.3 root, b): on" "b true" "$(busctl --system get-property \
  org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 org.fedoraproject.FirewallD1 \
  IPv6_rpfilter)"
check "loose-forward: first in filter_FORWARD, nothing in filter_PREROUTING" \
  "meta nfproto ipv6 fib saddr . mark oif missing counter packets 0 bytes 0 drop|" \
  "$(chain filter_FORWARD | head -1)|$(chain filter_PREROUTING)"
check "IPv6_rpfilter2=no" "" "$(prop set IPv6_rpfilter2 no)"
fwcmd --reload > /dev/null
check "IPv6_rpfilter (1.3.3 root, b): off" "b false" "$(busctl --system get-property \
  org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 org.fedoraproject.FirewallD1 \
  IPv6_rpfilter)"
check "IPv6_rpfilter (1.3.3, s)" 's "no"' "$(old get IPv6_rpfilter)"

# --- StrictForwardPorts (2.3) --------------------------------------------------------------------
check "StrictForwardPorts: default" 's "no"' "$(prop get StrictForwardPorts)"
check "StrictForwardPorts: a bad value is refused" \
  "$(refused StrictForwardPorts on)" \
  "$(prop set StrictForwardPorts on)"
check "StrictForwardPorts: set" "" "$(prop set StrictForwardPorts yes)"
check "StrictForwardPorts: written" "StrictForwardPorts=yes" "$(conf_key StrictForwardPorts)"
fwcmd --reload > /dev/null
check "StrictForwardPorts: ct status dnat jumps to filter_FORWARD_dnat" \
  "ct status dnat counter packets 0 bytes 0 jump filter_FORWARD_dnat" \
  "$(chain filter_FORWARD | sed -n 2p)"
fwcmd --zone=public --add-forward-port=port=8443:proto=tcp:toaddr=10.9.9.9 > /dev/null
fwcmd --zone=public --add-forward-port=port=2222:proto=tcp:toport=22 > /dev/null
# nft 1.0.6 prints a proto-dst without protocol in hex (0x20fb = 8443, 0x8ae = 2222).
check "StrictForwardPorts: a runtime forward port is accepted in filter_FORWARD_dnat" \
  "ct original proto-dst 0x20fb [invalid type] counter packets 0 bytes 0 accept
counter packets 0 bytes 0 reject with icmpx admin-prohibited" "$(chain filter_FORWARD_dnat)"
check "StrictForwardPorts: a redirect in filter_INPUT_dnat" \
  "ct original proto-dst 0x8ae [invalid type] counter packets 0 bytes 0 accept
counter packets 0 bytes 0 reject with icmpx admin-prohibited" "$(chain filter_INPUT_dnat)"
fwcmd --zone=public --remove-forward-port=port=8443:proto=tcp:toaddr=10.9.9.9 > /dev/null
check "StrictForwardPorts: and removed with it" \
  "counter packets 0 bytes 0 reject with icmpx admin-prohibited" "$(chain filter_FORWARD_dnat)"

# --- rich-rule limit burst (2.2), through fwctl --------------------------------------------------
burst='rule service name="ftp" accept limit value="1/m" burst=10'
check "burst: runtime" "success" "$("$fwctl" --zone=public --add-rich-rule="$burst" 2>&1)"
check "burst: listed as 2.x prints it" "$burst" "$("$fwctl" --zone=public --list-rich-rules)"
check "burst: in the kernel" "\
tcp dport 21 counter packets 0 bytes 0 ct helper set \"helper-ftp-tcp\"
tcp dport 21 limit rate 1/minute burst 10 packets counter packets 0 bytes 0 accept" \
  "$(chain filter_IN_public_allow | grep 'dport 21')"
check "burst: out of range" "Error: INVALID_LIMIT: 0" \
  "$("$fwctl" --zone=public \
       --add-rich-rule='rule service name="ftp" accept limit value="1/m" burst=0' 2>&1)"
check "burst: permanent" "success" \
  "$("$fwctl" --permanent --zone=public --add-rich-rule="$burst" 2>&1)"
check "burst: written to the zone's file" '      <limit value="1/m" burst="10"/>' \
  "$(grep '<limit' "$work/etc/zones/public.xml")"

daemon_stop

# --offline: the same file.
rm -f "$work/etc/zones/public.xml"
check "burst: --offline" "success" \
  "$("$fwctl" --offline --default-config "$src" --system-config "$work/etc" --zone=public \
       --add-rich-rule="$burst" 2>&1)"
check "burst: --offline wrote it" '      <limit value="1/m" burst="10"/>' \
  "$(grep '<limit' "$work/etc/zones/public.xml")"
finish
