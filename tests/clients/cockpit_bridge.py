#!/usr/bin/python3
"""cockpit 287's firewall page, through the real cockpit-bridge (issue 12).

    cockpit_bridge.py RESTART_FILE   (DBUS_SYSTEM_BUS_ADDRESS: the private bus; as root)

cockpit's browser side talks to cockpit-bridge over stdio in frames (doc/protocol.md at tag 287:
"LENGTH\\nCHANNEL\\nPAYLOAD", control channel ""). This plays the page's side: it opens a
"dbus-json3" channel to org.fedoraproject.FirewallD1 as cockpit.dbus(name, {superuser: "try"}) does,
subscribes to the page's signals and sends the calls of pkg/networkmanager/firewall-client.js
(287) with their promise chains, untyped: the bridge introspects every object it calls to type the
arguments, which is what this tests of the daemon. The steps are the page's: open (getZones,
getServices), the "Add services" dialog (every service's settings, many calls in flight),
adding services (runtime, then permanent), a custom service (addService2, reload, on Reloaded add
it), editing it (update2, reload), removing services, ports opened elsewhere (the page follows
PortAdded and PortRemoved), a zone activated and deactivated (addSource, update2 of a partial dict,
on Updated re-read), and a daemon restart: the script touches RESTART_FILE and waits for the name's
owner to go and come back (cockpit.sh restarts the daemon and touches RESTART_FILE"ed" when it is
back), then the page reloads everything. Debounces are replaced by a round trip after each step, so
that the output does not depend on timing.

Prints the counts of answers by method and outcome, of signals by member, and what the page shows
at the end; cockpit.sh compares it with the run against firewalld (cockpit_bridge.expected).
"""
import asyncio
import collections
import json
import os
import sys

NAME = "org.fedoraproject.FirewallD1"
PATH = "/org/fedoraproject/FirewallD1"
ZONE = NAME + ".zone"
CONFIG = NAME + ".config"
CHANNEL = "4"
# The page sends all its calls at once; the bridge then has more than dbus-daemon's 128 pending
# replies per connection (system.conf's default) and the bus refuses the rest with
# LimitsExceeded, with firewalld as with fwctld, and how many depends on timing (cockpit's
# issue 1649, open). At most this many of the page's calls wait for an answer here, with room
# for the bridge's own Introspect calls.
IN_FLIGHT = 50
# Left out of the comparison, as in firewall_client.py: firewalld also has nm-shared (fwctl ships
# no such zone) and here libvirt's two zones (fwctld reads the test's --default-config, not
# /usr/lib/firewalld); their getZoneSettings2 are not counted. The short and description texts
# of shipped services are fwctl's own (docs/compatibility.md): not shown.
SHIPPED_ZONES = ("block", "dmz", "drop", "external", "home", "internal", "public", "trusted",
                 "work")
SIGNALS = [(ZONE, m) for m in ("ServiceAdded", "ServiceRemoved", "PortAdded", "PortRemoved")] + \
    [(NAME, "Reloaded")] + \
    [(ZONE, m) for m in ("ZoneOfInterfaceChanged", "ZoneOfSourceChanged", "InterfaceAdded",
                         "SourceAdded", "InterfaceRemoved", "SourceRemoved")]


class BusError(Exception):
    def __init__(self, name, args):
        message = args[0] if args else ""
        # firewalld's errors: org.fedoraproject.FirewallD1.Exception "CODE: detail"
        self.outcome = message.split(":")[0] if name.startswith(NAME) else name
        super().__init__(f"{name}: {message}")


