#!/usr/bin/env bash
# Issue 14, no window without a firewall: a datagram from a new socket every millisecond from a
# second namespace to a port that the old and the new configuration both refuse, while fwctld
#  - reloads ten times (each reload is one batch: the old table or the new one, never neither),
#  - is killed (SIGKILL) and started again by its supervisor three times (the table stays in
#    the kernel while no fwctld runs; the next one replaces it in one batch),
#  - starts with a broken zone file (the failed start falls back to the stock configuration,
#    again in one batch over the table in force), and reloads once the file is fixed.
# Not one datagram may arrive. Then the port is opened: datagrams arrive, so the stream could
# have shown a window. SIGTERM with CleanupOnExit=yes removes the table (as firewalld does): a
# stop is the one moment without a firewall, by design (README, "Reliability").
#
#   no_window.sh FWCTLD SOURCE_DIR     (exits 77, skipped, without root or a tool)
source "$(dirname "$0")/../integration/daemon_lib.sh" "$1" "$2"

peer=$ns-peer
add_peer_netns "$peer"
ip link add fwpeer netns "$ns" type veth peer name eth0 netns "$peer"
ip -n "$ns" addr add 10.82.1.1/24 dev fwpeer
ip -n "$peer" addr add 10.82.1.2/24 dev eth0
ip -n "$ns" link set fwpeer up
ip -n "$peer" link set eth0 up

printf 'DefaultZone=public\nFirewallBackend=nftables\n' > "$work/etc/firewalld.conf"
daemon_start

# Counts the datagrams that reach port 5556 until $work/stop exists.
ip netns exec "$ns" /usr/bin/python3 -c '
import os, socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("10.82.1.1", 5556))
s.settimeout(0.1)
print("bound", flush=True)
got = 0
while not os.path.exists(sys.argv[1]):
    try:
        s.recv(64)
        got += 1
    except socket.timeout:
        pass
open(sys.argv[2], "w").write(str(got))' "$work/stop" "$work/received" > "$work/receiver.out" &
receiver=$!
until grep -q bound "$work/receiver.out" 2>/dev/null; do sleep 0.1; done
# One datagram from a new socket (a new conntrack entry) every millisecond until $work/stop.
sender() {
  ip netns exec "$peer" /usr/bin/python3 -c '
import os, socket, sys, time
n = 0
while not os.path.exists(sys.argv[1]):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.sendto(b"x", ("10.82.1.1", 5556))
    n += 1
    time.sleep(0.001)
open(sys.argv[2], "w").write(str(n))' "$@"
}
sender "$work/stop" "$work/sent" &
sender_pid=$!

for _ in $(seq 10); do fwcmd --reload > /dev/null; done
for _ in 1 2 3; do
  kill -KILL "$daemon_pid"
  wait "$daemon_pid" 2>/dev/null || true
  sleep 0.2  # the moment without fwctld, its table in force
  daemon_start
done
mkdir -p "$work/etc/zones"
printf '<?xml version="1.0" encoding="utf-8"?>\n<zone><port port="x" protocol="tcp"/></zone>\n' \
  > "$work/etc/zones/public.xml"
kill -KILL "$daemon_pid"
wait "$daemon_pid" 2>/dev/null || true
daemon_start
check "a start with a broken zone file fails over to the stock configuration" "failed" \
  "$(fwcmd --state 2>&1 || true)"
rm "$work/etc/zones/public.xml"
fwcmd --reload > /dev/null
check "fixed and reloaded" "running" "$(fwcmd --state 2>&1)"

touch "$work/stop"
wait "$sender_pid" "$receiver"
echo "$(cat "$work/sent") datagrams sent during 10 reloads, 3 restarts and a failed start"
check "no datagram to a port both configurations refuse arrived" "0" "$(cat "$work/received")"

# The other side: once the port is open, the same stream arrives.
rm "$work/stop"
ip netns exec "$ns" /usr/bin/python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("10.82.1.1", 5556))
s.settimeout(10)
print("bound", flush=True)
s.recv(64)
print("arrived", flush=True)' > "$work/open.out" &
opened=$!
until grep -q bound "$work/open.out" 2>/dev/null; do sleep 0.1; done
fwcmd --add-port=5556/udp > /dev/null
sender "$work/stop" "$work/sent-open" &
sender_pid=$!
wait "$opened" || true
touch "$work/stop"
wait "$sender_pid"
check "with the port open the stream arrives (the test can see a window)" "arrived" \
  "$(tail -n 1 "$work/open.out")"
daemon_stop
finish
