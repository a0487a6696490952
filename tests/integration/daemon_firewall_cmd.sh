#!/usr/bin/env bash
# Issue 4: fwctld in a network namespace of its own with a private system bus, driven by Debian's
# python firewall-cmd (a real third-party client of our D-Bus API).
#
#   daemon_firewall_cmd.sh FWCTLD SOURCE_DIR
#
# Checks --state, --get-default-zone, --get-zones, --get-services, --list-all and --reload against
# firewalld 1.3.3's output for the stock configuration, the kernel's table against
# tests/golden/default.nft, and that SIGTERM removes the table (CleanupOnExit=yes).
# The daemon's readiness is its sd_notify READY=1 on a NOTIFY_SOCKET of the test's own: no sleeps.
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
fwctld=${1:?usage: daemon_firewall_cmd.sh FWCTLD SOURCE_DIR}
src=${2:?usage: daemon_firewall_cmd.sh FWCTLD SOURCE_DIR}

[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (network namespace, nftables)"; exit 77; }
for tool in dbus-daemon python3 /usr/bin/firewall-cmd nft ip timeout; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

work=$(mktemp -d /tmp/fwctl-daemon-test.XXXXXX)
ns=fwctl-dmn-$$
bus_pid=""
daemon_pid=""
cleanup() {
  [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null || true
  [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

failures=0
check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then
    echo "ok: $1"
  else
    echo "FAIL: $1"; diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") || true
    failures=$((failures + 1))
  fi
}

# A private system-type bus. dbus-daemon --fork returns once it listens.
sed "s|@LISTEN@|unix:path=$work/bus|" "$src/tests/integration/bus.conf.in" > "$work/bus.conf"
bus_pid=$(dbus-daemon --config-file="$work/bus.conf" --fork --print-pid)
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/bus

ip netns add "$ns"
ip -n "$ns" link set lo up
mkdir -p "$work/etc"

# NOTIFY_SOCKET listener: prints "bound" once it listens, exits 0 on READY=1 (1 after 20 s).
coproc WAITER {
  python3 -u -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(20)
print("bound")
try:
    while True:
        if "READY=1" in s.recv(4096).decode().split("\n"):
            sys.exit(0)
except socket.timeout:
    sys.exit(1)
' "$work/notify"
}
waiter_pid=$WAITER_PID
read -r -t 10 bound <&"${WAITER[0]}"
[ "$bound" = bound ]

NOTIFY_SOCKET=$work/notify ip netns exec "$ns" "$fwctld" --nofork --nopid \
  --default-config "$src" --system-config "$work/etc" \
  --log-target file --log-file "$work/daemon.log" &
daemon_pid=$!
if ! wait "$waiter_pid"; then
  echo "FAIL: fwctld did not signal READY=1 within 20 s"; cat "$work/daemon.log" || true; exit 1
fi

fwcmd() { /usr/bin/firewall-cmd "$@"; }

check "--state" "running" "$(fwcmd --state)"
check "--get-default-zone" "public" "$(fwcmd --get-default-zone)"
check "--get-zones" "block dmz drop external home internal public trusted work" "$(fwcmd --get-zones)"
services=$(cd "$src/services" && ls -1 ./*.xml | sed 's|^\./||; s|\.xml$||' | LC_ALL=C sort | tr '\n' ' ')
check "--get-services (221)" "${services% }" "$(fwcmd --get-services)"
check "221 services" "221" "$(fwcmd --get-services | wc -w)"
check "--list-all" "public
  target: default
  icmp-block-inversion: no
  interfaces: 
  sources: 
  services: dhcpv6-client ssh
  ports: 
  protocols: 
  forward: yes
  masquerade: no
  forward-ports: 
  source-ports: 
  icmp-blocks: 
  rich rules: " "$(fwcmd --list-all)"

golden=$(cat "$src/tests/golden/default.nft")
check "kernel table after start" "$golden" "$(ip netns exec "$ns" nft list table inet firewalld)"
check "--reload" "success" "$(fwcmd --reload)"
check "kernel table after reload" "$golden" "$(ip netns exec "$ns" nft list table inet firewalld)"
check "--state after reload" "running" "$(fwcmd --state)"

# SIGTERM: the daemon exits and, with CleanupOnExit=yes (the default), takes the table with it.
kill -TERM "$daemon_pid"
if timeout 10 tail --pid="$daemon_pid" -f /dev/null; then
  wait "$daemon_pid" && rc=0 || rc=$?
  check "exit status after SIGTERM" "0" "$rc"
else
  echo "FAIL: fwctld still running 10 s after SIGTERM"; failures=$((failures + 1))
fi
daemon_pid=""
check "table removed on exit" "" "$(ip netns exec "$ns" nft list tables)"

if [ "$failures" -ne 0 ]; then
  echo "--- daemon log"; cat "$work/daemon.log" || true
  exit 1
fi
echo "all checks passed"

# Runtime port and service changes: a fresh daemon (the one above is gone), changed through
# firewall-cmd; each change is a delta batch into the kernel's table.
coproc WAITER2 {
  python3 -u -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(20)
print("bound")
try:
    while True:
        if "READY=1" in s.recv(4096).decode().split("\n"):
            sys.exit(0)
except socket.timeout:
    sys.exit(1)
' "$work/notify2"
}
waiter_pid=$WAITER2_PID
read -r -t 10 bound <&"${WAITER2[0]}"
[ "$bound" = bound ]
NOTIFY_SOCKET=$work/notify2 ip netns exec "$ns" "$fwctld" --nofork --nopid \
  --default-config "$src" --system-config "$work/etc" \
  --log-target file --log-file "$work/daemon2.log" &
daemon_pid=$!
if ! wait "$waiter_pid"; then
  echo "FAIL: fwctld did not signal READY=1 within 20 s (restart)"; cat "$work/daemon2.log" || true
  exit 1
fi

allow_chain() { ip netns exec "$ns" nft list chain inet firewalld filter_IN_public_allow; }
fwcmd_rc() { /usr/bin/firewall-cmd "$@" 2>&1 && echo "rc=0" || echo "rc=$?"; }

check "--add-port=8080/tcp" "success" "$(fwcmd --zone=public --add-port=8080/tcp)"
check "8080 rule in filter_IN_public_allow" "1" "$(allow_chain | grep -c 'tcp dport 8080 accept')"
check "--query-port=8080/tcp" "yes" "$(fwcmd --zone=public --query-port=8080/tcp)"
check "--list-ports" "8080/tcp" "$(fwcmd --zone=public --list-ports)"
# firewall-cmd prints the warning, then success, and exits 0.
check "--add-port=8080/tcp again" "Warning: ALREADY_ENABLED: '8080:tcp' already in 'public'
success
rc=0" "$(fwcmd_rc --zone=public --add-port=8080/tcp)"
check "--remove-port=8080/tcp" "success" "$(fwcmd --zone=public --remove-port=8080/tcp)"
check "8080 rule removed" "0" "$(allow_chain | grep -c 'tcp dport 8080 accept' || true)"
check "--query-port after remove" "no" "$(fwcmd --zone=public --query-port=8080/tcp || true)"
# firewall-cmd checks the port itself (FirewallError(INVALID_PORT, port)) before calling us.
check "--add-port=99999/tcp" "Error: INVALID_PORT: 99999
rc=102" "$(fwcmd_rc --zone=public --add-port=99999/tcp)"
# The daemon's own validation, past firewall-cmd's: firewalld's detail for the port.
check "addPort 99999 over D-Bus" "INVALID_PORT: port number in '99999' is too big" \
  "$(busctl --system call org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 \
       org.fedoraproject.FirewallD1.zone addPort sssi public 99999 tcp 0 2>&1 \
     | sed 's/^Call failed: //')"
check "--add-service=http" "success" "$(fwcmd --zone=public --add-service=http)"
check "http rule in filter_IN_public_allow" "1" "$(allow_chain | grep -c 'tcp dport 80 accept')"
check "--query-service=http" "yes" "$(fwcmd --zone=public --query-service=http)"
check "--remove-service=http" "success" "$(fwcmd --zone=public --remove-service=http)"
check "http rule removed" "0" "$(allow_chain | grep -c 'tcp dport 80 accept' || true)"
check "--add-service=nope" "Error: INVALID_SERVICE: nope
rc=101" "$(fwcmd_rc --zone=public --add-service=nope)"
check "kernel table back to the stock one" "$golden" "$(ip netns exec "$ns" nft list table inet firewalld)"

kill -TERM "$daemon_pid"
timeout 10 tail --pid="$daemon_pid" -f /dev/null || true
wait "$daemon_pid" 2>/dev/null || true
daemon_pid=""
if [ "$failures" -ne 0 ]; then
  echo "--- daemon log"; cat "$work/daemon2.log" || true
  exit 1
fi
echo "all runtime change checks passed"
