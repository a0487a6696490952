#include "core/permanent_edit.hpp"

#include <algorithm>

#include "config/port_range.hpp"
#include "core/firewall_ipset_entries.hpp"
#include "model/address.hpp"
#include "model/ipset_check.hpp"
#include "model/port.hpp"
#include "model/validate.hpp"

namespace fwctl::core {
namespace {

// The valid ranges of `protocol` in `ports` (firewalld skips nothing, but a stored port is
// always valid once loaded or checked).
std::vector<model::PortRange> ranges_of(const std::vector<model::PortProto>& ports,
                                        const std::string& protocol) {
  std::vector<model::PortRange> out;
  for (const auto& p : ports) {
    if (p.protocol != protocol) continue;
    if (auto range = model::parse_port_range(p.port)) out.push_back(*range);
  }
  return out;
}

bool covers(model::PortRange outer, model::PortRange inner) {
  return outer.first <= inner.first && inner.last <= outer.last;
}

void erase_port(std::vector<model::PortProto>& ports, model::PortRange range,
                const std::string& protocol) {
  model::PortProto entry{config::to_string(range), protocol};
  auto it = std::find(ports.begin(), ports.end(), entry);
  if (it != ports.end()) ports.erase(it);
}

std::string forward_id(const model::ForwardPort& f) {
  return f.port + ":" + f.protocol + ":" + f.to_port + ":" + f.to_addr;
}

}  // namespace

bool has_name(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

Status add_name(std::vector<std::string>& list, const std::string& value) {
  if (has_name(list, value)) return fail(Code::ALREADY_ENABLED, value);
  list.push_back(value);
  return ok();
}

Status remove_name(std::vector<std::string>& list, const std::string& value) {
  auto it = std::find(list.begin(), list.end(), value);
  if (it == list.end()) return fail(Code::NOT_ENABLED, value);
  list.erase(it);
  return ok();
}

Status check_given_policy_priority(const std::string& policy, int priority) {
  if (Status st = model::check_policy_priority(priority); !st) {
    return fail(st.error().code, "Policy '" + policy + "': " + st.error().detail);
  }
  return ok();
}

Status set_flag(bool& flag, bool on, const char* what) {
  if (flag == on) return fail(on ? Code::ALREADY_ENABLED : Code::NOT_ENABLED, what);
  flag = on;
  return ok();
}

Status add_port(std::vector<model::PortProto>& ports, const std::string& port,
                const std::string& protocol) {
  auto range = model::parse_port_range(port);
  if (!range) return range;
  auto existing = ranges_of(ports, protocol);
  for (const auto& have : existing) {
    if (covers(have, *range)) return fail(Code::ALREADY_ENABLED, port + ":" + protocol);
  }
  auto merged = config::coalesce_port_range(*range, existing);
  for (const auto& removed : merged.removed) erase_port(ports, removed, protocol);
  ports.push_back({config::to_string(merged.merged), protocol});
  return ok();
}

// breakPortRange: `port` is cut out of every range of the protocol it overlaps.
Status remove_port(std::vector<model::PortProto>& ports, const std::string& port,
                   const std::string& protocol) {
  auto range = model::parse_port_range(port);
  if (!range || !has_port(ports, port, protocol)) {
    return fail(Code::NOT_ENABLED, port + ":" + protocol);
  }
  auto existing = ranges_of(ports, protocol);
  std::sort(existing.begin(), existing.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<model::PortRange> added;
  for (const auto& have : existing) {
    if (have.last < range->first || range->last < have.first) continue;
    erase_port(ports, have, protocol);
    if (have.first < range->first) added.push_back({have.first, range->first - 1});
    if (range->last < have.last) added.push_back({range->last + 1, have.last});
  }
  for (const auto& piece : added) ports.push_back({config::to_string(piece), protocol});
  return ok();
}

bool has_port(const std::vector<model::PortProto>& ports, const std::string& port,
              const std::string& protocol) {
  auto range = model::parse_port_range(port);
  if (!range) return false;
  for (const auto& have : ranges_of(ports, protocol)) {
    if (covers(have, *range)) return true;
  }
  return false;
}

Status add_port_entry(std::vector<model::PortProto>& ports, const model::PortProto& port) {
  if (has_port_entry(ports, port)) {
    return fail(Code::ALREADY_ENABLED, port.port + ":" + port.protocol);
  }
  ports.push_back(port);
  return ok();
}

Status remove_port_entry(std::vector<model::PortProto>& ports, const model::PortProto& port) {
  auto it = std::find(ports.begin(), ports.end(), port);
  if (it == ports.end()) return fail(Code::NOT_ENABLED, port.port + ":" + port.protocol);
  ports.erase(it);
  return ok();
}

bool has_port_entry(const std::vector<model::PortProto>& ports, const model::PortProto& port) {
  return std::find(ports.begin(), ports.end(), port) != ports.end();
}

const std::string* find_key(const Pairs& dict, const std::string& key) {
  for (const auto& [k, v] : dict) {
    if (k == key) return &v;
  }
  return nullptr;
}

Status set_key(Pairs& dict, const std::string& key, const std::string& value) {
  for (auto& [k, v] : dict) {
    if (k != key) continue;
    if (v == value) return fail(Code::ALREADY_ENABLED, "'" + key + "': '" + value + "'");
    v = value;
    return ok();
  }
  dict.emplace_back(key, value);
  return ok();
}

Status remove_key(Pairs& dict, const std::string& key) {
  auto it = std::find_if(dict.begin(), dict.end(), [&](const auto& kv) { return kv.first == key; });
  if (it == dict.end()) return fail(Code::NOT_ENABLED, key);
  dict.erase(it);
  return ok();
}

bool has_key_value(const Pairs& dict, const std::string& key, const std::string& value) {
  const std::string* have = find_key(dict, key);
  return have && *have == value;
}

Status set_value(std::string& field, const std::string& value) {
  if (field == value) return fail(Code::ALREADY_ENABLED, "'" + value + "'");
  field = value;
  return ok();
}

Status remove_icmp_destination(std::vector<std::string>& destinations,
                               const std::string& destination) {
  if (destinations.empty()) {
    for (const char* family : {"ipv4", "ipv6"}) {
      if (family != destination) destinations.emplace_back(family);
    }
    return ok();
  }
  return remove_name(destinations, destination);
}

namespace {

Status check_no_timeout(const model::IpSet& ipset) {
  if (model::ipset_has_timeout(ipset)) return fail(Code::IPSET_WITH_TIMEOUT);
  return ok();
}

}  // namespace

Status set_ipset_type(model::IpSet& ipset, const std::string& type) {
  auto types = model::ipset_types();
  if (std::find(types.begin(), types.end(), type) == types.end()) {
    return fail(Code::INVALID_TYPE, type);
  }
  ipset.type = type;
  return ok();
}

std::string service_module(const std::string& module) {
  return model::normalize_service_module(module);
}

Status set_ipset_entries(model::IpSet& ipset, const std::vector<std::string>& entries) {
  if (Status st = check_for_overlapping_entries(entries); !st) return st;
  if (Status st = check_no_timeout(ipset); !st) return st;
  ipset.entries.clear();  // duplicates dropped, as import does
  for (const auto& entry : entries) {
    if (!has_name(ipset.entries, entry)) ipset.entries.push_back(entry);
  }
  return ok();
}

Status add_ipset_entry(model::IpSet& ipset, const std::string& entry) {
  std::string normalized = normalize_ipset_entry(entry);
  if (Status st = check_no_timeout(ipset); !st) return st;
  if (has_name(ipset.entries, normalized)) return fail(Code::ALREADY_ENABLED, normalized);
  if (Status st = check_entry_overlaps_existing(normalized, ipset.entries); !st) return st;
  ipset.entries.push_back(normalized);
  return ok();
}

Status remove_ipset_entry(model::IpSet& ipset, const std::string& entry) {
  if (Status st = check_no_timeout(ipset); !st) return st;
  return remove_name(ipset.entries, normalize_ipset_entry(entry));
}

Result<bool> has_ipset_entry(const model::IpSet& ipset, const std::string& entry) {
  std::string normalized = normalize_ipset_entry(entry);
  if (Status st = check_no_timeout(ipset); !st) return st;
  return has_name(ipset.entries, normalized);
}

Pairs service_destinations(const model::Service& service) {
  Pairs out;
  if (!service.destination_ipv4.empty()) out.emplace_back("ipv4", service.destination_ipv4);
  if (!service.destination_ipv6.empty()) out.emplace_back("ipv6", service.destination_ipv6);
  return out;
}

Status set_service_destinations(model::Service& service, const Pairs& destinations) {
  std::string ipv4, ipv6;
  for (const auto& [family, address] : destinations) {
    if (family == "ipv4") {
      ipv4 = address;
    } else if (family == "ipv6") {
      ipv6 = address;
    } else {
      return fail(Code::INVALID_DESTINATION, "'" + family + "' not in {'ipv4'|'ipv6'}");
    }
  }
  service.destination_ipv4 = ipv4;
  service.destination_ipv6 = ipv6;
  return ok();
}

Status add_forward_port(std::vector<model::ForwardPort>& list, const model::ForwardPort& fwd) {
  if (has_forward_port(list, fwd)) return fail(Code::ALREADY_ENABLED, forward_id(fwd));
  list.push_back(fwd);
  return ok();
}

Status remove_forward_port(std::vector<model::ForwardPort>& list, const model::ForwardPort& fwd) {
  auto it = std::find(list.begin(), list.end(), fwd);
  if (it == list.end()) return fail(Code::NOT_ENABLED, forward_id(fwd));
  list.erase(it);
  return ok();
}

bool has_forward_port(const std::vector<model::ForwardPort>& list, const model::ForwardPort& fwd) {
  return std::find(list.begin(), list.end(), fwd) != list.end();
}

namespace {

// The index of the rule whose canonical form is that of `text`; size() when absent.
Result<size_t> find_rule(const std::vector<model::RichRule>& rules, const std::string& text) {
  auto parsed = model::parse_rich_rule(text);
  if (!parsed) return parsed;
  std::string canonical = model::to_string(*parsed);
  for (size_t i = 0; i < rules.size(); ++i) {
    if (model::to_string(rules[i]) == canonical) return i;
  }
  return rules.size();
}

}  // namespace

Status add_rich_rule(std::vector<model::RichRule>& rules, const std::string& rule) {
  auto index = find_rule(rules, rule);
  if (!index) return index;
  if (*index != rules.size()) return fail(Code::ALREADY_ENABLED, rule);
  rules.push_back(*model::parse_rich_rule(rule));
  return ok();
}

Status remove_rich_rule(std::vector<model::RichRule>& rules, const std::string& rule) {
  auto index = find_rule(rules, rule);
  if (!index) return index;
  if (*index == rules.size()) return fail(Code::NOT_ENABLED, rule);
  rules.erase(rules.begin() + static_cast<std::ptrdiff_t>(*index));
  return ok();
}

Result<bool> has_rich_rule(const std::vector<model::RichRule>& rules, const std::string& rule) {
  auto index = find_rule(rules, rule);
  if (!index) return index;
  return *index != rules.size();
}

model::ZoneSource zone_source(const std::string& text) {
  model::ZoneSource source;
  if (text.rfind("ipset:", 0) == 0) {
    source.ipset = text.substr(6);
  } else if (model::check_mac(text)) {
    source.mac = text;
  } else {
    source.address = text;
  }
  return source;
}

std::vector<std::string> source_strings(const std::vector<model::ZoneSource>& sources) {
  std::vector<std::string> out;
  out.reserve(sources.size());
  for (const auto& s : sources) out.push_back(s.to_string());
  return out;
}

Status add_source(std::vector<model::ZoneSource>& sources, const std::string& source) {
  if (has_name(source_strings(sources), source)) return fail(Code::ALREADY_ENABLED, source);
  sources.push_back(zone_source(source));
  return ok();
}

Status remove_source(std::vector<model::ZoneSource>& sources, const std::string& source) {
  auto list = source_strings(sources);
  auto it = std::find(list.begin(), list.end(), source);
  if (it == list.end()) return fail(Code::NOT_ENABLED, source);
  sources.erase(sources.begin() + (it - list.begin()));
  return ok();
}

Status check_zone_bindings(const std::map<std::string, model::Item<model::Zone>>& zones,
                           const std::string& name, const model::Zone& old,
                           const model::Zone& next) {
  auto old_sources = source_strings(old.sources);
  for (const auto& [zone, item] : zones) {
    if (zone == name) continue;
    for (const auto& interface : next.interfaces) {
      if (!has_name(old.interfaces, interface) && has_name(item.value.interfaces, interface)) {
        return fail(Code::ZONE_CONFLICT, interface);
      }
    }
    auto theirs = source_strings(item.value.sources);
    for (const auto& source : source_strings(next.sources)) {
      if (!has_name(old_sources, source) && has_name(theirs, source)) {
        return fail(Code::ZONE_CONFLICT, source);
      }
    }
  }
  return ok();
}

}  // namespace fwctl::core