class Bridge:
    """One cockpit-bridge and the page's dbus-json3 channel on it."""

    def __init__(self, proc):
        self.proc = proc
        self.calls = {}
        self.cookie = 1
        self.counts = collections.Counter()
        self.signals = collections.Counter()
        self.subscribers = []
        self.owners = asyncio.Queue()
        self.init = asyncio.get_running_loop().create_future()
        self.in_flight = asyncio.Semaphore(IN_FLIGHT)

    async def read(self):
        while True:
            length = await self.proc.stdout.readline()
            if not length:
                raise SystemExit("cockpit-bridge closed its output")
            frame = (await self.proc.stdout.readexactly(int(length))).decode()
            channel, payload = frame.split("\n", 1)
            message = json.loads(payload)
            if channel == "":
                self.control(message)
            elif channel == CHANNEL:
                self.dbus(message)

    def control(self, message):
        command = message.get("command")
        if command == "init" and not self.init.done():
            self.init.set_result(message)
        elif command == "close":
            raise SystemExit(f"cockpit-bridge closed the channel: {message}")

    def dbus(self, message):
        if "id" in message and message["id"] in self.calls:
            future = self.calls.pop(message["id"])
            if "reply" in message:
                future.set_result(message["reply"][0])
            elif "error" in message:
                future.set_exception(BusError(*message["error"]))
        elif "signal" in message:
            path, iface, member, args = message["signal"]
            self.signals[f"{iface.rsplit('.', 1)[-1]}.{member}"] += 1
            for match, callback in list(self.subscribers):
                if all(message["signal"][i] == match.get(k)
                       for i, k in enumerate(("path", "interface", "member")) if k in match):
                    callback(path, iface, member, args)
        elif "owner" in message:
            self.owners.put_nowait(message["owner"])

    def send(self, channel, payload):
        data = f"{channel}\n{json.dumps(payload)}".encode()
        self.proc.stdin.write(b"%d\n%s" % (len(data), data))

    async def call(self, path, iface, method, args, counted=True):
        """cockpit.dbus().call: no "type", the bridge introspects path for the signature."""
        async with self.in_flight:
            cookie = str(self.cookie)
            self.cookie += 1
            future = asyncio.get_running_loop().create_future()
            self.calls[cookie] = future
            self.send(CHANNEL, {"call": [path, iface, method, args], "id": cookie})
            try:
                reply = await future
            except BusError as e:
                self.counts[(method, e.outcome)] += counted
                raise
        self.counts[(method, "ok")] += counted
        return reply

    def subscribe(self, match, callback):
        self.send(CHANNEL, {"add-match": match})
        entry = (match, callback)
        self.subscribers.append(entry)
        return lambda: (self.subscribers.remove(entry),
                        self.send(CHANNEL, {"remove-match": match}))


async def gather(*coroutines):
    """Promise.all; errors counted by Bridge.call, as the page's console.warn would show them."""
    return await asyncio.gather(*coroutines, return_exceptions=True)


