#include "bus/zone_adaptor.hpp"

#include "bus/error_map.hpp"
#include "bus/settings_dict.hpp"

namespace fwctl::bus {
namespace {

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

void ZoneAdaptor::getZoneSettings2(sdbus::Result<std::map<std::string, sdbus::Variant>>&& result,
                                   std::string zone) {
  serve(std::move(result), "getZoneSettings2", [=, this] { return zone_dict(settings(zone)); });
}

void ZoneAdaptor::getZones(sdbus::Result<std::vector<std::string>>&& result) {
  serve(std::move(result), "getZones", [=, this] { return fw_.zone_names(); });
}

void ZoneAdaptor::getActiveZones(
    sdbus::Result<std::map<std::string, std::map<std::string, std::vector<std::string>>>>&&
        result) {
  serve(std::move(result), "getActiveZones", [=, this] {
    std::map<std::string, std::map<std::string, Strings>> out;
    for (const auto& active : fw_.active_zones()) {
      auto& entry = out[active.zone];
      if (!active.interfaces.empty()) entry["interfaces"] = active.interfaces;
      if (!active.sources.empty()) entry["sources"] = active.sources;
    }
    return out;
  });
}

void ZoneAdaptor::getZoneOfInterface(sdbus::Result<std::string>&& result, std::string interface) {
  serve(std::move(result), "getZoneOfInterface",
        [=, this] { return fw_.zone_of_interface(interface); });
}

void ZoneAdaptor::getZoneOfSource(sdbus::Result<std::string>&& result, std::string source) {
  serve(std::move(result), "getZoneOfSource", [=, this] { return fw_.zone_of_source(source); });
}

// Deprecated: firewalld answers false for every zone.
void ZoneAdaptor::isImmutable(sdbus::Result<bool>&& result, std::string) {
  serve(std::move(result), "isImmutable", [] { return false; });
}

void ZoneAdaptor::queryInterface(sdbus::Result<bool>&& result, std::string zone,
                                 std::string interface) {
  serve(std::move(result), "queryInterface",
        [=, this] { return value_or_throw(fw_.query_interface(zone, interface)); });
}

void ZoneAdaptor::getInterfaces(sdbus::Result<std::vector<std::string>>&& result,
                                std::string zone) {
  serve(std::move(result), "getInterfaces", [=, this] { return settings(zone).interfaces; });
}

void ZoneAdaptor::querySource(sdbus::Result<bool>&& result, std::string zone, std::string source) {
  serve(std::move(result), "querySource",
        [=, this] { return value_or_throw(fw_.query_source(zone, source)); });
}

void ZoneAdaptor::getSources(sdbus::Result<std::vector<std::string>>&& result, std::string zone) {
  serve(std::move(result), "getSources", [=, this] { return settings(zone).sources; });
}

void ZoneAdaptor::getRichRules(sdbus::Result<std::vector<std::string>>&& result, std::string zone) {
  serve(std::move(result), "getRichRules", [=, this] { return settings(zone).rich_rules; });
}

void ZoneAdaptor::addService(sdbus::Result<std::string>&& result, std::string zone,
                             std::string service, int32_t timeout) {
  add_item(std::move(result), "addService", zone, {Kind::Service, {service}}, timeout);
}

void ZoneAdaptor::removeService(sdbus::Result<std::string>&& result, std::string zone,
                                std::string service) {
  remove_item(std::move(result), "removeService", zone, {Kind::Service, {service}});
}

void ZoneAdaptor::queryService(sdbus::Result<bool>&& result, std::string zone,
                               std::string service) {
  query_item(std::move(result), "queryService", zone, {Kind::Service, {service}});
}

void ZoneAdaptor::getServices(sdbus::Result<std::vector<std::string>>&& result, std::string zone) {
  serve(std::move(result), "getServices", [=, this] { return settings(zone).services; });
}

void ZoneAdaptor::addPort(sdbus::Result<std::string>&& result, std::string zone, std::string port,
                          std::string protocol, int32_t timeout) {
  add_item(std::move(result), "addPort", zone, {Kind::Port, {port, protocol}}, timeout);
}

void ZoneAdaptor::removePort(sdbus::Result<std::string>&& result, std::string zone,
                             std::string port, std::string protocol) {
  remove_item(std::move(result), "removePort", zone, {Kind::Port, {port, protocol}});
}

void ZoneAdaptor::queryPort(sdbus::Result<bool>&& result, std::string zone, std::string port,
                            std::string protocol) {
  query_item(std::move(result), "queryPort", zone, {Kind::Port, {port, protocol}});
}

void ZoneAdaptor::getPorts(sdbus::Result<std::vector<std::vector<std::string>>>&& result,
                           std::string zone) {
  serve(std::move(result), "getPorts", [=, this] { return lists(settings(zone).ports); });
}

void ZoneAdaptor::queryProtocol(sdbus::Result<bool>&& result, std::string zone,
                                std::string protocol) {
  query_item(std::move(result), "queryProtocol", zone, {Kind::Protocol, {protocol}});
}

void ZoneAdaptor::getProtocols(sdbus::Result<std::vector<std::string>>&& result, std::string zone) {
  serve(std::move(result), "getProtocols", [=, this] { return settings(zone).protocols; });
}

void ZoneAdaptor::querySourcePort(sdbus::Result<bool>&& result, std::string zone, std::string port,
                                  std::string protocol) {
  query_item(std::move(result), "querySourcePort", zone, {Kind::SourcePort, {port, protocol}});
}

void ZoneAdaptor::getSourcePorts(sdbus::Result<std::vector<std::vector<std::string>>>&& result,
                                 std::string zone) {
  serve(std::move(result), "getSourcePorts",
        [=, this] { return lists(settings(zone).source_ports); });
}

void ZoneAdaptor::queryMasquerade(sdbus::Result<bool>&& result, std::string zone) {
  query_item(std::move(result), "queryMasquerade", zone, {Kind::Masquerade, {}});
}

void ZoneAdaptor::queryForwardPort(sdbus::Result<bool>&& result, std::string zone, std::string port,
                                   std::string protocol, std::string toport, std::string toaddr) {
  query_item(std::move(result), "queryForwardPort", zone,
             {Kind::ForwardPort, {port, protocol, toport, toaddr}});
}

void ZoneAdaptor::getForwardPorts(sdbus::Result<std::vector<std::vector<std::string>>>&& result,
                                  std::string zone) {
  serve(std::move(result), "getForwardPorts", [=, this] {
    std::vector<Strings> out;
    for (const auto& f : settings(zone).forward_ports) out.push_back({f.begin(), f.end()});
    return out;
  });
}

void ZoneAdaptor::queryIcmpBlock(sdbus::Result<bool>&& result, std::string zone, std::string icmp) {
  query_item(std::move(result), "queryIcmpBlock", zone, {Kind::IcmpBlock, {icmp}});
}

void ZoneAdaptor::getIcmpBlocks(sdbus::Result<std::vector<std::string>>&& result,
                                std::string zone) {
  serve(std::move(result), "getIcmpBlocks", [=, this] { return settings(zone).icmp_blocks; });
}

void ZoneAdaptor::queryIcmpBlockInversion(sdbus::Result<bool>&& result, std::string zone) {
  query_item(std::move(result), "queryIcmpBlockInversion", zone, {Kind::IcmpBlockInversion, {}});
}

}  // namespace fwctl::bus
