#!/usr/bin/python3
"""Walks the object tree of org.fedoraproject.FirewallD1 on the system bus (DBUS_SYSTEM_BUS_ADDRESS)
from "/" by Introspect, as python clients do (python3-dbus), and compares every answer with
firewalld 1.3.3's answer for an object of the same kind (REFERENCE_DIR, see its README).

    introspection_walk.py REFERENCE_DIR

"Equal" means, for an object (/org/fedoraproject/FirewallD1, .../config, .../config/<kind>/<N>):
  - the text before the root <node> (XML declaration and DOCTYPE) is identical;
  - the root <node> has the same attributes, name being the object's own path;
  - the same interfaces in the same order, and in each the same members in the same order: for a
    method or signal its kind, name, its <arg>s in order with the same attributes (type,
    direction, and name or no name: firewalld names inputs, never outputs), its annotations
    (org.freedesktop.DBus.Deprecated) in order; for a property its name, type and access;
    no element firewalld does not have;
  - python-dbus derives the same call signatures from it (what firewall-cmd marshals calls by).
Attribute order and whitespace are not compared here; daemon/bus/introspection_test.cpp checks the
text byte for byte against the same files.
Child <node/>s depend on the configuration, so they are compared with what exists, not with the
reference: the root lists exactly what firewalld's does ("config"); every child listed can be
introspected; children come in strcmp order (libdbus's); the N objects of a kind are exactly the
paths config.get<Kind>s() ... see check_config_children(). Any other path gets libdbus's plain
node: DOCTYPE, <node> with children only.
Prints one line per check; exits 1 when one failed.
"""
import re
import sys
import xml.etree.ElementTree as ET

import dbus
from dbus import _expat_introspect_parser as python_dbus_parser

BUS_NAME = "org.fedoraproject.FirewallD1"
ROOT = "/org/fedoraproject/FirewallD1"
CONFIG = ROOT + "/config"
KINDS = ("zone", "policy", "service", "ipset", "icmptype", "helper")
# config method listing the object paths of a kind (firewalld: "ao").
LISTS = {"zone": "listZones", "policy": "listPolicies", "service": "listServices",
         "ipset": "listIPSets", "icmptype": "listIcmpTypes", "helper": "listHelpers"}
PLAIN_PROLOG = ('<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"\n'
                '"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">\n')

failures = 0


def check(what, ok, detail=""):
    global failures
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures += 1
        if detail:
            print(detail)


def introspect(bus, path):
    proxy = bus.get_object(BUS_NAME, path, introspect=False)
    return str(proxy.Introspect(dbus_interface="org.freedesktop.DBus.Introspectable"))


def reference_name(path):
    if path == ROOT:
        return "introspect-root.xml"
    if path == CONFIG:
        return "introspect-root_config.xml"
    m = re.fullmatch(re.escape(CONFIG) + r"/(%s)/\d+" % "|".join(KINDS), path)
    return "introspect-root_config_%s_0.xml" % m.group(1) if m else None


def prolog(xml):
    return xml[:xml.index("<node")]


def structure(root):
    """The compared part of an object's answer: everything but its child nodes."""
    out = [("node", sorted(k for k in root.attrib if k != "name"))]
    for child in root:
        if child.tag == "node":
            continue
        if child.tag != "interface":
            out.append(("unexpected", child.tag))
            continue
        out.append(("interface", child.get("name")))
        for member in child:
            if member.tag == "property":
                out.append(("property", dict(member.attrib)))
                continue
            out.append((member.tag, dict(member.attrib)))
            for part in member:
                out.append(("  " + part.tag, dict(part.attrib), [c.tag for c in part]))
    return out


def children(root):
    return [node.get("name") for node in root.findall("node")]


def diff(expected, actual):
    lines = []
    for i in range(max(len(expected), len(actual))):
        e = expected[i] if i < len(expected) else None
        a = actual[i] if i < len(actual) else None
        if e != a:
            lines.append("  firewalld: %r\n  fwctld:    %r" % (e, a))
            if len(lines) >= 5:
                break
    return "\n".join(lines)


