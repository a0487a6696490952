# Used by daemon_argument_forms.sh: sends firewalld's methods their arguments in forms other than
# the IDL's signature (other integer widths, values in variants, a settings struct as an array of
# variants as docker's Go client sends it, ...) and in forms firewalld refuses, and prints each
# answer or error. The expectation (daemon_argument_forms.expected) is firewalld 1.3.3's output.
import dbus

from dbus_plain import plain

bus = dbus.SystemBus()
NAME = "org.fedoraproject.FirewallD1"
MAIN = "/org/fedoraproject/FirewallD1"
CONFIG = MAIN + "/config"
I = NAME


def call(label, path, iface, method, signature, *args):
    obj = bus.get_object(NAME, path, introspect=False)
    try:
        answer = obj.get_dbus_method(method, iface)(*args, signature=signature)
        print("%s: %s" % (label, "(a dict)" if isinstance(answer, dict) else plain(answer)))
        return answer
    except dbus.DBusException as e:
        print("%s: ERROR %s: %s" % (label, e.get_dbus_name(), e.get_dbus_message()))
        return None


def config_zone(name):
    try:
        return bus.get_object(NAME, CONFIG).getZoneByName(name, dbus_interface=I + ".config")
    except dbus.DBusException:
        return CONFIG + "/zone/none"


S, B, V = dbus.String, dbus.Boolean, lambda sig: dbus.Array([], signature=sig)

# Runtime zone methods: integers of every width, variants, object paths for strings.
zone = I + ".zone"
call("addPort timeout as t", MAIN, zone, "addPort", "ssst", "public", "1001", "tcp", dbus.UInt64(0))
call("addPort timeout as u", MAIN, zone, "addPort", "sssu", "public", "1002", "tcp", dbus.UInt32(0))
call("addPort timeout as n", MAIN, zone, "addPort", "sssn", "public", "1003", "tcp", dbus.Int16(0))
call("addPort timeout as y", MAIN, zone, "addPort", "sssy", "public", "1004", "tcp", dbus.Byte(0))
call("addPort timeout as b", MAIN, zone, "addPort", "sssb", "public", "1005", "tcp", B(False))
call("addPort all in variants", MAIN, zone, "addPort", "vvvv", S("public"), S("1006"), S("tcp"),
     dbus.Int32(0))
call("queryPort in variants", MAIN, zone, "queryPort", "vsv", S("public"), "1006", S("tcp"))
call("getPorts", MAIN, zone, "getPorts", "s", "public")
call("addService zone as o", MAIN, zone, "addService", "osi", dbus.ObjectPath("/public"), "ssh", 0)
settings = call("getZoneSettings2 zone as variant", MAIN, zone, "getZoneSettings2", "v", S("block"))
settings = plain(settings or {})
print("  its keys and target:", sorted(settings), settings.get("target"))

# Refused: wrong scalar types, wrong argument counts.
call("addPort zone as int", MAIN, zone, "addPort", "isss", dbus.Int32(1), "80", "tcp", "0")
call("addPort timeout as string", MAIN, zone, "addPort", "ssss", "public", "80", "tcp", "0")
call("addPort timeout as double", MAIN, zone, "addPort", "sssd", "public", "80", "tcp",
     dbus.Double(0))
call("addPort missing timeout", MAIN, zone, "addPort", "sss", "public", "80", "tcp")
call("addPort missing three", MAIN, zone, "addPort", "s", "public")
call("addPort one too many", MAIN, zone, "addPort", "sssis", "public", "80", "tcp", 0, "x")
call("getZones with an argument", MAIN, zone, "getZones", "s", "x")
call("getZones with two arguments", MAIN, zone, "getZones", "ss", "x", "y")
call("addPort port as array", MAIN, zone, "addPort", "sassi", "public", ["80"], "tcp", 0)

# The permanent configuration: settings tuples as arrays of variants (docker's config.addZone).
docker = [S("1.0"), S("docker"), S("zone for docker bridge network interfaces"), B(False),
          S("ACCEPT"), V("s"), V("(ss)"), V("s"), B(False), V("(ssss)"), V("s"), V("s"), V("s"),
          V("s"), V("(ss)"), B(False)]
call("config.addZone settings as av", CONFIG, I + ".config", "addZone", "sav", "docker", docker)
call("config.getZoneByName", CONFIG, I + ".config", "getZoneByName", "s", "docker")
path = config_zone("docker")
call("docker zone settings", path, I + ".config.zone", "getSettings", "")
call("config.addZone 15 items", CONFIG, I + ".config", "addZone", "sav", "short", docker[:15])
call("config.addZone 4 items", CONFIG, I + ".config", "addZone", "sav", "four", docker[:4])
call("config.addService 3 items", CONFIG, I + ".config", "addService", "sav", "svc3",
     [S("1.0"), S("Short"), S("Described")])
svc3 = bus.get_object(NAME, CONFIG).getServiceByName("svc3", dbus_interface=I + ".config")
call("svc3 settings", svc3, I + ".config.service", "getSettings", "")
call("config.service update 4 items", svc3, I + ".config.service", "update", "(sssa(ss))",
     dbus.Struct(["1.0", "Other", "Text", [("22", "tcp")]], signature="sssa(ss)"))
