#pragma once
// org.fedoraproject.FirewallD1.ipset on /org/fedoraproject/FirewallD1: the runtime ipsets and
// their entries (addEntry/removeEntry/setEntries emitting EntryAdded/EntryRemoved).

#include "bus/glue.hpp"
#include "bus/policy_settings.hpp"
#include "bus/served.hpp"
#include "core/firewall.hpp"

namespace fwctl::bus {

class IpSetAdaptor final : public glue::FirewallD1_ipset, private Served {
 public:
  IpSetAdaptor(sdbus::IObject& object, Authorizer& authorizer, core::Firewall& firewall)
      : glue::FirewallD1_ipset(object), Served(object, authorizer, INTERFACE_NAME), fw_(firewall) {}

 private:
  using Strings = std::vector<std::string>;

  void queryIPSet(sdbus::Result<bool>&& result, std::string ipset) override;
  void getIPSets(sdbus::Result<Strings>&& result) override;
  void getIPSetSettings(sdbus::Result<IpSetTuple>&& result, std::string ipset) override;
  void addEntry(sdbus::Result<>&& result, std::string ipset, std::string entry) override;
  void removeEntry(sdbus::Result<>&& result, std::string ipset, std::string entry) override;
  void queryEntry(sdbus::Result<bool>&& result, std::string ipset, std::string entry) override;
  void getEntries(sdbus::Result<Strings>&& result, std::string ipset) override;
  void setEntries(sdbus::Result<>&& result, std::string ipset, Strings entries) override;

  core::Firewall& fw_;
};

}  // namespace fwctl::bus
