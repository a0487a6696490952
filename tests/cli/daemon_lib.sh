# Sourced by the tests in tests/cli: a private system bus and a fresh fwctld in a network
# namespace of its own. Expects $fwctld, $src and $work (a scratch directory) to be set; sets
# DBUS_SYSTEM_BUS_ADDRESS. cleanup() stops both; the caller traps it on EXIT.
bus_pid=""
daemon_pid=""
ns=""
stop_daemon() {
  if [ -n "$daemon_pid" ]; then
    kill -TERM "$daemon_pid" 2>/dev/null || true
    timeout 10 tail --pid="$daemon_pid" -f /dev/null || true
    wait "$daemon_pid" 2>/dev/null || true
  fi
  daemon_pid=""
  [ -n "$ns" ] && ip netns del "$ns" 2>/dev/null || true
  ns=""
}
cleanup() {
  stop_daemon
  [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null || true
  rm -rf "$work"
}

start_bus() {
  sed "s|@LISTEN@|unix:path=$work/bus|" "$src/tests/integration/bus.conf.in" > "$work/bus.conf"
  bus_pid=$(dbus-daemon --config-file="$work/bus.conf" --fork --print-pid)
  export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/bus
}

# A fresh daemon on a fresh system tree $work/etc-TAG; waits for sd_notify READY=1.
start_daemon() {  # start_daemon TAG
  local tag=$1
  ns=fwctl-cli-$tag-$$
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  ip -n "$ns" link add dummy0 type veth peer name dummy1
  mkdir -p "$work/etc-$tag"
  rm -f "$work/notify-$tag"
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
' "$work/notify-$tag"
  }
  local waiter=$WAITER_PID bound
  read -r -t 10 bound <&"${WAITER[0]}"
  [ "$bound" = bound ]
  NOTIFY_SOCKET=$work/notify-$tag ip netns exec "$ns" "$fwctld" --nofork --nopid \
    --default-config "$src" --system-config "$work/etc-$tag" \
    --log-target file --log-file "$work/daemon-$tag.log" &
  daemon_pid=$!
  if ! wait "$waiter"; then
    echo "FAIL: fwctld did not signal READY=1 within 20 s"; cat "$work/daemon-$tag.log" || true
    exit 1
  fi
}
