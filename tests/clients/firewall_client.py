#!/usr/bin/python3
"""python3-firewall's FirewallClient, as ansible.posix.firewalld and firewall-config use it.

    firewall_client.py      (DBUS_SYSTEM_BUS_ADDRESS: the private bus)

Each step prints its call and what came back (the value, or the FirewallError's code), so the
output of a run against firewalld (firewall_client.expected) is the expectation. The steps are
ansible.posix.firewalld's: runtime (query, then add or remove, as its transactions do) and
permanent (config().getZoneByName(zone).getSettings(), edit, update()) for services, ports,
source ports, rich rules, sources, interfaces, masquerade, icmp blocks and their inversion,
forward ports, targets, a zone created and deleted; and what firewall-config reads at start.
"""
import dbus

from firewall.client import FirewallClient, FirewallClientZoneSettings
from firewall.errors import FirewallError

fw = FirewallClient()


def step(text, fn, *args):
    try:
        result = fn(*args)
    except FirewallError as e:
        result = "error " + str(e).split(":")[0]
    except dbus.exceptions.DBusException as e:  # FirewallClient lets them through
        result = f"exception {e.get_dbus_name()} {e.get_dbus_message().split(':')[0]}"
    if isinstance(result, (list, tuple)) and text.endswith("*"):
        # firewalld 1.3.3 ships zone nm-shared, fwctl does not (docs/clients.md); libvirt's
        # package adds zones and policies to /usr/lib/firewalld, which firewalld reads here
        result = sorted(r for r in result if r != "nm-shared" and not str(r).startswith("libvirt"))
    print(f"{text}: {result}")


def texts_left_out(settings):
    """fwctl's shipped zones, services and policies have texts of their own (docs/clients.md)."""
    return {k: v for k, v in settings.items() if k not in ("short", "description")}


def permanent(zone, edit):
    """ansible's permanent transaction: settings from the config object, edited, updated."""
    obj = fw.config().getZoneByName(zone)
    settings = obj.getSettings()
    edit(settings)
    obj.update(settings)
    return "updated"


print("connected:", fw.connected)
step("getDefaultZone", fw.getDefaultZone)
step("getZones*", fw.getZones)
step("config().getZoneNames*", fw.config().getZoneNames)
step("getActiveZones", lambda: {z: sorted(v.get("interfaces", [])) for z, v in
                                 fw.getActiveZones().items()})

# Runtime, the way ansible's transactions go: query, then change.
for zone, item in (("public", "http"), ("dmz", "https")):
    step(f"queryService {zone} {item}", fw.queryService, zone, item)
    step(f"addService {zone} {item}", fw.addService, zone, item, 0)
    step(f"queryService {zone} {item}", fw.queryService, zone, item)
step("addService public http (again)", fw.addService, "public", "http", 0)
step("addService public nosuch", fw.addService, "public", "nosuch", 0)
step("removeService dmz https", fw.removeService, "dmz", "https")
step("queryPort public 8080/tcp", fw.queryPort, "public", "8080", "tcp")
step("addPort public 8080/tcp", fw.addPort, "public", "8080", "tcp", 0)
step("addPort public 161-162/udp", fw.addPort, "public", "161-162", "udp", 0)
step("addPort public http/tcp", fw.addPort, "public", "http", "tcp", 0)
step("getPorts public*", fw.getPorts, "public")
step("removePort public 8080/tcp", fw.removePort, "public", "8080", "tcp")
step("addSourcePort public 5000/udp", fw.addSourcePort, "public", "5000", "udp", 0)
step("querySourcePort public 5000/udp", fw.querySourcePort, "public", "5000", "udp")
rule = ('rule family="ipv4" source address="192.0.2.0/24" service name="ftp" log prefix="ftp"'
        ' level="info" accept')
