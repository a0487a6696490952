#!/usr/bin/env bash
# Issue 4, process: fwctld as a forking daemon, in a network namespace of its own with a private
# system bus, and what it logs.
#
#   daemon_process.sh FWCTLD SOURCE_DIR
#
# Without --nofork, fwctld returns only once its daemon serves: firewall-cmd --state at once
# says "running"; the pid file (in a /run of the test's own, bind-mounted for the daemon) holds
# the daemon's pid, a process in a session of its own with stdio on /dev/null; a second start
# is refused; SIGTERM to that pid removes table inet firewalld and the pid file. A daemon that
# cannot start (no bus) makes the started process exit with its status, 254. Logging:
# --log-target=mixed sends errors to the journal (a stand-in listening on the journal's socket
# in that /run) as fwctld with firewalld's priority, and to --log-file; --log-target=file with
# --debug writes the start-up, an error, and the debug lines of a start and a reload.
# Exits 77 (skipped) when not root or when a tool is missing.
set -euo pipefail
fwctld=${1:?usage: daemon_process.sh FWCTLD SOURCE_DIR}
src=${2:?usage: daemon_process.sh FWCTLD SOURCE_DIR}

source "$src/tests/lib/fwctld_harness.sh"
require_root "network namespace, mounts, nftables" /usr/bin/firewall-cmd nft unshare mount tail

work=$(mktemp -d /tmp/fwctl-process-test.XXXXXX)
journal_pid=""
cleanup() {  # the forking daemon is no child of this shell: whatever runs in the namespace goes
  for pid in $(ip netns pids "$ns" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
  [ -n "$journal_pid" ] && kill "$journal_pid" 2>/dev/null || true
  harness_cleanup
}
trap cleanup EXIT

check_match() {  # check_match WHAT ERE FILE: some line of FILE matches ERE
  if grep -qE "$2" "$3"; then
    echo "ok: $1"
  else
    echo "FAIL: $1: no line matches /$2/ in:"; cat "$3"; failures=$((failures + 1))
  fi
}

start_bus
add_netns "fwctl-proc-$$"
mkdir -p "$work/etc" "$work/run/systemd/journal"

# fwctld in the namespace, with $work/run as its /run (pid file, journal socket). Its status is
# the started process's: it returns once the daemon reported.
fwctld_bg() {
  ip netns exec "$ns" unshare --mount --propagation private \
    sh -c 'mount --bind "$0" /run && exec "$@"' "$work/run" \
    "$fwctld" --default-config "$src" --system-config "$work/etc" "$@"
}
fwcmd_rc() { /usr/bin/firewall-cmd "$@" 2>&1 && echo "rc=0" || echo "rc=$?"; }
tables() { ip netns exec "$ns" nft list tables; }
stop_daemon() {  # stop_daemon PID
  terminate "$1" || { echo "FAIL: $1 still running after SIGTERM"; exit 1; }
}

# A stand-in for journald on the native protocol's socket: one JSON object per datagram into
# $work/journal; exits 0 on the first record whose MESSAGE contains $1 (1 after 20 s).
coproc JOURNAL {
  python3 -u -c '
import json, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(20)
print("bound")
with open(sys.argv[2], "a") as out:
    try:
        while True:
            fields = dict(l.split("=", 1) for l in s.recv(65536).decode().split("\n") if "=" in l)
            out.write(json.dumps(fields) + "\n"); out.flush()
            if sys.argv[3] in fields.get("MESSAGE", ""):
                sys.exit(0)
    except socket.timeout:
        sys.exit(1)
' "$work/run/systemd/journal/socket" "$work/journal" "INVALID_SERVICE"
}
journal_pid=$JOURNAL_PID
read -r -t 10 bound <&"${JOURNAL[0]}"
[ "$bound" = bound ]

# 1. The default target (mixed), forking.
# The pid file is read first, by the shell itself: a daemon that reported before it was up
# could not have written it in that time (it is written once the bus name is owned).
rc=0; fwctld_bg --log-file "$work/mixed.log" || rc=$?
pid=none; read -r pid < "$work/run/firewalld.pid" || true
check "fwctld returns 0 once its daemon serves" "0" "$rc"
check "the pid file is there when it returns" "yes" "$([ "$pid" != none ] && echo yes || echo no)"
check "firewall-cmd --state right after" "running" "$(/usr/bin/firewall-cmd --state 2>&1)"
check "the pid file names the one process in the namespace" "$(ip netns pids "$ns")" "$pid"
if [ -d "/proc/$pid" ]; then
  check "that process is fwctld" "fwctld" "$(cat "/proc/$pid/comm")"
  check "in a session of its own, not its leader" "other session, not leader" \
    "$(sid=$(ps -o sid= -p "$pid" | tr -d ' ')
       [ "$sid" != "$(ps -o sid= -p $$ | tr -d ' ')" ] && [ "$sid" != "$pid" ] &&
       echo "other session, not leader" || echo "sid $sid")"
  check "stdin, stdout, stderr on /dev/null" "/dev/null /dev/null /dev/null" \
    "$(readlink "/proc/$pid/fd/0" "/proc/$pid/fd/1" "/proc/$pid/fd/2" | tr '\n' ' ' | sed 's/ $//')"
  check "working directory /" "/" "$(readlink "/proc/$pid/cwd")"
