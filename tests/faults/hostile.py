#!/usr/bin/python3
"""Hostile calls on fwctld's (or firewalld's) D-Bus API, one line each: the case and the answer
(OK, or the D-Bus error's code word and detail). hostile.sh compares the lines with
hostile.expected, whose lines are firewalld 1.3.3's answers where fwctld gives the same.

    hostile.py     (DBUS_SYSTEM_BUS_ADDRESS: the test's bus; FWCTL_ETC: the system configuration
                    directory, shown as ETC)
"""
import os
import sys

import dbus

BUS = dbus.SystemBus()
NAME = "org.fedoraproject.FirewallD1"
BASE = "org.fedoraproject.FirewallD1"
MAIN = BUS.get_object(NAME, "/org/fedoraproject/FirewallD1")
CONFIG = BUS.get_object(NAME, "/org/fedoraproject/FirewallD1/config")


def zone(method, *args):
    return getattr(MAIN, method)(*args, dbus_interface=BASE + ".zone")


def config(method, *args):
    return getattr(CONFIG, method)(*args, dbus_interface=BASE + ".config")


def answer(call):
    try:
        call()
        return "OK"
    except dbus.DBusException as e:
        text = e.get_dbus_message() or ""
        text = text.replace(os.environ.get("FWCTL_ETC", "/nonexistent"), "ETC")
        return repr(text)[1:-1][:90] if text else e.get_dbus_name()
    except (TypeError, ValueError, UnicodeError) as e:  # refused before it is sent
        return "client refuses: " + type(e).__name__


ZONE_SETTINGS = {"description": "x"}
# Item names that would become file names: firewalld's name rules allow letters and digits of
# any script, '_', '-' and one inner '/' (a zone under a directory), no '.'.
NAMES = ["../evil", "a/../b", "/etc", "a/b", "a/b/c", "a\nb", "a\tb", "a\x01b", "a b", "",
         "x" * 18, "x" * 5000, "zöne", "a\u200bb"]
# Values firewalld's checks accept only because python's int() strips whitespace, or its
# regular expressions end in '$' (which matches before a final newline).
PORTS = ["80\n", " 80", "80 ", "80-", "-80", "80--90", "0", "65536", "90-80", "1-65535", "+80",
         "0x50", "٨٠"]
SOURCES = ["10.0.0.1\n", "10.0.0.0/8\n", " 10.0.0.1", "00:11:22:33:44:55\n", "10.0.0.0/33",
           "ipset:\n"]


def shown(value):
    """repr() of a value, long ones shortened."""
    return repr(value) if len(value) <= 20 else "%r*%d" % (value[0], len(value))


def cases():
    for name in NAMES:
        yield "config.addZone2(%s)" % shown(name), lambda n=name: config(
            "addZone2", n, ZONE_SETTINGS)
        yield "config.addService2(%s)" % shown(name), lambda n=name: config("addService2", n, {})
        yield "config.addIPSet(%s)" % shown(name), lambda n=name: config(
            "addIPSet", n, ("", "", "", "hash:ip", {}, []))
    for port in PORTS:
        yield "zone.addPort(%r)" % port, lambda p=port: zone("addPort", "public", p, "tcp", 0)
    yield "zone.addPort(proto 'tcp\\n')", lambda: zone("addPort", "public", "81", "tcp\n", 0)
    for source in SOURCES:
        yield "zone.addSource(%r)" % source, lambda s=source: zone("addSource", "public", s)
    yield "zone.addService('ssh\\n')", lambda: zone("addService", "public", "ssh\n", 0)
    yield "zone.addInterface('eth0\\n')", lambda: zone("addInterface", "public", "eth0\n")
    yield "zone.addInterface('a/b')", lambda: zone("addInterface", "public", "a/b")
    yield "zone.addInterface(17 chars)", lambda: zone("addInterface", "public", "x" * 17)
    yield "zone.addIcmpBlock('echo-request\\n')", lambda: zone(
        "addIcmpBlock", "public", "echo-request\n", 0)
    yield "zone.addForwardPort('80\\n')", lambda: zone(
        "addForwardPort", "public", "80\n", "tcp", "8080", "", 0)
    yield "zone.addRichRule(address with newline)", lambda: zone(
        "addRichRule", "public", 'rule family="ipv4" source address="10.0.0.1\n" accept', 0)
    yield "zone.addRichRule(port with newline)", lambda: zone(
        "addRichRule", "public", 'rule family="ipv4" port port="80\n" protocol="tcp" accept', 0)
    yield "zone.addRichRule(10,000 nested quotes)", lambda: zone(
        "addRichRule", "public", 'rule ' + '"' * 10000, 0)


def main():
    for label, call in cases():
        print("%s -> %s" % (label, answer(call)), flush=True)


if __name__ == "__main__":
    main()
