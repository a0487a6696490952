#!/usr/bin/env bash
# Issue 13, group commit (bus/change_queue.hpp): zone changes that arrive together go to the
# kernel in one batch; a change the kernel refuses fails alone and the others of its group land.
# The calls are sent on one connection while fwctld is stopped (SIGSTOP), so that they wait in
# its socket together and make one group when it resumes; which group each call joined is what
# fwctld logs (--debug=2), the outcome is what the callers and the kernel see.
#
#   daemon_group_commit.sh FWCTLD SOURCE_DIR     (exits 77, skipped, without root or a tool)
source "$(dirname "$0")/daemon_lib.sh" "$@"
command -v ss >/dev/null || { echo "SKIP: ss is not installed"; exit 77; }
/usr/bin/python3 -c "import dbus.mainloop.glib; from gi.repository import GLib" 2>/dev/null ||
  { echo "SKIP: python3-dbus, python3-gi"; exit 77; }
daemon_start --debug=2
log=$work/daemon$daemon_runs.log
client=$src/tests/integration/daemon_group_commit.py

# The test's ports (6000-7999) of zone public at runtime and in the kernel, sorted.
runtime_ports() {
  fwcmd --zone=public --list-ports | tr ' ' '\n' | sed -n 's|^\([67][0-9]\{3\}\)/tcp$|\1|p' |
    sort -n
}
kernel_ports() {
  ip netns exec "$ns" nft list chain inet firewalld filter_IN_public_allow |
    grep -oE 'tcp dport [67][0-9]{3} accept' | awk '{print $3}' | sort -n
}
# Bytes waiting in fwctld's sockets (its bus connection) while it is stopped.
waiting_bytes() {
  ip netns exec "$ns" ss -xpn |
    awk -v p="pid=$daemon_pid," 'index($0, p) {s += $3} END {print s + 0}'
}
# Runs the client with fwctld stopped until at least MIN bytes of calls wait for it; prints the
# client's answers.
stopped_calls() {  # stopped_calls MIN CALL...
  local min=$1 i
  shift
  kill -STOP "$daemon_pid"
  /usr/bin/python3 "$client" "$@" > "$work/client.out" 2>&1 &
  local cpid=$!
  for ((i = 0; i < 500; i++)); do
    [ "$(waiting_bytes)" -ge "$min" ] && break
    sleep 0.02
  done
  kill -CONT "$daemon_pid"
  wait "$cpid" || true
  grep -v '^sent$' "$work/client.out"
}

# One call alone, to learn how many bytes an addPort call takes in fwctld's socket.
kill -STOP "$daemon_pid"
/usr/bin/python3 "$client" add:6999 > "$work/client.out" 2>&1 &
cpid=$!
one=0
for ((i = 0; i < 500 && one == 0; i++)); do one=$(waiting_bytes); sleep 0.02; done
sleep 0.2  # the whole message (it is one write; this only makes a partial read unlikely)
one=$(waiting_bytes)
kill -CONT "$daemon_pid"
wait "$cpid" || true
check "one call alone" "6999 ok public" "$(grep -v '^sent$' "$work/client.out")"
[ "$one" -gt 0 ] || { echo "FAIL: no call seen waiting in fwctld's socket"; exit 1; }

# 20 changes at once: one batch. Waiting for two calls' bytes (each about the first one's size)
# makes sure the first two at least are read together; the client sent the rest with them.
: > "$work/monitor.out"
ip netns exec "$ns" nft monitor > "$work/monitor.out" 2>&1 &
monitor_pid=$!
sleep 0.3  # nft monitor subscribes
calls=() want=()
for p in $(seq 7101 7120); do calls+=("add:$p"); want+=("$p ok public"); done
check "20 changes at once: each answered" "$(printf '%s\n' "${want[@]}")" \
  "$(stopped_calls $((2 * one + 64)) "${calls[@]}")"
check "20 changes at once: in the runtime and the kernel alike" "$(runtime_ports)" "$(kernel_ports)"
check "20 changes at once: all of them" "20" "$(runtime_ports | grep -c '^71')"
grep -q "changes in one batch: accepted" "$log" ||
  { echo "FAIL: no group of changes in fwctld's log"; failures=$((failures + 1)); }
fwcmd --zone=public --list-ports > /dev/null  # a call after the group: its generation is out
kill "$monitor_pid" 2>/dev/null || true
wait "$monitor_pid" 2>/dev/null || true
generations=$(grep -c '^# new generation' "$work/monitor.out" || true)
echo "kernel transactions for the 20 changes: $generations"
[ "$generations" -lt 20 ] ||
  { echo "FAIL: 20 changes took $generations kernel transactions"; failures=$((failures + 1)); }

# A change the kernel refuses, in a group: port 7000's rule deleted behind fwctld's back, so its
# removal (a delete by handle) is refused with ENOENT whenever it is sent. (A removal joins a
# group once a removal from the zone's chains was compiled, which tells fwctld that they hold
# no rule left out as a duplicate: the one of 6998 below.)
fwcmd --zone=public --add-port=6998/tcp > /dev/null
fwcmd --zone=public --remove-port=6998/tcp > /dev/null
fwcmd --zone=public --add-port=7000/tcp > /dev/null
handle=$(ip netns exec "$ns" nft -a list chain inet firewalld filter_IN_public_allow |
  awk '/tcp dport 7000 accept/ {print $NF}')
ip netns exec "$ns" nft delete rule inet firewalld filter_IN_public_allow handle "$handle"
calls=(remove:7000) want=("7000 error org.fedoraproject.FirewallD1.Exception")
for p in $(seq 7201 7219); do calls+=("add:$p"); want+=("$p ok public"); done
check "a refused change in a group: it fails, the others are answered" \
  "$(printf '%s\n' "${want[@]}")" "$(stopped_calls $((2 * one + 64)) "${calls[@]}")"
grep -q "changes in one batch: refused, made again one by one" "$log" ||
  { echo "FAIL: the refused group is not in fwctld's log"; failures=$((failures + 1)); }
check "a refused change in a group: the others landed" "19" "$(kernel_ports | grep -c '^72')"
check "a refused change in a group: 7000 stays in the runtime" "7000" \
  "$(runtime_ports | grep '^7000$')"
check "a refused change in a group: runtime = kernel but for 7000" \
  "$(runtime_ports | grep -v '^7000$')" "$(kernel_ports)"
grep -q "COMMAND_FAILED" "$log" ||
  { echo "FAIL: the refusal is not logged"; failures=$((failures + 1)); }
finish
