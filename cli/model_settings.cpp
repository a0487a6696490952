#include "model_settings.hpp"

#include <algorithm>
#include <map>

#include "core/permanent_edit.hpp"
#include "model/rich_rule.hpp"

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

template <typename T>
std::vector<T> unique(const std::vector<T>& list) {
  std::vector<T> out;
  for (const auto& x : list)
    if (std::find(out.begin(), out.end(), x) == out.end()) out.push_back(x);
  return out;
}

std::vector<model::PortProto> model_ports(const std::vector<PortProto>& in) {
  std::vector<model::PortProto> out;
  for (const auto& [port, proto] : unique(in)) out.push_back({port, proto});
  return out;
}

// The fields zones and policies share, into `item` (a copy: nothing changes on failure).
template <typename T>
Status apply_common(T& item, const ZoneSettings& s) {
  T next = item;
  next.info.version = s.version;
  next.info.short_ = s.short_name;
  next.info.description = s.description;
  next.target = s.target;
  next.services = unique(s.services);
  next.ports = model_ports(s.ports);
  next.icmp_blocks = unique(s.icmp_blocks);
  next.masquerade = s.masquerade;
  next.forward_ports.clear();
  for (const auto& f : unique(s.forward_ports))
    next.forward_ports.push_back({f.port, f.protocol, f.to_port, f.to_addr});
  next.rules.clear();
  for (const auto& text : unique(s.rules)) {
    auto rule = model::parse_rich_rule(text);
    if (!rule) return rule;
    next.rules.push_back(std::move(*rule));
  }
  next.protocols = unique(s.protocols);
  next.source_ports = model_ports(s.source_ports);
  item = std::move(next);
  return ok();
}

}  // namespace

Status apply_settings(model::Zone& z, const ZoneSettings& s) {
  model::Zone next = z;
  if (Status st = apply_common(next, s); !st) return st;
  if (next.target == "{chain}_{zone}") next.target = "default";
  next.interfaces = unique(s.interfaces);
  next.sources.clear();
  for (const auto& source : unique(s.sources)) next.sources.push_back(core::zone_source(source));
  next.icmp_block_inversion = s.icmp_block_inversion;
  next.forward = s.forward;
  next.ingress_priority = s.ingress_priority;
  next.egress_priority = s.egress_priority;
  z = std::move(next);
  return ok();
}

Status apply_settings(model::Policy& p, const ZoneSettings& s) {
  model::Policy next = p;
  if (Status st = apply_common(next, s); !st) return st;
  next.priority = s.priority;
  next.ingress_zones = unique(s.ingress_zones);
  next.egress_zones = unique(s.egress_zones);
  next.disable = s.disable;
  p = std::move(next);
  return ok();
}

void apply_settings(model::Service& v, const ServiceSettings& s) {
  v.info.version = s.version;
  v.info.short_ = s.short_name;
  v.info.description = s.description;
  v.ports = model_ports(s.ports);
  v.modules = unique(s.modules);
  std::map<std::string, std::string> destination(s.destinations.begin(), s.destinations.end());
  v.destination_ipv4 = destination.count("ipv4") ? destination["ipv4"] : "";
  v.destination_ipv6 = destination.count("ipv6") ? destination["ipv6"] : "";
  v.protocols = unique(s.protocols);
  v.source_ports = model_ports(s.source_ports);
  v.includes = unique(s.includes);
  v.helpers = unique(s.helpers);
}

void apply_settings(model::IcmpType& i, const IcmpTypeSettings& s) {
  i.info.version = s.version;
  i.info.short_ = s.short_name;
  i.info.description = s.description;
  i.destinations = unique(s.destinations);
}

void apply_settings(model::IpSet& i, const IPSetSettings& s) {
  i.info.version = s.version;
  i.info.short_ = s.short_name;
  i.info.description = s.description;
  i.type = s.type;
  std::map<std::string, std::string> options(s.options.begin(), s.options.end());
  i.options.assign(options.begin(), options.end());
  i.entries = unique(s.entries);
}

void apply_settings(model::Helper& h, const HelperSettings& s) {
  h.info.version = s.version;
  h.info.short_ = s.short_name;
  h.info.description = s.description;
  h.family = s.family;
  h.module = s.module;
  h.ports = model_ports(s.ports);
}

ZoneSettings to_settings(const model::Zone& z) {
  ZoneSettings s = common(z);
  s.interfaces = z.interfaces;
  for (const auto& src : z.sources) s.sources.push_back(src.to_string());
  s.icmp_block_inversion = z.icmp_block_inversion;
  s.forward = z.forward;
  s.ingress_priority = z.ingress_priority;
  s.egress_priority = z.egress_priority;
  return s;
}

ZoneSettings to_settings(const model::Policy& p) {
  ZoneSettings s = common(p);
  s.priority = p.priority;
  s.ingress_zones = p.ingress_zones;
  s.egress_zones = p.egress_zones;
  s.disable = p.disable;
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
