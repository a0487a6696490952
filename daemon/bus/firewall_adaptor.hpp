#pragma once
// org.fedoraproject.FirewallD1 on /org/fedoraproject/FirewallD1: state, default zone, the
// runtime lists of services and ICMP types, reload, and the read-only properties.

#include "bus/settings_dict.hpp"
#include "bus_glue/unimplemented.hpp"
#include "core/firewall.hpp"

namespace fwctl::bus {

class FirewallAdaptor final : public glue::FirewallD1 {
 public:
  FirewallAdaptor(sdbus::IObject& object, core::Firewall& firewall)
      : glue::FirewallD1(object), fw_(firewall) {}

  // Re-reads and re-applies everything, then signals Reloaded (D-Bus reload, SIGHUP). On failure
  // nothing changed and nothing is signalled.
  Status reload_and_signal();

 private:
  void reload() override;
  void completeReload() override;
  bool queryPanicMode() override;
  ZoneTuple getZoneSettings(const std::string& zone) override;
  std::vector<std::string> listServices() override;
  ServiceTuple getServiceSettings(const std::string& service) override;
  std::map<std::string, sdbus::Variant> getServiceSettings2(const std::string& service) override;
  std::vector<std::string> listIcmpTypes() override;
  IcmpTypeTuple getIcmpTypeSettings(const std::string& icmptype) override;
  std::string getLogDenied() override;
  std::string getAutomaticHelpers() override;
  std::string getDefaultZone() override;
  void authorizeAll() override;
  std::vector<std::string> getHelpers() override;

  std::string version() override;
  std::string interface_version() override;
  std::string state() override;
  bool IPv4() override;
  bool IPv6() override;
  bool IPv6_rpfilter() override;
  bool BRIDGE() override;
  bool IPSet() override;
  std::vector<std::string> IPSetTypes() override;
  bool nf_conntrack_helper_setting() override;
  std::map<std::string, std::vector<std::string>> nf_conntrack_helpers() override;
  std::map<std::string, std::vector<std::string>> nf_nat_helpers() override;
  std::vector<std::string> IPv4ICMPTypes() override;
  std::vector<std::string> IPv6ICMPTypes() override;

  core::Firewall& fw_;
};

}  // namespace fwctl::bus
