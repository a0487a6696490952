#include "bus/policy_adaptor.hpp"

#include "bus/error_map.hpp"
#include "bus/policy_settings.hpp"

namespace fwctl::bus {

void PolicyAdaptor::getPolicySettings(sdbus::Result<Dict>&& result, std::string policy) {
  serve(std::move(result), "getPolicySettings",
        [this, policy] { return policy_dict(*value_or_throw(fw_.policy(policy))); });
}

// PolicyUpdated carries the settings as the caller gave them, as firewalld's does.
void PolicyAdaptor::setPolicySettings(sdbus::Result<>&& result, std::string policy, Dict settings) {
  serve(std::move(result), "setPolicySettings", [this, policy, settings] {
    value_or_throw(fw_.policy(policy));
    value_or_throw(fw_.set_policy_settings(policy, value_or_throw(policy_update(settings))));
    emitPolicyUpdated(policy, settings);
  });
}

void PolicyAdaptor::getPolicies(sdbus::Result<std::vector<std::string>>&& result) {
  serve(std::move(result), "getPolicies", [this] { return fw_.policy_names(); });
}

// firewalld's dict names each policy's ingress_zones before its egress_zones; sdbus-c++ would sort
// them (egress first), and clients print the dict as it comes.
void PolicyAdaptor::getActivePolicies(sdbus::Result<ActiveMap>&& result) {
  serve_written(std::move(result), "getActivePolicies", [this](sdbus::MethodReply& reply) {
    reply.openContainer("{sa{sas}}");
    for (const auto& active : fw_.active_policies()) {
      reply.openDictEntry("sa{sas}");
      reply << active.policy;
      reply.openContainer("{sas}");
      for (const auto& [key, zones] : {std::pair{"ingress_zones", &active.ingress_zones},
                                       std::pair{"egress_zones", &active.egress_zones}}) {
        reply.openDictEntry("sas");
        reply << std::string(key) << *zones;
        reply.closeDictEntry();
      }
      reply.closeContainer();
      reply.closeDictEntry();
    }
    reply.closeContainer();
  });
}

}  // namespace fwctl::bus
