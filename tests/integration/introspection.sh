#!/usr/bin/env bash
# Issue 4: the introspection of every object of fwctld equals firewalld 1.3.3's.
#
#   introspection.sh FWCTLD SOURCE_DIR
#
# fwctld in a network namespace of its own with a private system bus (as daemon_firewall_cmd.sh);
# introspection_walk.py walks its object tree from "/" with python3-dbus and compares every answer
# with tests/data/firewalld-1.3.3-introspection/ (what "equal" means is written there). Then
# Debian's python firewall-cmd, which builds its calls from that introspection, must still work.
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
fwctld=${1:?usage: introspection.sh FWCTLD SOURCE_DIR}
src=${2:?usage: introspection.sh FWCTLD SOURCE_DIR}

[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (network namespace, nftables)"; exit 77; }
for tool in dbus-daemon /usr/bin/python3 /usr/bin/firewall-cmd ip; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
/usr/bin/python3 -c 'import dbus' 2>/dev/null || { echo "SKIP: python3-dbus is not installed"; exit 77; }

work=$(mktemp -d /tmp/fwctl-introspection-test.XXXXXX)
ns=fwctl-intro-$$
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
  /usr/bin/python3 -u -c '
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

/usr/bin/python3 "$src/tests/integration/introspection_walk.py" \
  "$src/tests/data/firewalld-1.3.3-introspection" || failures=$((failures + 1))

# firewall-cmd's proxies introspect each object first and marshal their calls by what it says.
fwcmd() { /usr/bin/firewall-cmd "$@"; }
check "firewall-cmd --state" "running" "$(fwcmd --state)"
check "firewall-cmd --get-default-zone" "public" "$(fwcmd --get-default-zone)"
check "firewall-cmd --permanent --get-zones" "block dmz drop external home internal public trusted work" \
  "$(fwcmd --permanent --get-zones)"
check "firewall-cmd --add-port (sssi)" "success" "$(fwcmd --zone=public --add-port=8080/tcp)"
check "firewall-cmd --query-port" "yes" "$(fwcmd --zone=public --query-port=8080/tcp)"
check "firewall-cmd --list-ports" "8080/tcp" "$(fwcmd --zone=public --list-ports)"

if [ "$failures" -ne 0 ]; then
  echo "--- daemon log"; cat "$work/daemon.log" || true
  exit 1
fi
echo "all checks passed"
