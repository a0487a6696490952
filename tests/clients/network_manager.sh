#!/usr/bin/env bash
# NetworkManager 1.42 (Debian's) against the firewall daemon (issue 12).
#
#   network_manager.sh DAEMON SOURCE_DIR   DAEMON: fwctld's path, or "firewalld" for the reference
#
# In a mount and network namespace of the script's own (tests/clients/lib.sh): the real
# NetworkManager on the private system bus, with /etc/NetworkManager and /var/lib/NetworkManager
# replaced by scratch directories, /sys remounted read-only for this namespace (NetworkManager
# then works without udev, as in a container), every device but nm0 unmanaged, no DNS or
# hostname handling. Its profile nm0 is an ethernet profile carrying connection.zone, for nm0, one
# end of a veth pair (this kernel has no dummy devices) whose other end is up (a carrier).
# NetworkManager binds a device it activates with zone.changeZoneOfInterface (the profile's zone,
# or "" for the default zone), unbinds it with zone.removeInterface on deactivation and binds
# every active device again on the daemon's Reloaded signal and when org.fedoraproject.FirewallD1
# gets a new owner. Checks: the binding follows activation, deactivation and zone changes, the
# nft ruleset dispatches nm0 to the zone, a reload and a daemon restart keep it, and
# runtimeToPermanent does not write NetworkManager's interface into the zone file while it does
# write one bound by the command line, and hands an interface another caller bound on
# NetworkManager's device to its profile.
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh" network_manager "$@" /usr/sbin/NetworkManager /usr/bin/nmcli nft

nm_pid=""
on_cleanup() {
  [ -n "$nm_pid" ] && kill "$nm_pid" 2>/dev/null && timeout 10 tail --pid="$nm_pid" -f /dev/null
  umount -l /etc/NetworkManager /var/lib/NetworkManager /sys 2>/dev/null
}
mkdir -p "$work/nm-etc/system-connections" "$work/nm-lib" /var/lib/NetworkManager
mount --bind "$work/nm-etc" /etc/NetworkManager
mount --bind "$work/nm-lib" /var/lib/NetworkManager
mount -t sysfs -o ro sysfs /sys
cat > /etc/NetworkManager/NetworkManager.conf <<'EOF'
[main]
plugins=keyfile
auth-polkit=false
dns=none
rc-manager=unmanaged
hostname-mode=none
no-auto-default=*
[keyfile]
unmanaged-devices=except:interface-name:nm0
[logging]
level=INFO
domains=DEFAULT,FIREWALL:DEBUG
EOF
profile() {  # profile ZONE-LINE
  cat > /etc/NetworkManager/system-connections/nm0.nmconnection <<EOF
[connection]
id=nm0
uuid=5e0e8d5c-0b1e-4c1a-9a61-6f6d5b2a0c01
type=ethernet
interface-name=nm0
autoconnect=false
$1
[ipv4]
method=manual
address1=10.233.0.1/24
[ipv6]
method=ignore
EOF
  chmod 0600 /etc/NetworkManager/system-connections/nm0.nmconnection
}
profile zone=work

# The daemon's answer itself: firewall-cmd's --get-zone-of-interface asks NetworkManager first.
zone_of() {
  local zone
  zone=$(dbus-send --system --print-reply=literal --dest=org.fedoraproject.FirewallD1 \
    /org/fedoraproject/FirewallD1 org.fedoraproject.FirewallD1.zone.getZoneOfInterface \
    string:nm0 2>&1 | xargs)
  echo "${zone:-no zone}"
}
expect_zone() {  # expect_zone WHAT ZONE: waits for NetworkManager's asynchronous call
  for _ in $(seq 100); do [ "$(zone_of)" = "$2" ] && break; sleep 0.1; done
  check "$1" "$2" "$(zone_of)"
}
# The interfaces of a zone's file (firewall-cmd's --permanent --list-interfaces adds those of
# NetworkManager's profiles with that zone; fwctl does not ask NetworkManager).
file_interfaces() {
  sed -n 's/.*<interface name="\([^"]*\)".*/\1/p' "$work/etc/zones/$1.xml" 2>/dev/null | xargs
}
# The interface's dispatch rule in fwctld's (and firewalld's) table.
dispatch() {
  nft list chain inet firewalld filter_INPUT_ZONES 2>/dev/null |
    sed -n 's/.*iifname "nm0" goto filter_IN_\([a-z_]*\).*/\1/p'
}

ip link add nm0 type veth peer name nm0p
ip link set nm0p up
start_daemon
NetworkManager --no-daemon --debug --config /etc/NetworkManager/NetworkManager.conf \
  --pid-file /run/nm.pid > "$work/NetworkManager.log" 2>&1 &
