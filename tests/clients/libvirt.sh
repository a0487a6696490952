#!/usr/bin/env bash
# libvirt 9.0 (Debian's libvirtd with its network driver and dnsmasq) against the firewall
# daemon (issue 12).
#
#   libvirt.sh DAEMON SOURCE_DIR    DAEMON: fwctld's path, or "firewalld" for the reference run
#
# In a mount and network namespace of the script's own (tests/clients/lib.sh): libvirtd with
# /etc/libvirt, /var/lib/libvirt, /var/log/libvirt and /var/cache/libvirt private (tmpfs), its
# sockets in the private /run, on a private system bus where DAEMON owns
# org.fedoraproject.FirewallD1. libvirt's package ships zone `libvirt` (and `libvirt-routed` with
# three policies) under /usr/lib/firewalld: firewalld reads them there; fwctld gets them from a
# default tree of its shipped files plus libvirt's, as the fwctl package leaves them installed.
# A NAT network `fwtest` (bridge virbr-fw, 192.168.150.0/24 and fd00:150::/64 with IPv6 NAT);
# the guest is a network namespace on the bridge through a veth.
# Checks: libvirt binds its bridge to zone `libvirt` (changeZoneOfInterface); the guest gets an
# address from libvirt's dnsmasq by DHCP (zone libvirt's dhcp service) and one by SLAAC from its
# router advertisements; the guest reaches outside masqueraded over IPv4 and IPv6 (libvirt's
# own iptables and ip6tables rules, the zone's ACCEPT target); a host port that the zone
# does not open is refused to the guest (the zone's reject rule at priority 32767); all of it
# again after `--reload` and after a restart of the daemon while libvirtd runs (libvirt
# re-applies on Reloaded and on NameOwnerChanged). Then a routed network `fwroute` (virbr-rt,
# 192.168.160.0/24): its bridge in zone `libvirt-routed`, a lease, the guest reaches outside
# with its own address and outside reaches the guest (policies libvirt-routed-out and -in), a
# host port rejected to the guest (policy libvirt-to-host). Exits 77 (skipped) when not root or
# when a tool is missing.
set -euo pipefail
source "$(dirname "$0")/lib.sh" libvirt "$@" /usr/sbin/libvirtd /usr/bin/virsh /usr/sbin/dnsmasq \
  /bin/busybox

