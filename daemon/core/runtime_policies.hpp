#pragma once
// The runtime policies, as firewalld 1.3.3's fw_policy (get_policies_not_derived_from_zone,
// get_active_policies_not_derived_from_zone, set_config_with_settings_dict). A part of
// core::Firewall (docs/architecture.md, "The parts of core"): it reads the policies and
// describes a change of one as a RuntimeChange; the firewall's commit point sends it and swaps the
// policy in only once the kernel accepted it. The policies stay in the runtime configuration,
// which the compiler reads and the whole loads replace: the part is given a view of it (their
// checks look at the zones and the other items too).
//
//   RuntimePolicies policies(runtime);
//   auto change = policies.change_settings("allow-host-ipv6", update, bindings);
//   if (change && *change) commit_runtime(std::move(**change));   // nullopt: nothing changes

#include <optional>
#include <string>
#include <vector>

#include "common/result.hpp"
#include "compiler/bindings.hpp"
#include "core/firewall_policy.hpp"
#include "core/runtime_change.hpp"
#include "model/config.hpp"

namespace fwctl::core {

class RuntimePolicies {
 public:
  // `runtime`: the runtime configuration (it outlives the part).
  explicit RuntimePolicies(const model::Config& runtime) : runtime_(runtime) {}

  // INVALID_POLICY for an unknown policy.
  Result<const model::Policy*> policy(const std::string& name) const;
  // Policies with an ingress and an egress zone in force (HOST, ANY or a zone `bindings` gives
  // an interface or a source), by name.
  std::vector<ActivePolicy> active(const compiler::RuntimeBindings& bindings) const;

  // firewalld's setPolicySettings: the keys given are checked as a whole (the policy's own
  // checks, then its references with the zones' interfaces those of `bindings`; INVALID_SETTING
  // for version/short/description/target), then each list becomes the one given: entries it no
  // longer has are removed, new ones added after the kept ones (ports and source ports
  // coalesced, ALREADY_ENABLED when one is covered). The change, refused in panic mode by the
  // commit point; nullopt when the policy stays as it is (allowed in panic mode). The priority is
  // checked but, as in firewalld, not changed at runtime.
  Result<std::optional<RuntimeChange>> change_settings(
      const std::string& name, const PolicyUpdate& update,
      const compiler::RuntimeBindings& bindings) const;

 private:
  const model::Config& runtime_;
};

}  // namespace fwctl::core
