#pragma once
// org.fedoraproject.FirewallD1 on /org/fedoraproject/FirewallD1: state, default zone, the
// runtime lists of services and ICMP types, reload, and the read-only properties.

#include <functional>

#include "bus/config_settings.hpp"
#include "bus/glue.hpp"
#include "bus/served.hpp"
#include "bus/settings_dict.hpp"
#include "core/firewall.hpp"

namespace fwctl::bus {

class ConfigObjects;

class FirewallAdaptor final : public glue::FirewallD1, private Served {
 public:
  FirewallAdaptor(sdbus::IObject& object, Authorizer& authorizer, core::Firewall& firewall)
      : glue::FirewallD1(object), Served(object, authorizer, INTERFACE_NAME), fw_(firewall) {}

  // Re-reads and re-applies everything, then signals Reloaded (D-Bus reload, SIGHUP). On failure
  // nothing changed and nothing is signalled.
  Status reload_and_signal();

  // The /config item objects: renumbered on reload (as firewalld does), and told about what
  // runtimeToPermanent writes. Unset: neither happens.
  void set_config_objects(ConfigObjects* objects) { config_objects_ = objects; }
  // Called after every reload that put the files in force (the config watcher re-arms).
  void set_on_reloaded(std::function<void()> callback) { on_reloaded_ = std::move(callback); }

 private:
  template <typename T>
  using Reply = sdbus::Result<T>&&;
  using Strings = std::vector<std::string>;

  void reload(sdbus::Result<>&& result) override;
  void runtimeToPermanent(sdbus::Result<>&& result) override;
  void checkPermanentConfig(sdbus::Result<>&& result) override;
  void completeReload(sdbus::Result<>&& result) override;
  void queryPanicMode(Reply<bool> result) override;
  void getZoneSettings(Reply<ZoneTuple> result, std::string zone) override;
  void listServices(Reply<Strings> result) override;
  void getServiceSettings(Reply<ServiceTuple> result, std::string service) override;
  void getServiceSettings2(Reply<std::map<std::string, sdbus::Variant>> result,
                           std::string service) override;
  void listIcmpTypes(Reply<Strings> result) override;
  void getIcmpTypeSettings(Reply<IcmpTypeTuple> result, std::string icmptype) override;
  void getLogDenied(Reply<std::string> result) override;
  void getAutomaticHelpers(Reply<std::string> result) override;
  void getDefaultZone(Reply<std::string> result) override;
  void setDefaultZone(sdbus::Result<>&& result, std::string zone) override;
  void authorizeAll(sdbus::Result<>&& result) override;
  void getHelpers(Reply<Strings> result) override;
  void getHelperSettings(Reply<HelperTuple> result, std::string helper) override;
  // Panic mode, log-denied, automatic helpers, reset (feat/policy-ipset).
  void enablePanicMode(sdbus::Result<>&& result) override;
  void disablePanicMode(sdbus::Result<>&& result) override;
  void setLogDenied(sdbus::Result<>&& result, std::string value) override;
  void setAutomaticHelpers(sdbus::Result<>&& result, std::string value) override;
  void resetToDefaults(sdbus::Result<>&& result) override;

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
  ConfigObjects* config_objects_ = nullptr;
  std::function<void()> on_reloaded_;
};

}  // namespace fwctl::bus
