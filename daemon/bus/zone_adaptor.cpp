#include "bus/zone_adaptor.hpp"

#include <algorithm>

#include "bus/error_map.hpp"
#include "bus/settings_dict.hpp"

namespace fwctl::bus {
namespace {

template <typename List, typename T>
bool contains(const List& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::vector<std::vector<std::string>> lists(
    const std::vector<std::pair<std::string, std::string>>& ports) {
  std::vector<std::vector<std::string>> out;
  for (const auto& [port, protocol] : ports) out.push_back({port, protocol});
  return out;
}

}  // namespace

core::ZoneSettings ZoneAdaptor::settings(const std::string& zone) const {
  return value_or_throw(fw_.zone_settings(zone));
}

std::map<std::string, sdbus::Variant> ZoneAdaptor::getZoneSettings2(const std::string& zone) {
  return guarded("getZoneSettings2", [&] { return zone_dict(settings(zone)); });
}

ZoneAdaptor::Strings ZoneAdaptor::getZones() {
  return guarded("getZones", [&] { return fw_.zone_names(); });
}

std::map<std::string, std::map<std::string, ZoneAdaptor::Strings>> ZoneAdaptor::getActiveZones() {
  return guarded("getActiveZones", [&] {
    std::map<std::string, std::map<std::string, Strings>> out;
    for (const auto& active : fw_.active_zones()) {
      auto& entry = out[active.zone];
      if (!active.interfaces.empty()) entry["interfaces"] = active.interfaces;
      if (!active.sources.empty()) entry["sources"] = active.sources;
    }
    return out;
  });
}

std::string ZoneAdaptor::getZoneOfInterface(const std::string& interface) {
  return guarded("getZoneOfInterface", [&] { return fw_.zone_of_interface(interface); });
}

std::string ZoneAdaptor::getZoneOfSource(const std::string& source) {
  return guarded("getZoneOfSource", [&] { return fw_.zone_of_source(source); });
}

// Deprecated: firewalld answers false for every zone.
bool ZoneAdaptor::isImmutable(const std::string&) { return false; }

bool ZoneAdaptor::queryInterface(const std::string& zone, const std::string& interface) {
  return guarded("queryInterface", [&] { return contains(settings(zone).interfaces, interface); });
}

ZoneAdaptor::Strings ZoneAdaptor::getInterfaces(const std::string& zone) {
  return guarded("getInterfaces", [&] { return settings(zone).interfaces; });
}

bool ZoneAdaptor::querySource(const std::string& zone, const std::string& source) {
  return guarded("querySource", [&] { return contains(settings(zone).sources, source); });
}

ZoneAdaptor::Strings ZoneAdaptor::getSources(const std::string& zone) {
  return guarded("getSources", [&] { return settings(zone).sources; });
}

ZoneAdaptor::Strings ZoneAdaptor::getRichRules(const std::string& zone) {
  return guarded("getRichRules", [&] { return settings(zone).rich_rules; });
}

std::string ZoneAdaptor::addService(const std::string& zone, const std::string& service,
                                    const int32_t& timeout) {
  return guarded("addService", [&] {
    std::string name = value_or_throw(fw_.add_service(zone, service, timeout));
    emitServiceAdded(name, service, timeout);
    return name;
  });
}

std::string ZoneAdaptor::removeService(const std::string& zone, const std::string& service) {
  return guarded("removeService", [&] {
    std::string name = value_or_throw(fw_.remove_service(zone, service));
    emitServiceRemoved(name, service);
    return name;
  });
}

bool ZoneAdaptor::queryService(const std::string& zone, const std::string& service) {
  return guarded("queryService", [&] { return value_or_throw(fw_.query_service(zone, service)); });
}

ZoneAdaptor::Strings ZoneAdaptor::getServices(const std::string& zone) {
  return guarded("getServices", [&] { return settings(zone).services; });
}

std::string ZoneAdaptor::addPort(const std::string& zone, const std::string& port,
                                 const std::string& protocol, const int32_t& timeout) {
  return guarded("addPort", [&] {
    std::string name = value_or_throw(fw_.add_port(zone, port, protocol, timeout));
    emitPortAdded(name, port, protocol, timeout);
    return name;
  });
}

std::string ZoneAdaptor::removePort(const std::string& zone, const std::string& port,
                                    const std::string& protocol) {
  return guarded("removePort", [&] {
    std::string name = value_or_throw(fw_.remove_port(zone, port, protocol));
    emitPortRemoved(name, port, protocol);
    return name;
  });
}

bool ZoneAdaptor::queryPort(const std::string& zone, const std::string& port,
                            const std::string& protocol) {
  return guarded("queryPort",
                 [&] { return value_or_throw(fw_.query_port(zone, port, protocol)); });
}

std::vector<ZoneAdaptor::Strings> ZoneAdaptor::getPorts(const std::string& zone) {
  return guarded("getPorts", [&] { return lists(settings(zone).ports); });
}

bool ZoneAdaptor::queryProtocol(const std::string& zone, const std::string& protocol) {
  return guarded("queryProtocol", [&] { return contains(settings(zone).protocols, protocol); });
}

ZoneAdaptor::Strings ZoneAdaptor::getProtocols(const std::string& zone) {
  return guarded("getProtocols", [&] { return settings(zone).protocols; });
}

bool ZoneAdaptor::querySourcePort(const std::string& zone, const std::string& port,
                                  const std::string& protocol) {
  return guarded("querySourcePort",
                 [&] { return contains(settings(zone).source_ports, std::pair(port, protocol)); });
}

std::vector<ZoneAdaptor::Strings> ZoneAdaptor::getSourcePorts(const std::string& zone) {
  return guarded("getSourcePorts", [&] { return lists(settings(zone).source_ports); });
}

bool ZoneAdaptor::queryMasquerade(const std::string& zone) {
  return guarded("queryMasquerade", [&] { return settings(zone).masquerade; });
}

bool ZoneAdaptor::queryForwardPort(const std::string& zone, const std::string& port,
                                   const std::string& protocol, const std::string& toport,
                                   const std::string& toaddr) {
  return guarded("queryForwardPort", [&] {
    return contains(settings(zone).forward_ports,
                    std::array<std::string, 4>{port, protocol, toport, toaddr});
  });
}

std::vector<ZoneAdaptor::Strings> ZoneAdaptor::getForwardPorts(const std::string& zone) {
  return guarded("getForwardPorts", [&] {
    std::vector<Strings> out;
    for (const auto& f : settings(zone).forward_ports) out.push_back({f.begin(), f.end()});
    return out;
  });
}

bool ZoneAdaptor::queryIcmpBlock(const std::string& zone, const std::string& icmp) {
  return guarded("queryIcmpBlock", [&] { return contains(settings(zone).icmp_blocks, icmp); });
}

ZoneAdaptor::Strings ZoneAdaptor::getIcmpBlocks(const std::string& zone) {
  return guarded("getIcmpBlocks", [&] { return settings(zone).icmp_blocks; });
}

bool ZoneAdaptor::queryIcmpBlockInversion(const std::string& zone) {
  return guarded("queryIcmpBlockInversion", [&] { return settings(zone).icmp_block_inversion; });
}

}  // namespace fwctl::bus