virsh() { /usr/bin/virsh -q -c network:///system "$@"; }
on_cleanup() {
  virsh net-destroy fwtest >/dev/null 2>&1
  virsh net-destroy fwroute >/dev/null 2>&1
  for net in fwtest fwroute; do
    [ -f "/run/libvirt/network/$net.pid" ] && kill "$(cat "/run/libvirt/network/$net.pid")" \
      2>/dev/null
  done
  kill "$libvirtd_pid" 2>/dev/null && timeout 20 tail --pid="$libvirtd_pid" -f /dev/null
  for dir in /etc/libvirt /var/lib/libvirt /var/log/libvirt /var/cache/libvirt; do
    umount -l "$dir"
  done
}
for dir in /etc/libvirt /var/lib/libvirt /var/log/libvirt /var/cache/libvirt; do
  mount -t tmpfs tmpfs "$dir"
done
cat > /etc/libvirt/libvirtd.conf <<EOF
auth_unix_ro = "none"
auth_unix_rw = "none"
log_filters = "1:network 1:util.firewall 3:*"
log_outputs = "1:file:$work/libvirtd.log"
EOF

# fwctld's default tree: its shipped files with libvirt's zones and policies beside them.
default_config=$work/defaults
mkdir -p "$default_config"
cp -r "$src/zones" "$src/policies" "$default_config/"
cp /usr/lib/firewalld/zones/libvirt*.xml "$default_config/zones/"
cp /usr/lib/firewalld/policies/libvirt*.xml "$default_config/policies/"
for kind in services icmptypes helpers; do ln -s "$src/$kind" "$default_config/$kind"; done

start_daemon
/usr/sbin/libvirtd > "$work/libvirtd.out" 2>&1 &
libvirtd_pid=$!
pids+=("$libvirtd_pid")
wait_for "libvirtd answers" virsh net-list --all || finish

cat > "$work/fwtest.xml" <<'EOF'
<network>
  <name>fwtest</name>
  <bridge name='virbr-fw' stp='off'/>
  <forward mode='nat'>
    <nat ipv6='yes'/>
  </forward>
  <ip address='192.168.150.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.150.10' end='192.168.150.20'/>
    </dhcp>
  </ip>
  <ip family='ipv6' address='fd00:150::1' prefix='64'/>
</network>
EOF
virsh net-define "$work/fwtest.xml" >/dev/null
# Without zone `libvirt` on a firewall with the nftables backend, libvirt refuses to start it.
if ! virsh net-start fwtest > "$work/net-start.out" 2>&1; then
  check "libvirt starts the NAT network" "" "$(cat "$work/net-start.out")"
  finish
fi
zone_of_bridge() { "$fwcmd" --get-zone-of-interface=virbr-fw 2>&1; }
check "libvirt bound its bridge to zone libvirt" "libvirt" "$(zone_of_bridge)"

# The guest: a namespace on the bridge, configured by busybox's DHCP client.
add_peer_netns guest
ip link add vg-host type veth peer name eth0 netns guest
ip link set vg-host master virbr-fw up
# IPv6 by SLAAC from dnsmasq's router advertisements; the guest keeps soliciting once a second
# (its first solicitations go while the bridge port does not forward yet).
for setting in accept_dad=0 router_solicitation_interval=1 router_solicitations=-1; do
  ip netns exec guest sysctl -qw "net.ipv6.conf.eth0.$setting"
done
ip -n guest link set eth0 up
# The bridges run without STP (stp='off', libvirt's default is on: a new port then waits
# through the listening and learning states); still, the port must be forwarding.
port_forwards() { bridge link show dev vg-host | grep -q "state forwarding"; }
wait_for "the guest's bridge port forwards" port_forwards
guest_ipv6() { ip -n guest -6 -o addr show dev eth0 scope global | awk '{print $4}'; }
slaac() { [[ "$(guest_ipv6)" == fd00:150::*/64 ]] && ip -n guest -6 route | grep -q ^default; }
wait_for "the guest's IPv6 address and route from libvirt's router advertisements" slaac
cat > "$work/udhcpc.sh" <<EOF
#!/bin/sh
case "\$1" in
  bound|renew)
    ip -4 addr flush dev "\$interface"
    ip addr add "\$ip/\$mask" dev "\$interface"
    ip route replace default via "\$router"
    echo "\$ip via \$router" > "$work/lease";;
esac
EOF
chmod +x "$work/udhcpc.sh"
dhcp() {  # the guest's lease, asked anew
  rm -f "$work/lease"
  ip -n guest -4 addr flush dev eth0
  ip netns exec guest /bin/busybox udhcpc -i eth0 -n -q -f -t 5 -T 1 -s "$work/udhcpc.sh" \
    >/dev/null 2>&1 || true
  cat "$work/lease" 2>/dev/null || echo "no lease"
}
connect_from() {  # connect_from NETNS ADDRESS PORT: connected, refused or the error
  ip netns exec "$1" python3 -c '
import socket, sys
try:
    socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=3).sendall(b"hi\n")
    print("connected")
except ConnectionRefusedError:
    print("refused")
except OSError as e:
    print(e)
' "$2" "$3"
}
guest_connect() { connect_from guest "$@"; }
listen_forever() {  # listen_forever NETNS ("" for the host's) ADDRESS PORT
  local run=(ip netns exec "$1")
  [ -n "$1" ] || run=()
  "${run[@]}" python3 -c '
import socket, sys, time
s = socket.socket()
s.bind((sys.argv[1], int(sys.argv[2])))
s.listen(8)
time.sleep(3600)
' "$2" "$3" &
  pids+=("$!")
  wait_for "the listener on $2:$3" sh -c "${run[*]} ss -Htln | grep -q ':$3 '"
}
# A listener on the host's bridge address; zone libvirt opens only dhcp, dns, ssh, tftp and icmp.
listen_forever "" 192.168.150.1 9999

