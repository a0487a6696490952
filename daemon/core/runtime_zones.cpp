// core::RuntimeZones: reading the zones and their bindings, the elements' runtime changes with
// their timeouts (firewalld's fw_zone add_*, remove_*, query_* and the D-Bus layer's timers), and
// what the whole loads ask of the part.

#include "core/runtime_zones.hpp"

#include <algorithm>
#include <chrono>

#include "core/splice_change.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::core {
namespace {

// firewalld's check_timeout.
Status check_timeout(int timeout) {
  if (timeout < 0) {
    return fail(Code::INVALID_VALUE,
                "timeout '" + std::to_string(timeout) + "' is not positive number");
  }
  return ok();
}

// firewalld parses a rich rule before it looks at the zone.
Status check_rich_rule(const ZoneItem& item) {
  if (item.kind == ZoneElement::RichRule && !item.args.empty()) {
    if (auto rule = model::parse_rich_rule(item.args[0]); !rule) return rule;
  }
  return ok();
}

std::string zone_holding(const std::map<std::string, std::vector<std::string>>& bound,
                         const std::string& id) {
  for (const auto& [zone, ids] : bound) {
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) return zone;
  }
  return {};
}

// Removes `interface` from every zone of `bindings`.
void unbind_everywhere(compiler::RuntimeBindings& bindings, const std::string& interface) {
  for (auto& entry : bindings.interfaces) {
    auto& list = entry.second;
    list.erase(std::remove(list.begin(), list.end(), interface), list.end());
  }
}

}  // namespace

Result<std::string> RuntimeZones::resolve(const std::string& zone) const {
  const std::string& name = zone.empty() ? default_zone() : zone;
  if (!runtime_.zones.count(name)) return fail(Code::INVALID_ZONE, name);
  return name;
}

Result<ZoneSettings> RuntimeZones::settings(const std::string& zone) const {
  auto name = resolve(zone);
  if (!name) return name;
  auto bound = [&](const auto& map) {
    auto it = map.find(*name);
    return it == map.end() ? std::vector<std::string>{} : it->second;
  };
  auto settings = make_zone_settings(runtime_.zones.at(*name).value, bound(bindings_.interfaces),
                                     bound(bindings_.sources));
  // firewalld lists a zone's runtime ICMP blocks sorted (fw_zone.list_icmp_blocks), unlike its
  // other elements, which keep the order they were added in.
  std::sort(settings.icmp_blocks.begin(), settings.icmp_blocks.end());
  return settings;
}

std::vector<ActiveZone> RuntimeZones::active() const {
  std::vector<ActiveZone> out;
  for (const auto& [zone, item] : runtime_.zones) {
    ActiveZone active{zone, {}, {}};
    if (auto it = bindings_.interfaces.find(zone); it != bindings_.interfaces.end()) {
      active.interfaces = it->second;
    }
    if (auto it = bindings_.sources.find(zone); it != bindings_.sources.end()) {
      active.sources = it->second;
    }
    if (!active.interfaces.empty() || !active.sources.empty()) out.push_back(std::move(active));
  }
  return out;
}

std::string RuntimeZones::zone_of_interface(const std::string& interface) const {
  return zone_holding(bindings_.interfaces, interface);
}

std::string RuntimeZones::zone_of_source(const std::string& source) const {
  return zone_holding(bindings_.sources, source);
}

// The edit planned on the zone as it is and made in place by the commit point (no copy of the
// zone), scoped to the zone's chains; a splice when it is one element of a kind splices handle.
Result<std::string> RuntimeZones::edit(const std::string& zone, const ZoneItem& item, bool add) {
  auto name = resolve(zone);
  if (!name) return name;
  const model::Zone& current = runtime_.zones.at(*name).value;
  auto planned = plan_zone_item(current, *name, item, runtime_, add);
  if (!planned) return planned;
  RuntimeChange change;
  change.element = zone_element_edit(*name, current, *planned);
  change.in_place = InPlaceEdit{*name, std::move(*planned)};
  change.scope.zones.push_back(*name);
  if (Status st = commit_(std::move(change)); !st) return st;
  return name;
}