class Page:
    """firewall-client.js: the page's state and its calls."""

    def __init__(self, bridge):
        self.b = bridge
        self.zones, self.services = {}, {}
        self.active, self.enabled = set(), set()
        self.default = None
        self.pending = []  # what signal callbacks started

    def call(self, *args, **kwargs):
        return self.b.call(*args, **kwargs)

    async def get_zones(self):
        active = (await self.call(PATH, ZONE, "getActiveZones", []))[0]
        self.active = {z["id"] for z in await self.fetch_zone_infos(sorted(active))}
        self.default = (await self.call(PATH, NAME, "getDefaultZone", []))[0]
        await self.fetch_zone_infos((await self.call(PATH, ZONE, "getZones", []))[0])

    async def get_services(self):
        self.enabled = set()

        async def zone(z):
            for s in await self.fetch_service_infos((await self.call(PATH, ZONE, "getServices",
                                                                     [z]))[0]):
                self.enabled.add(s["id"])
                if s["includes"]:
                    await self.fetch_service_infos(s["includes"])
        await gather(*(zone(z) for z in sorted(self.active)))

    async def fetch_service_infos(self, services):
        async def one(service):
            if service in self.services:
                return self.services[service]
            settings = (await self.call(PATH, NAME, "getServiceSettings2", [service]))[0]
            info = {"id": service, "name": settings.get("short", {}).get("v", ""),
                    "description": settings.get("description", {}).get("v", ""),
                    "ports": settings.get("ports", {}).get("v", []), "includes": []}
            self.services[service] = info
            path = await self.call(PATH + "/config", CONFIG, "getServiceByName", [service])
            config = (await self.call(path[0], CONFIG + ".service", "getSettings2", []))[0]
            if "includes" in config:
                info["includes"] = config["includes"]["v"]
            return info
        return await asyncio.gather(*(one(s) for s in services))

    async def fetch_zone_infos(self, zones):
        async def one(zone):
            settings = (await self.call(PATH, ZONE, "getZoneSettings2", [zone],
                                        counted=zone in SHIPPED_ZONES))[0]
            self.zones[zone] = {k: settings.get(k, {}).get("v") for k in ("short", "target")}
            self.zones[zone].update({k: settings.get(k, {}).get("v") or [] for k in
                                     ("services", "ports", "interfaces", "sources")})
            self.zones[zone]["id"] = zone
            return self.zones[zone]
        return await asyncio.gather(*(one(z) for z in zones))

    def watch(self):
        def service_added(path, iface, member, args):
            async def then():
                await self.fetch_zone_infos([args[0]])
                self.enabled.add((await self.fetch_service_infos([args[1]]))[0]["id"])
            self.pending.append(asyncio.ensure_future(then()))

        def service_removed(path, iface, member, args):
            self.enabled.discard(args[1])
            self.debounced_get_services = True

        # The page edits its copy of the zone's ports from the signal's arguments alone.
        def port_added(path, iface, member, args):
            if [args[1], args[2]] not in self.zones[args[0]]["ports"]:
                self.zones[args[0]]["ports"].append([args[1], args[2]])

        def port_removed(path, iface, member, args):
            self.zones[args[0]]["ports"].remove([args[1], args[2]])

        def zones_changed(*_):
            self.debounced_get_zones = True
        callbacks = {"ServiceAdded": service_added, "ServiceRemoved": service_removed,
                     "PortAdded": port_added, "PortRemoved": port_removed}
        for iface, member in SIGNALS:
            self.b.subscribe({"interface": iface, "path": PATH, "member": member},
                             callbacks.get(member, zones_changed))
        self.debounced_get_zones = self.debounced_get_services = False

    async def settle(self):
        """Where the page's 300 ms debounces would fire: after a round trip, so every signal
        of the calls answered so far has come (the daemon sends them before it answers)."""
        await self.call(PATH, NAME, "getDefaultZone", [])
        while self.pending:
            await gather(*self.pending.copy())
            self.pending = [p for p in self.pending if not p.done()]
        if self.debounced_get_zones:
            self.debounced_get_zones = False
            await self.get_zones()
            await self.get_services()
        elif self.debounced_get_services:
            await self.get_services()
        self.debounced_get_services = False

    # The page's actions (firewall.addService and the others).
    async def add_service(self, zone, service):
        await self.call(PATH, ZONE, "addService", [zone, service, 0])
        path = await self.call(PATH + "/config", CONFIG, "getZoneByName", [zone])
        await self.call(path[0], CONFIG + ".zone", "addService", [service])

    async def remove_service(self, zone, service):
        await self.call(PATH, ZONE, "removeService", [zone, service])
        path = await self.call(PATH + "/config", CONFIG, "getZoneByName", [zone])
        await self.call(path[0], CONFIG + ".zone", "removeService", [service])

    async def create_service(self, service, ports, zone, desc):
        reloaded = asyncio.get_running_loop().create_future()
        remove = None

        def on_reloaded(*_):
            remove()
            reloaded.set_result(asyncio.ensure_future(gather(self.add_service(zone, service))))
        remove = self.b.subscribe({"interface": NAME, "path": PATH, "member": "Reloaded"},
                                  on_reloaded)
        await self.call(PATH + "/config", CONFIG, "addService2",
                        [service, {"description": {"t": "s", "v": desc},
                                   "ports": {"t": "a(ss)", "v": ports}}])
        await gather(self.call(PATH, NAME, "reload", []))
        await (await reloaded)

    async def edit_service(self, service, ports, desc):
        path = await self.call(PATH + "/config", CONFIG, "getServiceByName", [service])
        await self.call(path[0], CONFIG + ".service", "update2",
                        [{"description": {"t": "s", "v": desc},
                          "ports": {"t": "a(ss)", "v": ports}}])
        self.services[service].update(description=desc, ports=ports)
        await gather(self.call(PATH, NAME, "reload", []))

    async def set_zone(self, zone, interfaces, sources, runtime):
        """activateZone (runtime "addInterface"/"addSource") and deactiveateZone ("remove...")."""
        calls = [self.call(PATH, ZONE, runtime + "Interface", [zone, i]) for i in interfaces]
        calls += [self.call(PATH, ZONE, runtime + "Source", [zone, s]) for s in sources]
        await asyncio.gather(*calls)
        path = (await self.call(PATH + "/config", CONFIG, "getZoneByName", [zone]))[0]
        updated = asyncio.get_running_loop().create_future()
        remove = None

        def on_updated(*_):
            remove()
            updated.set_result(None)
        remove = self.b.subscribe({"interface": CONFIG + ".zone", "path": path,
                                   "member": "Updated"}, on_updated)
        keep = runtime == "add"
        await self.call(path, CONFIG + ".zone", "update2",
                        [{"interfaces": {"t": "as", "v": interfaces if keep else []},
                          "sources": {"t": "as", "v": sources if keep else []}}])
        await updated
        await self.get_zones()
        await self.get_services()


def show(page, label):
    print(f"{label}: default zone {page.default}; active zones: {' '.join(sorted(page.active))}")
    for zone in sorted(page.active | {"public", "internal"}):
        info = page.zones[zone]
        print(f"  {zone}: services {' '.join(sorted(info['services']))}; ports {info['ports']}; "
              f"interfaces {sorted(info['interfaces'])}; sources {sorted(info['sources'])}; "
              f"target {info['target']}")
    print(f"  enabled services: {' '.join(sorted(page.enabled))}")


