#!/usr/bin/python3
"""A stand-in for polkitd on a test's private bus: org.freedesktop.PolicyKit1's Authority with
CheckAuthorization only, answering from a table given on the command line instead of rules.

    polkit_standin.py ACTION=yes|no|challenge|hold ...

"hold" keeps the call unanswered until Release() is called on the same object (so a test can show
that a pending check holds up nobody else); Answer(ACTION, ANSWER) changes the table. Prints
"ready" once it owns the name. Every check is printed as "check <action> <bus name>".
"""
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.freedesktop.PolicyKit1"
PATH = "/org/freedesktop/PolicyKit1/Authority"
IFACE = "org.freedesktop.PolicyKit1.Authority"


class Authority(dbus.service.Object):
    def __init__(self, bus, table):
        super().__init__(bus, PATH)
        self.table = table
        self.held = []

    @dbus.service.method(IFACE, in_signature="(sa{sv})sa{ss}us", out_signature="(bba{ss})",
                         async_callbacks=("reply", "error"))
    def CheckAuthorization(self, subject, action, details, flags, cancel, reply, error):
        print("check", action, subject[1]["name"], flush=True)
        answer = self.table.get(str(action), "no")
        if answer == "hold":
            self.held.append(reply)
        else:  # "challenge": not authorized, but an agent could ask the user
            reply((answer == "yes", answer == "challenge", {}))

    @dbus.service.method(IFACE, in_signature="ss", out_signature="")
    def Answer(self, action, answer):
        self.table[str(action)] = str(answer)

    @dbus.service.method(IFACE, in_signature="", out_signature="")
    def Release(self):
        held, self.held = self.held, []
        for reply in held:
            reply((True, False, {}))


def main():
    table = dict(arg.split("=", 1) for arg in sys.argv[1:])
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SystemBus()
    name = dbus.service.BusName(NAME, bus)  # noqa: F841 (kept: owning the name)
    Authority(bus, table)
    print("ready", flush=True)
    GLib.MainLoop().run()


if __name__ == "__main__":
    main()
