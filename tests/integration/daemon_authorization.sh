#!/usr/bin/env bash
# Issue 4: who may call fwctld. Without polkit on the bus only uid 0 may call any method, as with
# firewalld: a caller of another uid is refused with firewalld's NotAuthorizedException, and
# nothing changes, in the daemon or in the kernel.
#
#   daemon_authorization.sh FWCTLD SOURCE_DIR     (exits 77, skipped, without root or a tool)
source "$(dirname "$0")/daemon_lib.sh" "$@"
command -v setpriv >/dev/null || { echo "SKIP: setpriv is not installed"; exit 77; }
daemon_start

as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
golden=$(cat "$src/tests/golden/default.nft")
# dbus-python introspects first and logs the refusal of Introspect, as with firewalld 1.3.3.
refused="ERROR:dbus.proxies:Introspect error on :BUS:/org/fedoraproject/FirewallD1: \
dbus.exceptions.DBusException: org.fedoraproject.FirewallD1.NotAuthorizedException: \
Not Authorized(uid): org.fedoraproject.FirewallD1.info
Authorization failed.
    Make sure polkit agent is running or run the application as superuser.
rc=253"
unique() { sed 's/ on :1\.[0-9]*:/ on :BUS:/'; }
# firewall-cmd ARGS... as nobody: its output with the bus name made stable, and its exit code.
nobody_cmd() { as_nobody /usr/bin/firewall-cmd "$@" 2>&1 | unique; echo "rc=${PIPESTATUS[0]}"; }

check "nobody: --add-port=8080/tcp refused" "$refused" "$(nobody_cmd --add-port=8080/tcp)"
check "nobody: --get-default-zone refused" "$refused" "$(nobody_cmd --get-default-zone)"
check "nobody: --reload refused" "$refused" "$(nobody_cmd --reload)"
# The error firewalld answers with, as a D-Bus client sees it.
check "nobody: addService over D-Bus" \
  "Call failed: Not Authorized(uid): org.fedoraproject.FirewallD1.config" \
  "$(as_nobody busctl --system call org.fedoraproject.FirewallD1 /org/fedoraproject/FirewallD1 \
       org.fedoraproject.FirewallD1.zone addService ssi public http 0 2>&1 || true)"
check "nobody: error name" "org.fedoraproject.FirewallD1.NotAuthorizedException" \
  "$(as_nobody /usr/bin/python3 -c '
import dbus
bus = dbus.SystemBus()
obj = bus.get_object("org.fedoraproject.FirewallD1", "/org/fedoraproject/FirewallD1")
try:
    obj.addPort("public", "8080", "tcp", 0, dbus_interface="org.fedoraproject.FirewallD1.zone")
except dbus.DBusException as e:
    print(e.get_dbus_name())
')"
check "nothing changed: --query-port as root" "no" "$(fwcmd --query-port=8080/tcp || true)"
check "nothing changed: --list-services as root" "dhcpv6-client ssh" "$(fwcmd --list-services)"
check "nothing changed: kernel table" "$golden" \
  "$(ip netns exec "$ns" nft list table inet firewalld)"
check "root still served: --add-port=8080/tcp" "success" "$(fwcmd --add-port=8080/tcp)"

# What sd-bus answers itself is guarded too, as firewalld guards it: Introspect needs ...info,
# Properties Get/GetAll/Set ...config (its classes' default).
fd=org.fedoraproject.FirewallD1
main=/org/fedoraproject/FirewallD1
cfg=$main/config
props=org.freedesktop.DBus.Properties
bus() { busctl --system "$@" 2>&1 || true; }
check "nobody: Introspect refused" "Call failed: Not Authorized(uid): $fd.info" \
  "$(as_nobody busctl --system call $fd $main \
       org.freedesktop.DBus.Introspectable Introspect 2>&1 || true)"
check "nobody: Introspect of a path without an object refused" \
  "Call failed: Not Authorized(uid): org.fedoraproject.FirewallD1.info" \
  "$(as_nobody busctl --system call org.fedoraproject.FirewallD1 /nothing \
       org.freedesktop.DBus.Introspectable Introspect 2>&1 || true)"
check "nobody: Properties.Get refused" "Call failed: Not Authorized(uid): $fd.config" \
  "$(as_nobody busctl --system call $fd $main $props \
       Get ss org.fedoraproject.FirewallD1 version 2>&1 || true)"
check "nobody: Properties.GetAll refused" "Call failed: Not Authorized(uid): $fd.config" \
  "$(as_nobody busctl --system call $fd $cfg $props \
       GetAll s org.fedoraproject.FirewallD1.config 2>&1 || true)"
check "nobody: Properties.Set refused" "Call failed: Not Authorized(uid): $fd.config" \
  "$(as_nobody busctl --system call $fd $cfg $props \
       Set ssv org.fedoraproject.FirewallD1.config CleanupOnExit s no 2>&1 || true)"
check "root: Introspect answered" "yes" \
  "$(bus call org.fedoraproject.FirewallD1 $main org.freedesktop.DBus.Introspectable Introspect \
       | grep -q 'org.fedoraproject.FirewallD1.zone' && echo yes)"
check "root: Get answered" 's "yes"' \
  "$(bus get-property $fd $cfg $fd.config CleanupOnExit)"
check "root: Set answered" "" "$(bus set-property $fd $cfg $fd.config CleanupOnExit s no)"
check "root: the Set took" 's "no"' "$(bus get-property $fd $cfg $fd.config CleanupOnExit)"
# firewalld's error, as busctl shows it against firewalld (bus/introspection_filter.hpp).
check "root: Set of an unknown property gets firewalld's error" \
  "Failed to set property Nope on interface $fd.config: \
org.freedesktop.DBus.Error.InvalidArgs: Property 'Nope' does not exist" \
  "$(bus set-property $fd $cfg $fd.config Nope s no)"

daemon_stop
finish