async def run(restart_file):
    env = dict(os.environ, LANG="C.UTF-8")
    proc = await asyncio.create_subprocess_exec("cockpit-bridge", stdin=asyncio.subprocess.PIPE,
                                                stdout=asyncio.subprocess.PIPE, env=env)
    b = Bridge(proc)
    reader = asyncio.ensure_future(b.read())
    init = await asyncio.wait_for(b.init, 30)
    print("bridge init: version", init.get("version"))
    b.send("", {"command": "init", "version": 1, "host": "localhost"})
    b.send("", {"command": "open", "channel": CHANNEL, "superuser": "try",
                "payload": "dbus-json3", "name": NAME})
    page = Page(b)
    page.watch()
    print("owner:", "set" if await asyncio.wait_for(b.owners.get(), 30) else "none")

    # The page once pkcheck allowed changes: getZones, then getServices.
    await page.get_zones()
    await page.get_services()
    show(page, "page open")

    # "Add services": listServices, then every service's settings at once.
    listed = (await b.call(PATH, NAME, "listServices", []))[0]
    infos = await page.fetch_service_infos(listed)
    print(f"add services dialog: {len(infos)} services; with ports: "
          f"{sum(1 for i in infos if i['ports'])}; with includes: "
          f"{sum(1 for i in infos if i['includes'])}")
    ssh = {k: page.services["ssh"][k] for k in ("id", "ports", "includes")}
    print("  ssh:", json.dumps(ssh, sort_keys=True))
    chosen = sorted(s for s in listed if s not in page.enabled)[-6:]
    await gather(*(page.add_service("public", s) for s in chosen))
    await page.settle()
    show(page, "added " + " ".join(chosen))
    # The same again: every call answers ALREADY_ENABLED, nothing changes.
    await gather(*(page.add_service("public", s) for s in chosen[:2]))
    await page.settle()

    await page.create_service("cockpit-test", [["8123", "tcp"]], "public", "for the test")
    await page.settle()
    await page.edit_service("cockpit-test", [["8124", "tcp"], ["8125", "udp"]], "edited")
    await page.settle()
    print("cockpit-test:", json.dumps(page.services["cockpit-test"], sort_keys=True))
    settings = (await b.call(PATH, NAME, "getServiceSettings2", ["cockpit-test"]))[0]
    print("  getServiceSettings2:", json.dumps(settings, sort_keys=True))
    show(page, "custom service")

    await gather(page.remove_service("public", chosen[0]), page.remove_service("public",
                                                                               chosen[1]))
    await page.settle()
    show(page, "removed two")
    # Ports opened and closed by another program (here through the same channel): the page
    # shows them from PortAdded's and PortRemoved's arguments.
    await b.call(PATH, ZONE, "addPort", ["public", "8080", "tcp", 0])
    await b.call(PATH, ZONE, "addPort", ["public", "5000-5010", "udp", 0])
    await page.settle()
    print("ports opened elsewhere:", page.zones["public"]["ports"])
    await b.call(PATH, ZONE, "removePort", ["public", "8080", "tcp"])
    await page.settle()
    print("one closed:", page.zones["public"]["ports"])

    # Adding a zone: the cockpit service first, then the zone's sources.
    await gather(page.add_service("internal", "cockpit"))
    await page.set_zone("internal", [], ["10.99.0.0/24"], "add")
    await page.settle()
    show(page, "internal activated")
    await page.set_zone("internal", [], ["10.99.0.0/24"], "remove")
    await page.settle()
    show(page, "internal deactivated")

    # The daemon restarts (cockpit.sh does it): the owner goes, then comes back.
    open(restart_file, "w").close()
    print("owner after stop:", await asyncio.wait_for(b.owners.get(), 60))
    print("owner after start:", "set" if await asyncio.wait_for(b.owners.get(), 60) else "none")
    page.zones, page.services = {}, {}
    await page.get_zones()
    await page.get_services()
    # What the page shows now depends on whether cockpit.sh has bound veth-host yet (its
    # InterfaceAdded makes the page read again): shown once that is done.
    while not os.path.exists(restart_file + "ed"):
        await asyncio.sleep(0.1)
    await page.settle()
    show(page, "after restart")

    for (method, outcome), n in sorted(b.counts.items()):
        print(f"{method} {outcome}: {n}")
    for member, n in sorted(b.signals.items()):
        print(f"signal {member}: {n}")
    reader.cancel()
    proc.stdin.close()
    await proc.wait()


if __name__ == "__main__":
    # A call the bridge never answers must fail the test, with the logs, before ctest's timeout.
    asyncio.run(asyncio.wait_for(run(sys.argv[1]), 80))
