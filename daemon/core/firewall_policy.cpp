// Firewall's part in the runtime policies: the calls that go to core::RuntimePolicies (the
// policies' rules are its own; its changes go through commit_runtime).

#include "core/firewall_policy.hpp"

#include "core/firewall.hpp"
#include "model/rich_rule.hpp"

namespace fwctl::core {

std::vector<std::string> rich_rule_texts(const model::Policy& policy) {
  std::vector<std::string> out;
  for (const auto& rule : policy.rules) out.push_back(model::to_string(rule));
  return out;
}

Result<const model::Policy*> Firewall::policy(const std::string& name) const {
  return policies_.policy(name);
}

std::vector<ActivePolicy> Firewall::active_policies() const {
  return policies_.active(zones_.bindings());
}

// A change that leaves the policy as it is succeeds in panic mode too; commit_runtime refuses
// the others then.
Status Firewall::set_policy_settings(const std::string& name, const PolicyUpdate& update) {
  auto change = policies_.change_settings(name, update, zones_.bindings());
  if (!change) return change;
  if (!*change) return ok();
  return commit_runtime(std::move(**change));
}

}  // namespace fwctl::core
