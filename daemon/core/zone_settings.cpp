#include "core/zone_settings.hpp"

#include "model/validate.hpp"

namespace fwctl::core {
namespace {

std::vector<std::pair<std::string, std::string>> pairs(const std::vector<model::PortProto>& ports) {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(ports.size());
  for (const auto& p : ports) out.emplace_back(p.port, p.protocol);
  return out;
}

}  // namespace

Status check_zone_priority(const std::string& zone, long long priority) {
  return model::check_zone_priority(zone, priority);
}

ZoneSettings make_zone_settings(const model::Zone& zone, std::vector<std::string> interfaces,
                                std::vector<std::string> sources) {
  ZoneSettings s;
  s.version = zone.info.version;
  s.short_ = zone.info.short_;
  s.description = zone.info.description;
  s.target = zone.target;
  s.services = zone.services;
  s.ports = pairs(zone.ports);
  s.icmp_blocks = zone.icmp_blocks;
  s.masquerade = zone.masquerade;
  for (const auto& f : zone.forward_ports) {
    s.forward_ports.push_back({f.port, f.protocol, f.to_port, f.to_addr});
  }
  s.interfaces = std::move(interfaces);
  s.sources = std::move(sources);
  for (const auto& rule : zone.rules) s.rich_rules.push_back(model::to_string(rule));
  s.protocols = zone.protocols;
  s.source_ports = pairs(zone.source_ports);
  s.icmp_block_inversion = zone.icmp_block_inversion;
  s.forward = zone.forward;
  s.ingress_priority = zone.ingress_priority;
  s.egress_priority = zone.egress_priority;
  return s;
}

}  // namespace fwctl::core