step("queryRichRule", fw.queryRichRule, "public", rule)
step("addRichRule", fw.addRichRule, "public", rule, 0)
step("getRichRules public", fw.getRichRules, "public")
step("addRichRule bad", fw.addRichRule, "public", "rule family=ipv5 accept", 0)
step("getZoneOfSource 198.51.100.0/24", fw.getZoneOfSource, "198.51.100.0/24")
step("addSource internal", fw.addSource, "internal", "198.51.100.0/24")
step("querySource internal", fw.querySource, "internal", "198.51.100.0/24")
step("removeSource internal", fw.removeSource, "internal", "198.51.100.0/24")
step("getZoneOfInterface eth7", fw.getZoneOfInterface, "eth7")
step("changeZoneOfInterface work eth7", fw.changeZoneOfInterface, "work", "eth7")
step("getZoneOfInterface eth7", fw.getZoneOfInterface, "eth7")
step("removeInterface work eth7", fw.removeInterface, "work", "eth7")
step("queryMasquerade external", fw.queryMasquerade, "external")
step("addMasquerade dmz", fw.addMasquerade, "dmz", 0)
step("queryMasquerade dmz", fw.queryMasquerade, "dmz")
step("removeMasquerade dmz", fw.removeMasquerade, "dmz")
step("addIcmpBlock public echo-request", fw.addIcmpBlock, "public", "echo-request", 0)
step("queryIcmpBlock public echo-request", fw.queryIcmpBlock, "public", "echo-request")
step("addIcmpBlock public nosuch", fw.addIcmpBlock, "public", "nosuch", 0)
step("addIcmpBlockInversion public", fw.addIcmpBlockInversion, "public")
step("queryIcmpBlockInversion public", fw.queryIcmpBlockInversion, "public")
step("removeIcmpBlockInversion public", fw.removeIcmpBlockInversion, "public")
step("addForwardPort public", fw.addForwardPort, "public", "2222", "tcp", "22", "192.0.2.9", 0)
step("queryForwardPort public", fw.queryForwardPort, "public", "2222", "tcp", "22", "192.0.2.9")
step("getForwardPorts public", fw.getForwardPorts, "public")
step("getZoneSettings public", lambda: texts_left_out(
    fw.getZoneSettings("public").getSettingsDict()))

# Permanent, ansible's way.
step("permanent addService public http", permanent, "public", lambda s: s.addService("http"))
step("permanent addPort public 8443/tcp", permanent, "public",
     lambda s: s.addPort("8443", "tcp"))
step("permanent addRichRule public", permanent, "public", lambda s: s.addRichRule(rule))
step("permanent addSource trusted", permanent, "trusted",
     lambda s: s.addSource("203.0.113.0/24"))
step("permanent addInterface dmz eth8", permanent, "dmz", lambda s: s.addInterface("eth8"))
step("permanent setMasquerade dmz", permanent, "dmz", lambda s: s.setMasquerade(True))
step("permanent setTarget internal DROP", permanent, "internal", lambda s: s.setTarget("DROP"))
step("permanent addIcmpBlock public", permanent, "public",
     lambda s: s.addIcmpBlock("timestamp-request"))
step("permanent addForwardPort public", permanent, "public",
     lambda s: s.addForwardPort("8080", "tcp", "80", ""))
step("permanent nosuch zone", permanent, "nosuch", lambda s: None)
step("config().getZoneOfInterface eth8", fw.config().getZoneOfInterface, "eth8")
step("config().getZoneOfSource", fw.config().getZoneOfSource, "203.0.113.0/24")
step("config().addZone ansible", lambda: str(fw.config().addZone(
    "ansible", FirewallClientZoneSettings()).get_property("name")))
step("permanent setTarget ansible ACCEPT", permanent, "ansible",
     lambda s: s.setTarget("ACCEPT"))
step("config ansible settings", lambda: texts_left_out(
    fw.config().getZoneByName("ansible").getSettings().getSettingsDict()))
step("config public settings", lambda: texts_left_out(
    fw.config().getZoneByName("public").getSettings().getSettingsDict()))
step("remove ansible", lambda: fw.config().getZoneByName("ansible").remove())
step("config().getZoneNames has ansible", lambda: "ansible" in fw.config().getZoneNames())
step("reload", fw.reload)
step("getZoneSettings public after reload", lambda: texts_left_out(
    fw.getZoneSettings("public").getSettingsDict()))

# What firewall-config reads as it starts.
step("getLogDenied", fw.getLogDenied)
step("getAutomaticHelpers", fw.get_property, "AutomaticHelpers")
step("get_properties keys*", lambda: list(fw.get_properties().keys()))
step("listServices count", lambda: len(fw.listServices()))
step("getServiceSettings ssh", lambda: texts_left_out(
    fw.getServiceSettings("ssh").getSettingsDict()))
step("config().getServiceNames count", lambda: len(fw.config().getServiceNames()))
step("config().getIcmpTypeNames count", lambda: len(fw.config().getIcmpTypeNames()))
step("getPolicies*", fw.getPolicies)
step("getPolicySettings allow-host-ipv6", lambda: texts_left_out(
    fw.getPolicySettings("allow-host-ipv6").getSettingsDict()))
step("getIPSets", fw.getIPSets)
step("queryPanicMode", fw.queryPanicMode)
step("queryLockdown", fw.queryLockdown)
step("config().getZoneByName('nosuch')", fw.config().getZoneByName, "nosuch")
