#include "model_settings.hpp"

namespace fwctl::cli {
namespace {

std::vector<PortProto> ports(const std::vector<model::PortProto>& in) {
  std::vector<PortProto> out;
  for (const auto& p : in) out.emplace_back(p.port, p.protocol);
  return out;
}

// The fields zones and policies share.
template <typename T>
ZoneSettings common(const T& item) {
  ZoneSettings s;
  s.version = item.info.version;
  s.short_name = item.info.short_;
  s.description = item.info.description;
  s.target = item.target;
  s.services = item.services;
  s.ports = ports(item.ports);
  s.icmp_blocks = item.icmp_blocks;
  s.masquerade = item.masquerade;
  for (const auto& f : item.forward_ports)
    s.forward_ports.push_back({f.port, f.protocol, f.to_port, f.to_addr});
  for (const auto& r : item.rules) s.rules.push_back(model::to_string(r));
  s.protocols = item.protocols;
  s.source_ports = ports(item.source_ports);
  return s;
}

}  // namespace

ZoneSettings to_settings(const model::Zone& z) {
  ZoneSettings s = common(z);
  s.interfaces = z.interfaces;
  for (const auto& src : z.sources) s.sources.push_back(src.to_string());
  s.icmp_block_inversion = z.icmp_block_inversion;
  s.forward = z.forward;
  return s;
}

ZoneSettings to_settings(const model::Policy& p) {
  ZoneSettings s = common(p);
  s.priority = p.priority;
  s.ingress_zones = p.ingress_zones;
  s.egress_zones = p.egress_zones;
  return s;
}

ServiceSettings to_settings(const model::Service& in) {
  ServiceSettings s;
  s.version = in.info.version;
  s.short_name = in.info.short_;
  s.description = in.info.description;
  s.ports = ports(in.ports);
  s.modules = in.modules;
  if (!in.destination_ipv4.empty()) s.destinations.emplace_back("ipv4", in.destination_ipv4);
  if (!in.destination_ipv6.empty()) s.destinations.emplace_back("ipv6", in.destination_ipv6);
  s.protocols = in.protocols;
  s.source_ports = ports(in.source_ports);
  s.includes = in.includes;
  s.helpers = in.helpers;
  return s;
}

IcmpTypeSettings to_settings(const model::IcmpType& i) {
  return {i.info.version, i.info.short_, i.info.description, i.destinations};
}

IPSetSettings to_settings(const model::IpSet& i) {
  return {i.info.version, i.info.short_, i.info.description, i.type, i.options, i.entries};
}

HelperSettings to_settings(const model::Helper& h) {
  return {h.info.version, h.info.short_, h.info.description, h.family, h.module, ports(h.ports)};
}

}  // namespace fwctl::cli
