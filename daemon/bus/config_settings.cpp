#include "bus/config_settings.hpp"

#include <cstdint>
#include <functional>

#include "core/permanent_edit.hpp"
#include "core/zone_settings.hpp"

namespace fwctl::bus {
namespace {

// firewalld's internal spelling of the default target, which its python client sends.
constexpr const char* kDefaultZoneTarget = "{chain}_{zone}";

template <typename T>
Status take(const std::string& key, const sdbus::Variant& value, T& out) {
  if (!value.containsValueOfType<T>()) {
    return fail(Code::INVALID_TYPE, "'" + key + "' not of type " + sdbus::signature_of<T>::str() +
                                        ", but " + value.peekValueType());
  }
  out = value.get<T>();
  return ok();
}

// A list key: duplicates dropped as firewalld's import does.
template <typename T>
Status take_list(const std::string& key, const sdbus::Variant& value, std::vector<T>& out) {
  std::vector<T> list;
  if (Status st = take(key, value, list); !st) return st;
  out = unique(list);
  return ok();
}

// Integers of any D-Bus width (netavark sends a policy priority as 'n').
Status take_int(const std::string& key, const sdbus::Variant& value, int& out) {
  std::string type = value.peekValueType();
  if (type == "i") out = value.get<int32_t>();
  else if (type == "n") out = value.get<int16_t>();
  else if (type == "q") out = value.get<uint16_t>();
  else if (type == "y") out = value.get<uint8_t>();
  else if (type == "u") out = static_cast<int>(value.get<uint32_t>());
  else if (type == "x") out = static_cast<int>(value.get<int64_t>());
  else if (type == "t") out = static_cast<int>(value.get<uint64_t>());
  else return fail(Code::INVALID_TYPE, "'" + key + "' not of type i, but " + type);
  return ok();
}

using Setter = std::function<Status(const std::string& key, const sdbus::Variant& value)>;

// A zone's ingress_priority or egress_priority (firewalld 2.0), in its range.
Setter priority(const std::string& zone, int& out) {
  return [&zone, &out](const std::string& key, const sdbus::Variant& value) -> Status {
    int n = 0;
    if (Status st = take_int(key, value, n); !st) return st;
    if (Status st = core::check_zone_priority(zone, n); !st) return st;
    out = n;
    return ok();
  };
}

// Applies every key of `settings` through `setters`; the first failure stops.
Status apply_settings(const Dict& settings, const std::map<std::string, Setter>& setters) {
  for (const auto& [key, value] : settings) {
    auto it = setters.find(key);
    if (it == setters.end()) {
      return fail(Code::INVALID_OPTION, "option '" + key + "' is not valid");
    }
    if (Status st = it->second(key, value); !st) return st;
  }
  return ok();
}

Setter text(std::string& field) {
  return [&field](const std::string& k, const sdbus::Variant& v) { return take(k, v, field); };
}
Setter flag(bool& field) {
  return [&field](const std::string& k, const sdbus::Variant& v) { return take(k, v, field); };
}
Setter names(std::vector<std::string>& field) {
  return [&field](const std::string& k, const sdbus::Variant& v) { return take_list(k, v, field); };
}
Setter ports(std::vector<model::PortProto>& field) {
  return [&field](const std::string& k, const sdbus::Variant& v) {
    std::vector<PortTuple> list;
    if (Status st = take_list(k, v, list); !st) return st;
    field = port_protos(list);
    return ok();
  };
}
Setter forwards(std::vector<model::ForwardPort>& field) {
  return [&field](const std::string& k, const sdbus::Variant& v) {
    std::vector<ForwardPortTuple> list;
    if (Status st = take_list(k, v, list); !st) return st;
    field = forward_ports(list);
    return ok();
  };
}

Result<std::vector<model::RichRule>> parse_rules(const std::vector<std::string>& texts) {
  std::vector<model::RichRule> rules;
  for (const auto& text : unique(texts)) {
    auto rule = model::parse_rich_rule(text);
    if (!rule) return rule;
    rules.push_back(std::move(*rule));
  }
  return rules;
}
Setter rules(std::vector<model::RichRule>& field) {
  return [&field](const std::string& k, const sdbus::Variant& v) -> Status {
    std::vector<std::string> list;
    if (Status st = take(k, v, list); !st) return st;
    auto parsed = parse_rules(list);
    if (!parsed) return parsed;
    field = std::move(*parsed);
    return ok();
  };
}

std::string zone_target_in(const std::string& target) {
  return target == kDefaultZoneTarget ? "default" : target;
}

std::vector<std::string> rule_strings(const std::vector<model::RichRule>& rules) {
  std::vector<std::string> out;
  for (const auto& rule : rules) out.push_back(model::to_string(rule));
  return out;
}

template <typename T>
void put(Dict& dict, const char* key, const T& value) {
  if (!value.empty()) dict[key] = sdbus::Variant(value);
}

}  // namespace

std::vector<PortTuple> port_tuples(const std::vector<model::PortProto>& list) {
  std::vector<PortTuple> out;
  for (const auto& p : list) out.emplace_back(p.port, p.protocol);
  return out;
}

std::vector<model::PortProto> port_protos(const std::vector<PortTuple>& list) {
  std::vector<model::PortProto> out;
  for (const auto& p : list) out.push_back({p.get<0>(), p.get<1>()});
  return out;
}

std::vector<ForwardPortTuple> forward_tuples(const std::vector<model::ForwardPort>& list) {
  std::vector<ForwardPortTuple> out;
  for (const auto& f : list) out.emplace_back(f.port, f.protocol, f.to_port, f.to_addr);
  return out;
}

std::vector<model::ForwardPort> forward_ports(const std::vector<ForwardPortTuple>& list) {
  std::vector<model::ForwardPort> out;
  for (const auto& f : list) out.push_back({f.get<0>(), f.get<1>(), f.get<2>(), f.get<3>()});
  return out;
}

Dict permanent_zone_dict(const model::Zone& zone) {
  return zone_dict(
      core::make_zone_settings(zone, zone.interfaces, core::source_strings(zone.sources)));
}

ZoneTuple permanent_zone_tuple(const model::Zone& zone) {
  return zone_tuple(
      core::make_zone_settings(zone, zone.interfaces, core::source_strings(zone.sources)));
}

Status apply_zone_dict(model::Zone& zone, const Dict& settings) {
  model::Zone next = zone;
  std::vector<std::string> sources = core::source_strings(next.sources);
  bool sources_given = false;
  std::map<std::string, Setter> setters{
      {"version", text(next.info.version)},
      {"short", text(next.info.short_)},
      {"description", text(next.info.description)},
      {"target", text(next.target)},
      {"services", names(next.services)},
      {"ports", ports(next.ports)},
      {"icmp_blocks", names(next.icmp_blocks)},
      {"masquerade", flag(next.masquerade)},
      {"forward_ports", forwards(next.forward_ports)},
      {"interfaces", names(next.interfaces)},
      {"sources",
       [&](const std::string& k, const sdbus::Variant& v) {
         sources_given = true;
         return take_list(k, v, sources);
       }},
      {"rules_str", rules(next.rules)},
      {"protocols", names(next.protocols)},
      {"source_ports", ports(next.source_ports)},
      {"icmp_block_inversion", flag(next.icmp_block_inversion)},
      {"forward", flag(next.forward)},
      {"ingress_priority", priority(next.info.name, next.ingress_priority)},
      {"egress_priority", priority(next.info.name, next.egress_priority)},
  };
  if (Status st = apply_settings(settings, setters); !st) return st;
  next.target = zone_target_in(next.target);
  if (sources_given) {
    next.sources.clear();
    for (const auto& s : sources) next.sources.push_back(core::zone_source(s));
  }
  zone = std::move(next);
  return ok();
}

// The tuple has every field but "forward", which stays as it was.
Status apply_zone_tuple(model::Zone& zone, const ZoneTuple& s) {
  model::Zone next = zone;
  next.info.version = s.get<0>();
  next.info.short_ = s.get<1>();
  next.info.description = s.get<2>();
  next.target = zone_target_in(s.get<4>());
  next.services = unique(s.get<5>());
  next.ports = unique(port_protos(s.get<6>()));
  next.icmp_blocks = unique(s.get<7>());
  next.masquerade = s.get<8>();
  next.forward_ports = unique(forward_ports(s.get<9>()));
  next.interfaces = unique(s.get<10>());
  next.sources.clear();
  for (const auto& source : unique(s.get<11>())) next.sources.push_back(core::zone_source(source));
  auto parsed = parse_rules(s.get<12>());
  if (!parsed) return parsed;
  next.rules = std::move(*parsed);
  next.protocols = unique(s.get<13>());
  next.source_ports = unique(port_protos(s.get<14>()));
  next.icmp_block_inversion = s.get<15>();
  zone = std::move(next);
  return ok();
}

Status apply_service_dict(model::Service& service, const Dict& settings) {
  model::Service next = service;
  std::map<std::string, Setter> setters{
      {"version", text(next.info.version)},
      {"short", text(next.info.short_)},
      {"description", text(next.info.description)},
      {"ports", ports(next.ports)},
      {"modules", names(next.modules)},
      {"destination",
       [&](const std::string& k, const sdbus::Variant& v) {
         std::map<std::string, std::string> destination;
         if (Status st = take(k, v, destination); !st) return st;
         return core::set_service_destinations(next,
                                               core::Pairs(destination.begin(), destination.end()));
       }},
      {"protocols", names(next.protocols)},
      {"source_ports", ports(next.source_ports)},
      {"includes", names(next.includes)},
      {"helpers", names(next.helpers)},
  };
  if (Status st = apply_settings(settings, setters); !st) return st;
  service = std::move(next);
  return ok();
}

Status apply_service_tuple(model::Service& service, const ServiceTuple& s) {
  Dict dict{
      {"version", sdbus::Variant(s.get<0>())},     {"short", sdbus::Variant(s.get<1>())},
      {"description", sdbus::Variant(s.get<2>())}, {"ports", sdbus::Variant(s.get<3>())},
      {"modules", sdbus::Variant(s.get<4>())},     {"destination", sdbus::Variant(s.get<5>())},
      {"protocols", sdbus::Variant(s.get<6>())},   {"source_ports", sdbus::Variant(s.get<7>())}};
  return apply_service_dict(service, dict);
}

Dict policy_dict(const model::Policy& policy) {
  Dict d;
  put(d, "version", policy.info.version);
  put(d, "short", policy.info.short_);
  put(d, "description", policy.info.description);
  put(d, "target", policy.target);
  put(d, "services", policy.services);
  put(d, "ports", port_tuples(policy.ports));
  put(d, "icmp_blocks", policy.icmp_blocks);
  d["masquerade"] = sdbus::Variant(policy.masquerade);
  put(d, "forward_ports", forward_tuples(policy.forward_ports));
  put(d, "rich_rules", rule_strings(policy.rules));
  put(d, "protocols", policy.protocols);
  put(d, "source_ports", port_tuples(policy.source_ports));
  if (policy.priority != 0) d["priority"] = sdbus::Variant(int32_t{policy.priority});
  put(d, "ingress_zones", policy.ingress_zones);
  put(d, "egress_zones", policy.egress_zones);
  // firewalld 2.4's key, left out while false so that a 1.3.3 client sees 1.3.3's dict.
  if (policy.disable) d["disable"] = sdbus::Variant(true);
  return d;
}

Status apply_policy_dict(model::Policy& policy, const Dict& settings) {
  model::Policy next = policy;
  std::map<std::string, Setter> setters{
      {"version", text(next.info.version)},
      {"short", text(next.info.short_)},
      {"description", text(next.info.description)},
      {"target", text(next.target)},
      {"services", names(next.services)},
      {"ports", ports(next.ports)},
      {"icmp_blocks", names(next.icmp_blocks)},
      {"masquerade", flag(next.masquerade)},
      {"forward_ports", forwards(next.forward_ports)},
      {"rich_rules", rules(next.rules)},
      {"protocols", names(next.protocols)},
      {"source_ports", ports(next.source_ports)},
      {"priority", [&](const std::string& k,
                       const sdbus::Variant& v) { return take_int(k, v, next.priority); }},
      {"ingress_zones", names(next.ingress_zones)},
      {"egress_zones", names(next.egress_zones)},
      {"disable", flag(next.disable)},
  };
  if (Status st = apply_settings(settings, setters); !st) return st;
  // firewalld's check_config_dict checks every key given: a priority given is checked even when
  // it is 0 (reserved), which a loaded file's priority="0" never is (export leaves 0 out).
  if (settings.count("priority")) {
    if (Status st = core::check_given_policy_priority(policy.info.name, next.priority); !st) {
      return st;
    }
  }
  policy = std::move(next);
  return ok();
}

IpSetTuple ipset_tuple(const model::IpSet& ipset) {
  std::map<std::string, std::string> options(ipset.options.begin(), ipset.options.end());
  return IpSetTuple(ipset.info.version, ipset.info.short_, ipset.info.description, ipset.type,
                    options, ipset.entries);
}

void apply_ipset_tuple(model::IpSet& ipset, const IpSetTuple& s) {
  ipset.info.version = s.get<0>();
  ipset.info.short_ = s.get<1>();
  ipset.info.description = s.get<2>();
  ipset.type = s.get<3>();
  ipset.options.assign(s.get<4>().begin(), s.get<4>().end());
  ipset.entries = unique(s.get<5>());
}

void apply_icmptype_tuple(model::IcmpType& icmptype, const IcmpTypeTuple& s) {
  icmptype.info.version = s.get<0>();
  icmptype.info.short_ = s.get<1>();
  icmptype.info.description = s.get<2>();
  icmptype.destinations = unique(s.get<3>());
}

HelperTuple helper_tuple(const model::Helper& helper) {
  return HelperTuple(helper.info.version, helper.info.short_, helper.info.description,
                     helper.family, helper.module, port_tuples(helper.ports));
}

void apply_helper_tuple(model::Helper& helper, const HelperTuple& s) {
  helper.info.version = s.get<0>();
  helper.info.short_ = s.get<1>();
  helper.info.description = s.get<2>();
  helper.family = s.get<3>();
  helper.module = s.get<4>();
  helper.ports = unique(port_protos(s.get<5>()));
}

}  // namespace fwctl::bus
