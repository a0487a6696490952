#pragma once
// org.fedoraproject.FirewallD1.config on /org/fedoraproject/FirewallD1/config: the permanent
// items (their names, their objects, new ones) and firewalld.conf's values as properties, which
// Set writes to firewalld.conf (the runtime follows on reload), signalling PropertiesChanged.

#include "bus/config_objects.hpp"
#include "bus/config_settings.hpp"
#include "bus/glue.hpp"
#include "bus/served.hpp"
#include "core/firewall.hpp"

namespace fwctl::bus {

class ConfigAdaptor final : public glue::FirewallD1_config, private Served {
 public:
  ConfigAdaptor(sdbus::IObject& object, Authorizer& authorizer, core::Permanent& store,
                ConfigObjects& objects)
      : glue::FirewallD1_config(object),
        Served(object, authorizer, INTERFACE_NAME),
        store_(store),
        objects_(objects),
        object_(object) {}

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

  using Path = sdbus::ObjectPath;
  using Paths = std::vector<sdbus::ObjectPath>;
  void listIPSets(sdbus::Result<Paths>&& result) override;
  void getIPSetByName(sdbus::Result<Path>&& result, std::string ipset) override;
  void addIPSet(sdbus::Result<Path>&& result, std::string ipset, IpSetTuple settings) override;
  void listIcmpTypes(sdbus::Result<Paths>&& result) override;
  void getIcmpTypeByName(sdbus::Result<Path>&& result, std::string icmptype) override;
  void addIcmpType(sdbus::Result<Path>&& result, std::string icmptype,
                   IcmpTypeTuple settings) override;
  void listServices(sdbus::Result<Paths>&& result) override;
  void getServiceByName(sdbus::Result<Path>&& result, std::string service) override;
  void addService(sdbus::Result<Path>&& result, std::string service,
                  ServiceTuple settings) override;
  void addService2(sdbus::Result<Path>&& result, std::string service, Dict settings) override;
  void listZones(sdbus::Result<Paths>&& result) override;
  void getZoneByName(sdbus::Result<Path>&& result, std::string zone) override;
  void addZone(sdbus::Result<Path>&& result, std::string zone, ZoneTuple settings) override;
  void addZone2(sdbus::Result<Path>&& result, std::string zone, Dict settings) override;
  void listPolicies(sdbus::Result<Paths>&& result) override;
  void getPolicyByName(sdbus::Result<Path>&& result, std::string policy) override;
  void addPolicy(sdbus::Result<Path>&& result, std::string policy, Dict settings) override;
  void listHelpers(sdbus::Result<Paths>&& result) override;
  void getHelperByName(sdbus::Result<Path>&& result, std::string helper) override;
  void addHelper(sdbus::Result<Path>&& result, std::string helper, HelperTuple settings) override;

  // The object of item `name` of kind T; the kind's INVALID_* error when there is none.
  template <typename T>
  Path path_of(const std::string& name) const;
  // A new item: firewalld's name checks, then `fill` on a fresh item, then the store's checks;
  // its object is created and <Kind>Added signalled.
  template <typename T>
  Path add_item(const std::string& name, T fresh, const std::function<Status(T&)>& fill);
  // config.Set of a firewalld.conf key: only uid 0 (the setter cannot wait for polkit), then
  // the store, then PropertiesChanged.
  void set_conf(const char* key, const std::string& value);

  // Each property's getter and its setter (overridden together: a getter alone would hide the
  // setter of the same name).
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

  const model::FirewalldConf& conf() const { return store_.config().conf; }

  core::Permanent& store_;  // the owner of the permanent configuration
  ConfigObjects& objects_;
  sdbus::IObject& object_;
};

}  // namespace fwctl::bus
