#!/usr/bin/env bash
# Issue 5: `fwctl --json` against a running fwctld (network namespace, private system bus):
# each document parses, holds what the text output says, and the exit codes are firewall-cmd's.
#
#   json.sh FWCTLD FWCTL SOURCE_DIR
#
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
fwctld=${1:?usage: json.sh FWCTLD FWCTL SOURCE_DIR}
fwctl=${2:?}
src=${3:?}

[ "$(id -u)" = 0 ] || { echo "SKIP: needs root (network namespace, nftables)"; exit 77; }
for tool in dbus-daemon /usr/bin/python3 ip timeout; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

work=$(mktemp -d /tmp/fwctl-cli-json.XXXXXX)
ns=fwctl-cli-json-$$
bus_pid="" daemon_pid=""
cleanup() {
  if [ -n "$daemon_pid" ]; then
    kill -TERM "$daemon_pid" 2>/dev/null || true
    timeout 10 tail --pid="$daemon_pid" -f /dev/null || true
  fi
  ip netns del "$ns" 2>/dev/null || true
  [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

sed "s|@LISTEN@|unix:path=$work/bus|" "$src/tests/integration/bus.conf.in" > "$work/bus.conf"
bus_pid=$(dbus-daemon --config-file="$work/bus.conf" --fork --print-pid)
export DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/bus
ip netns add "$ns"
ip -n "$ns" link set lo up
mkdir -p "$work/etc"

# Start fwctld and wait for its sd_notify READY=1 (the waiter binds before the daemon starts).
coproc WAITER {
  /usr/bin/python3 -u -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(20)
print("bound")
try:
    while "READY=1" not in s.recv(4096).decode().split("\n"):
        pass
except socket.timeout:
    sys.exit(1)
' "$work/notify"
}
waiter=$WAITER_PID
read -r -t 10 bound <&"${WAITER[0]}"
[ "$bound" = bound ]
NOTIFY_SOCKET=$work/notify ip netns exec "$ns" "$fwctld" --nofork --nopid \
  --default-config "$src" --system-config "$work/etc" \
  --log-target file --log-file "$work/daemon.log" &
daemon_pid=$!
wait "$waiter" || { echo "FAIL: fwctld did not signal READY=1"; cat "$work/daemon.log"; exit 1; }

/usr/bin/python3 - "$fwctl" <<'PY'
import json, subprocess, sys
fwctl = sys.argv[1]
failures = 0

def run(*args):
    p = subprocess.run([fwctl, "--json", *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr

def check(args, rc, test, stream="out"):
    global failures
    code, out, err = run(*args)
    text = out if stream == "out" else err
    other = err if stream == "out" else out
    try:
        doc = json.loads(text)
        ok = code == rc and other == "" and test(doc)
    except ValueError as e:
        doc, ok = text, False
    print(("ok" if ok else "FAIL") + ": fwctl --json " + " ".join(args))
    if not ok:
        failures += 1
        print(f"    exit {code} (expected {rc}), stdout {out!r}, stderr {err!r}")

check(["--state"], 0, lambda d: d == {"result": "running"})
check(["--get-default-zone"], 0, lambda d: d == {"result": "public"})
check(["--get-zones"], 0, lambda d: "public" in d["result"] and "block" in d["result"])
check(["--zone=public", "--add-port=8080/tcp"], 0, lambda d: d == {"result": "success"})
check(["--zone=public", "--query-port=8080/tcp"], 0, lambda d: d == {"result": True})
check(["--zone=public", "--query-port=8081/tcp"], 1, lambda d: d == {"result": False})
check(["--zone=public", "--query-port=8080/tcp", "--query-port=8081/tcp"], 0,
      lambda d: d == {"result": {"8080/tcp": True, "8081/tcp": False}})
check(["--zone=public", "--list-ports"], 0, lambda d: d == {"result": ["8080/tcp"]})
check(["--list-all"], 0, lambda d: d["name"] == "public" and ["8080", "tcp"] in d["ports"]
      and d["masquerade"] is False and "ssh" in d["services"] and "rules_str" in d)
check(["--list-all-zones"], 0, lambda d: ["8080", "tcp"] in d["public"]["ports"]
      and d["block"]["target"] == "%%REJECT%%")
check(["--permanent", "--list-all"], 0, lambda d: d["name"] == "public" and d["ports"] == [])
check(["--info-service=ssh"], 0, lambda d: d["ports"] == [["22", "tcp"]])
check(["--get-active-zones"], 0, lambda d: isinstance(d, dict))
check(["--zone=public", "--add-port=99999/tcp"], 102,
      lambda d: d == {"error": {"code": "INVALID_PORT", "number": 102, "detail": "99999"}},
      stream="err")
check(["--zone=nope", "--list-all"], 112,
      lambda d: d["error"]["code"] == "INVALID_ZONE" and d["error"]["detail"] == "nope",
      stream="err")
check(["--state", "--reload"], 2, lambda d: d["error"]["code"] == "USAGE", stream="err")
sys.exit(1 if failures else 0)
PY
