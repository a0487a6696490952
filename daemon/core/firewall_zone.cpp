// Firewall's runtime changes of a zone's elements, with timeouts (firewalld's fw_zone add_*,
// remove_*, query_* and the D-Bus layer's timers).

#include <algorithm>
#include <chrono>

#include "compiler/compiler.hpp"
#include "compiler/policy_order.hpp"
#include "core/firewall.hpp"
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

Status Firewall::apply_zone_change(model::Config next, const std::string& zone) {
  ChangeScope scope;
  scope.zones.push_back(zone);
  return apply_runtime(std::move(next), bindings_, &scope);
}

Status Firewall::apply_runtime(model::Config next, compiler::RuntimeBindings bindings,
                               const ChangeScope* scope) {
  // firewalld's check_panic: no zone change while panic mode is on (the panic table stays).
  if (Status st = check_panic(); !st) return st;
  next.conf.default_zone = bindings.default_zone;
  compiler::order_interfaces(bindings_, bindings);
  compiler::order_policy_elements(runtime_, next, bindings);
  auto ruleset = compiler::compile(next, bindings);
  if (!ruleset) return ruleset;
  if (Status st = kernel_.apply(with_panic_state(std::move(*ruleset)), scope); !st) return st;
  auto before = forwarding_needs();
  runtime_ = std::move(next);
  bindings_ = std::move(bindings);
  enable_ip_forwarding(before);
  return ok();
}

// The edit on a copy of the runtime configuration, applied as one batch scoped to the zone.
Result<std::string> Firewall::zone_edit(const std::string& zone, const ZoneItem& item, bool add) {
  auto name = resolve_zone(zone);
  if (!name) return name;
  model::Config next = runtime_;
  auto& target = next.zones.at(*name).value;
  Status st = add ? core::add_zone_item(target, *name, item, next)
                  : core::remove_zone_item(target, *name, item, next);
  if (!st) return st;
  if (Status applied = apply_zone_change(std::move(next), *name); !applied) {
    return applied;
  }
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
  model::Config next = runtime_;
  ChangeScope scope;
  for (TimedItem& due : timers_.take_due(now)) {
    // firewalld resolves "" (a rich rule's zone) when the timer fires.
    const std::string& name = due.zone.empty() ? default_zone() : due.zone;
    auto it = next.zones.find(name);
    if (it == next.zones.end()) continue;
    if (!core::remove_zone_item(it->second.value, name, due.item, next)) continue;
    if (std::find(scope.zones.begin(), scope.zones.end(), name) == scope.zones.end()) {
      scope.zones.push_back(name);
    }
    removed.push_back(std::move(due));
  }
  if (removed.empty()) return removed;
  if (Status st = apply_runtime(std::move(next), bindings_, &scope); !st) {
    return st;
  }
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

Result<std::string> Firewall::remove_service(const std::string& zone,
                                             const std::string& service) {
  return remove_zone_item(zone, {ZoneElement::Service, {service}});
}

Result<bool> Firewall::query_service(const std::string& zone, const std::string& service) const {
  return query_zone_item(zone, {ZoneElement::Service, {service}});
}

}  // namespace fwctl::core
