#!/usr/bin/env bash
# Issue 4: the permanent configuration over D-Bus (/config and /config/<kind>/N), driven by Debian's
# python firewall-cmd --permanent.
#
#   daemon_permanent.sh FWCTLD SOURCE_DIR
#
# 1. Replays tests/data/firewalld-1.3.3-written/tools/commands.txt (the firewall-cmd --permanent
#    commands that made firewalld 1.3.3 write the reference files) against fwctld on Debian's
#    /usr/lib/firewalld, and compares firewall-cmd's output of every command and every file
#    written with firewalld's.
# 2. --reload puts a permanent change into the kernel; errors, --delete-zone, --load-zone-defaults,
#    --runtime-to-permanent and --check-config answer as firewalld's do; the config signals.
# Exits 77 (skipped) when not root, when a tool is missing or without Debian's /usr/lib/firewalld.
source "$(dirname "$0")/daemon_lib.sh" "$@"
[ -d /usr/lib/firewalld/zones ] ||
  { echo "SKIP: no /usr/lib/firewalld (Debian's firewalld)"; exit 77; }
ref=$src/tests/data/firewalld-1.3.3-written
here=$ref/tools  # commands.txt refers to its from-file inputs as $here/from-file
export LC_ALL=C.UTF-8

# The reference run started from this firewalld.conf (fw-sandbox's).
printf 'DefaultZone=public\nFirewallBackend=nftables\n' > "$work/etc/firewalld.conf"
daemon_start --default-config /usr/lib/firewalld

# --- 1. the reference commands, their output and the files written -------------------------------
log=$work/commands.log
: > "$log"
while IFS= read -r line; do
  case $line in
    '# --- firewalld.conf ---') break ;;  # runtime commands (default zone, log denied) follow
    '' | '#'*) echo "$line" >> "$log"; continue ;;
  esac
  res=$(eval "$line" 2>&1) && rc=0 || rc=$?
  printf '$ %s\n[rc=%d] %s\n' "$line" "$rc" "$res" >> "$log"
done < "$here/commands.txt"
expected_log=$(sed '/^# --- firewalld.conf ---$/,$d' "$ref/run-logs/commands.log")
check "firewall-cmd's output for each reference command" "$expected_log" "$(cat "$log")"

