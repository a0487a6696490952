// RuntimeZones::set_settings: zone.setZoneSettings2 at runtime, as firewalld's
// fw_zone.set_config_with_settings_dict does it: check the zone as it would become, then remove
// what the new settings lack and add what they bring, element by element with the runtime
// calls' checks. firewalld sends one transaction per element; here it is all one batch.

#include <algorithm>

#include "common/lists.hpp"
#include "core/runtime_zones.hpp"
#include "model/config_check.hpp"
#include "model/rich_rule.hpp"
#include "model/validate.hpp"

namespace fwctl::core {
namespace {

using Strings = std::vector<std::string>;

// What `next` has and `old` lacks, and the reverse, each in its list's order, without repeats.
template <typename T>
std::pair<std::vector<T>, std::vector<T>> diff(const std::vector<T>& old,
                                               const std::vector<T>& next) {
  auto has = [](const std::vector<T>& list, const T& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
  };
  std::vector<T> added, removed;
  for (const T& v : next) {
    if (!has(old, v) && !has(added, v)) added.push_back(v);
  }
  for (const T& v : old) {
    if (!has(next, v) && !has(removed, v)) removed.push_back(v);
  }
  return {added, removed};
}

template <typename T>
std::vector<T> unique(const std::vector<T>& list) {
  return unique_in_order(list);
}

model::ZoneSource zone_source(const std::string& s) {
  if (s.starts_with("ipset:")) return {{}, {}, s.substr(6)};
  if (model::check_mac(s)) return {{}, s, {}};
  return {s, {}, {}};
}

// The element changes of the update, old settings against new: removals, then additions.
struct Changes {
  std::vector<ZoneItem> remove, add;
  template <typename T, typename Make>
  void list(const std::optional<std::vector<T>>& next, const std::vector<T>& old, Make make) {
    if (!next) return;
    auto [added, removed] = diff(old, *next);
    for (const T& v : removed) remove.push_back(make(v));
    for (const T& v : added) add.push_back(make(v));
  }
  void flag(const std::optional<bool>& next, bool old, ZoneElement kind) {
    if (next && *next && !old) add.push_back({kind, {}});
    if (next && !*next && old) remove.push_back({kind, {}});
  }
};

Result<Changes> element_changes(const ZoneSettingsUpdate& u, const ZoneSettings& old) {
  Changes c;
  auto one = [](ZoneElement kind) {
    return [kind](const std::string& v) { return ZoneItem{kind, {v}}; };
  };
  auto pair = [](ZoneElement kind) {
    return [kind](const std::pair<std::string, std::string>& v) {
      return ZoneItem{kind, {v.first, v.second}};
    };
  };
  c.list(u.services, old.services, one(ZoneElement::Service));
  c.list(u.ports, old.ports, pair(ZoneElement::Port));
  c.list(u.icmp_blocks, old.icmp_blocks, one(ZoneElement::IcmpBlock));
  c.flag(u.masquerade, old.masquerade, ZoneElement::Masquerade);
  c.list(u.forward_ports, old.forward_ports, [](const std::array<std::string, 4>& f) {
    return ZoneItem{ZoneElement::ForwardPort, {f[0], f[1], f[2], f[3]}};
  });
  if (u.rich_rules) {  // told apart by canonical text, as firewalld normalizes them first
    Strings canonical;
    for (const auto& text : *u.rich_rules) {
      auto rule = model::parse_rich_rule(text);
      if (!rule) return rule;
      canonical.push_back(model::to_string(*rule));
    }
    c.list(std::optional<Strings>(canonical), old.rich_rules, one(ZoneElement::RichRule));
  }
  c.list(u.protocols, old.protocols, one(ZoneElement::Protocol));
  c.list(u.source_ports, old.source_ports, pair(ZoneElement::SourcePort));
  c.flag(u.icmp_block_inversion, old.icmp_block_inversion, ZoneElement::IcmpBlockInversion);
  c.flag(u.forward, old.forward, ZoneElement::Forward);
  return c;
}

// The zone as the update would make it, for firewalld's check of the whole object.
model::Zone checked_zone(model::Zone zone, const ZoneSettingsUpdate& u, const ZoneSettings& old) {
  auto pp = [](const ZoneSettingsUpdate::Pairs& pairs) {
    std::vector<model::PortProto> out;
    for (const auto& [port, protocol] : unique(pairs)) out.push_back({port, protocol});
    return out;
  };
  if (u.services) zone.services = unique(*u.services);
  if (u.ports) zone.ports = pp(*u.ports);
  if (u.icmp_blocks) zone.icmp_blocks = unique(*u.icmp_blocks);
  if (u.forward_ports) {
    zone.forward_ports.clear();
    for (const auto& f : unique(*u.forward_ports))
      zone.forward_ports.push_back({f[0], f[1], f[2], f[3]});
  }
  zone.interfaces = u.interfaces ? unique(*u.interfaces) : old.interfaces;
  zone.sources.clear();
  for (const auto& s : u.sources ? unique(*u.sources) : old.sources) {
    zone.sources.push_back(zone_source(s));
  }
  if (u.protocols) zone.protocols = unique(*u.protocols);
  if (u.source_ports) zone.source_ports = pp(*u.source_ports);
  if (u.target) zone.target = *u.target;
  return zone;
}

}  // namespace

Status RuntimeZones::set_settings(const std::string& zone, const ZoneSettingsUpdate& update) {
  auto name = resolve(zone);
  if (!name) return name;
  auto old = settings(*name);
  if (!old) return old;
  model::Zone check = checked_zone(runtime_.zones.at(*name).value, update, *old);
  check.info.name = *name;
  if (Status st = model::check_zone(check); !st) return st;
  model::Config checked = runtime_;
  check.interfaces.clear();  // bindings are checked by the runtime calls below
  check.sources.clear();
  checked.zones.at(*name).value = check;
  if (auto problems = model::check_references(checked); !problems.empty()) {
    Error problem = problems.front();
    problem.file.clear();  // the zone's file is not what the caller gave
    return Unexpected{problem};
  }
  if (!update.string_keys.empty()) {
    return fail(Code::INVALID_SETTING,
                "Unhandled setting type <class 'str'> key " + update.string_keys.front());
  }
  auto changes = element_changes(update, *old);
  if (!changes) return changes;

  model::Zone target = runtime_.zones.at(*name).value;
  for (const auto& item : changes->remove) {
    if (Status st = core::remove_zone_item(target, *name, item, runtime_); !st) return st;
  }
  for (const auto& item : changes->add) {
    if (Status st = core::add_zone_item(target, *name, item, runtime_); !st) return st;
  }
  compiler::RuntimeBindings bindings = bindings_;
  // ZONE_CONFLICT as add_interface and add_source word it.
  auto rebind = [&](auto& bound, const std::optional<Strings>& wanted, const Strings& have,
                    bool interfaces) -> Status {
    if (!wanted) return ok();
    auto [added, removed] = diff(have, *wanted);
    auto& list = bound[*name];
    for (const auto& id : removed)
      list.erase(std::remove(list.begin(), list.end(), id), list.end());
    for (const auto& id : added) {
      for (const auto& [other, ids] : bound) {
        if (other != *name && std::count(ids.begin(), ids.end(), id)) {
          return fail(Code::ZONE_CONFLICT, "'" + id + "' already bound to " +
                                               (interfaces ? "'" + other + "'" : "a zone"));
        }
      }
      list.push_back(id);
    }
    if (list.empty()) bound.erase(*name);
    return ok();
  };
  if (Status st = rebind(bindings.interfaces, update.interfaces, old->interfaces, true); !st)
    return st;
  if (Status st = rebind(bindings.sources, update.sources, old->sources, false); !st) return st;
  RuntimeChange change;
  change.zones.emplace(*name, std::move(target));
  change.bindings = std::move(bindings);
  change.whole = true;  // the zone as a whole: every chain compared
  return commit_(std::move(change));
}

}  // namespace fwctl::core
