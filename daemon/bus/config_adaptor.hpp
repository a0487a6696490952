#pragma once
// org.fedoraproject.FirewallD1.config on /org/fedoraproject/FirewallD1/config: the names of the
// permanent items and firewalld.conf's values as properties. Reads only for now: the per-item
// config objects (/config/zone/N ...) and the property setters come with permanent changes.

#include "bus/served.hpp"
#include "bus_glue/unimplemented.hpp"
#include "core/firewall.hpp"

namespace fwctl::bus {

class ConfigAdaptor final : public glue::FirewallD1_config, private Served {
 public:
  ConfigAdaptor(sdbus::IObject& object, Authorizer& authorizer, core::Firewall& firewall)
      : glue::FirewallD1_config(object),
        Served(object, authorizer, INTERFACE_NAME),
        fw_(firewall) {}

 private:
  using Strings = std::vector<std::string>;

  void getIPSetNames(sdbus::Result<std::vector<std::string>>&& result) override;
  void getIcmpTypeNames(sdbus::Result<std::vector<std::string>>&& result) override;
  void getServiceNames(sdbus::Result<std::vector<std::string>>&& result) override;
  void getZoneNames(sdbus::Result<std::vector<std::string>>&& result) override;
  void getZoneOfInterface(sdbus::Result<std::string>&& result, std::string iface) override;
  void getZoneOfSource(sdbus::Result<std::string>&& result, std::string source) override;
  void getPolicyNames(sdbus::Result<std::vector<std::string>>&& result) override;
  void getHelperNames(sdbus::Result<std::vector<std::string>>&& result) override;

  // Each property's getter and its setter (overridden together: a getter alone would hide the
  // setter of the same name). The setters answer "not implemented yet".
  std::string DefaultZone() override;
  int32_t MinimalMark() override;
  void MinimalMark(const int32_t& value) override;
  std::string CleanupOnExit() override;
  void CleanupOnExit(const std::string& value) override;
  std::string CleanupModulesOnExit() override;
  void CleanupModulesOnExit(const std::string& value) override;
  std::string Lockdown() override;
  void Lockdown(const std::string& value) override;
  std::string IPv6_rpfilter() override;
  void IPv6_rpfilter(const std::string& value) override;
  std::string IndividualCalls() override;
  void IndividualCalls(const std::string& value) override;
  std::string LogDenied() override;
  void LogDenied(const std::string& value) override;
  std::string AutomaticHelpers() override;
  void AutomaticHelpers(const std::string& value) override;
  std::string FirewallBackend() override;
  void FirewallBackend(const std::string& value) override;
  std::string FlushAllOnReload() override;
  void FlushAllOnReload(const std::string& value) override;
  std::string RFC3964_IPv4() override;
  void RFC3964_IPv4(const std::string& value) override;
  std::string AllowZoneDrifting() override;
  void AllowZoneDrifting(const std::string& value) override;

  const model::FirewalldConf& conf() const { return fw_.permanent().conf; }

  core::Firewall& fw_;
};

}  // namespace fwctl::bus