call("svc3 settings after", svc3, I + ".config.service", "getSettings", "")
nested = list(docker)
nested[6] = dbus.Array([dbus.Array(["80", "tcp"], signature="s")], signature="as")
call("config.addZone port as list", CONFIG, I + ".config", "addZone", "sav", "nested", nested)
masq = list(docker)
masq[8] = dbus.UInt32(1)
call("config.addZone masquerade as int", CONFIG, I + ".config", "addZone", "sav", "masq", masq)
as_struct = list(docker)
as_struct[5] = dbus.Array(["ssh"], signature="v")
call("config.addZone services as av", CONFIG, I + ".config", "addZone",
     "s(sssbsava(ss)asba(ssss)asasasasa(ss)b)", "svc", dbus.Struct(as_struct))
call("svc zone services", config_zone("svc"), I + ".config.zone", "getServices", "")
call("config.zone update as av", path, I + ".config.zone", "update", "av", docker[:15] + [B(True)])
call("config.zone update 6 items", path, I + ".config.zone", "update", "av",
     docker[:5] + [dbus.Array(["ssh"], signature="s")])
call("config.zone update 4 items", path, I + ".config.zone", "update", "av", docker[:4])
call("docker zone settings after", path, I + ".config.zone", "getSettings", "")
call("config.zone setMasquerade as variant", path, I + ".config.zone", "setMasquerade", "v",
     B(True))
call("config.zone setMasquerade as u", path, I + ".config.zone", "setMasquerade", "u",
     dbus.UInt32(1))
call("config.zone getMasquerade", path, I + ".config.zone", "getMasquerade", "")
call("config.addZone2 services as av", CONFIG, I + ".config", "addZone2", "sa{sv}", "svc2",
     {"services": dbus.Array([S("ssh"), S("http")], signature="v")})
call("svc2 zone services", config_zone("svc2"), I + ".config.zone", "getServices", "")
call("config.direct addRule priority as x", CONFIG, I + ".config.direct", "addRule", "sssxas",
     "ipv4", "filter", "INPUT", dbus.Int64(3), ["-j", "ACCEPT"])
call("config.direct getAllRules", CONFIG, I + ".config.direct", "getAllRules", "")
call("config.addPolicy priority as n, zones as av", CONFIG, I + ".config", "addPolicy", "sa{sv}",
     "pol", {"priority": dbus.Int16(-5), "ingress_zones": dbus.Array([S("public")], signature="v"),
             "egress_zones": dbus.Array([S("HOST")], signature="v"), "target": S("ACCEPT")})
pol = call("config.getPolicyByName", CONFIG, I + ".config", "getPolicyByName", "s", "pol")
print("  its settings:", plain(call("pol settings", pol or CONFIG, I + ".config.policy",
                                    "getSettings", "") or {}))

# org.freedesktop.DBus.Properties: firewalld's own Get/GetAll/Set under the same rules, and its
# error names (dbus-python's name for a plain DBusException, which firewall-config's client does
# not retry, unlike org.freedesktop.DBus.Error.*).
P = "org.freedesktop.DBus.Properties"
call("Get unknown property", MAIN, P, "Get", "ss", NAME, "nope")
call("Get unknown interface", MAIN, P, "Get", "ss", NAME + ".nope", "version")
call("Get interface as int", MAIN, P, "Get", "si", NAME, 1)
call("Get in variants", MAIN, P, "Get", "vv", S(NAME), S("interface_version"))
call("GetAll unknown interface", MAIN, P, "GetAll", "s", NAME + ".nope")
call("Set read-only", MAIN, P, "Set", "ssv", NAME, "version", dbus.String("1", variant_level=1))
call("Set MinimalMark as u", CONFIG, P, "Set", "ssv", I + ".config", "MinimalMark",
     dbus.UInt32(5, variant_level=1))
call("Set missing value", CONFIG, P, "Set", "ss", I + ".config", "MinimalMark")


def name_only(label, *a):
    """Only the error name: firewalld's text is python's (a traceback, an AttributeError)."""
    obj = bus.get_object(NAME, a[0], introspect=False)
    try:
        print("%s: %s" % (label, plain(obj.get_dbus_method(a[2], a[1])(*a[4:], signature=a[3]))))
    except dbus.DBusException as e:
        print("%s: ERROR %s" % (label, e.get_dbus_name()))


name_only("Set a bool for a string", CONFIG, P, "Set", "ssv", I + ".config", "IPv6_rpfilter",
          dbus.Boolean(True, variant_level=1))
name_only("unknown method", MAIN, zone, "noSuchMethod", "")
name_only("method of another interface", MAIN, zone, "getDefaultZone", "")
# No object at the path: libdbus answers for firewalld (dbus-python has none there).
call("call to no object", MAIN + "/nope", zone, "getZones", "")
call("call to a removed config object", CONFIG + "/zone/999", I + ".config.zone", "getSettings", "")
