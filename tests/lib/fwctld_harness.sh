# Sourced by the tests that run fwctld on a private system bus, in a network namespace of its
# own, so that they neither touch the host's firewall nor depend on its bus.
#
#   require_root WHY [TOOL...]        # exit 77 (skipped) without root, or without a tool the
#                                     # harness or the test needs
#   start_bus                         # dbus-daemon from bus.conf.in; DBUS_SYSTEM_BUS_ADDRESS
#   add_netns NS                      # NS with lo up; sets $ns, which harness_cleanup deletes
#   add_peer_netns NS                 # one more namespace (a peer, a client) with lo up;
#                                     # harness_cleanup (or delete_peer_netns) deletes it
#   start_fwctld NS ETC LOG [OPT...]  # fwctld --nofork; returns on its READY=1; sets daemon_pid
#   listen_notify SOCKET [FIRST]      # for a start of the test's own: wait "$notify_waiter"
#   stop_fwctld                       # SIGTERM, 10 s at most; status 1 if it still runs;
#                                     # sets daemon_rc to its exit status
#   terminate PID                     # the same for a process that is not the shell's child
#   check WHAT EXPECTED ACTUAL        # prints ok:/FAIL: (with a diff); counts $failures
#   harness_cleanup                   # for trap ... EXIT: daemon, bus, namespace, $work
#
# Expects $fwctld, $src and $work (a scratch directory the test removes with harness_cleanup).
# Readiness is sd_notify's READY=1 on a NOTIFY_SOCKET of the test's own: no sleeps.
bus_pid=""
daemon_pid=""
daemon_rc=""
ns=""
peer_netns=()
failures=0
fwctld_starts=0
notify_waiter=""

require_root() {  # require_root WHY [TOOL...]
  [ "$(id -u)" = 0 ] || { echo "SKIP: needs root ($1)"; exit 77; }
  shift
  local tool
  for tool in dbus-daemon python3 ip timeout "$@"; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
  done
}

# dbus-daemon --fork returns once it listens.
start_bus() {
  sed "s|@LISTEN@|unix:path=$work/bus|" "$src/tests/integration/bus.conf.in" > "$work/bus.conf"
  bus_pid=$(dbus-daemon --config-file="$work/bus.conf" --fork --print-pid)
  export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/bus
}

add_netns() {  # add_netns NS
  ns=$1
  ip netns add "$ns"
  ip -n "$ns" link set lo up
}

add_peer_netns() {  # add_peer_netns NS
  ip netns add "$1"
  peer_netns+=("$1")
  ip -n "$1" link set lo up
}

delete_peer_netns() {
  local each
  for each in "${peer_netns[@]}"; do ip netns del "$each" 2>/dev/null || true; done
  peer_netns=()
}

# A NOTIFY_SOCKET listener that says "bound" before it returns, so that fwctld cannot notify
# before it listens; notify_waiter exits 0 on READY=1 (once FIRST came, e.g. RELOADING=1 for a
# reload), 1 after 20 s.
listen_notify() {  # listen_notify SOCKET [FIRST]
  local bound
  coproc WAITER {
    python3 -u -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(20)
print("bound")
first = sys.argv[2] if len(sys.argv) > 2 else None
try:
    while True:
        msg = s.recv(4096).decode().split("\n")
        first = None if first in msg else first
        if first is None and "READY=1" in msg:
            sys.exit(0)
except socket.timeout:
    sys.exit(1)
' "$@"
  }
  notify_waiter=$WAITER_PID
  read -r -t 10 bound <&"${WAITER[0]}"
  [ "$bound" = bound ]
}

start_fwctld() {  # start_fwctld NS ETC LOG [OPTION...]
  local netns=$1 etc=$2 log=$3 notify
  shift 3
  fwctld_starts=$((fwctld_starts + 1))
  notify=$work/notify$fwctld_starts
  listen_notify "$notify"
  NOTIFY_SOCKET=$notify ip netns exec "$netns" "$fwctld" --nofork --nopid \
    --default-config "$src" --system-config "$etc" \
    --log-target file --log-file "$log" "$@" &
  daemon_pid=$!
  if ! wait "$notify_waiter"; then
    echo "FAIL: fwctld did not signal READY=1 within 20 s"; cat "$log" || true; exit 1
  fi
}

terminate() {  # terminate PID
  kill -TERM "$1" 2>/dev/null || true
  timeout 10 tail --pid="$1" -f /dev/null
}

stop_fwctld() {
  local pid=$daemon_pid
  daemon_pid="" daemon_rc=""
  [ -n "$pid" ] || return 0
  terminate "$pid" || return 1
  wait "$pid" && daemon_rc=0 || daemon_rc=$?
}

source "$(dirname "${BASH_SOURCE[0]}")/check.sh"

harness_cleanup() {
  stop_fwctld || true
  [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null || true
  [ -n "$ns" ] && ip netns del "$ns" 2>/dev/null || true
  delete_peer_netns
  rm -rf "$work"
}
