#!/usr/bin/python3
"""Every method of every kind of object, called by a caller who is not root: "refused" (firewalld's
NotAuthorizedException) or "served" (any other answer) per method, one line each, sorted.

    access_all.py list FILE    as root: introspect, write (path, interface, method, signature)s
    access_all.py call FILE    as another user: call each with arguments of its signature
"""
import json
import sys
import xml.etree.ElementTree as ET

import dbus

NAME = "org.fedoraproject.FirewallD1"
# One object of each kind: their numbers are the same in both daemons on the stock configuration.
PATHS = ["/org/fedoraproject/FirewallD1", "/org/fedoraproject/FirewallD1/config"] + [
    "/org/fedoraproject/FirewallD1/config/%s/0" % kind
    for kind in ("zone", "service", "icmptype", "ipset", "helper", "policy")]
SKIP_IFACES = ("org.freedesktop.DBus.",)


def listing(bus):
    methods = []
    for path in PATHS:
        xml = bus.call_blocking(NAME, path, "org.freedesktop.DBus.Introspectable", "Introspect",
                                "", [])
        for iface in ET.fromstring(xml).findall("interface"):
            if iface.get("name").startswith(SKIP_IFACES):
                continue
            for method in iface.findall("method"):
                sig = "".join(a.get("type") for a in method.findall("arg")
                              if a.get("direction", "in") == "in")
                methods.append((path, iface.get("name"), method.get("name"), sig))
    return methods


def split(sig):
    """The complete types of a signature."""
    out, i = [], 0
    while i < len(sig):
        j = i
        while sig[j] == "a":
            j += 1
        if sig[j] in "({":
            depth, k = 0, j
            while True:
                depth += sig[k] in "({"
                depth -= sig[k] in ")}"
                k += 1
                if depth == 0:
                    break
            j = k
        else:
            j += 1
        out.append(sig[i:j])
        i = j
    return out


def value(t):
    if t.startswith("a{"):
        return dbus.Dictionary({}, signature=t[2:-1])
    if t.startswith("a"):
        return dbus.Array([], signature=t[1:])
    if t.startswith("("):
        return dbus.Struct([value(x) for x in split(t[1:-1])], signature=t[1:-1])
    return {"s": "public", "b": False, "i": 0, "u": 0, "v": dbus.String("", variant_level=1),
            "d": 0.0, "x": 0, "t": 0, "y": 0, "n": 0, "q": 0, "o": "/"}[t]


def calls(bus, methods):
    for path, iface, method, sig in methods:
        try:
            bus.call_blocking(NAME, path, iface, method, sig, [value(t) for t in split(sig)],
                              timeout=30)
            answer = "served"
        except dbus.DBusException as e:
            answer = "refused" if e.get_dbus_name().endswith("NotAuthorizedException") else "served"
        yield "%s %s.%s -> %s" % (path.replace("/org/fedoraproject/FirewallD1", "") or "/",
                                  iface.replace(NAME, ""), method, answer)


def main():
    bus = dbus.SystemBus()
    if sys.argv[1] == "list":
        with open(sys.argv[2], "w") as f:
            json.dump(listing(bus), f)
    else:
        with open(sys.argv[2]) as f:
            print("\n".join(sorted(calls(bus, json.load(f)))))


if __name__ == "__main__":
    main()