Result<std::string> RuntimeZones::add_item(const std::string& zone, const ZoneItem& item,
                                           int timeout) {
  if (Status st = check_rich_rule(item); !st) return st;
  auto name = resolve(zone);
  if (!name) return name;
  if (Status st = check_timeout(timeout); !st) return st;
  auto added = edit(*name, item, true);
  if (!added) return added;
  // A rich rule's answer, signal and timer carry the zone as given (fw_zone.add_rule).
  std::string answer = item.kind == ZoneElement::RichRule ? zone : *name;
  if (timeout > 0) timers_.start({answer, item}, clock_() + std::chrono::seconds(timeout));
  return answer;
}

Result<std::string> RuntimeZones::remove_item(const std::string& zone, const ZoneItem& item) {
  if (Status st = check_rich_rule(item); !st) return st;
  auto removed = edit(zone, item, false);
  if (!removed) return removed;
  std::string answer = item.kind == ZoneElement::RichRule ? zone : *removed;
  timers_.cancel({answer, item});  // firewalld's removeTimeout
  return answer;
}

Result<bool> RuntimeZones::query_item(const std::string& zone, const ZoneItem& item) const {
  if (Status st = check_rich_rule(item); !st) return st;
  auto name = resolve(zone);
  if (!name) return name;
  return core::query_zone_item(runtime_.zones.at(*name).value, item, runtime_);
}

// Several items, possibly of one zone: each zone edited on a copy (expiry is rare).
Result<std::vector<TimedItem>> RuntimeZones::expire(SteadyTime now) {
  std::vector<TimedItem> removed;
  RuntimeChange change;
  for (TimedItem& due : timers_.take_due(now)) {
    // firewalld resolves "" (a rich rule's zone) when the timer fires.
    const std::string& name = due.zone.empty() ? default_zone() : due.zone;
    auto it = runtime_.zones.find(name);
    if (it == runtime_.zones.end()) continue;
    auto edited = change.zones.try_emplace(name, it->second.value).first;
    if (!core::remove_zone_item(edited->second, name, due.item, runtime_)) continue;
    if (std::find(change.scope.zones.begin(), change.scope.zones.end(), name) ==
        change.scope.zones.end()) {
      change.scope.zones.push_back(name);
    }
    removed.push_back(std::move(due));
  }
  if (removed.empty()) return removed;
  if (Status st = commit_(std::move(change)); !st) return st;
  return removed;
}

void RuntimeZones::loaded(compiler::RuntimeBindings bindings) {
  bindings_ = std::move(bindings);
  std::erase_if(nm_interfaces_, [this](const std::string& interface) {
    return zone_of_interface(interface).empty();
  });
}

// firewalld moves each runtime interface back into the zone it had (change_zone_of_interface).
void RuntimeZones::keep_interfaces(const model::Config& config,
                                   compiler::RuntimeBindings& next) const {
  for (const auto& [zone, interfaces] : bindings_.interfaces) {
    if (!config.zones.count(zone)) continue;  // "Lost zone": its interfaces are dropped
    for (const auto& interface : interfaces) {
      unbind_everywhere(next, interface);
      next.interfaces[zone].push_back(interface);
    }
  }
}

// firewalld's reload asks NetworkManager for the zone of each active connection and binds its
// interface again as NetworkManager's (fw.py, "Restore permanent interfaces from
// NetworkManager").
void RuntimeZones::keep_nm_interfaces(const model::Config& config,
                                      compiler::RuntimeBindings& next) const {
  for (const auto& interface : nm_interfaces_) {
    std::string zone = zone_of_interface(interface);
    if (std::count(default_zone_interfaces_.begin(), default_zone_interfaces_.end(), interface))
      zone = next.default_zone;
    if (zone.empty() || !config.zones.count(zone)) continue;
    unbind_everywhere(next, interface);
    next.interfaces[zone].push_back(interface);
  }
}

void RuntimeZones::restore(Saved saved) {
  default_zone_interfaces_ = std::move(saved.default_zone_interfaces);
  nm_interfaces_ = std::move(saved.nm_interfaces);
  timers_ = std::move(saved.timers);
}

}  // namespace fwctl::core