fi
check "the ruleset is in the kernel" "table inet firewalld" "$(tables)"

out=$(fwctld_bg 2>&1) && rc=0 || rc=$?
check "a second fwctld is refused" "rc=1 FATAL ERROR: Not starting FirewallD, already running." \
  "rc=$rc $out"

# With --nopid there is no pid file check; the bus name's owner stops the second one before it
# touches the kernel (a replaced table would have a new handle).
# sed reads it all: no SIGPIPE
handle() { ip netns exec "$ns" nft -a list table inet firewalld | sed -n 1p; }
before=$(handle)
out=$(fwctld_bg --nofork --nopid --log-target console 2>&1) && rc=0 || rc=$?
check "a second fwctld --nopid fails on the owned bus name" "rc=254" "rc=$rc"
owned='ERROR: D-Bus: COMMAND_FAILED: org.fedoraproject.FirewallD1 is already owned$'
check "and says why" "1" "$(grep -c "$owned" <<<"$out")"
check "leaving the first one's table alone" "$before" "$(handle)"

check "--add-service=nope" "Error: INVALID_SERVICE: nope
rc=101" "$(fwcmd_rc --zone=public --add-service=nope)"
if wait "$journal_pid"; then  # the listener's own 20 s timeout bounds this
  record='{"MESSAGE": "ERROR: INVALID_SERVICE: nope", "PRIORITY": "3",'
  record+=' "SYSLOG_IDENTIFIER": "fwctld", "SYSLOG_FACILITY": "3", "SYSLOG_PID": "'"$pid"'"}'
  check "the journal record of the error" "$record" "$(grep INVALID_SERVICE "$work/journal")"
else
  echo "FAIL: no journal record of the error"; cat "$work/journal" || true
  failures=$((failures + 1))
fi
journal_pid=""
date='^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} '
check_match "mixed: the error in --log-file too, dated" "${date}ERROR: INVALID_SERVICE: nope$" \
  "$work/mixed.log"

stop_daemon "$pid"
check "SIGTERM removed table inet firewalld (CleanupOnExit=yes)" "" "$(tables)"
check "and the pid file" "gone" "$([ -e "$work/run/firewalld.pid" ] && echo there || echo gone)"

# 2. --log-target=file with --debug: start-up, an error, and what a start and a reload (SIGHUP)
# applied. The reload is over when the daemon tells systemd READY=1 after RELOADING=1: a
# NOTIFY_SOCKET listener of the test's own waits for that.
listen_notify "$work/notify" RELOADING=1
rc=0
NOTIFY_SOCKET=$work/notify fwctld_bg --log-target file --log-file "$work/file.log" --debug || rc=$?
check "fwctld --log-target=file --debug returns 0" "0" "$rc"
pid=$(cat "$work/run/firewalld.pid" 2>/dev/null || echo none)
check "--add-service=nope" "Error: INVALID_SERVICE: nope
rc=101" "$(fwcmd_rc --zone=public --add-service=nope)"
kill -HUP "$pid" 2>/dev/null || true  # a missing daemon fails the wait below
wait "$notify_waiter" && rc=0 || rc=$?
check "READY=1 after RELOADING=1 on SIGHUP" "0" "$rc"
applied='state RUNNING, default zone public, table inet firewalld: [0-9]+ chains, [0-9]+ rules, '
applied+='[0-9]+ sets with [0-9]+ elements$'
file_log=$work/file.log
check_match "file: the start-up line" "${date}fwctld running: state RUNNING, default zone public$" \
  "$file_log"
check_match "file: the error line" "${date}ERROR: INVALID_SERVICE: nope$" "$file_log"
check_match "file: debug, what the start applied" "${date}DEBUG1: Started: $applied" "$file_log"
check_match "file: debug, what the reload applied" "${date}DEBUG1: Reloaded: $applied" "$file_log"
stop_daemon "$pid"

# 3. A daemon that cannot start: no bus. The started process exits with the daemon's status
# (254, UNKNOWN_ERROR, firewalld's failure exit) and the kernel was not touched.
rc=0; DBUS_SYSTEM_BUS_ADDRESS=unix:path=$work/no-bus \
  fwctld_bg --nopid --log-target file --log-file "$work/fail.log" || rc=$?
check "fwctld exits with the daemon's failure" "254" "$rc"
check_match "file: why" "${date}ERROR: D-Bus: " "$work/fail.log"
check "nothing loaded into the kernel" "" "$(tables)"

if [ "$failures" -ne 0 ]; then
  for f in mixed.log file.log fail.log; do echo "--- $f"; cat "$work/$f" 2>/dev/null || true; done
  exit 1
fi
echo "all checks passed"
