#include "core/runtime_policies.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "common/lists.hpp"
#include "config/port_range.hpp"
#include "core/permanent_edit.hpp"
#include "model/config_check.hpp"
#include "model/rich_rule.hpp"
#include "model/validate.hpp"

namespace fwctl::core {
namespace {

// import_config_dict: a list given replaces the old one, repeats dropped, order kept.
template <typename T>
void replace_with(std::vector<T>& field, const std::optional<std::vector<T>>& given) {
  if (!given) return;
  field.clear();
  for (const auto& value : *given) {
    if (!contains(field, value)) field.push_back(value);
  }
}

// The policy as firewalld's check object sees it: `old` with every given key replaced.
Result<model::Policy> imported(model::Policy policy, const PolicyUpdate& update) {
  replace_with(policy.services, update.services);
  replace_with(policy.ports, update.ports);
  replace_with(policy.icmp_blocks, update.icmp_blocks);
  if (update.masquerade) policy.masquerade = *update.masquerade;
  if (update.disable) policy.disable = *update.disable;
  replace_with(policy.forward_ports, update.forward_ports);
  replace_with(policy.protocols, update.protocols);
  replace_with(policy.source_ports, update.source_ports);
  replace_with(policy.ingress_zones, update.ingress_zones);
  replace_with(policy.egress_zones, update.egress_zones);
  if (update.rich_rules) {
    policy.rules.clear();
    for (const auto& text : *update.rich_rules) {
      auto rule = model::parse_rich_rule(text);
      if (!rule) return rule;
      if (!contains(policy.rules, *rule)) policy.rules.push_back(std::move(*rule));
    }
  }
  auto target = update.strings.find("target");
  if (target != update.strings.end()) policy.target = target->second;
  return policy;
}

// get_added_and_removed_settings + the add/remove calls: what `want` no longer has goes, what
// it adds comes after the kept entries.
template <typename T>
void merge_list(std::vector<T>& have, const std::vector<T>& want) {
  std::erase_if(have, [&](const T& value) { return !contains(want, value); });
  for (const auto& value : want) {
    if (!contains(have, value)) have.push_back(value);
  }
}

// The same for ports, added one by one as fw_policy.add_port does: a port covered by one of
// its protocol is ALREADY_ENABLED, one that overlaps others is merged with them.
Status merge_ports(std::vector<model::PortProto>& have, const std::vector<model::PortProto>& want,
                   const std::string& policy) {
  std::erase_if(have, [&](const auto& value) { return !contains(want, value); });
  for (const auto& port : want) {
    if (contains(have, port)) continue;
    auto range = model::parse_port_range(port.port);
    if (!range) return range;
    std::vector<model::PortRange> existing;
    for (const auto& p : have) {
      if (p.protocol != port.protocol) continue;
      auto r = model::parse_port_range(p.port);
      if (!r) continue;
      if (r->first <= range->first && range->last <= r->last) {
        return fail(Code::ALREADY_ENABLED,
                    "'" + port.port + ":" + port.protocol + "' already in '" + policy + "'");
      }
      existing.push_back(*r);
    }
    auto merged = config::coalesce_port_range(*range, existing);
    for (const auto& gone : merged.removed) {
      std::erase(have, model::PortProto{config::to_string(gone), port.protocol});
    }
    have.push_back({config::to_string(merged.merged), port.protocol});
  }
  return ok();
}

Result<model::Policy> merged(model::Policy have, const model::Policy& want,
                             const PolicyUpdate& update) {
  const std::string& name = have.info.name;
  if (update.services) merge_list(have.services, want.services);
  if (update.ports) {
    if (Status st = merge_ports(have.ports, want.ports, name); !st) return st;
  }
  if (update.icmp_blocks) merge_list(have.icmp_blocks, want.icmp_blocks);
  if (update.masquerade) have.masquerade = want.masquerade;
  if (update.disable) have.disable = want.disable;
  if (update.forward_ports) merge_list(have.forward_ports, want.forward_ports);
  if (update.rich_rules) merge_list(have.rules, want.rules);
  if (update.protocols) merge_list(have.protocols, want.protocols);
  if (update.source_ports) {
    Status st = merge_ports(have.source_ports, want.source_ports, name);
    if (!st) return st;
  }
  if (update.ingress_zones) merge_list(have.ingress_zones, want.ingress_zones);
  if (update.egress_zones) merge_list(have.egress_zones, want.egress_zones);
  return have;
}

// The policy's own checks, then those that look at other items (firewalld's full_check_config
// with the check object in place of the policy). firewalld checks against its runtime zones,
// whose interfaces are those bound now (fw_zone registers each runtime binding in the zone): a
// forward port or mark towards a zone given an interface at runtime is refused (suite cases
// 178 and 182).
Status check_imported(const model::Policy& policy, const PolicyUpdate& update,
                      const model::Config& runtime, const compiler::RuntimeBindings& bindings) {
  if (update.priority) {
    if (Status st = check_given_policy_priority(policy.info.name, *update.priority); !st) {
      return st;
    }
  }
  if (Status st = model::check_policy(policy); !st) return st;
  model::Config with = runtime;
  with.policies.at(policy.info.name).value = policy;
  for (auto& [name, zone] : with.zones) {
    auto bound = bindings.interfaces.find(name);
    zone.value.interfaces =
        bound == bindings.interfaces.end() ? std::vector<std::string>{} : bound->second;
  }
  auto problems = model::check_references(with);
  if (!problems.empty()) return Unexpected{problems.front()};
  return ok();
}

bool is_active(const std::vector<std::string>& zones, const std::set<std::string>& active) {
  return std::any_of(zones.begin(), zones.end(), [&](const auto& z) { return active.count(z); });
}

}  // namespace

Result<const model::Policy*> RuntimePolicies::policy(const std::string& name) const {
  auto it = runtime_.policies.find(name);
  if (it == runtime_.policies.end()) return fail(Code::INVALID_POLICY, name);
  return &it->second.value;
}

std::vector<ActivePolicy> RuntimePolicies::active(const compiler::RuntimeBindings& bindings) const {
  std::set<std::string> active = {"HOST", "ANY"};
  auto bound = [](const auto& map, const std::string& zone) {
    auto it = map.find(zone);
    return it != map.end() && !it->second.empty();
  };
  for (const auto& [zone, item] : runtime_.zones) {
    if (bound(bindings.interfaces, zone) || bound(bindings.sources, zone)) active.insert(zone);
  }
  std::vector<ActivePolicy> out;
  for (const auto& [name, item] : runtime_.policies) {
    const auto& p = item.value;
    if (p.disable) continue;  // firewalld 2.4: a disabled policy never goes active
    if (is_active(p.ingress_zones, active) && is_active(p.egress_zones, active)) {
      out.push_back({name, p.ingress_zones, p.egress_zones});
    }
  }
  return out;
}

Result<std::optional<RuntimeChange>> RuntimePolicies::change_settings(
    const std::string& name, const PolicyUpdate& update,
    const compiler::RuntimeBindings& bindings) const {
  auto current = policy(name);
  if (!current) return current;
  auto want = imported(**current, update);
  if (!want) return want;
  if (Status st = check_imported(*want, update, runtime_, bindings); !st) return st;
  if (!update.strings.empty()) {  // firewalld has no runtime setter for these
    return fail(Code::INVALID_SETTING,
                "Unhandled setting type <class 'str'> key " + update.strings.begin()->first);
  }
  auto next_policy = merged(**current, *want, update);
  if (!next_policy) return next_policy;
  if (*next_policy == **current) return std::optional<RuntimeChange>{};
  RuntimeChange change;
  change.policies.emplace(name, std::move(*next_policy));
  change.scope.policies.push_back(name);
  change.scope.shared_chains = true;  // ingress and egress zones are dispatched from there
  return std::optional<RuntimeChange>{std::move(change)};
}

}  // namespace fwctl::core
