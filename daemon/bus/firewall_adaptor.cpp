#include "bus/firewall_adaptor.hpp"

#include "bus/config_objects.hpp"
#include "bus/error_map.hpp"
#include "core/capabilities.hpp"
#include "sys/log.hpp"

namespace fwctl::bus {
namespace {

constexpr const char* kVersion = "1.3.3";          // the firewalld release whose API we serve
constexpr const char* kInterfaceVersion = "1.15";  // firewalld's DBUS_INTERFACE_VERSION.REVISION

}  // namespace

Status FirewallAdaptor::reload_and_signal() {
  Status st = fw_.reload();
  // A reload whose direct rules failed has put the new configuration in force (state FAILED):
  // the config objects follow it; a refused one changed nothing.
  if (!st && fw_.state() != core::State::Failed) return st;
  // firewalld logs what it finds in the files on every reload, as at start.
  for (const Error& e : fw_.warnings()) sys::log::problem(e);
  if (config_objects_) config_objects_->rebuild();
  if (on_reloaded_) on_reloaded_();
  if (!st) return st;
  emitReloaded();
  return st;
}

void FirewallAdaptor::reload(sdbus::Result<>&& result) {
  serve(std::move(result), "reload", [this] { value_or_throw(reload_and_signal()); });
}

// firewalld 1.3.3's complete reload differs from a reload only in unloading the kernel modules,
// which fwctl does not load: the runtime changes go (and with FlushAllOnReload=no the runtime
// interface bindings stay) exactly as with reload.
void FirewallAdaptor::completeReload(sdbus::Result<>&& result) {
  serve(std::move(result), "completeReload", [this] { value_or_throw(reload_and_signal()); });
}

void FirewallAdaptor::queryPanicMode(Reply<bool> result) {
  serve(std::move(result), "queryPanicMode", [this] { return fw_.query_panic_mode(); });
}

void FirewallAdaptor::getZoneSettings(Reply<ZoneTuple> result, std::string zone) {
  serve(std::move(result), "getZoneSettings",
        [this, zone] { return zone_tuple(value_or_throw(fw_.zone_settings(zone))); });
}

void FirewallAdaptor::listServices(Reply<Strings> result) {
  serve(std::move(result), "listServices", [this] { return fw_.service_names(); });
}

void FirewallAdaptor::getServiceSettings(Reply<ServiceTuple> result, std::string service) {
  serve(std::move(result), "getServiceSettings",
        [this, service] { return service_tuple(*value_or_throw(fw_.service(service))); });
}

void FirewallAdaptor::getServiceSettings2(Reply<std::map<std::string, sdbus::Variant>> result,
                                          std::string service) {
  serve(std::move(result), "getServiceSettings2",
        [this, service] { return service_dict(*value_or_throw(fw_.service(service))); });
}

void FirewallAdaptor::listIcmpTypes(Reply<Strings> result) {
  serve(std::move(result), "listIcmpTypes", [this] { return fw_.icmptype_names(); });
}

void FirewallAdaptor::getIcmpTypeSettings(Reply<IcmpTypeTuple> result, std::string icmptype) {
  serve(std::move(result), "getIcmpTypeSettings",
        [this, icmptype] { return icmptype_tuple(*value_or_throw(fw_.icmptype(icmptype))); });
}

void FirewallAdaptor::getLogDenied(Reply<std::string> result) {
  serve(std::move(result), "getLogDenied", [this] { return fw_.runtime().conf.log_denied; });
}

// Deprecated in firewalld 1.x: always "no".
void FirewallAdaptor::getAutomaticHelpers(Reply<std::string> result) {
  serve(std::move(result), "getAutomaticHelpers", [] { return std::string("no"); });
}

void FirewallAdaptor::getDefaultZone(Reply<std::string> result) {
  serve(std::move(result), "getDefaultZone", [this] { return fw_.default_zone(); });
}

// Runtime and firewalld.conf, then DefaultZoneChanged (firewalld's set_default_zone).
void FirewallAdaptor::setDefaultZone(sdbus::Result<>&& result, std::string zone) {
  serve(std::move(result), "setDefaultZone",
        [this, zone] { emitDefaultZoneChanged(value_or_throw(fw_.set_default_zone(zone))); });
}

// firewalld's authorizeAll does nothing but require the action ".all": serve() checks it.
void FirewallAdaptor::authorizeAll(sdbus::Result<>&& result) {
  serve(std::move(result), "authorizeAll", [] {});
}

void FirewallAdaptor::getHelpers(Reply<Strings> result) {
  serve(std::move(result), "getHelpers", [this] { return fw_.helper_names(); });
}

void FirewallAdaptor::getHelperSettings(Reply<HelperTuple> result, std::string helper) {
  serve(std::move(result), "getHelperSettings",
        [this, helper] { return helper_tuple(*value_or_throw(fw_.helper(helper))); });
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
