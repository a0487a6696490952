#include "settings_dbus.hpp"

namespace fwctl::cli {
namespace {

template <typename T>
T get(const Dict& d, const char* key, T fallback = {}) {
  auto it = d.find(key);
  if (it == d.end()) return fallback;
  return it->second.get<T>();
}

// Integers in a{sv} may come in any integer type (netavark sends priority as n).
int get_int(const Dict& d, const char* key, int fallback) {
  auto it = d.find(key);
  if (it == d.end()) return fallback;
  const sdbus::Variant& v = it->second;
  if (v.containsValueOfType<int32_t>()) return v.get<int32_t>();
  if (v.containsValueOfType<int16_t>()) return v.get<int16_t>();
  if (v.containsValueOfType<int64_t>()) return static_cast<int>(v.get<int64_t>());
  if (v.containsValueOfType<uint32_t>()) return static_cast<int>(v.get<uint32_t>());
  return fallback;
}

std::vector<ForwardPort> forward_ports(const Dict& d) {
  std::vector<ForwardPort> out;
  for (const auto& t : get<std::vector<ForwardPortTuple>>(d, "forward_ports"))
    out.push_back({t.get<0>(), t.get<1>(), t.get<2>(), t.get<3>()});
  return out;
}

std::vector<ForwardPortTuple> forward_tuples(const std::vector<ForwardPort>& ports) {
  std::vector<ForwardPortTuple> out;
  for (const auto& f : ports) out.emplace_back(f.port, f.protocol, f.to_port, f.to_addr);
  return out;
}

void decode_common(const Dict& d, ZoneSettings& s) {
  using Strings = std::vector<std::string>;
  s.version = get<std::string>(d, "version");
  s.short_name = get<std::string>(d, "short");
  s.description = get<std::string>(d, "description");
  s.services = get<Strings>(d, "services");
  s.ports = port_pairs(get<std::vector<PortTuple>>(d, "ports"));
  s.icmp_blocks = get<Strings>(d, "icmp_blocks");
  s.masquerade = get<bool>(d, "masquerade");
  s.forward_ports = forward_ports(d);
  s.protocols = get<Strings>(d, "protocols");
  s.source_ports = port_pairs(get<std::vector<PortTuple>>(d, "source_ports"));
}

void encode_common(const ZoneSettings& s, Dict& d) {
  d["version"] = s.version;
  d["short"] = s.short_name;
  d["description"] = s.description;
  d["services"] = s.services;
  d["ports"] = port_tuples(s.ports);
  d["icmp_blocks"] = s.icmp_blocks;
  d["masquerade"] = s.masquerade;
  d["forward_ports"] = forward_tuples(s.forward_ports);
  d["protocols"] = s.protocols;
  d["source_ports"] = port_tuples(s.source_ports);
}

}  // namespace

std::vector<PortProto> port_pairs(const std::vector<PortTuple>& tuples) {
  std::vector<PortProto> out;
  for (const auto& t : tuples) out.emplace_back(t.get<0>(), t.get<1>());
  return out;
}

std::vector<PortTuple> port_tuples(const std::vector<PortProto>& ports) {
  std::vector<PortTuple> out;
  for (const auto& [port, proto] : ports) out.emplace_back(port, proto);
  return out;
}

ZoneSettings decode_zone(const Dict& d) {
  using Strings = std::vector<std::string>;
  ZoneSettings s;
  decode_common(d, s);
  s.target = get<std::string>(d, "target", "{chain}_{zone}");
  s.rules = get<Strings>(d, "rules_str");
  s.interfaces = get<Strings>(d, "interfaces");
  s.sources = get<Strings>(d, "sources");
  s.icmp_block_inversion = get<bool>(d, "icmp_block_inversion");
  s.forward = get<bool>(d, "forward");
  s.ingress_priority = get_int(d, "ingress_priority", 0);
  s.egress_priority = get_int(d, "egress_priority", 0);
  s.has_2x_keys = d.count("ingress_priority") || d.count("egress_priority");
  return s;
}

ZoneSettings decode_policy(const Dict& d) {
  using Strings = std::vector<std::string>;
  ZoneSettings s;
  decode_common(d, s);
  s.target = get<std::string>(d, "target", "CONTINUE");
  s.rules = get<Strings>(d, "rich_rules");
  s.priority = get_int(d, "priority", -1);
  s.ingress_zones = get<Strings>(d, "ingress_zones");
  s.egress_zones = get<Strings>(d, "egress_zones");
  s.disable = get<bool>(d, "disable");
  s.has_2x_keys = d.count("disable");
  return s;
}

ServiceSettings decode_service(const Dict& d) {
  using Strings = std::vector<std::string>;
  ServiceSettings s;
  s.version = get<std::string>(d, "version");
  s.short_name = get<std::string>(d, "short");
  s.description = get<std::string>(d, "description");
  s.ports = port_pairs(get<std::vector<PortTuple>>(d, "ports"));
  s.modules = get<Strings>(d, "modules");
  for (const auto& [k, v] : get<std::map<std::string, std::string>>(d, "destination"))
    s.destinations.emplace_back(k, v);
  s.protocols = get<Strings>(d, "protocols");
  s.source_ports = port_pairs(get<std::vector<PortTuple>>(d, "source_ports"));
  s.includes = get<Strings>(d, "includes");
  s.helpers = get<Strings>(d, "helpers");
  return s;
}

IcmpTypeSettings decode_icmptype(const IcmpTypeTuple& t) {
  return {t.get<0>(), t.get<1>(), t.get<2>(), t.get<3>()};
}

IPSetSettings decode_ipset(const IPSetTuple& t) {
  IPSetSettings s{t.get<0>(), t.get<1>(), t.get<2>(), t.get<3>(), {}, t.get<5>()};
  for (const auto& [k, v] : t.get<4>()) s.options.emplace_back(k, v);
  return s;
}

HelperSettings decode_helper(const HelperTuple& t) {
  return {t.get<0>(), t.get<1>(), t.get<2>(), t.get<3>(), t.get<4>(), port_pairs(t.get<5>())};
}

Dict encode_zone(const ZoneSettings& s) {
  Dict d;
  encode_common(s, d);
  d["target"] = s.target;
  d["interfaces"] = s.interfaces;
  d["sources"] = s.sources;
  d["rules_str"] = s.rules;
  d["icmp_block_inversion"] = s.icmp_block_inversion;
  d["forward"] = s.forward;
  if (s.has_2x_keys || s.ingress_priority != 0 || s.egress_priority != 0) {
    d["ingress_priority"] = static_cast<int32_t>(s.ingress_priority);
    d["egress_priority"] = static_cast<int32_t>(s.egress_priority);
  }
  return d;
}

Dict encode_policy(const ZoneSettings& s, bool runtime) {
  Dict d;
  encode_common(s, d);
  d["target"] = s.target;
  d["rich_rules"] = s.rules;
  d["priority"] = static_cast<int32_t>(s.priority);
  d["ingress_zones"] = s.ingress_zones;
  d["egress_zones"] = s.egress_zones;
  if (s.has_2x_keys || s.disable) d["disable"] = s.disable;
  if (runtime)
    for (const char* key : {"version", "short", "description", "target"}) d.erase(key);
  return d;
}

Dict encode_service(const ServiceSettings& s) {
  Dict d;
  d["version"] = s.version;
  d["short"] = s.short_name;
  d["description"] = s.description;
  d["ports"] = port_tuples(s.ports);
  d["modules"] = s.modules;
  d["destination"] =
      std::map<std::string, std::string>(s.destinations.begin(), s.destinations.end());
  d["protocols"] = s.protocols;
  d["source_ports"] = port_tuples(s.source_ports);
  d["includes"] = s.includes;
  d["helpers"] = s.helpers;
  return d;
}

IcmpTypeTuple encode_icmptype(const IcmpTypeSettings& s) {
  return {s.version, s.short_name, s.description, s.destinations};
}

IPSetTuple encode_ipset(const IPSetSettings& s) {
  return {s.version,
          s.short_name,
          s.description,
          s.type,
          std::map<std::string, std::string>(s.options.begin(), s.options.end()),
          s.entries};
}

HelperTuple encode_helper(const HelperSettings& s) {
  return {s.version, s.short_name, s.description, s.family, s.module, port_tuples(s.ports)};
}

}  // namespace fwctl::cli
