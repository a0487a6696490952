# Used by daemon_config_item_members.sh: drives the fine-grained members of the per-item config
# objects (config.service, config.ipset, config.icmptype, config.helper: setShort, addPort,
# removeDestination, ...) on items it creates through /config, and prints each call's answer and
# the signals it emitted, in order. A signal sent before the reply is queued before it, so
# draining the queue after the call sees every signal: no waiting. The object paths are printed
# by kind ("service/N" as "service"), so the output does not depend on numbering.
import re
import sys
import dbus
import dbus.mainloop.glib
from gi.repository import GLib

from dbus_plain import plain

dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
bus = dbus.SystemBus()
NAME = "org.fedoraproject.FirewallD1"
CONFIG = "/org/fedoraproject/FirewallD1/config"
got = []


def on_signal(*args, **kw):
    if kw["iface"].startswith(NAME):
        got.append("%s %s.%s(%s)" % (re.sub(r"/\d+$", "/N", kw["path"]),
                                     kw["iface"].replace(NAME, ""), kw["member"],
                                     ", ".join(str(plain(a)) for a in args)))


bus.add_signal_receiver(on_signal, bus_name=NAME, member_keyword="member", path_keyword="path",
                        interface_keyword="iface")


def call(path, iface, method, *args):
    obj = bus.get_object(NAME, path)
    try:
        ret = plain(obj.get_dbus_method(method, iface)(*args))
    except dbus.DBusException as e:
        ret = "ERROR " + e.get_dbus_message()
    ctx = GLib.MainContext.default()
    while ctx.pending():
        ctx.iteration(False)
    print("%s%s -> %s" % (method, plain(list(args)), ret))
    for s in got:
        print("  " + s)
    got.clear()
    return ret


def item(kind, add, name, settings):
    path = bus.get_object(NAME, CONFIG).get_dbus_method(add, NAME + ".config")(name, settings)
    ctx = GLib.MainContext.default()
    while ctx.pending():
        ctx.iteration(False)
    got.clear()
    iface = NAME + ".config." + kind
    return lambda method, *args: call(path, iface, method, *args)


ports = lambda *p: dbus.Array([dbus.Struct(x, signature="ss") for x in p], signature="(ss)")
strings = lambda *s: dbus.Array(s, signature="s")
smap = lambda **d: dbus.Dictionary(d, signature="ss")

print("--- service")
svc = item("service", "addService", "svc",
           dbus.Struct(("1", "Svc", "A test service.", ports(("80", "tcp")), strings(), smap(),
                        strings(), ports()), signature="sssa(ss)asa{ss}asa(ss)"))
svc("getVersion")
svc("setVersion", "2")
svc("getShort")
svc("setShort", "Service")
svc("getDescription")
svc("setDescription", "Changed.")
svc("getPorts")
svc("addPort", "81", "tcp")
svc("addPort", "80", "tcp")
svc("addPort", "82-85", "tcp")
svc("addPort", "83", "tcp")
svc("addPort", "abc", "tcp")
svc("queryPort", "81", "tcp")
svc("queryPort", "84", "tcp")
svc("removePort", "84", "tcp")
svc("removePort", "80", "tcp")
svc("getPorts")
svc("setPorts", ports(("443", "tcp"), ("443", "tcp"), ("53", "udp")))
svc("getPorts")
svc("addProtocol", "gre")
svc("addProtocol", "gre")
svc("addProtocol", "nosuchproto")
svc("queryProtocol", "gre")
svc("removeProtocol", "igmp")
svc("setProtocols", strings("igmp", "gre"))
svc("removeProtocol", "igmp")
svc("getProtocols")
svc("addSourcePort", "1024", "udp")
svc("addSourcePort", "1024", "udp")
svc("querySourcePort", "1024", "udp")
svc("removeSourcePort", "1025", "udp")
svc("setSourcePorts", ports(("2000-2010", "tcp")))
svc("getSourcePorts")
svc("addModule", "nf_conntrack_ftp")
svc("addModule", "ftp")
svc("queryModule", "nf_conntrack_ftp")
svc("setModules", strings("nf_conntrack_netbios_ns", "tftp"))
svc("removeModule", "ftp")
svc("removeModule", "tftp")
svc("getModules")
svc("getDestinations")
svc("getDestination", "ipv4")
svc("setDestination", "ipv4", "10.0.0.1")
svc("setDestination", "ipv4", "10.0.0.1")
svc("setDestination", "ipv6", "fd00::1")
svc("queryDestination", "ipv4", "10.0.0.1")
svc("queryDestination", "ipv4", "10.0.0.2")
svc("getDestination", "ipv6")
svc("removeDestination", "ipv4")
svc("removeDestination", "ipv4")
svc("setDestination", "ipv5", "10.0.0.1")
svc("getDestinations")
svc("setDestinations", smap(ipv4="192.168.1.0/24"))
svc("getSettings")

