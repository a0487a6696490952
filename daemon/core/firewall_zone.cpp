// Firewall's runtime changes of a zone's elements, with timeouts (firewalld's fw_zone add_*,
// remove_*, query_* and the D-Bus layer's timers).

#include <algorithm>
#include <chrono>

#include "core/firewall.hpp"
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

}  // namespace

// The edit on a copy of the zone, committed as one batch scoped to the zone.
Result<std::string> Firewall::zone_edit(const std::string& zone, const ZoneItem& item, bool add) {
  auto name = resolve_zone(zone);
  if (!name) return name;
  model::Zone target = runtime_.zones.at(*name).value;
  Status st = add ? core::add_zone_item(target, *name, item, runtime_)
                  : core::remove_zone_item(target, *name, item, runtime_);
  if (!st) return st;
  RuntimeChange change;
  change.element = zone_element_edit(*name, item.kind, runtime_.zones.at(*name).value, target);
  change.zones.emplace(*name, std::move(target));
  change.scope.zones.push_back(*name);
  if (Status applied = commit_runtime(std::move(change)); !applied) return applied;
  return name;
}

Result<std::string> Firewall::add_zone_item(const std::string& zone, const ZoneItem& item,
                                            int timeout) {
  // firewalld parses a rich rule before it looks at the zone.
  if (item.kind == ZoneElement::RichRule && !item.args.empty()) {
    if (auto rule = model::parse_rich_rule(item.args[0]); !rule) return rule;
  }
  auto name = resolve_zone(zone);
  if (!name) return name;
  if (Status st = check_timeout(timeout); !st) return st;
  auto added = zone_edit(*name, item, true);
  if (!added) return added;
  // A rich rule's answer, signal and timer carry the zone as given (fw_zone.add_rule).
  std::string answer = item.kind == ZoneElement::RichRule ? zone : *name;
  if (timeout > 0) timers_.start({answer, item}, clock_() + std::chrono::seconds(timeout));
  return answer;
}

Result<std::string> Firewall::remove_zone_item(const std::string& zone, const ZoneItem& item) {
  if (item.kind == ZoneElement::RichRule && !item.args.empty()) {
    if (auto rule = model::parse_rich_rule(item.args[0]); !rule) return rule;
  }
  auto removed = zone_edit(zone, item, false);
  if (!removed) return removed;
  std::string answer = item.kind == ZoneElement::RichRule ? zone : *removed;
  timers_.cancel({answer, item});  // firewalld's removeTimeout
  return answer;
}

Result<bool> Firewall::query_zone_item(const std::string& zone, const ZoneItem& item) const {
  if (item.kind == ZoneElement::RichRule && !item.args.empty()) {
    if (auto rule = model::parse_rich_rule(item.args[0]); !rule) return rule;
  }
  auto name = resolve_zone(zone);
  if (!name) return name;
  return core::query_zone_item(runtime_.zones.at(*name).value, item, runtime_);
}

Result<std::vector<TimedItem>> Firewall::expire(SteadyTime now) {
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
  if (Status st = commit_runtime(std::move(change)); !st) return st;
  return removed;
}

// The shorthands firewall.hpp declared first.

Result<std::string> Firewall::add_port(const std::string& zone, const std::string& port,
                                       const std::string& protocol, int timeout) {
  return add_zone_item(zone, {ZoneElement::Port, {port, protocol}}, timeout);
}

Result<std::string> Firewall::remove_port(const std::string& zone, const std::string& port,
                                          const std::string& protocol) {
  return remove_zone_item(zone, {ZoneElement::Port, {port, protocol}});
}

Result<bool> Firewall::query_port(const std::string& zone, const std::string& port,
                                  const std::string& protocol) const {
  return query_zone_item(zone, {ZoneElement::Port, {port, protocol}});
}

Result<std::string> Firewall::add_service(const std::string& zone, const std::string& service,
                                          int timeout) {
  return add_zone_item(zone, {ZoneElement::Service, {service}}, timeout);
}

Result<std::string> Firewall::remove_service(const std::string& zone, const std::string& service) {
  return remove_zone_item(zone, {ZoneElement::Service, {service}});
}

Result<bool> Firewall::query_service(const std::string& zone, const std::string& service) const {
  return query_zone_item(zone, {ZoneElement::Service, {service}});
}

}  // namespace fwctl::core
