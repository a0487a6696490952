# Used by daemon_permanent.sh: calls /config and a config.zone object over D-Bus and prints each
# call's answer and the signals it emitted, in order. A signal sent before the reply is queued
# before it, so draining the queue after the call sees every signal: no waiting.
import sys
import dbus
import dbus.mainloop.glib
from gi.repository import GLib

dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
bus = dbus.SystemBus()
NAME = "org.fedoraproject.FirewallD1"
got = []
def on_signal(*args, **kw):
    if kw["iface"].startswith(NAME) or kw["iface"] == "org.freedesktop.DBus.Properties":
        got.append("%s %s.%s(%s)" % (kw["path"], kw["iface"].replace(NAME, ""), kw["member"],
                                     ", ".join(str(a) for a in args)))
bus.add_signal_receiver(on_signal, bus_name=NAME, member_keyword="member", path_keyword="path",
                        interface_keyword="iface")

def call(path, iface, method, *args):
    obj = bus.get_object(NAME, path)
    try:
        ret = obj.get_dbus_method(method, iface)(*args)
    except dbus.DBusException as e:
        ret = "ERROR " + e.get_dbus_message()
    ctx = GLib.MainContext.default()
    while ctx.pending():
        ctx.iteration(False)
    print("%s -> %s" % (method, ret))
    for s in got:
        print("  " + s)
    got.clear()
    return ret

CONFIG = "/org/fedoraproject/FirewallD1/config"
path = call(CONFIG, NAME + ".config", "addZone2", "sig", dbus.Dictionary({}, signature="sv"))
call(CONFIG, NAME + ".config", "addZone2", "sig", dbus.Dictionary({}, signature="sv"))
call(path, NAME + ".config.zone", "addPort", "80", "tcp")
call(path, NAME + ".config.zone", "addPort", "70000", "tcp")
call(path, NAME + ".config.zone", "rename", "sig2")
call(path, NAME + ".config.zone", "remove")
call(CONFIG, NAME + ".config", "getZoneByName", "sig2")
call(CONFIG, "org.freedesktop.DBus.Properties", "Set", NAME + ".config", "LogDenied", "all")
call(CONFIG, "org.freedesktop.DBus.Properties", "Set", NAME + ".config", "LogDenied", "some")
