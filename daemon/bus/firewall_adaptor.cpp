#include "bus/firewall_adaptor.hpp"

#include "bus/error_map.hpp"
#include "core/capabilities.hpp"

namespace fwctl::bus {
namespace {

constexpr const char* kVersion = "1.3.3";          // the firewalld release whose API we serve
constexpr const char* kInterfaceVersion = "1.15";  // firewalld's DBUS_INTERFACE_VERSION.REVISION

}  // namespace

Status FirewallAdaptor::reload_and_signal() {
  Status st = fw_.reload();
  if (st) emitReloaded();
  return st;
}

void FirewallAdaptor::reload() {
  guarded("reload", [&] { value_or_throw(reload_and_signal()); });
}

// Without runtime changes to lose, a complete reload is a reload.
void FirewallAdaptor::completeReload() {
  guarded("completeReload", [&] { value_or_throw(reload_and_signal()); });
}

bool FirewallAdaptor::queryPanicMode() { return false; }

ZoneTuple FirewallAdaptor::getZoneSettings(const std::string& zone) {
  return guarded("getZoneSettings", [&] { return zone_tuple(value_or_throw(fw_.zone_settings(zone))); });
}

std::vector<std::string> FirewallAdaptor::listServices() {
  return guarded("listServices", [&] { return fw_.service_names(); });
}

ServiceTuple FirewallAdaptor::getServiceSettings(const std::string& service) {
  return guarded("getServiceSettings",
                 [&] { return service_tuple(*value_or_throw(fw_.service(service))); });
}

std::map<std::string, sdbus::Variant> FirewallAdaptor::getServiceSettings2(
    const std::string& service) {
  return guarded("getServiceSettings2",
                 [&] { return service_dict(*value_or_throw(fw_.service(service))); });
}

std::vector<std::string> FirewallAdaptor::listIcmpTypes() {
  return guarded("listIcmpTypes", [&] { return fw_.icmptype_names(); });
}

IcmpTypeTuple FirewallAdaptor::getIcmpTypeSettings(const std::string& icmptype) {
  return guarded("getIcmpTypeSettings",
                 [&] { return icmptype_tuple(*value_or_throw(fw_.icmptype(icmptype))); });
}

std::string FirewallAdaptor::getLogDenied() {
  return guarded("getLogDenied", [&] { return fw_.runtime().conf.log_denied; });
}

// Deprecated in firewalld 1.x: always "no".
std::string FirewallAdaptor::getAutomaticHelpers() { return "no"; }

std::string FirewallAdaptor::getDefaultZone() {
  return guarded("getDefaultZone", [&] { return fw_.default_zone(); });
}

// firewalld's authorizeAll only forces the polkit check of ".all"; with no polkit yet, nothing.
void FirewallAdaptor::authorizeAll() {}

std::vector<std::string> FirewallAdaptor::getHelpers() {
  return guarded("getHelpers", [&] { return fw_.helper_names(); });
}

std::string FirewallAdaptor::version() { return kVersion; }
std::string FirewallAdaptor::interface_version() { return kInterfaceVersion; }
std::string FirewallAdaptor::state() { return core::to_string(fw_.state()); }
bool FirewallAdaptor::IPv4() { return true; }
bool FirewallAdaptor::IPv6() { return true; }
bool FirewallAdaptor::IPv6_rpfilter() {
  return guarded("IPv6_rpfilter", [&] { return fw_.ipv6_rpfilter(); });
}
// firewalld reports whether ebtables works; fwctl's bridge filtering will be nftables' own.
bool FirewallAdaptor::BRIDGE() { return true; }
bool FirewallAdaptor::IPSet() { return true; }
std::vector<std::string> FirewallAdaptor::IPSetTypes() { return core::ipset_types(); }
bool FirewallAdaptor::nf_conntrack_helper_setting() { return false; }
std::map<std::string, std::vector<std::string>> FirewallAdaptor::nf_conntrack_helpers() {
  return {};
}
std::map<std::string, std::vector<std::string>> FirewallAdaptor::nf_nat_helpers() { return {}; }
std::vector<std::string> FirewallAdaptor::IPv4ICMPTypes() { return core::icmp_types("ipv4"); }
std::vector<std::string> FirewallAdaptor::IPv6ICMPTypes() { return core::icmp_types("ipv6"); }

}  // namespace fwctl::bus