# fwctl writes a service's destinations ipv4 first and an ipset's options in name order, where
# firewalld keeps the order they were given in: those files are compared word by word, unordered.
unordered="services/svcdst6first.xml services/svcdstrm.xml"
unordered+=" ipsets/ipsnet6.xml ipsets/ipsopts.xml ipsets/ipsver.xml"
for kind in zones services policies ipsets icmptypes helpers; do
  check "$kind: the files written" "$(cd "$ref/$kind" && ls)" \
    "$(cd "$work/etc/$kind" && ls -- *.xml)"
  for file in "$ref/$kind"/*.xml; do
    name=$kind/$(basename "$file")
    if [[ " $unordered " == *" $name "* ]]; then
      words() { sed 's|/>| />|g' "$1" | tr ' \n' '\n\n' | sort; }
      check "$name (words)" "$(words "$file")" "$(words "$work/etc/$name")"
    else
      check "$name (bytes)" "$(cat "$file")" "$(cat "$work/etc/$name")"
    fi
  done
done

daemon_stop

# --- 2. permanent until reload; errors, removal, defaults, runtime to permanent, signals ----------
# (the shipped defaults, an empty /etc)
rm -rf "$work/etc"
mkdir -p "$work/etc"
daemon_start
check "--new-zone of an existing zone" "Error: NAME_CONFLICT: new_zone(): 'public'
rc=26" "$(fwcmd_rc --permanent --new-zone=public)"
check "--new-zone with a bad name" "Error: INVALID_NAME: ' ' is not allowed in 'bad name'
rc=116" "$(fwcmd_rc --permanent --new-zone='bad name')"
check "--delete-zone of a built-in zone" "Error: BUILTIN_ZONE: 'public' is built-in zone
rc=23" "$(fwcmd_rc --permanent --delete-zone=public)"
check "--load-zone-defaults of an unchanged zone" "Error: NO_DEFAULTS: public
rc=22" "$(fwcmd_rc --permanent --load-zone-defaults=public)"
check "--add-port of a bad port" "Error: INVALID_PORT: abc
rc=102" "$(fwcmd_rc --permanent --zone=public --add-port=abc/tcp)"
check "--add-service of an unknown service" \
  "Error: INVALID_SERVICE: Zone 'public': 'nosuch' not among existing services
rc=101" "$(fwcmd_rc --permanent --zone=public --add-service=nosuch)"
check "refused changes wrote nothing" "" "$(cd "$work/etc" && find . -type f | sed 's|^\./||')"
check "--add-interface" "success" "$(fwcmd --permanent --zone=public --add-interface=eth5)"
check "the same interface in a second zone" "Error: ZONE_CONFLICT: eth5
rc=18" "$(fwcmd_rc --permanent --zone=work --add-interface=eth5)"

allow_chain() { ip netns exec "$ns" nft list chain inet firewalld filter_IN_public_allow; }
check "permanent --add-port" "success" "$(fwcmd --permanent --zone=public --add-port=8080/tcp)"
check "permanent port not in the runtime" "no" \
  "$(fwcmd --zone=public --query-port=8080/tcp || true)"
check "no 8080 rule before reload" "0" "$(allow_chain | grep -c 'tcp dport 8080 accept' || true)"
check "--reload" "success" "$(fwcmd --reload)"
check "runtime port after reload" "yes" "$(fwcmd --zone=public --query-port=8080/tcp)"
check "8080 rule after reload" "1" "$(allow_chain | grep -c 'tcp dport 8080 accept')"
check "--new-zone" "success" "$(fwcmd --permanent --new-zone=mine)"
check "--delete-zone" "success" "$(fwcmd --permanent --delete-zone=mine)"
check "a deleted zone's file is kept as .old" "mine.xml.old public.xml public.xml.old" \
  "$(cd "$work/etc/zones" && ls | tr '\n' ' ' | sed 's/ $//')"
check "--load-zone-defaults" "success" "$(fwcmd --permanent --load-zone-defaults=public)"
check "the system copy is gone" "mine.xml.old public.xml.old" \
  "$(cd "$work/etc/zones" && ls | tr '\n' ' ' | sed 's/ $//')"
check "--permanent --list-ports after defaults" "" "$(fwcmd --permanent --zone=public --list-ports)"

check "--check-config" "success" "$(fwcmd --check-config)"
check "runtime --add-port" "success" "$(fwcmd --zone=work --add-port=9090/tcp)"
check "--runtime-to-permanent" "success" "$(fwcmd --runtime-to-permanent)"
check "every runtime zone written" \
  "block.xml dmz.xml drop.xml external.xml home.xml internal.xml public.xml trusted.xml work.xml" \
  "$(cd "$work/etc/zones" && ls -- *.xml | tr '\n' ' ' | sed 's/ $//')"
check "the runtime port is permanent" "yes" "$(fwcmd --permanent --zone=work --query-port=9090/tcp)"

check "signals" "addZone2 -> /org/fedoraproject/FirewallD1/config/zone/10
  /org/fedoraproject/FirewallD1/config .config.ZoneAdded(sig)
addZone2 -> ERROR NAME_CONFLICT: new_zone(): 'sig'
addPort -> None
  /org/fedoraproject/FirewallD1/config/zone/10 .config.zone.Updated(sig)
addPort -> ERROR INVALID_PORT: port number in '70000' is too big
rename -> None
  /org/fedoraproject/FirewallD1/config/zone/10 .config.zone.Renamed(sig2)
remove -> None
  /org/fedoraproject/FirewallD1/config/zone/10 .config.zone.Removed(sig2)
getZoneByName -> ERROR INVALID_ZONE: sig2
Set -> None
  /org/fedoraproject/FirewallD1/config \
org.freedesktop.DBus.Properties.PropertiesChanged(org.fedoraproject.FirewallD1.config, \
dbus.Dictionary({dbus.String('LogDenied'): dbus.String('all', variant_level=1)}, \
signature=dbus.Signature('sv')), dbus.Array([], signature=dbus.Signature('s')))
Set -> ERROR INVALID_VALUE: 'some' for LogDenied" \
  "$(/usr/bin/python3 "$src/tests/integration/daemon_permanent_signals.py")"
check "LogDenied written to firewalld.conf" "LogDenied=all" \
  "$(grep '^LogDenied=' "$work/etc/firewalld.conf")"
# dbus-send can set a property with a bare value where a variant is declared; firewalld takes it.
conf_property() {  # conf_property Set|Get NAME [VALUE]
  dbus-send --system --print-reply --dest=org.fedoraproject.FirewallD1 \
    /org/fedoraproject/FirewallD1/config "org.freedesktop.DBus.Properties.$1" \
    string:org.fedoraproject.FirewallD1.config string:"$2" "${@:3}" 2>&1 |
    sed -e '/^method return/d' -e 's/^ *//' -e 's/  */ /g'
}
check "Set with a bare string" "" "$(conf_property Set LogDenied string:unicast)"
check "the bare string is the new value" "variant string \"unicast\"" \
  "$(conf_property Get LogDenied)"
check "Set of MinimalMark with a bare int32 is ignored" "" \
  "$(conf_property Set MinimalMark int32:1234)"
check "MinimalMark keeps its value" "variant int32 100" "$(conf_property Get MinimalMark)"
check "Set with two values is refused as firewalld refuses it" \
  "Error org.fedoraproject.FirewallD1.Exception: \
FirewallDConfig.Set() got multiple values for argument 'sender'" \
  "$(conf_property Set LogDenied string:all string:all)"
daemon_stop
finish