nm_pid=$!
pids+=("$nm_pid")
wait_for "NetworkManager answers" nmcli -t general status
check "nm0 unbound before activation" "no zone" "$(zone_of)"

nmcli connection up nm0 >/dev/null
expect_zone "activation binds nm0 to the profile's zone" work
check "nft dispatches nm0 to work" "work" "$(dispatch)"
# NetworkManager's calls so far, from its log (FIREWALL domain at DEBUG).
sent() { grep -c 'firewall zone change nm0' "$work/NetworkManager.log" || true; }
resent() { [ "$(sent)" -gt "$before" ]; }
before=$(sent)
"$fwcmd" --reload >/dev/null
check "a reload keeps NetworkManager's nm0 in work at once" "work" "$(zone_of)"
wait_for "NetworkManager binds nm0 again on Reloaded" resent || true

# runtimeToPermanent: NetworkManager's binding stays out of the files; ours goes in.
"$fwcmd" --zone=work --add-interface=cli0 >/dev/null
"$fwcmd" --runtime-to-permanent >/dev/null
check "runtime-to-permanent: work's permanent interfaces" "cli0" "$(file_interfaces work)"
"$fwcmd" --zone=work --remove-interface=cli0 >/dev/null
"$fwcmd" --permanent --zone=work --remove-interface=cli0 >/dev/null
# lib.sh's start_daemon binds veth-host itself (the new daemon would find it already bound).
"$fwcmd" --permanent --zone=public --remove-interface=veth-host >/dev/null

"$fwcmd" --reload >/dev/null
check "a reload keeps nm0 in work at once" "work" "$(zone_of)"
expect_zone "after the reload (NetworkManager re-sent it)" work

nmcli connection modify nm0 connection.zone home
nmcli device reapply nm0 >/dev/null
expect_zone "a zone change of the active profile moves nm0 to home" home
check "nft dispatches nm0 to home" "home" "$(dispatch)"

nmcli connection modify nm0 connection.zone ""
nmcli device reapply nm0 >/dev/null
expect_zone "no zone in the profile: the default zone" public
"$fwcmd" --set-default-zone=internal >/dev/null
check "the default-zone binding follows a new default zone" "internal" "$(zone_of)"
"$fwcmd" --set-default-zone=public >/dev/null

nmcli connection modify nm0 connection.zone trusted
nmcli device reapply nm0 >/dev/null
expect_zone "back to a named zone: trusted" trusted

# Bound by someone else, on a device NetworkManager runs with a saved profile: runtimeToPermanent
# sets the zone in the profile (firewalld's nm_set_zone_of_connection), not in the zone file.
dbus-send --system --print-reply --dest=org.fedoraproject.FirewallD1 \
  /org/fedoraproject/FirewallD1 org.fedoraproject.FirewallD1.zone.changeZoneOfInterface \
  string:dmz string:nm0 >/dev/null
check "nm0 moved to dmz by another caller" dmz "$(zone_of)"
"$fwcmd" --runtime-to-permanent >/dev/null
check "runtime-to-permanent hands nm0 to NetworkManager: not in dmz's file" "" \
  "$(file_interfaces dmz)"
check "runtime-to-permanent hands nm0 to NetworkManager: the profile's zone is dmz" dmz \
  "$(nmcli -g connection.zone connection show nm0)"
nmcli connection modify nm0 connection.zone trusted
expect_zone "the profile's zone again: trusted" trusted

stop_daemon
check "nothing answers while the daemon is down" "252" \
  "$("$fwcmd" --state >/dev/null 2>&1; echo $?)"
start_daemon
expect_zone "a new daemon gets nm0 from NetworkManager (NameOwnerChanged)" trusted
check "nft dispatches nm0 to trusted after the restart" "trusted" "$(dispatch)"
"$fwcmd" --runtime-to-permanent >/dev/null
check "runtime-to-permanent after the restart: trusted's permanent interfaces" "" \
  "$(file_interfaces trusted)"

nmcli connection down nm0 >/dev/null
# firewalld 1.3.3's runtimeToPermanent takes NetworkManager's interfaces out of its runtime zones
# too (it edits the runtime settings' own list), while their rules stay: its removeInterface then
# fails with UNKNOWN_INTERFACE and nm0 stays in trusted's rules. fwctld keeps the binding until
# NetworkManager removes it (docs/clients.md).
if [ "$daemon" = firewalld ]; then left=trusted; else left=""; fi
expect_zone "deactivation removes the binding" "no zone"
check "nft rule for nm0 after deactivation (firewalld: trusted, fwctld: none)" "$left" \
  "$(dispatch)"

finish