print("--- ipset")
ips = item("ipset", "addIPSet", "ips",
           dbus.Struct(("", "", "", "hash:ip", smap(), strings()), signature="ssssa{ss}as"))
ips("setShort", "Set")
ips("getType")
ips("setType", "hash:foo")
ips("setType", "hash:net")
ips("getOptions")
ips("addOption", "family", "inet")
ips("addOption", "family", "inet")
ips("addOption", "maxelem", "100")
ips("queryOption", "maxelem", "100")
ips("queryOption", "maxelem", "99")
ips("removeOption", "maxelem")
ips("removeOption", "maxelem")
ips("setOptions", smap(family="inet", hashsize="64"))
ips("getOptions")
ips("addEntry", "10.1.2.3/8")
ips("addEntry", "10.0.0.0/8")
ips("addEntry", "10.1.0.0/16")
ips("queryEntry", "10.9.9.9/8")
ips("removeEntry", "192.168.0.0/24")
ips("setEntries", strings("10.0.0.0/8", "10.1.0.0/16"))
ips("setEntries", strings("192.168.0.0/24", "10.0.0.0/8"))
ips("removeEntry", "10.0.0.0/8")
ips("getEntries")
ips("getSettings")

print("--- ipset with a timeout")
ipt = item("ipset", "addIPSet", "ipt",
           dbus.Struct(("", "", "", "hash:ip", smap(timeout="60"), strings()),
                       signature="ssssa{ss}as"))
ipt("addEntry", "10.0.0.1")
ipt("queryEntry", "10.0.0.1")
ipt("setEntries", strings())

print("--- icmptype")
icmp = item("icmptype", "addIcmpType", "icmp",
            dbus.Struct(("", "", "", strings()), signature="sssas"))
icmp("setDescription", "An ICMP type.")
icmp("getDestinations")
icmp("queryDestination", "ipv6")
icmp("removeDestination", "ipv4")
icmp("getDestinations")
icmp("queryDestination", "ipv4")
icmp("removeDestination", "ipv4")
icmp("addDestination", "ipv6")
icmp("addDestination", "ipv4")
icmp("getDestinations")
icmp("addDestination", "ipv5")
icmp("setDestinations", strings("ipv6"))
icmp("getSettings")

print("--- helper")
hlp = item("helper", "addHelper", "hlp",
           dbus.Struct(("", "", "", "", "nf_conntrack_ftp", ports(("21", "tcp"))),
                       signature="sssssa(ss)"))
hlp("setVersion", "1.0")
hlp("getFamily")
hlp("setFamily", "ipv4")
hlp("setFamily", "ipv4")
hlp("queryFamily", "ipv4")
hlp("getModule")
hlp("setModule", "nf_conntrack_ftp")
hlp("setModule", "nf_conntrack_tftp")
hlp("queryModule", "nf_conntrack_tftp")
hlp("setModule", "tftp")
hlp("getPorts")
hlp("addPort", "69", "udp")
hlp("addPort", "69", "udp")
hlp("queryPort", "69", "udp")
hlp("removePort", "21", "tcp")
hlp("removePort", "21", "tcp")
hlp("setPorts", ports(("69", "udp"), ("6969", "udp")))
hlp("getSettings")
