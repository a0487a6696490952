#!/usr/bin/env bash
# Issue 4: every runtime change of a zone through Debian's python firewall-cmd, against fwctld in
# a network namespace of its own on a private bus: protocols, source ports, ICMP blocks and
# their inversion, masquerading, forward ports, rich rules, interfaces, sources, the default
# zone, forward, and a port added with --timeout that goes away by itself (the PortRemoved
# signal is awaited, no sleeps). Outputs are firewalld 1.3.3's (fw-sandbox); kernel rules are
# the ones firewalld's ruleset holds after the same commands; every signal sent is recorded and
# compared with the ones firewalld sends for the same calls.
#
#   daemon_zone_runtime.sh FWCTLD SOURCE_DIR
#
# Exits 77 (skipped) when not root or when a tool is missing.
source "$(dirname "$0")/daemon_lib.sh" "$@"
daemon_start

# Every signal fwctld sends, one line each ("Member arg arg ..."; ZoneUpdated with the keys of
# its dict), until PortRemoved, the last one this test provokes.
coproc SIGNALS {
  /usr/bin/python3 -u -c '
import dbus
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib
DBusGMainLoop(set_as_default=True)
loop = GLib.MainLoop()
def seen(*args, member=None):
    if member == "ZoneUpdated":
        args = (args[0], ",".join(sorted(args[1])))
    print(" ".join([member] + [str(a) for a in args]))
    if member == "PortRemoved":
        loop.quit()
for interface in ["org.fedoraproject.FirewallD1", "org.fedoraproject.FirewallD1.zone"]:
    dbus.SystemBus().add_signal_receiver(seen, dbus_interface=interface, member_keyword="member")
print("ready")
GLib.timeout_add_seconds(60, loop.quit)  # a bound, not a wait: PortRemoved ends it first
loop.run()
'
}
ready=""
read -r -t 10 ready <&"${SIGNALS[0]}" || true
check "signal receiver" "ready" "$ready"

chain() { ip netns exec "$ns" nft list chain inet firewalld "$1"; }
has_rule() {  # has_rule CHAIN RULE: how many times RULE is in CHAIN
  chain "$1" | sed 's/^[[:space:]]*//' | grep -cxF "$2" || true
}
pub() { fwcmd_rc --zone=public "$@"; }

# --- elements of zone public -------------------------------------------------------------
check "--add-protocol=gre" "success
rc=0" "$(pub --add-protocol=gre)"
check "gre in the kernel" "1" "$(has_rule filter_IN_public_allow 'meta l4proto gre accept')"
check "--add-protocol=gre again" "Warning: ALREADY_ENABLED: 'gre' already in 'public'
success
rc=0" "$(pub --add-protocol=gre)"
check "--add-protocol=nope" "Error: INVALID_PROTOCOL: nope
rc=103" "$(pub --add-protocol=nope)"
check "--remove-protocol=ospf" "Warning: NOT_ENABLED: 'ospf' not in 'public'
success
rc=0" "$(pub --remove-protocol=ospf)"

check "--add-source-port=5000/udp" "success
rc=0" "$(pub --add-source-port=5000/udp)"
check "source port in the kernel" "1" "$(has_rule filter_IN_public_allow 'udp sport 5000 accept')"
check "--remove-source-port=6000/udp" "Warning: NOT_ENABLED: '6000:udp' not in 'public'
success
rc=0" "$(pub --remove-source-port=6000/udp)"

check "--add-icmp-block=echo-request" "success
rc=0" "$(pub --add-icmp-block=echo-request)"
check "ICMP block in the kernel" "1" \
  "$(has_rule filter_IN_public_deny 'icmp type echo-request reject with icmpx admin-prohibited')"
check "--add-icmp-block=nope" "Error: INVALID_ICMPTYPE: nope
rc=107" "$(pub --add-icmp-block=nope)"

check "--add-icmp-block-inversion" "success
rc=0" "$(pub --add-icmp-block-inversion)"
check "--query-icmp-block-inversion" "yes" "$(fwcmd --zone=public --query-icmp-block-inversion)"
check "--add-icmp-block-inversion again" \
  "Warning: ALREADY_ENABLED: icmp-block-inversion already enabled in 'public'
success
rc=0" "$(pub --add-icmp-block-inversion)"

check "--add-masquerade" "success
rc=0" "$(pub --add-masquerade)"
check "masquerade in the kernel" "1" \
  "$(has_rule nat_POST_public_allow 'meta nfproto ipv4 oifname != "lo" masquerade')"
check "--add-masquerade again" "Warning: ALREADY_ENABLED: masquerade already enabled in 'public'
success
rc=0" "$(pub --add-masquerade)"

check "--add-forward-port" "success
rc=0" "$(pub --add-forward-port=port=80:proto=tcp:toport=8080)"
check "forward port in the kernel" "1" \
  "$(has_rule nat_PRE_public_allow 'meta nfproto ipv4 tcp dport 80 redirect to :8080')"
check "--add-forward-port again" \
  "Warning: ALREADY_ENABLED: '80:tcp:8080:' already in 'public'
