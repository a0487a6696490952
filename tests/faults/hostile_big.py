#!/usr/bin/python3
"""Requests of N elements on fwctld's D-Bus API (hostile.sh): a permanent zone of N ports, the
same with one bad port last (refused whole), an ipset's N runtime entries, the same with one bad
entry last (refused whole). One line per request: the answer; then the entries fwctld holds.

    hostile_big.py N      (DBUS_SYSTEM_BUS_ADDRESS: the test's bus; an ipset "big" of hash:ip)
"""
import sys

import dbus

BUS = dbus.SystemBus()
NAME = "org.fedoraproject.FirewallD1"
MAIN = BUS.get_object(NAME, "/org/fedoraproject/FirewallD1")
CONFIG = BUS.get_object(NAME, "/org/fedoraproject/FirewallD1/config")
N = int(sys.argv[1])


def answer(label, call):
    try:
        call()
        print(label, "-> OK", flush=True)
    except dbus.DBusException as e:
        print(label, "->", repr(e.get_dbus_message() or e.get_dbus_name())[1:-1][:100], flush=True)


ports = [dbus.Struct((str(1 + i % 65535), ("tcp", "udp")[i // 65535])) for i in range(N)]
bad_ports = ports[:-1] + [dbus.Struct(("80\n", "tcp"))]
answer("config.addZone2(big, N ports, one bad last)", lambda: CONFIG.addZone2(
    "big", {"ports": dbus.Array(bad_ports, signature="(ss)")},
    dbus_interface=NAME + ".config", timeout=600))
answer("config.addZone2(big, N ports)", lambda: CONFIG.addZone2(
    "big", {"ports": dbus.Array(ports, signature="(ss)")},
    dbus_interface=NAME + ".config", timeout=600))
entries = ["10.%d.%d.%d" % (i >> 16, (i >> 8) & 255, i & 255) for i in range(N)]
answer("ipset.setEntries(N entries, one bad last)", lambda: MAIN.setEntries(
    "big", entries[:-1] + ["10.0.0.256"], dbus_interface=NAME + ".ipset", timeout=600))
answer("ipset.setEntries(N entries)", lambda: MAIN.setEntries(
    "big", entries, dbus_interface=NAME + ".ipset", timeout=600))
print("entries:", len(MAIN.getEntries("big", dbus_interface=NAME + ".ipset")))
