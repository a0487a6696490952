#!/usr/bin/env bash
# Issue 18: the firewalld 2.x features fwctl offers on the 1.3 API, through fwctld: their
# firewalld.conf keys as properties of fwctl's own interface org.fwctl.Config1 on /config (Get,
# Set, refusals with firewalld's codes, the file written), firewalld 1.3.3's config interface
# unchanged, and what a reload puts into the kernel. Packets: tests/integration/traffic_test.cpp.
#
#   daemon_firewalld2x.sh FWCTLD SOURCE_DIR
source "$(dirname "$0")/daemon_lib.sh" "$@"
export LC_ALL=C.UTF-8

config=/org/fedoraproject/FirewallD1/config
prop() {  # prop get|set NAME [VALUE]: org.fwctl.Config1 through busctl, its output or error
  if [ "$1" = get ]; then
    busctl --system get-property org.fedoraproject.FirewallD1 $config org.fwctl.Config1 "$2" 2>&1
  else
    busctl --system set-property org.fedoraproject.FirewallD1 $config org.fwctl.Config1 "$2" s "$3" 2>&1
  fi
}
conf_key() { grep "^$1=" "$work/etc/firewalld.conf" || echo "(no $1 line)"; }
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
  "Failed to set property NftablesCounters on interface org.fwctl.Config1: INVALID_VALUE: 'maybe' for NftablesCounters" \
  "$(prop set NftablesCounters maybe)"
check "NftablesCounters: the file keeps no line" "(no NftablesCounters line)" "$(conf_key NftablesCounters)"
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

daemon_stop
finish