success
rc=0" "$(pub --add-forward-port=port=80:proto=tcp:toport=8080)"

check "--add-rich-rule" "success
rc=0" "$(pub --add-rich-rule='rule family=ipv4 source address=10.0.0.1 drop')"
check "rich rule in the kernel" "1" "$(has_rule filter_IN_public_deny 'ip saddr 10.0.0.1 drop')"
check "--add-rich-rule bad" "Error: INVALID_RULE: unknown element bad
rc=122" "$(pub --add-rich-rule='rule bad')"
check "--query-rich-rule (another spelling)" "yes" \
  "$(fwcmd --zone=public --query-rich-rule='rule family="ipv4" source address="10.0.0.1" drop')"

# --- interfaces and sources ----------------------------------------------------------------
check "--add-interface=dummy0" "success
rc=0" "$(pub --add-interface=dummy0)"
check "--add-source=10.1.0.0/16" "success
rc=0" "$(pub --add-source=10.1.0.0/16)"
check "--list-all" "public (active)
  target: default
  icmp-block-inversion: yes
  interfaces: dummy0
  sources: 10.1.0.0/16
  services: dhcpv6-client ssh
  ports: 
  protocols: gre
  forward: yes
  masquerade: yes
  forward-ports: 
	port=80:proto=tcp:toport=8080:toaddr=
  source-ports: 5000/udp
  icmp-blocks: echo-request
  rich rules: 
	rule family=\"ipv4\" source address=\"10.0.0.1\" drop" "$(fwcmd --zone=public --list-all)"

check "--change-interface to dmz" "success
rc=0" "$(fwcmd_rc --zone=dmz --change-interface=dummy0)"
check "--get-active-zones" "dmz
  interfaces: dummy0
public
  sources: 10.1.0.0/16" "$(fwcmd --get-active-zones)"
check "--get-zone-of-interface" "dmz" "$(fwcmd --get-zone-of-interface=dummy0)"
check "--add-interface taken" "Error: ZONE_CONFLICT: 'dummy0' already bound to 'dmz'
rc=18" "$(pub --add-interface=dummy0)"
check "--add-source taken" "Error: ZONE_CONFLICT: '10.1.0.0/16' already bound to a zone
rc=18" "$(fwcmd_rc --zone=work --add-source=10.1.0.0/16)"
check "--remove-source unknown" "Error: UNKNOWN_SOURCE: '10.9.0.0/16' is not in any zone
rc=30" "$(pub --remove-source=10.9.0.0/16)"

# --- default zone ------------------------------------------------------------------------------
check "--set-default-zone=home" "success
rc=0" "$(fwcmd_rc --set-default-zone=home)"
check "--get-default-zone" "home" "$(fwcmd --get-default-zone)"
check "firewalld.conf" "DefaultZone=home" "$(grep '^DefaultZone=' "$work/etc/firewalld.conf")"
check "filter_INPUT_ZONES" "ip saddr 10.1.0.0/16 goto filter_IN_public
iifname \"dummy0\" goto filter_IN_dmz
goto filter_IN_home" "$(chain filter_INPUT_ZONES | sed -n 's/^\t\t//p')"
check "--set-default-zone=home again" "Warning: ZONE_ALREADY_SET: home
success
rc=0" "$(fwcmd_rc --set-default-zone=home)"

# --- forward (setZoneSettings2) ----------------------------------------------------------------
check "--remove-forward" "success
rc=0" "$(pub --remove-forward)"
check "--query-forward" "no
rc=1" "$(pub --query-forward)"
check "--add-forward" "success
rc=0" "$(pub --add-forward)"

# --- a timed port: gone by itself, with the PortRemoved signal ----------------------------------
check "--add-port --timeout=5" "success
rc=0" "$(pub --add-port=7000/tcp --timeout=5)"
check "timed port listed" "7000/tcp" "$(fwcmd --zone=public --list-ports)"
check "timed port in the kernel" "1" "$(has_rule filter_IN_public_allow 'tcp dport 7000 accept')"
# The receiver ends with PortRemoved, sent when the timeout expires.
check "signals, the timed PortRemoved last" "ProtocolAdded public gre 0
SourcePortAdded public 5000 udp 0
IcmpBlockAdded public echo-request 0
IcmpBlockInversionAdded public
MasqueradeAdded public 0
ForwardPortAdded public 80 tcp 8080  0
RichRuleAdded public rule family=ipv4 source address=10.0.0.1 drop 0
InterfaceAdded public dummy0
SourceAdded public 10.1.0.0/16
ZoneOfInterfaceChanged dmz dummy0
ZoneChanged dmz dummy0
DefaultZoneChanged home
ZoneUpdated public forward
ZoneUpdated public forward
PortAdded public 7000 tcp 5
PortRemoved public 7000 tcp" "$(timeout 30 cat <&"${SIGNALS[0]}")"
check "timed port gone" "" "$(fwcmd --zone=public --list-ports)"
check "timed port gone from the kernel" "0" \
  "$(has_rule filter_IN_public_allow 'tcp dport 7000 accept')"

daemon_stop
check "exit status after SIGTERM" "0" "$daemon_rc"
finish
