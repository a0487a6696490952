#!/usr/bin/python3
"""Load on fwctld (load.sh): CLIENTS clients, each on its own bus connection and thread, make
CHANGES runtime changes in all: add and remove entries of the ipset "load" (each client its own
addresses, so the expected end state is known), one in 50 refused (a bad address). Every
RELOAD_EVERY changes of each client all clients meet, one reloads, and each forgets its entries:
a reload drops runtime ipset entries, in firewalld as in fwctld. Prints the counts, then the
entries every client expects, one per line, sorted.

    load.py CLIENTS CHANGES RELOAD_EVERY      (DBUS_SYSTEM_BUS_ADDRESS: the test's bus)

With RELOAD_EVERY 0 one more client reloads all the time instead, at any moment: a client's
entry may vanish under it then, so NOT_ENABLED and ALREADY_ENABLED count as refusals, and the
entries expected are not known (none are printed); runtime and kernel must still agree.
"""
import os
import random
import sys
import threading

import dbus

NAME = "org.fedoraproject.FirewallD1"
PATH = "/org/fedoraproject/FirewallD1"
CLIENTS, CHANGES, RELOAD_EVERY = (int(a) for a in sys.argv[1:4])
counts = {"accepted": 0, "refused": 0, "reloads": 0, "errors": []}
lock = threading.Lock()
expected = set()
barrier = threading.Barrier(CLIENTS)


def client(number):
    bus = dbus.bus.BusConnection(os.environ["DBUS_SYSTEM_BUS_ADDRESS"])
    main = bus.get_object(NAME, PATH)
    rng = random.Random(number)
    mine = set()
    accepted = refused = reloads = 0
    for i in range(CHANGES // CLIENTS):
        try:
            if RELOAD_EVERY and i % RELOAD_EVERY == RELOAD_EVERY - 1:
                barrier.wait()
                if number == 0:
                    main.reload(dbus_interface=NAME, timeout=120)
                    reloads += 1
                mine.clear()
                barrier.wait()
                continue
            entry = "10.%d.%d.%d" % (number, rng.randrange(4), rng.randrange(1, 64))
            if i % 50 == 20:  # refused: nothing may change
                entry = "10.%d.0.300" % number
            if entry in mine:
                main.removeEntry("load", entry, dbus_interface=NAME + ".ipset", timeout=120)
                mine.discard(entry)
            else:
                main.addEntry("load", entry, dbus_interface=NAME + ".ipset", timeout=120)
                mine.add(entry)
            accepted += 1
        except dbus.DBusException as e:
            text = e.get_dbus_message() or ""
            if "INVALID_ENTRY" in text or (not RELOAD_EVERY and "_ENABLED" in text):
                refused += 1
            else:
                with lock:
                    counts["errors"].append(str(e)[:120])
    with lock:
        counts["accepted"] += accepted
        counts["refused"] += refused
        counts["reloads"] += reloads
        expected.update(mine)
    bus.close()


def reloader(done):
    bus = dbus.bus.BusConnection(os.environ["DBUS_SYSTEM_BUS_ADDRESS"])
    main = bus.get_object(NAME, PATH)
    while not done.is_set():
        main.reload(dbus_interface=NAME, timeout=120)
        with lock:
            counts["reloads"] += 1


threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
done = threading.Event()
free = threading.Thread(target=reloader, args=(done,))
if not RELOAD_EVERY:
    free.start()
for t in threads:
    t.start()
for t in threads:
    t.join()
done.set()
if not RELOAD_EVERY:
    free.join()
print("accepted %(accepted)d refused %(refused)d reloads %(reloads)d errors %(errors)s" % counts)
if RELOAD_EVERY:
    for entry in sorted(expected):
        print(entry)
