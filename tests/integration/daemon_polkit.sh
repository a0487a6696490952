#!/usr/bin/env bash
# Issue 4: with polkit on the bus, polkit decides for callers other than uid 0, and a check it has
# not answered yet holds up no other caller. polkit itself needs the system's rules and actions;
# a stand-in (polkit_standin.py) answers from a fixed table on the test's private bus instead.
#
#   daemon_polkit.sh FWCTLD SOURCE_DIR     (exits 77, skipped, without root or a tool)
source "$(dirname "$0")/daemon_lib.sh" "$@"
command -v setpriv >/dev/null || { echo "SKIP: setpriv is not installed"; exit 77; }
/usr/bin/python3 -c "from gi.repository import GLib" 2>/dev/null ||
  { echo "SKIP: python3-gi"; exit 77; }

# The stand-in's output through a fifo: bash keeps one coproc at a time, and daemon_start uses it.
mkfifo "$work/polkit.out"
/usr/bin/python3 -u "$src/tests/integration/polkit_standin.py" \
  org.fedoraproject.FirewallD1.info=yes org.fedoraproject.FirewallD1.config=no \
  org.fedoraproject.FirewallD1.config.info=hold > "$work/polkit.out" &
polkit_pid=$!
exec 7<"$work/polkit.out"
read -r -t 10 ready <&7
[ "$ready" = ready ]
daemon_start

as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
call() {  # call AS METHOD SIGNATURE ARGS... on the main object's zone interface
  local who=$1; shift
  $who busctl --system call org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 \
    org.fedoraproject.FirewallD1.zone "$@" 2>&1 || true
}

check "nobody, polkit says yes: getZones" \
  'as 9 "block" "dmz" "drop" "external" "home" "internal" "public" "trusted" "work"' \
  "$(call as_nobody getZones)"
check "nobody, polkit says no: addPort" \
  "Call failed: Not Authorized(polkit): org.fedoraproject.FirewallD1.config" \
  "$(call as_nobody addPort sssi public 8080 tcp 0)"
check "nothing changed" "no" "$(fwcmd --query-port=8080/tcp || true)"

# A check polkit holds: the caller waits, everybody else is answered meanwhile.
as_nobody busctl --system --timeout=30 call org.fedoraproject.FirewallD1 \
  /org/fedoraproject/FirewallD1 org.fedoraproject.FirewallD1.zone getZoneSettings2 s public \
  > "$work/held.out" 2>&1 &
held_pid=$!
read -r -t 10 line <&7; read -r -t 10 line <&7  # the two checks above
read -r -t 10 line <&7
check "the held check reached polkit" "check org.fedoraproject.FirewallD1.config.info" "${line% *}"
check "root answered while a check is held" "public" "$(fwcmd --get-default-zone)"
check "nobody answered while a check is held" \
  'as 9 "block" "dmz" "drop" "external" "home" "internal" "public" "trusted" "work"' \
  "$(call as_nobody getZones)"
check "the held caller still waits" "" "$(cat "$work/held.out")"
busctl --system call org.freedesktop.PolicyKit1 /org/freedesktop/PolicyKit1/Authority \
  org.freedesktop.PolicyKit1.Authority Release
wait "$held_pid"
check "the held caller answered once polkit did" "1" "$(grep -c '"target"' "$work/held.out")"

# What sd-bus answers itself goes through polkit too: Introspect (...info: yes), Properties
# (...config: no).
main=/org/fedoraproject/FirewallD1
check "nobody, polkit says yes: Introspect" "yes" \
  "$(as_nobody busctl --system call org.fedoraproject.FirewallD1 $main \
       org.freedesktop.DBus.Introspectable Introspect 2>&1 | grep -q 'FirewallD1.zone' && echo yes)"
check "nobody, polkit says no: Properties.Get" \
  "Call failed: Not Authorized(polkit): org.fedoraproject.FirewallD1.config" \
  "$(as_nobody busctl --system call org.fedoraproject.FirewallD1 $main \
       org.freedesktop.DBus.Properties Get ss org.fedoraproject.FirewallD1 state 2>&1 || true)"

polkit() {  # polkit METHOD SIGNATURE ARGS...: a call to the stand-in
  busctl --system call org.freedesktop.PolicyKit1 /org/freedesktop/PolicyKit1/Authority \
    org.freedesktop.PolicyKit1.Authority "$@"
}
wait_check() {  # wait_check ACTION: reads the stand-in's lines up to a check of ACTION
  local line
  while read -r -t 10 line <&7; do [ "${line% *}" = "check $1" ] && return 0; done
  return 1
}

# An object removed while a check for a call to it is held: the caller is told the object is
# gone, nothing runs on the removed adaptor, the daemon goes on.
check "a zone to remove" "success" "$(fwcmd --permanent --new-zone=gone)"
path=$(busctl --system call org.fedoraproject.FirewallD1 $main/config \
         org.fedoraproject.FirewallD1.config getZoneByName s gone | cut -d'"' -f2)
polkit Answer ss org.fedoraproject.FirewallD1.config hold
as_nobody busctl --system --timeout=30 call org.fedoraproject.FirewallD1 "$path" \
  org.fedoraproject.FirewallD1.config.zone getSettings2 > "$work/removed.out" 2>&1 &
removed_pid=$!
wait_check org.fedoraproject.FirewallD1.config && held=yes || held=no
check "the check for the doomed object is held" "yes" "$held"
check "root removes the zone meanwhile" "" \
  "$(busctl --system call org.fedoraproject.FirewallD1 "$path" \
       org.fedoraproject.FirewallD1.config.zone remove 2>&1)"
polkit Release
wait "$removed_pid" || true
check "the held caller is told the object is gone (libdbus's words, as from firewalld)" \
  "Call failed: Method \"getSettings2\" with signature \"\" \
on interface \"org.fedoraproject.FirewallD1.config.zone\" doesn't exist" \
  "$(cat "$work/removed.out")"
check "the daemon goes on" "running" "$(fwcmd --state)"

daemon_stop
kill "$polkit_pid" 2>/dev/null || true
finish
