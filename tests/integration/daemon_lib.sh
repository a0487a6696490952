# Sourced by the daemon tests: fwctld in a network namespace of its own on a private system bus.
#
#   source daemon_lib.sh FWCTLD SOURCE_DIR   # skips (exit 77) without root or a needed tool
#   daemon_start [extra fwctld options]      # returns once fwctld sent READY=1; sets daemon_pid
#   check WHAT EXPECTED ACTUAL               # counts failures
#   daemon_stop                              # SIGTERM, waits (10 s at most)
#   finish                                   # exit 1 with the daemon logs if a check failed
#
# Exposes: $work (temporary directory, removed on exit), $ns (the namespace), $src, $fwctld,
# $failures, DBUS_SYSTEM_BUS_ADDRESS. Readiness is sd_notify's READY=1 on a NOTIFY_SOCKET of the
# test's own: no sleeps.
set -euo pipefail
fwctld=${1:?usage: source daemon_lib.sh FWCTLD SOURCE_DIR}
src=${2:?usage: source daemon_lib.sh FWCTLD SOURCE_DIR}

[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (network namespace, nftables)"; exit 77; }
for tool in dbus-daemon python3 /usr/bin/firewall-cmd nft ip timeout busctl; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

work=$(mktemp -d /tmp/fwctl-daemon-test.XXXXXX)
chmod 0755 "$work"  # the bus socket is in it, and tests call as other users too
ns=fwctl-dmn-$$
bus_pid=""
daemon_pid=""
daemon_runs=0
failures=0
cleanup() {
  [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null || true
  [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

check() {  # check WHAT EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then
    echo "ok: $1"
  else
    echo "FAIL: $1"; diff <(printf '%s\n' "$2") <(printf '%s\n' "$3") || true
    failures=$((failures + 1))
  fi
}

# firewall-cmd's output (stdout and stderr) followed by "rc=N".
fwcmd() { /usr/bin/firewall-cmd "$@"; }
fwcmd_rc() { /usr/bin/firewall-cmd "$@" 2>&1 && echo "rc=0" || echo "rc=$?"; }

# A private system-type bus. dbus-daemon --fork returns once it listens.
sed "s|@LISTEN@|unix:path=$work/bus|" "$src/tests/integration/bus.conf.in" > "$work/bus.conf"
bus_pid=$(dbus-daemon --config-file="$work/bus.conf" --fork --print-pid)
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/bus

ip netns add "$ns"
ip -n "$ns" link set lo up
mkdir -p "$work/etc"

daemon_start() {
  daemon_runs=$((daemon_runs + 1))
  local notify=$work/notify$daemon_runs log=$work/daemon$daemon_runs.log
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
' "$notify"
  }
  local waiter_pid=$WAITER_PID bound
  read -r -t 10 bound <&"${WAITER[0]}"
  [ "$bound" = bound ]
  NOTIFY_SOCKET=$notify ip netns exec "$ns" "$fwctld" --nofork --nopid \
    --default-config "$src" --system-config "$work/etc" \
    --log-target file --log-file "$log" "$@" &
  daemon_pid=$!
  if ! wait "$waiter_pid"; then
    echo "FAIL: fwctld did not signal READY=1 within 20 s"; cat "$log" || true; exit 1
  fi
}

# Sets daemon_rc to fwctld's exit status.
daemon_stop() {
  daemon_rc=""
  kill -TERM "$daemon_pid"
  if timeout 10 tail --pid="$daemon_pid" -f /dev/null; then
    wait "$daemon_pid" && daemon_rc=0 || daemon_rc=$?
  else
    echo "FAIL: fwctld still running 10 s after SIGTERM"; failures=$((failures + 1))
  fi
  daemon_pid=""
}

finish() {
  if [ "$failures" -ne 0 ]; then
    for log in "$work"/daemon*.log; do echo "--- $log"; cat "$log" || true; done
    exit 1
  fi
  echo "all checks passed"
}
