#!/usr/bin/python3
# Sends zone.addPort / zone.removePort calls of zone public asynchronously on one connection, all
# before any answer is read, then prints each answer in the calls' order: "PORT ok ZONE" or
# "PORT error NAME". Arguments: add:PORT or remove:PORT, in the order to send them.
import sys

import dbus
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

DBusGMainLoop(set_as_default=True)
bus = dbus.SystemBus()
# No introspection: the daemon may be stopped while the calls are sent.
obj = bus.get_object("org.fedoraproject.FirewallD1", "/org/fedoraproject/FirewallD1",
                     introspect=False)
zone = dbus.Interface(obj, "org.fedoraproject.FirewallD1.zone")
loop = GLib.MainLoop()
answers = [None] * (len(sys.argv) - 1)


def done(i, text):
    answers[i] = text
    if all(a is not None for a in answers):
        loop.quit()


for i, arg in enumerate(sys.argv[1:]):
    op, port = arg.split(":")
    handlers = dict(reply_handler=lambda z, i=i, p=port: done(i, f"{p} ok {z}"),
                    error_handler=lambda e, i=i, p=port: done(i, f"{p} error {e.get_dbus_name()}"),
                    timeout=60)
    if op == "add":
        zone.addPort("public", port, "tcp", dbus.Int32(0), **handlers)
    else:
        zone.removePort("public", port, "tcp", **handlers)
print("sent", flush=True)
loop.run()
print("\n".join(answers))
