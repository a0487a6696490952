#!/usr/bin/env bash
# Issue 14, fault injection on the bus side.
#  - Clients that go away mid-call: one whose call waits on polkit when it is killed, one that
#    closes its connection right after sending. fwctld answers into the void, goes on serving,
#    and its runtime state and the kernel agree.
#  - The bus goes away (dbus-daemon killed). fwctld exits with failure for systemd to restart it
#    (Restart=on-failure), leaving its ruleset in the kernel as firewalld does; clients meanwhile
#    get "not running", never a half-alive daemon; a new fwctld on a new bus replaces the table
#    in one batch.
#
#   bus.sh FWCTLD SOURCE_DIR     (exits 77, skipped, without root or a tool)
source "$(dirname "$0")/../integration/daemon_lib.sh" "$1" "$2"
command -v setpriv >/dev/null || { echo "SKIP: setpriv is not installed"; exit 77; }
/usr/bin/python3 -c "from gi.repository import GLib" 2>/dev/null ||
  { echo "SKIP: python3-gi"; exit 77; }

nftns() { ip netns exec "$ns" nft "$@"; }
in_kernel() {  # in_kernel PORT: yes when public's allow chain has tcp dport PORT
  grep -q "tcp dport $1 accept" <<<"$(nftns list chain inet firewalld filter_IN_public_allow)" &&
    echo yes || echo no
}

# polkit holds every check of ...config, so that a caller other than root waits in mid-call.
mkfifo "$work/polkit.out"
/usr/bin/python3 -u "$src/tests/integration/polkit_standin.py" \
  org.fedoraproject.FirewallD1.config=hold > "$work/polkit.out" &
polkit_pid=$!
exec 7<"$work/polkit.out"
read -r -t 10 ready <&7
[ "$ready" = ready ]
daemon_start

setpriv --reuid=nobody --regid=nogroup --clear-groups busctl --system --timeout=30 call \
  org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 org.fedoraproject.FirewallD1.zone \
  addPort sssi public 8080 tcp 0 > /dev/null 2>&1 &
client_pid=$!
read -r -t 10 line <&7
check "the caller's check is held by polkit" "check org.fedoraproject.FirewallD1.config" \
  "${line% *}"
kill -KILL "$client_pid"
wait "$client_pid" 2>/dev/null || true
busctl --system call org.freedesktop.PolicyKit1 /org/freedesktop/PolicyKit1/Authority \
  org.freedesktop.PolicyKit1.Authority Release
check "caller gone mid-call: fwctld goes on" "running" "$(fwcmd --state)"
check "caller gone mid-call: the authorized change was made, state and kernel agree" \
  "yes yes" "$(fwcmd --query-port=8080/tcp || true) $(in_kernel 8080)"

# A caller that closes its connection right after sending, without waiting for the answer.
/usr/bin/python3 - <<'PY'
import dbus
conn = dbus.bus.BusConnection(dbus.bus.BUS_SYSTEM)
msg = dbus.lowlevel.MethodCallMessage("org.fedoraproject.FirewallD1",
                                      "/org/fedoraproject/FirewallD1",
                                      "org.fedoraproject.FirewallD1.zone", "addPort")
msg.append("public", "8081", "tcp", 0, signature="sssi")
conn.send_message(msg)
conn.flush()
conn.close()
PY
# Whether it is made depends on whether fwctld still finds out who called (its uid, from the
# bus) before the bus forgets the caller; either way state and kernel agree.
agree=$(fwcmd --query-port=8081/tcp || true)
check "caller gone before the answer: fwctld goes on" "running" "$(fwcmd --state)"
check "caller gone before the answer: state and kernel agree" "$agree" "$(in_kernel 8081)"

# The bus goes away.
table=$(nftns list table inet firewalld)
kill "$bus_pid"
bus_pid=""
wait "$daemon_pid" && rc=0 || rc=$?
daemon_pid=""
check "bus gone: fwctld exits with failure (254) for systemd to restart it" "254" "$rc"
check "bus gone: the log says why" "yes" \
  "$(grep -q 'event loop: COMMAND_FAILED: .*Disconnected' "$work/daemon1.log" && echo yes)"
check "bus gone: the ruleset stays in the kernel, unchanged" "$table" \
  "$(nftns list table inet firewalld)"
kill "$polkit_pid" 2>/dev/null || true
rm -f "$work/bus"
start_bus
check "bus back, fwctld not yet: clients are told it is not running" \
  "not running
rc=252" "$(fwcmd_rc --state)"
daemon_start
check "restarted: serving" "running" "$(fwcmd --state)"
check "restarted: the runtime is the permanent configuration (runtime changes dropped)" \
  "no no" "$(fwcmd --query-port=8080/tcp || true) $(in_kernel 8080)"
check "restarted: the table was replaced whole" "yes" \
  "$([ "$(nftns list tables)" = "table inet firewalld" ] && echo yes)"

daemon_stop
finish
