#pragma once
// org.fedoraproject.FirewallD1.policy on /org/fedoraproject/FirewallD1: the runtime policies
// (getPolicies, getActivePolicies, getPolicySettings, setPolicySettings + PolicyUpdated).

#include "bus/glue.hpp"
#include "bus/served.hpp"
#include "bus/settings_dict.hpp"
#include "core/firewall.hpp"

namespace fwctl::bus {

class PolicyAdaptor final : public glue::FirewallD1_policy, private Served {
 public:
  PolicyAdaptor(sdbus::IObject& object, Authorizer& authorizer, core::Firewall& firewall)
      : glue::FirewallD1_policy(object),
        Served(object, authorizer, INTERFACE_NAME),
        fw_(firewall) {}

 private:
  using ActiveMap = std::map<std::string, std::map<std::string, std::vector<std::string>>>;

  void getPolicySettings(sdbus::Result<Dict>&& result, std::string policy) override;
  void setPolicySettings(sdbus::Result<>&& result, std::string policy, Dict settings) override;
  void getPolicies(sdbus::Result<std::vector<std::string>>&& result) override;
  void getActivePolicies(sdbus::Result<ActiveMap>&& result) override;

  core::Firewall& fw_;
};

}  // namespace fwctl::bus