# fwctl's own interfaces (org.fwctl.*, dbus/CMakeLists.txt FWCTL_OWN_DBUS_INTERFACES) sit on
# firewalld's objects beside firewalld's; they are not firewalld's, so they are left out of the
# comparison, deliberately and only they.
OWN_INTERFACE = re.compile(r'\s*<interface name="org\.fwctl\.[^"]*">.*?</interface>', re.S)


def without_own_interfaces(xml):
    return OWN_INTERFACE.sub("", xml)


def check_object(path, xml, reference):
    xml = without_own_interfaces(xml)
    ref_root, root = ET.fromstring(reference), ET.fromstring(xml)
    check(path + ": XML declaration and DOCTYPE", prolog(xml) == prolog(reference),
          "  firewalld: %r\n  fwctld:    %r" % (prolog(reference), prolog(xml)))
    check(path + ": node name is the path", root.get("name") == path, "  %r" % root.get("name"))
    expected, actual = structure(ref_root), structure(root)
    check(path + ": interfaces, members, arguments, properties, annotations",
          expected == actual, diff(expected, actual))
    check(path + ": python-dbus call signatures",
          python_dbus_parser.process_introspection_data(reference)
          == python_dbus_parser.process_introspection_data(xml))


def check_plain(path, xml):
    root = ET.fromstring(xml)
    check(path + ": plain node as libdbus writes it",
          xml.startswith(PLAIN_PROLOG) and not root.attrib
          and all(child.tag == "node" for child in root), repr(xml[:300]))


def check_config_children(bus, tree):
    """/config/<kind>/<N> exist exactly for the paths config.list<Kind>s() returns. While that
    method is not served, no object of the kind may exist."""
    config = bus.get_object(BUS_NAME, CONFIG, introspect=False)
    for kind in KINDS:
        try:
            listed = sorted(str(p) for p in config.get_dbus_method(
                LISTS[kind], "org.fedoraproject.FirewallD1.config")())
        except dbus.exceptions.DBusException as e:
            listed = []
            print("note: config.%s: %s" % (LISTS[kind], e.get_dbus_message()))
        exported = sorted(p for p in tree if p.startswith(CONFIG + "/" + kind + "/"))
        check("objects of kind %s are those config.%s lists" % (kind, LISTS[kind]),
              listed == exported, "  listed %s\n  exported %s" % (listed, exported))


def main():
    ref_dir = sys.argv[1]
    bus = dbus.SystemBus()
    tree, queue = {}, ["/"]
    while queue:
        path = queue.pop(0)
        xml = introspect(bus, path)
        tree[path] = xml
        names = children(ET.fromstring(xml))
        check(path + ": children in strcmp order", names == sorted(names), "  %s" % names)
        queue += [(path.rstrip("/") + "/" + name) for name in names]
    for path, xml in tree.items():
        name = reference_name(path)
        if name is None:
            check_plain(path, xml)
        else:
            with open(ref_dir + "/" + name, encoding="utf-8") as f:
                check_object(path, xml, f.read())
    for path in ("/org", "/org/fedoraproject", ROOT, CONFIG):
        check("walk reached " + path, path in tree)
    check("config also has fwctl's org.fwctl.Config1, the root org.fwctl.Firewall1, "
          "and no other object an own interface",
          sorted(p for p, x in tree.items() if 'interface name="org.fwctl.' in x)
          == sorted([ROOT, CONFIG])
          and 'interface name="org.fwctl.Config1"' in tree.get(CONFIG, "")
          and 'interface name="org.fwctl.Firewall1"' in tree.get(ROOT, ""))
    check("root lists firewalld's children",
          children(ET.fromstring(tree.get(ROOT, "<node/>"))) == ["config"])
    check("a path with no object is an empty plain node",
          introspect(bus, ROOT + "/nothere") == PLAIN_PROLOG + "<node>\n</node>\n")
    check_config_children(bus, tree)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
