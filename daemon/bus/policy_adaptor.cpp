#include "bus/policy_adaptor.hpp"

#include "bus/error_map.hpp"
#include "bus/policy_settings.hpp"

namespace fwctl::bus {

void PolicyAdaptor::getPolicySettings(sdbus::Result<Dict>&& result, std::string policy) {
  serve(std::move(result), "getPolicySettings",
        [this, policy] { return policy_dict(*value_or_throw(fw_.policy(policy))); });
}

// PolicyUpdated carries the settings as the caller gave them, as firewalld's does.
void PolicyAdaptor::setPolicySettings(sdbus::Result<>&& result, std::string policy,
                                      Dict settings) {
  serve(std::move(result), "setPolicySettings", [this, policy, settings] {
    value_or_throw(fw_.policy(policy));
    value_or_throw(fw_.set_policy_settings(policy, value_or_throw(policy_update(settings))));
    emitPolicyUpdated(policy, settings);
  });
}

void PolicyAdaptor::getPolicies(sdbus::Result<std::vector<std::string>>&& result) {
  serve(std::move(result), "getPolicies", [this] { return fw_.policy_names(); });
}

void PolicyAdaptor::getActivePolicies(sdbus::Result<ActiveMap>&& result) {
  serve(std::move(result), "getActivePolicies", [this] {
    ActiveMap out;
    for (const auto& active : fw_.active_policies()) {
      out[active.policy] = {{"ingress_zones", active.ingress_zones},
                            {"egress_zones", active.egress_zones}};
    }
    return out;
  });
}

}  // namespace fwctl::bus
