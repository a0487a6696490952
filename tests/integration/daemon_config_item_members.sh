#!/usr/bin/env bash
# The fine-grained members of the per-item config objects (config.service addPort, setDestination,
# ...; config.ipset addOption, addEntry, ...; config.icmptype; config.helper), driven with
# python-dbus by daemon_config_item_members.py.
#
#   daemon_config_item_members.sh FWCTLD SOURCE_DIR
#
# daemon_config_item_members.expected is what that script printed against firewalld 1.3.3
# (Debian 12, on a private bus, in a network namespace): each call's answer or error and the
# Updated signals; the files below are what firewalld wrote at the end. fwctld must answer and
# write the same. (To redo it: run firewalld 1.3.3 with --nofork --nopid --system-config DIR
# in a network namespace on a private bus, as daemon_lib.sh runs fwctld, and the script against it.)
# The script leaves out config.helper setFamily("ipv5"): firewalld 1.3.3 takes any family over
# D-Bus and writes it, though its own reader then refuses the file; fwctld refuses it with
# INVALID_IPV, as update does.
# Exits 77 (skipped) when not root or when a tool is missing.
source "$(dirname "$0")/daemon_lib.sh" "$@"
export LC_ALL=C.UTF-8

daemon_start
check "answers and signals of every member" \
  "$(cat "$src/tests/integration/daemon_config_item_members.expected")" \
  "$(/usr/bin/python3 "$src/tests/integration/daemon_config_item_members.py" 2>&1)"

check "services/svc.xml" '<?xml version="1.0" encoding="utf-8"?>
<service version="2">
  <short>Service</short>
  <description>Changed.</description>
  <port port="443" protocol="tcp"/>
  <port port="53" protocol="udp"/>
  <protocol value="gre"/>
  <source-port port="2000-2010" protocol="tcp"/>
  <module name="netbios-ns"/>
  <destination ipv4="192.168.1.0/24"/>
</service>' "$(cat "$work/etc/services/svc.xml")"
check "ipsets/ips.xml" '<?xml version="1.0" encoding="utf-8"?>
<ipset type="hash:net">
  <short>Set</short>
  <option name="family" value="inet"/>
  <option name="hashsize" value="64"/>
  <entry>192.168.0.0/24</entry>
</ipset>' "$(cat "$work/etc/ipsets/ips.xml")"
check "ipsets/ipt.xml (refused entry changes wrote nothing)" '<?xml version="1.0" encoding="utf-8"?>
<ipset type="hash:ip">
  <option name="timeout" value="60"/>
</ipset>' "$(cat "$work/etc/ipsets/ipt.xml")"
check "icmptypes/icmp.xml" '<?xml version="1.0" encoding="utf-8"?>
<icmptype>
  <description>An ICMP type.</description>
  <destination ipv6="yes"/>
</icmptype>' "$(cat "$work/etc/icmptypes/icmp.xml")"
check "helpers/hlp.xml" '<?xml version="1.0" encoding="utf-8"?>
<helper module="nf_conntrack_tftp" version="1.0" family="ipv4">
  <port port="69" protocol="udp"/>
  <port port="6969" protocol="udp"/>
</helper>' "$(cat "$work/etc/helpers/hlp.xml")"

daemon_stop
finish