guest_works() {  # guest_works WHEN
  local lease
  lease=$(dhcp)
  check "the guest gets a lease from libvirt's dnsmasq ($1)" "yes" \
    "$([[ "$lease" =~ ^192\.168\.150\.(1[0-9]|20)\ via\ 192\.168\.150\.1$ ]] && echo yes \
       || echo "$lease")"
  listen_outside 9002
  guest_connect 10.232.0.2 9002 >/dev/null
  check "the guest reaches outside masqueraded ($1)" "10.232.0.1" "$(peer_seen)"
  listen_outside 9003 fd00:232::2
  guest_connect fd00:232::2 9003 >/dev/null
  check "the guest reaches outside masqueraded over IPv6 ($1)" "fd00:232::1" "$(peer_seen)"
  check "a host port zone libvirt does not open is refused to the guest ($1)" "refused" \
    "$(guest_connect 192.168.150.1 9999)"
}
guest_works "after net-start"

# libvirt re-applies on Reloaded and on a new owner of the name: it binds the bridge again,
# deletes its iptables rules and adds them anew, the CHECKSUM rule last. Its log tells when
# the N-th re-application (the first is at its start) is through.
reapplied() {  # reapplied N
  awk -v n="$1" '/networkReloadFirewallRules/ { r++; seen = 0; done = 0 }
    r >= n && /--insert LIBVIRT_PRT --out-interface virbr-fw/ { seen = 1 }
    seen && /Done applying groups/ { done = 1 }
    END { exit !(r >= n && done) }' "$work/libvirtd.log"
}
"$fwcmd" --reload >/dev/null
wait_for "libvirt re-applied its rules after the reload" reapplied 2
check "libvirt bound its bridge again after the reload" "libvirt" "$(zone_of_bridge)"
guest_works "after --reload"

stop_daemon
start_daemon
wait_for "libvirt re-applied its rules after the daemon's restart" reapplied 3
check "libvirt bound its bridge again after the daemon's restart" "libvirt" "$(zone_of_bridge)"
guest_works "after a restart of the daemon"

virsh net-destroy fwtest >/dev/null
check "the bridge stays in its zone when the network stops (libvirt leaves it)" "libvirt" \
  "$("$fwcmd" --get-zone-of-interface=virbr-fw 2>&1)"
# A routed network: libvirt binds its bridge to zone libvirt-routed, whose policies let any
# zone in (libvirt-routed-in), the guests out (libvirt-routed-out), and the host only its
# services (libvirt-to-host). Outside routes 192.168.160.0/24 through the host.
cat > "$work/fwroute.xml" <<'EOF'
<network>
  <name>fwroute</name>
  <bridge name='virbr-rt' stp='off'/>
  <forward mode='route'/>
  <ip address='192.168.160.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.160.10' end='192.168.160.20'/>
    </dhcp>
  </ip>
</network>
EOF
virsh net-define "$work/fwroute.xml" >/dev/null
virsh net-start fwroute >/dev/null
check "libvirt bound the routed network's bridge to zone libvirt-routed" "libvirt-routed" \
  "$("$fwcmd" --get-zone-of-interface=virbr-rt 2>&1)"
ip link set vg-host master virbr-rt
wait_for "the guest's port on the routed bridge forwards" port_forwards
ip -n outside route add 192.168.160.0/24 via 10.232.0.1
lease=$(dhcp)
check "the guest gets a lease on the routed network" "yes" \
  "$([[ "$lease" =~ ^192\.168\.160\.(1[0-9]|20)\ via\ 192\.168\.160\.1$ ]] && echo yes \
     || echo "$lease")"
guest_address=${lease%% *}
listen_outside 9006
guest_connect 10.232.0.2 9006 >/dev/null
check "the routed guest reaches outside with its own address" "$guest_address" "$(peer_seen)"
listen_forever guest "" 9007
check "outside reaches the routed guest (policy libvirt-routed-in)" "connected" \
  "$(connect_from outside "$guest_address" 9007)"
listen_forever "" 192.168.160.1 9998
# The policy's target REJECT answers admin-prohibited: "no route to host" to the guest.
check "a host port is rejected to the routed guest (policy libvirt-to-host)" \
  "[Errno 113] No route to host" \
  "$(connect_from guest 192.168.160.1 9998)"
virsh net-destroy fwroute >/dev/null
finish
