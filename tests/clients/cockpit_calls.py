#!/usr/bin/python3
"""cockpit 287's firewall page, as bus traffic: many clients, hundreds of calls in flight.

    cockpit_calls.py CLIENTS     (DBUS_SYSTEM_BUS_ADDRESS: the private bus)

cockpit's page (pkg/networkmanager/firewall-client.js) reads every zone and, when its "Add
services" dialog opens, every service's settings at once, each call sent without waiting for
the previous one; an added service goes in at runtime and in the permanent configuration
together. Here CLIENTS processes, each on its own connection, send all their calls at once
(dbus-python with reply handlers on one GLib main loop):
  - reads: getZoneSettings2 of every zone; client 0 also getServiceSettings2 of every service
    and the /config object of every service (getServiceByName, then its getSettings2);
  - writes: client K adds its own ten services to zone public at runtime (zone.addService) and
    permanently (config zone addService) at the same time, then removes the odd ones of them
    both ways; every client adds "http" at runtime and permanently (one of each may succeed,
    the others get ALREADY_ENABLED).
Then prints the end state, one line each, in an order independent of timing: the counts of
answers by outcome, public's runtime and permanent services and the daemon's state. The
expectation is firewalld's output (cockpit.expected).
"""
import collections
import multiprocessing
import sys

import dbus
import dbus.mainloop.glib
from gi.repository import GLib

NAME = "org.fedoraproject.FirewallD1"
PATH = "/org/fedoraproject/FirewallD1"
ZONE = NAME + ".zone"
CONFIG = NAME + ".config"
# firewalld 1.3.3's zones but nm-shared, which fwctl does not ship (docs/clients.md).
ZONES = ("block", "dmz", "drop", "external", "home", "internal", "public", "trusted", "work")
IN_FLIGHT = 100  # per connection; dbus-daemon allows 128 pending replies by default


def outcome(error):
    return error.get_dbus_message().split(":")[0] if error else "ok"


def client(k, services, queue):
    dbus.mainloop.glib.DBusGMainLoop(set_as_default=True)
    bus = dbus.SystemBus(private=True)  # not the parent's connection, inherited by fork
    fw = bus.get_object(NAME, PATH, introspect=False)
    config = bus.get_object(NAME, PATH + "/config", introspect=False)
    loop = GLib.MainLoop()
    counts = collections.Counter()
    pending = [0]

    waiting = collections.deque()

    # At most IN_FLIGHT calls wait for their answer; the bus refuses more per connection.
    def call(obj, interface, member, *args, then=None, kind=None):
        pending[0] += 1

        def done(result=None, error=None):
            counts[(kind or member, outcome(error))] += 1
            if then and error is None:
                then(result)
            pending[0] -= 1
            if waiting:
                waiting.popleft()()
            elif pending[0] == 0:
                loop.quit()

        def send():
            # returns at once: the answer comes to done() from the main loop
            obj.get_dbus_method(member, interface)(
                *args, reply_handler=lambda *r: done(r[0] if r else None),
                error_handler=lambda e: done(error=e), timeout=120)

        if pending[0] - len(waiting) > IN_FLIGHT:
            waiting.append(send)
        else:
            send()

    def zone_config(then):
        call(config, CONFIG, "getZoneByName", "public",
             then=lambda path: then(bus.get_object(NAME, path, introspect=False)))

    def service_config(path):
        call(bus.get_object(NAME, path, introspect=False), CONFIG + ".service", "getSettings2")

    for zone in ZONES:
        call(fw, ZONE, "getZoneSettings2", zone)
    # The page that opens its "Add services" dialog; the others edit meanwhile.
    for service in services if k == 0 else []:
        call(fw, NAME, "getServiceSettings2", service)
        call(config, CONFIG, "getServiceByName", service, then=service_config)

    mine = services[10 * k:10 * k + 10]
    for service in mine + ["http"]:
        call(fw, ZONE, "addService", "public", service, 0)
        zone_config(lambda z, s=service: call(z, CONFIG + ".zone", "addService", s,
                                              kind="permanent addService"))
    loop.run()
    # Once this client's adds are answered (the other clients' calls still going on).
    for service in mine[1::2]:
        call(fw, ZONE, "removeService", "public", service)
        zone_config(lambda z, s=service: call(z, CONFIG + ".zone", "removeService", s,
                                              kind="permanent removeService"))
        call(fw, ZONE, "queryService", "public", service)
    loop.run()
    queue.put(counts)


def main():
    clients = int(sys.argv[1])
    bus = dbus.SystemBus()
    fw = bus.get_object(NAME, PATH, introspect=False)
    services = sorted(str(s) for s in fw.listServices(dbus_interface=NAME))
    services = [s for s in services if s not in ("http", "ssh", "dhcpv6-client")]
    queue = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=client, args=(k, services, queue))
             for k in range(clients)]
    for p in procs:
        p.start()
    total = collections.Counter()
    for _ in procs:
        total.update(queue.get(timeout=300))
    for p in procs:
        p.join()
    for (member, result), n in sorted(total.items()):
        print(f"{member} {result}: {n}")
    runtime = fw.getZoneSettings2("public", dbus_interface=ZONE)
    print("runtime services:", " ".join(sorted(runtime.get("services", []))))
    config = bus.get_object(NAME, PATH + "/config", introspect=False)
    zone = bus.get_object(NAME, config.getZoneByName("public", dbus_interface=CONFIG))
    permanent = zone.getSettings2(dbus_interface=CONFIG + ".zone")
    print("permanent services:", " ".join(sorted(permanent.get("services", []))))
    print("state:", fw.Get(NAME, "state", dbus_interface="org.freedesktop.DBus.Properties"))


if __name__ == "__main__":
    main()
