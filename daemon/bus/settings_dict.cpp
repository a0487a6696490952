#include "bus/settings_dict.hpp"

#include "core/permanent_edit.hpp"

namespace fwctl::bus {
namespace {

// Adds `value` under `key` unless it is empty (firewalld's export_config_dict).
template <typename T>
void put(Dict& dict, const char* key, const T& value) {
  if (!value.empty()) dict[key] = sdbus::Variant(value);
}

std::vector<std::pair<std::string, std::string>> pairs(const std::vector<model::PortProto>& ports) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : ports) out.emplace_back(p.port, p.protocol);
  return out;
}

std::map<std::string, std::string> destinations(const model::Service& service) {
  core::Pairs pairs = core::service_destinations(service);
  return {pairs.begin(), pairs.end()};
}

}  // namespace

std::vector<PortTuple> port_tuples(const std::vector<std::pair<std::string, std::string>>& ports) {
  std::vector<PortTuple> out;
  out.reserve(ports.size());
  for (const auto& [port, protocol] : ports) out.emplace_back(port, protocol);
  return out;
}

std::vector<ForwardPortTuple> forward_port_tuples(const core::ZoneSettings& zone) {
  std::vector<ForwardPortTuple> out;
  for (const auto& f : zone.forward_ports) out.emplace_back(f[0], f[1], f[2], f[3]);
  return out;
}

Dict zone_dict(const core::ZoneSettings& zone) {
  Dict d;
  put(d, "version", zone.version);
  put(d, "short", zone.short_);
  put(d, "description", zone.description);
  put(d, "target", zone.target);
  put(d, "services", zone.services);
  put(d, "ports", port_tuples(zone.ports));
  put(d, "icmp_blocks", zone.icmp_blocks);
  d["masquerade"] = sdbus::Variant(zone.masquerade);
  put(d, "forward_ports", forward_port_tuples(zone));
  put(d, "interfaces", zone.interfaces);
  put(d, "sources", zone.sources);
  put(d, "rules_str", zone.rich_rules);
  put(d, "protocols", zone.protocols);
  put(d, "source_ports", port_tuples(zone.source_ports));
  d["icmp_block_inversion"] = sdbus::Variant(zone.icmp_block_inversion);
  d["forward"] = sdbus::Variant(zone.forward);
  // firewalld 2.0's keys, left out at their default so that a 1.3.3 client sees 1.3.3's dict.
  if (zone.ingress_priority != 0) d["ingress_priority"] = sdbus::Variant(zone.ingress_priority);
  if (zone.egress_priority != 0) d["egress_priority"] = sdbus::Variant(zone.egress_priority);
  return d;
}

ZoneTuple zone_tuple(const core::ZoneSettings& zone) {
  return ZoneTuple(zone.version, zone.short_, zone.description, false, zone.target, zone.services,
                   port_tuples(zone.ports), zone.icmp_blocks, zone.masquerade,
                   forward_port_tuples(zone), zone.interfaces, zone.sources, zone.rich_rules,
                   zone.protocols, port_tuples(zone.source_ports), zone.icmp_block_inversion);
}

Dict service_dict(const model::Service& service) {
  Dict d;
  put(d, "version", service.info.version);
  put(d, "short", service.info.short_);
  put(d, "description", service.info.description);
  put(d, "ports", port_tuples(pairs(service.ports)));
  put(d, "modules", service.modules);
  put(d, "destination", destinations(service));
  put(d, "protocols", service.protocols);
  put(d, "source_ports", port_tuples(pairs(service.source_ports)));
  put(d, "includes", service.includes);
  put(d, "helpers", service.helpers);
  return d;
}

ServiceTuple service_tuple(const model::Service& service) {
  return ServiceTuple(service.info.version, service.info.short_, service.info.description,
                      port_tuples(pairs(service.ports)), service.modules, destinations(service),
                      service.protocols, port_tuples(pairs(service.source_ports)));
}

IcmpTypeTuple icmptype_tuple(const model::IcmpType& icmptype) {
  return IcmpTypeTuple(icmptype.info.version, icmptype.info.short_, icmptype.info.description,
                       icmptype.destinations);
}

}  // namespace fwctl::bus
